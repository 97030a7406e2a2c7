import Catalogue
import Testing

/// Which class-body statements are fields (issue: own annotations only, `_` skipped, `Field(alias=...)`, no
/// methods, properties, validators or nested Config).
@Suite struct ClassBodyTests {
    @Test func onlyOwnAnnotationsAreFields() throws {
        let models = try ModelProject.single(
            """
            from pydantic import Field, computed_field, field_validator

            class Block(ProductBlockModel, product_block_name="Block"):
                inherited: int

            class BlockActive(Block, lifecycle=[SubscriptionLifecycle.ACTIVE]):
                name: str
                _private: int
                renamed: int = Field(1, alias="real_name")
                plain = 3
                class Config:
                    validate_assignment: bool = True

                @property
                def size(self) -> int:
                    return 1

                @computed_field
                @property
                def title(self) -> str:
                    return f"{self.name}"

                @field_validator("name")
                @classmethod
                def check(cls, value: str) -> str:
                    x: int = 4
                    return value

            class ProductBase(SubscriptionModel, is_base=True):
                in_base: int
                block: Block

            class Product(ProductBase, lifecycle=[SubscriptionLifecycle.ACTIVE]):
                own: str
                block: BlockActive
            """,
            registry: ["P": "Product"])
        #expect(models.productBlocks["Block"]?.resourceTypes == ["name", "real_name"])
        #expect(models.products["P"]?.fixedInputs.keys.sorted() == ["own"])
        #expect(models.products["P"]?.productBlocks == ["Block"])
        #expect(models.diagnostics.isEmpty, "\(models.diagnostics)")
    }

    @Test func enumFixedInputsListTheirValues() throws {
        let models = try ModelProject.single(
            """
            from enum import IntEnum
            from orchestrator.core.types import strEnum

            class Speed(IntEnum):
                _1000 = 1000
                _10000 = 10_000

            class Mode(strEnum):
                tagged = "tagged"
                untagged = "untagged"

            class Block(ProductBlockModel, product_block_name="Block"):
                x: int

            class Product(SubscriptionModel):
                speed: Speed
                mode: Mode
                size: int
                block: Block
            """,
            registry: ["P": "Product"])
        let inputs = try #require(models.products["P"]?.fixedInputs)
        #expect(inputs["speed"] == FixedInputModel(type: "Speed", values: ["1000", "10000"]))
        #expect(inputs["mode"] == FixedInputModel(type: "Mode", values: ["tagged", "untagged"]))
        #expect(inputs["size"] == FixedInputModel(type: "int", values: nil))
    }
}

/// Block names as `ProductBlockModel.__init_subclass__` sets them.
@Suite struct BlockNameTests {
    @Test func aBlockClassWithoutKeywordsIsAbstractAndLifecycleClassesInheritTheName() throws {
        let models = try ModelProject.single(
            """
            class Named(ProductBlockModel, product_block_name="Named"):
                a: int

            class NamedActive(Named, lifecycle=[SubscriptionLifecycle.ACTIVE]):
                a: int

            class Plain(Named):
                b: int

            class PlainChild(Plain, lifecycle=[SubscriptionLifecycle.ACTIVE]):
                c: int

            class Product(SubscriptionModel):
                x: NamedActive
                y: PlainChild
            """,
            registry: ["P": "Product"])
        #expect(models.products["P"]?.productBlocks == ["Named"])
        #expect(models.productBlocks.keys.sorted() == ["Named"])
    }
}
