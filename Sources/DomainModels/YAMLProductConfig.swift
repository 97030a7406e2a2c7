import Catalogue
import Foundation
import PythonSource
import Yams

/// Reads a YAML product config of orchestrator-core's `generate` (docs/orchestrator-core.md §5.2–5.3) as the model set
/// the generated code would define: one product per variant, the config's blocks with their resource types and
/// relations. The file is read by `ProductConfig`'s reader, as `generate` reads it; only the checks differ (see
/// `ProductConfig.modelsAsRead()`).
public enum YAMLProductConfig {
    /// Scalar field types: anything else that is not a block of the file would be a block class of the project's
    /// code, which the file alone does not show.
    static let scalarTypes: Set<String> = [
        "int", "str", "bool", "enum", "list", "float", "UUID", "datetime", "date", "Decimal", "dict",
    ]

    public static func read(_ url: URL) throws(DomainModelsError) -> ModelSet {
        try ProductConfig.read(url).modelsAsRead()
    }

    public static func read(_ text: String, file: String) throws(DomainModelsError) -> ModelSet {
        try ProductConfig.parse(text, file: file).modelsAsRead()
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
    /// Code point by code point as Python: a cased character after an uncased one takes its titlecase, any other
    /// its lowercase (a combining mark or a CJK character is uncased, so the letter after it is titlecased).
    public static func enumClassName(_ name: String) -> String {
        var result = ""
        var previousIsCased = false
        for scalar in name.unicodeScalars {
            if scalar != "_" {
                result += previousIsCased ? scalar.properties.lowercaseMapping : scalar.properties.titlecaseMapping
            }
            previousIsCased = scalar.properties.isCased
        }
        return result
    }

    static func isScalar(_ type: String) -> Bool { scalarTypes.contains(type) || type.contains(".") }
}

extension ProductConfig {
    /// The model set of a config read on its own (`models show`, `plan --models x.yaml`, the scheduler's check).
    ///
    /// A field whose type is neither a scalar nor a block of the file may be a block of the project's code, which
    /// the file alone does not show: it is left out with an incomplete diagnostic (so `plan` refuses unless told to
    /// go ahead), not refused as `generate` refuses it. `generate`'s other checks (names, defaults, bounds) are
    /// about code to be written and do not apply; the structure (one root, no cycle) and the variant limit do.
    public func modelsAsRead() throws(DomainModelsError) -> ModelSet {
        let fail = Self.invalid
        let seen = try blockTypes()
        try checkVariantCount(fail: fail)
        var kept = self
        var diagnostics: [ModelDiagnostic] = []
        var dependencies: [String: [String]] = [:]
        for (index, block) in productBlocks.enumerated() {
            dependencies[block.type] = []
            kept.productBlocks[index].fields = block.fields.filter { field in
                let referenced = field.type == "list" ? field.listType : field.type
                guard let referenced else { return true }
                if seen.contains(referenced) {
                    dependencies[block.type, default: []].append(referenced)
                    return true
                }
                if YAMLProductConfig.isScalar(referenced) { return true }
                diagnostics.append(
                    ModelDiagnostic(
                        file: field.place.file, line: field.place.line,
                        message:
                            "field '\(field.name)' of '\(block.type)' has type '\(referenced)', which is neither a scalar nor a block of this file (an existing block of the project's code?); the field is left out"
                    ))
                return false
            }
        }
        let (sorted, root) = try kept.structure(dependencies, fail: fail)
        var models = Checked(
            config: kept, sortedBlocks: sorted, root: root, dependencies: dependencies, external: [:]
        ).modelSet
        models.diagnostics = diagnostics
        return models
    }
}
