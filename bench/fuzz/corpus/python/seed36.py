from orchestrator.core.domain.base import SubscriptionModel
from orchestrator.core.types import SubscriptionLifecycle

from old_products.product_blocks.archive import ArchiveBlock, ArchiveBlockInactive


class MailArchiveInactive(SubscriptionModel, is_base=True):
    archive: ArchiveBlockInactive


class MailArchive(MailArchiveInactive, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    archive: ArchiveBlock
