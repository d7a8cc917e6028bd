"""Random draws as PyTorch's CPU kernels make them, in its order from the same generator: ``bernoulli``,
``multinomial``, ``exponential_``, ``geometric_``, ``log_normal_``, ``cauchy_`` and ``normal`` with tensor
parameters.

Most draw one double-precision uniform u per element and transform it: ``bernoulli_(p)`` keeps u < p,
``exponential_`` is -log(1 - u)/λ, ``geometric_`` ⌈log u / log(1 - p)⌉, ``cauchy_`` m + σ·tan(π(u - ½)).
A tensor of float32 probabilities draws float32 uniforms (24 bits) instead. ``multinomial`` without
replacement (or for one sample) takes the largest p/q for exponential q, as PyTorch's kernel does; with
replacement it looks each double uniform up in the row's normalised cumulative sums.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from engine import creation, grad_mode
from engine.functions import random_draws
from engine.in_place_ops import copy_
from engine.tensor import Tensor

TENSOR_P_RANGE = (
    "Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message be improved?  "
    "If so, please report an enhancement request to PyTorch.)"
)


def _check_float_kernel(kernel: str, values: np.ndarray, dtype_name: str) -> None:
    if values.dtype.kind != "f":
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{dtype_name}'")


def bernoulli_(a: Tensor, p: Any = 0.5, *, generator: Any = None) -> Tensor:
    """Ones where a uniform falls below ``p`` (a number, or a tensor of probabilities expandable to ``a``)."""
    source, count = creation.random_stream(generator), a.numel()
    if isinstance(p, Tensor):
        _check_float_kernel("bernoulli_tensor_cpu_p_", p._data, p.dtype.scalar_name)
        probabilities = np.broadcast_to(p._data, a._data.shape)
        if not ((probabilities >= 0) & (probabilities <= 1)).all():
            raise RuntimeError(TENSOR_P_RANGE)
        uniforms = source.unit(count, double=p._data.dtype == np.float64).reshape(a._data.shape)
        return copy_(a, (uniforms < probabilities).astype(a._data.dtype))
    if not 0 <= p <= 1:
        raise RuntimeError(f"bernoulli_ expects p to be in [0, 1], but got p={p}")
    return copy_(a, (source.unit(count, double=True).reshape(a._data.shape) < p).astype(a._data.dtype))


def bernoulli(input: Tensor, p: float | None = None, *, generator: Any = None) -> Tensor:  # noqa: A002
    """0/1 draws: each element of ``input`` is its own probability, or every one is ``p``.

    The probabilities get no gradient, but a tensor that requires grad is recorded (BernoulliBackward0).
    """
    out = creation.empty_like(input)
    if p is not None:
        return bernoulli_(out, p, generator=generator)
    bernoulli_(out, input, generator=generator)
    if input.requires_grad and grad_mode.is_grad_enabled():
        return random_draws.BernoulliBackward0.apply(input, drawn=out._data)
    return out


def multinomial(
    input: Tensor,  # noqa: A002 - PyTorch's names
    num_samples: int,
    replacement: bool = False,
    *,
    generator: Any = None,
) -> Tensor:
    """Indices drawn by the weights in each row of ``input`` (1-d, or 2-d: one row of draws per row)."""
    if input.dim() not in (1, 2):
        raise RuntimeError("prob_dist must be 1 or 2 dim")
    if input._data.dtype.kind != "f":
        raise RuntimeError(
            f"multinomial only supports floating-point dtypes for input, got: {input.dtype.scalar_name}"
        )
    if num_samples <= 0:
        raise RuntimeError("cannot sample n_sample <= 0 samples")
    categories = input.shape[-1]
    if not replacement and num_samples > categories:
        raise RuntimeError("cannot sample n_sample > prob_dist.size(-1) samples without replacement")
    rows = input._data.reshape(-1, categories)
    if not np.isfinite(rows).all() or (rows < 0).any():
        raise RuntimeError("probability tensor contains either `inf`, `nan` or element < 0")
    if (rows.sum(axis=1) <= 0).any():
        raise RuntimeError("invalid multinomial distribution (sum of probabilities <= 0)")
    source = creation.random_stream(generator)
    if not replacement or num_samples == 1:  # the largest p/q for q ~ Exp(1): one draw per weight
        q = (-np.log1p(-source.unit(rows.size, double=True))).astype(rows.dtype).reshape(rows.shape)
        chosen = np.argsort(-(rows / q), axis=1, kind="stable")[:, :num_samples]
    else:
        uniforms = source.unit(rows.shape[0] * num_samples, double=True).reshape(-1, num_samples)
        chosen = np.stack([_looked_up(row, draws) for row, draws in zip(rows, uniforms, strict=True)])
    return Tensor._wrap(chosen.reshape(*input.shape[:-1], num_samples).astype(np.int64))


def _looked_up(row: np.ndarray, uniforms: np.ndarray) -> np.ndarray:
    """Each uniform's category: the first whose normalised cumulative weight reaches it (the last is 1)."""
    cumulative = np.cumsum(row)
    cumulative = cumulative / cumulative[-1]
    cumulative[-1] = 1
    return np.searchsorted(cumulative.astype(np.float64), uniforms, side="left")


def exponential_(a: Tensor, lambd: float = 1.0, *, generator: Any = None) -> Tensor:
    """Exponential draws with rate ``lambd``: -log(1 - u)/λ."""
    if not lambd > 0:
        raise RuntimeError(f"exponential_ expects lambda > 0.0, but found lambda={lambd:g}")
    if not a.is_floating_point():
        raise RuntimeError(
            "Exponential distribution is a continuous probability distribution. dtype must be a floating "
            f"point but you specified {a.dtype.scalar_name}"
        )
    return _fill(a, generator, lambda u: -np.log1p(-u) / lambd)


def geometric_(a: Tensor, p: float, *, generator: Any = None) -> Tensor:
    """The number of trials up to the first success of probability ``p``: ⌈log u / log(1 - p)⌉."""
    if not 0 < p < 1:
        raise RuntimeError(f"geometric_ expects p to be in (0, 1), but got p={p:g}")
    return _fill(a, generator, lambda u: np.ceil(np.log(u) / np.log1p(-p)))


def cauchy_(a: Tensor, median: float = 0.0, sigma: float = 1.0, *, generator: Any = None) -> Tensor:
    """Cauchy draws around ``median`` with scale ``sigma``: m + σ·tan(π(u - ½))."""
    if not sigma > 0:
        raise RuntimeError(f"cauchy_ expects sigma > 0.0, but found sigma={sigma:g}")
    return _fill(a, generator, lambda u: median + sigma * np.tan(math.pi * (u - 0.5)))


def log_normal_(a: Tensor, mean: float = 1.0, std: float = 2.0, *, generator: Any = None) -> Tensor:
    """exp of normal draws N(mean, std²), one Box-Muller value at a time (PyTorch's scalar kernel)."""
    if not std > 0:
        raise RuntimeError(f"log_normal_ expects std > 0.0, but found std={std:g}")
    source = creation.random_stream(generator)
    normals = np.array([source._one_normal() for _ in range(a.numel())], dtype=np.float64)
    return copy_(a, np.exp(mean + std * normals).reshape(a._data.shape).astype(a._data.dtype))


def _fill(a: Tensor, generator: Any, transform: Any) -> Tensor:
    """``a`` filled in place with ``transform`` of one double uniform per element."""
    uniforms = creation.random_stream(generator).unit(a.numel(), double=True).reshape(a._data.shape)
    with np.errstate(divide="ignore"):  # u = 0: log gives -inf, as PyTorch's kernel does
        return copy_(a, transform(uniforms).astype(a._data.dtype))


def normal(
    mean: Any, std: Any = 1.0, size: Any = None, *, generator: Any = None, dtype: Any = None
) -> Tensor:
    """``torch.normal``: numbers for both (with ``size``), or tensors of means and/or standard deviations.

    With tensors, standard normals are drawn for the broadcast shape, then scaled and shifted, as PyTorch's
    kernel does; the parameters get no gradient, but one that requires grad is recorded (NormalBackward1-3).
    """
    if not isinstance(mean, Tensor) and not isinstance(std, Tensor):
        return creation.normal(mean, std, size, generator=generator, dtype=dtype)
    source = creation.random_stream(generator)
    if isinstance(std, Tensor):
        if (std._data < 0).any():
            raise RuntimeError("normal expects all elements of std >= 0.0")
        like = mean if isinstance(mean, Tensor) else std
        shape = np.broadcast_shapes(*[value.shape for value in (mean, std) if isinstance(value, Tensor)])
        kind = like._data.dtype
        drawn = source.normal(shape, 0.0, 1.0, kind).astype(kind) * std._data + _array(mean, kind)
    else:  # a negative std is refused by the draw, in PyTorch's words
        kind = mean._data.dtype
        drawn = source.normal(tuple(mean.shape), 0.0, std, kind).astype(kind) + mean._data
    drawn = drawn.astype(kind)
    parameters = [value if isinstance(value, Tensor) else None for value in (mean, std)]
    if any(value is not None and value.requires_grad for value in parameters) and grad_mode.is_grad_enabled():
        node = {(True, False): random_draws.NormalBackward1, (False, True): random_draws.NormalBackward2}
        node_class = node.get(tuple(value is not None for value in parameters), random_draws.NormalBackward3)
        return node_class.apply(*parameters, drawn=drawn)
    return Tensor._wrap(drawn)


def _array(value: Any, kind: np.dtype) -> Any:
    return value._data if isinstance(value, Tensor) else kind.type(value)


METHODS = {
    "bernoulli": bernoulli,
    "bernoulli_": bernoulli_,
    "multinomial": multinomial,
    "exponential_": exponential_,
    "geometric_": geometric_,
    "cauchy_": cauchy_,
    "log_normal_": log_normal_,
}
