from orchestrator.domain import SUBSCRIPTION_MODEL_REGISTRY

from products.product_types.ip_trunk import IpTrunk
from products.product_types.router import Router

PRODUCTS = {
    "IP trunk": IpTrunk,
    "Router": Router,
}

SUBSCRIPTION_MODEL_REGISTRY.update(PRODUCTS)
SUBSCRIPTION_MODEL_REGISTRY["IP trunk (legacy)"] = IpTrunk
