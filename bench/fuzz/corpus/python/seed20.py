"""Service endpoints: an abstract block (no product_block_name anywhere) with two concrete blocks.

Each concrete lifecycle class inherits from its own previous-lifecycle class and from the abstract class of the
same lifecycle (diamond inheritance).
"""

from orchestrator.core.domain.base import ProductBlockModel
from orchestrator.core.types import SubscriptionLifecycle

from products.product_blocks.node import NodeBlock, NodeBlockInactive, NodeBlockProvisioning
from products.product_blocks.port import PortBlock, PortBlockInactive, PortBlockProvisioning
from products.product_blocks.qos import QosBlock, QosBlockInactive
from products.shared import VlanId


class ServiceEndpointBlockInactive(ProductBlockModel):
    description: str | None = None


class ServiceEndpointBlockProvisioning(
    ServiceEndpointBlockInactive, lifecycle=[SubscriptionLifecycle.PROVISIONING]
):
    description: str | None = None


class ServiceEndpointBlock(ServiceEndpointBlockProvisioning, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    description: str | None = None


class PortEndpointBlockInactive(
    ServiceEndpointBlockInactive,
    product_block_name="PortEndpoint",
):
    port: PortBlockInactive | None = None
    vlan: VlanId | None = None


class PortEndpointBlockProvisioning(
    PortEndpointBlockInactive,
    ServiceEndpointBlockProvisioning,
    lifecycle=[SubscriptionLifecycle.PROVISIONING],
):
    port: PortBlockProvisioning
    vlan: VlanId


class PortEndpointBlock(
    PortEndpointBlockProvisioning,
    ServiceEndpointBlock,
    lifecycle=[SubscriptionLifecycle.ACTIVE],
):
    port: PortBlock
    vlan: VlanId


class VlanEndpointBlockInactive(ServiceEndpointBlockInactive, product_block_name="VlanEndpoint"):
    node: NodeBlockInactive | None = None
    vlan_range: list[VlanId] | None = None
    description: str | None = None
    qos: QosBlockInactive | None = None


class VlanEndpointBlockProvisioning(
    VlanEndpointBlockInactive, ServiceEndpointBlockProvisioning, lifecycle=[SubscriptionLifecycle.PROVISIONING]
):
    node: NodeBlockProvisioning
    vlan_range: list[VlanId]
    description: str | None = None
    qos: QosBlock | None = None


class VlanEndpointBlock(VlanEndpointBlockProvisioning, ServiceEndpointBlock, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    node: NodeBlock
    vlan_range: list[VlanId]
    description: str | None = None
    qos: QosBlock | None = None
