from orchestrator.core.domain.base import ProductBlockModel
from orchestrator.core.types import SubscriptionLifecycle


class StorageVolumeBlockInactive(ProductBlockModel, product_block_name="StorageVolume"):
    volume_id: str | None = None
    iops: int | None = None


class StorageVolumeBlock(StorageVolumeBlockInactive, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    volume_id: str
    iops: int
