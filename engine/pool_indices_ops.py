"""``F.max_pool1d_with_indices`` and its kin: the max poolings that always give (values, indices), whatever
``return_indices`` says, as PyTorch's functional forms of those names do."""

from __future__ import annotations

from typing import Any

from engine import adaptive_max_pool_ops, pool1d_ops, pool_ops
from engine.tensor import Tensor


def max_pool1d_with_indices(
    input: Tensor,  # noqa: A002 - PyTorch's names
    kernel_size: Any,
    stride: Any = None,
    padding: Any = 0,
    dilation: Any = 1,
    ceil_mode: bool = False,
    return_indices: bool = False,
) -> tuple[Tensor, Tensor]:
    options = {"ceil_mode": ceil_mode, "return_indices": True}
    return pool1d_ops.max_pool1d(input, kernel_size, stride, padding, dilation, **options)


def max_pool2d_with_indices(
    input: Tensor,  # noqa: A002 - PyTorch's names
    kernel_size: Any,
    stride: Any = None,
    padding: Any = 0,
    dilation: Any = 1,
    ceil_mode: bool = False,
    return_indices: bool = False,
) -> tuple[Tensor, Tensor]:
    options = {"ceil_mode": ceil_mode, "return_indices": True}
    return pool_ops.max_pool2d(input, kernel_size, stride, padding, dilation, **options)


def adaptive_max_pool1d_with_indices(
    input: Tensor,  # noqa: A002 - PyTorch's names
    output_size: Any,
    return_indices: bool = False,
) -> tuple[Tensor, Tensor]:
    return adaptive_max_pool_ops.adaptive_max_pool1d(input, output_size, return_indices=True)


def adaptive_max_pool2d_with_indices(
    input: Tensor,  # noqa: A002 - PyTorch's names
    output_size: Any,
    return_indices: bool = False,
) -> tuple[Tensor, Tensor]:
    return adaptive_max_pool_ops.adaptive_max_pool2d(input, output_size, return_indices=True)
