import Catalogue

extension ProductConfig.Checked {
    /// The model set the generated code defines: one product per variant with its fixed inputs and root block, the
    /// config's blocks with their resource types and the blocks they use (the config's and existing ones, by their
    /// catalogue names).
    public var modelSet: ModelSet {
        var models = ModelSet()
        let config = self.config
        func name(ofType type: String) -> String? { config.block(ofType: type)?.blockName ?? external[type]?.blockName }
        for block in config.productBlocks {
            var model = ProductBlockModel()
            for field in block.fields {
                let referenced = field.type == "list" ? (field.listType ?? "") : field.type
                if let target = name(ofType: referenced) {
                    let bounds =
                        field.type == "list" ? ListBounds(min: field.minItems ?? 0, max: field.maxItems) : ListBounds()
                    model.dependsOn[target, default: BlockDependency()].attributes[field.name] = bounds
                } else {
                    model.resourceTypes.append(field.name)
                }
            }
            model.resourceTypes = model.resourceTypes.byteSorted()
            models.productBlocks[block.blockName] = model
        }
        var fixedInputs: [String: FixedInputModel] = [:]
        for input in config.fixedInputs {
            let type =
                input.type == "enum"
                ? YAMLProductConfig.enumClassName(input.name) : String(input.type.split(separator: ".").last ?? "")
            fixedInputs[input.name] = FixedInputModel(
                type: type, values: input.type == "enum" ? input.values.byteSorted() : nil)
        }
        for variant in config.variants {
            models.products[variant.name] = ProductModel(
                productType: config.type, fixedInputs: fixedInputs, productBlocks: [root.blockName])
        }
        return models
    }

    /// The answers a migration of the config needs, as `--inputs`: each variant's description, tag and fixed-input
    /// values, each block's description and tag, each resource type's description (its field's, else its name).
    /// A fixed input with neither `values` nor a `default` has no value: it is left out (the planner then asks).
    public var inputs: [String: [String: String]] {
        var inputs: [String: [String: String]] = [:]
        for variant in config.variants {
            var values = ["description": config.description, "tag": config.tag]
            for (name, value) in variant.fixedInputs { if let value { values[name] = value } }
            inputs[variant.name] = values
        }
        for block in config.productBlocks {
            inputs[block.blockName] = ["description": block.description, "tag": block.tag]
            for field in block.fields where inputs[field.name] == nil {
                let referenced = field.type == "list" ? (field.listType ?? "") : field.type
                guard config.block(ofType: referenced) == nil, external[referenced] == nil else { continue }
                inputs[field.name] = ["description": field.description ?? field.name]
            }
        }
        return inputs
    }
}
