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
    /// The string as given, for the environment of a child process that reads it itself (the project's Alembic,
    /// whose `env.py` reads `DATABASE_URI`). A secret: never print it.
    public let asGiven: String

    /// Parses `raw`. Throws `invalidConnectionString` (with a redacted reason) when libpq cannot parse it.
    public init(_ raw: String) throws(PostgresError) {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        var redactor = Redactor(secrets: Self.passwordCandidates(in: trimmed))
        guard !trimmed.isEmpty else {
            throw PostgresError(
                .invalidConnectionString, "the connection string is empty; pass --db or set DATABASE_URI")
        }
        let (normalized, encodedPassword) = Self.encodingPassword(
            try Self.dropDriverSuffix(trimmed, redactor: redactor))
        if let encodedPassword { redactor.add(encodedPassword) }

        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(normalized, &errorMessage) else {
            var reason = errorMessage.map { String(cString: $0) } ?? "libpq could not parse it"
            if let errorMessage { PQfreemem(errorMessage) }
            // libpq quotes the text around a syntax error, which may be a piece of a password that no redaction
            // can recognise; when the string holds a password, withhold libpq's detail.
            reason = Self.printable(redactor.redact(reason.trimmingCharacters(in: .whitespacesAndNewlines)), limit: 300)
            if !Self.passwordCandidates(in: trimmed).isEmpty {
                reason = "check its syntax (libpq's detail is withheld because the string contains a password)"
            }
            throw PostgresError(
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
        asGiven = trimmed

        let environment = ProcessInfo.processInfo.environment
        let host = values["host"] ?? values["hostaddr"] ?? environment["PGHOST"] ?? "local socket"
        let port = values["port"] ?? environment["PGPORT"] ?? "5432"
        let user = values["user"] ?? environment["PGUSER"]
        let database = values["dbname"] ?? environment["PGDATABASE"] ?? user ?? "(default database)"
        display = (user.map { "\($0)@" } ?? "") + "\(host):\(port)/\(database)"
    }

    /// Text from the connection string for a one-line message: control characters as `?`, at most 40 characters.
    static func printable(_ text: String, limit: Int = 40) -> String {
        let cleaned = String(
            String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7f ? "?" : $0 }))
        guard cleaned.unicodeScalars.count > limit else { return cleaned }
        return String(String.UnicodeScalarView(cleaned.unicodeScalars.prefix(limit))) + "…"
    }

    /// `--db` when given, else `DATABASE_URI` from the environment.
    public static func resolve(option: String?, environment: [String: String]) throws(PostgresError) -> ConnectionString
    {
        if let option { return try ConnectionString(option) }
        if let fromEnvironment = environment[environmentVariable] { return try ConnectionString(fromEnvironment) }
        throw PostgresError(
            .invalidConnectionString, "no database given: pass --db URL or set \(environmentVariable)")
    }

    /// `postgresql+psycopg://...` → `postgresql://...`. Other schemes than PostgreSQL's are refused.
    static func dropDriverSuffix(_ raw: String, redactor: Redactor) throws(PostgresError) -> String {
        guard let separator = raw.range(of: "://") else { return raw }  // key=value form
        let scheme = raw[raw.startIndex..<separator.lowerBound]
        guard !scheme.contains(where: { $0 == " " || $0 == "=" }) else { return raw }
        let base = scheme.split(separator: "+", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        guard base == "postgresql" || base == "postgres" else {
            throw PostgresError(
                .invalidConnectionString,
                "the connection string's scheme '\(Self.printable(redactor.redact(String(scheme))))' is not PostgreSQL's; use postgresql://"
            )
        }
        return "postgresql" + raw[separator.lowerBound...]
    }

    /// Every spelling a password may have in the raw string: `user:PASS@` of a URI (percent-encoded or not) and
    /// `password=PASS` of a key=value string or URI query. Found before libpq parses, so even a string libpq
    /// rejects cannot leak its password into the error message.
    static func passwordCandidates(in raw: String) -> [String] {
        var found: [String] = []
        let scalars = raw.unicodeScalars
        if let userInfo = uriUserInfo(raw), let colon = scalars[userInfo].firstIndex(of: ":") {
            // Everything after `user:` up to the last `@`, whatever it holds: a password with an unencoded `/`, `@`
            // or `:` is a common mistake, and libpq would split it and echo the pieces.
            let password = scalars[scalars.index(after: colon)..<userInfo.upperBound]
            found.append(String(password))
            for piece in password.split(whereSeparator: { "/@:?#".unicodeScalars.contains($0) }) where piece.count >= 3
            {
                found.append(String(piece))
            }
        }
        // By scalar, as libpq reads bytes: a quote, a space or `&` followed by a combining mark still ends a value.
        var search = scalars[...]
        while let key = Self.rangeIgnoringASCIICase(of: "password", in: search) {
            var index = key.upperBound
            while index < search.endIndex, search[index] == " " { index = search.index(after: index) }
            guard index < search.endIndex, search[index] == "=" else {
                search = search[key.upperBound...]
                continue
            }
            index = search.index(after: index)
            while index < search.endIndex, search[index] == " " { index = search.index(after: index) }
            let valueStart = index
            if index < search.endIndex, search[index] == "'" {
                // A quoted key=value: backslash escapes the next character.
                var value = String.UnicodeScalarView()
                var position = search.index(after: index)
                while position < search.endIndex, search[position] != "'" {
                    if search[position] == "\\", search.index(after: position) < search.endIndex {
                        position = search.index(after: position)
                    }
                    value.append(search[position])
                    position = search.index(after: position)
                }
                found.append(String(value))
            }
            let end = search[valueStart...].firstIndex { $0 == " " || $0 == "&" } ?? search.endIndex
            found.append(String(search[valueStart..<end]))
            search = search[end...]
        }
        return found
    }
}

extension ConnectionString {
    /// The user-info part of a URI (`user:password`): from after `://` up to the last `@` before the path. The
    /// last, not the first: `@` in a password is a mistake libpq does not forgive, but SQLAlchemy-style URLs
    /// (orchestrator-core's `DATABASE_URI`) are often written so.
    /// The user-info of a URI (between `://` and the last `@`), as a range of `raw.unicodeScalars`: found by
    /// scalar, as libpq reads bytes (an `@` followed by a combining mark is one Swift Character, still an `@`).
    static func uriUserInfo(_ raw: String) -> Range<String.Index>? {
        let scalars = raw.unicodeScalars
        guard let schemeEnd = rangeIgnoringASCIICase(of: "://", in: scalars[...]),
            !scalars[..<schemeEnd.lowerBound].contains(where: { $0 == " " || $0 == "=" }),
            let at = scalars[schemeEnd.upperBound...].lastIndex(of: "@")
        else { return nil }
        return schemeEnd.upperBound..<at
    }

    /// The first occurrence of the ASCII `word` in `text`, ignoring ASCII case, by scalar.
    static func rangeIgnoringASCIICase(
        of word: String, in text: Substring.UnicodeScalarView
    ) -> Range<String.Index>? {
        func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            ("A"..."Z").contains(scalar) ? Unicode.Scalar(UInt8(scalar.value + 32)) : scalar
        }
        let wanted = word.unicodeScalars.map(lower)
        var start = text.startIndex
        while start < text.endIndex {
            var index = start
            var matched = 0
            while matched < wanted.count, index < text.endIndex, lower(text[index]) == wanted[matched] {
                matched += 1
                index = text.index(after: index)
            }
            if matched == wanted.count { return start..<index }
            start = text.index(after: start)
        }
        return nil
    }

    /// A URI whose password holds characters that end the user-info for libpq (`/`, `@`, `:`, `?`, `#`, `[`, `]`,
    /// space) gets them percent-encoded, so libpq reads the password SQLAlchemy would read instead of splitting it.
    /// Returns the string for libpq and the encoded password (a secret too), or the string as it was.
    static func encodingPassword(_ uri: String) -> (String, String?) {
        let scalars = uri.unicodeScalars
        guard let userInfo = uriUserInfo(uri), let colon = scalars[userInfo].firstIndex(of: ":") else {
            return (uri, nil)
        }
        let password = scalars[scalars.index(after: colon)..<userInfo.upperBound]
        let reserved: Set<Unicode.Scalar> = ["/", "@", ":", "?", "#", "[", "]", " "]
        guard password.contains(where: { reserved.contains($0) }) else { return (uri, nil) }
        var encoded = ""
        for scalar in password {
            if reserved.contains(scalar) {
                encoded += String(format: "%%%02X", scalar.value)
            } else {
                encoded.unicodeScalars.append(scalar)
            }
        }
        return (
            String(scalars[..<scalars.index(after: colon)]) + encoded + String(scalars[userInfo.upperBound...]), encoded
        )
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

    /// Every occurrence of `secret` in `text` replaced by `***`, compared byte by byte (a secret followed by a
    /// combining mark is still the secret).
    static func replacing(_ secret: String, in text: String) -> String {
        let needle = Array(secret.utf8)
        let haystack = Array(text.utf8)
        guard !needle.isEmpty, haystack.count >= needle.count else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(haystack.count)
        var index = 0
        var changed = false
        while index < haystack.count {
            if index + needle.count <= haystack.count, haystack[index..<index + needle.count].elementsEqual(needle) {
                out += Array("***".utf8)
                index += needle.count
                changed = true
            } else {
                out.append(haystack[index])
                index += 1
            }
        }
        return changed ? String(decoding: out, as: UTF8.self) : text
    }

    public func redact(_ text: String) -> String {
        var result = text
        for secret in secrets { result = Self.replacing(secret, in: result) }
        return result
    }
}
