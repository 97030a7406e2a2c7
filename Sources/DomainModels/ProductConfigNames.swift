import PythonSource

extension ProductConfig {
    /// Attributes of orchestrator-core 5.5.0's `SubscriptionModel`: a fixed input or the root block's attribute
    /// with one of these names would replace it (`description`, `status`, `product`, ...) or a method.
    static let subscriptionAttributes: Set<String> = [
        "construct", "copy", "customer_id", "db_model", "description", "dict", "diff_product_in_database", "end_date",
        "from_orm", "from_other_lifecycle", "from_other_product", "from_product_id", "from_subscription", "insync",
        "json", "model_config", "note", "parse_file", "parse_obj", "parse_raw", "product", "save", "schema",
        "schema_json", "start_date", "status", "subscription_id", "update_forward_refs", "validate", "version",
    ]

    /// Attributes and class variables of orchestrator-core 5.5.0's `ProductBlockModel`, and `title`, the generated
    /// computed field. (A field `description` or `product_block_id` would shadow the class variable
    /// orchestrator-core reads when it makes an instance.)
    static let blockAttributes: Set<String> = [
        "construct", "copy", "db_model", "depends_on", "description", "dict", "diff_product_block_in_database",
        "from_db", "product_block_id", "tag",
        "from_orm", "in_use_by", "json", "label", "model_config", "name", "new", "owner_subscription_id",
        "parse_file", "parse_obj", "parse_raw", "registry", "save", "schema", "schema_json", "subscription",
        "subscription_instance_id", "title", "update_forward_refs", "validate",
    ]

    /// orchestrator-core's `camel_to_snake` (docs/orchestrator-core.md §5.3): `MyProduct` → `my_product`,
    /// `IPBGPService` → `ipbgp_service`. The generator's module and variable names.
    public static func camelToSnake(_ name: String) -> String {
        let characters = Array(name)
        var out = ""
        for (index, character) in characters.enumerated() {
            if character.isUppercase, index > 0 {
                let previous = characters[index - 1]
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                // (.)([A-Z][a-z]+) and ([a-z0-9])([A-Z]), as the two regular expressions do.
                if previous.isLowercase || previous.isNumber || next?.isLowercase == true {
                    out += "_"
                }
            }
            out += String(character)
        }
        return out.lowercased()
    }

    /// Every name the generated code is built from must be a Python name that replaces nothing of
    /// orchestrator-core's (orchestrator-core does not check: `My Product 9000+` becomes the module
    /// `my _product 9000+`, a field `class` a syntax error, a fixed input `status` breaks the subscription).
    func checkNames(fail: (Place, String) -> DomainModelsError) throws(DomainModelsError) {
        /// `what` names the thing with `text` in it: "field 'class' of block 'Port'".
        func usable(_ text: String, _ what: String, at place: Place) throws(DomainModelsError) {
            guard PythonIdentifier.isUsable(text) else {
                throw fail(
                    place,
                    "\(what) is not a Python name (letters, digits and _, not starting with a digit, not a keyword)"
                )
            }
        }
        try usable(type, "the product type '\(type)'", at: place)
        let module = variable ?? Self.camelToSnake(name)
        try usable(module, "the product's module name '\(module)' (from variable, else from name)", at: place)
        for input in fixedInputs {
            try usable(input.name, "the fixed input name '\(input.name)'", at: input.place)
            guard !Self.subscriptionAttributes.contains(input.name) else {
                throw fail(
                    input.place, "the fixed input '\(input.name)' would replace SubscriptionModel's own attribute")
            }
        }
        for block in productBlocks {
            try usable(block.type, "the product block type '\(block.type)'", at: block.place)
            try usable(block.name, "the product block name '\(block.name)'", at: block.place)
            let blockModule = block.variable ?? Self.camelToSnake(block.name)
            try usable(blockModule, "the module name '\(blockModule)' of block '\(block.type)'", at: block.place)
            for field in block.fields {
                try usable(field.name, "field '\(field.name)' of block '\(block.type)'", at: field.place)
                guard !Self.blockAttributes.contains(field.name) else {
                    throw fail(
                        field.place,
                        "the field '\(field.name)' of block '\(block.type)' would replace ProductBlockModel's own attribute (or the generated title)"
                    )
                }
            }
        }
    }

    /// The root block is an attribute of the subscription, beside the fixed inputs.
    func checkRootName(_ root: Block, fail: (Place, String) -> DomainModelsError) throws(DomainModelsError) {
        if Self.subscriptionAttributes.contains(root.name) {
            throw fail(
                root.place, "the root block's name '\(root.name)' would replace SubscriptionModel's own attribute")
        }
        if fixedInputs.contains(where: { $0.name == root.name }) {
            throw fail(root.place, "the root block's name '\(root.name)' is also the name of a fixed input")
        }
    }
}
