import Catalogue

/// Builds the model set from the registry: products with their fixed inputs and root blocks, then every block
/// reachable from them (spec §2.2 `map_product_blocks`: the first class reached for a name is the one read).
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
                let type = analyzer.analyze(field.annotation, in: productClass.module, line: field.line)
                if type.isUnresolved { continue }
                if type.isBlockField {
                    for block in type.blocks {
                        let concrete = classes.concreteBlocks(for: block)
                        blockNames.formUnion(concrete.map(\.name))
                        queue += concrete
                    }
                } else {
                    product.fixedInputs[field.name] = FixedInputModel(
                        type: PythonUnparser.unparse(field.annotation), values: enumValues(field.annotation, in: productClass.module))
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
                let type = analyzer.analyze(field.annotation, in: blockClass.module, line: field.line)
                if type.isUnresolved { continue }
                guard type.isBlockField else {
                    resourceTypes.append(field.name)
                    continue
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

    /// The enum's values when the annotation names an enum class directly.
    private func enumValues(_ annotation: PythonExpression, in module: ProjectModule) -> [String]? {
        guard case .projectClass(let enumClass)? = classes.names.resolve(annotation, in: module),
              classes.kind(of: enumClass).isEnum
        else { return nil }
        return classes.enumValues(of: enumClass).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
