import CLibPQ
import Foundation

/// One libpq connection. Closes itself when released.
public final class PostgresConnection: PostgresQuerying {
    private let connection: OpaquePointer
    private let redactor: Redactor

    /// Server host (or socket folder), port and database as libpq resolved them.
    public let host: String
    public let port: String
    public let database: String

    /// Connects, with `application_name=orchestrator-planner`, UTF-8 and a 10 s connect timeout unless the string
    /// or `PGCONNECT_TIMEOUT` says otherwise.
    public static func connect(_ target: ConnectionString) throws(PostgresError) -> PostgresConnection {
        // Later keywords override earlier ones, and `dbname` is expanded into the user's whole string: so the
        // timeout default goes before it (the user can override it) and the encoding after it (we need UTF-8).
        var pairs: [(String, String)] = []
        if ProcessInfo.processInfo.environment["PGCONNECT_TIMEOUT"] == nil { pairs.append(("connect_timeout", "10")) }
        pairs.append(("application_name", "orchestrator-planner"))
        pairs.append(("dbname", target.libpqForm))
        pairs.append(("client_encoding", "UTF8"))

        let keywords = pairs.map { strdup($0.0) }
        let values = pairs.map { strdup($0.1) }
        defer {
            keywords.forEach { free($0) }
            values.forEach { free($0) }
        }
        var keywordArray: [UnsafePointer<CChar>?] = keywords.map { $0.map { UnsafePointer($0) } } + [nil]
        var valueArray: [UnsafePointer<CChar>?] = values.map { $0.map { UnsafePointer($0) } } + [nil]
        guard let connection = PQconnectdbParams(&keywordArray, &valueArray, 1) else {
            throw PostgresError(.connectionFailed, "cannot connect to PostgreSQL at \(target.display): out of memory")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let reason = target.redactor.redact(
                String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines)
                    .replacingOccurrences(of: "\n", with: " "))
            PQfinish(connection)
            let lower = reason.lowercased()
            if lower.contains("password authentication failed") || lower.contains("no password supplied")
                || lower.contains("authentication failed") || lower.contains("fe_sendauth")
            {
                throw PostgresError(
                    .authenticationFailed,
                    "PostgreSQL at \(target.display) refused the credentials; check the user and password (in the URL, PGPASSWORD or ~/.pgpass)",
                    cause: reason)
            }
            throw PostgresError(
                .connectionFailed, "cannot connect to PostgreSQL at \(target.display); check host, port and database",
                cause: reason)
        }
        // libpq prints server notices (`WARNING: there is no transaction in progress`) on stderr by default;
        // the tool reports what matters itself.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        return PostgresConnection(connection: connection, redactor: target.redactor)
    }

    private init(connection: OpaquePointer, redactor: Redactor) {
        self.connection = connection
        self.redactor = redactor
        host = PQhost(connection).map { String(cString: $0) } ?? ""
        port = PQport(connection).map { String(cString: $0) } ?? ""
        database = PQdb(connection).map { String(cString: $0) } ?? ""
    }

    deinit { PQfinish(connection) }

    public func query(_ sql: String) throws(PostgresError) -> [[String?]] {
        guard let result = PQexec(connection, sql) else {
            throw PostgresError(.queryFailed, "PostgreSQL did not answer", cause: redactor.redact(errorMessage))
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
            let message = PQresultErrorMessage(result).map { String(cString: $0) } ?? errorMessage
            throw PostgresError(
                .queryFailed, "a query failed",
                cause: redactor.redact(
                    message.trimmingCharacters(in: .whitespacesAndNewlines)
                        .replacingOccurrences(of: "\n", with: " ")))
        }
        let rowCount = PQntuples(result)
        let columnCount = PQnfields(result)
        var rows: [[String?]] = []
        rows.reserveCapacity(Int(rowCount))
        for row in 0..<rowCount {
            var columns: [String?] = []
            columns.reserveCapacity(Int(columnCount))
            for column in 0..<columnCount {
                if PQgetisnull(result, row, column) != 0 {
                    columns.append(nil)
                } else {
                    columns.append(String(cString: PQgetvalue(result, row, column)))
                }
            }
            rows.append(columns)
        }
        return rows
    }

    private var errorMessage: String { String(cString: PQerrorMessage(connection)) }
}
