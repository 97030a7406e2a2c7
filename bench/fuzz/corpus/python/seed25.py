"""QoS policy block. Only reachable through VlanEndpointBlock, itself only reachable as a concrete
subclass of the abstract ServiceEndpointBlock."""

from orchestrator.core.domain.base import ProductBlockModel as BlockModel
from orchestrator.core.types import SubscriptionLifecycle


class QosBlockInactive(BlockModel, product_block_name="Qos"):
    policy_name: str | None = None
    rate_limit_mbps: int | None = None


class QosBlock(
    QosBlockInactive,
    lifecycle=[SubscriptionLifecycle.PROVISIONING, SubscriptionLifecycle.ACTIVE],
):
    policy_name: str
    rate_limit_mbps: int | None = None
