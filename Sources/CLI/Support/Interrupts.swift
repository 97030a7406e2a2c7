import Catalogue
import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// On Ctrl-C or SIGTERM: remove the temporary files of atomic writes, then exit. The target files are only ever
/// replaced by a rename, so an interrupted run leaves the previous state intact and no partial file.
enum Interrupts {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install() {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            // The handler runs on a dispatch queue, not in signal context, so it may take locks and free memory.
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                TemporaryFiles.shared.removeAll()
                Terminal.note("interrupted")
                _exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}
