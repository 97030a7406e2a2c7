"""Port product block: resource types of many shapes."""

from pydantic import ConfigDict, Field, PrivateAttr, computed_field, field_validator

from orchestrator.core.domain.base import ProductBlockModel
from orchestrator.core.types import SubscriptionLifecycle

from products.shared import ListOfVlans, PortMode, PortSpeed


class PortBlockInactive(ProductBlockModel, product_block_name="Port"):
    port_name: str | None = None
    port_mode: PortMode | None = None
    speed: PortSpeed | None = None
    mtu_size: int | None = Field(None, alias="mtu")
    speed_label: str | None = Field(None, serialization_alias="speedLabel")
    vlan_ids: ListOfVlans[int]
    tags: list[str] = Field(default_factory=list)
    ims_id: int | None = None


class PortBlockProvisioning(PortBlockInactive, lifecycle=[SubscriptionLifecycle.PROVISIONING]):
    port_name: str
    port_mode: PortMode
    speed: PortSpeed
    mtu_size: int = Field(9000, alias="mtu")
    speed_label: str | None = Field(None, serialization_alias="speedLabel")
    vlan_ids: ListOfVlans[int]
    tags: list[str]
    ims_id: int | None = None


class PortBlock(PortBlockProvisioning, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    """An active port. `tags` is inherited and not re-declared here, so it is not a field of this class."""

    model_config = ConfigDict(populate_by_name=True)

    port_name: str
    port_mode: PortMode
    speed: PortSpeed
    mtu_size: int = Field(default=9000, alias="mtu")
    speed_label: str | None = Field(None, serialization_alias="speedLabel")
    vlan_ids: ListOfVlans[int]
    ims_id: int
    _cache: dict[str, str] = PrivateAttr(default_factory=dict)
    _last_sync: str | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def title(self) -> str:
        return f"{self.port_name} ({self.port_mode})"

    @property
    def is_tagged(self) -> bool:
        return self.port_mode == PortMode.TAGGED

    @field_validator("port_name")
    @classmethod
    def strip_port_name(cls, value: str) -> str:
        return value.strip()
