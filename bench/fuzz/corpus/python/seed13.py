from typing import Optional

from pydantic import validator

from orchestrator.domain.base import ProductBlockModel
from orchestrator.types import SubscriptionLifecycle

from products.product_blocks.common import Hostname, RouterVendor
from products.product_blocks.ip_address import ListOfAddresses, ListOfLoopbacks


class RouterBlockInactive(ProductBlockModel, product_block_name="Router"):
    router_fqdn: Optional[Hostname] = None
    router_vendor: Optional[RouterVendor] = None
    router_asn: Optional[int] = None
    loopbacks: ListOfAddresses
    addresses: ListOfAddresses


class RouterBlockProvisioning(RouterBlockInactive, lifecycle=[SubscriptionLifecycle.PROVISIONING]):
    router_fqdn: Hostname
    router_vendor: RouterVendor
    router_asn: Optional[int] = None
    loopbacks: ListOfLoopbacks
    addresses: ListOfAddresses


class RouterBlock(RouterBlockProvisioning, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    router_fqdn: Hostname
    router_vendor: RouterVendor
    router_asn: int
    loopbacks: ListOfLoopbacks
    addresses: ListOfAddresses

    @validator("router_fqdn")
    def lower_fqdn(cls, value: str) -> str:
        return value.lower()

    @property
    def site(self) -> str:
        return self.router_fqdn.split(".")[1]
