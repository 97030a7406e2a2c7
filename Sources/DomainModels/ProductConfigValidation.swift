import Catalogue
import PythonSource

extension ProductConfig {
    /// A block a config may use that it does not define: one of the project's code or of the catalogue.
    public struct ExternalBlock: Sendable {
        /// The base type (`Node` for the classes `NodeBlock…`).
        public var type: String
        /// Its `product_block_name` (the catalogue's name).
        public var blockName: String
        /// The module its classes are imported from; nil when only the catalogue has it.
        public var module: String?
        /// Fields its active class declares without a default (a new instance cannot be made without them).
        public var requiredFields: [String]

        public init(type: String, blockName: String, module: String?, requiredFields: [String] = []) {
            self.type = type
            self.blockName = blockName
            self.module = module
            self.requiredFields = requiredFields
        }
    }

    /// A config that passed every check: its blocks in dependency order (dependencies first) and its root.
    public struct Checked: Sendable {
        public var config: ProductConfig
        public var sortedBlocks: [Block]
        public var root: Block
        /// Block type → the config and external block types its fields use.
        public var dependencies: [String: [String]]
        public var external: [String: ExternalBlock]
    }

    /// Scalar field types the templates know; a dotted type (`ipaddress.IPv4Address`) is imported.
    public static let scalarTypes: Set<String> = ["int", "str", "bool", "enum", "list"]

    /// Every check of docs/orchestrator-core.md §5.2 and the ones orchestrator-core misses, each as one message naming
    /// the place: exactly one root block, no cycle, no unknown type, bounds that make sense, defaults of the field's
    /// type, enums with values.
    public func check(external: [String: ExternalBlock] = [:]) throws(DomainModelsError) -> Checked {
        let fail = Self.invalid
        guard !productBlocks.isEmpty else { throw fail(place, "the product has no product_blocks") }
        try checkNames(fail: fail)
        let seen = try blockTypes()
        for input in fixedInputs {
            try checkValues(
                input.type, enumType: input.enumType, values: input.values, place: input.place,
                what: "fixed input '\(input.name)'")
        }
        var dependencies: [String: [String]] = [:]
        for block in productBlocks {
            var names: Set<String> = []
            dependencies[block.type] = []
            for field in block.fields {
                let what = "field '\(field.name)' of block '\(block.type)'"
                guard names.insert(field.name).inserted else { throw fail(field.place, "\(what) appears twice") }
                let referenced = field.type == "list" ? field.listType : field.type
                guard let referenced else { throw fail(field.place, "\(what) is a list without list_type") }
                if seen.contains(referenced) || external[referenced] != nil {
                    dependencies[block.type, default: []].append(referenced)
                    try checkInstancesCanBeMade(field, of: referenced, external: external, what: what, fail: fail)
                } else if !(Self.scalarTypes.contains(referenced) && referenced != "list") && !referenced.contains(".")
                {
                    throw fail(
                        field.place,
                        "\(what) has the unknown type '\(referenced)': not int, str, bool, enum, list or a dotted type, and no block of this config, of the project's code (products/product_blocks) or of the catalogue has that type"
                    )
                }
                try checkField(field, what: what, fail: fail)
            }
        }
        let (sorted, root) = try structure(dependencies, fail: fail)
        try checkRootName(root, fail: fail)
        try checkVariantCount(fail: fail)
        return Checked(
            config: self, sortedBlocks: sorted, root: root, dependencies: dependencies, external: external)
    }

    /// An error of the config at `place`, on one line.
    static func invalid(_ place: Place, _ message: String) -> DomainModelsError {
        DomainModelsError(.invalidConfig, TextEscaping.oneLine("\(place): \(message)"))
    }

    /// The config's block types; a type defined twice is an error.
    func blockTypes() throws(DomainModelsError) -> Set<String> {
        var seen: Set<String> = []
        for block in productBlocks where !seen.insert(block.type).inserted {
            throw Self.invalid(block.place, "product block type '\(block.type)' appears twice")
        }
        return seen
    }

    /// Exactly one root and no cycle (orchestrator-core's messages): the blocks in dependency order and the root.
    func structure(
        _ dependencies: [String: [String]], fail: (Place, String) -> DomainModelsError
    ) throws(DomainModelsError) -> (sorted: [Block], root: Block) {
        let sorted = try topologicalOrder(productBlocks.map(\.type), dependencies: dependencies, fail: fail)
        let used = Set(dependencies.values.flatMap { $0 })
        let roots = productBlocks.filter { !used.contains($0.type) }
        guard roots.count == 1, let root = roots.first else {
            if roots.isEmpty {
                throw fail(
                    place,
                    "There should be exactly 1 root product block, found none. Please ensure there are no cyclic relations"
                )
            }
            throw fail(place, "There should be exactly 1 root product block, found multiple: \(roots.map(\.type))")
        }
        return (sorted.compactMap { block(ofType: $0) }, root)
    }

    /// More product variants than this (the cartesian product of the fixed inputs' values) are refused: a product
    /// with more is not one a catalogue can hold, and listing them would not end.
    public static let maximumVariants = 10_000

    func checkVariantCount(fail: (Place, String) -> DomainModelsError) throws(DomainModelsError) {
        var count = 1
        for input in fixedInputs where !input.values.isEmpty {
            let (product, overflow) = count.multipliedReportingOverflow(by: input.values.count)
            guard !overflow, product <= Self.maximumVariants else {
                throw fail(
                    place,
                    "the fixed inputs' values make more than \(Self.maximumVariants) product variants (a product with more is not one a catalogue can hold)"
                )
            }
            count = product
        }
    }

    /// The generated create workflow makes a list's `min_items` instances, and a required single block of another
    /// product's code, without values for their fields: such a block must have none that is required without a
    /// default (a block of this config in a single field gets its fields from the create form).
    private func checkInstancesCanBeMade(
        _ field: Field, of type: String, external: [String: ExternalBlock], what: String,
        fail: (Place, String) -> DomainModelsError
    ) throws(DomainModelsError) {
        let isList = field.type == "list"
        let made = isList ? (field.minItems ?? 0) > 0 : field.required != nil && block(ofType: type) == nil
        guard made else { return }
        let required =
            block(ofType: type)?.fields.filter { $0.required != nil && $0.defaultValue == nil && $0.type != "list" }
            .map(\.name)
            ?? external[type]?.requiredFields ?? []
        guard required.isEmpty else {
            let how =
                isList
                ? "a list of '\(type)' with min_items \(field.minItems ?? 0)" : "a required '\(type)' of existing code"
            throw fail(
                field.place,
                "\(what) is \(how), but '\(type)' has fields required without a default (\(required.joined(separator: ", "))): the generated create workflow cannot make its instances; give them defaults\(isList ? ", or min_items 0" : "")"
            )
        }
    }

    private func checkField(
        _ field: Field, what: String, fail: (Place, String) -> DomainModelsError
    ) throws(DomainModelsError) {
        if field.minValue != nil || field.maxValue != nil {
            guard field.type == "int" else {
                throw fail(field.place, "\(what) has min_value/max_value but is not an int")
            }
            if let low = field.minValue, let high = field.maxValue, low > high {
                throw fail(field.place, "\(what) has min_value \(low) above max_value \(high)")
            }
        }
        if field.minItems != nil || field.maxItems != nil {
            guard field.type == "list" else {
                throw fail(field.place, "\(what) has min_items/max_items but is not a list")
            }
            if (field.minItems ?? 0) < 0 || (field.maxItems ?? 0) < 0 {
                throw fail(field.place, "\(what) has a negative min_items or max_items")
            }
            if let low = field.minItems, let high = field.maxItems, low > high {
                throw fail(field.place, "\(what) has min_items \(low) above max_items \(high)")
            }
        }
        if field.type == "enum" {
            try checkValues("enum", enumType: field.enumType, values: field.values, place: field.place, what: what)
        }
        if field.required == "inactive" && field.defaultValue == nil {
            throw fail(field.place, "\(what) is required from inactive, so it needs a default")
        }
        if let value = field.defaultValue, !field.defaultIsQuoted || field.type != "str" {
            switch field.type {
            case "int":
                guard let number = Int(value) else {
                    throw fail(field.place, "the default of \(what) must be a whole number, not '\(value)'")
                }
                if let low = field.minValue, number < low {
                    throw fail(field.place, "the default of \(what) is below min_value")
                }
                if let high = field.maxValue, number > high {
                    throw fail(field.place, "the default of \(what) is above max_value")
                }
            case "bool":
                guard ["true", "false", "True", "False"].contains(value) else {
                    throw fail(field.place, "the default of \(what) must be true or false, not '\(value)'")
                }
            case "enum":
                guard field.values.contains(value) else {
                    throw fail(field.place, "the default of \(what) must be one of \(field.values), not '\(value)'")
                }
            case "list":
                throw fail(field.place, "\(what) is a list: a default is not supported")
            default:
                break
            }
        }
    }

    private func checkValues(
        _ type: String, enumType: String?, values: [String], place: Place, what: String
    ) throws(DomainModelsError) {
        guard type == "enum" else {
            if type == "int", let bad = values.first(where: { Int($0) == nil }) {
                throw DomainModelsError(.invalidConfig, "\(place): \(what) is an int, but its value '\(bad)' is not")
            }
            return
        }
        guard !values.isEmpty else {
            throw DomainModelsError(.invalidConfig, "\(place): \(what) is an enum without values")
        }
        guard ["int", "str", nil].contains(enumType) else {
            throw DomainModelsError(
                .invalidConfig, "\(place): the enum_type of \(what) must be int or str, not '\(enumType ?? "")'")
        }
        if enumType == "int", let bad = values.first(where: { Int($0) == nil }) {
            throw DomainModelsError(
                .invalidConfig, "\(place): \(what) is an int enum, but its value '\(bad)' is not a whole number")
        }
        if enumType != "int", let bad = values.first(where: { !PythonIdentifier.isUsable($0) }) {
            throw DomainModelsError(
                .invalidConfig,
                "\(place): the value '\(bad)' of \(what) cannot be a member of a str enum (not a Python identifier, or a keyword)"
            )
        }
    }

    /// The config's block types, dependencies first (declaration order among equals); a cycle is an error.
    private func topologicalOrder(
        _ types: [String], dependencies: [String: [String]], fail: (Place, String) -> DomainModelsError
    ) throws(DomainModelsError) -> [String] {
        var result: [String] = []
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        func visit(_ type: String) -> Bool {
            if state[type] == 2 { return true }
            if state[type] == 1 { return false }
            state[type] = 1
            for next in dependencies[type] ?? [] where dependencies[next] != nil {
                if !visit(next) { return false }
            }
            state[type] = 2
            result.append(type)
            return true
        }
        for type in types where !visit(type) {
            let described = dependencies.keys.sorted().map { "\($0): \((dependencies[$0] ?? []).sorted())" }
            throw fail(place, "Cycle detected in product blocks: {\(described.joined(separator: ", "))}")
        }
        return result
    }
}
