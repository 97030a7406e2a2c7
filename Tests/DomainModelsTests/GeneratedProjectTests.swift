import DomainModels
import Foundation
import TestSupport
import Testing

/// The benchmark generator's projects read completely: N products, 2N blocks, 15N resource types, no diagnostics.
@Suite struct GeneratedProjectTests {
    @Test(arguments: [20, 60])
    func generatedProjectsReadCompletely(size: Int) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try Command.run(
            "python3",
            arguments: [
                Repository.root.appendingPathComponent("bench/generate.py").path, "--size", String(size), "--out",
                folder.url.path,
            ])
        #expect(result.status == 0, "\(result.stderr)")
        let models = try PythonModelReader(root: folder.file("models")).read()
        #expect(models.diagnostics.isEmpty, "\(models.diagnostics.prefix(3))")
        #expect(models.products.count == size)
        #expect(models.productBlocks.count == 2 * size)
        #expect(models.productBlocks.values.reduce(0) { $0 + $1.resourceTypes.count } == 15 * size)
        #expect(
            models.productBlocks.values.contains {
                $0.dependsOn.values.contains { $0.attributes.values.contains { $0.min == 1 && $0.max == 8 } }
            })
    }
}
