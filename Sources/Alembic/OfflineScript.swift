import Catalogue

/// The SQL script of a migration path for a DBA (`db upgrade START:END --sql`), as Alembic's offline mode writes
/// it: one transaction, `alembic_version` created when starting from base (and dropped when a downgrade ends
/// there), a `-- Running upgrade A -> B` comment per revision, its statements, and its `alembic_version` changes.
/// Only revisions orchestrator-planner wrote can be scripted: the others are Python.
public enum OfflineScript {
    /// The table Alembic creates, in its own layout.
    static let createVersionTable = """
        CREATE TABLE alembic_version (
            version_num VARCHAR(32) NOT NULL, 
            CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
        )
        """

    /// The script of `path`, or an error listing the revisions that are not plain SQL.
    public static func render(_ path: MigrationPath) throws(AlembicError) -> String {
        var natives: [NativeRevision] = []
        var foreign: [String] = []
        for step in path.steps {
            switch NativeRevision.read(step.revision) {
            case .success(let native): natives.append(native)
            case .failure(let reason):
                foreign.append("\(step.revision.id) (\(step.revision.file.lastPathComponent): \(reason))")
            }
        }
        guard foreign.isEmpty else {
            throw AlembicError(
                .needsAlembic,
                "--sql can only script revisions orchestrator-planner wrote; these are Python, for Alembic's own --sql: \(foreign.joined(separator: "; "))"
            )
        }
        var blocks = ["BEGIN"]
        if path.startHeads.isEmpty, path.steps.first?.isUpgrade ?? true { blocks.append(createVersionTable) }
        for (step, native) in zip(path.steps, natives) {
            let revision = step.revision
            let down = revision.downRevisions.joined(separator: ", ")
            blocks.append(
                step.isUpgrade
                    ? "-- Running upgrade \(down) -> \(revision.id)" : "-- Running downgrade \(revision.id) -> \(down)")
            let statements = step.isUpgrade ? native.upgrade : native.downgrade
            if !statements.isEmpty { blocks.append(SQLLiteral.requiredSettings) }
            blocks += statements
            blocks += try step.versionChanges.map { change throws(AlembicError) in try sql(change) }
        }
        if path.endHeads.isEmpty, path.steps.last?.isUpgrade == false { blocks.append("DROP TABLE alembic_version") }
        blocks.append("COMMIT")
        // Alembic's comments end without a semicolon; statements with one; blank lines between.
        return blocks.map { $0.hasPrefix("-- ") ? $0 + "\n" : $0 + ";\n" }.joined(separator: "\n")
    }

    /// The statement for one `alembic_version` change, as Alembic's offline mode writes it. The ids come from
    /// revision files and from the table itself, so they are quoted by the one quoting routine (by byte: a quote
    /// followed by a combining mark is still a quote to PostgreSQL).
    public static func sql(_ change: VersionChange) throws(AlembicError) -> String {
        func quoted(_ id: String) throws(AlembicError) -> String {
            do throws(SQLLiteral.Failure) { return try SQLLiteral.quote(id) } catch {
                throw AlembicError(.invalidProject, "revision id: \(error.description)")
            }
        }
        switch change {
        case .insert(let id):
            return
                "INSERT INTO alembic_version (version_num) VALUES (\(try quoted(id))) RETURNING alembic_version.version_num"
        case .delete(let id): return "DELETE FROM alembic_version WHERE alembic_version.version_num = \(try quoted(id))"
        case .update(let from, let to):
            return
                "UPDATE alembic_version SET version_num=\(try quoted(to)) WHERE alembic_version.version_num = \(try quoted(from))"
        }
    }
}
