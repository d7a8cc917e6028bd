"""The user-facing shape operations: reshape/view, transposes, squeeze, indexing, cat, stack, split."""

from __future__ import annotations

import math
import weakref
from typing import Any

import numpy as np

from engine import grad_mode, in_place_ops
from engine.broadcast_rules import expanded_shape
from engine.functions import shape as fn
from engine.functions.overwrite import CopySlices
from engine.functions.unary import CloneBackward0
from engine.index_rules import check_index, indexing_kind, plain_index, torch_index_error, writes_through_view
from engine.memory_layout import viewable, writable
from engine.tensor import Tensor, check_in_place


def _sizes(args: tuple) -> tuple[int, ...]:
    """Shapes come as ``f(2, 3)``, ``f((2, 3))`` or ``f(torch.Size([2, 3]))``."""
    if len(args) == 1 and isinstance(args[0], list | tuple):
        args = tuple(args[0])
    return tuple(int(a) for a in args)


def _resolve_shape(shape: tuple[int, ...], numel: int) -> tuple[int, ...]:
    """Fill in one ``-1`` and check the element count, with PyTorch's message."""
    known = int(np.prod([s for s in shape if s != -1]))
    if shape.count(-1) > 1:
        raise RuntimeError("only one dimension can be inferred")
    if -1 in shape:
        if known == 0 or numel % known:
            raise RuntimeError(f"shape '{list(shape)}' is invalid for input of size {numel}")
        shape = tuple(numel // known if s == -1 else s for s in shape)
    elif known != numel:
        raise RuntimeError(f"shape '{list(shape)}' is invalid for input of size {numel}")
    return shape


PRUNE_VIEWS_EVERY = 64  # a base's list of its views drops the dead ones each time it reaches a multiple


def _shares_version(result: Tensor, base: Tensor) -> Tensor:
    """A view shares its base's version counter, so in-place changes through either are seen.

    It knows the tensor whose memory it shows (``_base``, the first that is no view), so that an in-place
    change through it is recorded on that tensor too (``in_place_ops.commit``); the base knows its views, so
    that changing it in place regenerates theirs. A view of a leaf that requires grad (directly or
    through other views) is marked on its node, so in-place changes through it are refused as PyTorch does.
    """
    result._version_box = base._version_box
    node = result.grad_fn
    if node is not None and (base.grad_fn is None or base.grad_fn.views_leaf):
        node.views_leaf = True
    if result._data.base is None:  # numpy made a copy (a 0-d element, a reshape of a non-contiguous tensor)
        return result
    # speed: a tensor that owns its memory is no view (a layer's weight, each forward): no attribute lookup
    root = None if base._data.base is None else getattr(base, "_view_base", None)
    root = base if root is None else root
    result._view_base = root
    if root._requires_grad and not grad_mode.is_grad_enabled():
        # as PyTorch: it requires grad (a leaf of its own: ops on it are recorded, nothing reaches the base),
        # and changing it in place with grad mode on is refused
        result._requires_grad = True
        result._no_grad_view = True
    # a base that may still change in a graph (not a leaf that requires grad, whose views are never
    # changed in place while grad mode is on) knows its views, to regenerate them when it does
    if root.grad_fn is not None or not root._requires_grad:
        views = getattr(root, "_views", None)
        if views is None:
            views = root._views = []
        elif len(views) % PRUNE_VIEWS_EVERY == 0:  # many views made over time: forget the dead ones
            views[:] = [reference for reference in views if reference() is not None]
        views.append(weakref.ref(result))
    return result


def view(a: Tensor, *shape: Any) -> Tensor:
    if len(shape) == 1 and not isinstance(shape[0], int | list | tuple):
        return a.to(shape[0])
    target = _resolve_shape(_sizes(shape), a._data.size)
    if a._data.size and not a._data.flags.c_contiguous and a._data.ndim > 1:
        if not viewable(a._data, target):
            raise RuntimeError(
                "view size is not compatible with input tensor's size and stride (at least one dimension "
                "spans across two contiguous subspaces). Use .reshape(...) instead."
            )
    return _shares_version(fn.ViewBackward0.apply(a, shape=target), a)


def reshape(a: Tensor, *shape: Any) -> Tensor:
    """A view when the memory allows one (ViewBackward0, or ReshapeAliasBackward0 for a non-contiguous
    tensor, as PyTorch names them), else a contiguous copy reshaped (CloneBackward0, UnsafeViewBackward0)."""
    target = _resolve_shape(_sizes(shape), a._data.size)
    if a._data.flags.c_contiguous:
        return _shares_version(fn.ViewBackward0.apply(a, shape=target), a)
    if viewable(a._data, target):
        return _shares_version(fn.ReshapeAliasBackward0.apply(a, shape=target), a)
    return fn.UnsafeViewBackward0.apply(clone(a), shape=target)


def clone(a: Tensor, memory_format: Any = None) -> Tensor:
    return CloneBackward0.apply(a)


def contiguous(a: Tensor, memory_format: Any = None) -> Tensor:
    return a if a._data.flags.c_contiguous else clone(a)


def flatten(a: Tensor, start_dim: int = 0, end_dim: int = -1) -> Tensor:
    if a._data.ndim == 0:
        return reshape(a, 1)
    shape = a._data.shape
    start, end = start_dim % len(shape), end_dim % len(shape)
    if start == end:
        return a
    return reshape(a, *shape[:start], -1, *shape[end + 1 :])


def unflatten(a: Tensor, dim: int, sizes: Any) -> Tensor:
    """Dimension ``dim`` split into ``sizes`` (one of them may be -1: what is left), PyTorch's errors."""
    shape = a._data.shape
    dim = _dim(dim, len(shape))
    sizes = [int(size) for size in sizes]
    if not sizes:
        raise RuntimeError("unflatten: sizes must be non-empty")
    if sizes.count(-1) > 1:
        raise RuntimeError("only one dimension can be inferred")
    known = math.prod(size for size in sizes if size != -1)
    if (known == 0 or shape[dim] % known) if -1 in sizes else known != shape[dim]:
        raise RuntimeError(
            f"unflatten: Provided sizes {sizes} don't multiply up to the size of dim {dim} ({shape[dim]}) "
            "in the input tensor"
        )
    return view(a, *shape[:dim], *sizes, *shape[dim + 1 :])  # one dimension split: always a view


def squeeze(a: Tensor, dim: int | None = None) -> Tensor:
    if dim is None:
        target = tuple(s for s in a._data.shape if s != 1)
        return _shares_version(fn.SqueezeBackward0.apply(a, shape=target), a)
    dim = _dim(dim, a._data.ndim)
    shape = a._data.shape
    target = shape[:dim] + shape[dim + 1 :] if shape and shape[dim] == 1 else shape
    return _shares_version(fn.SqueezeBackward1.apply(a, shape=target), a)


def unsqueeze(a: Tensor, dim: int) -> Tensor:
    dim = _dim(dim, a._data.ndim + 1)
    shape = a._data.shape
    return _shares_version(fn.UnsqueezeBackward0.apply(a, shape=shape[:dim] + (1,) + shape[dim:]), a)


def _dim(dim: int, ndim: int) -> int:
    """A dimension index made positive, with PyTorch's error when out of range."""
    span = max(ndim, 1)
    if not -span <= dim < span:
        raise IndexError(
            f"Dimension out of range (expected to be in range of [{-span}, {span - 1}], but got {dim})"
        )
    return dim % span


def transpose(a: Tensor, dim0: int, dim1: int) -> Tensor:
    ndim = a._data.ndim
    result = fn.TransposeBackward0.apply(a, dim0=_dim(dim0, ndim), dim1=_dim(dim1, ndim))
    return _shares_version(result, a)


def t(a: Tensor) -> Tensor:
    if a._data.ndim > 2:
        raise RuntimeError(f"t() expects a tensor with <= 2 dimensions, but self is {a._data.ndim}D")
    return _shares_version(fn.TBackward0.apply(a), a)


def permute(a: Tensor, *dims: Any) -> Tensor:
    wanted = _sizes(dims)
    if len(wanted) != a._data.ndim:
        raise RuntimeError(
            "permute(sparse_coo): number of dimensions in the tensor input does not match the length of the "
            f"desired ordering of dimensions i.e. input.dim() = {a._data.ndim} is not equal to len(dims) = "
            f"{len(wanted)}"
        )
    order = tuple(_dim(d, a._data.ndim) for d in wanted)
    if len(set(order)) != len(order):
        raise RuntimeError("permute(): duplicate dims are not allowed.")
    return _shares_version(fn.PermuteBackward0.apply(a, dims=order), a)


T_NOT_2D_WARNING = (
    "The use of `x.T` on tensors of dimension other than 2 to reverse their shape is deprecated and it will "
    "throw an error in a future release. Consider `x.mT` to transpose batches of matrices or "
    "`x.permute(*torch.arange(x.ndim - 1, -1, -1))` to reverse the dimensions of a tensor."
)
T_0D_WARNING = "Tensor.T is deprecated on 0-D tensors. This function is the identity in these cases."


def matrix_transpose(a: Tensor) -> Tensor:
    """``x.T``: all dimensions reversed (PyTorch records a permute, and warns unless ``x`` is 2-d)."""
    if a._data.ndim != 2:
        import warnings

        warnings.warn(T_0D_WARNING if a._data.ndim == 0 else T_NOT_2D_WARNING, UserWarning, stacklevel=2)
    return permute(a, *reversed(range(a._data.ndim)))


def expand(a: Tensor, *sizes: Any) -> Tensor:
    shape = expanded_shape(a._data.shape, _sizes(sizes), f"torch.{a.dtype.scalar_name}Tensor")
    return _shares_version(fn.ExpandBackward0.apply(a, shape=shape), a)


def repeat(a: Tensor, *repeats: Any) -> Tensor:
    return fn.RepeatBackward0.apply(a, repeats=_sizes(repeats))


# -- indexing ------------------------------------------------------------------------------------
def getitem(a: Tensor, index: Any) -> Tensor:
    index = plain_index(index)
    check_index(index, a._data.ndim)
    kind = indexing_kind(index, a._data.shape)
    try:
        result = kind.apply(a, index=index)
    except IndexError as error:
        raise torch_index_error(error) from None
    if kind is not fn.IndexBackward0:
        _shares_version(result, a)
    return result


def narrow(a: Tensor, dim: int, start: Any, length: int) -> Tensor:
    """``length`` entries of dimension ``dim`` from ``start`` on: a view, recorded as SliceBackward0."""
    if a._data.ndim == 0:
        raise RuntimeError("narrow() cannot be applied to a 0-dim tensor.")
    if length < 0:
        raise RuntimeError("narrow(): length must be non-negative.")
    axis = _dim(dim, a._data.ndim)
    size = a._data.shape[axis]
    start = int(start.item()) if isinstance(start, Tensor) else int(start)
    if not -size <= start <= size:
        raise IndexError(
            f"start out of range (expected to be in range of [{-size}, {size}], but got {start})"
        )
    start = start + size if start < 0 else start
    if start + length > size:
        raise RuntimeError(f"start ({start}) + length ({length}) exceeds dimension size ({size}).")
    index = (slice(None),) * axis + (slice(start, start + length),)
    return _shares_version(fn.SliceBackward0.apply(a, index=index), a)


def setitem(a: Tensor, index: Any, value: Any) -> None:
    """``a[index] = value``: in place; recorded as CopySlices when ``a`` is in a graph."""
    index = plain_index(index)
    check_index(index, a._data.ndim)
    check_in_place(a, through_view=a._requires_grad and writes_through_view(index, a._data.shape))
    region = None  # the written region, when it matters: a source sharing memory, or an expanded tensor
    shares = isinstance(value, Tensor) and np.may_share_memory(a._data, value._data)
    if shares or not a._data.flags.writeable:
        try:
            region = a._data[index]
        except IndexError as error:
            raise torch_index_error(error) from None
        if not (isinstance(region, np.ndarray) and region.base is not None):  # advanced index: a copy
            region = None
    if region is not None:
        in_place_ops.check_no_partial_overlap(region, value)
    value_array = value._data if isinstance(value, Tensor) else value
    recording = a._requires_grad or (
        in_place_ops.recordable(a) and isinstance(value, Tensor) and value._requires_grad
    )
    try:
        if recording and grad_mode.is_grad_enabled():
            in_place_ops.commit(a, CopySlices.apply(a, value, index=index))  # into a's memory, as PyTorch
            return
        if region is not None:
            in_place_ops.check_writable(region)  # not one element twice (an expanded tensor's column)
        writable(a._data)[index] = value_array
    except IndexError as error:
        raise torch_index_error(error) from None
    a._version_box[0] += 1
