"""``torch.*`` functions that wrap the ops: element-wise math with ``out=``, and small helpers."""

from __future__ import annotations

from collections.abc import Callable

from engine import dtypes, join_ops, math_ops, product_ops
from engine.dtypes import dtype, float32
from engine.functions import pointwise, unary
from engine.out_arg import accepts_out
from engine.tensor import Tensor


def _unary_function(cls: type, name: str) -> Callable:
    def function(input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's argument name
        return unary.unary(cls, input)

    function.__name__ = function.__qualname__ = name
    return accepts_out(function)


def _unary_in_place(name: str) -> Callable:
    """``torch.sin_(x)``: the method ``x.sin_()`` as a function."""

    def function(input: Tensor) -> Tensor:  # noqa: A002
        return getattr(input, name)()

    function.__name__ = function.__qualname__ = name
    return function


abs = _unary_function(unary.AbsBackward0, "abs")  # noqa: A001 - PyTorch's name
exp = _unary_function(unary.ExpBackward0, "exp")
log = _unary_function(unary.LogBackward0, "log")
sqrt = _unary_function(unary.SqrtBackward0, "sqrt")
sin = _unary_function(unary.SinBackward0, "sin")
cos = _unary_function(unary.CosBackward0, "cos")
tanh = _unary_function(unary.TanhBackward0, "tanh")
sigmoid = _unary_function(unary.SigmoidBackward0, "sigmoid")
relu = _unary_function(unary.ReluBackward0, "relu")
_IN_PLACE_NAMES = ("abs", "exp", "log", "sqrt", "sin", "cos", "tanh", "sigmoid", "relu")
abs_, exp_, log_, sqrt_, sin_, cos_, tanh_, sigmoid_, relu_ = (
    _unary_in_place(f"{name}_") for name in _IN_PLACE_NAMES
)

add = accepts_out(pointwise.add)
sub = accepts_out(pointwise.sub)
mul = accepts_out(pointwise.mul)
div = accepts_out(pointwise.div)
true_divide = div  # PyTorch's other name for div without a rounding mode
pow = accepts_out(pointwise.pow)  # noqa: A001
neg = accepts_out(pointwise.neg)
matmul = accepts_out(product_ops.matmul)
mm = accepts_out(product_ops.mm)
bmm = accepts_out(product_ops.bmm)
maximum = accepts_out(math_ops.maximum)
minimum = accepts_out(math_ops.minimum)
clamp = accepts_out(math_ops.clamp)
cat = accepts_out(join_ops.cat)
stack = accepts_out(join_ops.stack)


def square(input: Tensor) -> Tensor:  # noqa: A002
    return pointwise.pow(input, 2)


def all(input: Tensor, dim: int | None = None, keepdim: bool = False) -> Tensor:  # noqa: A001, A002
    """``torch.all(x)``: the method, as a function (every element true, along ``dim`` if given)."""
    return input.all() if dim is None else input.all(dim, keepdim)


def any(input: Tensor, dim: int | None = None, keepdim: bool = False) -> Tensor:  # noqa: A001, A002
    """``torch.any(x)``: the method, as a function (some element true, along ``dim`` if given)."""
    return input.any() if dim is None else input.any(dim, keepdim)


def is_tensor(value: object) -> bool:
    return isinstance(value, Tensor)


def typename(value: object) -> str:
    """``torch.typename``: a tensor's old type name (``"torch.FloatTensor"``), else its class, qualified."""
    if isinstance(value, Tensor):
        return value.type()
    kind = type(value)
    return kind.__qualname__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}"


def numel(input: Tensor) -> int:  # noqa: A002
    return input.numel()


def allclose(a: Tensor, b: Tensor, rtol: float = 1e-05, atol: float = 1e-08) -> bool:
    return a.allclose(b, rtol, atol)


def equal(a: Tensor, b: Tensor) -> bool:
    return a.equal(b)


def is_floating_point(input: Tensor) -> bool:  # noqa: A002
    return input.is_floating_point()


def get_default_dtype() -> dtype:
    return float32


class _LegacyType(type):
    """The kind of ``torch.FloatTensor`` and its kin, old tutorials' typed constructors: calling one makes a
    tensor of its dtype (``torch.LongTensor(2, 3)``, ``torch.FloatTensor([1, 2])``), ``isinstance`` checks the
    dtype, and ``x.type(torch.FloatTensor)`` converts to it."""

    _dtype: dtype

    def __call__(cls, *args: object) -> Tensor:
        made = Tensor(*args)
        return made if cls._dtype is float32 else Tensor._wrap(made._data.astype(cls._dtype.numpy))

    def __instancecheck__(cls, instance: object) -> bool:
        return isinstance(instance, Tensor) and instance.dtype is cls._dtype


def _legacy_constructor(kind: dtype, name: str) -> _LegacyType:
    return _LegacyType(name, (), {"_dtype": kind, "__module__": "torch", "__qualname__": name})


FloatTensor = _legacy_constructor(float32, "FloatTensor")
DoubleTensor = _legacy_constructor(dtypes.float64, "DoubleTensor")
LongTensor = _legacy_constructor(dtypes.int64, "LongTensor")
IntTensor = _legacy_constructor(dtypes.int32, "IntTensor")
BoolTensor = _legacy_constructor(dtypes.bool_, "BoolTensor")
