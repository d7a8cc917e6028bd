"""How PyTorch reads an index: which node ``x[index]`` records, and whether ``x[index] = v`` writes a view.

PyTorch applies the plain parts of an index one by one (an int selects, None unsqueezes, a slice narrows;
a slice spanning its whole dimension and ``...`` are skipped), then the tensor and list parts at once.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from engine.functions import shape as fn
from engine.tensor import Tensor


def plain_index(index: Any) -> Any:
    """Tensors and lists inside an index become numpy arrays."""
    if isinstance(index, tuple):
        return tuple(plain_index(i) for i in index)
    if isinstance(index, Tensor):
        return index._data
    if isinstance(index, list):
        return np.asarray([i._data if isinstance(i, Tensor) else i for i in index])
    return index


def _dims_taken(part: Any) -> int:
    """How many of the indexed tensor's dimensions one part of an index consumes."""
    if part is None or part is ...:
        return 0
    if isinstance(part, np.ndarray) and part.dtype == bool:
        return part.ndim
    return 1


def check_index(index: Any, ndim: int) -> None:
    """Refusals numpy does not make or words otherwise: reversed slices, too many indices."""
    parts = index if isinstance(index, tuple) else (index,)
    if any(isinstance(part, slice) and part.step is not None and part.step < 0 for part in parts):
        raise ValueError("step must be greater than zero")
    if sum(_dims_taken(part) for part in parts) > ndim:
        raise IndexError(f"too many indices for tensor of dimension {ndim}")


def _view_steps(index: Any, shape: tuple) -> list[type]:
    """The view nodes PyTorch applies for the plain parts of ``index``, in order."""
    parts = index if isinstance(index, tuple) else (index,)
    taken = [_dims_taken(part) for part in parts]
    steps, dim = [], 0
    for part, span in zip(parts, taken, strict=True):
        if part is None:
            steps.append(fn.IndexUnsqueezeBackward0)
        elif isinstance(part, int | np.integer):
            steps.append(fn.SelectBackward0)
        elif isinstance(part, slice) and dim < len(shape) and part.indices(shape[dim]) != (0, shape[dim], 1):
            steps.append(fn.SliceBackward0)
        dim += len(shape) - sum(taken) if part is ... else span
    return steps


def indexing_kind(index: Any, shape: tuple) -> type:
    """The node ``x[index]`` records: the last step PyTorch applied (an alias when none was)."""
    parts = index if isinstance(index, tuple) else (index,)
    if any(isinstance(part, np.ndarray) for part in parts):
        return fn.IndexBackward0
    if isinstance(index, slice):
        return fn.SliceBackward0  # a lone slice is applied even when it spans the whole dimension
    steps = _view_steps(index, shape)
    return steps[-1] if steps else fn.IndexAliasBackward0


def writes_through_view(index: Any, shape: tuple) -> bool:
    """Whether ``a[index] = v`` writes into a view of ``a`` (PyTorch's words then say "a view of a leaf")."""
    return bool(_view_steps(index, shape))


def torch_index_error(error: IndexError) -> IndexError:
    """numpy's index error in PyTorch's words."""
    return IndexError(str(error).replace("axis", "dimension"))


def index_places(shape: tuple, indices: tuple) -> tuple[tuple[np.ndarray, ...], tuple[int, ...]]:
    """``index_put``'s tensors of indices (one per leading dimension; a boolean mask covers as many as it has)
    as numpy's index, and the shape ``x[indices]`` has; with PyTorch's refusals, in its words."""
    for position, index in enumerate(indices):
        if not isinstance(index, Tensor):
            raise TypeError(
                f"expected Tensor as element {position} in argument 1, but got {type(index).__name__}"
            )
        if index._data.dtype.kind not in "iub":
            raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
    taken = sum(index._data.ndim if index._data.dtype == bool else 1 for index in indices)
    if taken > len(shape):
        raise IndexError(f"too many indices for tensor of dimension {len(shape)} (got {taken})")
    places, dim = [], 0
    for index in indices:
        data = index._data
        if data.dtype != bool:
            places.append(data)
            dim += 1
            continue
        for offset, size in enumerate(data.shape):
            if size != shape[dim + offset]:
                raise IndexError(
                    f"The shape of the mask {list(data.shape)} at index {offset} does not match the shape of "
                    f"the indexed tensor {list(shape)} at index {dim + offset}"
                )
        places.extend(np.nonzero(data))
        dim += data.ndim
    try:
        joint = np.broadcast_shapes(*(place.shape for place in places))
    except ValueError:
        shown = ", ".join(str(list(place.shape)) for place in places)
        raise IndexError(
            f"shape mismatch: indexing tensors could not be broadcast together with shapes {shown}"
        ) from None
    for axis, place in enumerate(places):
        outside = (place < -shape[axis]) | (place >= shape[axis])
        if outside.any():
            first = place.reshape(-1)[np.argmax(outside.reshape(-1))]
            raise IndexError(f"index {first} is out of bounds for dimension {axis} with size {shape[axis]}")
    return tuple(places), tuple(joint) + tuple(shape[len(places) :])


def broadcasts_to(shape: tuple, target: tuple) -> bool:
    """Whether a tensor of ``shape`` broadcasts to ``target`` without growing it (no extra dimensions)."""
    if len(shape) > len(target):
        return False
    return all(size in (1, wanted) for size, wanted in zip(shape[::-1], target[::-1], strict=False))
