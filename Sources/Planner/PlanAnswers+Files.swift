import Catalogue
import Foundation

/// Answers on disk: gathered from an earlier plan (edited or not), an answers file, `--inputs` and `--updates`;
/// and written as an answers file (`{"inputs": ..., "updates": ...}`) that `--answers` reads back.
extension PlanAnswers {
    /// The answers for a new plan: `--answers` first (a plan file, even one edited after it was planned, or an
    /// answers file), then `--inputs` merged over it, then `--updates` replacing its updates.
    public static func gather(
        answersFile: String?, inputs: String?, updates: String?
    ) throws(PlannerError) -> PlanAnswers {
        var given = PlanAnswers()
        if let answersFile { given = try read(answersFile) }
        if let inputs {
            let (text, source) = try argumentText(inputs, option: "--inputs")
            given.inputs.merge(try parseInputs(text, source: source)) { old, new in old.merging(new) { _, n in n } }
        }
        if let updates {
            let (text, source) = try argumentText(updates, option: "--updates")
            if let parsed = try parseUpdates(text, source: source) { given.updates = parsed }
        }
        return given
    }

    /// The answers of a plan file (its digest is not checked: answers are re-planned, so a reviewer's edit of an
    /// answer is taken), or of an answers file.
    public static func read(_ path: String) throws(PlannerError) -> PlanAnswers {
        let text: String
        do throws(TextFile.Failure) {
            text = try TextFile.read(path, limit: 64 << 20)
        } catch {
            throw PlannerError(.invalidAnswers, "--answers: \(error)")
        }
        guard text.drop(while: { $0.isWhitespace }).first == "{" else {
            return try PlanFile.decode(text, file: path, verifyDigest: false).answers
        }
        let source = "--answers \(path)"
        let document: JSONValue
        do throws(JSONValue.SyntaxError) {
            document = try JSONValue.parse(text)
        } catch {
            throw PlannerError(.invalidAnswers, "\(source) is not valid JSON: \(error)")
        }
        guard let members = document.members else {
            throw PlannerError(.invalidAnswers, "\(source) must be a JSON object")
        }
        var answers = PlanAnswers()
        for (key, value) in members {
            switch key {
            case "inputs":
                guard let inputs = value.members else {
                    throw PlannerError(.invalidAnswers, "\(source): \"inputs\" must be an object")
                }
                answers.inputs = Self.inputs(from: inputs)
            case "updates":
                if value == .null { continue }
                guard let updates = value.members else {
                    throw PlannerError(.invalidAnswers, "\(source): \"updates\" must be an object or null")
                }
                answers.updates = try Self.updates(from: updates, source: "\(source) updates") ?? ModelUpdates()
            case "questions":
                continue  // the template's explanations
            default:
                throw PlannerError(
                    .invalidAnswers,
                    "\(source): unknown key \(TextEscaping.shown(key)) (expected inputs, updates, questions)")
            }
        }
        return answers
    }

    /// The answers as a JSON answers file (pretty, sorted keys), for `--answers`.
    public var jsonDocument: String {
        JSONValue.object([("inputs", Self.json(inputs)), ("updates", updates.map(Self.json) ?? .null)]).prettyText
    }

    static func json(_ inputs: [String: [String: String]]) -> JSONValue {
        .object(inputs.map { ($0.key, .object($0.value)) })
    }

    static func json(_ updates: ModelUpdates) -> JSONValue {
        func nested(_ value: [String: [String: String]]) -> JSONValue {
            .object(value.map { ($0.key, .object($0.value)) })
        }
        return .object([
            ("fixed_inputs", nested(updates.fixedInputs)), ("resource_types", .object(updates.resourceTypes)),
            ("block_resource_types", nested(updates.blockResourceTypes)), ("products", .object(updates.products)),
            ("product_blocks", .object(updates.productBlocks)),
        ])
    }

    /// `--inputs '...'` and `--updates '...'` lines (shell-quoted) that give these answers.
    public var argumentLines: [String] {
        var lines = ["--inputs \(Self.shellQuoted(Self.json(inputs).compactText))"]
        if let updates { lines.append("--updates \(Self.shellQuoted(Self.json(updates).compactText))") }
        return lines
    }

    /// Single-quoted for a POSIX shell: closed and reopened around each quote byte (a quote plus a combining mark
    /// included).
    static func shellQuoted(_ text: String) -> String {
        "'" + TextEscaping.replacingBytes(text) { $0 == UInt8(ascii: "'") ? "'\\''" : nil } + "'"
    }
}
