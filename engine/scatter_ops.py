"""``torch.scatter``, ``torch.scatter_add``, ``torch.gather`` and their Tensor methods (``scatter_`` and
``scatter_add_`` in place), with PyTorch's checks in PyTorch's order and words.

The tutorials' one-hot target, ``torch.zeros(10).scatter_(0, torch.tensor(y), value=1)``, is the common use.
"""

from __future__ import annotations

from collections.abc import Callable
from numbers import Number
from typing import Any

import numpy as np

from engine import grad_mode
from engine.argument_errors import must_be_tensor, type_name
from engine.functions import scatter as fn
from engine.in_place_ops import in_place_method
from engine.out_arg import accepts_out
from engine.shape_ops import _dim
from engine.tensor import Tensor

_MISSING: Any = object()  # neither src nor value given (None is not a number PyTorch would take either)
_INDEX_DTYPES = (np.dtype(np.int64), np.dtype(np.int32))
_SIGNATURES = (  # what PyTorch lists when scatter's arguments match none of its forms
    "(Tensor input, int dim, Tensor index, Tensor src, *, Tensor out = None)",
    "(Tensor input, int dim, Tensor index, Tensor src, *, str reduce, Tensor out = None)",
    "(Tensor input, int dim, Tensor index, Number value, *, Tensor out = None)",
    "(Tensor input, int dim, Tensor index, Number value, *, str reduce, Tensor out = None)",
)


def _no_form_matches(name: str, method: bool, given: tuple, keywords: dict) -> TypeError:
    """PyTorch's TypeError for scatter called without src or value, with both, or with a wrong type."""
    got = [type_name(value) for value in given] + [f"{key}={type_name(v)}" for key, v in keywords.items()]
    forms = list(_SIGNATURES)
    if method:  # the Tensor method's forms: no input, no out
        forms = [form.replace("Tensor input, ", "").replace(", Tensor out = None", "") for form in forms]
        forms = [form.replace(", *)", ")") for form in forms]
    return TypeError(
        f"{name}() received an invalid combination of arguments - got ({', '.join(got)}), "
        "but expected one of:\n" + "".join(f" * {form}\n" for form in forms)
    )


def _size(shape: tuple, dim: int) -> int:
    """A dimension's size, a 0-d tensor counting as one element (PyTorch's ensure_nonempty_size)."""
    return 1 if not shape else shape[_dim(dim, len(shape))]


def _check_dtypes(name: str, a: Tensor, index: Tensor, src: Tensor | None) -> None:
    if index._data.size and index._data.dtype not in _INDEX_DTYPES:
        raise RuntimeError(f"{name}(): Expected dtype int32/int64 for index")
    if src is not None and src._data.dtype != a._data.dtype:
        raise RuntimeError(f"{name}(): Expected self.dtype to be equal to src.dtype")


def _check_scatter_shapes(a: Tensor, dim: int, index: Tensor, src: Tensor | None) -> None:
    """The index fits self apart from ``dim`` and fits src in every dimension (an empty index always fits)."""
    shape, index_shape = a._data.shape, index._data.shape
    if not index._data.size:
        return
    if max(len(shape), 1) != max(len(index_shape), 1):
        raise RuntimeError("Index tensor must have the same number of dimensions as self tensor")
    dims = range(max(len(shape), 1))
    wrong = any(_size(index_shape, d) > _size(shape, d) for d in dims if d != dim)
    message = (
        f"Expected index {list(index_shape)} to be no larger than self {list(shape)} apart from dimension"
    )
    message += f" {dim}"
    if src is None:
        if wrong:
            raise RuntimeError(message)
        return
    src_shape = src._data.shape
    wrong = wrong or any(_size(index_shape, d) > _size(src_shape, d) for d in dims)
    if max(len(src_shape), 1) != max(len(index_shape), 1):
        raise RuntimeError("Index tensor must have the same number of dimensions as src tensor")
    if wrong:
        raise RuntimeError(f"{message} and to be no larger size than src {list(src_shape)}")


def _check_gather_shapes(a: Tensor, dim: int, index: Tensor) -> None:
    shape, index_shape = a._data.shape, index._data.shape
    if not index._data.size:
        return
    if max(len(shape), 1) != max(len(index_shape), 1):
        raise RuntimeError("Index tensor must have the same number of dimensions as input tensor")
    for d in range(max(len(shape), 1)):
        if d != dim and _size(index_shape, d) > _size(shape, d):
            raise RuntimeError(
                f"Size does not match at dimension {d} expected index {list(index_shape)} to be no larger "
                f"than self {list(shape)} apart from dimension {dim}"
            )


def _positions_in_bounds(a: Tensor, dim: int, index: Tensor) -> np.ndarray:
    """The index as numpy integers, after PyTorch's check that each names a place along ``dim``."""
    positions = index._data.astype(np.int64)
    size = _size(a._data.shape, dim)
    outside = (positions < 0) | (positions >= size)
    if outside.any():
        first = positions.reshape(-1)[np.argmax(outside.reshape(-1))]
        raise RuntimeError(f"index {first} is out of bounds for dimension {dim} with size {size}")
    return positions


def _scatter(
    name: str, method: bool, a: Tensor, dim: int, index: Any, rest: tuple, src: Any, value: Any
) -> Tensor:
    """``a`` with ``src`` (a tensor) or ``value`` (a number) written where ``index`` says along ``dim``.

    The fourth argument, given by position (``rest``), is src if it is a tensor and the value otherwise.
    """
    given = (a, dim, index)[int(method) :] + rest
    keywords = {key: v for key, v in (("src", src), ("value", value)) if v is not _MISSING}
    if len(rest) + len(keywords) != 1 or not isinstance(index, Tensor):
        raise _no_form_matches(name, method, given, keywords)
    if rest:
        src, value = (rest[0], _MISSING) if isinstance(rest[0], Tensor) else (_MISSING, rest[0])
    if value is not _MISSING:
        value = value.item() if isinstance(value, Tensor) and not value.ndim else value
    if not isinstance(src, Tensor) and not isinstance(value, Number | np.generic):
        raise _no_form_matches(name, method, given, keywords)
    dim = _dim(dim, a._data.ndim)
    tensor_src = None if src is _MISSING else src
    _check_dtypes("scatter", a, index, tensor_src)
    _check_scatter_shapes(a, dim, index, tensor_src)
    positions = _positions_in_bounds(a, dim, index)
    if tensor_src is None:
        return fn.ScatterBackward1.apply(a, dim=dim, index=positions, value=value)
    return fn.ScatterBackward0.apply(a, tensor_src, dim=dim, index=positions)


def _scatter_add(a: Tensor, dim: int, index: Any, src: Any, first_position: int) -> Tensor:
    """``a`` plus ``src``'s values added at the places ``index`` names along ``dim`` (repeats add up)."""
    must_be_tensor("scatter_add", "index", index, first_position + 1)
    must_be_tensor("scatter_add", "src", src, first_position + 2)
    dim = _dim(dim, a._data.ndim)
    _check_dtypes("scatter", a, index, src)
    _check_scatter_shapes(a, dim, index, src)
    return fn.ScatterAddBackward0.apply(a, src, dim=dim, index=_positions_in_bounds(a, dim, index))


def _gather(a: Tensor, dim: int, index: Any, sparse_grad: bool, first_position: int) -> Tensor:
    """The values of ``a`` at the places ``index`` names along ``dim``, shaped like ``index``."""
    must_be_tensor("gather", "index", index, first_position + 1)
    if sparse_grad and a.requires_grad and grad_mode.is_grad_enabled():
        raise NotImplementedError("sparse_grad=True (a sparse gradient) is not supported by this engine")
    dim = _dim(dim, a._data.ndim)
    _check_dtypes("gather", a, index, None)
    _check_gather_shapes(a, dim, index)
    return fn.GatherBackward0.apply(a, dim=dim, index=_positions_in_bounds(a, dim, index))


@accepts_out
def scatter(
    input: Tensor, dim: int, index: Tensor, *rest: Any, src: Any = _MISSING, value: Any = _MISSING
) -> Tensor:  # noqa: A002
    """A copy of ``input`` with ``src``'s values (or the number ``value``) written where ``index`` says."""
    return _scatter("scatter", False, input, dim, index, rest, src, value)


@accepts_out
def scatter_add(input: Tensor, dim: int, index: Tensor, src: Tensor) -> Tensor:  # noqa: A002
    """A copy of ``input`` with ``src``'s values added where ``index`` says."""
    return _scatter_add(input, dim, index, src, first_position=2)


@accepts_out
def gather(input: Tensor, dim: int, index: Tensor, *, sparse_grad: bool = False) -> Tensor:  # noqa: A002
    """``input``'s values read where ``index`` says: ``out[i][j] = input[index[i][j]][j]`` for dim 0."""
    return _gather(input, dim, index, sparse_grad, first_position=2)


def _scatter_method(name: str) -> Callable:
    def method(
        self: Tensor, dim: int, index: Tensor, *rest: Any, src: Any = _MISSING, value: Any = _MISSING
    ) -> Tensor:
        return _scatter(name, True, self, dim, index, rest, src, value)

    method.__name__ = method.__qualname__ = name
    return method


def scatter_add_method(self: Tensor, dim: int, index: Tensor, src: Tensor) -> Tensor:
    return _scatter_add(self, dim, index, src, first_position=1)


def gather_method(self: Tensor, dim: int, index: Tensor, *, sparse_grad: bool = False) -> Tensor:
    return _gather(self, dim, index, sparse_grad, first_position=1)


scatter_add_method.__name__ = scatter_add_method.__qualname__ = (
    "scatter_add"  # as Python's TypeErrors name it
)
gather_method.__name__ = gather_method.__qualname__ = "gather"


METHODS: dict[str, Callable] = {
    "scatter": _scatter_method("scatter"),
    "scatter_": in_place_method(_scatter_method("scatter_")),
    "scatter_add": scatter_add_method,
    "scatter_add_": in_place_method(scatter_add_method),
    "gather": gather_method,
}
