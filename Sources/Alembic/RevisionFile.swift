import Catalogue
import Foundation
import PythonSource

/// One Alembic revision as its file says, read without running Python.
public struct RevisionFile: Hashable, Sendable {
    public var id: String
    public var downRevisions: [String]
    public var branchLabels: [String]
    public var dependsOn: [String]
    /// The docstring, stripped (Alembic's `longdoc`); its first paragraph is the message (`doc`).
    public var longDoc: String
    public var file: URL
    /// The plan digest, when orchestrator-planner wrote the revision from a plan (`Plan digest:` in the docstring).
    public var planDigest: String?
    /// The digest of its SQL (`SQL digest:` in the docstring), written with the plan digest since issue 13.
    public var sqlDigest: String?

    public var message: String { longDoc.components(separatedBy: "\n\n").first ?? "" }

    /// Reads `revision`, `down_revision`, `branch_labels` and `depends_on` from the file's literal assignments.
    public static func read(_ file: URL) throws(AlembicError) -> RevisionFile {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw AlembicError(.invalidProject, "cannot read the revision file \(file.path)")
        }
        let module: PythonModuleLiterals
        do throws(PythonSyntaxError) {
            module = try PythonModuleLiterals(data: data)
        } catch {
            throw AlembicError(
                .invalidProject, "\(file.path):\(error.line): cannot read the revision file: \(error.message)")
        }
        func list(_ key: String) throws(AlembicError) -> [String] {
            switch module.assignments[key]?.value {
            case .string(let value)?: return [value]
            case .strings(let values)?: return values
            case .none?, nil: return []
            case .other(let text)?:
                throw AlembicError(
                    .invalidProject,
                    "\(file.path):\(module.assignments[key]?.line ?? 0): \(key) = \(text) is not a literal")
            }
        }
        guard case .string(let id)? = module.assignments["revision"]?.value else {
            throw AlembicError(
                .invalidProject, "\(file.path): no `revision = '...'` assignment; is it an Alembic revision?")
        }
        let longDoc = (module.docstring ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return RevisionFile(
            id: id, downRevisions: try list("down_revision"), branchLabels: try list("branch_labels"),
            dependsOn: try list("depends_on"), longDoc: longDoc, file: file,
            planDigest: Self.marked(planDigestMarker, in: longDoc), sqlDigest: Self.marked(sqlDigestMarker, in: longDoc)
        )
    }

    /// The marker the revision writer puts in the docstring of a revision made from a plan.
    public static let planDigestMarker = "Plan digest: "

    /// The marker of the digest of the revision's SQL (`RevisionFile.sqlDigest(upgrade:downgrade:)`).
    public static let sqlDigestMarker = "SQL digest: "

    /// The id of the revision made from the plan with this digest: the first 12 hex digits of a SHA-256 of it, so
    /// the same plan always gets the same id (deterministic files, and a retried apply finds its revision).
    public static func planRevisionID(forPlanDigest digest: String) -> String {
        String(SHA256.hex("orchestrator-planner revision " + digest).prefix(12))
    }

    /// The digest of a revision's statements (upgrade, then downgrade; each JSON-quoted on its own line), so a
    /// hand edit of the SQL in the file is noticed.
    public static func sqlDigest(upgrade: [String], downgrade: [String]) -> String {
        let text =
            (["upgrade"] + upgrade.map(TextEscaping.jsonQuote) + ["downgrade"] + downgrade.map(TextEscaping.jsonQuote))
            .joined(separator: "\n")
        return "sha256:" + SHA256.hex(text)
    }

    static func marked(_ marker: String, in docstring: String) -> String? {
        guard let range = docstring.range(of: marker) else { return nil }
        let digest = docstring[range.upperBound...].prefix { !$0.isWhitespace }
        return digest.isEmpty ? nil : String(digest)
    }
}
