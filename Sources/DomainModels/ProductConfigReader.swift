import Catalogue
import Yams

/// Reads the nodes of a product config into `ProductConfig`, naming `file:line:column` in every error.
struct ConfigReader {
    let file: String

    func place(_ node: Node?) -> ProductConfig.Place {
        ProductConfig.Place(file: file, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0)
    }

    func fail(_ node: Node?, _ message: String) -> DomainModelsError {
        DomainModelsError(.invalidConfig, TextEscaping.oneLine("\(place(node)): \(message)"))
    }

    func text(_ node: Node, _ key: String, in what: String) throws(DomainModelsError) -> String {
        guard let value = node[key] else { throw fail(node, "\(what) lacks the required key '\(key)'") }
        guard let string = value.scalar?.string, value.scalar?.string.isEmpty == false || key == "description" else {
            throw fail(value, "'\(key)' of \(what) must be a text")
        }
        return string
    }

    func optionalText(_ node: Node, _ key: String, in what: String) throws(DomainModelsError) -> String? {
        guard let value = node[key] else { return nil }
        if isNull(value) { return nil }
        guard let string = value.scalar?.string else { throw fail(value, "'\(key)' of \(what) must be a text") }
        return string
    }

    func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["", "null", "~", "Null", "NULL"].contains(scalar.string)
    }

    func list(_ node: Node, _ key: String, in what: String) throws(DomainModelsError) -> [Node] {
        guard let value = node[key], !isNull(value) else { return [] }
        guard let sequence = value.sequence else { throw fail(value, "'\(key)' of \(what) must be a list") }
        return Array(sequence)
    }

    func integer(_ node: Node, _ key: String, in what: String) throws(DomainModelsError) -> Int? {
        guard let value = node[key], !isNull(value) else { return nil }
        guard let string = value.scalar?.string, let number = Int(string.replacingOccurrences(of: "_", with: "")) else {
            throw fail(value, "'\(key)' of \(what) must be a whole number")
        }
        return number
    }

    func flag(_ node: Node, _ key: String, default fallback: Bool) throws(DomainModelsError) -> Bool {
        guard let value = node[key], !isNull(value) else { return fallback }
        switch value.scalar?.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw fail(value, "'\(key)' must be true or false")
        }
    }

    func validations(_ node: Node, in what: String) throws(DomainModelsError) -> [ProductConfig.Validation] {
        var result: [ProductConfig.Validation] = []
        for item in try list(node, "validations", in: what) {
            result.append(
                .init(
                    id: try text(item, "id", in: "a validation of \(what)"),
                    description: try text(item, "description", in: "validation of \(what)")))
        }
        return result
    }

    func scalars(_ node: Node, _ key: String, in what: String) throws(DomainModelsError) -> [String] {
        var values: [String] = []
        for value in try list(node, key, in: what) {
            guard let string = value.scalar?.string else { throw fail(value, "values of \(what) must be scalars") }
            values.append(string)
        }
        return values
    }

    func config(_ root: Node) throws(DomainModelsError) -> ProductConfig {
        let name = try text(root, "name", in: "the product")
        let type = try text(root, "type", in: "the product")
        guard root["product_blocks"] != nil else {
            throw fail(root, "the product lacks the required key 'product_blocks'")
        }
        var summaryForms = false
        if let options = root["config"], !isNull(options) {
            guard options.mapping != nil else { throw fail(options, "'config' must be a mapping") }
            summaryForms = try flag(options, "summary_forms", default: false)
        }
        var fixedInputs: [ProductConfig.FixedInput] = []
        for input in try list(root, "fixed_inputs", in: "the product") {
            let inputName = try text(input, "name", in: "a fixed input")
            let what = "fixed input '\(inputName)'"
            fixedInputs.append(
                .init(
                    name: inputName, type: try text(input, "type", in: what),
                    enumType: try optionalText(input, "enum_type", in: what),
                    values: try scalars(input, "values", in: what),
                    description: try optionalText(input, "description", in: what),
                    defaultValue: try optionalText(input, "default", in: what), place: place(input)))
        }
        var blocks: [ProductConfig.Block] = []
        for node in try list(root, "product_blocks", in: "the product") {
            let blockType = try text(node, "type", in: "a product block")
            let what = "product block '\(blockType)'"
            var fields: [ProductConfig.Field] = []
            for field in try list(node, "fields", in: what) {
                fields.append(try self.field(field, in: what))
            }
            blocks.append(
                .init(
                    name: try text(node, "name", in: what), type: blockType,
                    blockName: try optionalText(node, "block_name", in: what) ?? blockType,
                    tag: try optionalText(node, "tag", in: what) ?? "",
                    description: try optionalText(node, "description", in: what) ?? "",
                    variable: try optionalText(node, "variable", in: what), fields: fields, place: place(node)))
        }
        var workflows: [ProductConfig.WorkflowEntry] = []
        for node in try list(root, "workflows", in: "the product") {
            let workflowName = try text(node, "name", in: "a workflow")
            guard ["create", "modify", "terminate", "validate"].contains(workflowName) else {
                throw fail(node["name"], "workflow '\(workflowName)' is not one of create, modify, terminate, validate")
            }
            workflows.append(
                .init(
                    name: workflowName, enabled: try flag(node, "enabled", default: true),
                    validations: try validations(node, in: "workflow '\(workflowName)'")))
        }
        return ProductConfig(
            file: file, name: name, type: type, tag: try optionalText(root, "tag", in: "the product") ?? "",
            description: try optionalText(root, "description", in: "the product") ?? "",
            variable: try optionalText(root, "variable", in: "the product"), summaryForms: summaryForms,
            fixedInputs: fixedInputs, productBlocks: blocks, workflows: workflows, place: place(root))
    }

    func field(_ field: Node, in block: String) throws(DomainModelsError) -> ProductConfig.Field {
        let name = try text(field, "name", in: "a field of \(block)")
        let what = "field '\(name)' of \(block)"
        // orchestrator-core's documentation says `initial` where its templates compare with `inactive`: both mean
        // the first lifecycle state.
        var required = try optionalText(field, "required", in: what)
        if required == "initial" { required = "inactive" }
        if let required, !["inactive", "provisioning", "active"].contains(required) {
            throw fail(
                field["required"],
                "'required' of \(what) must be inactive (or initial), provisioning or active, not '\(required)'")
        }
        let defaultNode = field["default"]
        // orchestrator-core's templates know `UUID` as a list type (its quirk list, docs/orchestrator-core.md §5.3)
        // without importing it; it is the standard library's, so it is read as the dotted type that is imported.
        func known(_ type: String) -> String { type == "UUID" ? "uuid.UUID" : type }
        return ProductConfig.Field(
            name: name, type: known(try text(field, "type", in: what)),
            description: try optionalText(field, "description", in: what), required: required,
            defaultValue: defaultNode.flatMap { isNull($0) ? nil : $0.scalar?.string },
            defaultIsQuoted: defaultNode?.scalar.map { $0.style != .plain } ?? false,
            modifiable: field["modifiable"] != nil, validations: try validations(field, in: what),
            listType: try optionalText(field, "list_type", in: what).map(known),
            minItems: try integer(field, "min_items", in: what), maxItems: try integer(field, "max_items", in: what),
            minValue: try integer(field, "min_value", in: what), maxValue: try integer(field, "max_value", in: what),
            enumType: try optionalText(field, "enum_type", in: what), values: try scalars(field, "values", in: what),
            place: place(field))
    }
}
