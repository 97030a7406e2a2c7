import Foundation

/// orchestrator-core's `--updates` (spec 2.7), plus `products` and `product_blocks` renames.
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

    /// Parses `--inputs` JSON. Values may be strings or numbers (orchestrator-core formats them with `str`).
    public static func parseInputs(_ text: String, source: String) throws(PlannerError) -> [String: [String: String]] {
        let object = try jsonObject(text, source: source)
        var result: [String: [String: String]] = [:]
        for (name, value) in object {
            guard let entries = value as? [String: Any] else {
                // orchestrator-core ignores unknown top-level keys such as "force_delete_products": "no".
                continue
            }
            var converted: [String: String] = [:]
            for (key, entry) in entries {
                if let scalar = scalarText(entry) {
                    converted[key] = scalar
                } else if entry is [String: Any] || entry is [Any] {
                    continue  // nested objects are not answers (the tests pass a nested "updates" key)
                } else {
                    throw PlannerError(.invalidAnswers, "\(source): the value of \(name).\(key) must be a text or a number")
                }
            }
            result[name] = converted
        }
        return result
    }

    /// Parses `--updates` JSON (keys `fixed_inputs`, `resource_types`, `block_resource_types`, `products`,
    /// `product_blocks`). An empty object means "no updates" (interactive detection), as in orchestrator-core.
    public static func parseUpdates(_ text: String, source: String) throws(PlannerError) -> ModelUpdates? {
        let object = try jsonObject(text, source: source)
        guard !object.isEmpty else { return nil }
        var updates = ModelUpdates()
        for (key, value) in object {
            switch key {
            case "fixed_inputs": updates.fixedInputs = try nested(value, "\(source): updates.fixed_inputs")
            case "block_resource_types": updates.blockResourceTypes = try nested(value, "\(source): updates.block_resource_types")
            case "resource_types": updates.resourceTypes = try flat(value, "\(source): updates.resource_types")
            case "products": updates.products = try flat(value, "\(source): updates.products")
            case "product_blocks": updates.productBlocks = try flat(value, "\(source): updates.product_blocks")
            default:
                throw PlannerError(
                    .invalidAnswers,
                    "\(source): unknown key '\(key)' in --updates (expected fixed_inputs, resource_types, block_resource_types, products, product_blocks)")
            }
        }
        return updates
    }

    private static func jsonObject(_ text: String, source: String) throws(PlannerError) -> [String: Any] {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw PlannerError(.invalidAnswers, "\(source) is not valid JSON: \(describe(error, in: text))")
        }
        guard let object = parsed as? [String: Any] else {
            throw PlannerError(.invalidAnswers, "\(source) must be a JSON object ({...})")
        }
        return object
    }

    /// Foundation's message names the character offset; turn it into a line and column.
    private static func describe(_ error: Error, in text: String) -> String {
        let nsError = error as NSError
        let detail = (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
        var offset = nsError.userInfo["NSJSONSerializationErrorIndex"] as? Int
        if offset == nil, let range = detail.range(of: #"character (\d+)"#, options: .regularExpression) {
            offset = Int(detail[range].dropFirst("character ".count))
        }
        if let index = offset {
            let prefix = text.utf8.prefix(index)
            let line = prefix.filter { $0 == UInt8(ascii: "\n") }.count + 1
            let column = prefix.count - (prefix.lastIndex(of: UInt8(ascii: "\n")).map { prefix.distance(from: prefix.startIndex, to: $0) + 1 } ?? 0) + 1
            return "line \(line), column \(column): \(detail)"
        }
        return detail
    }

    static func scalarText(_ value: Any) -> String? {
        switch value {
        case let text as String: return text
        case let flag as Bool where type(of: value) == Bool.self: return flag ? "True" : "False"
        case let number as Int: return String(number)
        case let number as Double:
            if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
            return String(number)
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }

    private static func flat(_ value: Any, _ what: String) throws(PlannerError) -> [String: String] {
        guard let object = value as? [String: Any] else { throw PlannerError(.invalidAnswers, "\(what) must be an object of old → new names") }
        var result: [String: String] = [:]
        for (old, new) in object {
            guard let name = new as? String else { throw PlannerError(.invalidAnswers, "\(what).\(old) must be a name") }
            result[old] = name
        }
        return result
    }

    private static func nested(_ value: Any, _ what: String) throws(PlannerError) -> [String: [String: String]] {
        guard let object = value as? [String: Any] else { throw PlannerError(.invalidAnswers, "\(what) must be an object") }
        var result: [String: [String: String]] = [:]
        for (name, inner) in object { result[name] = try flat(inner, "\(what).\(name)") }
        return result
    }
}
