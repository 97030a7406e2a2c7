import Catalogue
import DomainModels
import Testing

/// The registry, imports and diagnostics: what is read, what is not, and what is reported where.
@Suite struct ProjectReadingTests {
    static let block =
        ModelProject.header + """
            class Block(ProductBlockModel, product_block_name="Block"):
                size: int

            class Product(SubscriptionModel):
                block: Block

            class Other(SubscriptionModel):
                block: Block
                flavour: str

            """

    @Test func registryKeysFromLiteralsConstantsAndEnumMembers() throws {
        let models = try ModelProject.read([
            "products/__init__.py": """
            from enum import Enum
            from orchestrator.domain import SUBSCRIPTION_MODEL_REGISTRY
            from products.names import ProductName, FIBRE
            from products import models as m
            from .models import Product, Other

            EXTRA = {"Extra product": Other}

            SUBSCRIPTION_MODEL_REGISTRY.update({"Literal": Product, FIBRE: Other})
            SUBSCRIPTION_MODEL_REGISTRY.update({ProductName.COPPER.value: m.Product, ProductName.COPPER.name: Other})
            SUBSCRIPTION_MODEL_REGISTRY["Item"] = Product
            SUBSCRIPTION_MODEL_REGISTRY[ProductName.LIGHT] = Other
            SUBSCRIPTION_MODEL_REGISTRY.update(EXTRA)
            SUBSCRIPTION_MODEL_REGISTRY.update(dict(Keyword=Product))

            def later():
                SUBSCRIPTION_MODEL_REGISTRY["Never"] = Product
            """,
            "products/names.py": """
            from orchestrator.core.types import strEnum

            FIBRE = "Fibre link"

            class ProductName(strEnum):
                COPPER = "Copper link"
                LIGHT = "Light path"
            """,
            "products/models.py": Self.block,
        ])
        #expect(
            models.products.keys.sorted() == [
                "COPPER", "Copper link", "Extra product", "Fibre link", "Item", "Keyword", "Light path", "Literal",
            ])
        #expect(models.products["Fibre link"]?.productType == "Other")
        #expect(models.products["Copper link"]?.productType == "Product")
        #expect(models.products["COPPER"]?.productType == "Other")
        #expect(models.diagnostics.isEmpty, "\(models.diagnostics)")
    }

    @Test func onlyWhatTheRegistryImportsIsRead() throws {
        let decoy =
            ModelProject.header + """
                class Block(ProductBlockModel, product_block_name="DecoyBlock"):
                    size: int
                class Product(SubscriptionModel):
                    block: Block
                """
        let models = try ModelProject.read([
            "products/__init__.py": """
            from orchestrator.core.domain import SUBSCRIPTION_MODEL_REGISTRY
            from products.product_types.models import Product
            SUBSCRIPTION_MODEL_REGISTRY.update({"P": Product})
            """,
            "products/product_types/models.py": Self.block,
            "products/product_types/unused.py": decoy,
            "old_products/product_types/models.py": decoy,
            "products_backup/__init__.py": "from orchestrator.core.domain import SUBSCRIPTION_MODEL_REGISTRY\n",
        ])
        #expect(models.productBlocks.keys.sorted() == ["Block"])
        #expect(models.diagnostics.isEmpty, "\(models.diagnostics)")
    }

    @Test func sameModuleUnderTwoNamesIsOneModule() throws {
        let models = try ModelProject.read([
            "products/__init__.py": """
            from orchestrator.core.domain import SUBSCRIPTION_MODEL_REGISTRY
            from products.types.a import A
            from products.types.b import B
            SUBSCRIPTION_MODEL_REGISTRY.update({"A": A, "B": B})
            """,
            "products/types/a.py": ModelProject.header + """
                from ..blocks.shared import Shared
                class A(SubscriptionModel):
                    shared: Shared
                """,
            "products/types/b.py": ModelProject.header + """
                import products.blocks.shared as s
                class B(SubscriptionModel):
                    shared: s.Shared
                """,
            "products/blocks/shared.py": ModelProject.header + """
                class Shared(ProductBlockModel, product_block_name="Shared"):
                    x: int
                """,
        ])
        #expect(models.products["A"]?.productBlocks == ["Shared"])
        #expect(models.products["B"]?.productBlocks == ["Shared"])
        #expect(models.diagnostics.isEmpty, "\(models.diagnostics)")
    }

    @Test func missingModulesUnknownTypesAndDuplicatesAreDiagnosedWithFileAndLine() throws {
        let models = try ModelProject.read([
            "products/__init__.py": """
            from orchestrator.core.domain import SUBSCRIPTION_MODEL_REGISTRY
            from products.models import Product
            from products.deleted import Gone
            SUBSCRIPTION_MODEL_REGISTRY.update({"P": Product, "G": Gone})
            """,
            "products/models.py": ModelProject.header + """
                class Block(ProductBlockModel, product_block_name="Block"):
                    size: int
                    other: Mystery

                class Block(ProductBlockModel, product_block_name="Block"):
                    size: int

                class Product(SubscriptionModel):
                    block: Block
                    thing: Unknown | None
                """,
        ])
        let found = models.diagnostics.map { "\($0.file):\($0.line)" }
        #expect(found.contains("products/__init__.py:3"), "missing module: \(models.diagnostics)")
        #expect(found.contains("products/__init__.py:4"), "unresolvable registry value: \(models.diagnostics)")
        #expect(found.contains("products/models.py:7"), "duplicate class: \(models.diagnostics)")
        #expect(found.contains("products/models.py:12"), "unknown type: \(models.diagnostics)")
        #expect(!found.contains("products/models.py:5"), "the first Block is replaced, as in Python")
        #expect(models.products.keys.sorted() == ["P"])
        #expect(models.productBlocks["Block"]?.resourceTypes == ["size"])
    }

    @Test func malformedModulesAreUnreadableButTheRestResolves() throws {
        let models = try ModelProject.read([
            "products/__init__.py": """
            from orchestrator.core.domain import SUBSCRIPTION_MODEL_REGISTRY
            from products.good import Good
            from products.unterminated import Bad
            from products.indented import Worse
            SUBSCRIPTION_MODEL_REGISTRY.update({"Good": Good, "Bad": Bad, "Worse": Worse})
            """,
            "products/good.py": ModelProject.header + """
                class Block(ProductBlockModel, product_block_name="Block"):
                    size: int
                class Good(SubscriptionModel):
                    block: Block
                """,
            "products/unterminated.py": ModelProject.header + "class Bad(SubscriptionModel):\n    name: str = 'oops\n",
            "products/indented.py": ModelProject.header
                + "class Worse(SubscriptionModel):\n        a: int\n    b: int\n",
        ])
        #expect(models.products.keys.sorted() == ["Good"])
        let found = models.diagnostics.map { "\($0.file):\($0.line)" }
        #expect(found.contains("products/unterminated.py:4"), "\(models.diagnostics)")
        #expect(found.contains("products/indented.py:5"), "\(models.diagnostics)")
        #expect(models.diagnostics.contains { $0.message.contains("unterminated string") })
    }

    @Test func unknownSyntaxIsSkippedWithANote() throws {
        let models = try ModelProject.read([
            "products/__init__.py": """
            from orchestrator.core.domain import SUBSCRIPTION_MODEL_REGISTRY
            from products.models import Product
            x = [i for i in range(3) if i]
            y = lambda a: a + 1
            z = {k: v for k, v in {}.items()}
            match x:
                case [1, 2]:
                    pass
            print >> sys.stderr, "hello"
            w = a if b else c
            SUBSCRIPTION_MODEL_REGISTRY.update({"P": Product})
            """,
            "products/models.py": Self.block,
        ])
        #expect(models.products.keys.sorted() == ["P"])
        #expect(models.diagnostics.map(\.line) == [6], "only the match statement is noted: \(models.diagnostics)")
    }

    @Test func withoutARegistryEveryActiveProductClassIsUsed() throws {
        let models = try ModelProject.read([
            "products/__init__.py": "",
            "products/types.py": ModelProject.header + """
                class Block(ProductBlockModel, product_block_name="Block"):
                    size: int

                class ThingInactive(SubscriptionModel, is_base=True):
                    block: Block

                class ThingProvisioning(ThingInactive, lifecycle=[SubscriptionLifecycle.PROVISIONING]):
                    block: Block

                class Thing(ThingProvisioning, lifecycle=[SubscriptionLifecycle.ACTIVE]):
                    block: Block
                """,
        ])
        #expect(models.products.keys.sorted() == ["Thing"])
        #expect(models.diagnostics.count == 1)
        #expect(models.diagnostics.first?.message.contains("no SUBSCRIPTION_MODEL_REGISTRY") == true)
    }

    @Test func thePackageIsFoundOrNamed() throws {
        let files = [
            "app_models/__init__.py": """
            from orchestrator.core.domain import SUBSCRIPTION_MODEL_REGISTRY
            from app_models.models import Product
            SUBSCRIPTION_MODEL_REGISTRY["P"] = Product
            """,
            "app_models/models.py": Self.block,
            "other/__init__.py": "",
        ]
        #expect(try ModelProject.read(files).products.keys.sorted() == ["P"])
        #expect(try ModelProject.read(files, package: "app_models").products.keys.sorted() == ["P"])
        #expect(throws: DomainModelsError.self) { try ModelProject.read(files, package: "missing") }
    }

    @Test func readingIsDeterministic() throws {
        let files = [
            "products/__init__.py":
                "from orchestrator.core.domain import SUBSCRIPTION_MODEL_REGISTRY\nfrom products.models import Product, Other\nSUBSCRIPTION_MODEL_REGISTRY.update({'A': Product, 'B': Other})\n",
            "products/models.py": Self.block,
        ]
        let first = ModelSetJSON.encode(try ModelProject.read(files))
        for _ in 0..<3 { #expect(ModelSetJSON.encode(try ModelProject.read(files)) == first) }
    }
}
