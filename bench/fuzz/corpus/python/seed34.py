from orchestrator.core.domain.base import ProductBlockModel
from orchestrator.core.types import SubscriptionLifecycle

from old_products.product_blocks.archive import ArchiveBlock, ArchiveBlockInactive


class MailboxBlockInactive(ProductBlockModel, product_block_name="Mailbox"):
    address: str | None = None
    quota_mb: int | None = None
    forward_to: str | None = None
    archive: ArchiveBlockInactive | None = None


class MailboxBlock(MailboxBlockInactive, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    address: str
    quota_mb: int
    forward_to: str | None = None
    archive: ArchiveBlock | None = None
