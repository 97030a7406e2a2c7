/// A SHA-256 over the *meaning* of a catalogue: what a migration plan depends on.
///
/// Included: every name, description, product type, tag, status, fixed-input value, the relations between
/// products, product blocks, resource types and workflows (by name, with the min/max of block relations), a
/// workflow's target and task flag, and whether a product or block has an end date or a workflow is deleted.
/// Left out: UUIDs, timestamps and counts. So the same catalogue loaded in another order, or with other UUIDs,
/// has the same fingerprint; a new subscription does not change it; any change of meaning does.
///
/// The serialisation (`canonicalText`) is documented in docs/snapshot-format.md; its first line names the
/// format version so a future change of the rules cannot be confused with a change of the catalogue.
public struct CatalogueFingerprint: Hashable, Sendable, CustomStringConvertible {
    /// `sha256:` followed by 64 hex digits.
    public let value: String

    public static let header = "orchestrator-planner catalogue fingerprint 1"

    public init(of catalogue: DatabaseCatalogue) {
        value = "sha256:" + SHA256.hex(Self.canonicalText(of: catalogue))
    }

    /// Wraps a stored fingerprint value.
    public init(value: String) { self.value = value }

    public var description: String { value }

    /// The canonical text whose SHA-256 is the fingerprint.
    public static func canonicalText(of catalogue: DatabaseCatalogue) -> String {
        let names = CatalogueNames(catalogue)
        // A relation to a row that is missing (only possible in a damaged file; `validate()` rejects it) is kept
        // visible under its id rather than dropped, so damage still changes the fingerprint.
        func name(_ id: RowID, _ map: [RowID: String]) -> String { map[id] ?? "\u{0}missing:\(id)" }
        func flag(_ value: Bool) -> String { value ? "true" : "false" }
        func number(_ value: Int?) -> String? { value.map(String.init) }

        var lines: [String] = []
        lines.reserveCapacity(
            catalogue.products.count + catalogue.fixedInputs.count + catalogue.productBlocks.count
                + catalogue.resourceTypes.count + catalogue.productProductBlocks.count
                + catalogue.productBlockRelations.count + catalogue.productBlockResourceTypes.count
                + catalogue.workflows.count + catalogue.productsWorkflows.count)
        for p in catalogue.products {
            lines.append(CanonicalText.line(
                ["product", p.name, p.productType, p.tag, p.status, flag(p.endDate != nil), p.description]))
        }
        for f in catalogue.fixedInputs {
            lines.append(CanonicalText.line(["fixed_input", name(f.productID, names.products), f.name, f.value]))
        }
        for b in catalogue.productBlocks {
            lines.append(CanonicalText.line(
                ["product_block", b.name, b.tag, b.status, flag(b.endDate != nil), b.description]))
        }
        for r in catalogue.resourceTypes {
            lines.append(CanonicalText.line(["resource_type", r.name, r.description]))
        }
        for r in catalogue.productProductBlocks {
            lines.append(CanonicalText.line([
                "product_product_block", name(r.productID, names.products), name(r.productBlockID, names.productBlocks),
            ]))
        }
        for r in catalogue.productBlockRelations {
            lines.append(CanonicalText.line([
                "product_block_relation", name(r.inUseByID, names.productBlocks),
                name(r.dependsOnID, names.productBlocks), number(r.min), number(r.max),
            ]))
        }
        for r in catalogue.productBlockResourceTypes {
            lines.append(CanonicalText.line([
                "product_block_resource_type", name(r.productBlockID, names.productBlocks),
                name(r.resourceTypeID, names.resourceTypes),
            ]))
        }
        for w in catalogue.workflows {
            lines.append(CanonicalText.line(
                ["workflow", w.name, w.target, flag(w.isTask), flag(w.deletedAt != nil), w.description]))
        }
        for r in catalogue.productsWorkflows {
            lines.append(CanonicalText.line([
                "product_workflow", name(r.productID, names.products), name(r.workflowID, names.workflows),
            ]))
        }
        return CanonicalText.document(header: header, lines: lines)
    }
}
