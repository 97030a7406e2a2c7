import DomainModels

/// orchestrator-core's generator naming (docs/orchestrator-core.md §5.3).
public enum Naming {
    /// `camel_to_snake`: `MyProduct` → `my_product`, `IPBGPService` → `ipbgp_service`.
    public static func snake(_ name: String) -> String { ProductConfig.camelToSnake(name) }

    /// `snake_to_camel`: `annotated_int` → `AnnotatedInt`.
    public static func camel(_ name: String) -> String {
        name.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// An enum's class name: `port_mode` → `PortMode` (`str.title()` without underscores).
    public static func enumClass(_ name: String) -> String { YAMLProductConfig.enumClassName(name) }

    /// Jinja's `capitalize`: first character upper case, the rest lower (`link_members` → `Link_members`).
    public static func capitalize(_ name: String) -> String {
        name.prefix(1).uppercased() + name.dropFirst().lowercased()
    }

    /// A Python identifier from any text (for generated test names): other characters become `_`.
    public static func identifier(_ text: String) -> String {
        let mapped = String(text.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
        return mapped.first?.isNumber == true ? "_" + mapped : mapped
    }
}
