"""Nodes of the in-place comparisons (``x.gt_(y)`` and kin): ``x`` takes 1 where the comparison holds and 0
elsewhere, in its own dtype, and PyTorch records a node whose gradient is zero for every input
(``GtBackward0`` against a number, ``GtBackward1`` against a tensor)."""

from __future__ import annotations

import numpy as np

from engine.function import Function


class _Comparison(Function):
    ufunc = staticmethod(np.greater)
    rule = "a comparison is flat where it is defined: ∂/∂x = 0"

    def forward(self, a, b=None, other=0.0):
        self.shapes = (a.shape, None if b is None else b.shape)
        return self.ufunc(a, other if b is None else b).astype(a.dtype)

    def backward(self, grad):
        shape_a, shape_b = self.shapes
        zeros = np.zeros(shape_a, dtype=grad.dtype)
        return (zeros,) if shape_b is None else (zeros, np.zeros(shape_b, dtype=grad.dtype))


def _pair(name: str, symbol: str, ufunc: np.ufunc) -> tuple[type, type]:
    """The node against a number (``name``0) and against a tensor (``name``1)."""
    members = {"symbol": symbol, "ufunc": staticmethod(ufunc), "__module__": __name__}
    number, tensor = (type(f"{name}Backward{kind}", (_Comparison,), members) for kind in (0, 1))
    return number, tensor


GtBackward0, GtBackward1 = _pair("Gt", ">", np.greater)
GeBackward0, GeBackward1 = _pair("Ge", "≥", np.greater_equal)
LtBackward0, LtBackward1 = _pair("Lt", "<", np.less)
LeBackward0, LeBackward1 = _pair("Le", "≤", np.less_equal)
EqBackward0, EqBackward1 = _pair("Eq", "==", np.equal)
NeBackward0, NeBackward1 = _pair("Ne", "≠", np.not_equal)
