import Foundation
import Workflows

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The terminal for orchestrator-core's workflow menus: text exactly as the wizard writes it (flushed, so prompts
/// show before input is read), lines from stdin, colour only on a terminal without NO_COLOR.
final class TerminalConsole: WorkflowConsole {
    let colour = Terminal.stdoutHasColour

    func write(_ text: String) {
        print(text, terminator: "")
        fflush(nil)  // nil: every stream (naming stdout is not concurrency-safe in Swift 6)
    }

    func readLine() -> String? { Swift.readLine(strippingNewline: true) }
}
