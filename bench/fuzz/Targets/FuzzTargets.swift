import Catalogue
import DomainModels
import Foundation
import Planner
import Postgres
import PythonSource
import Scheduler
import Workflows

/// The readers of user input, as fuzz targets: each takes any bytes and must return a value or throw an error whose
/// message is one line of reasonable length; it must never crash or hang (issue "Hardening": keep it from coming
/// back). `bench/fuzz/run` drives them with libFuzzer; without libFuzzer the binary replays files.
enum FuzzTargets {
    static let all: [String: @Sendable (Data) -> Void] = [
        "python": python, "yaml": yaml, "plan": plan, "answers": answers, "connection": connection,
        "choices": choices, "pickle": pickle, "schedule": schedule,
    ]

    /// An error a reader throws: one line, short, never the input dumped back.
    static func check(_ message: String, _ target: String) {
        if message.contains("\n") || message.utf8.count > 2_000 {
            fatalError(
                "\(target): the error is not one short line (\(message.utf8.count) bytes): \(message.prefix(300))")
        }
    }

    static func python(_ data: Data) {
        do {
            let source = try PythonSourceText.decode(data)
            let statements = try PythonParser.parseModule(source)
            for case .classDefinition(let definition) in statements {
                _ = definition.bases.map(PythonUnparser.unparse)
            }
            _ = try PythonModuleLiterals(source: source)
        } catch {
            check(error.description, "python")
        }
    }

    static func yaml(_ data: Data) {
        guard let text = try? UTF8Text.decode(data) else { return }
        do {
            _ = try YAMLProductConfig.read(text, file: "fuzz.yaml")
        } catch {
            check(error.description, "yaml")
        }
    }

    static func plan(_ data: Data) {
        guard let text = try? UTF8Text.decode(data) else { return }
        do {
            _ = try PlanFile.decode(text, file: "fuzz.yaml")
        } catch {
            check(error.description, "plan")
        }
    }

    /// `--choices` of `plan workflows|tasks`, against a catalogue with one product type and workflow.
    static func choices(_ data: Data) {
        guard let text = try? UTF8Text.decode(data) else { return }
        var catalogue = DatabaseCatalogue()
        catalogue.products = [
            Product(
                productID: "p", name: "P", description: "", productType: "T", tag: "T", status: "active", createdAt: "")
        ]
        catalogue.workflows = [
            Workflow(workflowID: "w", name: "create_p", target: "CREATE", description: "", createdAt: "", isTask: false)
        ]
        let registry = WorkflowRegistry([
            WorkflowRegistration(name: "create_q", module: "m", target: "CREATE", location: "m:1")
        ])
        for kind in WorkflowChanges.Kind.allCases {
            var selection = WorkflowSelection(
                kind: kind, catalogue: WorkflowCatalogue(catalogue, counts: CatalogueCounts()), registry: registry)
            do {
                try WorkflowChoices.apply(text, source: "--choices", to: &selection)
                _ = try WorkflowSQL.upgrade(selection.changes)
            } catch {
                check(error.description, "choices")
            }
        }
    }

    static func answers(_ data: Data) {
        guard let text = try? UTF8Text.decode(data) else { return }
        do {
            _ = try PlanAnswers.parseInputs(text, source: "--inputs")
            _ = try PlanAnswers.parseUpdates(text, source: "--updates")
        } catch {
            check(error.description, "answers")
        }
    }

    /// An `apscheduler_jobs.job_state` from a database: whatever the bytes, a job with diagnostics of one line each.
    static func pickle(_ data: Data) {
        let job = APSchedulerJob(row: .init(id: "fuzz", nextRunTime: 0, jobState: [UInt8](data)), apiManaged: false)
        for diagnostic in job.diagnostics { check(diagnostic, "pickle") }
        _ = ScheduleOverview.table(
            ScheduleOverview.rows(
                for: OrchestratorSchedule(jobs: [.init(id: "fuzz", nextRunTime: nil, jobState: [UInt8](data))])
            ).rows, verbose: true)
    }

    /// A schedule file: read, or one error of one line.
    static func schedule(_ data: Data) {
        guard let text = try? UTF8Text.decode(data) else { return }
        do {
            let file = try ScheduleFile.parse(text, path: "fuzz.yaml")
            try? file.checkEnvironment([:])
            _ = ScheduleOverview.rows(for: file, records: [:], zone: .utc, now: 1_800_000_000)
        } catch {
            check(error.description, "schedule")
        }
    }

    static func connection(_ data: Data) {
        guard let text = try? UTF8Text.decode(data), !text.utf8.contains(0) else { return }
        do {
            let target = try ConnectionString(text)
            _ = target.display
        } catch {
            check(error.description, "connection")
        }
    }
}
