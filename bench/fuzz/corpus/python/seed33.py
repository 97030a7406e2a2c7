from orchestrator.core.domain.base import ProductBlockModel
from orchestrator.core.types import SubscriptionLifecycle


class ArchiveBlockInactive(ProductBlockModel, product_block_name="Archive"):
    retention_days: int | None = None


class ArchiveBlock(ArchiveBlockInactive, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    retention_days: int
