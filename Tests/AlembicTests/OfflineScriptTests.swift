import Alembic
import Testing

/// The `alembic_version` statements, which run on the database (`db upgrade`, `db stamp`) and go into `--sql` scripts.
@Suite struct OfflineScriptTests {
    @Test func versionChangesAreAlembicsStatements() throws {
        #expect(
            try OfflineScript.sql(.insert("e05bb1967eff"))
                == "INSERT INTO alembic_version (version_num) VALUES ('e05bb1967eff') RETURNING alembic_version.version_num"
        )
        #expect(
            try OfflineScript.sql(.update(from: "a1", to: "b2"))
                == "UPDATE alembic_version SET version_num='b2' WHERE alembic_version.version_num = 'a1'")
    }

    /// An id from a revision file or from the table itself cannot end the literal: a quote followed by a combining
    /// mark (one Swift Character, still a quote to PostgreSQL) is doubled; NUL is refused.
    @Test func idsAreQuotedByByte() throws {
        let hostile = "x'\u{301}; DROP TABLE products; --"
        #expect(
            try OfflineScript.sql(.delete(hostile))
                == "DELETE FROM alembic_version WHERE alembic_version.version_num = 'x''\u{301}; DROP TABLE products; --'"
        )
        #expect(throws: AlembicError.self) { try OfflineScript.sql(.insert("a\u{0}b")) }
    }
}
