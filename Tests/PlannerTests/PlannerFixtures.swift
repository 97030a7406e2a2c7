import Catalogue
import DomainModels
import Foundation
import Planner
import Postgres
import Snapshot
import TestSupport

enum PlannerFixtures {
    static func exampleSnapshot() throws -> CatalogueSnapshot {
        try SnapshotFile.read(Repository.fixture("example/catalogue.sqlite"))
    }

    static func emptySnapshot() -> CatalogueSnapshot {
        CatalogueSnapshot(
            catalogue: DatabaseCatalogue(), counts: CatalogueCounts(), alembicVersions: ["544fd845554d"],
            source: SnapshotSource(host: "h", port: "5432", database: "d", serverVersion: "15"),
            takenAt: "2026-11-30T00:00:00Z", toolVersion: ToolVersion.current)
    }

    static func exampleModels() throws -> ModelSet {
        try PythonModelReader(root: Repository.fixture("models/example-v2")).read()
    }

    static func options(_ message: String = "test") -> MigrationPlanner.Options {
        MigrationPlanner.Options(message: message, modelsSource: "test", createdAt: "2026-11-30T00:00:00Z")
    }

    /// Plans with the given answers and no questions allowed.
    static func plan(
        _ snapshot: CatalogueSnapshot, _ models: ModelSet, inputs: String = "{}", updates: String = "{}"
    ) throws -> MigrationPlanner.Outcome {
        let answers = PlanAnswers(
            inputs: try PlanAnswers.parseInputs(inputs, source: "--inputs"),
            updates: try PlanAnswers.parseUpdates(updates, source: "--updates"))
        return try MigrationPlanner(snapshot: snapshot, models: models, options: options()).plan(
            answers: answers, questioner: NoInputQuestioner())
    }

    /// Runs statements in one transaction, as `apply --execute` does.
    static func execute(_ statements: [String], on target: ConnectionString) throws {
        let connection = try PostgresConnection.connect(target)
        _ = try connection.query("BEGIN")
        for statement in statements { _ = try connection.query(statement) }
        _ = try connection.query("COMMIT")
    }

    static func requirePlan(_ outcome: MigrationPlanner.Outcome) throws -> Plan {
        switch outcome {
        case .plan(let plan): return plan
        case .unanswered(let questions, _): throw TestFailure("unanswered: \(questions.map(\.prompt))")
        case .declined: throw TestFailure("declined")
        }
    }
}

/// Editing a model set in tests.
extension ModelSet {
    func removingProduct(_ name: String) -> ModelSet {
        var copy = self
        copy.products.removeValue(forKey: name)
        return copy
    }
}
