import Catalogue

/// The workflow side of a catalogue snapshot, as `migrate-workflows` and `migrate-tasks` see it: the workflows
/// (tasks included) by name, the product types, which products each workflow has, and the snapshot's process counts.
public struct WorkflowCatalogue: Sendable {
    public let workflows: [Workflow]
    /// Workflow name → the names of its products, sorted.
    public let productsOfWorkflow: [String: [String]]
    /// Product name → its product type.
    public let productTypeOfProduct: [String: String]
    /// Product type → its products' names, sorted.
    public let productsOfType: [String: [String]]
    /// Workflow name → its processes (nil: the snapshot did not count them).
    public let processes: [String: Int?]

    public init(_ catalogue: DatabaseCatalogue, counts: CatalogueCounts) {
        workflows = catalogue.workflows.sorted { utf8Order($0.name, $1.name) }
        var productName: [RowID: String] = [:]
        var typeOfProduct: [String: String] = [:]
        var ofType: [String: [String]] = [:]
        for product in catalogue.products {
            productName[product.productID] = product.name
            typeOfProduct[product.name] = product.productType
            ofType[product.productType, default: []].append(product.name)
        }
        let workflowName = Dictionary(catalogue.workflows.map { ($0.workflowID, $0.name) }) { first, _ in first }
        var products: [String: [String]] = [:]
        for link in catalogue.productsWorkflows {
            guard let workflow = workflowName[link.workflowID], let product = productName[link.productID] else {
                continue
            }
            products[workflow, default: []].append(product)
        }
        productsOfWorkflow = products.mapValues { $0.byteSorted() }
        productTypeOfProduct = typeOfProduct
        productsOfType = ofType.mapValues { $0.byteSorted() }
        processes = Dictionary(
            catalogue.workflows.map { ($0.name, counts.processCount(workflowID: $0.workflowID)) }
        ) { first, _ in first }
    }

    public subscript(name: String) -> Workflow? { workflows.first { $0.name == name } }

    /// `SELECT DISTINCT product_type FROM products`, sorted.
    public var productTypes: [String] { productsOfType.keys.byteSorted() }

    /// The product type of a workflow's products (orchestrator-core takes its first product's; ours: the first by
    /// name), nil when it has none.
    public func productType(of workflow: String) -> String? {
        productsOfWorkflow[workflow]?.first.flatMap { productTypeOfProduct[$0] }
    }

    /// The catalogue's tasks (`is_task`), by name.
    public var tasks: [Workflow] { workflows.filter(\.isTask) }

    /// The row as a deletion (its product type and process count from the snapshot).
    public func deletion(_ workflow: Workflow) -> WorkflowChanges.Deleted {
        WorkflowChanges.Deleted(
            name: workflow.name, target: workflow.target, description: workflow.description,
            productType: productType(of: workflow.name), isTask: workflow.isTask,
            processes: processes[workflow.name] ?? nil)
    }
}
