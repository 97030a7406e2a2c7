import Catalogue
import Testing

/// Type variables and base classes imported from orchestrator-core, as real projects write them, and the rule that a
/// field is a resource type only when its type is positively a scalar (issue "Model reader on real projects").
@Suite struct ImportedTypeTests {
    /// The reproduction: `ports: ListOfPorts[PortBlock]` with `SI` imported, in `product_blocks/link.py`.
    static func linkProject(
        typeVariableImport: String, baseImport: String, typeVariable: String = "SI"
    ) -> [String: String] {
        [
            "products/__init__.py": """
            from orchestrator.core.domain import SUBSCRIPTION_MODEL_REGISTRY
            from products.product_types.link import Link

            SUBSCRIPTION_MODEL_REGISTRY.update({"Link": Link})
            """,
            "products/product_blocks/port.py": """
            \(baseImport)

            class PortBlock(ProductBlockModel, product_block_name="Port"):
                port_name: str
            """,
            "products/product_blocks/link.py": """
            from typing import Annotated
            from annotated_types import Len
            \(baseImport)
            \(typeVariableImport)
            from products.product_blocks.port import PortBlock

            ListOfPorts = Annotated[list[\(typeVariable)], Len(min_length=2, max_length=2)]

            class LinkBlock(ProductBlockModel, product_block_name="Link"):
                ports: ListOfPorts[PortBlock]
            """,
            "products/product_types/link.py": """
            \(baseImport)
            from products.product_blocks.link import LinkBlock

            class Link(SubscriptionModel):
                link: LinkBlock
            """,
        ]
    }

    @Test(arguments: [
        (
            "from orchestrator.core.types import SI",
            "from orchestrator.core.domain.base import ProductBlockModel, SubscriptionModel", "SI"
        ),
        (
            "from orchestrator.types import SI",
            "from orchestrator.domain.base import ProductBlockModel, SubscriptionModel", "SI"
        ),
        (
            "from orchestrator.domain.base import SI",
            "from orchestrator.domain.base import ProductBlockModel, SubscriptionModel", "SI"
        ),
        (
            "from orchestrator.core.domain.base import T",
            "from orchestrator.core.domain.base import ProductBlockModel, SubscriptionModel", "T"
        ),
        (
            "from orchestrator.domain.base import T",
            "from orchestrator.domain.base import ProductBlockModel, SubscriptionModel", "T"
        ),
        (
            "from orchestrator.core import types\nSI = types.SI",
            "from orchestrator.core.domain.base import ProductBlockModel, SubscriptionModel", "SI"
        ),
        (
            "from typing import TypeVar\nSI = TypeVar(\"SI\")",
            "from orchestrator.core.domain.base import ProductBlockModel, SubscriptionModel", "SI"
        ),
    ])
    func importedTypeVariableMakesABlockRelation(
        _ typeVariableImport: String, _ baseImport: String, _ variable: String
    ) throws {
        let models = try ModelProject.read(
            Self.linkProject(typeVariableImport: typeVariableImport, baseImport: baseImport, typeVariable: variable))
        #expect(models.bounds("Link", "Port", "ports") == ListBounds(min: 2, max: 2), "\(typeVariableImport)")
        #expect(models.productBlocks["Link"]?.resourceTypes == [])
        #expect(models.productBlocks["Port"]?.resourceTypes == ["port_name"])
        #expect(models.diagnostics.isEmpty, "\(models.diagnostics)")
    }

    @Test func typeVariableReExportedByAProjectModule() throws {
        var files = Self.linkProject(
            typeVariableImport: "from products.typing_helpers import SI",
            baseImport: "from orchestrator.core.domain.base import ProductBlockModel, SubscriptionModel")
        files["products/typing_helpers.py"] = "from orchestrator.core.types import SI  # re-exported\n"
        let models = try ModelProject.read(files)
        #expect(models.bounds("Link", "Port", "ports") == ListBounds(min: 2, max: 2))
        #expect(models.diagnostics.isEmpty, "\(models.diagnostics)")
    }

    @Test func pydanticV1ListClassWithImportedTypeVariable() throws {
        let models = try ModelProject.single(
            """
            from orchestrator.domain.base import SI, SubscriptionInstanceList

            class Port(ProductBlockModel, product_block_name="Port"):
                speed: int

            class ListOfPorts(SubscriptionInstanceList[SI]):
                min_items = 2
                max_items = 2

            Ports = ListOfPorts

            class Link(ProductBlockModel, product_block_name="Link"):
                ports: ListOfPorts[Port]
                spares: Ports[Port] | None
                vlans: ListOfPorts[int]

            class Product(SubscriptionModel):
                link: Link
            """,
            registry: ["P": "Product"])
        #expect(models.bounds("Link", "Port", "ports") == ListBounds(min: 2, max: 2))
        #expect(models.bounds("Link", "Port", "spares") == ListBounds(min: 2, max: 2))
        #expect(models.productBlocks["Link"]?.resourceTypes == ["vlans"])
        #expect(models.diagnostics.isEmpty, "\(models.diagnostics)")
    }

    @Test func aliasChainsUnionsAndOptionalArguments() throws {
        let models = try ModelProject.single(
            """
            from typing import Annotated, Optional
            from annotated_types import Len
            from orchestrator.core.types import SI

            class A(ProductBlockModel, product_block_name="A"):
                a: int

            class B(ProductBlockModel, product_block_name="B"):
                b: int

            ListOfThings = Annotated[list[SI], Len(min_length=1, max_length=3)]
            Things = ListOfThings
            MoreThings = Things

            class Container(ProductBlockModel, product_block_name="Container"):
                chained: MoreThings[A]
                either: ListOfThings[A | B]
                maybe: ListOfThings[Optional[B]]
                wrapped: Optional[Things[A]]
                numbers: Things[int]

            class Product(SubscriptionModel):
                container: Container
            """,
            registry: ["P": "Product"])
        let bounds = ListBounds(min: 1, max: 3)
        #expect(models.bounds("Container", "A", "chained") == bounds)
        #expect(models.bounds("Container", "A", "either") == bounds)
        #expect(models.bounds("Container", "B", "either") == bounds)
        #expect(models.bounds("Container", "B", "maybe") == bounds)
        #expect(models.bounds("Container", "A", "wrapped") == bounds)
        #expect(models.productBlocks["Container"]?.resourceTypes == ["numbers"])
        #expect(models.diagnostics.isEmpty, "\(models.diagnostics)")
    }

    @Test func knownScalarsFromOrchestratorCorePydanticAndTheStandardLibrary() throws {
        let models = try ModelProject.single(
            """
            import datetime
            from decimal import Decimal
            from uuid import UUID
            from ipaddress import IPv4Network
            from typing import Literal
            from pydantic import EmailStr, conint
            from pydantic_forms.types import UUIDstr
            from nwastdlib.vlans import VlanRanges
            from orchestrator.core.types import strEnum

            class Colour(strEnum):
                RED = "red"

            class Block(ProductBlockModel, product_block_name="Block"):
                created: datetime.datetime
                amount: Decimal
                ref: UUID
                ref_text: UUIDstr
                network: IPv4Network
                mail: EmailStr
                vlans: VlanRanges
                count: conint(ge=1)
                mode: Literal["a", "b"]
                colour: Colour
                lifecycle_state: SubscriptionLifecycle

            class Product(SubscriptionModel):
                block: Block
            """,
            registry: ["P": "Product"])
        #expect(
            models.productBlocks["Block"]?.resourceTypes == [
                "amount", "colour", "count", "created", "lifecycle_state", "mail", "mode", "network", "ref", "ref_text",
                "vlans",
            ])
        #expect(models.diagnostics.isEmpty, "\(models.diagnostics)")
    }

    /// Whatever cannot be classified is left out, with a diagnostic at the field naming what was not resolved.
    @Test(arguments: [
        ("from shared_lib import Lists\n", "x: Lists[LeafRef]", "shared_lib.Lists"),
        ("from shared_lib import Speed\n", "x: Speed", "shared_lib.Speed"),
        ("from shared_lib import Speed\n", "x: Speed | None", "shared_lib.Speed"),
        ("from shared_lib import Speed\n", "x: list[Speed]", "shared_lib.Speed"),
        ("from shared_lib import Base\nclass Sub(Base):\n    pass\n", "x: Sub", "shared_lib.Base"),
        ("from orchestrator.core.types import SI\n", "x: SI", "SI"),
        (
            "from orchestrator.core.types import SI\nfrom typing import Annotated\nBare = Annotated[list[SI], 1]\n",
            "x: Bare", "SI"
        ),
        ("Loop = Other\nOther = Loop\n", "x: Loop", "alias cycle"),
        ("from typing import Annotated\nNotGeneric = Annotated[int, 1]\n", "x: NotGeneric[LeafRef]", "not generic"),
        ("", "x: None", "None"),
        ("", "x: 42", "42"),
        ("import os\n", "x: os.PathLike", "os.PathLike"),
        ("", "x: Undefined", "Undefined"),
        (
            "from orchestrator.core.domain.base import SubscriptionInstanceList\nfrom orchestrator.core.types import SI\nclass L(SubscriptionInstanceList[SI]):\n    min_items = 1\n",
            "x: L", "without its item type"
        ),
    ])
    func unclassifiableFieldsAreLeftOutWithADiagnostic(_ extra: String, _ field: String, _ named: String) throws {
        let models = try ModelProject.single(
            extra + """

                class LeafRef(ProductBlockModel, product_block_name="Leaf"):
                    leaf: int

                class Container(ProductBlockModel, product_block_name="Container"):
                    \(field)
                    kept: str
                    leaf: LeafRef

                class Product(SubscriptionModel):
                    container: Container
                """,
            registry: ["P": "Product"])
        #expect(models.productBlocks["Container"]?.resourceTypes == ["kept"], "\(field)")
        #expect(models.productBlocks["Container"]?.dependsOn.keys.sorted() == ["Leaf"], "\(field)")
        let diagnostics = models.diagnostics.filter { $0.message.contains("field 'x'") }
        #expect(diagnostics.count == 1, "\(field): \(models.diagnostics)")
        #expect(diagnostics.first?.message.contains(named) == true, "\(field): \(models.diagnostics)")
        #expect(diagnostics.first?.file == "products/models.py")
        #expect(models.isIncomplete)
    }

    @Test func anUnknownFixedInputTypeIsLeftOutToo() throws {
        let models = try ModelProject.single(
            """
            from shared_lib import Speed

            class Block(ProductBlockModel, product_block_name="Block"):
                name: str

            class Product(SubscriptionModel):
                speed: Speed
                customer: str
                block: Block
            """,
            registry: ["P": "Product"])
        #expect(models.products["P"]?.fixedInputs.keys.sorted() == ["customer"])
        #expect(models.diagnostics.map(\.line) == [9])
        #expect(models.isIncomplete)
    }

    /// Python cannot define a class that inherits from itself; the reader must not make up a kind for it.
    @Test func anInheritanceCycleIsDiagnosedNotGuessed() throws {
        let models = try ModelProject.single(
            """
            class Ping(Pong):
                pass

            class Pong(Ping):
                pass

            class Block(ProductBlockModel, product_block_name="Block"):
                looped: Ping
                name: str

            class Product(SubscriptionModel):
                block: Block
                also_looped: Pong
            """,
            registry: ["P": "Product"])
        #expect(models.productBlocks["Block"]?.resourceTypes == ["name"])
        #expect(models.products["P"]?.fixedInputs.isEmpty == true)
        #expect(models.diagnostics.contains { $0.message.contains("inherits from itself") })
        #expect(models.isIncomplete)
    }

    @Test func aClassBodyStatementThatCannotBeParsedIsDiagnosed() throws {
        let models = try ModelProject.single(
            """
            class Block(ProductBlockModel, product_block_name="Block"):
                name: str
                weird: int = (1,
                speed: int

            class Product(SubscriptionModel):
                block: Block
            """,
            registry: ["P": "Product"])
        #expect(models.isIncomplete, "\(models.diagnostics)")
    }

    @Test func notesDoNotMakeTheSetIncomplete() throws {
        let models = try ModelProject.single(
            """
            from enum import Enum, auto

            class Colour(Enum):
                RED = auto()

            class Block(ProductBlockModel, product_block_name="Block"):
                name: str

            class Block(ProductBlockModel, product_block_name="Block"):
                name: str

            class Product(SubscriptionModel):
                colour: Colour
                block: Block
            """,
            registry: ["P": "Product"])
        #expect(models.diagnostics.count == 2, "\(models.diagnostics)")
        #expect(models.diagnostics.allSatisfy { $0.severity == .note })
        #expect(!models.isIncomplete)
        #expect(models.products["P"]?.fixedInputs["colour"] == FixedInputModel(type: "Colour", values: nil))
    }
}
