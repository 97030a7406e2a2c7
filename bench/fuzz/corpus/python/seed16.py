from orchestrator.domain.base import SubscriptionModel
from orchestrator.types import SubscriptionLifecycle

from products.product_blocks.common import RouterVendor
from products.product_blocks.ip_address import ListOfAddresses
from products.product_blocks.router import RouterBlock, RouterBlockInactive, RouterBlockProvisioning


class RouterInactive(SubscriptionModel, is_base=True):
    vendor: RouterVendor
    rack_units: int
    router: RouterBlockInactive
    management_addresses: ListOfAddresses


class RouterProvisioning(RouterInactive, lifecycle=[SubscriptionLifecycle.PROVISIONING]):
    vendor: RouterVendor
    rack_units: int
    router: RouterBlockProvisioning
    management_addresses: ListOfAddresses


class Router(RouterProvisioning, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    vendor: RouterVendor
    rack_units: int
    router: RouterBlock
    management_addresses: ListOfAddresses
