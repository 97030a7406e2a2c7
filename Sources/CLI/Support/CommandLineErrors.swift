import Alembic
import ArgumentParser

/// How the command line itself is reported: one error style (`error: ...` on stderr, as every other error), a
/// suggestion for a mistyped command, and `plan --help` showing the options of `plan create` (the default
/// subcommand), which is what a user asking for `plan`'s help wants to write.
enum CommandLineErrors {
    /// `db downgrade -1` (and `upgrade`/`stamp`): a relative revision looks like an option to the parser, so it is
    /// moved behind `--`, where only arguments go.
    static func relativeRevisions(_ arguments: [String]) -> [String] {
        guard arguments.count > 2, arguments[0] == "db", ["upgrade", "downgrade", "stamp"].contains(arguments[1]),
            !arguments.contains("--"),
            let index = arguments.indices.dropFirst(2).first(where: { RevisionArgument.steps(arguments[$0]) != nil })
        else { return arguments }
        var moved = arguments
        let relative = moved.remove(at: index)
        return moved + ["--", relative]
    }

    /// `plan --help`, `plan -h`, `help plan`: the help of `plan create`, then the other plan subcommands.
    static func planHelp(_ arguments: [String]) -> String? {
        let asked = [["plan", "--help"], ["plan", "-h"], ["help", "plan"]]
        guard asked.contains(arguments) else { return nil }
        var text = OrchestratorPlanner.helpMessage(for: PlanCreate.self)
        text += "\nOTHER PLAN SUBCOMMANDS:\n"
        for command in PlanCommand.configuration.subcommands where command != PlanCreate.self {
            let name = command.configuration.commandName ?? ""
            text +=
                "  " + name.padding(toLength: 10, withPad: " ", startingAt: 0) + command.configuration.abstract
                + "\n"
        }
        return text + "\n  See 'orchestrator-planner plan <subcommand> --help' for their options."
    }

    /// The message for a command-line error in the tool's style (`error: ` like every other error line), with a
    /// suggestion when a command name is mistyped.
    static func message(for error: Error, arguments: [String]) -> String {
        var text = OrchestratorPlanner.fullMessage(for: error)
        if text.hasPrefix("Error: ") { text = "error: " + text.dropFirst("Error: ".count) }
        if let suggestion = suggestion(for: arguments) {
            let firstLine = text.prefix { $0 != "\n" }
            text = firstLine + "\n" + suggestion + text.dropFirst(firstLine.count)
        }
        return text
    }

    /// "Did you mean 'snapshot'?" for the first word that is not a command where a command is expected.
    static func suggestion(for arguments: [String]) -> String? {
        var command: ParsableCommand.Type = OrchestratorPlanner.self
        var path = "orchestrator-planner"
        for argument in arguments {
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty, !argument.hasPrefix("-") else { return nil }
            if let defaultSubcommand = command.configuration.defaultSubcommand {
                // The default subcommand takes the word (`plan "message"`): only a near miss is worth a hint.
                guard subcommands.allSatisfy({ $0.configuration.commandName != argument }) else {
                    return nil
                }
                let close = subcommands.compactMap { $0.configuration.commandName }.first {
                    distance(argument.lowercased(), $0) <= 2 && $0.count > 2
                }
                return close.map {
                    "Did you mean '\(path) \($0)'? ('\(argument)' was taken as an argument of \(path) \(defaultSubcommand.configuration.commandName ?? ""))"
                }
            }
            if let next = subcommands.first(where: { $0.configuration.commandName == argument }) {
                command = next
                path += " \(argument)"
                continue
            }
            let names =
                subcommands.compactMap { $0.configuration.commandName }
                + (command == OrchestratorPlanner.self ? ["help"] : [])
            let close = names.map { ($0, distance(argument.lowercased(), $0)) }.filter {
                $0.1 <= 2 || $0.0.hasPrefix(argument.lowercased())
            }.min { $0.1 < $1.1 }
            guard let close else {
                return "'\(argument)' is not a command of \(path) (\(names.joined(separator: ", ")))."
            }
            return "'\(argument)' is not a command of \(path). Did you mean '\(close.0)'?"
        }
        return nil
    }

    /// Levenshtein distance over characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
