import Catalogue
import Foundation

/// `db init`: the layout orchestrator-core's `db init` creates (docs/orchestrator-core.md §4).
public enum ProjectLayout {
    public static let alembicIni = """
        [alembic]
        # template used to generate migration files
        file_template = %%(year)d-%%(month).2d-%%(day).2d_%%(rev)s_%%(slug)s

        # set to 'true' to run the environment during
        # the 'revision' command, regardless of autogenerate
        script_location = %(here)s/migrations
        version_locations = %(here)s/migrations/versions/schema

        [loggers]
        keys = root,sqlalchemy,alembic

        [handlers]
        keys = console

        [formatters]
        keys = generic

        [logger_root]
        level = WARN
        handlers = console
        qualname =

        [logger_sqlalchemy]
        level = WARN
        handlers =
        qualname = sqlalchemy.engine

        [logger_alembic]
        level = INFO
        handlers =
        qualname = alembic

        [handler_console]
        class = StreamHandler
        args = (sys.stderr,)
        level = NOTSET
        formatter = generic

        [formatter_generic]
        format = %(levelname)-5.5s [%(name)s] %(message)s
        datefmt = %H:%M:%S

        """

    public static let scriptTemplate = #"""
        """${message}.

        Revision ID: ${up_revision}
        Revises: ${down_revision | comma,n}
        Create Date: ${create_date}

        """
        import sqlalchemy as sa
        from alembic import op
        ${imports if imports else ""}
        # revision identifiers, used by Alembic.
        revision = ${repr(up_revision)}
        down_revision = ${repr(down_revision)}
        branch_labels = ${repr(branch_labels)}
        depends_on = ${repr(depends_on)}


        def upgrade() -> None:
            ${upgrades if upgrades else "pass"}


        def downgrade() -> None:
            ${downgrades if downgrades else "pass"}

        """#

    public static let helpers = """
        from orchestrator.core.migrations.helpers import *

        # Write your own helper functions below this line.

        """

    /// Our equivalent of orchestrator-core's `env.py.j2` (its text is not in the spec): the URL from the app's
    /// settings, literal binds offline, NullPool and type comparison online, and an empty autogenerate revision
    /// dropped with "No changes in schema detected.".
    public static let envPy = """
        import logging

        from alembic import context
        from sqlalchemy import engine_from_config, pool

        from orchestrator.core.db.database import BaseModel
        from orchestrator.core.settings import app_settings

        config = context.config
        logger = logging.getLogger("alembic.env")
        config.set_main_option("sqlalchemy.url", str(app_settings.DATABASE_URI.get_secret_value()))
        target_metadata = BaseModel.metadata


        def run_migrations_offline() -> None:
            url = config.get_main_option("sqlalchemy.url")
            context.configure(url=url, target_metadata=target_metadata, literal_binds=True, dialect_opts={"paramstyle": "named"})
            with context.begin_transaction():
                context.run_migrations()


        def run_migrations_online() -> None:
            def process_revision_directives(context, revision, directives):  # type: ignore[no-untyped-def]
                if getattr(config.cmd_opts, "autogenerate", False):
                    script = directives[0]
                    if script.upgrade_ops.is_empty():
                        directives[:] = []
                        logger.info("No changes in schema detected.")

            engine = engine_from_config(config.get_section(config.config_ini_section) or {}, prefix="sqlalchemy.", poolclass=pool.NullPool)
            with engine.connect() as connection:
                context.configure(
                    connection=connection,
                    target_metadata=target_metadata,
                    process_revision_directives=process_revision_directives,
                    compare_type=True,
                )
                with context.begin_transaction():
                    context.run_migrations()


        if context.is_offline_mode():
            run_migrations_offline()
        else:
            run_migrations_online()

        """

    /// Creates the layout in `root`; returns what it did, one line each (`Creating directory ...`).
    public static func create(in root: URL) throws(AlembicError) -> [String] {
        let migrations = root.appendingPathComponent("migrations")
        let fileManager = FileManager.default
        if let contents = try? fileManager.contentsOfDirectory(atPath: migrations.path), !contents.isEmpty {
            throw AlembicError(.cannotWrite, "Directory migrations already exists and is not empty")
        }
        var log: [String] = []
        for folder in [
            migrations, migrations.appendingPathComponent("versions"),
            migrations.appendingPathComponent("versions/schema"),
        ] {
            do {
                try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw AlembicError(.cannotWrite, "cannot create \(folder.path): \(error.localizedDescription)")
            }
            log.append("Creating directory \(folder.path)")
        }
        let files: [(URL, String)] = [
            (migrations.appendingPathComponent("env.py"), envPy),
            (migrations.appendingPathComponent("script.py.mako"), scriptTemplate),
            (migrations.appendingPathComponent("helpers.py"), helpers),
        ]
        for (url, text) in files {
            try write(text, to: url)
            log.append("Creating file \(url.path)")
        }
        let ini = root.appendingPathComponent("alembic.ini")
        if fileManager.fileExists(atPath: ini.path) {
            log.append("Skipping Alembic.ini file. It already exists")
        } else {
            try write(alembicIni, to: ini)
            log.append("Creating file \(ini.path)")
        }
        return log
    }

    private static func write(_ text: String, to url: URL) throws(AlembicError) {
        do throws(AtomicFile.Failure) {
            try AtomicFile(url).write(Data(text.utf8), overwrite: false)
        } catch {
            throw AlembicError(.cannotWrite, "cannot write \(url.path): \(error)")
        }
    }
}
