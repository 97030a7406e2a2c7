import Catalogue

/// A SHA-256 over *everything* a snapshot file holds (ids, timestamps, counts and metadata too), stored in its
/// `meta` table. Where the fingerprint answers "is this still the same catalogue?", the digest answers "is this
/// still the file the tool wrote?": any edit of any row, or a lost row, changes it.
enum SnapshotDigest {
    static let header = "orchestrator-planner snapshot content 1"

    static func compute(_ snapshot: CatalogueSnapshot) -> String {
        var lines: [String] = []
        func add(_ fields: String?...) { lines.append(CanonicalText.line(fields)) }
        func addRows<Row: CatalogueRow>(_ type: Row.Type) {
            for row in snapshot.catalogue[keyPath: Row.rows] {
                lines.append(CanonicalText.line([Row.schema.name] + row.values.map(\.canonical)))
            }
        }
        for type in CatalogueSchema.rowTypes { addRows(type) }
        for v in snapshot.alembicVersions { add("alembic_version", v) }
        for s in snapshot.counts.subscriptions { add("subscription_counts", s.productID, s.status, String(s.count)) }
        for i in snapshot.counts.instances { add("instance_counts", i.productBlockID, String(i.count)) }
        for v in snapshot.counts.values { add("value_counts", v.productBlockID, v.resourceTypeID, String(v.count)) }
        // Format 1 counted no processes (nil): its digest stays what it was.
        for p in snapshot.counts.processes ?? [] { add("process_counts", p.workflowID, String(p.count)) }
        // Formats 1 and 2 kept no schedule (nil): their digests stay what they were.
        for job in snapshot.schedule?.jobs ?? [] {
            add("apscheduler_jobs", job.id, job.nextRunTime.map { String($0) }, SHA256.hex(bytes: job.jobState))
        }
        for link in snapshot.schedule?.links ?? [] {
            add("workflows_apscheduler_jobs", link.workflowID, link.scheduleID)
        }
        add("meta", "tool_version", snapshot.toolVersion)
        add("meta", "taken_at", snapshot.takenAt)
        add("meta", "source_host", snapshot.source.host)
        add("meta", "source_port", snapshot.source.port)
        add("meta", "source_database", snapshot.source.database)
        add("meta", "server_version", snapshot.source.serverVersion)
        return "sha256:" + SHA256.hex(CanonicalText.document(header: header, lines: lines))
    }
}
