import Apply
import ArgumentParser
import Catalogue
import DomainModels
import Foundation
import Generate
import Planner
import Snapshot
import Workflows

/// `generate migration -cf PATH [--snapshot FILE | --db URL]`: the product's catalogue migration, planned by the
/// planner against the catalogue (or orchestrator-core's core catalogue alone) and written by `apply`'s writer,
/// then the product registered in the subscription model registry.
struct GenerateMigration: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migration", abstract: "Create the migration that adds the product to the catalogue.")
    @Option(
        name: [.customLong("config-file"), .customLong("cf", withSingleDash: true)],
        help: ArgumentHelp("The product's YAML config.", valueName: "path"))
    var configFile: String
    @Option(help: ArgumentHelp("Plan against this snapshot.", valueName: "file")) var snapshot: String?
    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Reuse the blocks the project's code defines instead of creating them.") var skipExistingBlocks = false
    @OptionGroup var project: ProjectOptions
    @OptionGroup var prefix: FolderPrefixOption
    @Option(help: ArgumentHelp("The schema head the first data revision depends on.", valueName: "revision"))
    var dependsOn: String?
    @Option(
        name: [.customLong("python-version"), .customShort("p")],
        help: ArgumentHelp("Accepted for orchestrator-core's command line.", valueName: "version"))
    var pythonVersion = "3.11"

    func validate() throws {
        if snapshot != nil && database.db != nil { throw ValidationError("give --snapshot or --db, not both") }
    }

    func run() throws {
        try reportingErrors {
            let source: CatalogueSource? =
                try snapshot.map { .file(URL(fileURLWithPath: $0)) }
                ?? (database.isGiven ? .database(try database.connectionString()) : nil)
            let catalogue = try source?.load(takenAt: Clock.now()) ?? Self.coreCatalogue()
            var known: [String: ProductConfig.ExternalBlock] = [:]
            for block in catalogue.catalogue.productBlocks {
                known[block.name] = ProductConfig.ExternalBlock(type: block.name, blockName: block.name, module: nil)
            }
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let code = try ProductGeneration.load(
                config: URL(fileURLWithPath: configFile), project: cwd, prefix: prefix.folderPrefix, extra: known,
                skipExistingBlocks: skipExistingBlocks)
            let plan = try ProductMigration.plan(
                models: code.checked.modelSet, inputs: code.checked.inputs,
                workflows: Self.workflows(code, catalogue: catalogue.catalogue), snapshot: catalogue,
                message: "add \(code.checked.config.name)", modelsSource: "yaml:\(configFile)",
                createdAt: SnapshotTaker.iso8601(Clock.now()))
            guard !plan.isEmpty else {
                Terminal.out("Nothing to do")
                return
            }
            let application = PlanApplication(
                plan: plan, planFile: "the migration of \(configFile)", project: project.root,
                coreMigrations: project.coreMigrationsURL, dependsOn: dependsOn, catalogue: .loaded(catalogue),
                date: Clock.now(), environment: ProcessInfo.processInfo.environment)
            try application.run { step in
                if case .revisionWritten(let file, let revision, _, _) = step {
                    Terminal.out("Wrote \(file.path) (revision \(revision))")
                }
            }
            let registryPath = code.paths.registryPath
            let existing = FileManager.default.contents(atPath: cwd.appendingPathComponent(registryPath).path).map {
                String(decoding: $0, as: UTF8.self)
            }
            let registry = code.registry(existing: existing)
            if let note = registry.note { Terminal.note("note: \(note)") }
            if let file = registry.file {
                _ = try GeneratedFileWriter(project: cwd, dryRun: false, force: true).write([file], packages: [])
                Terminal.out("Registered \(code.checked.config.type) in \(registryPath)")
            }
        }
    }

    /// The product's enabled workflows, linked to its product type, and `modify_note` linked as well; a workflow the
    /// catalogue has already is only linked.
    static func workflows(_ code: ProductCode, catalogue: DatabaseCatalogue) -> [WorkflowChanges.Added] {
        let name = code.checked.config.name
        let type = code.checked.config.type
        let targets = ["create": "CREATE", "modify": "MODIFY", "terminate": "TERMINATE", "validate": "VALIDATE"]
        var added: [WorkflowChanges.Added] = []
        for workflow in ["create", "modify", "terminate", "validate"] where code.isEnabled(workflow) {
            let workflowName = "\(workflow)_\(code.variable)"
            let exists = catalogue.workflows.contains { $0.name == workflowName }
            added.append(
                .init(
                    name: workflowName, target: targets[workflow] ?? "", description: "\(workflow.capitalized) \(name)",
                    productType: type, existing: exists, isTask: workflow == "validate"))
        }
        if let note = catalogue.workflows.first(where: { $0.name == "modify_note" }) {
            added.append(
                .init(
                    name: note.name, target: note.target, description: note.description, productType: type,
                    existing: true))
        }
        return added
    }

    /// orchestrator-core's catalogue after `db upgrade heads` alone: no products, its own workflows.
    static func coreCatalogue() -> CatalogueSnapshot {
        var catalogue = DatabaseCatalogue()
        catalogue.workflows = WorkflowRegistry.orchestratorCore.sortedNames.compactMap { name in
            WorkflowRegistry.orchestratorCore[name].map {
                Workflow(
                    workflowID: "core-\(name)", name: name, target: $0.target ?? "SYSTEM", description: name,
                    createdAt: "",
                    isTask: $0.isTask)
            }
        }
        return CatalogueSnapshot(
            catalogue: catalogue, counts: CatalogueCounts(), alembicVersions: [],
            source: SnapshotSource(host: "orchestrator-core", port: "", database: "core catalogue", serverVersion: ""),
            takenAt: SnapshotTaker.iso8601(Clock.now()), toolVersion: ToolVersion.current)
    }
}
