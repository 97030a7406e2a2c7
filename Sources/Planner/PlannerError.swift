import Catalogue

/// The error of the Planner module, with a code the CLI maps to an exit status.
public typealias PlannerError = ModuleError<PlannerErrorCode>

/// The codes of `PlannerError`.
public enum PlannerErrorCode: String, ModuleErrorCode {
    /// `--inputs`/`--updates`/answers that are not valid JSON or name unknown things.
    case invalidAnswers
    /// Questions remain and `--no-input` forbids asking them.
    case unanswered
    /// Destructive changes without `--allow-destructive` under `--no-input`.
    case destructive
    /// A value PostgreSQL cannot store (NUL).
    case invalidValue
    /// The user declined at a confirmation.
    case aborted
    /// A plan file that cannot be read or was changed.
    case invalidPlan
    /// The model reader could not read everything, and planning on what it read could delete the rest.
    case incompleteModels
    /// Two spellings of a name that differ only in their Unicode code points (NFC and NFD) meet.
    case unicodeConflict
}
