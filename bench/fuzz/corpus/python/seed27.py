"""L2 circuit product. Registered under two names taken from module constants."""

from pydantic import model_validator

from orchestrator.core.domain.base import SubscriptionModel
from orchestrator.core.types import SubscriptionLifecycle

from products.product_blocks.circuit import CircuitBlock, CircuitBlockInactive, CircuitBlockProvisioning
from products.product_blocks.endpoint import (
    ServiceEndpointBlock,
    ServiceEndpointBlockInactive,
    ServiceEndpointBlockProvisioning,
)
from products.shared import PortSpeed, ServiceClass


class CircuitInactive(SubscriptionModel, is_base=True, lifecycle=[SubscriptionLifecycle.INITIAL]):
    speed: PortSpeed
    service_class: ServiceClass
    protected: bool
    circuit: CircuitBlockInactive
    extra_endpoint: ServiceEndpointBlockInactive | None = None


class CircuitProvisioning(
    CircuitInactive,
    lifecycle=[SubscriptionLifecycle.PROVISIONING, SubscriptionLifecycle.TERMINATED],
):
    speed: PortSpeed
    service_class: ServiceClass
    protected: bool
    circuit: CircuitBlockProvisioning
    extra_endpoint: ServiceEndpointBlockProvisioning | None = None


class Circuit(CircuitProvisioning, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    speed: PortSpeed
    service_class: ServiceClass
    protected: bool
    circuit: CircuitBlock
    extra_endpoint: ServiceEndpointBlock | None = None

    @model_validator(mode="after")
    def check_protection(self) -> "Circuit":
        if self.protected and not self.circuit.monitoring:
            raise ValueError("a protected circuit needs at least one monitoring port")
        return self


def legacy_endpoint_type() -> type:
    """Only used by a one-off data migration script. The import stays inside the function on purpose."""
    from products.product_blocks.legacy import LegacyEndpointBlock

    return LegacyEndpointBlock
