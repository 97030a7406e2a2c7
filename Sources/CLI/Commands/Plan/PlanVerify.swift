import ArgumentParser
import Foundation
import Planner
import Snapshot

/// `plan verify PLAN --snapshot S --models M`: does re-planning with the plan's answers give the same plan?
struct PlanVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-plan with a plan's answers and compare (exit 0: the same plan, 1: different, 2: error).",
        discussion: """
            For CI on a pull request: the plan's digest is checked, then the models are planned against the snapshot \
            with the plan's answers, asking nothing. The plan matches when it has the same changes and the same SQL \
            and the snapshot is its base; the models path may be spelled differently from the plan's.
            """)

    @Argument(help: ArgumentHelp("The plan file.", valueName: "plan"))
    var file: String

    @Option(help: ArgumentHelp("The catalogue snapshot the plan was made against.", valueName: "file"))
    var snapshot: String

    @OptionGroup var modelSource: ModelSourceOptions

    @Option(
        help: ArgumentHelp("Do not diff existing products whose name contains this (repeatable).", valueName: "text"))
    var skip: [String] = []

    func run() throws {
        try reportingErrors(override: ExitCodes.checkFailed) {
            let plan = try PlanFile.read(path: file)
            let snapshotValue = try SnapshotFile.read(URL(fileURLWithPath: snapshot))
            let modelSet = try modelSource.read()
            let verification = try PlanVerification(plan: plan, snapshot: snapshotValue, models: modelSet, skip: skip)
            for note in verification.notes { Terminal.note("note: \(note)") }
            guard verification.matches else {
                Terminal.out("\(file) does not match re-planning \(modelSource.models) against \(snapshot):")
                for difference in verification.differences { Terminal.out("  \(difference)") }
                throw ExitCode(ExitCodes.differs)
            }
            Terminal.out(
                "\(file) matches: re-planning with its answers gives the same changes and the same SQL "
                    + "(\(plan.upgrade.count) upgrade, \(plan.downgrade.count) downgrade statements).")
        }
    }
}
