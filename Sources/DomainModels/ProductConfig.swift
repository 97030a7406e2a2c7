import Catalogue
import Foundation
import Yams

/// A YAML product config of orchestrator-core's `generate` (docs/orchestrator-core.md §5.2), every key the generator
/// reads, checked for shape when read (`ProductConfig.read`) and for meaning by `validate(knownBlockTypes:)`.
public struct ProductConfig: Sendable {
    /// Where a value was in the file, for messages (`file:line:column`).
    public struct Place: Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var column: Int
        public var description: String { "\(file):\(line):\(column)" }
    }

    public struct FixedInput: Sendable {
        public var name: String
        /// `int`, `str`, `bool`, `enum`, or another type name (imported from `fixed_input_types`).
        public var type: String
        public var enumType: String?
        public var values: [String]
        public var description: String?
        /// `default`: the value of a fixed input without `values` (every variant gets it).
        public var defaultValue: String?
        public var place: Place
    }

    public struct Validation: Sendable {
        public var id: String
        public var description: String
    }

    public struct Field: Sendable {
        public var name: String
        public var type: String
        public var description: String?
        /// The lifecycle from which the field is mandatory (`inactive`, `provisioning`, `active`), or nil.
        public var required: String?
        /// The YAML scalar given as `default`, as written.
        public var defaultValue: String?
        /// Whether `default` was a quoted YAML string (then always a str).
        public var defaultIsQuoted: Bool
        public var modifiable: Bool
        public var validations: [Validation]
        public var listType: String?
        public var minItems: Int?
        public var maxItems: Int?
        public var minValue: Int?
        public var maxValue: Int?
        public var enumType: String?
        public var values: [String]
        public var place: Place
    }

    public struct Block: Sendable {
        public var name: String
        public var type: String
        /// `block_name`, else the type: the block's name in the catalogue.
        public var blockName: String
        public var tag: String
        public var description: String
        public var variable: String?
        public var fields: [Field]
        public var place: Place
    }

    public struct WorkflowEntry: Sendable {
        public var name: String
        public var enabled: Bool
        public var validations: [Validation]
    }

    public var file: String
    public var name: String
    public var type: String
    public var tag: String
    public var description: String
    public var variable: String?
    public var summaryForms: Bool
    public var fixedInputs: [FixedInput]
    public var productBlocks: [Block]
    public var workflows: [WorkflowEntry]
    public var place: Place

    /// Reads a config file; a missing file, invalid YAML (with line and column) or a wrong shape is an error.
    public static func read(_ url: URL) throws(DomainModelsError) -> ProductConfig {
        let text: String
        do throws(TextFile.Failure) {
            text = try TextFile.read(url.path)
        } catch {
            if case .missing = error { throw DomainModelsError(.notFound, "configuration file not found: \(url.path)") }
            throw DomainModelsError(.invalidConfig, "\(error)")
        }
        return try parse(text, file: url.path)
    }

    public static func parse(_ text: String, file: String) throws(DomainModelsError) -> ProductConfig {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw DomainModelsError(
                .invalidConfig, "\(file): failed to parse configuration file: \(YAMLProductConfig.describe(error))")
        } catch {
            throw DomainModelsError(.invalidConfig, "\(file): failed to parse configuration file: \(error)")
        }
        guard let root = node, root.mapping != nil else {
            throw DomainModelsError(
                .invalidConfig, "\(file): the configuration must be a mapping with name, type and product_blocks")
        }
        return try ConfigReader(file: file).config(root)
    }

    /// The products the config makes (orchestrator-core's variants): the cartesian product of the values of the
    /// fixed inputs that have `values`, in declaration order, each named `"<name> <value> ..."`; the others take
    /// their `default`. nil for a fixed input with neither: the catalogue needs its value.
    public var variants: [(name: String, fixedInputs: [String: String?])] {
        var axes: [(String, [String])] = []
        var constant: [String: String?] = [:]
        for input in fixedInputs {
            if input.values.isEmpty {
                constant[input.name] = input.defaultValue
            } else {
                axes.append((input.name, input.values))
            }
        }
        var variants: [(suffix: [String], values: [String: String?])] = [([], constant)]
        for (name, values) in axes {
            variants = variants.flatMap { variant in
                values.map { value in
                    var next = variant.values
                    next[name] = value
                    return (variant.suffix + [value], next)
                }
            }
        }
        return variants.map { (([self.name] + $0.suffix).joined(separator: " "), $0.values) }
    }

    /// The block of the config with this type.
    public func block(ofType type: String) -> Block? { productBlocks.first { $0.type == type } }
}
