"""Node product. Registered twice ("Node" and "Node core"), imported by the registry under the alias NodeProduct."""

from typing import Annotated, List, Optional

from annotated_types import Ge, Le
from pydantic import Field, computed_field

from orchestrator.core.domain.base import SubscriptionModel
from orchestrator.core.types import SubscriptionLifecycle

from products.product_blocks.node import NodeBlock, NodeBlockInactive, NodeBlockProvisioning
from products.product_blocks.port import PortBlock, PortBlockInactive, PortBlockProvisioning
from products.shared import NodeType


class NodeInactive(SubscriptionModel, is_base=True):
    node_type: NodeType
    max_ports: Annotated[int, Ge(1), Le(96)]
    node_role: str = Field("core", alias="role")
    node: NodeBlockInactive
    management_port: Optional[PortBlockInactive] = None
    spare_ports: List[PortBlockInactive]


class NodeProvisioning(NodeInactive, lifecycle=[SubscriptionLifecycle.PROVISIONING]):
    node_type: NodeType
    max_ports: Annotated[int, Ge(1), Le(96)]
    node_role: str = Field("core", alias="role")
    node: NodeBlockProvisioning
    management_port: Optional[PortBlockProvisioning] = None
    spare_ports: List[PortBlockProvisioning]


class NodeWithHelpers(NodeProvisioning):
    """No class keywords: an in-between class that only adds helpers."""

    def spare_port_names(self) -> list[str]:
        return [port.port_name for port in self.spare_ports]


class Node(NodeWithHelpers, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    node_type: NodeType
    max_ports: Annotated[int, Ge(1), Le(96)]
    node_role: str = Field("core", alias="role")
    node: NodeBlock
    management_port: Optional[PortBlock] = None
    spare_ports: List[PortBlock]
    _inventory_cache: dict[str, str] = {}

    @computed_field  # type: ignore[prop-decorator]
    @property
    def title(self) -> str:
        return f"{self.node_type} node {self.node.hostname}"
