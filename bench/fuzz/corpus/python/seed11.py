from typing import List, Optional, Union

from orchestrator.domain.base import ProductBlockModel
from orchestrator.types import SubscriptionLifecycle

from products.product_blocks.common import IsisMetric, ListOfMembers, ListOfSides, OneToFour, VlanId
from products.product_blocks.ip_address import IpAddressBlock, IpAddressBlockInactive
from products.product_blocks.lag_member import LagMemberBlock, LagMemberBlockInactive
from products.product_blocks.router import RouterBlock, RouterBlockInactive, RouterBlockProvisioning


class IpTrunkSideBlockInactive(ProductBlockModel, product_block_name="IpTrunkSide"):
    side_node: Optional[RouterBlockInactive] = None
    ae_name: Optional[str] = None
    vlan: Optional[VlanId] = None
    lag_members: ListOfMembers[LagMemberBlockInactive]


class IpTrunkSideBlockProvisioning(IpTrunkSideBlockInactive, lifecycle=[SubscriptionLifecycle.PROVISIONING]):
    side_node: RouterBlockProvisioning
    ae_name: str
    vlan: VlanId
    lag_members: ListOfMembers[LagMemberBlockInactive]


class IpTrunkSideBlock(IpTrunkSideBlockProvisioning, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    side_node: RouterBlock
    ae_name: str
    vlan: VlanId
    lag_members: ListOfMembers[LagMemberBlock]


class IpTrunkBlockInactive(ProductBlockModel, product_block_name="IpTrunk"):
    trunk_capacity: Optional[str] = None
    isis_metric: Optional[IsisMetric] = None
    description: Optional[str] = None
    sides: ListOfSides[IpTrunkSideBlockInactive]
    spare_members: OneToFour[LagMemberBlockInactive]
    management: Optional[IpAddressBlockInactive] = None
    extra_addresses: List[IpAddressBlockInactive] = []
    anchor: Union[RouterBlockInactive, IpAddressBlockInactive, None] = None


class IpTrunkBlock(IpTrunkBlockInactive, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    trunk_capacity: str
    isis_metric: IsisMetric
    description: Optional[str] = None
    sides: ListOfSides[IpTrunkSideBlock]
    spare_members: OneToFour[LagMemberBlock]
    management: Optional[IpAddressBlock] = None
    extra_addresses: List[IpAddressBlock]
    anchor: Union[RouterBlock, IpAddressBlock, None] = None
