from orchestrator.core.domain.base import ProductBlockModel
from orchestrator.core.types import SubscriptionLifecycle


class DnsRecordBlockInactive(ProductBlockModel, product_block_name="DnsRecord"):
    record_name: str | None = None
    record_type: str | None = None
    record_value: str | None = None


class DnsRecordBlock(DnsRecordBlockInactive, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    record_name: str
    record_type: str
    record_value: str


class DnsZoneBlockInactive(ProductBlockModel, product_block_name="DnsZone"):
    zone_name: str | None = None
    ttl: int | None = None
    records: list[DnsRecordBlockInactive]


class DnsZoneBlock(DnsZoneBlockInactive, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    zone_name: str
    ttl: int
    records: list[DnsRecordBlock]
