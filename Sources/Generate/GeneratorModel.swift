import DomainModels

/// Where the generated files and modules go (docs/orchestrator-core.md §5.1): the folder prefix applies to the
/// product, block, workflow, registry and translation paths and their modules; tests are never prefixed.
public struct GeneratorPaths: Sendable {
    public var prefix: String

    public init(prefix: String) {
        var cleaned = prefix
        while cleaned.hasSuffix("/") { cleaned.removeLast() }
        while cleaned.hasPrefix("./") { cleaned.removeFirst(2) }
        self.prefix = cleaned == "." ? "" : cleaned
    }

    public func path(_ relative: String) -> String { prefix.isEmpty ? relative : prefix + "/" + relative }
    public func module(_ relative: String) -> String { path(relative).replacingOccurrences(of: "/", with: ".") }

    public var productBlocksModule: String { module("products.product_blocks") }
    public var productTypesModule: String { module("products.product_types") }
    public var workflowsModule: String { module("workflows") }
    public var registryPath: String { path("products/__init__.py") }
    public var translationsPath: String { path("translations/en-GB.json") }

    /// The project's top-level packages (first party for the import order).
    var firstParty: Set<String> {
        var top: Set<String> = ["products", "workflows", "test"]
        if let first = prefix.split(separator: "/").first { top.insert(String(first)) }
        return top
    }
}

/// One block field as the generated code declares it.
struct FieldCode {
    let field: ProductConfig.Field
    /// The block type it refers to (a block field, or a list of blocks), if any.
    let blockType: String?
    let isList: Bool
    /// The Python type of a scalar field (`str`, `NodeRole`, `VlanId`, `IPv4Address`); for blocks, the base.
    let scalarType: String

    var isBlock: Bool { blockType != nil }
    var name: String { field.name }

    /// The lifecycle states up to and including the class's (`inactive`, `provisioning`, `active`).
    func isRequired(in lifecycles: [String]) -> Bool {
        guard let required = field.required else { return false }
        return lifecycles.contains(required == "initial" ? "inactive" : required)
    }

    /// The default as Python source: a str quoted, an enum member, a bool capitalised; nil without one.
    var defaultSource: String? {
        guard let value = field.defaultValue else { return nil }
        switch field.type {
        case "str": return PythonLiteral.string(value)
        case "bool": return value.lowercased() == "true" ? "True" : "False"
        case "enum": return field.enumType == "int" ? "\(scalarType)._\(value)" : "\(scalarType).\(value)"
        case "int": return value
        default: return field.defaultIsQuoted ? PythonLiteral.string(value) : value
        }
    }

    /// `name: Type[ | None][ = default]` in a class of the given lifecycle suffix (`Inactive`, `Provisioning`, "").
    func declaration(suffix: String, lifecycles: [String]) -> String {
        if isList {
            if let blockType { return "\(name): ListOf\(Naming.capitalize(name))[\(blockType)Block\(suffix)]" }
            return "\(name): list[\(scalarType)] = []"
        }
        let type = blockType.map { "\($0)Block\(suffix)" } ?? scalarType
        if isRequired(in: lifecycles) { return "\(name): \(type)" + (defaultSource.map { " = \($0)" } ?? "") }
        return "\(name): \(type) | None = \(defaultSource ?? "None")"
    }

    /// The value the generated tests type into the create form for the field (as the form receives it: an enum by
    /// its value, an address as text); nil when no value of the type is known (a dotted type the tests do not know).
    var sampleInput: String? {
        switch field.type {
        case "int":
            if let low = field.minValue { return String(low) }
            if let high = field.maxValue, high < 1 { return String(high) }
            return "1"
        case "str": return PythonLiteral.string(field.name.replacingOccurrences(of: "_", with: " "))
        case "bool": return "False"
        case "enum": return field.enumType == "int" ? field.values[0] : PythonLiteral.string(field.values[0])
        default: return FieldCode.sampleOfDotted[field.type]
        }
    }

    /// Values the tests can give dotted types they know.
    static let sampleOfDotted: [String: String] = [
        "ipaddress.IPv4Address": "\"192.0.2.1\"", "ipaddress.IPv6Address": "\"2001:db8::1\"",
        "ipaddress.IPv4Network": "\"192.0.2.0/24\"", "ipaddress.IPv6Network": "\"2001:db8::/64\"",
        "ipaddress.IPv4Interface": "\"192.0.2.1/24\"", "ipaddress.IPv6Interface": "\"2001:db8::1/64\"",
        "uuid.UUID": "\"00000000-0000-4000-8000-000000000001\"",
    ]
}
