"""PyTorch's node for an op without a derivative (floor_divide, heaviside, ``number % tensor``): the result is
in the graph, and backward through it fails with PyTorch's words.

It is no differentiable op, so it has no finite-difference check; the parity case
remainder_floor_divide_rsub_heaviside_gcd_lcm (tests/engine/test_tutorial_parity.py) shows its refusal.
"""

from __future__ import annotations

from collections.abc import Callable

from engine.function import Function


class NotImplemented(Function):  # noqa: A001 - PyTorch's class name (its grad_fn prints <NotImplemented>)
    """A step of the graph that has no derivative: ``forward`` computes, ``backward`` refuses."""

    symbol, rule = "?", "no derivative: backward through this op is an error in PyTorch"

    def name(self) -> str:
        return "torch::autograd::NotImplemented"  # PyTorch's C++ name, as for AccumulateGrad

    def forward(self, *arrays, compute: Callable = None, op: str = "floor_divide"):
        """``compute()``: the result, worked out by the caller from every operand (numbers too)."""
        self.op = self.symbol = op  # the graph view writes floor_divide(a, b)
        return compute()

    def backward(self, grad):
        raise RuntimeError(f"derivative for aten::{self.op} is not implemented")
