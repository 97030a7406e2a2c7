import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The project's own Alembic, for revisions only Python can run (orchestrator-core's schema migrations,
/// hand-written data migrations): found in the project's virtualenv as orchestrator-core's migrations are, run with
/// the project's `alembic.ini`, in the project folder, with the database in `DATABASE_URI` (orchestrator-core's
/// `env.py` reads it from there).
public struct ProjectAlembic: Sendable {
    public let executable: URL
    public let project: URL

    /// `$VIRTUAL_ENV/bin/alembic`, else `.venv/bin/alembic` or `venv/bin/alembic` in the project; nil when none.
    public static func find(project: URL, environment: [String: String]) -> ProjectAlembic? {
        var candidates: [URL] = []
        if let virtualEnv = environment["VIRTUAL_ENV"], !virtualEnv.isEmpty {
            candidates.append(URL(fileURLWithPath: virtualEnv).appendingPathComponent("bin/alembic"))
        }
        candidates += [".venv", "venv"].map { project.appendingPathComponent($0).appendingPathComponent("bin/alembic") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            return nil
        }
        return ProjectAlembic(executable: found, project: project)
    }

    /// Runs `alembic -c alembic.ini ARGUMENTS` with its output going to ours; `databaseURI` (a secret) only
    /// reaches the child's environment (nil: the environment's own, for `--sql`, which connects to nothing).
    public func run(_ arguments: [String], databaseURI: String?, environment: [String: String]) throws(AlembicError) {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["-c", project.appendingPathComponent("alembic.ini").path] + arguments
        process.currentDirectoryURL = project
        var childEnvironment = environment
        if let databaseURI { childEnvironment["DATABASE_URI"] = databaseURI }
        process.environment = childEnvironment
        fflush(nil)  // what was said before goes out before the child's output (nil: every stream)
        do {
            try process.run()
        } catch {
            throw AlembicError(.needsAlembic, "cannot run \(executable.path): \(error.localizedDescription)")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw AlembicError(
                .migrationFailed,
                "the project's Alembic (\(executable.path) \(arguments.joined(separator: " "))) failed with exit status \(process.terminationStatus); its output is above"
            )
        }
    }
}
