import Catalogue
import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// On Ctrl-C or SIGTERM: remove the temporary files of atomic writes, then exit. The target files are only ever
/// replaced by a rename, so an interrupted run leaves the previous state intact and no partial file.
///
/// A long-running command (`scheduler run`) may ask for a graceful stop instead: the first SIGINT or SIGTERM calls
/// its handler (which lets the running job finish); a second one exits at once, as above.
///
/// An interactive command may register what to save when it is interrupted at a prompt (`plan` saves the answers
/// typed so far). It runs only while the main thread waits in `reading(_:)`, and the lock held meanwhile keeps the
/// main thread from moving on, so the handler sees answers no one is changing. Interrupted elsewhere (computing
/// between questions), the command exits as above.
enum Interrupts {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    private static let lock = NSLock()
    nonisolated(unsafe) private static var graceful: (@Sendable (Int32) -> Void)?
    nonisolated(unsafe) private static var atPrompt: (@Sendable () -> Void)?
    nonisolated(unsafe) private static var waitingForInput = false

    /// Runs `handler` when a SIGINT or SIGTERM arrives while the user is being asked (inside `reading(_:)`).
    static func onInterruptAtPrompt(_ handler: @escaping @Sendable () -> Void) {
        lock.lock()
        atPrompt = handler
        lock.unlock()
    }

    /// Waits for the user's input in `body`, marked as a moment when an interrupt may run the prompt handler.
    static func reading<T>(_ body: () -> T) -> T {
        lock.lock()
        waitingForInput = true
        lock.unlock()
        defer {
            lock.lock()
            waitingForInput = false
            lock.unlock()
        }
        return body()
    }

    /// Routes the next SIGINT or SIGTERM to `handler` instead of exiting.
    static func stopGracefully(_ handler: @escaping @Sendable (Int32) -> Void) {
        lock.lock()
        graceful = handler
        lock.unlock()
    }

    /// The graceful handler, once: later signals find none and exit.
    private static func takeGraceful(_ signalNumber: Int32) -> (@Sendable (Int32) -> Void)? {
        lock.lock()
        defer { lock.unlock() }
        guard signalNumber != SIGHUP, let handler = graceful else { return nil }
        graceful = nil
        return handler
    }

    static func install() {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            // The handler runs on a dispatch queue, not in signal context, so it may take locks and free memory.
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                if let handler = takeGraceful(signalNumber) {
                    handler(signalNumber)
                    return
                }
                // Held until the exit: the main thread, back from its read, cannot change what is being saved.
                lock.lock()
                if waitingForInput, let handler = atPrompt {
                    Terminal.note("")
                    handler()
                }
                TemporaryFiles.shared.removeAll()
                Terminal.note("interrupted")
                _exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}
