"""Lab switch product. Imports SubscriptionModel through the re-export in orchestrator.core.domain."""

from __future__ import annotations

from typing import Optional

from orchestrator.core.domain import SubscriptionModel
from orchestrator.core.types import SubscriptionLifecycle

from products.product_blocks.lab import LabBlock, LabBlockInactive
from products.shared import Vendor


class LabSwitchInactive(SubscriptionModel, is_base=True):
    vendor: Vendor
    firmware: Optional[str] = None
    allowed_vlans: list[int]
    lab: LabBlockInactive


class LabSwitch(LabSwitchInactive, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    vendor: Vendor
    firmware: Optional[ str ] = None  # odd spacing on purpose: the fixed-input type is ast.unparse'd
    allowed_vlans: list[int]
    lab: LabBlock
