"""``nn.init``: fill parameters in place, without recording a graph."""

from __future__ import annotations

import math
import warnings

import numpy as np

from engine import creation, grad_mode, in_place_ops
from engine.random_source import Generator
from engine.tensor import Tensor


def _fans(tensor: Tensor) -> tuple[int, int]:
    if tensor.dim() < 2:
        raise ValueError("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
    receptive = int(math.prod(tensor.shape[2:]))
    return tensor.shape[1] * receptive, tensor.shape[0] * receptive


def _gain(nonlinearity: str, param: float | None = None) -> float:
    if nonlinearity == "leaky_relu":
        slope = 0.01 if param is None else param
        return math.sqrt(2.0 / (1 + slope**2))
    return {"relu": math.sqrt(2.0), "tanh": 5.0 / 3, "linear": 1.0, "sigmoid": 1.0}.get(nonlinearity, 1.0)


def uniform_(tensor: Tensor, a: float = 0.0, b: float = 1.0, generator: Generator | None = None) -> Tensor:
    with grad_mode.no_grad():
        return in_place_ops.uniform_(tensor, a, b, generator=generator)


def normal_(
    tensor: Tensor, mean: float = 0.0, std: float = 1.0, generator: Generator | None = None
) -> Tensor:
    with grad_mode.no_grad():
        return in_place_ops.normal_(tensor, mean, std, generator=generator)


def trunc_normal_(
    tensor: Tensor,
    mean: float = 0.0,
    std: float = 1.0,
    a: float = -2.0,
    b: float = 2.0,
    generator: Generator | None = None,
) -> Tensor:
    """A normal distribution cut to [a, b], drawn as PyTorch draws it, so that after ``manual_seed`` (or
    from the same ``generator``) the values match: where [a, b] holds more than 30% of the distribution,
    normal draws with those outside redrawn; else uniform candidates in [a, b], each accepted with its
    density's share of the peak's."""
    if mean < a - 2 * std or mean > b + 2 * std:
        warnings.warn(
            "mean is more than 2 std from [a, b] in nn.init.trunc_normal_. "
            "The distribution of values may be incorrect.",
            stacklevel=2,
        )
    low, high = ((1.0 + math.erf((bound - mean) / std / math.sqrt(2.0))) / 2.0 for bound in (a, b))
    with grad_mode.no_grad():
        if high - low > 0.3:
            return _redrawn_normal(tensor, mean, std, a, b, generator)
        return _accepted_uniform(tensor, mean, std, a, b, generator)


def _redrawn_normal(
    tensor: Tensor, mean: float, std: float, a: float, b: float, generator: Generator | None
) -> Tensor:
    dtype = tensor._data.dtype
    low, high = np.asarray(a, dtype).item(), np.asarray(b, dtype).item()  # bounds as the tensor holds them
    result = in_place_ops.normal_(tensor, mean, std, generator=generator)._data
    outside = (result < low) | (result > high)
    if not outside.any():
        return tensor
    while outside.any():
        fresh = in_place_ops.normal_(creation.empty_like(tensor), mean, std, generator=generator)._data
        result = np.where(outside, fresh, result)
        outside = (result < low) | (result > high)
    return in_place_ops.copy_(tensor, result)


def _accepted_uniform(
    tensor: Tensor, mean: float, std: float, a: float, b: float, generator: Generator | None
) -> Tensor:
    log_peak = -0.5 * ((max(a, min(mean, b)) - mean) / std) ** 2

    def log_density_over_peak(values: np.ndarray) -> np.ndarray:  # in the tensor's precision, as PyTorch's
        kind = values.dtype.type
        return (((values - kind(mean)) / kind(std)) ** 2 * kind(-0.5)) - kind(log_peak)

    def uniform(low: float, high: float, into: Tensor | None = None) -> np.ndarray:
        target = creation.empty_like(tensor) if into is None else into
        return in_place_ops.uniform_(target, low, high, generator=generator)._data

    candidates = log_density_over_peak(uniform(a, b, into=tensor))
    pending = np.log(uniform(0.0, 1.0)) > candidates
    result = tensor._data.copy()
    while pending.any():
        drawn = uniform(a, b)
        result = np.where(pending, drawn, result)
        accept = np.log(uniform(0.0, 1.0))
        pending = np.where(pending, accept > log_density_over_peak(drawn), pending)
    return in_place_ops.copy_(tensor, result)


def constant_(tensor: Tensor, value: float) -> Tensor:
    with grad_mode.no_grad():
        return in_place_ops.fill_(tensor, value)


def zeros_(tensor: Tensor) -> Tensor:
    return constant_(tensor, 0.0)


def ones_(tensor: Tensor) -> Tensor:
    return constant_(tensor, 1.0)


def kaiming_uniform_(
    tensor: Tensor,
    a: float = 0,
    mode: str = "fan_in",
    nonlinearity: str = "leaky_relu",
    generator: Generator | None = None,
) -> Tensor:
    fan_in, fan_out = _fans(tensor)
    fan = fan_in if mode == "fan_in" else fan_out
    bound = math.sqrt(3.0) * _gain(nonlinearity, a) / math.sqrt(fan) if fan else 0.0
    return uniform_(tensor, -bound, bound, generator)


def xavier_uniform_(tensor: Tensor, gain: float = 1.0, generator: Generator | None = None) -> Tensor:
    fan_in, fan_out = _fans(tensor)
    bound = gain * math.sqrt(6.0 / (fan_in + fan_out))
    return uniform_(tensor, -bound, bound, generator)


def xavier_normal_(tensor: Tensor, gain: float = 1.0, generator: Generator | None = None) -> Tensor:
    fan_in, fan_out = _fans(tensor)
    return normal_(tensor, 0.0, gain * math.sqrt(2.0 / (fan_in + fan_out)), generator)


def kaiming_normal_(
    tensor: Tensor,
    a: float = 0,
    mode: str = "fan_in",
    nonlinearity: str = "leaky_relu",
    generator: Generator | None = None,
) -> Tensor:
    """N(0, gain/√fan): He initialisation, drawn as PyTorch's ``normal_``."""
    fan_in, fan_out = _fans(tensor)
    fan = fan_in if mode == "fan_in" else fan_out
    return normal_(tensor, 0.0, _gain(nonlinearity, a) / math.sqrt(fan), generator)


def orthogonal_(tensor: Tensor, gain: float = 1.0, generator: Generator | None = None) -> Tensor:
    """An orthogonal matrix (rows or columns orthonormal, whichever are fewer) times ``gain``, as PyTorch
    makes it: normal draws of (rows, rest), the Q of their QR factorisation, each column's sign set by R's
    diagonal. A tensor of more than two dimensions is filled as its (rows, rest) flattening. The values agree
    with PyTorch's to a float32 rounding step or two (numpy factorises in double precision)."""
    if tensor.dim() < 2:
        raise ValueError("Only tensors with 2 or more dimensions are supported")
    if tensor.numel() == 0:
        return tensor
    rows = tensor.shape[0]
    columns = tensor.numel() // rows
    drawn = creation.empty(rows, columns, dtype=tensor.dtype)
    normal_(drawn, 0.0, 1.0, generator)
    flat = drawn._data.T if rows < columns else drawn._data
    q, r = np.linalg.qr(flat)
    q = q * np.sign(np.diagonal(r))
    q = q.T if rows < columns else q
    with grad_mode.no_grad():
        in_place_ops.copy_(tensor, q.reshape(tensor._data.shape).astype(tensor._data.dtype))
        return tensor.mul_(gain)
