import CLibPQ
import Foundation

/// A PostgreSQL connection string in any form a user of orchestrator-core has, turned into one libpq accepts.
///
/// Accepted: libpq URIs (`postgresql://`, `postgres://`), libpq `key=value` strings, and SQLAlchemy URLs with a
/// driver suffix (`postgresql+psycopg://`, `postgresql+psycopg2://`, ...), whose suffix is dropped: libpq takes
/// everything else of those URLs as it is. Passwords may come from the string, `PGPASSWORD` or `~/.pgpass`;
/// libpq reads the last two itself.
///
/// The value is a secret: it is never printed. `display` is the printable form.
public struct ConnectionString: Sendable {
    /// The environment variable orchestrator-core itself reads.
    public static let environmentVariable = "DATABASE_URI"

    /// What to hand to libpq. Never print it.
    let libpqForm: String
    /// Hides the password (in every spelling it was given) in text that came from libpq or the user.
    public let redactor: Redactor
    /// `user@host:port/database` with whatever the string names, for messages. Holds no password.
    public let display: String

    /// Parses `raw`. Throws `invalidConnectionString` (with a redacted reason) when libpq cannot parse it.
    public init(_ raw: String) throws(SnapshotError) {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        var redactor = Redactor(secrets: Self.passwordCandidates(in: trimmed))
        guard !trimmed.isEmpty else {
            throw SnapshotError(.invalidConnectionString, "the connection string is empty; pass --db or set DATABASE_URI")
        }
        let normalized = try Self.dropDriverSuffix(trimmed, redactor: redactor)

        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(normalized, &errorMessage) else {
            var reason = errorMessage.map { String(cString: $0) } ?? "libpq could not parse it"
            if let errorMessage { PQfreemem(errorMessage) }
            // libpq quotes the text around a syntax error, which may be a piece of a password that no redaction
            // can recognise; when the string holds a password, withhold libpq's detail.
            reason = redactor.redact(reason.trimmingCharacters(in: .whitespacesAndNewlines))
            if !Self.passwordCandidates(in: trimmed).isEmpty {
                reason = "check its syntax (libpq's detail is withheld because the string contains a password)"
            }
            throw SnapshotError(
                .invalidConnectionString,
                "the connection string is not valid (expected postgresql://user@host:port/database or host=... dbname=...)",
                cause: reason)
        }
        defer { PQconninfoFree(options) }
        var values: [String: String] = [:]
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val { values[String(cString: keyword)] = String(cString: value) }
            option = option.advanced(by: 1)
        }
        if let password = values["password"], !password.isEmpty { redactor.add(password) }
        self.redactor = redactor
        libpqForm = normalized

        let environment = ProcessInfo.processInfo.environment
        let host = values["host"] ?? values["hostaddr"] ?? environment["PGHOST"] ?? "local socket"
        let port = values["port"] ?? environment["PGPORT"] ?? "5432"
        let user = values["user"] ?? environment["PGUSER"]
        let database = values["dbname"] ?? environment["PGDATABASE"] ?? user ?? "(default database)"
        display = (user.map { "\($0)@" } ?? "") + "\(host):\(port)/\(database)"
    }

    /// `--db` when given, else `DATABASE_URI` from the environment.
    public static func resolve(option: String?, environment: [String: String]) throws(SnapshotError) -> ConnectionString {
        if let option { return try ConnectionString(option) }
        if let fromEnvironment = environment[environmentVariable] { return try ConnectionString(fromEnvironment) }
        throw SnapshotError(
            .invalidConnectionString, "no database given: pass --db URL or set \(environmentVariable)")
    }

    /// `postgresql+psycopg://...` → `postgresql://...`. Other schemes than PostgreSQL's are refused.
    static func dropDriverSuffix(_ raw: String, redactor: Redactor) throws(SnapshotError) -> String {
        guard let separator = raw.range(of: "://") else { return raw }  // key=value form
        let scheme = raw[raw.startIndex..<separator.lowerBound]
        guard !scheme.contains(where: { $0 == " " || $0 == "=" }) else { return raw }
        let base = scheme.split(separator: "+", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        guard base == "postgresql" || base == "postgres" else {
            throw SnapshotError(
                .invalidConnectionString,
                "the connection string's scheme '\(redactor.redact(String(scheme)))' is not PostgreSQL's; use postgresql://")
        }
        return "postgresql" + raw[separator.lowerBound...]
    }

    /// Every spelling a password may have in the raw string: `user:PASS@` of a URI (percent-encoded or not) and
    /// `password=PASS` of a key=value string or URI query. Found before libpq parses, so even a string libpq
    /// rejects cannot leak its password into the error message.
    static func passwordCandidates(in raw: String) -> [String] {
        var found: [String] = []
        if let schemeEnd = raw.range(of: "://") {
            let rest = raw[schemeEnd.upperBound...]
            let authority = rest.prefix { $0 != "/" && $0 != "?" }
            if let at = authority.lastIndex(of: "@") {
                let userInfo = authority[authority.startIndex..<at]
                if let colon = userInfo.firstIndex(of: ":") {
                    found.append(String(userInfo[userInfo.index(after: colon)...]))
                }
            }
        }
        var search = raw[...]
        while let key = search.range(of: "password", options: .caseInsensitive) {
            var index = key.upperBound
            while index < search.endIndex, search[index] == " " { index = search.index(after: index) }
            guard index < search.endIndex, search[index] == "=" else { search = search[key.upperBound...]; continue }
            index = search.index(after: index)
            while index < search.endIndex, search[index] == " " { index = search.index(after: index) }
            let valueStart = index
            if index < search.endIndex, search[index] == "'" {
                // A quoted key=value: backslash escapes the next character.
                var value = ""
                var position = search.index(after: index)
                while position < search.endIndex, search[position] != "'" {
                    if search[position] == "\\", search.index(after: position) < search.endIndex {
                        position = search.index(after: position)
                    }
                    value.append(search[position])
                    position = search.index(after: position)
                }
                found.append(value)
            }
            let end = search[valueStart...].firstIndex { $0 == " " || $0 == "&" } ?? search.endIndex
            found.append(String(search[valueStart..<end]))
            search = search[end...]
        }
        return found
    }
}

/// Replaces secrets in text with `***`: the secret as given, percent-decoded and percent-encoded.
public struct Redactor: Sendable {
    private var secrets: [String] = []

    public init(secrets: [String] = []) { for secret in secrets { add(secret) } }

    public mutating func add(_ secret: String) {
        guard !secret.isEmpty else { return }
        var forms: Set<String> = [secret]
        if let decoded = secret.removingPercentEncoding { forms.insert(decoded) }
        if let encoded = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics) { forms.insert(encoded) }
        // Longest first, so a secret that contains another is hidden whole.
        secrets = Array(Set(secrets).union(forms.filter { !$0.isEmpty })).sorted { $0.count > $1.count }
    }

    public func redact(_ text: String) -> String {
        var result = text
        for secret in secrets { result = result.replacingOccurrences(of: secret, with: "***") }
        return result
    }
}
