/// orchestrator-core's own schedule, as its database holds it: APScheduler's job store (`apscheduler_jobs`, whose
/// job state is a Python pickle) and the linker table that marks the jobs made through the API
/// (`workflows_apscheduler_jobs`). Snapshots keep it so that `scheduler show-schedule --snapshot` works offline.
public struct OrchestratorSchedule: Hashable, Sendable {
    /// A row of `apscheduler_jobs`.
    public struct Job: Hashable, Sendable {
        public var id: String
        /// UTC seconds since the epoch; nil for a paused job.
        public var nextRunTime: Double?
        /// The pickled job state, as stored.
        public var jobState: [UInt8]

        public init(id: String, nextRunTime: Double?, jobState: [UInt8]) {
            self.id = id
            self.nextRunTime = nextRunTime
            self.jobState = jobState
        }
    }

    /// A row of `workflows_apscheduler_jobs`.
    public struct Link: Hashable, Sendable {
        public var workflowID: String
        public var scheduleID: String

        public init(workflowID: String, scheduleID: String) {
            self.workflowID = workflowID
            self.scheduleID = scheduleID
        }
    }

    public var jobs: [Job]
    public var links: [Link]

    public init(jobs: [Job] = [], links: [Link] = []) {
        self.jobs = jobs
        self.links = links
    }

    /// The schedule in key order (how a snapshot stores it).
    public func sorted() -> OrchestratorSchedule {
        OrchestratorSchedule(
            jobs: jobs.sorted { $0.id < $1.id },
            links: links.sorted { ($0.scheduleID, $0.workflowID) < ($1.scheduleID, $1.workflowID) })
    }
}
