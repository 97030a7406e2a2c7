import Catalogue
import DomainModels

/// `generate workflows`: the create, modify, terminate and validate modules, the shared forms, the workflow
/// registrations and the translations.
extension ProductCode {
    var workflowFolder: String { paths.path("workflows/\(variable)") }
    var productModule: String { "\(paths.productTypesModule).\(variable)" }

    public func workflowFiles(_ templates: Templates) throws(GenerateError) -> [GeneratedFile] {
        var files = [
            GeneratedFile(path: "\(workflowFolder)/shared/forms.py", content: try sharedForms(templates))
        ]
        if isEnabled("create") { files.append(try createFile(templates)) }
        if isEnabled("modify") { files.append(try modifyFile(templates)) }
        if isEnabled("terminate") { files.append(try terminateFile(templates)) }
        if isEnabled("validate") { files.append(try validateFile(templates)) }
        return files
    }

    func render(_ template: String, _ extra: [String: Any], _ templates: Templates) throws(GenerateError) -> String {
        PythonLayout.normalize(try templates.render(template, templateContext().merging(extra) { $1 }))
    }

    func sharedForms(_ templates: Templates) throws(GenerateError) -> String {
        var imports = PythonImports(firstParty: paths.firstParty)
        var validations: [[String: String]] = []
        let fields = formFields()
        for field in fields {
            for validation in field.code.field.validations {
                validations.append([
                    "id": validation.id, "field": field.code.name, "type": formType(field.code),
                    "comment": PythonComment.todo(
                        "raise ValueError when the value does not pass: \(validation.description)", indent: "    "),
                ])
            }
        }
        if !validations.isEmpty {
            importFormTypes(fields.filter { !$0.code.field.validations.isEmpty }, into: &imports)
        }
        return try render("shared_forms.j2", ["imports": imports.text, "validations": validations], templates)
    }

    func createFile(_ templates: Templates) throws(GenerateError) -> GeneratedFile {
        var imports = PythonImports(firstParty: paths.firstParty)
        for (module, name) in [
            ("orchestrator.core.forms", "FormPage"), ("orchestrator.core.forms.validators", "CustomerId"),
            ("orchestrator.core.forms.validators", "Divider"), ("orchestrator.core.forms.validators", "Label"),
            ("orchestrator.core.types", "SubscriptionLifecycle"), ("orchestrator.core.workflow", "StepList"),
            ("orchestrator.core.workflow", "begin"), ("orchestrator.core.workflow", "step"),
            ("orchestrator.core.workflows.utils", "create_workflow"), ("pydantic", "ConfigDict"),
            ("pydantic_forms.types", "FormGenerator"), ("pydantic_forms.types", "State"),
            ("pydantic_forms.types", "UUIDstr"), (productModule, "\(type)Inactive"),
            (productModule, "\(type)Provisioning"),
        ] {
            imports.from(module, name)
        }
        if config.summaryForms { imports.from("orchestrator.core.forms.summary_form", "base_summary") }
        if !workflowValidations("create").isEmpty { imports.from("pydantic", "model_validator") }
        // The built-in hook defines subscription_description over SubscriptionModel; a custom one imports its own.
        if !templates.customized.contains("additional_create_imports.j2") {
            imports.from("orchestrator.core.domain", "SubscriptionModel")
        }
        let fields = formFields()
        importFormTypes(fields, into: &imports)
        let validated = validatedTypes(fields, imports: &imports)
        let formLines = fields.map { field -> String in
            let type = validatedType(field) ?? formType(field.code)
            if field.code.isList { return "        \(field.name): \(type) = []" }
            if field.code.isRequired(in: ["inactive", "provisioning"]) {
                return "        \(field.name): \(type)" + (field.code.defaultSource.map { " = \($0)" } ?? "")
            }
            return "        \(field.name): \(type) | None = \(field.code.defaultSource ?? "None")"
        }
        let parameters =
            ["product: UUIDstr", "customer_id: UUIDstr"]
            + fields.map { field in
                let type = formType(field.code)
                return "\(field.name): "
                    + (field.code.isList || field.code.isRequired(in: ["inactive", "provisioning"])
                        ? type : "\(type) | None")
            }
        var body = [
            "    \(variable) = \(type)Inactive.from_product_id(",
            "        product_id=product,", "        customer_id=customer_id,",
            "        status=SubscriptionLifecycle.INITIAL,", "    )",
        ]
        var made: Set<String> = []
        for field in fields {
            for parent in field.parents where made.insert(parent.path.joined(separator: ".")).inserted {
                let target = ([variable] + parent.path).joined(separator: ".")
                if let module = module(ofBlockType: parent.type) { imports.from(module, "\(parent.type)BlockInactive") }
                body.append("    if \(target) is None:")
                body.append(
                    "        \(target) = \(parent.type)BlockInactive.new(subscription_id=\(variable).subscription_id)")
            }
            body.append("    \(([variable] + field.path).joined(separator: ".")) = \(field.name)")
        }
        body += [
            "",
            "    \(variable) = \(type)Provisioning.from_other_lifecycle(\(variable), SubscriptionLifecycle.PROVISIONING)",
            "    \(variable).description = subscription_description(\(variable))", "",
            "    return {", "        \"subscription\": \(variable),",
            "        \"subscription_id\": \(variable).subscription_id,",
            "        \"subscription_description\": \(variable).description,", "    }",
        ]
        let content = try render(
            "create_product.j2",
            [
                "imports": imports.text, "validated_types": validated, "form_fields": formLines.joined(separator: "\n"),
                "form_validators": formValidators("create", form: "Create\(type)Form"),
                "construct_signature": PythonWrap.bracketed(
                    "def construct_\(variable)_model(", parameters, ") -> State:", forceExpand: true),
                "construct_body": body.joined(separator: "\n"),
            ], templates)
        return GeneratedFile(path: "\(workflowFolder)/create_\(variable).py", content: content)
    }
}
