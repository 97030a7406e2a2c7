import Foundation
import TestSupport
import Testing

/// `models show` as a user runs it.
@Suite struct ModelsCommandTests {
    @Test func showsTheExampleAsText() throws {
        let result = try PlannerBinary.run(["models", "show", Repository.fixture("models/example-v2").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("User internal  [User]"))
        #expect(result.stdout.contains("fixed input affiliation: Affiliation = one of external, internal"))
        #expect(result.stdout.contains("depends on UserGroupBlock via group"))
        #expect(!result.stdout.contains("Diagnostics"))
    }

    @Test func jsonHasTheDocumentedShapeAndIsStable() throws {
        let folder = Repository.fixture("models/example-v2")
        let first = try PlannerBinary.run(["models", "show", folder.path, "--format", "json"])
        let second = try PlannerBinary.run(["models", "show", folder.path, "--format", "json"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        let object = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any]
        #expect(Set(object?.keys.map { $0 } ?? []) == ["products", "product_blocks", "diagnostics"])
        let user = (object?["products"] as? [String: Any])?["User external"] as? [String: Any]
        #expect(user?["product_type"] as? String == "User")
        #expect(user?["product_blocks"] as? [String] == ["UserBlock"])
    }

    @Test func theCurrentFolderIsTheDefaultRoot() throws {
        let result = try PlannerBinary.run(["models", "show"], in: Repository.fixture("models/example-v1"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("User group  [UserGroup]"))
    }

    @Test func aYAMLConfigWorksTheSameWay() throws {
        let result = try PlannerBinary.run([
            "models", "show", Repository.fixture("yaml/user.yaml").path, "--format", "json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"User internal\""))
    }

    @Test func diagnosticsAreListedWithFileAndLine() throws {
        let result = try PlannerBinary.run(["models", "show", Repository.fixture("models/broken-import").path])
        #expect(result.status == 0)
        #expect(
            result.stdout.contains("products/__init__.py:4: cannot import module 'products.product_types.firewall'"))
    }

    @Test func errorsGiveOneLineAndAnExitCode() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = try PlannerBinary.run(["models", "show", folder.file("nothing").path])
        #expect(missing.status == 40)
        #expect(missing.stderr.hasPrefix("error: the models root"))
        let noPackage = try PlannerBinary.run(["models", "show", folder.url.path])
        #expect(noPackage.status == 41)
        #expect(noPackage.stderr.contains("--package"))
        try Data("name: [broken\n".utf8).write(to: folder.file("bad.yaml"))
        let badYAML = try PlannerBinary.run(["models", "show", folder.file("bad.yaml").path])
        #expect(badYAML.status == 42)
        #expect(badYAML.stderr.contains("bad.yaml: failed to parse configuration file: line"))
        #expect(badYAML.stderr.split(separator: "\n").count == 1)
    }
}
