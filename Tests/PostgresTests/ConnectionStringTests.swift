import TestSupport
import Testing

@testable import Postgres

@Suite struct ConnectionStringTests {
    @Test(arguments: [
        ("postgresql+psycopg://u:secret@db.example:5433/orch", "postgresql://u:secret@db.example:5433/orch"),
        ("postgresql+psycopg2://u:secret@db.example/orch", "postgresql://u:secret@db.example/orch"),
        ("postgres+asyncpg://u@db.example/orch?sslmode=require", "postgresql://u@db.example/orch?sslmode=require"),
        ("postgres://u@db.example/orch", "postgresql://u@db.example/orch"),
        ("postgresql://u@db.example/orch", "postgresql://u@db.example/orch"),
        ("host=db.example port=5433 dbname=orch user=u", "host=db.example port=5433 dbname=orch user=u"),
    ])
    func everyFormIsTurnedIntoOneLibpqAccepts(raw: String, libpq: String) throws {
        #expect(try ConnectionString(raw).libpqForm == libpq)
    }

    @Test func displayNamesUserHostPortAndDatabaseButNoPassword() throws {
        #expect(
            try ConnectionString("postgresql+psycopg://u:secret@db.example:5433/orch").display
                == "u@db.example:5433/orch")
        #expect(
            try ConnectionString("host=db.example port=5433 dbname=orch user=u password='x y'").display
                == "u@db.example:5433/orch")
    }

    @Test func otherSchemesAreRefused() {
        #expect(throws: PostgresError.self) { try ConnectionString("mysql://u:secret@h/db") }
        do {
            _ = try ConnectionString("mysql+pymysql://u:secret@h/db")
        } catch {
            #expect(error.code == .invalidConnectionString)
            #expect(!error.description.contains("secret"))
        }
    }

    @Test func anUnparsableStringNamesTheProblemWithoutThePassword() {
        do {
            _ = try ConnectionString("host=h password=hunter2 bogus_option=1")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidConnectionString)
            #expect(!error.description.contains("hunter2"))
        }
        do {
            _ = try ConnectionString("host=h dbname=d bogus_option=1")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("bogus_option"), "without a password, libpq's detail is shown")
        }
        do {
            _ = try ConnectionString("host=h password='it''sx' dbname=d")
            Issue.record("expected an error")
        } catch {
            #expect(!error.description.contains("sx"), "no fragment of the password")
        }
    }

    @Test func optionWinsOverDatabaseURIAndMissingBothIsAnError() throws {
        let environment = ["DATABASE_URI": "postgresql://env-host/envdb"]
        #expect(
            try ConnectionString.resolve(option: "postgresql://opt-host/optdb", environment: environment).display
                .contains("opt-host"))
        #expect(try ConnectionString.resolve(option: nil, environment: environment).display.contains("env-host"))
        #expect(throws: PostgresError.self) { try ConnectionString.resolve(option: nil, environment: [:]) }
    }

    @Test func redactorHidesEverySpellingOfThePassword() throws {
        let target = try ConnectionString("postgresql://u:pw%27%22s3cr%26t@h/db")
        let text = "failed for pw'\"s3cr&t and pw%27%22s3cr%26t"
        #expect(target.redactor.redact(text) == "failed for *** and ***")
        let kv = try ConnectionString("host=h password='it\\'s secret' dbname=d")
        #expect(!kv.redactor.redact("bad password it's secret").contains("secret"))
    }

    /// A password with an unencoded `/`, `@` or `:` (a common mistake): read as SQLAlchemy reads it (everything after
    /// `user:` up to the last `@`), encoded for libpq, and never shown, not even in pieces.
    @Test(arguments: ["pa/ss/word99", "pa@ss@word99", "pa:ss:word99", "p/a@s:s?w#rd99", "a/b"])
    func unencodedPasswordCharactersAreHandledAndHidden(_ password: String) throws {
        let target = try ConnectionString("postgresql+psycopg://user:\(password)@db.example:5433/orch")
        #expect(target.display == "user@db.example:5433/orch")
        let encoded = password.map {
            ["/": "%2F", "@": "%40", ":": "%3A", "?": "%3F", "#": "%23"][String($0)] ?? String($0)
        }.joined()
        #expect(target.libpqForm == "postgresql://user:\(encoded)@db.example:5433/orch")
        let pieces = password.split(whereSeparator: { "/@:?#".contains($0) }).map(String.init).filter { $0.count >= 3 }
        for piece in pieces + [password] {
            #expect(target.redactor.redact("libpq said: \(piece) is wrong") == "libpq said: *** is wrong", "\(piece)")
        }
    }

    /// Found by scalar, as libpq reads bytes: an `@` followed by a combining mark is one Swift Character, but libpq
    /// would end the user-info there and echo the rest as the host.
    @Test func anAtFollowedByACombiningMarkIsStillAnAt() throws {
        let target = try ConnectionString("postgresql://user:pa@\u{301}ss99@db.example:5433/orch")
        #expect(target.display == "user@db.example:5433/orch")
        #expect(target.libpqForm == "postgresql://user:pa%40\u{301}ss99@db.example:5433/orch")
        #expect(target.redactor.redact("could not translate host name \"\u{301}ss99@db.example\"").contains("***"))
        #expect(!target.redactor.redact("could not translate host name \"\u{301}ss99@db.example\"").contains("ss99"))
        let keyValue = try ConnectionString("host=h password='a\\'\u{301}secret' dbname=d")
        #expect(!keyValue.redactor.redact("password a'\u{301}secret refused").contains("secret"))
    }
}
