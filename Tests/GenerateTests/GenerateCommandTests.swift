import Foundation
import TestSupport
import Testing

/// `generate` on the command line without Python: the config's checks (one message each, exit 42, nothing written),
/// the dry run, --force, custom templates Stencil cannot read.
@Suite struct GenerateCommandTests {
    static let node = Repository.fixture("generate/node.yaml").path

    func generate(_ arguments: [String], in folder: TemporaryFolder) throws -> Command.Result {
        try PlannerBinary.run(["generate"] + arguments, in: folder.url)
    }

    @Test(arguments: [
        (
            "name: x\ntype: X\nproduct_blocks:\n  - name: a\n    type: A\n    fields:\n      - name: b\n        type: B\n  - name: b\n    type: B\n    fields:\n      - name: a\n        type: A\n",
            "Cycle detected in product blocks"
        ),
        (
            "name: x\ntype: X\nproduct_blocks:\n  - name: a\n    type: A\n  - name: b\n    type: B\n",
            "There should be exactly 1 root product block, found multiple: [\"A\", \"B\"]"
        ),
        (
            "name: x\ntype: X\nproduct_blocks:\n  - name: a\n    type: A\n    fields:\n      - name: f\n        type: Mystery\n",
            "c.yaml:7:9: field 'f' of block 'A' has the unknown type 'Mystery'"
        ),
        (
            "name: x\ntype: X\nproduct_blocks:\n  - name: a\n    type: A\n    fields:\n      - name: n\n        type: int\n        min_value: 10\n        max_value: 2\n",
            "field 'n' of block 'A' has min_value 10 above max_value 2"
        ),
        ("name: x\ntype: X\nproduct_blocks: [\n", "failed to parse configuration file: line 4, column 1"),
        ("name: x\ntype: X\n", "the product lacks the required key 'product_blocks'"),
        (
            "name: x\ntype: X\nproduct_blocks:\n  - name: a\n    type: A\n    fields:\n      - name: s\n        type: str\n        required: inactive\n",
            "field 's' of block 'A' is required from inactive, so it needs a default"
        ),
        (
            "name: x\ntype: X\nproduct_blocks:\n  - name: a\n    type: A\n    fields:\n      - name: items\n        type: list\n        list_type: B\n        min_items: 1\n  - name: b\n    type: B\n    fields:\n      - name: s\n        type: str\n        required: provisioning\n",
            "a list of 'B' with min_items 1, but 'B' has fields required without a default (s)"
        ),
        (
            "name: x\ntype: X\nfixed_inputs:\n"
                + (1...7).map { "  - {name: f\($0), type: enum, values: [a, b, c, d]}\n" }.joined()
                + "product_blocks:\n  - name: a\n    type: A\n",
            "c.yaml:1:1: the fixed inputs' values make more than 10000 product variants"
        ),
        // Names the generated code is made of: Python names that replace nothing of orchestrator-core's.
        (
            "name: x\ntype: X\nproduct_blocks:\n  - name: a\n    type: A\n    fields:\n      - name: class\n        type: str\n",
            "c.yaml:7:9: field 'class' of block 'A' is not a Python name"
        ),
        (
            "name: x\ntype: X\nproduct_blocks:\n  - name: a\n    type: A\n    fields:\n      - name: from-port\n        type: int\n",
            "field 'from-port' of block 'A' is not a Python name"
        ),
        (
            "name: My Product 9000+\ntype: X\nproduct_blocks:\n  - name: a\n    type: A\n",
            "c.yaml:1:1: the product's module name 'my _product 9000+' (from variable, else from name) is not a Python name"
        ),
        (
            "name: x\ntype: X\nfixed_inputs:\n  - name: status\n    type: str\nproduct_blocks:\n  - name: a\n    type: A\n",
            "c.yaml:4:5: the fixed input 'status' would replace SubscriptionModel's own attribute"
        ),
        (
            "name: x\ntype: X\nfixed_inputs:\n  - name: mode\n    type: enum\n    values: [fast, None]\nproduct_blocks:\n  - name: a\n    type: A\n",
            "the value 'None' of fixed input 'mode' cannot be a member of a str enum"
        ),
        (
            "name: x\ntype: X\nproduct_blocks:\n  - name: a\n    type: A\n    fields:\n      - name: title\n        type: str\n",
            "the field 'title' of block 'A' would replace ProductBlockModel's own attribute (or the generated title)"
        ),
        (
            "name: x\ntype: X\nproduct_blocks:\n  - name: product\n    type: A\n",
            "the root block's name 'product' would replace SubscriptionModel's own attribute"
        ),
    ])
    func aBrokenConfigIsOneClearMessageAndNothingIsWritten(_ yaml: String, _ message: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Data(yaml.utf8).write(to: folder.file("c.yaml"))
        for command in ["product-blocks", "product", "workflows", "unit-tests", "migration"] {
            let result = try generate(
                [command, "-cf", folder.file("c.yaml").path, "--no-dryrun"].filter {
                    !($0 == "--no-dryrun" && command == "migration")
                }, in: folder)
            #expect(result.status == 42, "\(command): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(command): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
        }
        #expect(folder.contents() == ["c.yaml"], "nothing written")
    }

    @Test func aDryRunWritesNothingAndForceIsNeededToReplaceAFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let dry = try generate(["workflows", "-cf", Self.node], in: folder)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("# workflows/node/create_node.py\n"))
        #expect(dry.stdout.contains("# translations/en-GB.json\n"))
        #expect(folder.contents().isEmpty, "not even an __init__.py: \(folder.contents())")

        #expect(try generate(["product-blocks", "-cf", Self.node, "--no-dryrun"], in: folder).status == 0)
        let block = folder.file("products/product_blocks/node.py")
        try Data("# mine\n".utf8).write(to: block)
        let kept = try generate(["product-blocks", "-cf", Self.node, "--no-dryrun"], in: folder)
        #expect(kept.stderr.contains("products/product_blocks/node.py: file already exists, rerun with --force"))
        #expect(try String(contentsOf: block, encoding: .utf8) == "# mine\n")
        #expect(try generate(["product-blocks", "-cf", Self.node, "--no-dryrun", "--force"], in: folder).status == 0)
        #expect(try String(contentsOf: block, encoding: .utf8).contains("class NodeBlock("))
        #expect(FileManager.default.fileExists(atPath: folder.file("products/product_blocks/__init__.py").path))
    }

    @Test func aCustomTemplateWithJinjaStencilLacksNamesTheTemplateAndLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let custom = folder.file("templates")
        try FileManager.default.createDirectory(at: custom, withIntermediateDirectories: true)
        try Data("additional_steps = begin\n{% set x = 1 %}\n".utf8).write(
            to: custom.appendingPathComponent("additional_create_steps.j2"))
        let result = try generate(["workflows", "-cf", Self.node, "-ct", custom.path], in: folder)
        #expect(result.status == 56)
        #expect(
            result.stderr.contains(
                "additional_create_steps.j2:2: Jinja that orchestrator-planner's templates (Stencil) do not support: {% set %}"
            ))
    }

    @Test func productsIsAnAliasAndTheRegistryIsUpdatedOnce() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try generate(["products", "-cf", Self.node], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("class Node(NodeProvisioning, lifecycle=[SubscriptionLifecycle.ACTIVE]):"))
    }

    /// `list_type: UUID` (which orchestrator-core's templates name without importing) is the imported `uuid.UUID`.
    @Test func aListOfUUIDsImportsUUID() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let config =
            "name: peers\ntype: Peers\nproduct_blocks:\n  - name: peers\n    type: Peers\n    fields:\n      - name: peer_ids\n        type: list\n        list_type: UUID\n"
        try Data(config.utf8).write(to: folder.file("c.yaml"))
        let result = try generate(["product-blocks", "-cf", folder.file("c.yaml").path], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("from uuid import UUID\n"))
        #expect(result.stdout.contains("    peer_ids: list[UUID] = []\n"))
    }
}
