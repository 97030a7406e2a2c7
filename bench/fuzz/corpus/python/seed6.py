from orchestrator.core.domain.base import SubscriptionModel
from orchestrator.core.types import SubscriptionLifecycle

from products.product_blocks.storage import StorageVolumeBlock, StorageVolumeBlockInactive


class StorageVolumeInactive(SubscriptionModel, is_base=True):
    size_gb: int
    volume: StorageVolumeBlockInactive


class StorageVolume(StorageVolumeInactive, lifecycle=[SubscriptionLifecycle.ACTIVE]):
    size_gb: int
    volume: StorageVolumeBlock
    backup: BackupPolicyBlock  # added without its import; no such class anywhere in the project
