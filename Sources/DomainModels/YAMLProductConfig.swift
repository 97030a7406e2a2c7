import Catalogue
import Foundation
import PythonSource
import Yams

/// Reads a YAML product config of orchestrator-core's `generate` (docs/orchestrator-core.md §5.2–5.3) as the model set
/// the generated code would define: one product per variant, the config's blocks with their resource types and
/// relations.
public enum YAMLProductConfig {
    /// Scalar field types: anything else that is not a block of the file would be a block class of the project's
    /// code, which the file alone does not show.
    static let scalarTypes: Set<String> = [
        "int", "str", "bool", "enum", "list", "float", "UUID", "datetime", "date", "Decimal", "dict",
    ]

    /// More product variants than this (the cartesian product of the fixed inputs' values) are refused.
    public static let maximumVariants = 10_000

    public static func read(_ url: URL) throws(DomainModelsError) -> ModelSet {
        let text: String
        do throws(TextFile.Failure) {
            text = try TextFile.read(url.path)
        } catch {
            if case .missing = error { throw DomainModelsError(.notFound, "configuration file not found: \(url.path)") }
            throw DomainModelsError(.invalidConfig, "\(error)")
        }
        return try read(text, file: url.lastPathComponent)
    }

    public static func read(_ text: String, file: String) throws(DomainModelsError) -> ModelSet {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw DomainModelsError(.invalidConfig, "\(file): failed to parse configuration file: \(describe(error))")
        } catch {
            throw DomainModelsError(.invalidConfig, "\(file): failed to parse configuration file: \(error)")
        }
        guard let root = node, root.mapping != nil else {
            throw DomainModelsError(
                .invalidConfig, "\(file): the configuration must be a mapping with name, type and product_blocks")
        }
        return try Reader(file: file).read(root)
    }

    /// libyaml's problem with its position, on one line (Yams' own description quotes the input).
    public static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return "line \(mark.line), column \(mark.column): \(problem)"
        case .reader(let problem, let offset, _, _):
            return "byte \(offset ?? 0): \(problem)"
        default:
            return String("\(error)".split(separator: "\n").first ?? "not YAML")
        }
    }

    /// Python's `str.title()` then removing underscores: the generated enum class name (`port_mode` → `PortMode`).
    public static func enumClassName(_ name: String) -> String {
        var result = ""
        var previousIsLetter = false
        for character in name {
            result += previousIsLetter ? character.lowercased() : character.uppercased()
            previousIsLetter = character.isLetter
        }
        return result.replacingOccurrences(of: "_", with: "")
    }

    private struct Reader {
        let file: String

        func fail(_ node: Node?, _ message: String) -> DomainModelsError {
            let line = node?.mark.map { ":\($0.line)" } ?? ""
            return DomainModelsError(.invalidConfig, TextEscaping.oneLine("\(file)\(line): \(message)"))
        }

        func required(_ node: Node, _ key: String, in what: String) throws(DomainModelsError) -> Node {
            guard let value = node[key] else { throw fail(node, "\(what) lacks the required key '\(key)'") }
            return value
        }

        func text(_ node: Node, _ key: String, in what: String) throws(DomainModelsError) -> String {
            let value = try required(node, key, in: what)
            guard let string = value.string else { throw fail(value, "'\(key)' of \(what) must be a text") }
            return string
        }

        func list(_ node: Node?, _ key: String, in what: String) throws(DomainModelsError) -> [Node] {
            guard let value = node?[key] else { return [] }
            if case .scalar(let scalar) = value,
                scalar.string.isEmpty || scalar.string == "null" || scalar.string == "~"
            {
                return []
            }
            guard let sequence = value.sequence else { throw fail(value, "'\(key)' of \(what) must be a list") }
            return Array(sequence)
        }

        func integer(_ node: Node, _ key: String) throws(DomainModelsError) -> Int? {
            guard let value = node[key] else { return nil }
            guard let string = value.string, let number = Int(string) else {
                throw fail(value, "'\(key)' must be a whole number")
            }
            return number
        }

        func read(_ root: Node) throws(DomainModelsError) -> ModelSet {
            let productName = try text(root, "name", in: "the product")
            let productType = try text(root, "type", in: "the product")
            guard root["product_blocks"] != nil else {
                throw fail(root, "the product lacks the required key 'product_blocks'")
            }
            let blockNodes = try list(root, "product_blocks", in: "the product")

            struct Block {
                var name: String
                var type: String
                var node: Node
            }
            var blocks: [Block] = []
            for node in blockNodes {
                let type = try text(node, "type", in: "a product block")
                _ = try text(node, "name", in: "product block '\(type)'")
                let name =
                    try node["block_name"].flatMap { value throws(DomainModelsError) -> String? in
                        guard let string = value.string else { throw fail(value, "'block_name' must be a text") }
                        return string
                    } ?? type
                if blocks.contains(where: { $0.type == type }) {
                    throw fail(node, "product block type '\(type)' appears twice")
                }
                blocks.append(Block(name: name, type: type, node: node))
            }
            let nameOfType = Dictionary(blocks.map { ($0.type, $0.name) }, uniquingKeysWith: { first, _ in first })

            var modelSet = ModelSet()
            var dependencies: [String: Set<String>] = [:]  // block type → block types it depends on
            for block in blocks {
                var model = ProductBlockModel()
                var resourceTypes: [String] = []
                dependencies[block.type] = []
                for field in try list(block.node, "fields", in: "product block '\(block.type)'") {
                    let fieldName = try text(field, "name", in: "a field of '\(block.type)'")
                    let fieldType = try text(field, "type", in: "field '\(fieldName)' of '\(block.type)'")
                    let listType = field["list_type"]?.string
                    let referenced = fieldType == "list" ? listType : fieldType
                    if let referenced, let target = nameOfType[referenced] {
                        let bounds =
                            fieldType == "list"
                            ? ListBounds(
                                min: try integer(field, "min_items") ?? 0, max: try integer(field, "max_items"))
                            : ListBounds()
                        model.dependsOn[target, default: BlockDependency()].attributes[fieldName] = bounds
                        dependencies[block.type, default: []].insert(referenced)
                    } else if let referenced, !YAMLProductConfig.isScalar(referenced) {
                        // The base type of a block class in the project's code, not in this file: which block (and
                        // under which product_block_name) is not known from the file alone, so the field is left out.
                        modelSet.diagnostics.append(
                            ModelDiagnostic(
                                file: file, line: field.mark?.line ?? 0,
                                message:
                                    "field '\(fieldName)' of '\(block.type)' has type '\(referenced)', which is neither a scalar nor a block of this file (an existing block of the project's code?); the field is left out"
                            ))
                    } else {
                        resourceTypes.append(fieldName)
                    }
                }
                model.resourceTypes = resourceTypes.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                modelSet.productBlocks[block.name] = model
            }

            // Exactly one root: the block no other block depends on (docs/orchestrator-core.md §5.2's validation
            // messages).
            try checkAcyclic(dependencies, root: root)
            let dependedOn = Set(dependencies.values.flatMap { $0 })
            let roots = blocks.filter { !dependedOn.contains($0.type) }
            guard roots.count == 1, let rootBlock = roots.first else {
                if roots.isEmpty {
                    throw fail(
                        root,
                        "There should be exactly 1 root product block, found none. Please ensure there are no cyclic relations"
                    )
                }
                throw fail(root, "There should be exactly 1 root product block, found multiple: \(roots.map(\.type))")
            }

            var fixedInputs: [String: FixedInputModel] = [:]
            var variantAxes: [[String]] = []
            for input in try list(root, "fixed_inputs", in: "the product") {
                let name = try text(input, "name", in: "a fixed input")
                let type = try text(input, "type", in: "fixed input '\(name)'")
                let values = try list(input, "values", in: "fixed input '\(name)'").map {
                    value throws(DomainModelsError) -> String in
                    guard let string = value.string else {
                        throw fail(value, "values of fixed input '\(name)' must be scalars")
                    }
                    return string
                }
                let annotation =
                    type == "enum"
                    ? YAMLProductConfig.enumClassName(name) : String(type.split(separator: ".").last ?? "")
                fixedInputs[name] = FixedInputModel(
                    type: annotation,
                    values: type == "enum" ? values.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } : nil)
                if !values.isEmpty { variantAxes.append(values) }
            }
            // Variants: the cartesian product of the values, in declaration order, appended to the name.
            let count = variantAxes.reduce(1) { $0.multipliedReportingOverflow(by: max(1, $1.count)).partialValue }
            if count > YAMLProductConfig.maximumVariants
                || variantAxes.contains(where: { $0.count > YAMLProductConfig.maximumVariants })
            {
                throw fail(
                    root,
                    "the fixed inputs' values make \(count) product variants; at most \(YAMLProductConfig.maximumVariants) are read (a product with more variants is not one a catalogue can hold)"
                )
            }
            var variants = [[String]()]
            for axis in variantAxes { variants = variants.flatMap { prefix in axis.map { prefix + [$0] } } }
            for variant in variants {
                let name = ([productName] + variant).joined(separator: " ")
                modelSet.products[name] = ProductModel(
                    productType: productType, fixedInputs: fixedInputs, productBlocks: [rootBlock.name])
            }
            return modelSet
        }

        func checkAcyclic(_ dependencies: [String: Set<String>], root: Node) throws(DomainModelsError) {
            var state: [String: Int] = [:]  // 1 visiting, 2 done
            func visit(_ type: String) -> Bool {
                if state[type] == 2 { return true }
                if state[type] == 1 { return false }
                state[type] = 1
                for next in dependencies[type] ?? [] where dependencies[next] != nil {
                    if !visit(next) { return false }
                }
                state[type] = 2
                return true
            }
            for type in dependencies.keys.sorted() where !visit(type) {
                let described = dependencies.keys.sorted().map { "\($0): \((dependencies[$0] ?? []).sorted())" }.joined(
                    separator: ", ")
                throw fail(root, "Cycle detected in product blocks: {\(described)}")
            }
        }
    }

    static func isScalar(_ type: String) -> Bool { scalarTypes.contains(type) || type.contains(".") }
}
