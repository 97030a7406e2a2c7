import DomainModels

/// `generate product-blocks` and `generate product`: the block modules (dependencies first) and the product type
/// module, through the `product_block.j2` and `product.j2` templates.
extension ProductCode {
    static let lifecycles: [(suffix: String, states: [String], keyword: String)] = [
        ("Inactive", ["inactive"], ""), ("Provisioning", ["inactive", "provisioning"], "PROVISIONING"),
        ("", ["inactive", "provisioning", "active"], "ACTIVE"),
    ]

    /// One module per block of the config, in dependency order.
    public func productBlockFiles(_ templates: Templates) throws(GenerateError) -> [GeneratedFile] {
        var files: [GeneratedFile] = []
        for block in checked.sortedBlocks {
            let module = "\(paths.productBlocksModule).\(variable(of: block))"
            let codes = fields(of: block)
            var imports = PythonImports(firstParty: paths.firstParty)
            imports.from("orchestrator.core.domain.base", "ProductBlockModel")
            imports.from("orchestrator.core.types", "SubscriptionLifecycle")
            imports.from("pydantic", "computed_field")
            for code in codes { importType(code, definedIn: module, into: &imports) }
            let definitions = self.definitions(of: codes, imports: &imports)
            var context: [String: Any] = ["definitions": definitions]
            for (suffix, states, keyword) in Self.lifecycles {
                let key = suffix.isEmpty ? "active" : suffix.lowercased()
                let base =
                    suffix == "Inactive"
                    ? "ProductBlockModel" : "\(block.type)Block\(suffix == "" ? "Provisioning" : "Inactive")"
                let argument =
                    suffix == "Inactive"
                    ? "product_block_name=\(PythonLiteral.string(block.blockName))"
                    : "lifecycle=[SubscriptionLifecycle.\(keyword)]"
                context["\(key)_header"] = PythonWrap.bracketed(
                    "class \(block.type)Block\(suffix)(", [base, argument], "):")
                context["\(key)_body"] = Self.body(codes.map { $0.declaration(suffix: suffix, lifecycles: states) })
            }
            context["imports"] = imports.text
            files.append(
                GeneratedFile(
                    path: paths.path("products/product_blocks/\(variable(of: block)).py"),
                    content: PythonLayout.normalize(try templates.render("product_block.j2", context))))
        }
        return files
    }

    /// The fixed inputs as the product classes declare them: enums as classes, other types as given.
    func fixedInputTypes(imports: inout PythonImports) -> (definitions: String, lines: [String]) {
        var classes: [String] = []
        var lines: [String] = []
        for input in config.fixedInputs {
            var type = input.type
            if input.type == "enum" {
                type = Naming.enumClass(input.name)
                let isInt = input.enumType == "int"
                imports.from("enum", isInt ? "IntEnum" : "StrEnum")
                let members = input.values.map {
                    isInt ? "    _\($0) = \($0)" : "    \($0) = \(PythonLiteral.string($0))"
                }
                classes.append("class \(type)(\(isInt ? "IntEnum" : "StrEnum")):\n" + members.joined(separator: "\n"))
            } else if input.type.contains(".") {
                type = String(input.type.split(separator: ".").last ?? "")
                imports.from(String(input.type.split(separator: ".").dropLast().joined(separator: ".")), type)
            }
            lines.append("\(input.name): \(type)")
        }
        return (classes.joined(separator: "\n\n\n"), lines)
    }

    /// The product type module.
    public func productFile(_ templates: Templates) throws(GenerateError) -> GeneratedFile {
        var imports = PythonImports(firstParty: paths.firstParty)
        imports.from("orchestrator.core.domain.base", "SubscriptionModel")
        imports.from("orchestrator.core.types", "SubscriptionLifecycle")
        guard let rootModule = module(ofBlockType: root.type) else {
            throw GenerateError(.template, "no module for the root block \(root.type)")
        }
        for suffix in ["Block", "BlockInactive", "BlockProvisioning"] { imports.from(rootModule, root.type + suffix) }
        let (definitions, fixedInputLines) = fixedInputTypes(imports: &imports)
        var context: [String: Any] = ["definitions": definitions]
        for (suffix, _, keyword) in Self.lifecycles {
            let key = suffix.isEmpty ? "active" : suffix.lowercased()
            let arguments =
                suffix == "Inactive"
                ? ["SubscriptionModel", "is_base=True"]
                : [
                    "\(type)\(suffix == "" ? "Provisioning" : "Inactive")",
                    "lifecycle=[SubscriptionLifecycle.\(keyword)]",
                ]
            context["\(key)_header"] = PythonWrap.bracketed("class \(type)\(suffix)(", arguments, "):")
            context["\(key)_body"] = Self.body(fixedInputLines + ["\(root.name): \(root.type)Block\(suffix)"])
        }
        context["imports"] = imports.text
        return GeneratedFile(
            path: paths.path("products/product_types/\(variable).py"),
            content: PythonLayout.normalize(try templates.render("product.j2", context)))
    }
}
