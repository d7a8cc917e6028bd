"""``F.batch_norm``, ``F.layer_norm``, ``F.embedding``; the activations ``gelu``, ``elu``, ``hardtanh``."""

from __future__ import annotations

from typing import Any

import numpy as np

from engine.functions import activation, normalization
from engine.in_place_ops import in_place
from engine.tensor import Tensor


def _update_running(buffer: Tensor, value: np.ndarray, momentum: float) -> None:
    """``buffer = (1 - momentum)·buffer + momentum·value`` in place, as PyTorch's running statistics."""
    data = buffer._data
    data[...] = ((1 - momentum) * data + momentum * value).astype(data.dtype, copy=False)
    buffer._version_box[0] += 1


def batch_norm(
    input: Tensor,
    running_mean: Tensor | None,
    running_var: Tensor | None,
    weight: Tensor | None = None,
    bias: Tensor | None = None,
    training: bool = False,
    momentum: float = 0.1,
    eps: float = 1e-5,
) -> Tensor:
    """Normalise each channel (dim 1) over the batch; in training, also move the running statistics."""
    shape = input.shape
    if training and shape[0] * int(np.prod(shape[2:])) == 1:
        raise ValueError(f"Expected more than 1 value per channel when training, got input size {shape}")
    channels = shape[1] if input.dim() > 1 else 1
    for name, buffer in (("running_mean", running_mean), ("running_var", running_var)):
        if buffer is not None and buffer.numel() != channels:
            raise RuntimeError(f"{name} should contain {channels} elements not {buffer.numel()}")
    x = input._data
    axes = (0,) + tuple(range(2, x.ndim))
    mean = var = None
    if training:
        if running_mean is not None or running_var is not None:
            batch_mean = np.mean(x, axis=axes, dtype=np.float64)
            count = x.size // channels
            unbiased = np.var(x, axis=axes, dtype=np.float64) * count / max(count - 1, 1)
            if running_mean is not None:
                _update_running(running_mean, batch_mean, momentum)
            if running_var is not None:
                _update_running(running_var, unbiased, momentum)
    else:
        if running_mean is None or running_var is None:
            raise RuntimeError(
                f"{'running_mean' if running_mean is None else 'running_var'} must be defined "
                "in evaluation mode"
            )
        stat_shape = (1, -1) + (1,) * (x.ndim - 2)
        mean = running_mean._data.reshape(
            stat_shape
        ).copy()  # copies: a later training step moves the buffers
        var = running_var._data.reshape(stat_shape).copy()
    return normalization.NativeBatchNormBackward0.apply(
        input, weight, bias, axes=axes, eps=eps, mean=mean, var=var
    )


def layer_norm(
    input: Tensor,
    normalized_shape: Any,
    weight: Tensor | None = None,
    bias: Tensor | None = None,
    eps: float = 1e-5,
) -> Tensor:
    """Normalise over the trailing ``normalized_shape`` dimensions of each sample."""
    if isinstance(normalized_shape, int):
        raise TypeError(
            "layer_norm(): argument 'normalized_shape' (position 2) must be tuple of ints, not int"
        )
    normalized = tuple(normalized_shape)
    count = len(normalized)
    if tuple(input.shape[input.dim() - count :]) != normalized or input.dim() < count:
        expected = ", ".join(str(side) for side in normalized)
        raise RuntimeError(
            f"Given normalized_shape={list(normalized)}, expected input with shape [*, {expected}], "
            f"but got input of size{list(input.shape)}"
        )
    axes = tuple(range(input.dim() - count, input.dim()))
    return normalization.NativeLayerNormBackward0.apply(input, weight, bias, axes=axes, eps=eps)


def embedding(
    input: Tensor, weight: Tensor, padding_idx: int | None = None, *args: Any, **kwargs: Any
) -> Tensor:
    """Row ``i`` of ``weight`` for each index ``i`` of ``input``; the padding row gets no gradient."""
    indices = input._data
    if indices.dtype.kind not in "iu" or indices.dtype.itemsize < 4:
        kind = input.type()
        raise RuntimeError(
            "Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; "
            f"but got {kind} instead (while checking arguments for embedding)"
        )
    rows = weight.shape[0]
    if indices.size and (indices.min() < 0 or indices.max() >= rows):
        raise IndexError("index out of range in self")
    if padding_idx is not None and padding_idx < 0:
        padding_idx += rows
    return normalization.EmbeddingBackward0.apply(weight, indices=indices, padding_idx=padding_idx)


def gelu(input: Tensor, approximate: str = "none") -> Tensor:
    if approximate not in ("none", "tanh"):
        raise RuntimeError("approximate argument must be either none or tanh.")
    return activation.GeluBackward0.apply(input, approximate=approximate)


def elu(input: Tensor, alpha: float = 1.0, inplace: bool = False) -> Tensor:
    if inplace:
        return in_place(input, elu, alpha)
    return activation.EluBackward0.apply(input, alpha=alpha)


def elu_(input: Tensor, alpha: float = 1.0) -> Tensor:
    return elu(input, alpha, inplace=True)


def hardtanh(input: Tensor, min_val: float = -1.0, max_val: float = 1.0, inplace: bool = False) -> Tensor:
    if inplace:
        return in_place(input, hardtanh, min_val, max_val)
    return activation.HardtanhBackward0.apply(input, min_val=min_val, max_val=max_val)


def hardtanh_(input: Tensor, min_val: float = -1.0, max_val: float = 1.0) -> Tensor:
    return hardtanh(input, min_val, max_val, inplace=True)
