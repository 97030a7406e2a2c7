import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a text file a user names (answers, plans, configs, ini files), telling apart what `FileManager`'s
/// `contents(atPath:)` lumps together as nil: missing, a folder, unreadable (with the system's reason), too large,
/// and not valid UTF-8 (with the line and column).
public enum TextFile {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case missing(String)
        case isDirectory(String)
        case unreadable(String, reason: String)
        case tooLarge(String, limit: Int)
        case invalidUTF8(String, UTF8Text.Invalid)

        public var description: String {
            switch self {
            case .missing(let path): return "\(path) does not exist"
            case .isDirectory(let path): return "\(path) is a folder, not a file"
            case .unreadable(let path, let reason): return "cannot read \(path): \(reason)"
            case .tooLarge(let path, let limit):
                return "\(path) is larger than \(limit / 1_048_576) MiB, more than any such file needs"
            case .invalidUTF8(let path, let invalid): return "\(path): \(invalid)"
            }
        }
    }

    /// The bytes of the file; `limit` caps the size (checked before reading).
    public static func data(_ path: String, limit: Int = 64 << 20) throws(Failure) -> Data {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .missing(path) }
            throw .unreadable(path, reason: String(cString: strerror(errno)))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory(path) }
        if (info.st_mode & S_IFMT) == S_IFREG && Int(info.st_size) > limit { throw .tooLarge(path, limit: limit) }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .unreadable(path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<count])
            if data.count > limit { throw .tooLarge(path, limit: limit) }  // a pipe or device has no size to check
        }
        return data
    }

    /// The file as UTF-8 text.
    public static func read(_ path: String, limit: Int = 64 << 20) throws(Failure) -> String {
        let bytes = try data(path, limit: limit)
        do throws(UTF8Text.Invalid) {
            return try UTF8Text.decode(bytes)
        } catch {
            throw .invalidUTF8(path, error)
        }
    }
}
