import Catalogue
import PythonSource

/// Builds the model set from the registry: products with their fixed inputs and root blocks, then every block reachable
/// from them (docs/orchestrator-core.md §2.2 `map_product_blocks`: the first class reached for a name is the one read).
struct ModelSetBuilder {
    let classes: ClassResolver
    private var analyzer: FieldTypeAnalyzer { FieldTypeAnalyzer(classes: classes) }

    func build(_ registry: [RegistryEntry]) -> ModelSet {
        var modelSet = ModelSet()
        var queue: [(name: String, projectClass: ProjectClass)] = []
        for entry in registry {
            let productClass = entry.productClass
            var product = ProductModel(productType: productClass.name)
            var blockNames: Set<String> = []
            for field in productClass.fields {
                let type = classify(field, of: productClass)
                switch type.classification {
                case .unknown:
                    continue
                case .block:
                    for block in type.blocks {
                        let concrete = classes.concreteBlocks(for: block)
                        blockNames.formUnion(concrete.map(\.name))
                        queue += concrete
                    }
                case .scalar:
                    product.fixedInputs[field.name] = FixedInputModel(
                        type: PythonUnparser.unparse(field.annotation),
                        values: enumValues(field.annotation, in: productClass.module))
                }
            }
            product.productBlocks = blockNames.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            modelSet.products[entry.name] = product
        }

        var position = 0
        while position < queue.count {
            let (name, blockClass) = queue[position]
            position += 1
            guard modelSet.productBlocks[name] == nil else { continue }
            var block = ProductBlockModel()
            var resourceTypes: [String] = []
            for field in blockClass.fields {
                let type = classify(field, of: blockClass)
                switch type.classification {
                case .unknown:
                    continue
                case .scalar:
                    resourceTypes.append(field.name)
                    continue
                case .block:
                    break
                }
                let bounds = type.isList ? type.bounds : ListBounds()
                for referenced in type.blocks {
                    for concrete in classes.concreteBlocks(for: referenced) {
                        block.dependsOn[concrete.name, default: BlockDependency()].attributes[field.name] = bounds
                        queue.append(concrete)
                    }
                }
            }
            block.resourceTypes = Array(Set(resourceTypes)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            modelSet.productBlocks[name] = block
        }
        return modelSet
    }

    /// What a field of a class is. A field that is neither a block nor positively a scalar is left out, with a
    /// diagnostic (the analyzer gives one for whatever it could not resolve; this one covers an annotation that
    /// names no type at all, such as `None`).
    private func classify(
        _ field: (name: String, annotation: PythonExpression, line: Int), of owner: ProjectClass
    ) -> FieldType {
        let place = FieldTypeAnalyzer.Field(file: owner.module.file, line: field.line, name: field.name)
        let type = analyzer.analyze(field.annotation, in: owner.module, field: place)
        if type.classification == .unknown && !type.isUnresolved {
            classes.modules.diagnose(
                place.file, place.line,
                "field '\(field.name)': '\(PythonUnparser.unparse(field.annotation))' names no type the reader can classify; the field is left out"
            )
        }
        return type
    }

    /// The enum's values when the annotation names an enum class directly.
    private func enumValues(_ annotation: PythonExpression, in module: ProjectModule) -> [String]? {
        guard case .projectClass(let enumClass)? = classes.names.resolve(annotation, in: module),
            classes.kind(of: enumClass).isEnum
        else { return nil }
        return classes.enumValues(of: enumClass)?.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
