from orchestrator.core.domain import SUBSCRIPTION_MODEL_REGISTRY

from products.names import L2_CIRCUIT_10G, L2_CIRCUIT_100G, ProductName
from products.product_types.circuit import Circuit
from products.product_types.lab import LabSwitch

from .product_types.node import Node as NodeProduct

NODE_CORE = "Node core"

# Register models to actual definitions for deserialization purposes
SUBSCRIPTION_MODEL_REGISTRY.update(
    {
        L2_CIRCUIT_10G: Circuit,
        L2_CIRCUIT_100G: Circuit,
        ProductName.NODE.value: NodeProduct,
        NODE_CORE: NodeProduct,
    }
)
SUBSCRIPTION_MODEL_REGISTRY[ProductName.LAB_SWITCH.name] = LabSwitch
