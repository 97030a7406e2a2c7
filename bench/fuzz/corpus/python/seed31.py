from orchestrator.core.domain import SUBSCRIPTION_MODEL_REGISTRY

from old_products.product_types.archive import MailArchive
from old_products.product_types.mailbox import Mailbox

SUBSCRIPTION_MODEL_REGISTRY.update({"Mailbox": Mailbox, "Mail archive": MailArchive})
