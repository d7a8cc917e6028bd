"""vdot, kron, inner and tensordot, built from the steps PyTorch records.

tensordot moves the contracted dimensions together (permutes), folds each side into a matrix (reshapes)
and multiplies (mm), or, when nothing is left uncontracted, takes a dot (or a product and a sum when a
side cannot be flattened without a copy); inner is a tensordot over the last dimensions; kron multiplies
interleaved views.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from engine.functions import pointwise as pw
from engine.functions import products as nodes
from engine.functions import shape as shape_nodes
from engine.functions.linalg import matmul_function
from engine.memory_layout import viewable
from engine.product_add_ops import need_tensors
from engine.product_ops import dot, mm
from engine.shape_ops import _dim, permute, reshape, view
from engine.tensor import Tensor


def vdot(input: Tensor, other: Tensor) -> Tensor:  # noqa: A002 - PyTorch's argument names
    """The dot product of two vectors, the first conjugated (VdotBackward0)."""
    need_tensors("vdot", input=input, other=other)
    if input.dim() != 1 or other.dim() != 1:
        raise RuntimeError(f"1D tensors expected, but got {input.dim()}D and {other.dim()}D tensors")
    if input.dtype != other.dtype:
        raise RuntimeError(
            "dot : expected both vectors to have same dtype, but found "
            f"{input.dtype.scalar_name} and {other.dtype.scalar_name}"
        )
    matmul_function(input._data, other._data)  # PyTorch's message for vectors of different lengths
    if input._data.dtype.kind == "b":
        raise NotImplementedError("\"dot\" not implemented for 'Bool'")
    return nodes.VdotBackward0.apply(input, other)


def kron(input: Tensor, other: Tensor) -> Tensor:  # noqa: A002
    """The Kronecker product: each element of ``input`` times the whole of ``other``, in blocks."""
    need_tensors("kron", input=input, other=other)
    ndim = max(input.dim(), other.dim())
    sizes_a = (1,) * (ndim - input.dim()) + input.shape
    sizes_b = (1,) * (ndim - other.dim()) + other.shape
    spread_a = tuple(size for pair in zip(sizes_a, (1,) * ndim, strict=True) for size in pair)
    spread_b = tuple(size for pair in zip((1,) * ndim, sizes_b, strict=True) for size in pair)
    for operand in (input, other):
        _check_kron_layout(operand)
    blocks = pw.mul(
        shape_nodes.UnsafeViewBackward0.apply(input, shape=spread_a),
        shape_nodes.UnsafeViewBackward0.apply(other, shape=spread_b),
    )
    shape = tuple(a * b for a, b in zip(sizes_a, sizes_b, strict=True))
    return shape_nodes.UnsafeViewBackward0.apply(blocks, shape=shape)


def _check_kron_layout(a: Tensor) -> None:
    """PyTorch's refusal of an input laid out out of order (a transpose): the product of the two interleaved
    views keeps that layout, which the final view of the blocks cannot fold."""
    strides = [
        stride for size, stride in zip(a._data.shape, a._data.strides, strict=True) if size > 1 and stride
    ]
    if any(earlier < later for earlier, later in zip(strides, strides[1:], strict=False)):
        raise RuntimeError(
            "view size is not compatible with input tensor's size and stride (at least one dimension spans "
            "across two contiguous subspaces). Use .reshape(...) instead."
        )


def inner(input: Tensor, other: Tensor) -> Tensor:  # noqa: A002
    """Sums of products over the last dimension of both (a number times a tensor if either is 0-d)."""
    need_tensors("inner", input=input, other=other)
    if not input.dim() or not other.dim():
        return pw.mul(input, other)
    if input.shape[-1] != other.shape[-1]:
        raise RuntimeError(
            "inner() the last dimension must match on both input tensors but got shapes "
            f"{list(input.shape)} and {list(other.shape)}"
        )
    return contract(input, other, [-1], [-1])


def tensordot(a: Tensor, b: Tensor, dims: Any = 2, out: Tensor | None = None) -> Tensor:
    """Sums of products over ``dims``: the last ``dims`` of ``a`` with the first of ``b``, or two lists."""
    from engine.out_arg import write_out

    if not isinstance(dims, tuple | list | Tensor | int):
        raise RuntimeError(
            "tensordot expects dims to be int or tuple[list[int], list[int]] or list[list[int]] containing "
            f"two lists, but got dims={dims}"
        )
    if isinstance(dims, Tensor):
        dims = dims.tolist() if dims.numel() > 1 else int(dims.item())
        if isinstance(dims, list) and len(dims) != 2:
            raise AssertionError(f"dims tensor must have size 2 in first dimension, got {len(dims)}")
    if isinstance(dims, int):
        if dims < 0:
            raise RuntimeError(f"tensordot expects dims >= 0, but got dims={dims}")
        if dims > min(a.dim(), b.dim()):
            raise RuntimeError(f"tensordot expects dims < ndim_a or ndim_b, but got dims={dims}")
        dims = (list(range(-dims, 0)), list(range(dims)))
    dims_a, dims_b = dims
    for position, listed in enumerate((dims_a, dims_b), start=3):
        if not isinstance(listed, list | tuple):
            name = "dims_self" if position == 3 else "dims_other"
            kind = type(listed).__name__
            raise TypeError(
                f"tensordot(): argument '{name}' (position {position}) must be tuple of ints, not {kind}"
            )
    result = contract(a, b, list(dims_a), list(dims_b))
    return result if out is None else write_out(result, out)


def contract(a: Tensor, b: Tensor, dims_a: list[int], dims_b: list[int]) -> Tensor:
    """``tensordot`` once its dimension lists are known."""
    if len(dims_a) != len(dims_b):
        raise RuntimeError("both dimension lists should have same length")
    if a.dtype != b.dtype:
        raise RuntimeError("both inputs should have same dtype")
    axes_a, axes_b = [], []
    for dim_a, dim_b in zip(dims_a, dims_b, strict=True):
        axis_a, axis_b = _dim(dim_a, a.dim()), _dim(dim_b, b.dim())
        size_a, size_b = a.shape[axis_a], b.shape[axis_b]
        if size_b == 1:  # a size-1 dimension broadcasts: the other side is summed over it at once
            a = a.sum(axis_a, keepdim=True)
        elif size_a == 1:
            b = b.sum(axis_b, keepdim=True)
        elif size_a != size_b:
            raise RuntimeError(
                f"contracted dimensions need to match, but first has size {size_a} in dim {dim_a} and second "
                f"has size {size_b} in dim {dim_b}"
            )
        axes_a.append(axis_a)
        axes_b.append(axis_b)
    for axes in (axes_a, axes_b):
        repeated = [axis for position, axis in enumerate(axes) if axis in axes[:position]]
        if repeated:
            raise RuntimeError(f"dim {repeated[0]} appears multiple times in the list of dims")
    free_a = [axis for axis in range(a.dim()) if axis not in axes_a]
    free_b = [axis for axis in range(b.dim()) if axis not in axes_b]
    left, right = permute(a, *free_a, *axes_a), permute(b, *axes_b, *free_b)
    rows = math.prod(a.shape[axis] for axis in free_a)
    columns = math.prod(b.shape[axis] for axis in free_b)
    inner_size = math.prod(a.shape[axis] for axis in axes_a)
    shape = [a.shape[axis] for axis in free_a] + [b.shape[axis] for axis in free_b]
    if rows == 1 and columns == 1:
        product = _dot_of_all(left, right, inner_size)
    else:
        product = mm(reshape(left, rows, inner_size), reshape(right, inner_size, columns))
    return view(product, shape)


def _dot_of_all(left: Tensor, right: Tensor, size: int) -> Tensor:
    """Everything contracted: a dot of the two flattened, or, when one cannot be flattened without a copy,
    a product and a sum of the two with their size-1 dimensions dropped."""
    if all(side.dim() == 1 or viewable(side._data, (size,)) for side in (left, right)):
        flat = [side if side.dim() == 1 else reshape(side, size) for side in (left, right)]
        return dot(*flat)
    return pw.mul(left.squeeze(), right.squeeze()).sum()


METHODS: dict[str, Callable] = {"vdot": vdot, "kron": kron, "inner": inner}
