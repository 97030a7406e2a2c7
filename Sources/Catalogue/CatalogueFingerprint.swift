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

    /// The canonical text whose SHA-256 is the fingerprint: one record per row of each table, with the columns
    /// `CatalogueTableSchema.fingerprintColumns` names (docs/snapshot-format.md).
    public static func canonicalText(of catalogue: DatabaseCatalogue) -> String {
        // Names of rows that others reference: table → id → name.
        var names: [String: [RowID: String]] = [:]
        func collectNames<Row: CatalogueRow>(_ type: Row.Type) {
            guard let nameIndex = Row.schema.nameColumn.flatMap(Row.schema.index(of:)),
                let idIndex = Row.schema.columns.firstIndex(where: { $0.kind == .id })
            else { return }
            var map: [RowID: String] = [:]
            for row in catalogue[keyPath: Row.rows] {
                let values = row.values
                map[values[idIndex].text] = map[values[idIndex].text] ?? values[nameIndex].text
            }
            names[Row.schema.name] = map
        }
        for type in CatalogueSchema.rowTypes { collectNames(type) }

        var lines: [String] = []
        func addLines<Row: CatalogueRow>(_ type: Row.Type) {
            let schema = Row.schema
            let columns = schema.fingerprintColumns.compactMap { name in
                schema.index(of: name).map { ($0, schema.columns[$0]) }
            }
            for row in catalogue[keyPath: Row.rows] {
                let values = row.values
                var fields: [String?] = [schema.fingerprintTag]
                for (index, column) in columns {
                    let value = values[index]
                    switch column.kind {
                    case .reference(let table):
                        // A relation to a row that is missing (only in a damaged file; `validate()` rejects it) stays
                        // visible under its id rather than dropped, so damage still changes the fingerprint.
                        fields.append(names[table]?[value.text] ?? "\u{0}missing:\(value.text)")
                    case .timestamp: fields.append(value == .null ? "false" : "true")
                    case .flag: fields.append(value == .integer(1) ? "true" : "false")
                    case .id, .text, .integer: fields.append(value.canonical)
                    }
                }
                lines.append(CanonicalText.line(fields))
            }
        }
        for type in CatalogueSchema.rowTypes { addLines(type) }
        return CanonicalText.document(header: header, lines: lines)
    }
}
