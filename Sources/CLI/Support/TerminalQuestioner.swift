import Foundation
import Planner

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Asks on the terminal with orchestrator-core's texts and menus (docs/orchestrator-core.md §2.6): section headers in
/// bold and underlined, names in bold or magenta, menus as `1) option` … `q) quit` with a `? ` prompt. Colour only when
/// stdout is a terminal and NO_COLOR is unset. An answer its rule refuses (too long, not one of an enum's values, a
/// template placeholder) is asked again. End of input leaves the question unanswered (exit 3 lists it).
final class TerminalQuestioner: Questioner {
    private let colour: Bool

    init() {
        colour = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    private func style(_ text: String, _ codes: String...) -> String {
        colour ? codes.joined() + text + "\u{1B}[0m" : text
    }

    /// Prompts go through the same buffered stdout as `print`, flushed, so the order on screen is right.
    private func write(_ text: String) {
        print(text, terminator: "")
        fflush(nil)  // nil: every stream (naming stdout is not concurrency-safe in Swift 6)
    }

    func beginSection(_ title: String) {
        print(style("\n" + title, "\u{1B}[1m", "\u{1B}[4m"))
    }

    private func styledPrompt(_ question: Question) -> String {
        var text = question.prompt
        guard colour else { return text }
        var searchFrom = text.startIndex
        for emphasis in question.emphasis {
            guard let range = text.range(of: emphasis.text, range: searchFrom..<text.endIndex) else { continue }
            let styled = style(emphasis.text, emphasis.style == .bold ? "\u{1B}[1m" : "\u{1B}[35m")
            text.replaceSubrange(range, with: styled)
            searchFrom = text.index(range.lowerBound, offsetBy: styled.count)
        }
        return text
    }

    private func readAnswer() -> String? {
        guard let line = Interrupts.reading({ readLine(strippingNewline: true) }) else { return nil }
        return line.trimmingCharacters(in: .whitespaces)
    }

    func ask(_ question: Question) throws(PlannerError) -> String? {
        for line in question.context {
            if let space = line.lastIndex(of: " "), line.hasPrefix("Product") {
                print(line[...space] + style(String(line[line.index(after: space)...]), "\u{1B}[1m"))
            } else {
                print(line)
            }
        }
        switch question.kind {
        case .text:
            while true {
                write(styledPrompt(question))
                guard let answer = readAnswer() else { return nil }
                if answer.isEmpty { continue }
                // Checked here, not after the last question: a refused answer is asked again, nothing is lost.
                guard let problem = question.rule.problem(with: answer) else { return answer }
                print(style("Not accepted: \(problem). Try again.", "\u{1B}[31m"))
            }
        case .confirm:
            write(styledPrompt(question))
            guard let answer = readAnswer() else { return nil }
            return answer.isEmpty ? "N" : answer
        case .menu(let options, let quitLabel):
            print(question.prompt)
            while true {
                for (index, option) in options.enumerated() { print(style("\(index + 1)) \(option)")) }
                print(style("q) \(quitLabel)"))
                write("? ")
                guard let answer = readAnswer() else { return nil }
                if answer == "q" { return "q" }
                if let number = Int(answer), number >= 1, number <= options.count { return options[number - 1] }
                print("Invalid choice")
            }
        }
    }
}
