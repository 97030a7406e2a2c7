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
enum Interrupts {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    private static let lock = NSLock()
    nonisolated(unsafe) private static var graceful: (@Sendable (Int32) -> Void)?

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
                TemporaryFiles.shared.removeAll()
                Terminal.note("interrupted")
                _exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}
