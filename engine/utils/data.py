"""``torch.utils.data``: Dataset, TensorDataset, Subset and random_split, and the DataLoader a training loop
takes its batches from.

The loader batches as PyTorch's does: indices in order, or shuffled anew each time it is iterated with a
permutation (``randperm``) from its ``generator``, else from a generator seeded by a draw from the default
one, and it draws what PyTorch's iterator draws, so that after ``manual_seed`` the batches and the random
numbers after them come out as in PyTorch; each batch is collated field by field (tensors
stacked, Python numbers made a tensor: float64 for floats, int64 for ints).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterator, Sequence
from typing import Any

from engine import creation, dtypes, join_ops
from engine.random_source import Generator
from engine.tensor import Tensor

SEED_RANGE = 1 << 63  # a shuffle's seed: torch.empty((), dtype=torch.int64).random_(), from 64 random bits


class Dataset:
    """A map-style dataset: ``dataset[i]`` is one example and ``len(dataset)`` how many (subclasses say)."""

    def __getitem__(self, index: int) -> Any:
        raise NotImplementedError("Subclasses of Dataset should implement __getitem__.")


class TensorDataset(Dataset):
    """Examples that are rows of the given tensors, all of the same length: ``dataset[i]`` is a tuple."""

    def __init__(self, *tensors: Tensor) -> None:
        if any(tensor.size(0) != tensors[0].size(0) for tensor in tensors):
            raise AssertionError("Size mismatch between tensors")
        self.tensors = tensors

    def __getitem__(self, index: int) -> tuple[Tensor, ...]:
        return tuple(tensor[index] for tensor in self.tensors)

    def __len__(self) -> int:
        return self.tensors[0].size(0)


class Subset(Dataset):
    """The examples of ``dataset`` at ``indices``, in that order: ``subset[i]`` is ``dataset[indices[i]]``."""

    def __init__(self, dataset: Any, indices: Sequence[int]) -> None:
        self.dataset = dataset
        self.indices = indices

    def __getitem__(self, index: int | list[int]) -> Any:
        if isinstance(index, list):  # several at once, as PyTorch's Subset takes them
            return self.dataset[[self.indices[position] for position in index]]
        return self.dataset[self.indices[index]]

    def __len__(self) -> int:
        return len(self.indices)


def random_split(
    dataset: Any, lengths: Sequence[int | float], generator: Generator | None = None
) -> list[Subset]:
    """``dataset`` dealt into Subsets of the given sizes, or shares of its length that add up to 1, at random:
    positions in one permutation (``randperm``) of the whole, from ``generator`` (else the default one), as
    PyTorch draws it, so that after ``manual_seed`` the same examples land in the same part."""
    sizes = list(lengths)
    if math.isclose(sum(sizes), 1) and sum(sizes) <= 1:
        sizes = _sizes_of_shares(sizes, len(dataset))
    if sum(sizes) != len(dataset):
        raise ValueError("Sum of input lengths does not equal the length of the input dataset!")
    order = creation.randperm(sum(sizes), generator=generator).tolist()
    parts, start = [], 0
    for size in sizes:
        parts.append(Subset(dataset, order[start : start + size]))
        start += size
    return parts


def _sizes_of_shares(shares: list[float], total: int) -> list[int]:
    """Each share of ``total`` rounded down, then what that left over handed out one by one from the first."""
    sizes = []
    for position, share in enumerate(shares):
        if not 0 <= share <= 1:
            raise ValueError(f"Fraction at index {position} is not between 0 and 1")
        sizes.append(math.floor(total * share))
    for extra in range(total - sum(sizes)):
        sizes[extra % len(sizes)] += 1
    for position, size in enumerate(sizes):
        if size == 0:
            message = f"Length of split at index {position} is 0. This might result in an empty dataset."
            warnings.warn(message, stacklevel=3)  # where random_split was called
    return sizes


class DataLoader:
    """Batches of ``batch_size`` examples of ``dataset``, in order or shuffled each epoch."""

    def __init__(
        self,
        dataset: Any,
        batch_size: int | None = 1,
        shuffle: bool | None = None,
        drop_last: bool = False,
        generator: Generator | None = None,
    ) -> None:
        if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size <= 0:
            raise ValueError(
                f"batch_size should be a positive integer value, but got batch_size={batch_size}"
            )
        self.dataset = dataset
        self.batch_size = batch_size
        self.shuffle = bool(shuffle)
        self.drop_last = drop_last
        self.generator = generator

    def __len__(self) -> int:
        count = len(self.dataset)
        return count // self.batch_size if self.drop_last else -(-count // self.batch_size)

    def __iter__(self) -> Iterator[Any]:
        # PyTorch's iterator draws a base seed (for worker processes) as it is made, shuffled or not: the
        # same draw keeps the random numbers that follow a loop the same as in PyTorch
        (self.generator._source if self.generator is not None else creation.generator()).raw64(1)
        return self._batches()

    def _batches(self) -> Iterator[Any]:
        order = self._order()  # at the first batch, as PyTorch's sampler draws its shuffle
        for start in range(0, len(order), self.batch_size):
            indices = order[start : start + self.batch_size]
            if len(indices) < self.batch_size and self.drop_last:
                return
            yield collate([self.dataset[index] for index in indices])

    def _order(self) -> list[int]:
        count = len(self.dataset)
        if not self.shuffle:
            return list(range(count))
        generator = self.generator
        if generator is None:  # PyTorch's RandomSampler: a fresh generator seeded from the default one
            seed = int(creation.generator().raw64(1)[0]) % SEED_RANGE
            generator = Generator().manual_seed(seed)
        return creation.randperm(count, generator=generator).tolist()


def collate(batch: Sequence[Any]) -> Any:
    """PyTorch's default collation: tensors stacked, numbers made one tensor, strings left as they are,
    tuples and lists (as lists) and dicts field by field."""
    first = batch[0]
    if isinstance(first, Tensor):
        return join_ops.stack(list(batch))
    if isinstance(first, float):
        return creation.tensor(list(batch), dtype=dtypes.float64)
    if isinstance(first, int):  # bool too: a bool tensor, as torch.tensor makes of bools
        return creation.tensor(list(batch))
    if isinstance(first, str):
        return batch  # as it came: the loader's list, or a tuple of one field's values
    if isinstance(first, dict):
        return {key: collate([example[key] for example in batch]) for key in first}
    if isinstance(first, tuple | list):  # a list of the fields either way, as PyTorch's
        return [collate(samples) for samples in zip(*batch, strict=True)]
    raise TypeError(
        "default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; "
        f"found {type(first)}"
    )
