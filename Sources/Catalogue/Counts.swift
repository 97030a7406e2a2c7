/// How much customer data hangs off the catalogue, counted in PostgreSQL (never by fetching the rows).
///
/// Counts describe the database at the moment of the snapshot. They are shown to the user (a destructive change
/// says how many subscriptions it deletes) but never take part in the fingerprint: production counts change every
/// minute, and a plan must not go stale because a subscription was created.

/// The number of subscriptions of one product in one status (`subscriptions GROUP BY product_id, status`).
public struct SubscriptionCount: Hashable, Sendable, Codable {
    public var productID: RowID
    public var status: String
    public var count: Int

    public init(productID: RowID, status: String, count: Int) {
        self.productID = productID
        self.status = status
        self.count = count
    }
}

/// The number of subscription instances of one product block (`subscription_instances GROUP BY product_block_id`).
public struct InstanceCount: Hashable, Sendable, Codable {
    public var productBlockID: RowID
    public var count: Int

    public init(productBlockID: RowID, count: Int) {
        self.productBlockID = productBlockID
        self.count = count
    }
}

/// The number of `subscription_instance_values` of one resource type held by instances of one product block.
public struct ValueCount: Hashable, Sendable, Codable {
    public var productBlockID: RowID
    public var resourceTypeID: RowID
    public var count: Int

    public init(productBlockID: RowID, resourceTypeID: RowID, count: Int) {
        self.productBlockID = productBlockID
        self.resourceTypeID = resourceTypeID
        self.count = count
    }
}

/// The number of processes (workflow runs, tasks included) of one workflow (`processes GROUP BY workflow_id`).
public struct ProcessCount: Hashable, Sendable, Codable {
    public var workflowID: RowID
    public var count: Int

    public init(workflowID: RowID, count: Int) {
        self.workflowID = workflowID
        self.count = count
    }
}

/// All counts of one snapshot.
public struct CatalogueCounts: Hashable, Sendable, Codable {
    public var subscriptions: [SubscriptionCount]
    public var instances: [InstanceCount]
    public var values: [ValueCount]
    /// nil in a snapshot of format 1, which did not count processes.
    public var processes: [ProcessCount]?

    public init(
        subscriptions: [SubscriptionCount] = [], instances: [InstanceCount] = [], values: [ValueCount] = [],
        processes: [ProcessCount]? = []
    ) {
        self.subscriptions = subscriptions
        self.instances = instances
        self.values = values
        self.processes = processes
    }

    /// Processes of the workflow; nil when the snapshot did not count them.
    public func processCount(workflowID: RowID) -> Int? {
        processes.map { $0.lazy.filter { $0.workflowID == workflowID }.reduce(0) { $0 + $1.count } }
    }

    /// Subscriptions of the product in any status.
    public func subscriptionCount(productID: RowID) -> Int {
        subscriptions.lazy.filter { $0.productID == productID }.reduce(0) { $0 + $1.count }
    }

    /// Subscription instances of the product block.
    public func instanceCount(productBlockID: RowID) -> Int {
        instances.lazy.filter { $0.productBlockID == productBlockID }.reduce(0) { $0 + $1.count }
    }

    /// Values of the resource type, over all product blocks.
    public func valueCount(resourceTypeID: RowID) -> Int {
        values.lazy.filter { $0.resourceTypeID == resourceTypeID }.reduce(0) { $0 + $1.count }
    }

    public var totalSubscriptions: Int { subscriptions.reduce(0) { $0 + $1.count } }
    public var totalInstances: Int { instances.reduce(0) { $0 + $1.count } }
    public var totalValues: Int { values.reduce(0) { $0 + $1.count } }

    /// The same counts in a canonical order, so equal counts compare and serialise equally.
    public func sorted() -> CatalogueCounts {
        CatalogueCounts(
            subscriptions: subscriptions.sorted { ($0.productID, $0.status) < ($1.productID, $1.status) },
            instances: instances.sorted { $0.productBlockID < $1.productBlockID },
            values: values.sorted { ($0.productBlockID, $0.resourceTypeID) < ($1.productBlockID, $1.resourceTypeID) },
            processes: processes?.sorted { $0.workflowID < $1.workflowID }
        )
    }
}
