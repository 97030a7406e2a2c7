import Catalogue

/// The name lookups every statement uses (docs/orchestrator-core.md §2.8: `(SELECT x.id FROM x WHERE x.name IN
/// (...))`), with every literal quoted by `SQLLiteral`.
struct SQLNames {
    static func quoted(_ value: String) throws(PlannerError) -> String {
        do throws(SQLLiteral.Failure) {
            return try SQLLiteral.quote(value)
        } catch {
            throw PlannerError(.invalidValue, "\(error.description); remove it from the answers")
        }
    }

    static func quotedOptional(_ value: String?) throws(PlannerError) -> String {
        guard let value else { return "NULL" }
        return try quoted(value)
    }

    static func list(_ values: [String]) throws(PlannerError) -> String {
        var parts: [String] = []
        for value in values { parts.append(try quoted(value)) }
        return parts.joined(separator: ", ")
    }

    static func products(_ names: [String]) throws(PlannerError) -> String {
        "(SELECT products.product_id FROM products WHERE products.name IN (\(try list(names))))"
    }

    static func blocks(_ names: [String]) throws(PlannerError) -> String {
        "(SELECT product_blocks.product_block_id FROM product_blocks WHERE product_blocks.name IN (\(try list(names))))"
    }

    static func resourceTypes(_ names: [String]) throws(PlannerError) -> String {
        "(SELECT resource_types.resource_type_id FROM resource_types WHERE resource_types.resource_type IN (\(try list(names))))"
    }

    static func workflows(_ names: [String]) throws(PlannerError) -> String {
        "(SELECT workflows.workflow_id FROM workflows WHERE workflows.name IN (\(try list(names))))"
    }

    /// Subscription instances of the blocks.
    static func instancesOf(_ blocks: [String]) throws(PlannerError) -> String {
        "(SELECT subscription_instances.subscription_instance_id FROM subscription_instances WHERE subscription_instances.product_block_id IN \(try self.blocks(blocks)))"
    }

    /// Subscriptions of the products.
    static func subscriptionsOf(_ products: [String]) throws(PlannerError) -> String {
        "(SELECT subscriptions.subscription_id FROM subscriptions WHERE subscriptions.product_id IN \(try self.products(products)))"
    }
}
