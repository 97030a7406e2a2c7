/// The error of the Catalogue module: a catalogue that breaks the rules its database would enforce.
public typealias CatalogueError = ModuleError<CatalogueErrorCode>

/// The codes of `CatalogueError`.
public enum CatalogueErrorCode: String, ModuleErrorCode {
    /// Duplicate names or ids, or a relation pointing at a row that does not exist.
    case inconsistent
}
