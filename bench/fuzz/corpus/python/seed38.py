from orchestrator.core.domain import SUBSCRIPTION_MODEL_REGISTRY

from products.product_types.mailbox import Mailbox

SUBSCRIPTION_MODEL_REGISTRY.update({"Mailbox": Mailbox, "Shared mailbox": Mailbox})
