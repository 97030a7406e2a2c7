from orchestrator.core.domain.base import SubscriptionModel
from orchestrator.core.types import SubscriptionLifecycle

from products.product_blocks.dns import DnsZoneBlock, DnsZoneBlockInactive


class DnsZoneInactive(SubscriptionModel, is_base=True):
    zone: DnsZoneBlockInactive


class DnsZone(DnsZoneInactive, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    zone: DnsZoneBlock
