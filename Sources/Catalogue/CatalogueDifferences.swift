/// What differs between two catalogues, by name: the short list `snapshot check` and a stale plan print.
public struct CatalogueChange: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case product
        case productBlock = "product block"
        case resourceType = "resource type"
        case workflow
    }

    public enum Change: Hashable, Sendable, Codable {
        case added
        case removed
        /// The names of the aspects that differ, for example `description` or `fixed inputs`.
        case changed([String])
    }

    public var kind: Kind
    public var name: String
    public var change: Change

    public init(kind: Kind, name: String, change: Change) {
        self.kind = kind
        self.name = name
        self.change = change
    }

    /// The plan's labels and markers: `+ product "User partner"`, `- product block "UserGroupBlock"`,
    /// `~ product "User internal": description, fixed inputs`.
    public var description: String {
        let subject = "\(kind.rawValue) \(TextEscaping.jsonQuote(name))"
        switch change {
        case .added: return "+ \(subject)"
        case .removed: return "- \(subject)"
        case .changed(let aspects): return "~ \(subject): \(aspects.joined(separator: ", "))"
        }
    }
}

extension DatabaseCatalogue {
    /// The changes that turn `self` into `other`, ordered by kind, then name.
    ///
    /// Relations are reported on the entity that owns them: a product's fixed inputs, product blocks and
    /// workflows; a block's resource types and the blocks it depends on (with min/max).
    public func changes(to other: DatabaseCatalogue) -> [CatalogueChange] {
        let before = self.aspects()
        let after = other.aspects()
        var result: [CatalogueChange] = []
        for kind in CatalogueChange.Kind.allCases {
            let old = before[kind] ?? [:]
            let new = after[kind] ?? [:]
            let names = Set(old.keys).union(new.keys).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for name in names {
                switch (old[name], new[name]) {
                case (nil, .some): result.append(CatalogueChange(kind: kind, name: name, change: .added))
                case (.some, nil): result.append(CatalogueChange(kind: kind, name: name, change: .removed))
                case (.some(let a), .some(let b)) where a != b:
                    let differing = Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
                    result.append(CatalogueChange(kind: kind, name: name, change: .changed(differing)))
                default: break
                }
            }
        }
        return result
    }

    /// Every entity by kind and name, described as aspect name → canonical value.
    private func aspects() -> [CatalogueChange.Kind: [String: [String: String]]] {
        let names = CatalogueNames(self)
        func list(_ values: [String]) -> String {
            values.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.joined(separator: "\u{1f}")
        }
        func group<Row>(_ rows: [Row], key: (Row) -> RowID, value: (Row) -> String) -> [RowID: String] {
            Dictionary(grouping: rows, by: key).mapValues { list($0.map(value)) }
        }
        let fixedInputs = group(fixedInputs, key: \.productID) { "\($0.name)=\($0.value)" }
        let rootBlocks = group(productProductBlocks, key: \.productID) {
            names.productBlocks[$0.productBlockID] ?? $0.productBlockID
        }
        let workflowsOfProduct = group(productsWorkflows, key: \.productID) {
            names.workflows[$0.workflowID] ?? $0.workflowID
        }
        let resourceTypesOfBlock = group(productBlockResourceTypes, key: \.productBlockID) {
            names.resourceTypes[$0.resourceTypeID] ?? $0.resourceTypeID
        }
        let dependsOn = group(productBlockRelations, key: \.inUseByID) {
            "\(names.productBlocks[$0.dependsOnID] ?? $0.dependsOnID) min=\($0.min.map(String.init) ?? "none") max=\($0.max.map(String.init) ?? "none")"
        }

        var result: [CatalogueChange.Kind: [String: [String: String]]] = [:]
        for p in products {
            result[.product, default: [:]][p.name] = [
                "description": p.description, "product type": p.productType, "tag": p.tag, "status": p.status,
                "end date": p.endDate == nil ? "none" : "set",
                "fixed inputs": fixedInputs[p.productID] ?? "",
                "product blocks": rootBlocks[p.productID] ?? "",
                "workflows": workflowsOfProduct[p.productID] ?? "",
            ]
        }
        for b in productBlocks {
            result[.productBlock, default: [:]][b.name] = [
                "description": b.description, "tag": b.tag ?? "\u{0}", "status": b.status ?? "\u{0}",
                "end date": b.endDate == nil ? "none" : "set",
                "resource types": resourceTypesOfBlock[b.productBlockID] ?? "",
                "depends on": dependsOn[b.productBlockID] ?? "",
            ]
        }
        for r in resourceTypes {
            result[.resourceType, default: [:]][r.name] = ["description": r.description ?? "\u{0}"]
        }
        for w in workflows {
            result[.workflow, default: [:]][w.name] = [
                "description": w.description, "target": w.target, "is task": w.isTask ? "true" : "false",
                "deleted": w.deletedAt == nil ? "false" : "true",
            ]
        }
        return result
    }
}
