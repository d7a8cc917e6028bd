"""Joining and splitting tensors: cat, stack, split, chunk, unbind."""

from __future__ import annotations

from typing import Any

from engine.functions import shape as fn
from engine.shape_ops import _dim, _shares_version
from engine.tensor import Tensor


def _same_dtype(tensors: list[Tensor]) -> list[Tensor]:
    from engine import dtypes

    target = tensors[0].dtype
    for other in tensors[1:]:
        target = dtypes.promote_types(target, other.dtype)
    return [x if x.dtype is target else x.to(target) for x in tensors]


def cat(tensors: Any, dim: int = 0) -> Tensor:
    tensors = _same_dtype(list(tensors))
    if not tensors:
        raise RuntimeError("torch.cat(): expected a non-empty list of Tensors")
    for position, tensor in enumerate(tensors):
        if tensor._data.ndim == 0:
            raise RuntimeError(f"zero-dimensional tensor (at position {position}) cannot be concatenated")
    # as PyTorch, a 1-d tensor with no elements joins anything (it is left out)
    joined = [tensor for tensor in tensors if tensor._data.shape != (0,)] or tensors[:1]
    ndim = joined[0]._data.ndim
    axis = _dim(dim, ndim)
    first = joined[0]._data.shape
    for other in joined[1:]:
        if other._data.ndim != ndim:
            raise RuntimeError(
                f"Tensors must have same number of dimensions: got {ndim} and {other._data.ndim}"
            )
    for other in joined[1:]:
        number = next(i for i, tensor in enumerate(tensors) if tensor is other)
        for d, (size_a, size_b) in enumerate(zip(first, other._data.shape, strict=True)):
            if d != axis and size_a != size_b:
                raise RuntimeError(
                    f"Sizes of tensors must match except in dimension {axis}. Expected size {size_a} but "
                    f"got size {size_b} for tensor number {number} in the list."
                )
    return fn.CatBackward0.apply(*tensors, dim=axis)


def stack(tensors: Any, dim: int = 0) -> Tensor:
    tensors = _same_dtype(list(tensors))
    first = tensors[0]._data.shape
    for number, other in enumerate(tensors[1:], start=1):
        if other._data.shape != first:
            raise RuntimeError(
                f"stack expects each tensor to be equal size, but got {list(first)} at entry 0 and "
                f"{list(other._data.shape)} at entry {number}"
            )
    return fn.StackBackward0.apply(*tensors, dim=_dim(dim, len(first) + 1))


def split(a: Tensor, split_size: Any, dim: int = 0) -> tuple[Tensor, ...]:
    axis = _dim(dim, a._data.ndim)
    length = a._data.shape[axis]
    sizes = (
        [split_size] * (length // split_size) + ([length % split_size] if length % split_size else [])
        if isinstance(split_size, int)
        else list(split_size)
    )
    node, op = (
        (fn.SplitBackward0, "Split")
        if isinstance(split_size, int)
        else (fn.SplitWithSizesBackward0, "SplitWithSizes")
    )
    pieces, start = [], 0
    for size in sizes:
        index = (slice(None),) * axis + (slice(start, start + size),)
        piece = _shares_version(node.apply(a, index=index), a)
        pieces.append(_one_of_many(piece, op, len(pieces)))
        start += size
    return tuple(pieces)


def split_with_sizes(a: Tensor, split_sizes: Any, dim: int = 0) -> tuple[Tensor, ...]:
    """``split`` into pieces of the given sizes."""
    return split(a, list(split_sizes), dim)


def _one_of_many(view: Tensor, op: str, number: int) -> Tensor:
    """Mark output ``number`` of a function returning several views: PyTorch refuses to change it in place."""
    if view.grad_fn is not None:
        view.grad_fn.multi_view = (op, number)
    return view


def chunk(a: Tensor, chunks: int, dim: int = 0) -> tuple[Tensor, ...]:
    length = a._data.shape[_dim(dim, a._data.ndim)]
    return split(a, max(-(-length // chunks), 1), dim)


def unbind(a: Tensor, dim: int = 0) -> tuple[Tensor, ...]:
    axis = _dim(dim, a._data.ndim)
    pieces = []
    for number in range(a._data.shape[axis]):
        index = (slice(None),) * axis + (number,)
        piece = _shares_version(fn.UnbindBackward0.apply(a, index=index), a)
        pieces.append(_one_of_many(piece, "Unbind", number))
    return tuple(pieces)
