"""Joining and splitting tensors: cat, stack, split, chunk (and their unsafe forms), unbind."""

from __future__ import annotations

from typing import Any

from engine.argument_errors import type_name
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


def _piece_sizes(length: int, split_size: int) -> list[int]:
    """``split``'s pieces: full ones, then the rest; one (empty) piece of an empty dimension, as PyTorch."""
    if split_size < 0:
        raise RuntimeError(f"split expects split_size be non-negative, but got split_size={split_size}")
    if split_size == 0 and length != 0:
        message = f"split_size can only be 0 if dimension size is 0, but got dimension size of {length}"
        raise RuntimeError(message)
    count = max(-(-length // split_size), 1) if split_size > 0 else 1
    return [split_size] * (count - 1) + [length - split_size * (count - 1)]


def _chunk_sizes(a: Tensor, chunks: int, dim: int) -> list[int]:
    """``chunk``'s pieces: as even as ceil(length / chunks) allows; ``chunks`` empty ones of an empty dim."""
    if a._data.ndim == 0:
        raise RuntimeError("chunk expects at least a 1-dimensional tensor")
    if chunks <= 0:
        raise RuntimeError(f"chunk expects `chunks` to be greater than 0, got: {chunks}")
    length = a._data.shape[_dim(dim, a._data.ndim)]
    return [0] * chunks if length == 0 else _piece_sizes(length, -(-length // chunks))


def _pieces(a: Tensor, sizes: list[int], dim: int, node: type) -> list[Tensor]:
    """The pieces of ``a`` along ``dim``, each recorded by ``node`` (it scatters its gradient back)."""
    axis = _dim(dim, a._data.ndim)
    pieces, start = [], 0
    for size in sizes:
        index = (slice(None),) * axis + (slice(start, start + size),)
        pieces.append(node.apply(a, index=index))
        start += size
    return pieces


def split(a: Tensor, split_size: Any, dim: int = 0) -> tuple[Tensor, ...]:
    """Pieces of ``split_size`` (the last one shorter), or of each listed size (SplitWithSizesBackward0)."""
    if isinstance(split_size, int):
        length = a._data.shape[_dim(dim, a._data.ndim)]
        return _views(a, _piece_sizes(length, split_size), dim, fn.SplitBackward0, "Split")
    return _views(a, list(split_size), dim, fn.SplitWithSizesBackward0, "SplitWithSizes")


def _views(a: Tensor, sizes: list[int], dim: int, node: type, op: str) -> tuple[Tensor, ...]:
    """The pieces as views PyTorch refuses to change in place (outputs of one op that returns several)."""
    pieces = _pieces(a, sizes, dim, node)
    return tuple(_one_of_many(_shares_version(piece, a), op, n) for n, piece in enumerate(pieces))


def unsafe_split(a: Tensor, split_size: int, dim: int = 0) -> tuple[Tensor, ...]:
    """``split`` whose pieces autograd does not treat as views (changing one in place is not refused);
    recorded as PyTorch's ``UnsafeSplitBackward0``, as the LSTM and GRU cells split their gates."""
    if not isinstance(split_size, int) or isinstance(split_size, bool):
        kind = type_name(split_size)
        raise TypeError(f"unsafe_split(): argument 'split_size' (position 2) must be int, not {kind}")
    length = a._data.shape[_dim(dim, a._data.ndim)]
    return tuple(_pieces(a, _piece_sizes(length, split_size), dim, fn.UnsafeSplitBackward0))


def split_with_sizes(a: Tensor, split_sizes: Any, dim: int = 0) -> tuple[Tensor, ...]:
    """``split`` into pieces of the given sizes."""
    return split(a, list(split_sizes), dim)


def _one_of_many(view: Tensor, op: str, number: int) -> Tensor:
    """Mark output ``number`` of a function returning several views: PyTorch refuses to change it in place."""
    if view.grad_fn is not None:
        view.grad_fn.multi_view = (op, number)
    return view


def chunk(a: Tensor, chunks: int, dim: int = 0) -> tuple[Tensor, ...]:
    return _views(a, _chunk_sizes(a, chunks, dim), dim, fn.SplitBackward0, "Split")  # chunk records a split


def unsafe_chunk(a: Tensor, chunks: int, dim: int = 0) -> tuple[Tensor, ...]:
    return tuple(_pieces(a, _chunk_sizes(a, chunks, dim), dim, fn.UnsafeSplitBackward0))


def unbind(a: Tensor, dim: int = 0) -> tuple[Tensor, ...]:
    axis = _dim(dim, a._data.ndim)
    pieces = []
    for number in range(a._data.shape[axis]):
        index = (slice(None),) * axis + (number,)
        piece = _shares_version(fn.UnbindBackward0.apply(a, index=index), a)
        pieces.append(_one_of_many(piece, "Unbind", number))
    return tuple(pieces)
