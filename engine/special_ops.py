"""One-input special functions: sgn, sinc, exp2, deg2rad, rad2deg, logit, erfc, lgamma, digamma, the inverse
hyperbolics (acosh, asinh, atanh) and frexp, as ``torch.*`` functions (with ``out=``) and Tensor methods.

Integer and bool inputs compute in float32, as in PyTorch; sgn keeps them (it is sign for real numbers).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from engine import return_types
from engine.extra_ops import _smooth
from engine.functions import special as nodes
from engine.functions import unary
from engine.in_place_ops import in_place_method
from engine.out_arg import accepts_out
from engine.tensor import Tensor

sinc = _smooth(nodes.SincBackward0, "sinc")
exp2 = _smooth(nodes.Exp2Backward0, "exp2")
deg2rad = _smooth(nodes.Deg2RadBackward0, "deg2rad")
rad2deg = _smooth(nodes.Rad2DegBackward0, "rad2deg")
erfc = _smooth(nodes.ErfcBackward0, "erfc")
lgamma = _smooth(nodes.LgammaBackward0, "lgamma")
digamma = _smooth(nodes.DigammaBackward0, "digamma")
acosh = _smooth(nodes.AcoshBackward0, "acosh")
asinh = _smooth(nodes.AsinhBackward0, "asinh")
atanh = _smooth(nodes.AtanhBackward0, "atanh")


def sgn(input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's argument name
    """-1, 0 or 1 by sign, in the input's dtype (NaN gives 0)."""
    if input._data.dtype.kind in "biu":
        return Tensor._wrap(unary.sign(input._data))
    return nodes.SgnBackward0.apply(input)


def logit(input: Tensor, eps: float | None = None) -> Tensor:  # noqa: A002
    """ln(x/(1 - x)), of x clamped to [eps, 1 - eps] when ``eps`` is given."""
    return unary.unary(nodes.LogitBackward0, input, eps=eps)


def frexp(input: Tensor) -> tuple:  # noqa: A002
    """The mantissa in [0.5, 1) by magnitude and the int32 exponent, with input = mantissa·2^exponent."""
    if input._data.dtype.kind != "f":
        raise RuntimeError("torch.frexp() only supports floating-point dtypes")
    mantissa = nodes.FrexpBackward0.apply(input)
    exponent = np.frexp(input._data)[1].astype(np.int32)
    return return_types.frexp(mantissa, Tensor._wrap(exponent))


FUNCTIONS: dict[str, Callable] = {
    "sgn": sgn,
    "sinc": sinc,
    "exp2": exp2,
    "deg2rad": deg2rad,
    "rad2deg": rad2deg,
    "logit": logit,
    "erfc": erfc,
    "lgamma": lgamma,
    "digamma": digamma,
    "acosh": acosh,
    "asinh": asinh,
    "atanh": atanh,
}
METHODS: dict[str, Callable] = {
    **FUNCTIONS,
    **{f"{name}_": in_place_method(function) for name, function in FUNCTIONS.items()},
    "frexp": frexp,
}
# the torch.* forms take out=; PyTorch has torch.sinc_ and kin too (not sgn_, lgamma_ or digamma_)
_NAMES = (
    "sgn",
    "sinc",
    "exp2",
    "deg2rad",
    "rad2deg",
    "logit",
    "erfc",
    "lgamma",
    "digamma",
    "acosh",
    "asinh",
    "atanh",
)
sgn, sinc, exp2, deg2rad, rad2deg, logit, erfc, lgamma, digamma, acosh, asinh, atanh = (
    accepts_out(FUNCTIONS[name]) for name in _NAMES
)
sinc_, exp2_, deg2rad_, rad2deg_, logit_, erfc_, acosh_, asinh_, atanh_ = (
    METHODS[f"{name}_"]
    for name in ("sinc", "exp2", "deg2rad", "rad2deg", "logit", "erfc", "acosh", "asinh", "atanh")
)
