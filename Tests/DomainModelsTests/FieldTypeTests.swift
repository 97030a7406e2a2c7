import Catalogue
import Testing

/// Every spelling of a product-block field (issue: "in any spelling"), and what stays a resource type.
@Suite struct FieldTypeTests {
    static let blocks = """
        class LeafA(ProductBlockModel, product_block_name="LeafA"):
            a: int

        class LeafB(ProductBlockModel, product_block_name="LeafB"):
            b: str

        class LeafC(ProductBlockModel, product_block_name="LeafC"):
            c: str

        """

    func container(_ fields: String, extra: String = "") throws -> ModelSet {
        try ModelProject.single(
            Self.blocks + extra + """
                class Container(ProductBlockModel, product_block_name="Container"):
                \(fields)

                class Product(SubscriptionModel, is_base=True):
                    block: Container
                """,
            registry: ["P": "Product"])
    }

    @Test(arguments: [
        "    x: LeafA | None", "    x: Optional[LeafA]", "    x: typing.Optional[LeafA]", "    x: LeafA",
        "    x: \"LeafA\"", "    x: Optional[\"LeafA\"]", "    x: 'LeafA | None'",
    ])
    func singleBlockSpellings(_ field: String) throws {
        let models = try container(field, extra: "import typing\nfrom typing import Optional\n")
        #expect(models.productBlocks["Container"]?.dependsOn.keys.sorted() == ["LeafA"], "\(field)")
        #expect(models.bounds("Container", "LeafA", "x") == ListBounds())
        #expect(models.productBlocks["Container"]?.resourceTypes == [])
        #expect(models.productBlocks["LeafA"]?.resourceTypes == ["a"])
        #expect(models.diagnostics.isEmpty, "\(models.diagnostics)")
    }

    @Test(arguments: [
        "    x: LeafA | LeafB | None", "    x: Union[LeafA, LeafB]", "    x: Union[LeafA, LeafB, None]",
        "    x: Optional[Union[LeafA, LeafB]]",
    ])
    func unions(_ field: String) throws {
        let models = try container(field, extra: "from typing import Optional, Union\n")
        #expect(models.productBlocks["Container"]?.dependsOn.keys.sorted() == ["LeafA", "LeafB"], "\(field)")
        #expect(models.bounds("Container", "LeafB", "x") == ListBounds())
    }

    @Test(arguments: [
        "    x: list[LeafA]", "    x: List[LeafA]", "    x: typing.List[LeafA]", "    x: list[\"LeafA\"]",
    ])
    func plainLists(_ field: String) throws {
        let models = try container(field, extra: "import typing\nfrom typing import List\n")
        #expect(models.bounds("Container", "LeafA", "x") == ListBounds(), "\(field)")
    }

    @Test func unionAliasesAlsoParenthesisedOverLines() throws {
        let models = try container(
            "    x: AB\n    y: ABC | None",
            extra: """
                AB = LeafA | LeafB
                ABC = (
                    LeafA
                    | LeafB
                    | LeafC
                )

                """)
        #expect(models.productBlocks["Container"]?.dependsOn["LeafA"]?.attributes.keys.sorted() == ["x", "y"])
        #expect(models.productBlocks["Container"]?.dependsOn["LeafC"]?.attributes.keys.sorted() == ["y"])
    }

    @Test func annotatedLenAliasesSubscriptedWithTheItemType() throws {
        let models = try container(
            "    x: ListOfLeaves[LeafA]\n    y: Bounded[LeafB]\n    z: ListOfLeaves[LeafC | LeafA]",
            extra: """
                from typing import Annotated, TypeVar
                from annotated_types import Len
                from pydantic import Field

                MAX = 4
                SI = TypeVar("SI")
                ListOfLeaves = Annotated[list[SI], Len(min_length=1, max_length=MAX)]
                Bounded = Annotated[list[SI], Field(description="x"), Len(min_length=2)]

                """)
        #expect(models.bounds("Container", "LeafA", "x") == ListBounds(min: 1, max: 4))
        #expect(models.bounds("Container", "LeafB", "y") == ListBounds(min: 2, max: nil))
        #expect(models.bounds("Container", "LeafC", "z") == ListBounds(min: 1, max: 4))
        #expect(models.bounds("Container", "LeafA", "z") == ListBounds(min: 1, max: 4))
    }

    @Test func scalarsAreResourceTypes() throws {
        let models = try container(
            """
                ints: list[int]
                vlan: VlanRanges
                name: NameStr
                count: PortCount
                kind: Kind
                ip: ipaddress.IPv4Address | None
                block: LeafA
            """,
            extra: """
                import ipaddress
                from enum import Enum
                from typing import Annotated
                from annotated_types import Ge, Le
                from pydantic import ConstrainedInt, StringConstraints

                VlanRanges = Annotated[int, Ge(1), Le(4094)]
                NameStr = Annotated[str, StringConstraints(max_length=10)]

                class PortCount(ConstrainedInt):
                    ge = 1

                class Kind(str, Enum):
                    a = "a"

                """)
        #expect(models.productBlocks["Container"]?.resourceTypes == ["count", "ints", "ip", "kind", "name", "vlan"])
        #expect(models.productBlocks["Container"]?.dependsOn.keys.sorted() == ["LeafA"])
    }

    @Test func selfReferenceByForwardReference() throws {
        let models = try ModelProject.single(
            """
            class Node(ProductBlockModel, product_block_name="Node"):
                label: str
                children: list["Node"]
                parent: "Node | None" = None

            class Tree(SubscriptionModel):
                root: Node
            """,
            registry: ["Tree": "Tree"])
        #expect(models.productBlocks["Node"]?.dependsOn["Node"]?.attributes.keys.sorted() == ["children", "parent"])
        #expect(models.productBlocks["Node"]?.resourceTypes == ["label"])
    }

    @Test func subscriptionInstanceListSubclasses() throws {
        let models = try ModelProject.single(
            """
            from typing import TypeVar
            from orchestrator.domain.base import SubscriptionInstanceList

            T = TypeVar("T")
            MIN_PORTS = 2

            class Port(ProductBlockModel, product_block_name="Port"):
                speed: int

            class Lag(ProductBlockModel, product_block_name="Lag"):
                lag_id: int

            class ListOfPorts(SubscriptionInstanceList[Port]):
                min_items = MIN_PORTS
                max_items = 8

            class AtMostFour(ListOfPorts):
                max_items = 4

            class Generic(SubscriptionInstanceList[T]):
                min_items = 1

            class Mixin:
                pass

            class Mixed(Mixin, Generic[T]):
                max_items = 3

            class Service(ProductBlockModel, product_block_name="Service"):
                ports: ListOfPorts
                few: AtMostFour
                lags: Generic[Lag]
                mixed: Mixed[Lag]

            class Product(SubscriptionModel):
                service: Service
            """,
            registry: ["P": "Product"])
        #expect(models.bounds("Service", "Port", "ports") == ListBounds(min: 2, max: 8))
        #expect(models.bounds("Service", "Port", "few") == ListBounds(min: 2, max: 4))
        #expect(models.bounds("Service", "Lag", "lags") == ListBounds(min: 1, max: nil))
        #expect(models.bounds("Service", "Lag", "mixed") == ListBounds(min: 1, max: 3))
        #expect(models.productBlocks["Service"]?.resourceTypes == [])
    }

    @Test func abstractBlockStandsForItsConcreteSubclasses() throws {
        let models = try ModelProject.single(
            """
            class Endpoint(ProductBlockModel):
                label: str

            class PortEndpoint(Endpoint, product_block_name="PortEndpoint"):
                label: str
                port: int

            class PortEndpointActive(PortEndpoint, lifecycle=[SubscriptionLifecycle.ACTIVE]):
                label: str
                port: int

            class VlanEndpoint(Endpoint, product_block_name="VlanEndpoint"):
                vlan: int

            class Circuit(ProductBlockModel, product_block_name="Circuit"):
                ends: list[Endpoint]

            class Product(SubscriptionModel):
                circuit: Circuit
                extra: Endpoint | None
            """,
            registry: ["P": "Product"])
        #expect(models.productBlocks["Circuit"]?.dependsOn.keys.sorted() == ["PortEndpoint", "VlanEndpoint"])
        #expect(models.products["P"]?.productBlocks == ["Circuit", "PortEndpoint", "VlanEndpoint"])
        #expect(models.productBlocks["PortEndpoint"]?.resourceTypes == ["label", "port"])
        #expect(models.productBlocks["VlanEndpoint"]?.resourceTypes == ["vlan"])
        #expect(models.productBlocks["Endpoint"] == nil)
    }
}
