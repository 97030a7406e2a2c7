/// The code side of a catalogue: what orchestrator-core derives from the domain models (docs/orchestrator-core.md
/// §2.2), read without running Python (from model source or YAML product configs). The planner diffs it against a
/// `DatabaseCatalogue`.
///
/// Keyed by the names the database uses: product names (registry keys) and product block names
/// (`product_block_name`). Collections are dictionaries and sorted arrays, so equal model sets compare equal and
/// serialise identically.
public struct ModelSet: Hashable, Sendable {
    public var products: [String: ProductModel]
    public var productBlocks: [String: ProductBlockModel]
    /// What could not be resolved, and why. With an `.incomplete` diagnostic, something may be missing.
    public var diagnostics: [ModelDiagnostic]

    /// Something in the models could not be read (a field left out, an import or registry entry not followed):
    /// planning on this set could delete what the reader missed.
    public var isIncomplete: Bool { diagnostics.contains { $0.severity == .incomplete } }

    /// The diagnostics that make the set incomplete.
    public var incompleteDiagnostics: [ModelDiagnostic] { diagnostics.filter { $0.severity == .incomplete } }

    public init(
        products: [String: ProductModel] = [:], productBlocks: [String: ProductBlockModel] = [:],
        diagnostics: [ModelDiagnostic] = []
    ) {
        self.products = products
        self.productBlocks = productBlocks
        self.diagnostics = diagnostics
    }
}

/// A registered product: one key of `SUBSCRIPTION_MODEL_REGISTRY`.
public struct ProductModel: Hashable, Sendable {
    /// The Python class name (the database's `product_type`).
    public var productType: String
    /// Fixed inputs by name: the product class's own non-block fields.
    public var fixedInputs: [String: FixedInputModel]
    /// Names of the product's root product blocks (abstract block types stand for their concrete names), sorted.
    public var productBlocks: [String]

    public init(productType: String, fixedInputs: [String: FixedInputModel] = [:], productBlocks: [String] = []) {
        self.productType = productType
        self.fixedInputs = fixedInputs
        self.productBlocks = productBlocks
    }
}

/// A fixed input field of a product class.
public struct FixedInputModel: Hashable, Sendable {
    /// The annotation as written (as Python's `ast.unparse` prints it).
    public var type: String
    /// The enum's values (`str(value)`, sorted) when the annotation is an enum; otherwise nil.
    public var values: [String]?

    public init(type: String, values: [String]? = nil) {
        self.type = type
        self.values = values
    }
}

/// A product block: its resource types and the blocks it depends on.
public struct ProductBlockModel: Hashable, Sendable {
    /// The block class's own non-block field names, sorted.
    public var resourceTypes: [String]
    /// Depended-on block name → the attributes through which it is referenced.
    public var dependsOn: [String: BlockDependency]

    public init(resourceTypes: [String] = [], dependsOn: [String: BlockDependency] = [:]) {
        self.resourceTypes = resourceTypes
        self.dependsOn = dependsOn
    }
}

/// How one block references another: attribute name → the list bounds of that attribute.
public struct BlockDependency: Hashable, Sendable {
    public var attributes: [String: ListBounds]

    public init(attributes: [String: ListBounds] = [:]) { self.attributes = attributes }
}

/// `min`/`max` of a constrained list attribute; both nil for a single block or an unconstrained list.
public struct ListBounds: Hashable, Sendable {
    public var min: Int?
    public var max: Int?

    public init(min: Int? = nil, max: Int? = nil) {
        self.min = min
        self.max = max
    }
}

/// Something the model reader could not resolve, or wants to point out: where, and why.
public struct ModelDiagnostic: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable {
        /// Something may be missing from the model set (a field, a product, a module): `plan` refuses to plan on it
        /// unless told to (`--allow-incomplete-models`).
        case incomplete
        /// Worth knowing, but the model set is what orchestrator-core would see (a class defined twice, no registry).
        case note
    }

    /// Path relative to the models root (or the YAML file).
    public var file: String
    /// 1-based; 0 when the problem is not tied to a line.
    public var line: Int
    public var message: String
    public var severity: Severity

    public init(file: String, line: Int, message: String, severity: Severity = .incomplete) {
        self.file = file
        self.line = line
        self.message = message
        self.severity = severity
    }

    public static func < (a: ModelDiagnostic, b: ModelDiagnostic) -> Bool {
        if a.file != b.file { return a.file.utf8.lexicographicallyPrecedes(b.file.utf8) }
        if a.line != b.line { return a.line < b.line }
        return a.message.utf8.lexicographicallyPrecedes(b.message.utf8)
    }

    public var description: String { "\(file):\(line): \(message)" }
}
