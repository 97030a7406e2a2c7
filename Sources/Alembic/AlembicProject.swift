import Catalogue
import Foundation

/// An Alembic project as `alembic.ini` describes it: where the scripts and versions are, how files are named.
public struct AlembicProject: Sendable {
    /// The folder holding alembic.ini.
    public let root: URL
    public let scriptLocation: URL
    public let versionLocations: [URL]
    /// Python %-format, after ini interpolation (`%(year)d-%(month).2d-%(day).2d_%(rev)s_%(slug)s`).
    public let fileTemplate: String
    public let truncateSlugLength: Int

    public static let defaultFileTemplate = "%(rev)s_%(slug)s"

    /// Reads `alembic.ini` in `root` (the `[alembic]` section; `%(here)s` is the ini's folder, `%%` a percent).
    public init(root: URL) throws(AlembicError) {
        let ini = root.appendingPathComponent("alembic.ini")
        let text: String
        do throws(TextFile.Failure) {
            text = try TextFile.read(ini.path)
        } catch {
            if case .missing = error {
                throw AlembicError(
                    .invalidProject,
                    "no alembic.ini in \(root.path); run `orchestrator-planner db init` or pass --project")
            }
            throw AlembicError(.invalidProject, "\(error)")
        }
        let values = try Self.section("alembic", of: text, file: ini.path)
        func expand(_ value: String) -> String {
            value.replacingOccurrences(of: "%(here)s", with: root.standardizedFileURL.path).replacingOccurrences(
                of: "%%", with: "%")
        }
        guard let script = values["script_location"] else {
            throw AlembicError(.invalidProject, "\(ini.path): [alembic] has no script_location")
        }
        func resolve(_ path: String) -> URL {
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
        }
        self.root = root.standardizedFileURL
        scriptLocation = resolve(expand(script))
        if let locations = values["version_locations"] {
            // Alembic splits on spaces (or the configured separator; we support the default).
            versionLocations = expand(locations).split(whereSeparator: { $0 == " " || $0 == "\n" }).map {
                resolve(String($0))
            }
        } else {
            versionLocations = [scriptLocation.appendingPathComponent("versions")]
        }
        fileTemplate = values["file_template"].map(expand) ?? Self.defaultFileTemplate
        truncateSlugLength = values["truncate_slug_length"].flatMap { Int($0) } ?? 40
    }

    /// The key = value pairs of one ini section; continuation lines (indented) join the previous value.
    static func section(_ name: String, of text: String, file: String) throws(AlembicError) -> [String: String] {
        var values: [String: String] = [:]
        var current: String?
        var lastKey: String?
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(rawLine).replacingOccurrences(of: "\r", with: "")
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            if trimmed.hasPrefix("[") {
                guard trimmed.hasSuffix("]") else {
                    throw AlembicError(.invalidProject, "\(file):\(number + 1): malformed section header")
                }
                current = String(trimmed.dropFirst().dropLast())
                lastKey = nil
                continue
            }
            guard current == name else { continue }
            if line.first == " " || line.first == "\t", let key = lastKey {
                values[key, default: ""] += "\n" + trimmed
                continue
            }
            guard let separator = trimmed.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw AlembicError(.invalidProject, "\(file):\(number + 1): expected key = value")
            }
            let key = trimmed[..<separator].trimmingCharacters(in: .whitespaces)
            values[key] = trimmed[trimmed.index(after: separator)...].trimmingCharacters(in: .whitespaces)
            lastKey = key
        }
        return values
    }
}
