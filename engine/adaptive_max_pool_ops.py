"""``F.adaptive_max_pool1d``/``2d`` (and ``torch.adaptive_max_pool1d``): the largest element of each window
of a grid that tiles the input, with PyTorch's checks in its order; 1-d is 2-d with a height of 1."""

from __future__ import annotations

from typing import Any

from engine import pool_ops
from engine.functions.pooling_adaptive_max import AdaptiveMaxPool2DBackward0
from engine.pool1d_ops import _check_dims, _one, _pooled_2d
from engine.tensor import Tensor


def _with_default(output_size: Any, sizes: tuple) -> Any:
    """None in ``output_size`` keeps the input's size there, as PyTorch's ``_list_with_default``."""
    if isinstance(output_size, int):
        return output_size
    if len(sizes) <= len(output_size):
        raise ValueError(f"Input dimension should be at least {len(output_size) + 1}")
    trailing = sizes[len(sizes) - len(output_size) :]
    return [size if wanted is None else wanted for wanted, size in zip(output_size, trailing, strict=True)]


def _adaptive_max_pool2d(input: Tensor, output_size: Any) -> tuple[Tensor, Tensor]:
    """The pooled values (AdaptiveMaxPool2DBackward0) and each one's flat position in its (H, W) plane."""
    if isinstance(output_size, int):
        sizes = [output_size, output_size]
    else:
        sizes = list(output_size)
        for position, size in enumerate(sizes):
            if not isinstance(size, int) or isinstance(size, bool):
                raise TypeError(
                    "adaptive_max_pool2d(): argument 'output_size' (position 2) must be tuple of ints, but "
                    f"found element of type {type(size).__name__} at pos {position}"
                )
    shape = list(input.shape)
    if input.dim() not in (3, 4):
        raise RuntimeError(f"adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: {shape}")
    for axis in range(1, input.dim()):
        if shape[axis] == 0:
            raise RuntimeError(
                "adaptive_max_pool2d(): Expected input to have non-zero size for non-batch dimensions, but "
                f"input has sizes {shape} with dimension {axis} being empty"
            )
    if len(sizes) != 2:
        raise RuntimeError("adaptive_max_pool2d(): internal error: output_size.size() must be 2")
    out_shape = shape[:-2] + sizes
    if min(sizes) < 0:
        negative = min(sizes)
        raise RuntimeError(f"Trying to create tensor with negative dimension {negative}: {out_shape}")
    pool_ops._refuse_dtype("adaptive_max_pool2d", input, "f")
    values = AdaptiveMaxPool2DBackward0.apply(input, out=tuple(sizes))
    node = values.grad_fn
    if not isinstance(node, AdaptiveMaxPool2DBackward0):  # nothing was recorded: positions without a graph
        node = object.__new__(AdaptiveMaxPool2DBackward0)
        node.forward(input._data, out=tuple(sizes))
    return values, Tensor._wrap(node.indices)


def adaptive_max_pool2d(input: Tensor, output_size: Any, return_indices: bool = False) -> Any:  # noqa: A002
    """Maxima over a grid of ``output_size`` windows (None keeps that side); with ``return_indices`` also
    where each was."""
    values, indices = _adaptive_max_pool2d(input, _with_default(output_size, tuple(input.shape)))
    return (values, indices) if return_indices else values


def torch_adaptive_max_pool1d(input: Tensor, output_size: Any) -> tuple[Tensor, Tensor]:  # noqa: A002
    """``torch.adaptive_max_pool1d``: the maxima and their positions along the last axis."""
    sizes = pool_ops.ints("adaptive_max_pool1d", "output_size", output_size)
    _check_dims("adaptive_max_pool1d", input)
    for axis in range(1, input.dim()):
        if input.shape[axis] == 0:
            raise RuntimeError(
                "adaptive_max_pool1d(): Expected input to have non-zero size for non-batch dimensions, but "
                f"input has sizes {list(input.shape)} with dimension {axis} being empty"
            )
    length = _one("adaptive_max_pool1d", "output_size", sizes)
    return _pooled_2d(_adaptive_max_pool2d, input, [1, length])


def adaptive_max_pool1d(input: Tensor, output_size: Any, return_indices: bool = False) -> Any:  # noqa: A002
    """Maxima over ``output_size`` windows that tile the last axis; with ``return_indices`` also where."""
    values, indices = torch_adaptive_max_pool1d(input, output_size)
    return (values, indices) if return_indices else values
