"""Circuit product block."""

import typing

from orchestrator.core.domain.base import ProductBlockModel
from orchestrator.core.types import SubscriptionLifecycle

from products.product_blocks.endpoint import (
    ServiceEndpointBlock,
    ServiceEndpointBlockInactive,
    ServiceEndpointBlockProvisioning,
)
from products.product_blocks.node import NodeBlock, NodeBlockInactive, NodeBlockProvisioning
from products.product_blocks.port import PortBlock as Port
from products.product_blocks.port import PortBlockInactive, PortBlockProvisioning
from products.shared import ListOfEndpoints

# A circuit is protected either by a whole node or by a single port.
ProtectionPathInactive = (
    NodeBlockInactive
    | PortBlockInactive
)
ProtectionPath = (
    NodeBlock
    | Port
)


class CircuitBlockInactive(ProductBlockModel, product_block_name="Circuit"):
    circuit_id: int | None = None
    endpoints: ListOfEndpoints[ServiceEndpointBlockInactive]
    primary_node: NodeBlockInactive | None = None
    monitoring: typing.List[PortBlockInactive]
    protection: ProtectionPathInactive | None = None


class CircuitBlockProvisioning(CircuitBlockInactive, lifecycle=[SubscriptionLifecycle.PROVISIONING]):
    circuit_id: int | None = None
    endpoints: ListOfEndpoints[ServiceEndpointBlockProvisioning]
    primary_node: NodeBlockProvisioning | None = None
    monitoring: typing.List[PortBlockProvisioning]
    protection: NodeBlockProvisioning | PortBlockProvisioning


class CircuitBlock(CircuitBlockProvisioning, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    circuit_id: int
    endpoints: ListOfEndpoints[ServiceEndpointBlock]
    primary_node: NodeBlock | None = None
    monitoring: typing.List[Port]
    protection: ProtectionPath
