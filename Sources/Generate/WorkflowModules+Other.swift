import Catalogue
import DomainModels

/// The modify, terminate and validate modules.
extension ProductCode {
    func modifyFile(_ templates: Templates) throws(GenerateError) -> GeneratedFile {
        var imports = PythonImports(firstParty: paths.firstParty)
        for (module, name) in [
            ("orchestrator.core.forms", "FormPage"), ("orchestrator.core.forms.validators", "CustomerId"),
            ("orchestrator.core.forms.validators", "Divider"), ("orchestrator.core.types", "SubscriptionLifecycle"),
            ("orchestrator.core.workflow", "StepList"), ("orchestrator.core.workflow", "begin"),
            ("orchestrator.core.workflow", "step"), ("orchestrator.core.workflows.steps", "set_status"),
            ("orchestrator.core.workflows.utils", "modify_workflow"), ("pydantic_forms.types", "FormGenerator"),
            ("pydantic_forms.types", "State"), ("pydantic_forms.types", "UUIDstr"), (productModule, type),
            (productModule, "\(type)Provisioning"),
        ] {
            imports.from(module, name)
        }
        if config.summaryForms { imports.from("orchestrator.core.forms.summary_form", "base_summary") }
        if !workflowValidations("modify").isEmpty { imports.from("pydantic", "model_validator") }
        if !templates.customized.contains("additional_modify_imports.j2") {
            imports.from("orchestrator.core.domain", "SubscriptionModel")
        }
        // The root block's own scalar fields: editable when modifiable, shown read-only otherwise.
        let rootFields = formFields().filter { $0.parents.isEmpty }
        let editable = rootFields.filter { $0.code.field.modifiable }
        importFormTypes(editable, into: &imports)
        let validated = validatedTypes(editable, imports: &imports)
        var formLines: [String] = []
        // read_only_field shows str, int, bool and enum values (not addresses and other dotted types).
        for field in rootFields
        where !field.code.field.modifiable && !field.code.isList && !field.code.field.type.contains(".") {
            imports.from("pydantic_forms.validators", "read_only_field")
            formLines.append("        \(field.name): read_only_field(\(root.name).\(field.code.name))")
        }
        for field in editable {
            let type = validatedType(field) ?? formType(field.code)
            let optional =
                field.code.isList || field.code.isRequired(in: ["inactive", "provisioning"]) ? "" : " | None"
            formLines.append("        \(field.name): \(type)\(optional) = \(root.name).\(field.code.name)")
        }
        let parameters =
            ["subscription: \(type)Provisioning"]
            + editable.map { field in
                "\(field.name): \(formType(field.code))"
                    + (field.code.isList || field.code.isRequired(in: ["inactive", "provisioning"]) ? "" : " | None")
            }
        let body =
            editable.map { "    subscription.\(root.name).\($0.code.name) = \($0.name)" }
            + ["    return {\"subscription\": subscription}"]
        let content = try render(
            "modify_product.j2",
            [
                "imports": imports.text, "validated_types": validated, "form_fields": formLines.joined(separator: "\n"),
                "form_validators": formValidators("modify", form: "Modify\(type)Form"),
                "update_signature": PythonWrap.bracketed("def update_subscription(", parameters, ") -> State:"),
                "update_body": body.joined(separator: "\n"),
            ], templates)
        return GeneratedFile(path: "\(workflowFolder)/modify_\(variable).py", content: content)
    }

    func terminateFile(_ templates: Templates) throws(GenerateError) -> GeneratedFile {
        var imports = PythonImports(firstParty: paths.firstParty)
        for (module, name) in [
            ("orchestrator.core.forms", "FormPage"), ("orchestrator.core.forms.validators", "DisplaySubscription"),
            ("orchestrator.core.workflow", "StepList"), ("orchestrator.core.workflow", "begin"),
            ("orchestrator.core.workflow", "step"), ("orchestrator.core.workflows.utils", "terminate_workflow"),
            ("pydantic_forms.types", "InputForm"), ("pydantic_forms.types", "State"),
            ("pydantic_forms.types", "UUIDstr"),
            (productModule, type),
        ] {
            imports.from(module, name)
        }
        if !workflowValidations("terminate").isEmpty { imports.from("pydantic", "model_validator") }
        let content = try render(
            "terminate_product.j2",
            ["imports": imports.text, "form_validators": formValidators("terminate", form: "Terminate\(type)Form")],
            templates)
        return GeneratedFile(path: "\(workflowFolder)/terminate_\(variable).py", content: content)
    }

    func validateFile(_ templates: Templates) throws(GenerateError) -> GeneratedFile {
        var imports = PythonImports(firstParty: paths.firstParty)
        for (module, name) in [
            ("orchestrator.core.workflow", "StepList"), ("orchestrator.core.workflow", "begin"),
            ("orchestrator.core.workflow", "step"), ("orchestrator.core.workflows.utils", "validate_workflow"),
            ("pydantic_forms.types", "State"), (productModule, type),
        ] {
            imports.from(module, name)
        }
        let validations = workflowValidations("validate")
        let steps = ["begin", "load_initial_state_\(variable)"] + validations.map { "check_\($0.id)" }
        let content = try render(
            "validate_product.j2",
            [
                "imports": imports.text,
                "workflow_validations": validations.map { validation -> [String: String] in
                    [
                        "id": validation.id, "step_name": PythonLiteral.string(validation.description),
                        "step_decorator": PythonWrap.bracketed(
                            "@step(", [PythonLiteral.string(validation.description)], ")"),
                        "comment": PythonComment.todo(
                            "raise an error when the subscription does not pass: \(validation.description)",
                            indent: "    "),
                    ]
                },
                "steps": PythonWrap.chain(steps, indent: "    "),
            ], templates)
        return GeneratedFile(path: "\(workflowFolder)/validate_\(variable).py", content: content)
    }
}

extension PythonWrap {
    /// `a >> b >> c` after `return `, wrapped in parentheses one step per line when too long (as ruff does).
    static func chain(_ steps: [String], indent: String) -> String {
        let flat = steps.joined(separator: " >> ")
        if DisplayWidth.of(indent + "return " + flat) <= width { return flat }
        return "(\n" + indent + "    " + steps[0] + "\n"
            + steps.dropFirst().map { indent + "    >> " + $0 + "\n" }.joined()
            + indent + ")"
    }
}
