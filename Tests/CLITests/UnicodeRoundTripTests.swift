import Foundation
import TestSupport
import Testing

/// 1,000 random Unicode strings (combining marks, U+FEFF, U+2028, quotes, backslashes, `$$`, `:name`, controls,
/// astral characters) as descriptions and default values, through `plan` → `apply --execute` and through the
/// revision run by real Alembic, compared byte for byte in PostgreSQL, with `standard_conforming_strings` on and off
/// (issue "Hardening": keep it from coming back).
@Suite(.enabled(if: TestAlembic.isConfigured, "needs the test cluster and Alembic: run through scripts/with-postgres"))
struct UnicodeRoundTripTests {
    static let batches = 5
    static let resourceTypesPerBatch = 100  // a description and a value each: 200 strings a batch

    /// A reproducible generator (SplitMix64), so a failure names a seed that replays it.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    static let pieces: [String] = [
        "'", "''", "\"", "\"\"\"", "\\", "\\'", "'\u{301}", "\"\u{301}", "\\\u{301}", "$$", "$1", ":name", "\\:", "::",
        "%s", "%(x)s", "%%", "--", "/*", "*/", ";", "{", "}", "\u{FEFF}", "\u{2028}", "\u{2029}", "\u{200B}",
        "\u{00A0}",
        "\u{0085}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\t", "\n", "\r", "\r\n", "\u{01}", "\u{1B}[1m", "\u{1F}",
        "\u{7F}", "\u{9F}", "é", "e\u{301}", "ß", "Ω", "中文", "عربي", "😀", "👩‍💻", "𝄞", "\u{1F1F3}\u{1F1F1}", " ",
        "a", "Z", "0", "#", "&", "<", ">", "@", "`",
    ]

    static func randomString(_ generator: inout Generator) -> String {
        var text = ""
        let length = generator.below(20) == 0 ? 100 + generator.below(400) : 1 + generator.below(12)
        for _ in 0..<length {
            if generator.below(3) == 0 {
                text += pieces[generator.below(pieces.count)]
            } else {
                // Any scalar of the BMP or the first astral plane, but no NUL and no surrogates.
                var value = UInt32(1 + generator.below(0x1FFFF))
                if (0xD800...0xDFFF).contains(value) { value = 0x41 }
                text.unicodeScalars.append(Unicode.Scalar(value) ?? "x")
            }
        }
        return text
    }

    /// The example models plus a new block with `count` new resource types on the User block (which has
    /// instances), so each resource type asks for a description and a default value.
    static func models(in folder: URL, count: Int) throws -> URL {
        let models = folder.appendingPathComponent("models")
        _ = try Command.run("cp", arguments: ["-r", Repository.fixture("models/example-v2").path, models.path])
        let fields = (0..<count).map { String(format: "    rt_%03d: str", $0) }.joined(separator: "\n")
        try Data(
            """
            from orchestrator.core.domain.base import ProductBlockModel
            from orchestrator.core.types import SubscriptionLifecycle


            class FuzzBlock(ProductBlockModel, lifecycle=[SubscriptionLifecycle.ACTIVE], product_block_name="FuzzBlock"):
            \(fields)

            """.utf8
        ).write(to: models.appendingPathComponent("products/product_blocks/fuzz.py"))
        let user = models.appendingPathComponent("products/product_blocks/user.py")
        var text = try String(contentsOf: user, encoding: .utf8)
        text = "from products.product_blocks.fuzz import FuzzBlock\n" + text + "    fuzz: FuzzBlock\n"
        try Data(text.utf8).write(to: user)
        return models
    }

    /// `resource type → hex of the description` and `→ hex of the one distinct value`, read by PostgreSQL.
    static func stored(
        _ database: TestDatabase
    ) throws -> (descriptions: [String: String], values: [String: String], block: String?) {
        var descriptions: [String: String] = [:]
        for row in try database.rows(
            "SELECT resource_type, encode(convert_to(description, 'UTF8'), 'hex') FROM resource_types WHERE resource_type LIKE 'rt\\_%'"
        ) {
            descriptions[row[0] ?? ""] = row[1] ?? ""
        }
        var values: [String: String] = [:]
        for row in try database.rows(
            """
            SELECT rt.resource_type, string_agg(DISTINCT encode(convert_to(v.value, 'UTF8'), 'hex'), ',')
            FROM subscription_instance_values v JOIN resource_types rt USING (resource_type_id)
            WHERE rt.resource_type LIKE 'rt\\_%' GROUP BY 1
            """)
        {
            values[row[0] ?? ""] = row[1] ?? ""
        }
        let block =
            try database.rows(
                "SELECT encode(convert_to(description, 'UTF8'), 'hex') FROM product_blocks WHERE name = 'FuzzBlock'"
            ).first?.first ?? nil
        return (descriptions, values, block)
    }

    static func hex(_ text: String) -> String { text.utf8.map { String(format: "%02x", $0) }.joined() }

    @Test(arguments: 0..<batches)
    func everyStringReachesPostgreSQLByteForByte(batch: Int) throws {
        let seed = UInt64(20_261_201 + batch)
        var generator = Generator(state: seed)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let models = try Self.models(in: folder.url, count: Self.resourceTypesPerBatch)
        var inputs: [String: Any] = [:]
        var expected: [String: (description: String, value: String)] = [:]
        let blockDescription = Self.randomString(&generator)
        inputs["FuzzBlock"] = ["description": blockDescription, "tag": "FUZZ"]
        for index in 0..<Self.resourceTypesPerBatch {
            let name = String(format: "rt_%03d", index)
            let description = Self.randomString(&generator)
            let value = Self.randomString(&generator)
            inputs[name] = ["description": description, "value": value]
            expected[name] = (description, value)
        }
        try JSONSerialization.data(withJSONObject: inputs).write(to: folder.file("inputs.json"))

        let template = try TestPostgres.copy()
        defer { template.drop() }
        let snapshot = folder.file("before.sqlite").path
        let taken = try PlannerBinary.run(["snapshot", "create", "--db", template.socketURL, "--out", snapshot])
        try #require(taken.status == 0, "\(taken.stderr)")
        let plan = folder.file("plan.yaml").path
        let planned = try PlannerBinary.run([
            "plan", "fuzz \(batch)", "--snapshot", snapshot, "--models", models.path, "--inputs",
            "@" + folder.file("inputs.json").path,
            "--no-input", "--out", plan,
        ])
        try #require(planned.status == 0, "seed \(seed): \(planned.stderr)")

        for (path, conforming) in [("execute", true), ("alembic", true), ("execute", false), ("alembic", false)] {
            let database = try TestPostgres.copy()
            defer { database.drop() }
            if !conforming {
                try database.psql("ALTER DATABASE \(database.name) SET standard_conforming_strings = off")
            }
            let project = folder.file("project-\(path)-\(conforming)")
            _ = try Command.run("cp", arguments: ["-r", Repository.fixture("alembic").path, project.path])
            if path == "execute" {
                let applied = try PlannerBinary.run([
                    "apply", plan, "--db", database.socketURL, "--execute", "--project", project.path,
                ])
                try #require(applied.status == 0, "seed \(seed), \(path), conforming \(conforming): \(applied.stderr)")
            } else {
                let written = try PlannerBinary.run(["apply", plan, "--snapshot", snapshot, "--project", project.path])
                try #require(written.status == 0, "seed \(seed): \(written.stderr)")
                let upgraded = try TestAlembic.run(["upgrade", "heads"], project: project, database: database)
                try #require(
                    upgraded.status == 0,
                    "seed \(seed), alembic, conforming \(conforming): \(upgraded.stderr.suffix(2000))")
            }
            let stored = try Self.stored(database)
            #expect(stored.block == Self.hex(blockDescription), "seed \(seed) \(path) \(conforming): block description")
            for (name, strings) in expected {
                #expect(
                    stored.descriptions[name] == Self.hex(strings.description),
                    "seed \(seed) \(path) conforming \(conforming): description of \(name) \(strings.description.debugDescription)"
                )
                #expect(
                    stored.values[name] == Self.hex(strings.value),
                    "seed \(seed) \(path) conforming \(conforming): value of \(name) \(strings.value.debugDescription)")
            }
        }
    }

    @Test func aNULIsRefusedNamingTheAnswer() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let models = try Self.models(in: folder.url, count: 1)
        let inputs =
            #"{"FuzzBlock": {"description": "a\u0000b", "tag": "FUZZ"}, "rt_000": {"description": "d", "value": "v"}}"#
        let result = try PlannerBinary.run([
            "plan", "nul", "--snapshot", Repository.fixture("example/catalogue.sqlite").path, "--models", models.path,
            "--inputs", inputs, "--no-input", "--out", folder.file("plan.yaml").path,
        ])
        #expect(result.status == 51, "\(result.stderr)")
        #expect(result.stderr.contains("NUL"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("plan.yaml").path))
    }
}
