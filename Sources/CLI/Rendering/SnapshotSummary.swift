import Catalogue
import Foundation

/// The `snapshot show` report, as text or JSON.
struct SnapshotSummary {
    let file: String
    let snapshot: CatalogueSnapshot
    let now: Date

    private var ageSeconds: Int? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let taken = formatter.date(from: snapshot.takenAt) else { return nil }
        return Int(now.timeIntervalSince(taken).rounded(.down))
    }

    static func describeAge(_ seconds: Int) -> String {
        if seconds < 0 { return "in the future" }
        if seconds < 120 { return "\(seconds) seconds ago" }
        if seconds < 7_200 { return "\(seconds / 60) minutes ago" }
        if seconds < 172_800 { return "\(seconds / 3_600) hours ago" }
        return "\(seconds / 86_400) days ago"
    }

    private func subscriptionsByStatus() -> [(String, Int)] {
        Dictionary(grouping: snapshot.counts.subscriptions, by: \.status)
            .mapValues { $0.reduce(0) { $0 + $1.count } }
            .sorted { $0.key < $1.key }
    }

    private var productsByName: [Product] { snapshot.catalogue.products.sorted { $0.name < $1.name } }
    private var blocksByName: [ProductBlock] { snapshot.catalogue.productBlocks.sorted { $0.name < $1.name } }

    func text() -> String {
        let c = snapshot.catalogue
        var lines: [String] = []
        lines.append("Snapshot \(file)")
        lines.append("  source:       \(snapshot.source.display) (PostgreSQL \(snapshot.source.serverVersion))")
        let age = ageSeconds.map { " (\(Self.describeAge($0)))" } ?? ""
        lines.append("  taken at:     \(snapshot.takenAt)\(age)")
        lines.append("  taken by:     orchestrator-planner \(snapshot.toolVersion)")
        lines.append("  fingerprint:  \(snapshot.fingerprint)")
        let revisions = snapshot.alembicVersions.isEmpty ? "(none)" : snapshot.alembicVersions.joined(separator: ", ")
        lines.append("  alembic:      \(revisions)")
        lines.append("")
        lines.append("Rows per table")
        let width = c.rowCounts.map(\.table.count).max() ?? 0
        for (table, rows) in c.rowCounts {
            lines.append("  \(table.padding(toLength: width, withPad: " ", startingAt: 0))  \(rows)")
        }
        lines.append("")
        let statuses = subscriptionsByStatus().map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        lines.append(
            "Subscriptions: \(snapshot.counts.totalSubscriptions)" + (statuses.isEmpty ? "" : " (\(statuses))"))
        lines.append(
            "Subscription instances: \(snapshot.counts.totalInstances), instance values: \(snapshot.counts.totalValues)"
        )
        if !c.products.isEmpty {
            lines.append("")
            lines.append("Products")
            let nameWidth = c.products.map(\.name.count).max() ?? 0
            for p in productsByName {
                let count = snapshot.counts.subscriptionCount(productID: p.productID)
                lines.append(
                    "  \(p.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0))  \(p.productType) [\(p.tag)] \(p.status), \(count) subscriptions"
                )
            }
        }
        if !c.productBlocks.isEmpty {
            lines.append("")
            lines.append("Product blocks")
            let nameWidth = c.productBlocks.map(\.name.count).max() ?? 0
            for b in blocksByName {
                let count = snapshot.counts.instanceCount(productBlockID: b.productBlockID)
                lines.append(
                    "  \(b.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0))  \(count) instances")
            }
        }
        return lines.joined(separator: "\n")
    }

    func json() throws -> String {
        struct Source: Encodable { let host, port, database, server_version: String }
        struct ProductEntry: Encodable {
            let name, product_type, tag, status: String
            let subscriptions: Int
        }
        struct BlockEntry: Encodable {
            let name: String
            let instances: Int
        }
        struct Document: Encodable {
            let file: String
            let format_version: Int
            let tool_version: String
            let taken_at: String
            let age_seconds: Int?
            let source: Source
            let fingerprint: String
            let alembic_versions: [String]
            let tables: [String: Int]
            let subscriptions: [String: Int]
            let subscriptions_total: Int
            let instances_total: Int
            let values_total: Int
            let products: [ProductEntry]
            let product_blocks: [BlockEntry]
        }
        let document = Document(
            file: file, format_version: 1, tool_version: snapshot.toolVersion, taken_at: snapshot.takenAt,
            age_seconds: ageSeconds,
            source: Source(
                host: snapshot.source.host, port: snapshot.source.port, database: snapshot.source.database,
                server_version: snapshot.source.serverVersion),
            fingerprint: snapshot.fingerprint.value, alembic_versions: snapshot.alembicVersions,
            tables: Dictionary(uniqueKeysWithValues: snapshot.catalogue.rowCounts.map { ($0.table, $0.rows) }),
            subscriptions: Dictionary(uniqueKeysWithValues: subscriptionsByStatus()),
            subscriptions_total: snapshot.counts.totalSubscriptions, instances_total: snapshot.counts.totalInstances,
            values_total: snapshot.counts.totalValues,
            products: productsByName.map {
                ProductEntry(
                    name: $0.name, product_type: $0.productType, tag: $0.tag, status: $0.status,
                    subscriptions: snapshot.counts.subscriptionCount(productID: $0.productID))
            },
            product_blocks: blocksByName.map {
                BlockEntry(name: $0.name, instances: snapshot.counts.instanceCount(productBlockID: $0.productBlockID))
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }
}
