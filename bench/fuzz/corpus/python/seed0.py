from orchestrator.core.domain import SUBSCRIPTION_MODEL_REGISTRY

from products.product_types.dns import DnsZone
from products.product_types.firewall import Firewall  # module deleted, import left behind
from products.product_types.storage import StorageVolume

SUBSCRIPTION_MODEL_REGISTRY.update(
    {
        "DNS zone": DnsZone,
        "Firewall": Firewall,
        "Storage volume": StorageVolume,
    }
)
