import Foundation

/// The throwaway PostgreSQL cluster that `scripts/with-postgres` starts for the tests, and fresh databases in it.
///
/// Each test copies a template (`orchestrator_example`: schema + core data + the example catalogue;
/// `orchestrator_empty`: schema + core data) into a database of its own, so tests run in parallel and never see
/// each other's edits. Administration goes through `psql`, not through the code under test.
public enum TestPostgres {
    private static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// True when the cluster's variables are set (run the tests through `scripts/with-postgres`).
    public static var isConfigured: Bool { environment["PLANNER_TEST_ADMIN_URL"] != nil }

    public static var socketFolder: String { environment["PLANNER_TEST_PGHOST"] ?? "" }
    public static var port: String { environment["PLANNER_TEST_PGPORT"] ?? "" }
    public static var passwordRole: String { environment["PLANNER_TEST_PW_ROLE"] ?? "" }
    /// Contains a quote, a double quote and an ampersand, to test that it never leaks.
    public static var password: String { environment["PLANNER_TEST_PW_PASSWORD"] ?? "" }
    public static var tcpHost: String { environment["PLANNER_TEST_TCP_HOST"] ?? "127.0.0.1" }

    /// A new database copied from `template`; dropped again by `drop()`.
    public static func copy(of template: String = "orchestrator_example") throws -> TestDatabase {
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        try psql(database: "postgres", "CREATE DATABASE \(name) TEMPLATE \(template)")
        return TestDatabase(name: String(name))
    }

    /// Runs SQL through psql as the superuser; returns unaligned output (fields separated by U+001F, rows by
    /// newlines, NULL as `<NULL>`).
    @discardableResult
    public static func psql(database: String, _ sql: String) throws -> String {
        let result = try Command.run(
            "psql",
            arguments: [
                "-X", "-q", "-v", "ON_ERROR_STOP=1", "-A", "-t", "-F", "\u{1f}", "-P", "null=<NULL>",
                "-h", socketFolder, "-p", port, "-U", "postgres", "-d", database,
                "-c", "SET TIME ZONE 'UTC'", "-c", sql,
            ])
        guard result.status == 0 else {
            throw TestFailure("psql failed (\(result.status)) on \(sql.prefix(200)): \(result.stderr)")
        }
        return result.stdout
    }
}

/// One database of the test cluster.
public struct TestDatabase: Sendable {
    public let name: String

    public init(name: String) { self.name = name }

    /// Superuser over the unix socket (no password).
    public var socketURL: String {
        "postgresql://postgres@/\(name)?host=\(TestPostgres.socketFolder)&port=\(TestPostgres.port)"
    }

    /// The same with `localhost` as the URL's host (the `host` parameter still picks the socket): orchestrator-core's
    /// settings refuse a `DATABASE_URI` without a host.
    public var socketURLWithHost: String {
        "postgresql://postgres@localhost/\(name)?host=\(TestPostgres.socketFolder)&port=\(TestPostgres.port)"
    }

    /// The password role over TCP, password in the URL (percent-encoded as a URL needs).
    public var passwordURL: String {
        let encoded = TestPostgres.password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return
            "postgresql://\(TestPostgres.passwordRole):\(encoded)@\(TestPostgres.tcpHost):\(TestPostgres.port)/\(name)"
    }

    /// The same with a wrong password.
    public var wrongPasswordURL: String {
        "postgresql://\(TestPostgres.passwordRole):not-the-password@\(TestPostgres.tcpHost):\(TestPostgres.port)/\(name)"
    }

    @discardableResult
    public func psql(_ sql: String) throws -> String { try TestPostgres.psql(database: name, sql) }

    /// Rows of a query, each a list of fields (`nil` for NULL).
    public func rows(_ sql: String) throws -> [[String?]] {
        try psql(sql).split(separator: "\n", omittingEmptySubsequences: true).map { line in
            line.split(separator: "\u{1f}", omittingEmptySubsequences: false).map { $0 == "<NULL>" ? nil : String($0) }
        }
    }

    public func drop() {
        _ = try? TestPostgres.psql(database: "postgres", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }
}

public struct TestFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The `alembic` of the venv `.ci/run` makes (from PyPI); unset when not available.
public enum TestAlembic {
    public static var executable: String? { ProcessInfo.processInfo.environment["PLANNER_TEST_ALEMBIC"] }
    public static var isConfigured: Bool { executable != nil && TestPostgres.isConfigured }

    /// Runs alembic in `project` against `database`.
    public static func run(_ arguments: [String], project: URL, database: TestDatabase) throws -> Command.Result {
        guard let executable else { throw TestFailure("PLANNER_TEST_ALEMBIC is not set") }
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URI"] = database.socketURL
        return try Command.run(executable, arguments: arguments, environment: environment, currentDirectory: project)
    }
}

/// The venv with orchestrator-core 5.5.0 from PyPI (made by `.ci/run`; its Alembic runs revisions that import
/// orchestrator-core's migration helpers); unset when not available.
public enum TestCore {
    public static var venv: String? { ProcessInfo.processInfo.environment["PLANNER_TEST_CORE_VENV"] }
    public static var isConfigured: Bool { venv != nil && TestPostgres.isConfigured }

    /// Runs the venv's alembic in `project` against `database` (its host-named URL, which orchestrator-core's
    /// settings accept).
    public static func alembic(_ arguments: [String], project: URL, database: TestDatabase) throws -> Command.Result {
        guard let venv else { throw TestFailure("PLANNER_TEST_CORE_VENV is not set") }
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URI"] = database.socketURLWithHost
        return try Command.run(
            venv + "/bin/alembic", arguments: arguments, environment: environment, currentDirectory: project)
    }
}
