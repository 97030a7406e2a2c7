import Catalogue

/// `models show` as text: products, then product blocks, then diagnostics.
enum ModelSetText {
    static func render(_ modelSet: ModelSet) -> String {
        func sorted<T>(_ dictionary: [String: T]) -> [(String, T)] {
            dictionary.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        }
        var lines: [String] = []
        lines.append("Products (\(modelSet.products.count))")
        for (name, product) in sorted(modelSet.products) {
            lines.append("  \(name)  [\(product.productType)]")
            for (input, model) in sorted(product.fixedInputs) {
                let values = model.values.map { " = one of \($0.joined(separator: ", "))" } ?? ""
                lines.append("    fixed input \(input): \(model.type)\(values)")
            }
            lines.append("    product blocks: \(product.productBlocks.joined(separator: ", "))")
        }
        lines.append("")
        lines.append("Product blocks (\(modelSet.productBlocks.count))")
        for (name, block) in sorted(modelSet.productBlocks) {
            lines.append("  \(name)")
            if !block.resourceTypes.isEmpty {
                lines.append("    resource types: \(block.resourceTypes.joined(separator: ", "))")
            }
            for (dependency, relation) in sorted(block.dependsOn) {
                let attributes = sorted(relation.attributes).map { attribute, bounds in
                    bounds.min == nil && bounds.max == nil
                        ? attribute
                        : "\(attribute) [\(bounds.min.map(String.init) ?? "")..\(bounds.max.map(String.init) ?? "")]"
                }
                lines.append("    depends on \(dependency) via \(attributes.joined(separator: ", "))")
            }
        }
        if !modelSet.diagnostics.isEmpty {
            lines.append("")
            lines.append("Diagnostics (\(modelSet.diagnostics.count))")
            for diagnostic in modelSet.diagnostics.sorted() {
                lines.append("  \(diagnostic.severity == .note ? "note: " : "")\(diagnostic)")
            }
            if modelSet.isIncomplete {
                lines.append(
                    "The model set is incomplete: `plan` refuses it unless --allow-incomplete-models is given.")
            }
        }
        return lines.joined(separator: "\n")
    }
}
