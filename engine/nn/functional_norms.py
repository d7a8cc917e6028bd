"""``F.group_norm``, ``F.instance_norm``, ``F.rms_norm`` and ``F.local_response_norm``.

Group norm is one node; instance norm is batch norm over a (1, N·C, ...) view, as PyTorch builds it;
RMS and local response norms are compositions of ordinary ops, so their graphs show those steps.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from engine import dtypes, shape_ops
from engine.argument_errors import type_name
from engine.functions.avg_pool3d import AvgPool3DBackward0
from engine.functions.group_norm import NativeGroupNormBackward0
from engine.functions.pointwise import AddBackward1
from engine.nn import functional_extra as extra
from engine.pad_ops import pad
from engine.pool_ops import avg_pool2d
from engine.shape_ops import _dim
from engine.tensor import Tensor
from engine.type_info import finfo


def _check_parameter_dtypes(input: Tensor, *parameters: Tensor | None) -> None:
    """PyTorch's CPU kernels accept only parameters of the input's dtype (for float32 and float64)."""
    for parameter in parameters:
        if parameter is not None and parameter.dtype != input.dtype:
            if input.dtype == dtypes.float32:
                raise RuntimeError("mixed dtype (CPU): expect parameter to have scalar type of Float")
            raise RuntimeError("mixed dtype (CPU): all inputs must share same datatype.")


def _verify_batch_size(sizes: list[int]) -> None:
    """Training statistics need more than one value per channel."""
    if int(np.prod([sizes[0], *sizes[2:]])) == 1:
        raise ValueError(f"Expected more than 1 value per channel when training, got input size {sizes}")


def group_norm(
    input: Tensor,
    num_groups: int,
    weight: Tensor | None = None,
    bias: Tensor | None = None,
    eps: float = 1e-5,
) -> Tensor:
    """Normalise each of ``num_groups`` groups of channels in every sample."""
    if input.dim() < 2:
        raise RuntimeError(f"Expected at least 2 dimensions for input tensor but received {input.dim()}")
    _check_num_groups(num_groups)
    shape = list(input.shape)
    _verify_batch_size([shape[0] * shape[1] // num_groups, num_groups, *shape[2:]])
    return torch_group_norm(input, num_groups, weight, bias, eps)


def _check_num_groups(num_groups: Any) -> None:
    if not isinstance(num_groups, int) or isinstance(num_groups, bool):
        raise TypeError(
            f"group_norm(): argument 'num_groups' (position 2) must be int, not {type_name(num_groups)}"
        )


def torch_group_norm(
    input: Tensor,
    num_groups: int,
    weight: Tensor | None = None,
    bias: Tensor | None = None,
    eps: float = 1e-5,
    cudnn_enabled: bool = True,
) -> Tensor:
    """``torch.group_norm``: F.group_norm without its Python checks (of the dimensions and batch size)."""
    _check_num_groups(num_groups)
    _dim(1, input.dim())  # PyTorch reads the channels first: an IndexError below two dimensions
    shape = list(input.shape)
    if num_groups <= 0:
        raise RuntimeError(f"Expected num groups to be greater than 0, got {num_groups}")
    if shape[1] % num_groups:
        raise RuntimeError(
            "Expected number of channels in input to be divisible by num_groups, but got input of shape "
            f"{shape} and num_groups={num_groups}"
        )
    weight_shape = list(weight.shape) if weight is not None else [0]
    for name, parameter in (("weight", weight), ("bias", bias)):
        if parameter is not None and (parameter.dim() != 1 or parameter.numel() != shape[1]):
            # PyTorch's message for a wrong bias shows the weight's shape ([0] when there is none)
            raise RuntimeError(
                f"Expected {name} to be a vector of size equal to the number of channels in input, but got "
                f"{name} of shape {weight_shape} and input of shape {shape}"
            )
    _check_parameter_dtypes(input, weight, bias)
    if not input.dtype.is_floating_point:
        raise NotImplementedError(f"\"GroupNormKernelImpl\" not implemented for '{input.dtype.scalar_name}'")
    return NativeGroupNormBackward0.apply(input, weight, bias, groups=num_groups, eps=eps)


def _repeated(value: Tensor | None, times: int) -> Tensor | None:
    return None if value is None else shape_ops.repeat(value, times)


def instance_norm(
    input: Tensor,
    running_mean: Tensor | None = None,
    running_var: Tensor | None = None,
    weight: Tensor | None = None,
    bias: Tensor | None = None,
    use_input_stats: bool = True,
    momentum: float = 0.1,
    eps: float = 1e-5,
) -> Tensor:
    """Normalise each channel of each sample on its own: batch norm over a (1, N·C, ...) view, as PyTorch.

    The running statistics (if given) move by the mean over the batch of each sample's statistics.
    """
    shape = input.shape
    if use_input_stats and int(np.prod(shape[2:])) == 1:
        raise ValueError(f"Expected more than 1 spatial element when training, got input size {shape}")
    if not use_input_stats and (running_mean is None or running_var is None):
        raise RuntimeError(
            "Expected running_mean and running_var to be defined when use_input_stats is false"
        )
    if (running_mean is None) != (running_var is None):
        raise ValueError("running_mean and running_var must either both be None or neither be None")
    batch, channels = shape[0], shape[1]
    stacked = batch * channels
    named = (("weight", weight), ("bias", bias), ("running_mean", running_mean), ("running_var", running_var))
    for name, value in named:
        if value is not None and value.numel() * batch != stacked:
            raise RuntimeError(f"{name} should contain {stacked} elements not {value.numel() * batch}")
    _check_parameter_dtypes(input, weight, bias)
    if not input.dtype.is_floating_point:
        raise NotImplementedError(f"\"batch_norm\" not implemented for '{input.dtype.scalar_name}'")
    mean_, var_ = _repeated(running_mean, batch), _repeated(running_var, batch)
    flat = shape_ops.view(shape_ops.contiguous(input), 1, stacked, *shape[2:])
    out = extra.batch_norm(
        flat, mean_, var_, _repeated(weight, batch), _repeated(bias, batch), use_input_stats, momentum, eps
    )
    for buffer, moved in ((running_mean, mean_), (running_var, var_)):
        if buffer is not None and use_input_stats:
            buffer._data[...] = moved._data.reshape(batch, channels).mean(axis=0).astype(buffer._data.dtype)
            buffer._version_box[0] += 1
    return shape_ops.view(out, *shape)


def rms_norm(
    input: Tensor, normalized_shape: Any, weight: Tensor | None = None, eps: float | None = None
) -> Tensor:
    """``x / √(mean(x²) + eps) · weight`` over the trailing ``normalized_shape`` dimensions.

    Composed of ordinary ops, as PyTorch composes it when autograd records it (Pow, Mean, Add, Rsqrt, Mul).
    """
    if isinstance(normalized_shape, int) or not all(isinstance(side, int) for side in normalized_shape):
        raise TypeError(
            "rms_norm(): argument 'normalized_shape' (position 2) must be tuple of ints, "
            f"not {type_name(normalized_shape)}"
        )
    normalized = list(normalized_shape)
    if not normalized:
        raise RuntimeError(
            "Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one element, "
            "but got normalized_shape = []"
        )
    if weight is not None and list(weight.shape) != normalized:
        raise RuntimeError(
            f"Expected weight to be of same shape as normalized_shape, but got weight of shape "
            f"{list(weight.shape)} and normalized_shape = {normalized}"
        )
    count = len(normalized)
    if input.dim() < count:
        raise ValueError(f"Input tensor must have at least {count} dimensions, but got {input.dim()}")
    if list(input.shape[input.dim() - count :]) != normalized:
        sides = ", ".join(map(str, normalized))
        raise RuntimeError(
            f"Given normalized_shape={normalized}, expected input with shape [*{sides}], "
            f"but got input of size{list(input.shape)}"
        )
    if not input.dtype.is_floating_point:
        raise NotImplementedError(f"\"rms_norm\" not implemented for '{input.dtype.scalar_name}'")
    if eps is None:
        eps = finfo(input.dtype).eps
    dims = tuple(range(input.dim() - count, input.dim()))
    # PyTorch adds eps in its C++ code: AddBackward1 (a number, one edge), not Python's AddBackward0
    scale = AddBackward1.apply(input.pow(2).mean(dims, keepdim=True), other=eps).rsqrt()
    result = input.mul(scale)
    if weight is not None:
        result = result.mul(weight)
    return result.type_as(input)


def local_response_norm(
    input: Tensor, size: int, alpha: float = 1e-4, beta: float = 0.75, k: float = 1.0
) -> Tensor:
    """``x / (k + alpha·mean of x² over ``size`` neighbouring channels)^beta``, composed as PyTorch's.

    The channel neighbourhood's mean is an average pool over the squared input padded along the channels:
    ``avg_pool2d`` for 3-D inputs, ``avg_pool3d`` over a (N, 1, C, H, rest) view for wider ones.
    """
    dim = input.dim()
    if dim < 3:
        # PyTorch's message keeps the indentation of its continued source line
        raise ValueError(
            f"Expected 3D or higher dimensionality                          input (got {dim} dimensions)"
        )
    if input.numel() == 0:
        return input
    squares = input.mul(input)
    before, after = size // 2, (size - 1) // 2
    if dim == 3:
        padded = pad(squares.unsqueeze(1), (0, 0, before, after))
        div = avg_pool2d(padded, (size, 1), stride=1).squeeze(1)
    else:
        sizes = input.shape
        padded = pad(squares.view(sizes[0], 1, sizes[1], sizes[2], -1), (0, 0, 0, 0, before, after))
        if size <= 0:
            raise RuntimeError(f"kernel size should be greater than zero, but got kT: {size} kH: 1 kW: 1")
        if padded.dtype.name not in ("float32", "float64", "int64"):
            raise NotImplementedError(
                f"\"avg_pool3d_out_frame\" not implemented for '{padded.dtype.scalar_name}'"
            )
        pooled = AvgPool3DBackward0.apply(padded, kernel=(size, 1, 1), stride=(1, 1, 1))
        div = pooled.squeeze(1).view(sizes)
    return input / div.mul(alpha).add(k).pow(beta)
