import Catalogue
import PythonSource

/// The error of the DomainModels module: the models cannot be read at all (as opposed to a diagnostic, which
/// marks one thing that could not be resolved).
public typealias DomainModelsError = ModuleError<DomainModelsErrorCode>

/// The codes of `DomainModelsError`.
public enum DomainModelsErrorCode: String, ModuleErrorCode {
    /// The models root or file does not exist.
    case notFound
    /// No products package could be found, or the one named does not exist.
    case noPackage
    /// A YAML product config is malformed or breaks the config rules.
    case invalidConfig
}
