import Catalogue
import Foundation
import PythonSource

/// Renders a revision file from the project's `script.py.mako`, the way Alembic's `script.py.mako` would render:
/// the expressions orchestrator-core's template uses, the SQL as `conn.execute(sa.text("""…"""))` calls, and the
/// plan digest in the docstring of a revision made from a plan.
public enum RevisionTemplate {
    /// What goes into the template.
    public struct Content: Sendable {
        public var id: String
        public var message: String
        public var down: [String]
        public var labels: [String]?
        public var dependsOn: String?
        public var date: Date
        /// SQL statements; empty: `pass`.
        public var upgrade: [String]
        public var downgrade: [String]
        /// The plan digest, for a revision made from a plan.
        public var planDigest: String?
        /// Python before `def upgrade()` and the bodies of the two functions, instead of `upgrade`/`downgrade` as
        /// `conn.execute` calls (a workflow plan's revision: orchestrator-core's helpers and their lists).
        public var preamble: String?
        public var upgradeBody: String?
        public var downgradeBody: String?

        public init(
            id: String, message: String, down: [String], labels: [String]?, dependsOn: String?, date: Date,
            upgrade: [String] = [], downgrade: [String] = [], planDigest: String? = nil
        ) {
            self.id = id
            self.message = message
            self.down = down
            self.labels = labels
            self.dependsOn = dependsOn
            self.date = date
            self.upgrade = upgrade
            self.downgrade = downgrade
            self.planDigest = planDigest
        }
    }

    public static func render(_ content: Content, project: AlembicProject) throws(AlembicError) -> String {
        let templateURL = project.scriptLocation.appendingPathComponent("script.py.mako")
        let template: String
        do throws(TextFile.Failure) {
            template = try TextFile.read(templateURL.path)
        } catch {
            if case .missing = error {
                throw AlembicError(.invalidProject, "no script.py.mako in \(project.scriptLocation.path)")
            }
            throw AlembicError(.invalidProject, "\(error)")
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        let down = content.down
        let values: [String: String] = [
            "message": docstringText(content.message),
            "up_revision": content.id,
            "down_revision | comma,n": down.joined(separator: ", "),
            "create_date": formatter.string(from: content.date),
            "imports if imports else \"\"": "",
            "repr(up_revision)": PythonRepr.string(content.id),
            "repr(down_revision)": down.count > 1
                ? "(" + down.map { PythonRepr.string($0) }.joined(separator: ", ") + ")"
                : PythonRepr.string(down.first),
            "repr(branch_labels)": content.labels.map {
                "(" + $0.map { PythonRepr.string($0) }.joined(separator: ", ") + ",)"
            } ?? "None",
            "repr(depends_on)": PythonRepr.string(content.dependsOn),
            "upgrades if upgrades else \"pass\"": content.upgradeBody ?? executeCalls(content.upgrade),
            "downgrades if downgrades else \"pass\"": content.downgradeBody ?? executeCalls(content.downgrade),
        ]
        var out = ""
        var rest = template[...]
        while let start = rest.range(of: "${") {
            out += rest[..<start.lowerBound]
            guard let close = rest[start.upperBound...].firstIndex(of: "}") else {
                throw AlembicError(.invalidProject, "\(templateURL.path): unterminated ${")
            }
            let expression = String(rest[start.upperBound..<close]).trimmingCharacters(in: .whitespaces)
            guard let value = values[expression] else {
                throw AlembicError(
                    .invalidProject,
                    "\(templateURL.path): unsupported template expression ${\(expression)}; orchestrator-planner renders orchestrator-core's script.py.mako"
                )
            }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        if let preamble = content.preamble, let line = out.range(of: "def upgrade()") {
            // orchestrator-core's create_migration_file: the preamble before the line of `def upgrade()`.
            let start = out[..<line.lowerBound].lastIndex(of: "\n").map { out.index(after: $0) } ?? out.startIndex
            out.insert(contentsOf: preamble + "\n\n", at: start)
        }
        guard let digest = content.planDigest else { return out }
        // The docstring also carries the plan digest, so a revision says which reviewed plan it holds, and the
        // digest of its SQL, so `db upgrade` can run it without Python only while the SQL is the plan's.
        let digestLine =
            RevisionFile.planDigestMarker + digest + "\n" + RevisionFile.sqlDigestMarker
            + RevisionFile.sqlDigest(upgrade: content.upgrade, downgrade: content.downgrade) + "\n"
        if let created = out.range(of: "Create Date: "), let end = out[created.upperBound...].firstIndex(of: "\n") {
            out.insert(contentsOf: "\n" + digestLine.dropLast(), at: end)
        } else if let firstLineEnd = out.firstIndex(of: "\n") {
            out.insert(contentsOf: "\n" + digestLine, at: out.index(after: firstLineEnd))
        }
        return out
    }

    /// The message in the module docstring: escaped by byte, so no quote (even one followed by a combining mark)
    /// can end the docstring, and no line break or NUL can start a statement or break the source.
    static func docstringText(_ message: String) -> String {
        TextEscaping.replacingBytes(message) { byte in
            switch byte {
            case UInt8(ascii: "\\"): return "\\\\"
            case UInt8(ascii: "\""): return "\\\""
            case 0..<0x20, 0x7f: return " "
            default: return nil
            }
        }
    }

    /// The statement list as orchestrator-core writes it: `conn.execute(sa.text("""…"""))` per statement, after the
    /// setting the literals rely on (`standard_conforming_strings`).
    public static func executeCalls(_ statements: [String]) -> String {
        guard !statements.isEmpty else { return "pass" }
        let calls = ([SQLLiteral.requiredSettings] + statements).map { sql -> String in
            "    conn.execute(sa.text(\"\"\"\n\(pythonTextLiteral(sql))\n    \"\"\"))"
        }
        return "conn = op.get_bind()\n" + calls.joined(separator: "\n")
    }

    /// The inside of a `"""` literal that `sa.text` reads back as exactly `sql` (`PythonRepr.sqlAlchemyTextLiteral`).
    public static func pythonTextLiteral(_ sql: String) -> String { PythonRepr.sqlAlchemyTextLiteral(sql) }
}
