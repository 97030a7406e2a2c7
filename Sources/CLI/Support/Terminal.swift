import Catalogue
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the CLI writes: results to stdout, errors and progress to stderr.
enum Terminal {
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Colour on stdout: a terminal, and `NO_COLOR` unset (https://no-color.org).
    static var stdoutHasColour: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    static func out(_ text: String) { print(text) }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    /// The model reader's diagnostics before planning: notes always; the incomplete ones only when planning goes
    /// ahead anyway (otherwise the planner's refusal lists them).
    static func noteDiagnostics(_ modelSet: ModelSet, allowIncomplete: Bool) {
        for diagnostic in modelSet.diagnostics.sorted() {
            switch diagnostic.severity {
            case .note: note("note: \(diagnostic)")
            case .incomplete where allowIncomplete: note("warning: \(diagnostic)")
            case .incomplete: break
            }
        }
    }

    /// A progress line that rewrites itself, only when stderr is a terminal (quiet in logs and pipes).
    struct Progress {
        let enabled = Terminal.stderrIsTerminal

        func update(_ step: String, _ number: Int, _ total: Int) {
            guard enabled else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[2K[\(number)/\(total)] \(step)…".utf8))
        }

        func finish() {
            guard enabled else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
        }
    }
}

/// The current time: `SOURCE_DATE_EPOCH` when set (reproducible files and output), else the system clock.
enum Clock {
    static func now() -> Date {
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = TimeInterval(epoch) {
            return Date(timeIntervalSince1970: seconds)
        }
        return Date()
    }
}
