from orchestrator.core.domain.base import SubscriptionModel
from orchestrator.core.types import SubscriptionLifecycle, strEnum

from old_products.product_blocks.mailbox import MailboxBlock, MailboxBlockInactive


class QuotaClass(strEnum):
    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"


class MailboxInactive(SubscriptionModel, is_base=True):
    quota_class: QuotaClass
    spam_filter: bool
    mailbox: MailboxBlockInactive


class Mailbox(MailboxInactive, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    quota_class: QuotaClass
    spam_filter: bool
    mailbox: MailboxBlock
