import Alembic
import Apply
import ArgumentParser
import Catalogue
import DomainModels
import Generate
import Planner
import Postgres
import Scheduler
import Snapshot
import Workflows

/// The exit status of every failure, in one place (the README's "Exit codes" table lists them).
enum ExitCodes {
    static let differs: Int32 = 1
    /// `snapshot check` reports every error as 2, like diff(1): 0 same, 1 different, 2 trouble.
    static let checkFailed: Int32 = 2
    static let interrupted: Int32 = 130
    /// `plan --no-input` with questions left.
    static let unanswered: Int32 = 3
    /// `plan --no-input` with destructive changes and no `--allow-destructive`.
    static let destructive: Int32 = 4
    /// The user declined the confirmation.
    static let aborted: Int32 = 5
    /// `--github-summary` could not append to `$GITHUB_STEP_SUMMARY` (the plan itself was written).
    static let summaryNotWritten: Int32 = 22

    static func code(for error: PostgresError.Code) -> Int32 {
        switch error {
        case .invalidConnectionString: return 10
        case .connectionFailed: return 11
        case .authenticationFailed: return 12
        case .queryFailed: return 14
        }
    }

    static func code(for error: SnapshotErrorCode) -> Int32 {
        switch error {
        case .notOrchestratorDatabase: return 13
        case .queryFailed: return 14
        case .outputIsDirectory: return 20
        case .outputNotWritable: return 21
        case .fileNotFound: return 30
        case .notASnapshot: return 31
        case .unsupportedFormat: return 32
        case .corrupt: return 33
        }
    }

    static func code(for error: DomainModelsErrorCode) -> Int32 {
        switch error {
        case .notFound: return 40
        case .noPackage: return 41
        case .invalidConfig: return 42
        }
    }

    static func code(for error: PlannerErrorCode) -> Int32 {
        switch error {
        case .unanswered: return unanswered
        case .destructive: return destructive
        case .aborted: return aborted
        case .invalidAnswers: return 50
        case .invalidValue: return 51
        case .invalidPlan: return 52
        case .incompleteModels: return 43
        case .unicodeConflict: return 53
        }
    }

    static func code(for error: ApplyErrorCode) -> Int32 {
        switch error {
        case .stale: return 60
        case .executionFailed: return 63
        case .locked: return 65
        case .notAtParent: return 66
        }
    }

    static func code(for error: AlembicErrorCode) -> Int32 {
        switch error {
        case .invalidProject: return 61
        case .cannotWrite: return 62
        case .migrationFailed: return 63
        case .locked: return 65
        case .unknownRevision: return 67
        case .ambiguousRevision: return 68
        case .needsAlembic: return 69
        }
    }

    static func code(for error: WorkflowsErrorCode) -> Int32 {
        switch error {
        case .invalidChoices: return 54
        case .unknownName: return 55
        case .endOfInput: return unanswered
        }
    }

    static func code(for error: GenerateErrorCode) -> Int32 {
        switch error {
        case .template: return 56
        case .file: return 57
        }
    }

    static func code(for error: SchedulerErrorCode) -> Int32 {
        switch error {
        case .invalidSchedule: return 70
        case .storeLocked: return 71
        case .storeUnusable: return 72
        }
    }

    /// The exit status of a module error, or nil for errors the argument parser reports itself.
    static func code(for error: any Error) -> Int32? {
        switch error {
        case let error as PostgresError: return code(for: error.code)
        case let error as SnapshotError: return code(for: error.code)
        case let error as DomainModelsError: return code(for: error.code)
        case let error as PlannerError: return code(for: error.code)
        case let error as ApplyError: return code(for: error.code)
        case let error as AlembicError: return code(for: error.code)
        case let error as WorkflowsError: return code(for: error.code)
        case let error as GenerateError: return code(for: error.code)
        case let error as SchedulerError: return code(for: error.code)
        case let error as AtomicFile.Failure:
            if case .isDirectory = error { return 20 }
            return 21
        default: return nil
        }
    }
}

/// Runs `body`; a module error becomes one line on stderr and its exit status (`override` replaces the status,
/// for commands with a fixed error code).
func reportingErrors<T>(override: Int32? = nil, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch {
        guard let code = ExitCodes.code(for: error) else { throw error }
        Terminal.error("\(error)")
        throw ExitCode(override ?? code)
    }
}
