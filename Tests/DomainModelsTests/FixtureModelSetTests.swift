import Catalogue
import DomainModels
import Foundation
import TestSupport
import Testing

/// Each model set under fixtures/models against its hand-derived `expected.json`: products and product blocks
/// exactly, diagnostics by file and line (the message texts are ours, so the fixture states what each is about).
@Suite struct FixtureModelSetTests {
    static let sets: [String] = {
        let folder = Repository.fixture("models")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("\($0)/expected.json").path)
        }.sorted()
    }()

    @Test func everyConstructHasAFixture() {
        #expect(Self.sets.count >= 9, "\(Self.sets)")
    }

    @Test(arguments: sets)
    func modelSetMatchesTheHandDerivedExpectation(_ name: String) throws {
        let folder = Repository.fixture("models/\(name)")
        let models = try PythonModelReader(root: folder).read()
        let actual =
            try JSONSerialization.jsonObject(with: Data(ModelSetJSON.encode(models).utf8)) as? [String: Any] ?? [:]
        let expected =
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("expected.json")))
            as? [String: Any] ?? [:]
        for key in ["products", "product_blocks"] {
            let a = try canonical(actual[key])
            let e = try canonical(expected[key])
            #expect(a == e, "\(name): \(key) differ\nactual:   \(a)\nexpected: \(e)")
        }
        let actualPlaces = models.diagnostics.map { "\($0.file):\($0.line)" }.sorted()
        let expectedPlaces = ((expected["expected_diagnostics"] as? [[String: Any]]) ?? []).map {
            "\($0["file"] ?? ""):\($0["line"] ?? "")"
        }.sorted()
        #expect(actualPlaces == expectedPlaces, "\(name): \(models.diagnostics)")
    }

    @Test(arguments: sets)
    func outputIsByteIdenticalAcrossRuns(_ name: String) throws {
        let folder = Repository.fixture("models/\(name)")
        let first = ModelSetJSON.encode(try PythonModelReader(root: folder).read())
        #expect(ModelSetJSON.encode(try PythonModelReader(root: folder).read()) == first)
    }

    private func canonical(_ value: Any?) throws -> String {
        guard let value else { return "null" }
        let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }
}
