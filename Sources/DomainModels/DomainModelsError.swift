import PythonSource
/// The error of the DomainModels module: the models cannot be read at all (as opposed to a diagnostic, which
/// marks one thing that could not be resolved).
public struct DomainModelsError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The models root or file does not exist.
        case notFound
        /// No products package could be found, or the one named does not exist.
        case noPackage
        /// A YAML product config is malformed or breaks the config rules.
        case invalidConfig
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
