import Catalogue

/// The error of the Generate module.
public typealias GenerateError = ModuleError<GenerateErrorCode>

/// The codes of `GenerateError`.
public enum GenerateErrorCode: String, ModuleErrorCode {
    /// A template (built-in or `--custom-templates`) cannot be read or rendered, or uses Jinja that Stencil lacks.
    case template
    /// A file cannot be read or written.
    case file
}
