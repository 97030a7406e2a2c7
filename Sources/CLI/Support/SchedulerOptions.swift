import ArgumentParser
import Foundation
import Scheduler

/// `--schedule`, `--store` and `--timezone`, shared by the `scheduler` commands.
struct SchedulerOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The schedule file (default: \(ScheduleFile.defaultName) in the current folder).", valueName: "file"))
    var schedule: String?

    @Option(help: ArgumentHelp("The job store (default: \(JobStore.defaultPath)).", valueName: "file"))
    var store: String = JobStore.defaultPath

    @Option(
        help: ArgumentHelp(
            "The time zone cron expressions and times are in (default: the schedule file's timezone:, else the machine's).",
            valueName: "zone"))
    var timezone: String?

    var schedulePath: String { schedule ?? ScheduleFile.defaultName }
    var storeURL: URL { URL(fileURLWithPath: store) }

    /// The schedule file; nil when `--schedule` was not given and the default file is absent.
    func loadSchedule(required: Bool) throws(SchedulerError) -> ScheduleFile? {
        if schedule == nil && !required && !FileManager.default.fileExists(atPath: schedulePath) { return nil }
        return try ScheduleFile.read(schedulePath)
    }

    /// `--timezone`, else the file's `timezone:`, else the machine's zone.
    func zone(for file: ScheduleFile?) throws(SchedulerError) -> ZoneRules {
        guard let name = timezone ?? file?.timezone else { return ZoneRules.local() }
        guard let rules = ZoneRules.named(name) else {
            throw SchedulerError(
                .invalidSchedule, "unknown time zone '\(name)' (a tz database name like Europe/Amsterdam, or UTC)")
        }
        return rules
    }

    /// What `--schedule` resolved to, for notes.
    var scheduleDescription: String {
        schedule ?? "\(ScheduleFile.defaultName) in \(FileManager.default.currentDirectoryPath)"
    }
}
