/// The nine catalogue tables, each described once: its columns with their kinds, its key, and which columns carry
/// its meaning. The snapshot file's tables and rows, the catalogue reader's queries, the content digest and the
/// fingerprint are all derived from these descriptions (docs/snapshot-format.md).

/// A value of a catalogue row as stored: text (UUIDs and timestamps are text as PostgreSQL prints them), an
/// integer (a flag is 1 or 0), or NULL.
public enum CatalogueValue: Hashable, Sendable {
    case text(String)
    case integer(Int)
    case null

    /// The value in the canonical text of digests: text as it is, integers in decimal, NULL as nil.
    public var canonical: String? {
        switch self {
        case .text(let text): return text
        case .integer(let number): return String(number)
        case .null: return nil
        }
    }
}

/// One column of a catalogue table.
public struct CatalogueColumn: Sendable {
    public enum Kind: Sendable, Equatable {
        /// The row's UUID.
        case id
        /// A UUID naming a row of another table.
        case reference(table: String)
        case text
        case integer
        /// A boolean, stored as 1 or 0.
        case flag
        case timestamp
    }

    public let name: String
    public let kind: Kind
    public let optional: Bool

    public init(_ name: String, _ kind: Kind, optional: Bool = false) {
        self.name = name
        self.kind = kind
        self.optional = optional
    }

    /// How the catalogue reader selects it from PostgreSQL: UUIDs and timestamps as text.
    public var postgresExpression: String {
        switch kind {
        case .id, .reference, .timestamp: return "\(name)::text"
        case .text, .integer, .flag: return name
        }
    }

    /// The SQLite type of its snapshot column.
    public var sqliteType: String {
        switch kind {
        case .integer, .flag: return "INTEGER"
        case .id, .reference, .text, .timestamp: return "TEXT"
        }
    }
}

/// One catalogue table.
public struct CatalogueTableSchema: Sendable {
    /// The table's name, in PostgreSQL and in the snapshot file.
    public let name: String
    public let columns: [CatalogueColumn]
    /// The primary key; rows are stored in its order.
    public let key: [String]
    /// The column other tables' references show in the fingerprint (a product's name, not its UUID).
    public let nameColumn: String?
    /// The fingerprint's record: its tag, then the columns of meaning in order. Ids and timestamps never take part;
    /// an optional timestamp counts as a flag (set or not), a reference by the referenced row's name.
    public let fingerprintTag: String
    public let fingerprintColumns: [String]

    public init(
        name: String, columns: [CatalogueColumn], key: [String], nameColumn: String? = nil, fingerprintTag: String,
        fingerprintColumns: [String]
    ) {
        self.name = name
        self.columns = columns
        self.key = key
        self.nameColumn = nameColumn
        self.fingerprintTag = fingerprintTag
        self.fingerprintColumns = fingerprintColumns
    }

    public func index(of column: String) -> Int? { columns.firstIndex { $0.name == column } }

    /// `CREATE TABLE` for the snapshot file.
    public var sqliteDefinition: String {
        let columnSQL = columns.map { "\($0.name) \($0.sqliteType)\($0.optional ? "" : " NOT NULL")" }
        return
            "CREATE TABLE \(name) (\(columnSQL.joined(separator: ", ")), PRIMARY KEY (\(key.joined(separator: ", "))))"
    }

    /// The catalogue reader's query.
    public var postgresSelect: String {
        "SELECT \(columns.map(\.postgresExpression).joined(separator: ", ")) FROM \(name)"
    }
}

/// A row of one catalogue table: its values in column order, and back.
public protocol CatalogueRow: Hashable, Sendable {
    static var schema: CatalogueTableSchema { get }
    /// Where a catalogue keeps its rows of this table.
    static var rows: WritableKeyPath<DatabaseCatalogue, [Self]> { get }
    var values: [CatalogueValue] { get }
    /// Builds a row from stored values, checked against the schema by `CatalogueRows.decode`.
    init(checked values: [CatalogueValue])
}

extension CatalogueRow {
    /// A row from stored values (a snapshot file, a query result): each value of the column's kind, or an error
    /// naming the column.
    public static func decode(_ values: [CatalogueValue]) throws(CatalogueError) -> Self {
        let columns = schema.columns
        guard values.count == columns.count else {
            throw CatalogueError(
                .inconsistent, "\(schema.name) has \(values.count) columns instead of \(columns.count)")
        }
        for (column, value) in zip(columns, values) {
            let fits: Bool
            switch (column.kind, value) {
            case (_, .null): fits = column.optional
            case (.integer, .integer), (.flag, .integer(0)), (.flag, .integer(1)): fits = true
            case (.id, .text), (.reference, .text), (.text, .text), (.timestamp, .text): fits = true
            default: fits = false
            }
            guard fits else {
                throw CatalogueError(
                    .inconsistent,
                    "\(schema.name).\(column.name) holds \(value), which is not \(column.optional ? "" : "a non-NULL ")\(column.kind)"
                )
            }
        }
        return Self(checked: values)
    }

    /// The primary key's values, for ordering rows.
    public var keyValues: [String] {
        Self.schema.key.map { key in Self.schema.index(of: key).flatMap { values[$0].canonical } ?? "" }
    }
}

/// The catalogue tables in the order the file, the reader and the fingerprint list them.
public enum CatalogueSchema {
    public static let rowTypes: [any CatalogueRow.Type] = [
        Product.self, FixedInput.self, ProductBlock.self, ResourceType.self, ProductProductBlock.self,
        ProductBlockRelation.self, ProductBlockResourceType.self, Workflow.self, ProductWorkflow.self,
    ]

    public static var tables: [CatalogueTableSchema] { rowTypes.map { $0.schema } }
}

extension CatalogueValue {
    /// Reads a value of `column` from the text PostgreSQL returned (`nil` for NULL).
    public static func fromPostgres(_ text: String?, _ column: CatalogueColumn) -> CatalogueValue? {
        guard let text else { return .null }
        switch column.kind {
        case .integer: return Int(text).map(CatalogueValue.integer)
        case .flag: return text == "t" ? .integer(1) : text == "f" ? .integer(0) : nil
        case .id, .reference, .text, .timestamp: return .text(text)
        }
    }

    var text: String {
        if case .text(let value) = self { return value }
        return ""
    }

    var optionalText: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    var optionalInteger: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }
}
