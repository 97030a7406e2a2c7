"""Lab block with console and power devices: the Union spellings."""

from typing import Union

from orchestrator.core.domain.base import ProductBlockModel
from orchestrator.core.types import SubscriptionLifecycle

from products.product_blocks.node import NodeBlock, NodeBlockInactive
from products.product_blocks.port import PortBlock, PortBlockInactive
from products.shared import Hostname


class ConsoleServerBlock(ProductBlockModel, product_block_name="ConsoleServer"):
    hostname: Hostname
    line_count: int


class PowerStripBlock(ProductBlockModel, product_block_name="PowerStrip"):
    outlets: int
    managed: bool = False


LabDevice = Union[ConsoleServerBlock, PowerStripBlock]


class LabBlockInactive(ProductBlockModel, product_block_name="Lab"):
    rack: str | None = None
    lab_vlans: list[int] = []
    switch: NodeBlockInactive | None = None
    console: Union[ConsoleServerBlock, PowerStripBlock, None] = None
    oob: ConsoleServerBlock | PowerStripBlock | PortBlockInactive | None = None
    device: LabDevice | None = None
    uplinks: list["PortBlockInactive"] = []


class LabBlock(LabBlockInactive, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    rack: str
    lab_vlans: list[int]
    switch: NodeBlock
    console: Union[ConsoleServerBlock, PowerStripBlock]
    oob: ConsoleServerBlock | PowerStripBlock | PortBlock | None = None
    device: LabDevice
    uplinks: list["PortBlock"]
