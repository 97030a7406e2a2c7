import Catalogue

/// A SHA-256 over *everything* a snapshot file holds (ids, timestamps, counts and metadata too), stored in its
/// `meta` table. Where the fingerprint answers "is this still the same catalogue?", the digest answers "is this
/// still the file the tool wrote?": any edit of any row, or a lost row, changes it.
enum SnapshotDigest {
    static let header = "orchestrator-planner snapshot content 1"

    static func compute(_ snapshot: CatalogueSnapshot) -> String {
        let c = snapshot.catalogue
        var lines: [String] = []
        func add(_ fields: String?...) { lines.append(CanonicalText.line(fields)) }
        func number(_ value: Int?) -> String? { value.map(String.init) }
        for p in c.products {
            add("products", p.productID, p.name, p.description, p.productType, p.tag, p.status, p.createdAt, p.endDate)
        }
        for f in c.fixedInputs { add("fixed_inputs", f.fixedInputID, f.name, f.value, f.createdAt, f.productID) }
        for b in c.productBlocks {
            add("product_blocks", b.productBlockID, b.name, b.description, b.tag, b.status, b.createdAt, b.endDate)
        }
        for r in c.resourceTypes { add("resource_types", r.resourceTypeID, r.name, r.description) }
        for r in c.productProductBlocks { add("product_product_blocks", r.productID, r.productBlockID) }
        for r in c.productBlockRelations {
            add("product_block_relations", r.inUseByID, r.dependsOnID, number(r.min), number(r.max))
        }
        for r in c.productBlockResourceTypes { add("product_block_resource_types", r.productBlockID, r.resourceTypeID) }
        for w in c.workflows {
            add("workflows", w.workflowID, w.name, w.target, w.description, w.createdAt, w.deletedAt, w.isTask ? "1" : "0")
        }
        for r in c.productsWorkflows { add("products_workflows", r.productID, r.workflowID) }
        for v in snapshot.alembicVersions { add("alembic_version", v) }
        for s in snapshot.counts.subscriptions { add("subscription_counts", s.productID, s.status, String(s.count)) }
        for i in snapshot.counts.instances { add("instance_counts", i.productBlockID, String(i.count)) }
        for v in snapshot.counts.values { add("value_counts", v.productBlockID, v.resourceTypeID, String(v.count)) }
        add("meta", "tool_version", snapshot.toolVersion)
        add("meta", "taken_at", snapshot.takenAt)
        add("meta", "source_host", snapshot.source.host)
        add("meta", "source_port", snapshot.source.port)
        add("meta", "source_database", snapshot.source.database)
        add("meta", "server_version", snapshot.source.serverVersion)
        return "sha256:" + SHA256.hex(CanonicalText.document(header: header, lines: lines))
    }
}
