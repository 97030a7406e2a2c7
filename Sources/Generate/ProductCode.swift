import DomainModels

/// A checked config with the names and Python types the generated files share: the product's variable, each block's
/// module, each field's type per lifecycle, the enum, list and constrained-int definitions a module needs.
public struct ProductCode {
    public let checked: ProductConfig.Checked
    public let paths: GeneratorPaths

    public init(checked: ProductConfig.Checked, paths: GeneratorPaths) {
        self.checked = checked
        self.paths = paths
    }

    var config: ProductConfig { checked.config }
    /// `variable`, else the snake-case name.
    public var variable: String { config.variable ?? Naming.snake(config.name) }
    var type: String { config.type }
    var root: ProductConfig.Block { checked.root }

    func variable(of block: ProductConfig.Block) -> String { block.variable ?? Naming.snake(block.name) }

    /// The module a block type's classes are imported from (this config's, or an existing block's).
    func module(ofBlockType type: String) -> String? {
        if let block = config.block(ofType: type) { return "\(paths.productBlocksModule).\(variable(of: block))" }
        return checked.external[type]?.module
    }

    func fieldCode(_ field: ProductConfig.Field) -> FieldCode {
        let referenced = field.type == "list" ? (field.listType ?? "") : field.type
        let isBlock = config.block(ofType: referenced) != nil || checked.external[referenced] != nil
        var scalar: String
        switch field.type {
        case "enum": scalar = Naming.enumClass(field.name)
        case "int" where field.minValue != nil || field.maxValue != nil: scalar = Naming.camel(field.name)
        case "list": scalar = isBlock ? referenced : String(referenced.split(separator: ".").last ?? "")
        default: scalar = String(referenced.split(separator: ".").last ?? "")
        }
        if isBlock { scalar = referenced }
        return FieldCode(
            field: field, blockType: isBlock ? referenced : nil, isList: field.type == "list", scalarType: scalar)
    }

    func fields(of block: ProductConfig.Block) -> [FieldCode] { block.fields.map(fieldCode) }

    /// The imports a field's type needs, in a module that does not define it.
    func importType(_ code: FieldCode, definedIn definingModule: String, into imports: inout PythonImports) {
        if let blockType = code.blockType {
            if let module = module(ofBlockType: blockType), module != definingModule {
                for suffix in ["Block", "BlockInactive", "BlockProvisioning"] {
                    imports.from(module, blockType + suffix)
                }
            }
            return
        }
        if code.field.type.contains(".") || (code.field.type == "list" && (code.field.listType ?? "").contains(".")) {
            let dotted = code.field.type == "list" ? (code.field.listType ?? "") : code.field.type
            imports.from(String(dotted.split(separator: ".").dropLast().joined(separator: ".")), code.scalarType)
        }
    }

    /// Enum classes, list aliases and constrained ints of a block's fields, as Python, and their imports.
    func definitions(of fields: [FieldCode], imports: inout PythonImports) -> String {
        var classes: [String] = []
        var aliases: [String] = []
        for code in fields {
            let field = code.field
            if field.type == "enum" {
                let isInt = field.enumType == "int"
                imports.from("enum", isInt ? "IntEnum" : "StrEnum")
                let members = field.values.map {
                    isInt ? "    _\($0) = \($0)" : "    \($0) = \(PythonLiteral.string($0))"
                }
                classes.append(
                    "class \(code.scalarType)(\(isInt ? "IntEnum" : "StrEnum")):\n" + members.joined(separator: "\n"))
            }
            if field.type == "int", field.minValue != nil || field.maxValue != nil {
                imports.from("typing", "Annotated")
                var bounds: [String] = []
                if let low = field.minValue {
                    imports.from("annotated_types", "Ge")
                    bounds.append("Ge(\(PythonLiteral.integer(low, grouped: true)))")
                }
                if let high = field.maxValue {
                    imports.from("annotated_types", "Le")
                    bounds.append("Le(\(PythonLiteral.integer(high, grouped: true)))")
                }
                aliases.append("\(code.scalarType) = Annotated[int, \(bounds.joined(separator: ", "))]")
            }
            if code.isList, code.isBlock {
                imports.from("typing", "Annotated")
                imports.from("annotated_types", "Len")
                imports.from("orchestrator.core.types", "SI")
                var length = "min_length=\(field.minItems ?? 0)"
                if let high = field.maxItems { length += ", max_length=\(high)" }
                aliases.append("ListOf\(Naming.capitalize(field.name)) = Annotated[list[SI], Len(\(length))]")
            }
        }
        return (classes + (aliases.isEmpty ? [] : [aliases.joined(separator: "\n")])).joined(separator: "\n\n\n")
    }

    /// A class body: the lines, or `pass`.
    static func body(_ lines: [String]) -> String {
        lines.isEmpty ? "    pass" : lines.map { "    " + $0 }.joined(separator: "\n")
    }
}
