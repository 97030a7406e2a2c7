"""Product names as stored in the `products` table."""

from orchestrator.core.types import strEnum

L2_CIRCUIT_10G = "L2 Circuit 10G"
L2_CIRCUIT_100G = "L2 Circuit 100G"


class ProductName(strEnum):
    NODE = "Node"
    LAB_SWITCH = "Lab switch"
