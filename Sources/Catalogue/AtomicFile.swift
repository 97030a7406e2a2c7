import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file so that the target path only ever holds the old file or the complete new one.
///
/// The content goes to a temporary file in the target's folder (same file system, so `rename` is atomic), which is
/// synced to disk and renamed over the target once complete; then the folder is synced, so a power loss leaves the
/// old file or the new, never an empty one. The temporary path is registered in `TemporaryFiles` so a signal handler
/// can remove it when the run is interrupted; one left by a `kill -9` is named after its process and removed by the
/// next write of the same target.
public struct AtomicFile: Sendable {
    /// What went wrong, in terms of the target path.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case isDirectory(String)
        case folderMissing(String)
        case notWritable(String, reason: String)
        case exists(String)
        /// A device, FIFO or socket: replacing it with a regular file would break what uses it.
        case notRegularFile(String, kind: String)
        /// The output would replace one of the command's own inputs.
        case sameAsInput(String, input: String)

        public var description: String {
            switch self {
            case .isDirectory(let path): return "\(path) is a folder; give a file name"
            case .folderMissing(let folder): return "the folder \(folder) does not exist"
            case .notWritable(let path, let reason): return "cannot write \(path): \(reason)"
            case .exists(let path): return "\(path) already exists"
            case .notRegularFile(let path, let kind):
                return "\(path) is a \(kind), not a regular file; it is not replaced"
            case .sameAsInput(let path, let input):
                return "\(path) is the same file as the input \(input); write the output elsewhere"
            }
        }
    }

    public let target: URL

    public init(_ target: URL) { self.target = target.standardizedFileURL }

    /// Checks the target can be written: not a directory or special file, not one of `inputs` (paths of files the
    /// command reads), its folder exists and is writable.
    public func checkWritable(overwrite: Bool = true, inputs: [String] = []) throws(Failure) {
        var info = stat()
        if lstat(target.path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: throw .isDirectory(target.path)
            case S_IFREG, S_IFLNK: break
            case S_IFCHR: throw .notRegularFile(target.path, kind: "character device")
            case S_IFBLK: throw .notRegularFile(target.path, kind: "block device")
            case S_IFIFO: throw .notRegularFile(target.path, kind: "FIFO")
            case S_IFSOCK: throw .notRegularFile(target.path, kind: "socket")
            default: throw .notRegularFile(target.path, kind: "special file")
            }
            if (info.st_mode & S_IFMT) == S_IFLNK {
                // A link to a special file is as bad; a link to a regular file is replaced (as `mv` would).
                var resolved = stat()
                if stat(target.path, &resolved) == 0, (resolved.st_mode & S_IFMT) != S_IFREG {
                    throw .notRegularFile(
                        target.path,
                        kind: (resolved.st_mode & S_IFMT) == S_IFDIR ? "link to a folder" : "link to a special file")
                }
            }
            if !overwrite { throw .exists(target.path) }
            for input in inputs {
                var inputInfo = stat()
                if stat(input, &inputInfo) == 0, stat(target.path, &info) == 0,
                    inputInfo.st_dev == info.st_dev, inputInfo.st_ino == info.st_ino
                {
                    throw .sameAsInput(target.path, input: input)
                }
            }
        }
        let folder = target.deletingLastPathComponent().path
        var folderInfo = stat()
        guard stat(folder, &folderInfo) == 0, (folderInfo.st_mode & S_IFMT) == S_IFDIR else {
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

    /// The prefix of this target's temporary files: `.NAME.tmp-`, then the writing process's id and a random part.
    private var temporaryPrefix: String { ".\(target.lastPathComponent).tmp-" }

    /// A fresh temporary path next to the target, registered for clean-up on interruption. Temporary files of this
    /// target left by processes that no longer run (a `kill -9`, a power loss) are removed first.
    public func makeTemporaryPath() -> URL {
        removeStaleTemporaryFiles()
        let name = "\(temporaryPrefix)\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let url = target.deletingLastPathComponent().appendingPathComponent(name)
        TemporaryFiles.shared.register(url.path)
        return url
    }

    private func removeStaleTemporaryFiles() {
        let folder = target.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(temporaryPrefix) {
            let rest = name.dropFirst(temporaryPrefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]) else { continue }
            // kill(pid, 0) fails with ESRCH only when no such process exists.
            if pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH {
                let path = folder.appendingPathComponent(name).path
                unlink(path)
                unlink(path + "-journal")
                TemporaryFiles.shared.noteStaleRemoved(path)
            }
        }
    }

    /// Moves a completed temporary file onto the target (replacing it unless `overwrite` is false), synced first.
    public func commit(_ temporary: URL, overwrite: Bool = true) throws(Failure) {
        defer { TemporaryFiles.shared.unregister(temporary.path) }
        do throws(Failure) { try Self.sync(temporary.path) } catch {
            unlink(temporary.path)
            throw error
        }
        if !overwrite {
            // link() fails if the target exists: no window in which another writer's file is replaced.
            if link(temporary.path, target.path) != 0 {
                let failure = errno
                unlink(temporary.path)
                if failure == EEXIST { throw .exists(target.path) }
                throw .notWritable(target.path, reason: String(cString: strerror(failure)))
            }
            unlink(temporary.path)
        } else if rename(temporary.path, target.path) != 0 {
            let failure = errno
            unlink(temporary.path)
            if failure == EISDIR { throw .isDirectory(target.path) }
            throw .notWritable(target.path, reason: String(cString: strerror(failure)))
        }
        // The rename is durable only once the folder's entry is on disk.
        try? Self.sync(target.deletingLastPathComponent().path)
    }

    /// fsync(2) of a file or folder.
    static func sync(_ path: String) throws(Failure) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .notWritable(path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        // EINVAL: a file system that cannot sync (it has nothing to lose).
        if fsync(descriptor) != 0 && errno != EINVAL {
            throw .notWritable(path, reason: String(cString: strerror(errno)))
        }
    }

    /// Removes a temporary file after a failure (and any SQLite journal beside it).
    public func discard(_ temporary: URL) {
        unlink(temporary.path)
        unlink(temporary.path + "-journal")
        TemporaryFiles.shared.unregister(temporary.path)
    }

    /// Writes `data` atomically.
    public func write(_ data: Data, overwrite: Bool = true, inputs: [String] = []) throws(Failure) {
        try checkWritable(overwrite: overwrite, inputs: inputs)
        let temporary = makeTemporaryPath()
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            TemporaryFiles.shared.unregister(temporary.path)
            throw .notWritable(target.path, reason: reason)
        }
        var failure: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = systemWrite(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        close(descriptor)
        if let failure {
            discard(temporary)
            throw .notWritable(target.path, reason: failure)
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
    private var staleRemoved: [String] = []

    public func register(_ path: String) { lock.withLock { _ = paths.insert(path) } }
    public func unregister(_ path: String) { lock.withLock { _ = paths.remove(path) } }

    func noteStaleRemoved(_ path: String) { lock.withLock { staleRemoved.append(path) } }

    /// Temporary files of interrupted runs that writes removed so far (for the command to say so), and forgets them.
    public func takeStaleRemoved() -> [String] {
        lock.withLock {
            defer { staleRemoved.removeAll() }
            return staleRemoved
        }
    }

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
