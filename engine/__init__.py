"""koubai's tensor library: PyTorch's tensor and autograd API on numpy. Use it as ``import engine as torch``."""

from engine import autograd, methods
from engine.creation import (
    arange, as_tensor, empty, empty_like, eye, from_numpy, full, full_like, initial_seed, linspace,
    manual_seed, normal, ones, ones_like, rand, rand_like, randint, randn, randn_like, randperm, tensor, zeros,
    zeros_like,
)
from engine.dtypes import (
    bool_ as bool, dtype, float16, float32, float64, int8, int16, int32, int64, promote_types, uint8,
)
from engine.functions import pointwise as _pointwise
from engine.functions import unary as _unary
from engine.grad_mode import enable_grad, inference_mode, is_grad_enabled, no_grad, set_grad_enabled
from engine.math_ops import (
    addmm, amax, argmax, argmin, clamp, dot, log_softmax, logsumexp, matmul, max, maximum, mean, min, minimum,
    mm, norm, softmax, std, sum, var, where,
)
from engine.printing import get_printoptions, printoptions, set_printoptions
from engine.shape_ops import (
    cat, chunk, clone, flatten, permute, reshape, split, squeeze, stack, t, transpose, unbind, unsqueeze,
)
from engine.tensor import Size, Tensor, device

methods.install()

float = float32  # noqa: A001 - PyTorch's aliases
double = float64
half = float16
long = int64
int = int32  # noqa: A001
short = int16
concat = concatenate = cat
clip = clamp
add, sub, mul, div, pow, neg = (  # noqa: A001
    _pointwise.add, _pointwise.sub, _pointwise.mul, _pointwise.div, _pointwise.pow, _pointwise.neg,
)
multiply, divide, subtract, negative = mul, div, sub, neg


def _unary_function(cls: type):
    def function(input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's argument name
        return _unary.unary(cls, input)

    function.__name__ = cls.symbol
    return function


abs = _unary_function(_unary.AbsBackward0)  # noqa: A001
exp = _unary_function(_unary.ExpBackward0)
log = _unary_function(_unary.LogBackward0)
sqrt = _unary_function(_unary.SqrtBackward0)
sin = _unary_function(_unary.SinBackward0)
cos = _unary_function(_unary.CosBackward0)
tanh = _unary_function(_unary.TanhBackward0)
sigmoid = _unary_function(_unary.SigmoidBackward0)
relu = _unary_function(_unary.ReluBackward0)


def square(input: Tensor) -> Tensor:  # noqa: A002
    return input**2


def is_tensor(value: object) -> bool:
    return isinstance(value, Tensor)


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


class _Cuda:
    """``torch.cuda``: there is no GPU here, and code that checks for one takes the CPU path."""

    @staticmethod
    def is_available() -> bool:
        return False

    @staticmethod
    def device_count() -> int:
        return 0


cuda = _Cuda()


class _Backends:
    class mps:  # noqa: N801
        @staticmethod
        def is_available() -> bool:
            return False


backends = _Backends()

from engine import nn, optim  # noqa: E402 - they build on everything above
