"""A third concrete service endpoint. Only imported inside a function (products/product_types/circuit.py), so it is
never loaded when the products package is imported, and LegacyEndpoint is not one of ServiceEndpointBlock's names."""

from orchestrator.core.types import SubscriptionLifecycle

from products.product_blocks.endpoint import ServiceEndpointBlock, ServiceEndpointBlockInactive


class LegacyEndpointBlockInactive(ServiceEndpointBlockInactive, product_block_name="LegacyEndpoint"):
    legacy_id: int | None = None


class LegacyEndpointBlock(LegacyEndpointBlockInactive, ServiceEndpointBlock, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    legacy_id: int
