"""Node product block: refers to itself (uplink, peers) and holds a constrained list of ports."""

from typing import Optional

from orchestrator.core.domain.base import ProductBlockModel
from orchestrator.core.types import SubscriptionLifecycle

from ..shared import Hostname, ListOfPeers, ListOfPorts, VlanId
from .port import PortBlock, PortBlockInactive, PortBlockProvisioning


class NodeBlockInactive(ProductBlockModel, product_block_name="Node"):
    hostname: Hostname | None = None
    loopback_vlan: VlanId | None = None
    asn: int | None = None
    ports: ListOfPorts[PortBlockInactive]
    uplink: Optional["NodeBlockInactive"] = None
    peers: ListOfPeers["NodeBlockInactive"]


class NodeBlockProvisioning(NodeBlockInactive, lifecycle=[SubscriptionLifecycle.PROVISIONING]):
    hostname: Hostname
    loopback_vlan: VlanId
    asn: int | None = None
    ports: ListOfPorts[PortBlockProvisioning]
    uplink: Optional["NodeBlockProvisioning"] = None
    peers: ListOfPeers["NodeBlockProvisioning"]


class NodeBlock(NodeBlockProvisioning, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    hostname: Hostname
    loopback_vlan: VlanId
    asn: int
    ports: ListOfPorts[PortBlock]
    uplink: Optional["NodeBlock"] = None
    peers: ListOfPeers["NodeBlock"]
