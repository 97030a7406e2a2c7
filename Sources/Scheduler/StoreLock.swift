import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The lock that keeps a second `scheduler run` off a job store: `flock` on `<store>.lock`, which the kernel
/// releases when the process ends however it ends, so a crash never leaves a stale lock. The file holds the pid of
/// the holder, for the refusal message.
public final class StoreLock {
    private let descriptor: Int32
    public let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    /// Takes the lock of the store at `store`, or fails at once (no waiting) naming the process that holds it.
    public static func acquire(for store: URL) throws(SchedulerError) -> StoreLock {
        let path = store.path + ".lock"
        // The store's folder (`.orchestrator-planner/` by default) may not exist before the first run.
        try? FileManager.default.createDirectory(
            at: store.deletingLastPathComponent(), withIntermediateDirectories: true)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw SchedulerError(
                .storeUnusable, "cannot create the lock file \(path)", cause: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = pread(descriptor, &buffer, buffer.count, 0)
            close(descriptor)
            guard reason == EWOULDBLOCK else {
                throw SchedulerError(
                    .storeUnusable, "cannot lock \(path)", cause: String(cString: strerror(reason)))
            }
            let holder = String(decoding: buffer.prefix(max(0, count)), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let process = Int(holder).map { " (process \($0))" } ?? ""
            throw SchedulerError(
                .storeLocked,
                "another `scheduler run`\(process) is using the job store \(store.path); stop it first, or give this one its own --store"
            )
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        return StoreLock(descriptor: descriptor, path: path)
    }
}
