import Catalogue
import Foundation
import PythonSource

/// A revision orchestrator-planner wrote from a plan, whose SQL it can run without Python: the docstring carries
/// the plan digest (and the id is the one derived from it), the functions do nothing but execute literal SQL, and
/// that SQL still has the digest written with it. Any other revision (orchestrator-core's schema migrations, a
/// hand-written one, one of ours edited by hand) is Python, for Alembic to run.
public struct NativeRevision: Sendable {
    public let revision: RevisionFile
    /// The statements as the plan had them (`SET LOCAL standard_conforming_strings` not included: the runner sets
    /// it itself).
    public let upgrade: [String]
    public let downgrade: [String]

    /// Why a revision cannot run natively, for the message that says Alembic must run it.
    public enum Reason: Error, Sendable, Equatable, CustomStringConvertible {
        case notFromAPlan
        case idDoesNotMatchDigest
        case notPlainSQL(String)
        case sqlEdited

        public var description: String {
            switch self {
            case .notFromAPlan: return "not written by orchestrator-planner"
            case .idDoesNotMatchDigest: return "its id is not the one of the plan digest it carries"
            case .notPlainSQL(let function): return "\(function)() is not only literal SQL"
            case .sqlEdited: return "its SQL was edited after it was written (the SQL digest differs)"
            }
        }
    }

    /// Reads `revision` as one of ours, or says why it is not.
    public static func read(_ revision: RevisionFile) -> Result<NativeRevision, Reason> {
        guard let planDigest = revision.planDigest else { return .failure(.notFromAPlan) }
        guard revision.id == RevisionFile.planRevisionID(forPlanDigest: planDigest) else {
            return .failure(.idDoesNotMatchDigest)
        }
        guard let data = FileManager.default.contents(atPath: revision.file.path) else {
            return .failure(.notPlainSQL("upgrade"))
        }
        var sections: [[String]] = []
        for function in ["upgrade", "downgrade"] {
            do throws(PythonSyntaxError) {
                let source = try PythonSourceText.decode(data)
                guard let literals = try PythonExecuteCalls.statements(in: source, function: function),
                    let statements = Self.statements(fromLiterals: literals)
                else { return .failure(.notPlainSQL(function)) }
                sections.append(statements)
            } catch {
                return .failure(.notPlainSQL(function))
            }
        }
        // Revisions written before the SQL digest existed carry only the plan digest: their SQL is taken as is.
        if let sqlDigest = revision.sqlDigest,
            sqlDigest != RevisionFile.sqlDigest(upgrade: sections[0], downgrade: sections[1])
        {
            return .failure(.sqlEdited)
        }
        return .success(NativeRevision(revision: revision, upgrade: sections[0], downgrade: sections[1]))
    }

    /// The statements of `sa.text` literals as `RevisionTemplate.executeCalls` wrote them: each between a line break
    /// and a line break plus four spaces, colons escaped for SQLAlchemy, the setting first. nil when a literal is
    /// not in that shape.
    static func statements(fromLiterals literals: [String]) -> [String]? {
        var statements: [String] = []
        for literal in literals {
            guard literal.hasPrefix("\n"), literal.hasSuffix("\n    ") else { return nil }
            statements.append(sqlAlchemyText(String(literal.dropFirst().dropLast(5))))
        }
        if statements.first == SQLLiteral.requiredSettings { statements.removeFirst() }
        return statements
    }

    /// What SQLAlchemy's `text()` sends for `value`: a backslash-escaped colon (`\:name`) loses its backslash unless
    /// the name is followed by another colon. (Every colon of our SQL is escaped, so there are no bind parameters.)
    static func sqlAlchemyText(_ value: String) -> String {
        let scalars = Array(value.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        func isWord(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "_" || scalar == "$" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
        while index < scalars.count {
            if scalars[index] == "\\", index + 1 < scalars.count, scalars[index + 1] == ":" {
                var end = index + 2
                while end < scalars.count, isWord(scalars[end]) { end += 1 }
                if end >= scalars.count || scalars[end] != ":" {
                    index += 1  // drop the backslash
                    continue
                }
            }
            out.append(scalars[index])
            index += 1
        }
        return String(out)
    }
}
