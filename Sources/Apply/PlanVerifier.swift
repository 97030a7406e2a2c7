import Catalogue
import Planner

/// Checks that a plan applies to a catalogue: its base fingerprint must equal the catalogue's. (The digest was
/// checked when the plan was read.)
public enum PlanVerifier {
    /// Refuses a stale plan, listing what changed since it was made when the catalogue it was made from is known
    /// (`base`, a snapshot whose fingerprint is the plan's base).
    public static func verify(
        _ plan: Plan, against current: CatalogueSnapshot, base: CatalogueSnapshot? = nil, planFile: String
    ) throws(ApplyError) {
        guard current.fingerprint.value != plan.base.fingerprint else { return }
        var lines = [
            "the plan \(planFile) is stale: it was made against catalogue \(plan.base.fingerprint) (\(plan.base.source), snapshot \(plan.base.takenAt)), but \(current.source.display) now has \(current.fingerprint.value)"
        ]
        if let base, base.fingerprint.value == plan.base.fingerprint {
            let changes = base.catalogue.changes(to: current.catalogue)
            lines.append("changes since the plan was made:")
            lines += changes.map { "  \($0)" }
        }
        lines.append(
            "re-plan against a fresh snapshot, keeping the answers: orchestrator-planner plan \"\(plan.message)\" --snapshot NEW.sqlite --models ... --answers \(planFile)"
        )
        throw ApplyError(.stale, lines.joined(separator: "\n"))
    }
}
