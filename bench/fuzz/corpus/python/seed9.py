"""Constrained lists of product blocks and constrained scalars (pydantic v1, orchestrator-core 1.x)."""

import re
from enum import Enum

from pydantic import ConstrainedInt, ConstrainedStr

from orchestrator.domain.base import SubscriptionInstanceList, T
from orchestrator.types import strEnum

MIN_LAG_MEMBERS = 1
MAX_LAG_MEMBERS = 8


class ListOfMembers(SubscriptionInstanceList[T]):
    min_items = MIN_LAG_MEMBERS
    max_items = MAX_LAG_MEMBERS


class ListOfSides(ListOfMembers[T]):
    """Overrides one bound; min_items (1) is inherited from ListOfMembers."""

    max_items = 2


class AtLeastOne(SubscriptionInstanceList[T]):
    min_items = 1


class AtMostFour(SubscriptionInstanceList[T]):
    max_items = 4


class OneToFour(AtLeastOne[T], AtMostFour[T]):
    """Multiple inheritance: min_items from AtLeastOne, max_items from AtMostFour."""


class VlanId(ConstrainedInt):
    ge = 1
    le = 4094


class IsisMetric(ConstrainedInt):
    ge = 1
    le = 16777215


class Hostname(ConstrainedStr):
    regex = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)*$")
    max_length = 253


class RouterVendor(strEnum):
    JUNIPER = "juniper"
    NOKIA = "nokia"


class IpTrunkSpeed(str, Enum):
    SPEED_10G = "10G"
    SPEED_100G = "100G"
    SPEED_400G = "400G"
