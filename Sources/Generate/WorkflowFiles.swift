import Catalogue
import DomainModels

/// A field of a workflow form: a scalar of the root block, or of a block the root holds (`port_port_name` for
/// `node.port.port_name`), with the attribute path from the product.
struct FormField {
    let name: String
    let path: [String]
    let code: FieldCode
    /// The blocks on the way that the create step must make when missing: (path to the block, block type).
    let parents: [(path: [String], type: String)]
}

extension ProductCode {
    /// The scalar fields of the root block and of the single blocks it holds, recursively.
    func formFields() -> [FormField] {
        var result: [FormField] = []
        func walk(
            _ block: ProductConfig.Block, path: [String], prefix: String, parents: [(path: [String], type: String)]
        ) {
            for code in fields(of: block) {
                if let type = code.blockType {
                    guard !code.isList, let inner = config.block(ofType: type) else { continue }
                    let innerPath = path + [code.name]
                    walk(
                        inner, path: innerPath, prefix: prefix + code.name + "_", parents: parents + [(innerPath, type)]
                    )
                } else {
                    result.append(
                        FormField(name: prefix + code.name, path: path + [code.name], code: code, parents: parents))
                }
            }
        }
        walk(root, path: [root.name], prefix: "", parents: [])
        return result
    }

    /// `Validated<Name> = Annotated[T, AfterValidator(id_validator)]` for fields with validations.
    func validatedType(_ field: FormField) -> String? {
        guard !field.code.field.validations.isEmpty else { return nil }
        return "Validated" + Naming.camel(field.name)
    }

    func validatedTypes(_ fields: [FormField], imports: inout PythonImports) -> String {
        var lines: [String] = []
        for field in fields {
            guard let alias = validatedType(field) else { continue }
            imports.from("typing", "Annotated")
            imports.from("pydantic", "AfterValidator")
            let validators = field.code.field.validations.map { validation -> String in
                imports.from("\(paths.workflowsModule).\(variable).shared.forms", "\(validation.id)_validator")
                return "AfterValidator(\(validation.id)_validator)"
            }
            lines.append("\(alias) = Annotated[\(formType(field.code)), \(validators.joined(separator: ", "))]")
        }
        return lines.joined(separator: "\n")
    }

    /// The scalar type of a form field (a scalar list as `list[T]`).
    func formType(_ code: FieldCode) -> String { code.isList ? "list[\(code.scalarType)]" : code.scalarType }

    /// Imports the types of form fields need from their block modules, or from where dotted types live.
    func importFormTypes(_ fields: [FormField], into imports: inout PythonImports) {
        for field in fields {
            let code = field.code
            let definedIn =
                field.parents.last.map { module(ofBlockType: $0.type) ?? "" } ?? (module(ofBlockType: root.type) ?? "")
            if code.field.type == "enum"
                || (code.field.type == "int" && (code.field.minValue != nil || code.field.maxValue != nil))
            {
                imports.from(definedIn, code.scalarType)
            } else {
                importType(code, definedIn: "", into: &imports)
            }
        }
    }

    /// `@model_validator` stubs for a workflow's validations of the config.
    func formValidators(_ workflow: String, form: String) -> String {
        guard let entry = config.workflows.first(where: { $0.name == workflow }), !entry.validations.isEmpty else {
            return ""
        }
        return entry.validations.map { validation in
            ["        @model_validator(mode=\"after\")", "        def \(validation.id)(self) -> \"\(form)\":"]
                .joined(separator: "\n") + "\n"
                + PythonComment.todo(
                    "raise ValueError when this does not hold: \(validation.description)", indent: "            ")
                + "\n            return self"
        }.joined(separator: "\n\n")
    }

    func workflowValidations(_ workflow: String) -> [ProductConfig.Validation] {
        config.workflows.first { $0.name == workflow }?.validations ?? []
    }

    /// Whether a workflow is generated (a config without a `workflows` entry for it: yes).
    public func isEnabled(_ workflow: String) -> Bool {
        config.workflows.first { $0.name == workflow }?.enabled ?? true
    }

    /// The context the templates (and custom hook templates) see, with orchestrator-core's names.
    func templateContext() -> [String: Any] {
        [
            "product": [
                "name": config.name, "type": type, "variable": variable, "tag": config.tag,
                "description": config.description, "config": ["summary_forms": config.summaryForms],
            ] as [String: Any],
            "product_block": ["name": root.name, "type": root.type, "variable": variable(of: root)],
            "product_types_module": paths.productTypesModule, "product_blocks_module": paths.productBlocksModule,
            "workflows_module": paths.workflowsModule,
        ]
    }
}
