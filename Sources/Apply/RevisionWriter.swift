import PythonSource
import Catalogue
import Foundation
import Planner

/// Writes a plan as an Alembic revision with orchestrator-core's conventions (spec 2.10): the first domain-model
/// revision starts the `data` branch (no down revision, `branch_labels = ('data',)`, depending on the schema head);
/// later ones revise the data head. The file follows the project's `script.py.mako` and `file_template`.
public struct RevisionWriter {
    public let project: AlembicProject
    public let graph: RevisionGraph

    public init(project: AlembicProject, graph: RevisionGraph) {
        self.project = project
        self.graph = graph
    }

    /// What will be written.
    public struct Revision: Sendable {
        public var id: String
        public var downRevision: String?
        public var branchLabels: [String]?
        public var dependsOn: String?
        public var file: URL
        public var text: String
    }

    /// The revision id for a plan: the first 12 hex digits of a SHA-256 of its digest, so the same plan always gets
    /// the same id (deterministic files) and different plans different ids.
    public static func revisionID(for plan: Plan) -> String {
        String(SHA256.hex("orchestrator-planner revision " + PlanFile.digest(of: plan)).prefix(12))
    }

    /// Prepares the revision. `schemaHead` is the core schema head the first data revision depends on (from the
    /// core migrations, the snapshot's alembic_version rows, or --depends-on).
    /// A plain revision (`db revision`, `db merge`, the data head): empty upgrade and downgrade.
    public func emptyRevision(id: String, message: String, down: [String], labels: [String]?, dependsOn: String?, createdAt: Date) throws(ApplyError) -> Revision {
        guard let location = project.versionLocations.first else {
            throw ApplyError(.invalidProject, "alembic.ini names no version location")
        }
        let text = try render(id: id, message: message, down: down, labels: labels, dependsOn: dependsOn, date: createdAt, upgrades: "pass", downgrades: "pass", digest: nil)
        return Revision(id: id, downRevision: down.first, branchLabels: labels, dependsOn: dependsOn,
                        file: location.appendingPathComponent(try fileName(id: id, message: message, date: createdAt)), text: text)
    }

    /// Alembic's `rev_id()`: 12 random hex digits.
    public static func randomID() -> String {
        String(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").suffix(12))
    }

    public func revision(for plan: Plan, schemaHead: String?, createdAt: Date) throws(ApplyError) -> Revision {
        let id = Self.revisionID(for: plan)
        var down: String?
        var labels: [String]?
        var dependsOn: String?
        if let head = try graph.head(ofBranch: "data") {
            down = head.id
        } else {
            guard let schemaHead else {
                throw ApplyError(.invalidProject, "this is the first data revision, and the schema head it depends on is unknown: pass --depends-on REVISION or a snapshot with alembic_version rows")
            }
            labels = ["data"]
            dependsOn = schemaHead
        }
        guard let location = project.versionLocations.first else {
            throw ApplyError(.invalidProject, "alembic.ini names no version location")
        }
        let fileName = try fileName(id: id, message: plan.message, date: createdAt)
        let text = try render(plan: plan, id: id, down: down, labels: labels, dependsOn: dependsOn, date: createdAt)
        return Revision(id: id, downRevision: down, branchLabels: labels, dependsOn: dependsOn, file: location.appendingPathComponent(fileName), text: text)
    }

    /// Writes atomically; never replaces an existing file.
    public func write(_ revision: Revision) throws(ApplyError) {
        do throws(AtomicFile.Failure) {
            try AtomicFile(revision.file).write(Data(revision.text.utf8), overwrite: false)
        } catch {
            switch error {
            case .exists(let path): throw ApplyError(.cannotWrite, "\(path) already exists; a revision is never overwritten")
            case .folderMissing(let path): throw ApplyError(.cannotWrite, "the version location \(path) does not exist")
            case .isDirectory(let path): throw ApplyError(.cannotWrite, "\(path) is a directory")
            case .notWritable, .notRegularFile, .sameAsInput: throw ApplyError(.cannotWrite, "\(error)")
            }
        }
    }

    // MARK: - Naming

    /// Alembic's slug: the words of the message, lower-cased, joined by `_`, cut at a word boundary.
    static func slug(_ message: String, limit: Int) -> String {
        var words: [String] = []
        var current = ""
        for character in message {
            if character.isLetter || character.isNumber || character == "_" {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        var slug = words.joined(separator: "_").lowercased()
        if slug.count > limit {
            let cut = String(slug.prefix(limit))
            slug = (cut.range(of: "_", options: .backwards).map { String(cut[..<$0.lowerBound]) } ?? cut) + "_"
        }
        return slug
    }

    func fileName(id: String, message: String, date: Date) throws(ApplyError) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let values: [String: String] = [
            "rev": id, "slug": Self.slug(message, limit: project.truncateSlugLength),
            "year": String(parts.year ?? 0), "month": String(parts.month ?? 0), "day": String(parts.day ?? 0),
            "hour": String(parts.hour ?? 0), "minute": String(parts.minute ?? 0), "second": String(parts.second ?? 0),
            "epoch": String(Int(date.timeIntervalSince1970)),
        ]
        return try Self.percentFormat(project.fileTemplate, values) + ".py"
    }

    /// Python's `%(name)s` / `%(name)d` / `%(name).2d` formatting, as far as file templates use it.
    static func percentFormat(_ template: String, _ values: [String: String]) throws(ApplyError) -> String {
        var out = ""
        var rest = template[...]
        while let start = rest.range(of: "%(") {
            out += rest[..<start.lowerBound]
            guard let close = rest[start.upperBound...].firstIndex(of: ")") else {
                throw ApplyError(.invalidProject, "file_template \(template): unterminated %(")
            }
            let key = String(rest[start.upperBound..<close])
            var spec = rest.index(after: close)
            var width = 0
            if spec < rest.endIndex, rest[spec] == "." {
                spec = rest.index(after: spec)
                let digits = rest[spec...].prefix(while: \.isNumber)
                width = Int(digits) ?? 0
                spec = rest.index(spec, offsetBy: digits.count)
            }
            guard spec < rest.endIndex, let value = values[key] else {
                throw ApplyError(.invalidProject, "file_template \(template): unknown token %(\(key))")
            }
            let padded = rest[spec] == "d" && value.count < width ? String(repeating: "0", count: width - value.count) + value : value
            out += padded
            rest = rest[rest.index(after: spec)...]
        }
        return out + rest
    }

    // MARK: - Rendering

    /// The statement list as orchestrator-core writes it: `conn.execute(sa.text("""…"""))` per statement, with
    /// what Python or `sa.text` would misread escaped (backslashes, quotes, carriage returns, every `:` as `\:`).
    static func execute(_ statements: [String]) -> String {
        guard !statements.isEmpty else { return "pass" }
        let calls = ([SQLLiteral.requiredSettings] + statements).map { sql -> String in
            "    conn.execute(sa.text(\"\"\"\n\(pythonTextLiteral(sql))\n    \"\"\"))"
        }
        return "conn = op.get_bind()\n" + calls.joined(separator: "\n")
    }

    /// The inside of a `"""` literal that `sa.text` reads back as exactly `sql`: `\\` and `"` escaped for Python,
    /// carriage returns written `\\r` (Python would turn a raw one into a line feed), and every `:` as `\\:` so
    /// `sa.text` takes nothing for a bind parameter. One pass over the bytes.
    static func pythonTextLiteral(_ sql: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(sql.utf8.count + 64)
        for byte in sql.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: ":"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\"), UInt8(ascii: ":")]
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func pythonRepr(_ value: String?) -> String { PythonRepr.string(value) }

    func render(plan: Plan, id: String, down: String?, labels: [String]?, dependsOn: String?, date: Date) throws(ApplyError) -> String {
        try render(
            id: id, message: plan.message, down: down.map { [$0] } ?? [], labels: labels, dependsOn: dependsOn, date: date,
            upgrades: Self.execute(plan.upgrade), downgrades: Self.execute(plan.downgrade), digest: PlanFile.digest(of: plan))
    }

    /// Renders the project's `script.py.mako` for any revision (`db revision`, `db merge` use it too).
    func render(
        id: String, message rawMessage: String, down: [String], labels: [String]?, dependsOn: String?, date: Date,
        upgrades: String, downgrades: String, digest: String?
    ) throws(ApplyError) -> String {
        let templateURL = project.scriptLocation.appendingPathComponent("script.py.mako")
        let template: String
        do throws(TextFile.Failure) {
            template = try TextFile.read(templateURL.path)
        } catch {
            if case .missing = error { throw ApplyError(.invalidProject, "no script.py.mako in \(project.scriptLocation.path)") }
            throw ApplyError(.invalidProject, "\(error)")
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        // The message goes into the module docstring: escaped by byte, so no quote (even one followed by a combining
        // mark) can end the docstring and no line break can start a statement.
        let message = TextEscaping.replacingBytes(rawMessage) { byte in
            switch byte {
            case UInt8(ascii: "\\"): return "\\\\"
            case UInt8(ascii: "\""): return "\\\""
            case 0..<0x20, 0x7f: return " "  // line breaks would end the docstring line; NUL is no Python source
            default: return nil
            }
        }
        let values: [String: String] = [
            "message": message,
            "up_revision": id,
            "down_revision | comma,n": down.joined(separator: ", "),
            "create_date": formatter.string(from: date),
            "imports if imports else \"\"": "",
            "repr(up_revision)": Self.pythonRepr(id),
            "repr(down_revision)": down.count > 1 ? "(" + down.map { Self.pythonRepr($0) }.joined(separator: ", ") + ")" : Self.pythonRepr(down.first),
            "repr(branch_labels)": labels.map { "(" + $0.map { Self.pythonRepr($0) }.joined(separator: ", ") + ",)" } ?? "None",
            "repr(depends_on)": Self.pythonRepr(dependsOn),
            "upgrades if upgrades else \"pass\"": upgrades,
            "downgrades if downgrades else \"pass\"": downgrades,
        ]
        var out = ""
        var rest = template[...]
        while let start = rest.range(of: "${") {
            out += rest[..<start.lowerBound]
            guard let close = rest[start.upperBound...].firstIndex(of: "}") else {
                throw ApplyError(.invalidProject, "\(templateURL.path): unterminated ${")
            }
            let expression = String(rest[start.upperBound..<close]).trimmingCharacters(in: .whitespaces)
            guard let value = values[expression] else {
                throw ApplyError(.invalidProject, "\(templateURL.path): unsupported template expression ${\(expression)}; orchestrator-planner renders orchestrator-core's script.py.mako")
            }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        guard let digest else { return out }
        // The docstring also carries the plan digest, so a revision says which reviewed plan it holds.
        let digestLine = "Plan digest: \(digest)\n"
        if let created = out.range(of: "Create Date: "), let end = out[created.upperBound...].firstIndex(of: "\n") {
            out.insert(contentsOf: "\n" + digestLine.dropLast(), at: end)
        } else if let firstLineEnd = out.firstIndex(of: "\n") {
            out.insert(contentsOf: "\n" + digestLine, at: out.index(after: firstLineEnd))
        }
        return out
    }
}
