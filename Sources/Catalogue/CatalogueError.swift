/// The error of the Catalogue module: a catalogue that breaks the rules its database would enforce.
public struct CatalogueError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// Duplicate names or ids, or a relation pointing at a row that does not exist.
        case inconsistent
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
