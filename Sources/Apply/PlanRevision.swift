import Alembic
import Catalogue
import Foundation
import Planner
import Workflows

/// A plan as an Alembic revision: its id comes from the plan's digest, its SQL is the plan's, its docstring carries
/// the digest.
public enum PlanRevision {
    /// Derived from the plan's digest (`RevisionFile.planRevisionID`): the same plan always gets the same id.
    public static func id(for plan: Plan) -> String {
        RevisionFile.planRevisionID(forPlanDigest: PlanFile.digest(of: plan))
    }

    /// The revision's content, placed on the data branch by `placement`.
    public static func content(
        _ plan: Plan, placement: DataBranch.Placement, date: Date
    ) throws(ApplyError) -> RevisionTemplate.Content {
        var content = RevisionTemplate.Content(
            id: id(for: plan), message: plan.message, down: placement.down, labels: placement.labels,
            dependsOn: placement.dependsOn, date: date, upgrade: plan.upgrade, downgrade: plan.downgrade,
            planDigest: PlanFile.digest(of: plan))
        // A workflow plan alone is written with orchestrator-core's helpers; with domain changes (a generated
        // product's migration) every statement stays SQL, so the revision runs natively.
        if let workflows = plan.workflows, plan.changes.isEmpty {
            // orchestrator-core's helpers, so the revision runs in its projects as migrate-workflows' would.
            do throws(WorkflowsError) {
                let parts = try WorkflowRevision.parts(workflows)
                (content.preamble, content.upgradeBody, content.downgradeBody) = (
                    parts.preamble, parts.upgrade, parts.downgrade
                )
            } catch {
                throw ApplyError(.executionFailed, error.description)
            }
        }
        return content
    }
}
