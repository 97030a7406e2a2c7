"""Types shared by the network products: constrained list aliases, constrained scalars and enums."""

from enum import Enum, IntEnum, StrEnum
from typing import Annotated

from annotated_types import Ge, Le, Len
from pydantic import Field, StringConstraints

from orchestrator.core.types import SI, strEnum

# Constrained lists, subscripted with the item type where they are used (the form `generate` writes).
ListOfPorts = Annotated[list[SI], Len(min_length=1, max_length=48)]
ListOfPeers = Annotated[list[SI], Len(min_length=0)]
ListOfEndpoints = Annotated[
    list[SI],
    Len(min_length=2, max_length=2),
    Field(description="The two ends of a circuit"),
]
# The same construct used with a scalar item type: a resource type, not a block relation.
ListOfVlans = Annotated[list[SI], Len(min_length=1, max_length=10)]

# Constrained scalars.
VlanId = Annotated[int, Ge(2), Le(4094)]
Hostname = Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+(\.[a-z0-9-]+)*$", max_length=253)]


class NodeType(str, Enum):
    CORE = "core"
    EDGE = "edge"
    LAB = "lab"


class PortSpeed(IntEnum):
    GE_1 = 1000
    GE_10 = 10000
    GE_40 = 40000
    GE_100 = 100000
    GE_400 = 400000


class PortMode(strEnum):
    TAGGED = "tagged"
    UNTAGGED = "untagged"
    LINK_MEMBER = "link_member"


class ServiceClass(strEnum):
    GOLD = "gold"
    SILVER = "silver"
    BEST_EFFORT = "best-effort"


class Vendor(StrEnum):
    NOKIA = "Nokia"
    ARISTA = "arista"
    JUNIPER = "juniper"
