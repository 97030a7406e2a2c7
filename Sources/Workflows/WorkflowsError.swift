import Catalogue

/// The error of the Workflows module.
public typealias WorkflowsError = ModuleError<WorkflowsErrorCode>

/// The codes of `WorkflowsError`.
public enum WorkflowsErrorCode: String, ModuleErrorCode {
    /// `--choices` is not valid JSON or has the wrong shape.
    case invalidChoices
    /// A choice names something that is not there: an unregistered workflow, a product type not in the snapshot,
    /// a workflow not in the catalogue.
    case unknownName
    /// The input ended before the menus were finished (`y`) or quit (`q`).
    case endOfInput
}
