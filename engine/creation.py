"""Making tensors: ``tensor`` from data, the filled and random factories, and the random seed."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np

from engine import dtypes
from engine.data_checks import COPY_CONSTRUCT_WARNING, ragged_length
from engine.devices import place_on_cpu
from engine.random_source import Generator, MersenneSource
from engine.tensor import Tensor

_random = MersenneSource()


def manual_seed(seed: int) -> Generator:
    """Reseed, so random tensors and ``nn.Linear`` weights repeat, with PyTorch's values for the seed."""
    _random.manual_seed(seed)
    return Generator.of(_random)


def initial_seed() -> int:
    return _random.initial_seed


def generator() -> MersenneSource:
    """The engine's random generator (used by ``nn.init``, dropout and the random factories)."""
    return _random


def _infer_dtype(values: Any) -> dtypes.dtype:
    """PyTorch's rule for Python data: any float makes float32, else any int makes int64, else bool."""
    flat = np.asarray(values, dtype=object).reshape(-1)
    kinds = {type(v) for v in flat}
    if any(issubclass(k, float | np.floating) for k in kinds):
        return dtypes.float32
    if any(issubclass(k, bool | np.bool_) for k in kinds) and not any(
        issubclass(k, int | np.integer) and not issubclass(k, bool | np.bool_) for k in kinds
    ):
        return dtypes.bool_
    if flat.size == 0:
        return dtypes.float32
    return dtypes.int64


def _unwrap(values: Any) -> Any:
    """Nested lists may hold tensors (one element each) or numpy numbers; make them plain."""
    if isinstance(values, Tensor):
        return values._data
    if isinstance(values, list | tuple):
        return [_unwrap(v) for v in values]
    return values


def _resolve(dtype: Any) -> np.dtype | None:
    if dtype is None:
        return None
    if isinstance(dtype, dtypes.dtype):
        return dtype.numpy
    if dtype is float:
        return np.dtype(np.float32)
    if dtype is int:
        return np.dtype(np.int64)
    if dtype is bool:
        return np.dtype(np.bool_)
    raise TypeError(f"dtype must be a torch.dtype (e.g. torch.float32), not {dtype!r}")


def _finish(data: np.ndarray, requires_grad: bool, device: Any = None) -> Tensor:
    place_on_cpu(device)
    if requires_grad and data.dtype.kind != "f":
        raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
    return Tensor._wrap(data, bool(requires_grad))


def tensor(data: Any, dtype: Any = None, device: Any = None, requires_grad: bool = False) -> Tensor:
    """A new tensor holding a copy of ``data`` (a number, nested lists, a numpy array or a tensor)."""
    if type(data) is float and dtype is None:  # speed: the article's tensor(3.0); same result as below
        return _finish(np.array(data, np.float32), requires_grad, device)
    wanted = _resolve(dtype)
    if isinstance(data, Tensor):
        warnings.warn(COPY_CONSTRUCT_WARNING, UserWarning, stacklevel=2)
        array = np.array(data._data, dtype=wanted, copy=True)
    elif isinstance(data, np.ndarray | np.generic):
        dtypes.from_numpy(np.asarray(data).dtype)
        array = np.array(data, dtype=wanted, copy=True)
    else:
        plain = _unwrap(data)
        try:
            array = np.array(plain, dtype=wanted or _infer_dtype(plain).numpy)
        except (ValueError, TypeError) as error:
            ragged = ragged_length(plain)
            raise ValueError(
                ragged or f"could not make a tensor from {type(data).__name__}: {error}"
            ) from None
        if array.dtype == object:
            raise TypeError(f"Could not infer dtype of {type(data).__name__}")
    return _finish(array, requires_grad, device)


def as_tensor(data: Any, dtype: Any = None, device: Any = None) -> Tensor:
    if isinstance(data, Tensor):  # the same tensor, or converted (recorded as a conversion)
        return data if dtype is None or data.dtype is dtype else data.to(dtype)
    if isinstance(data, np.ndarray) and dtype is None:
        return from_numpy(data)
    return tensor(data, dtype=dtype)


def from_numpy(array: np.ndarray) -> Tensor:
    """A tensor sharing memory with ``array`` (changes to one show in the other)."""
    dtypes.from_numpy(array.dtype)
    return Tensor._wrap(array)


def _shape(size: Sequence, function: str = "empty") -> tuple[int, ...]:
    """Factories take sizes as ``f(2, 3)`` or ``f((2, 3))``: whole numbers, or PyTorch's TypeError naming
    ``function`` (``zeros(2.0)``, ``nn.Conv2d(2, 4, 3.0)``'s weight)."""
    from engine.argument_errors import type_name

    if len(size) == 1 and isinstance(size[0], list | tuple):
        size = size[0]
    elif len(size) == 1 and not _whole(size[0]):
        raise TypeError(
            f"{function}(): argument 'size' (position 1) must be tuple of ints, not {type_name(size[0])}"
        )
    for position, value in enumerate(size, start=1):
        if not _whole(value):
            raise TypeError(
                f"{function}(): argument 'size' failed to unpack the object at pos {position} with error "
                f'"type must be tuple of ints,but got {type_name(value)}"'
            )
    shape = tuple(int(s) for s in size)
    if any(s < 0 for s in shape):
        raise RuntimeError(f"Trying to create tensor with negative dimension {min(shape)}: {list(shape)}")
    return shape


def _whole(value: Any) -> bool:
    """An int as PyTorch's parser takes one for a size: an int (not a bool), a numpy or 0-d tensor integer."""
    if isinstance(value, Tensor):
        return value._data.ndim == 0 and value._data.dtype.kind in "iu"
    return isinstance(value, int | np.integer) and not isinstance(value, bool | np.bool_)


def _filled(shape: tuple, value: Any, dtype: Any, requires_grad: bool, device: Any = None) -> Tensor:
    wanted = _resolve(dtype) or np.dtype(np.float32)
    return _finish(np.full(shape, value, dtype=wanted), requires_grad, device)


def zeros(*size: Any, dtype: Any = None, device: Any = None, requires_grad: bool = False) -> Tensor:
    return _filled(_shape(size, "zeros"), 0, dtype, requires_grad, device)


def ones(*size: Any, dtype: Any = None, device: Any = None, requires_grad: bool = False) -> Tensor:
    return _filled(_shape(size, "ones"), 1, dtype, requires_grad, device)


def empty(*size: Any, dtype: Any = None, device: Any = None, requires_grad: bool = False) -> Tensor:
    return _filled(_shape(size, "empty"), 0, dtype, requires_grad, device)


def full(
    size: Sequence, fill_value: Any, dtype: Any = None, device: Any = None, requires_grad: bool = False
) -> Tensor:
    if dtype is None:
        dtype = dtypes.scalar_dtype(fill_value)
    return _filled(_shape((size,)), fill_value, dtype, requires_grad, device)


def _like(source: Tensor, dtype: Any) -> tuple[tuple, Any]:
    return source._data.shape, dtype if dtype is not None else source.dtype


def zeros_like(source: Tensor, dtype: Any = None, device: Any = None, requires_grad: bool = False) -> Tensor:
    return _filled(*_like(source, dtype)[:1], 0, _like(source, dtype)[1], requires_grad, device)


def ones_like(source: Tensor, dtype: Any = None, device: Any = None, requires_grad: bool = False) -> Tensor:
    return _filled(source._data.shape, 1, _like(source, dtype)[1], requires_grad, device)


def empty_like(source: Tensor, dtype: Any = None, device: Any = None, requires_grad: bool = False) -> Tensor:
    return _filled(source._data.shape, 0, _like(source, dtype)[1], requires_grad, device)


def full_like(
    source: Tensor, fill_value: Any, dtype: Any = None, device: Any = None, requires_grad: bool = False
) -> Tensor:
    return _filled(source._data.shape, fill_value, _like(source, dtype)[1], requires_grad, device)


def _random_float(dtype: Any, kernel: str) -> np.dtype:
    """The float type to draw in; PyTorch's refusal, naming its ``kernel``, for any other."""
    wanted = _resolve(dtype) or np.dtype(np.float32)
    if wanted.kind != "f":
        name = dtypes.BY_NUMPY[wanted].scalar_name
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{name}'")
    return wanted


def rand(
    *size: Any, dtype: Any = None, device: Any = None, requires_grad: bool = False, generator: Any = None
) -> Tensor:
    """Uniform on [0, 1), from ``generator`` or the default one."""
    wanted = _random_float(dtype, "check_uniform_bounds")
    return _finish(
        random_stream(generator).uniform(_shape(size, "rand"), 0.0, 1.0, wanted), requires_grad, device
    )


def randn(
    *size: Any, dtype: Any = None, device: Any = None, requires_grad: bool = False, generator: Any = None
) -> Tensor:
    """Standard normal, from ``generator`` or the default one."""
    wanted = _random_float(dtype, "normal_kernel_cpu")
    return _finish(
        random_stream(generator).normal(_shape(size, "randn"), 0.0, 1.0, wanted), requires_grad, device
    )


def rand_like(source: Tensor, dtype: Any = None, requires_grad: bool = False) -> Tensor:
    return rand(*source._data.shape, dtype=dtype or source.dtype, requires_grad=requires_grad)


def randn_like(source: Tensor, dtype: Any = None, requires_grad: bool = False) -> Tensor:
    return randn(*source._data.shape, dtype=dtype or source.dtype, requires_grad=requires_grad)


def randint(
    low: int,
    high: int | None = None,
    size: Sequence = (),
    *,
    generator: Generator | None = None,
    dtype: Any = None,
    device: Any = None,
    requires_grad: bool = False,
) -> Tensor:
    """Integers in [low, high); ``randint(high, size)`` starts at 0."""
    if high is None or isinstance(high, tuple | list):
        low, high, size = 0, low, high if high is not None else size
    if high <= low:
        raise RuntimeError(f"random_ expects 'from' to be less than 'to', but got from={low} >= to={high}")
    values = random_stream(generator).integers(int(low), int(high), _shape((size,)))
    return _finish(values.astype(_resolve(dtype) or np.int64), requires_grad, device)


def randperm(n: int, *, generator: Generator | None = None, dtype: Any = None, device: Any = None) -> Tensor:
    if n < 0:
        raise RuntimeError(f"Trying to create tensor with negative dimension {n}: [{n}]")
    return Tensor._wrap(random_stream(generator).permutation(int(n)).astype(_resolve(dtype) or np.int64))


def normal(
    mean: float, std: float, size: Sequence, generator: Generator | None = None, dtype: Any = None
) -> Tensor:
    wanted = _resolve(dtype) or np.dtype(np.float32)
    return Tensor._wrap(random_stream(generator).normal(_shape((size,)), mean, std, wanted))


def random_stream(generator: Generator | None) -> MersenneSource:
    """The random stream to draw from: ``generator``'s, or the default one (``manual_seed``'s). Every random
    fill and factory picks its stream here."""
    return _random if generator is None else generator._source


def arange(
    start: float,
    end: float | None = None,
    step: float = 1,
    dtype: Any = None,
    device: Any = None,
    requires_grad: bool = False,
) -> Tensor:
    if end is None:
        start, end = 0, start
    numbers = (start, end, step)
    if step == 0:
        raise RuntimeError("step must be nonzero")
    default = np.float32 if any(isinstance(n, float) for n in numbers) else np.int64
    wanted = _resolve(dtype) or np.dtype(default)
    count = max(int(np.ceil((end - start) / step)), 0)
    return _finish((start + step * np.arange(count, dtype=np.float64)).astype(wanted), requires_grad, device)


def linspace(
    start: float, end: float, steps: int, dtype: Any = None, device: Any = None, requires_grad: bool = False
) -> Tensor:
    """Evenly spaced values, computed as PyTorch does so that printed digits match.

    PyTorch counts the first half up from ``start`` and the second half down from ``end``, with a
    fused multiply-add in the element type; float64 arithmetic on float32 operands reproduces that.
    """
    wanted = _resolve(dtype) or np.dtype(np.float32)
    count = int(steps)
    if count < 0:
        raise RuntimeError("linspace(): number of steps must be non-negative")
    if count == 1:
        return _finish(np.full(1, start).astype(wanted), requires_grad, device)
    working = np.longdouble if wanted == np.float64 else np.float64
    step = working(wanted.type((end - start) / max(count - 1, 1)))
    first, last = working(wanted.type(start)), working(wanted.type(end))
    index = np.arange(count)
    values = np.where(index < count // 2, first + step * index, last - step * (count - 1 - index))
    return _finish(values.astype(wanted), requires_grad, device)


def eye(
    n: int, m: int | None = None, dtype: Any = None, device: Any = None, requires_grad: bool = False
) -> Tensor:
    return _finish(np.eye(n, m, dtype=_resolve(dtype) or np.float32), requires_grad, device)


RANGE_WARNING = (
    "torch.range is deprecated and will be removed in a future release because its behavior is inconsistent "
    "with Python's range builtin. Instead, use torch.arange, which produces values in [start, end)."
)


def deprecated_range(  # torch.range (named apart here: this module's code may need Python's range)
    start: float = 0,
    end: float | None = None,
    step: float = 1,
    *,
    dtype: Any = None,
    device: Any = None,
    requires_grad: bool = False,
) -> Tensor:
    """Deprecated ``torch.range``: ``end`` included, float32 unless ``dtype`` says otherwise (with PyTorch's
    warning)."""
    warnings.warn(RANGE_WARNING, UserWarning, stacklevel=2)
    if end is None:
        start, end = 0, start
    count = int(np.floor((end - start) / step)) + 1
    values = start + step * np.arange(max(count, 0), dtype=np.float64)
    return _finish(values.astype(_resolve(dtype) or np.dtype(np.float32)), requires_grad, device)


def randint_like(
    input: Tensor,
    low: int = 0,
    high: int | None = None,
    *,
    dtype: Any = None,
    requires_grad: bool = False,  # noqa: A002
) -> Tensor:
    """Integers in [low, high) (``randint_like(x, high)`` starts at 0), shaped and typed like ``input``."""
    if high is None:
        low, high = 0, low
    return randint(low, high, tuple(input.shape), dtype=dtype or input.dtype, requires_grad=requires_grad)
