import Catalogue
import Workflows

/// A workflow or task plan: the chosen changes with their SQL (`WorkflowSQL`), the warnings a reviewer needs, and
/// the snapshot and registrations it was made against, in the plan file format of domain-model plans (its
/// `workflows` section instead of `changes`).
public enum WorkflowPlanner {
    public static func plan(
        _ changes: WorkflowChanges, snapshot: CatalogueSnapshot, registry: WorkflowRegistry, code: String,
        message: String, createdAt: String
    ) throws(PlannerError) -> Plan {
        let upgrade: [String]
        let downgrade: [String]
        do throws(WorkflowsError) {
            upgrade = try WorkflowSQL.upgrade(changes)
            downgrade = try WorkflowSQL.downgrade(changes)
        } catch {
            throw PlannerError(.invalidValue, error.description)
        }
        var plan = Plan(
            message: message, toolVersion: ToolVersion.current, createdAt: createdAt,
            base: Plan.Base(
                fingerprint: snapshot.fingerprint.value, source: snapshot.source.display, takenAt: snapshot.takenAt,
                alembicVersions: snapshot.alembicVersions),
            target: Plan.Target(models: "\(changes.kind.rawValue):\(code)", fingerprint: registry.fingerprint),
            changes: ChangeSet(), answers: PlanAnswers(), warnings: warnings(changes, snapshot: snapshot),
            upgrade: upgrade, downgrade: downgrade)
        plan.workflows = changes
        return plan
    }

    static func warnings(_ changes: WorkflowChanges, snapshot: CatalogueSnapshot) -> [Plan.Warning] {
        var warnings: [Plan.Warning] = []
        let noun = changes.kind == .tasks ? "task" : "workflow"
        for added in changes.add where added.existing {
            warnings.append(
                changes.kind == .tasks
                    ? Plan.Warning(
                        .notice,
                        "task \(added.name) is already in the catalogue: nothing is added, and the downgrade keeps it",
                        subject: "workflow", name: added.name)
                    : Plan.Warning(
                        .notice,
                        "workflow \(added.name) is already in the catalogue: it is only linked to the \(added.productType ?? "") products, keeps its description \(TextEscaping.jsonQuote(added.description)) (a description given is not used), and the downgrade only unlinks it",
                        subject: "workflow", name: added.name))
        }
        for deleted in changes.delete {
            switch deleted.processes {
            case let count? where count > 0:
                warnings.append(
                    Plan.Warning(
                        .fails,
                        "deleting \(noun) \(deleted.name) will fail: the snapshot has \(Warnings.count(count, "process")) of it, and a plan never deletes processes (the SQL stops before anything changes)",
                        subject: "workflow", name: deleted.name))
            case nil:
                warnings.append(
                    Plan.Warning(
                        .notice,
                        "the snapshot (format 1) did not count processes: deleting \(noun) \(deleted.name) fails if processes use it",
                        subject: "workflow", name: deleted.name))
            default:
                break
            }
        }
        return warnings
    }
}
