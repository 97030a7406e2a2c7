import Catalogue
import Foundation

/// orchestrator-core's `--updates` (docs/orchestrator-core.md §2.7), plus `products` and `product_blocks` renames.
public struct ModelUpdates: Hashable, Sendable {
    /// Product → old fixed input name → new.
    public var fixedInputs: [String: [String: String]] = [:]
    /// Old resource type → new (global rename).
    public var resourceTypes: [String: String] = [:]
    /// Block → old resource type → new (per-block switch of relation and values).
    public var blockResourceTypes: [String: [String: String]] = [:]
    /// Old product name → new.
    public var products: [String: String] = [:]
    /// Old product block name → new.
    public var productBlocks: [String: String] = [:]

    public init() {}
}

/// Every answer of a plan, in the `--inputs` / `--updates` shapes, so a plan's answers can be passed back as
/// `--inputs`/`--updates` or `--answers`.
public struct PlanAnswers: Hashable, Sendable {
    /// `--inputs`: one flat namespace of product, block and resource type names → key → value.
    public var inputs: [String: [String: String]] = [:]
    /// `--updates`; nil when none were given (orchestrator-core then asks about renames interactively).
    public var updates: ModelUpdates?

    public init(inputs: [String: [String: String]] = [:], updates: ModelUpdates? = nil) {
        self.inputs = inputs
        self.updates = updates
    }

    /// The JSON of an `--inputs`/`--updates` argument: `@path` reads a file (a large catalogue's inputs exceed the
    /// argv limit), anything else is the JSON itself. Returns the text and how to name it in errors.
    public static func argumentText(
        _ value: String, option: String
    ) throws(PlannerError) -> (text: String, source: String) {
        guard value.hasPrefix("@") else { return (value, option) }
        let path = String(value.dropFirst())
        do throws(TextFile.Failure) {
            // Answers for the largest catalogues are a few MiB; a cap keeps a wrong file from exhausting memory.
            return (try TextFile.read(path, limit: 16 << 20), "\(option) @\(path)")
        } catch {
            throw PlannerError(.invalidAnswers, "\(option): \(error)")
        }
    }

    /// Parses `--inputs` JSON. Values are stored as orchestrator-core stores them, Python's `str()` of what
    /// `json.loads` gives: `True`/`False`, an integer's digits, a float's `repr` (`1e2` → `100.0`). `null` is no
    /// answer (orchestrator-core then asks); lists and nested objects are not answers and are ignored, as are
    /// top-level keys whose value is not an object (the tests pass `"force_delete_products": "no"`).
    public static func parseInputs(_ text: String, source: String) throws(PlannerError) -> [String: [String: String]] {
        try inputs(from: try jsonObject(text, source: source))
    }

    static func inputs(from members: [(key: String, value: JSONValue)]) -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        for (name, value) in members {
            guard let entries = value.members else { continue }
            var converted: [String: String] = [:]
            for (key, entry) in entries {
                if let scalar = entry.pythonText { converted[key] = scalar }
            }
            result[name] = converted
        }
        return result
    }

    /// Parses `--updates` JSON (keys `fixed_inputs`, `resource_types`, `block_resource_types`, `products`,
    /// `product_blocks`). An empty object means "no updates" (interactive detection), as in orchestrator-core.
    public static func parseUpdates(_ text: String, source: String) throws(PlannerError) -> ModelUpdates? {
        try updates(from: try jsonObject(text, source: source), source: source)
    }

    static func updates(
        from object: [(key: String, value: JSONValue)], source: String
    ) throws(PlannerError) -> ModelUpdates? {
        guard !object.isEmpty else { return nil }
        var updates = ModelUpdates()
        for (key, value) in object {
            switch key {
            case "fixed_inputs": updates.fixedInputs = try nested(value, "\(source): updates.fixed_inputs")
            case "block_resource_types":
                updates.blockResourceTypes = try nested(value, "\(source): updates.block_resource_types")
            case "resource_types": updates.resourceTypes = try flat(value, "\(source): updates.resource_types")
            case "products": updates.products = try flat(value, "\(source): updates.products")
            case "product_blocks": updates.productBlocks = try flat(value, "\(source): updates.product_blocks")
            default:
                throw PlannerError(
                    .invalidAnswers,
                    "\(source): unknown key \(TextEscaping.shown(key)) in --updates (expected fixed_inputs, resource_types, block_resource_types, products, product_blocks)"
                )
            }
        }
        return updates
    }

    private static func jsonObject(
        _ text: String, source: String
    ) throws(PlannerError) -> [(key: String, value: JSONValue)] {
        let parsed: JSONValue
        do throws(JSONValue.SyntaxError) {
            parsed = try JSONValue.parse(text)
        } catch {
            throw PlannerError(.invalidAnswers, "\(source) is not valid JSON: \(error)")
        }
        guard let members = parsed.members else {
            throw PlannerError(.invalidAnswers, "\(source) must be a JSON object ({...})")
        }
        return members
    }

    private static func flat(_ value: JSONValue, _ what: String) throws(PlannerError) -> [String: String] {
        guard let object = value.members else {
            throw PlannerError(.invalidAnswers, "\(what) must be an object of old → new names")
        }
        var result: [String: String] = [:]
        for (old, new) in object {
            guard case .string(let name) = new else {
                throw PlannerError(.invalidAnswers, "\(what)[\(TextEscaping.shown(old))] must be a name")
            }
            result[old] = name
        }
        return result
    }

    private static func nested(_ value: JSONValue, _ what: String) throws(PlannerError) -> [String: [String: String]] {
        guard let object = value.members else { throw PlannerError(.invalidAnswers, "\(what) must be an object") }
        var result: [String: [String: String]] = [:]
        for (name, inner) in object { result[name] = try flat(inner, "\(what).\(TextEscaping.shown(name))") }
        return result
    }
}
