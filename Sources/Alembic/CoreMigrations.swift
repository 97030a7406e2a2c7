import Foundation

/// Finds orchestrator-core's own migrations (the `schema` branch) the way orchestrator-core's `alembic_cfg` adds
/// them: in the installed package of the project's virtualenv.
public enum CoreMigrations {
    /// `explicit` (--core-migrations), else `$VIRTUAL_ENV`, else `.venv`/`venv` in the project; both the 5.x
    /// `orchestrator/core/migrations` and the older `orchestrator/migrations` layouts.
    public static func find(explicit: URL?, project: URL, environment: [String: String]) -> URL? {
        if let explicit { return explicit }
        var environments: [URL] = []
        if let virtualEnv = environment["VIRTUAL_ENV"] { environments.append(URL(fileURLWithPath: virtualEnv)) }
        environments += [project.appendingPathComponent(".venv"), project.appendingPathComponent("venv")]
        for environment in environments {
            let lib = environment.appendingPathComponent("lib")
            let pythons = ((try? FileManager.default.contentsOfDirectory(atPath: lib.path)) ?? []).filter {
                $0.hasPrefix("python")
            }.sorted()
            for python in pythons {
                let packages = lib.appendingPathComponent(python).appendingPathComponent("site-packages")
                for layout in [
                    "orchestrator/core/migrations/versions/schema", "orchestrator/migrations/versions/schema",
                ] {
                    let candidate = packages.appendingPathComponent(layout)
                    var isDirectory: ObjCBool = false
                    if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
                        isDirectory.boolValue
                    {
                        return candidate
                    }
                }
            }
        }
        return nil
    }
}
