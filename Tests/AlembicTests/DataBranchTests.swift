import Alembic
import Foundation
import TestSupport
import Testing

/// The schema head a first data revision depends on: a data revision, an unknown id or an unclear database are
/// refused instead of written into `depends_on` (orchestrator-core's `db heads` fails on a data branch that
/// depends on itself).
@Suite struct DataBranchTests {
    static let core = Repository.fixture("alembic/core-schema")
    static let data = Repository.fixture("alembic/migrations/versions/schema")

    func error(_ body: () throws(AlembicError) -> String?) -> AlembicError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    @Test func aDependsOnThatIsADataRevisionIsRefused() throws {
        let graph = try RevisionGraph(locations: [Self.core, Self.data])
        let refused = error { () throws(AlembicError) in
            try DataBranch.schemaHead(explicit: "e05bb1967eff", graph: graph, alembicVersions: [])
        }
        #expect(refused?.code == .invalidProject)
        #expect(refused?.message.contains("--depends-on e05bb1967eff") == true)
        #expect(refused?.message.contains("is a revision of the data branch") == true)
        #expect(
            try DataBranch.schemaHead(explicit: "544fd845554d", graph: graph, alembicVersions: []) == "544fd845554d")
        let unknown = error { () throws(AlembicError) in
            try DataBranch.schemaHead(explicit: "0123abcd", graph: graph, alembicVersions: [])
        }
        #expect(unknown?.code == .unknownRevision)
    }

    @Test func theDatabasesDataHeadIsNotTakenForTheSchemaHead() throws {
        let onlyData = try RevisionGraph(locations: [Self.data])
        #expect(
            try DataBranch.schemaHead(
                explicit: nil, graph: onlyData, alembicVersions: ["e05bb1967eff", "544fd845554d"]) == "544fd845554d")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let empty = try RevisionGraph(locations: [folder.url])
        #expect(
            try DataBranch.schemaHead(explicit: nil, graph: empty, alembicVersions: ["544fd845554d"]) == "544fd845554d")
        let unclear = error { () throws(AlembicError) in
            try DataBranch.schemaHead(explicit: nil, graph: empty, alembicVersions: ["e05bb1967eff", "544fd845554d"])
        }
        #expect(unclear?.code == .ambiguousRevision)
        #expect(unclear?.message.contains("544fd845554d, e05bb1967eff") == true)
    }
}
