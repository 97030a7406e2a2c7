#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes a file so that the target path only ever holds the old file or the complete new one.
///
/// The content goes to a temporary file in the target's folder (same file system, so `rename` is atomic), which
/// is renamed over the target once complete. The temporary path is registered in `TemporaryFiles` so a signal
/// handler can remove it when the run is interrupted.
public struct AtomicFile: Sendable {
    /// What went wrong, in terms of the target path.
    public enum Failure: Error, Sendable, Equatable {
        case isDirectory(String)
        case folderMissing(String)
        case notWritable(String, reason: String)
        case exists(String)
    }

    public let target: URL

    public init(_ target: URL) { self.target = target.standardizedFileURL }

    /// Checks the target can be written: not a directory, its folder exists and is writable.
    public func checkWritable(overwrite: Bool = true) throws(Failure) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw .isDirectory(target.path) }
            if !overwrite { throw .exists(target.path) }
        }
        let folder = target.deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw .folderMissing(folder)
        }
        // Create and remove a probe file rather than ask access(): root passes access() on folders it still
        // cannot write (read-only mounts, sysfs), and the answer that matters is whether creating works.
        let probe = folder + "/.\(target.lastPathComponent).probe-\(getpid())"
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw .notWritable(folder, reason: String(cString: strerror(errno))) }
        close(descriptor)
        unlink(probe)
    }

    /// A fresh temporary path next to the target, registered for clean-up on interruption.
    public func makeTemporaryPath() -> URL {
        let name = ".\(target.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let url = target.deletingLastPathComponent().appendingPathComponent(name)
        TemporaryFiles.shared.register(url.path)
        return url
    }

    /// Moves a completed temporary file onto the target (replacing it unless `overwrite` is false).
    public func commit(_ temporary: URL, overwrite: Bool = true) throws(Failure) {
        defer { TemporaryFiles.shared.unregister(temporary.path) }
        if !overwrite {
            // link() fails if the target exists: no window in which another writer's file is replaced.
            if link(temporary.path, target.path) != 0 {
                let reason = String(cString: strerror(errno))
                unlink(temporary.path)
                if errno == EEXIST { throw .exists(target.path) }
                throw .notWritable(target.path, reason: reason)
            }
            unlink(temporary.path)
            return
        }
        if rename(temporary.path, target.path) != 0 {
            let failure = errno
            unlink(temporary.path)
            if failure == EISDIR { throw .isDirectory(target.path) }
            throw .notWritable(target.path, reason: String(cString: strerror(failure)))
        }
    }

    /// Removes a temporary file after a failure (and any SQLite journal beside it).
    public func discard(_ temporary: URL) {
        unlink(temporary.path)
        unlink(temporary.path + "-journal")
        TemporaryFiles.shared.unregister(temporary.path)
    }

    /// Writes `data` atomically.
    public func write(_ data: Data, overwrite: Bool = true) throws(Failure) {
        try checkWritable(overwrite: overwrite)
        let temporary = makeTemporaryPath()
        do {
            try data.write(to: temporary)
        } catch {
            discard(temporary)
            throw .notWritable(target.path, reason: String(describing: error))
        }
        try commit(temporary, overwrite: overwrite)
    }
}

/// The temporary files of this process that must not survive an interruption.
public final class TemporaryFiles: @unchecked Sendable {
    public static let shared = TemporaryFiles()
    // A lock rather than an actor: the clean-up runs from a signal handler's dispatch queue and must be synchronous.
    private let lock = NSLock()
    private var paths: Set<String> = []

    public func register(_ path: String) { lock.withLock { _ = paths.insert(path) } }
    public func unregister(_ path: String) { lock.withLock { _ = paths.remove(path) } }

    /// Deletes every registered file (and SQLite journals beside them).
    public func removeAll() {
        let current = lock.withLock { paths }
        for path in current {
            unlink(path)
            unlink(path + "-journal")
        }
        lock.withLock { paths.removeAll() }
    }
}
