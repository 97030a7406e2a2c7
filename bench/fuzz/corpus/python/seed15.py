from orchestrator.domain.base import SubscriptionModel
from orchestrator.types import SubscriptionLifecycle

from products.product_blocks.common import IpTrunkSpeed, VlanId
from products.product_blocks.ip_trunk import IpTrunkBlock, IpTrunkBlockInactive


class IpTrunkInactive(SubscriptionModel, is_base=True):
    speed: IpTrunkSpeed
    default_vlan: VlanId
    trunk: IpTrunkBlockInactive


class IpTrunk(IpTrunkInactive, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    speed: IpTrunkSpeed
    default_vlan: VlanId
    trunk: IpTrunkBlock
