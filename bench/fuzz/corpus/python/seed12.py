from typing import Optional

from orchestrator.domain.base import ProductBlockModel, serializable_property
from orchestrator.types import SubscriptionLifecycle


class LagMemberBlockInactive(ProductBlockModel, product_block_name="LagMember"):
    interface_name: Optional[str] = None
    interface_description: Optional[str] = None


class LagMemberBlock(LagMemberBlockInactive, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    interface_name: str
    interface_description: Optional[str] = None

    class Config:
        anystr_strip_whitespace = True

    @serializable_property
    def title(self) -> str:
        return f"LAG member {self.interface_name}"
