from typing import Optional

from orchestrator.domain.base import ProductBlockModel, SubscriptionInstanceList
from orchestrator.types import SubscriptionLifecycle


class IpAddressBlockInactive(ProductBlockModel, product_block_name="IpAddress"):
    address: Optional[str] = None
    prefix_length: Optional[int] = None


class IpAddressBlock(IpAddressBlockInactive, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    address: str
    prefix_length: int


class ListOfAddresses(SubscriptionInstanceList[IpAddressBlock]):
    """Item type baked in: used without a subscript."""

    min_items = 0
    max_items = 16


class ListOfLoopbacks(ListOfAddresses):
    """Inherits the item type and max_items (16); overrides min_items."""

    min_items = 1
