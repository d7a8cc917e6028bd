"""``torch.utils``: ``data`` (datasets and the DataLoader that batches them)."""

from engine.utils import data

__all__ = ["data"]
