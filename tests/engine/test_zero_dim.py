"""The scalar lane (engine/zero_dim.py) against the general path: same graph, values, gradients, errors.

Each case runs twice on fresh leaves, once with the lane and once with ``zero_dim.ENABLED = False``, and
everything a learner or the visualizer can see is compared: value bits, dtype, grad_fn names and edges,
input shapes, gradients, version-counter errors, the trace.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from contextlib import contextmanager

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import engine as torch
from engine import zero_dim
from engine.functions import pointwise, unary
from engine.trace_graph import BackwardRecorder, ForwardRecorder, trace

UNARY_OPS: dict[str, Callable] = {
    "exp": lambda t: t.exp(),
    "log": lambda t: t.log(),
    "tanh": lambda t: t.tanh(),
    "sin": lambda t: t.sin(),
    "cos": lambda t: t.cos(),
    "neg": lambda t: -t,
    "torch.exp": lambda t: torch.exp(t),
    "x ** 2": lambda t: t**2,
    "x ** 2.0": lambda t: t**2.0,
    "x.pow(2)": lambda t: t.pow(2),
    "torch.pow(x, 2)": lambda t: torch.pow(t, 2),
    "x ** 3 (general path both times)": lambda t: t**3,
}
NUMBER_OPS: dict[str, Callable] = {
    "x + c": lambda t, c: t + c,
    "c + x": lambda t, c: c + t,
    "x - c": lambda t, c: t - c,
    "x * c": lambda t, c: t * c,
    "c * x": lambda t, c: c * t,
    "x / c": lambda t, c: t / c,
    "torch.mul": lambda t, c: torch.mul(t, c),
}
DTYPES = (torch.float16, torch.float32, torch.float64)
finite = st.floats(-30, 30, allow_nan=False, width=32)
numbers = st.one_of(st.floats(-1e3, 1e3, allow_nan=False), st.integers(-50, 50))


@contextmanager
def lane(enabled: bool):
    before = zero_dim.ENABLED
    zero_dim.ENABLED = enabled
    try:
        yield
    finally:
        zero_dim.ENABLED = before


def bits(value: object) -> bytes:
    return np.asarray(value).tobytes()


def edges(node: object) -> list:
    """Every node's name and its ``next_functions`` as names, walked down to the leaves (no recursion)."""
    walked, stack = [], [node]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        links = [(None if child is None else child.name(), index) for child, index in node.next_functions]
        walked.append((node.name(), links))
        stack.extend(child for child, _ in node.next_functions)
    return walked


def observe(make: Callable, value: float, dtype: torch.dtype, enabled: bool) -> dict:
    """Run ``make`` on a fresh leaf (and on a no-grad copy), then backward; what can be seen of it."""
    with lane(enabled), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        x = torch.tensor(value, dtype=dtype, requires_grad=True)
        y = make(x)
        node = y.grad_fn
        seen = {
            "value": bits(y.detach().numpy()),
            "dtype": y.dtype,
            "requires_grad": y.requires_grad,
            "is_leaf": y.is_leaf,
            "edges": edges(node),
            "input_meta": node.input_meta,
            "repr": repr(y),
        }
        with torch.no_grad():
            plain = make(torch.tensor(value, dtype=dtype))
        seen["no_grad"] = (bits(plain.numpy()), plain.requires_grad, plain.grad_fn)
        y.backward(retain_graph=True)
        seen["grad"] = bits(x.grad.numpy())
        y.backward()
        seen["grad twice"] = bits(x.grad.numpy())
        try:  # a node that saved values refuses a second pass; one that saved none (x + c) allows it
            y.backward()
            seen["third pass"] = bits(x.grad.numpy())
        except RuntimeError as error:
            seen["third pass"] = str(error)
        return seen


@pytest.mark.parametrize("name", UNARY_OPS)
@pytest.mark.parametrize("dtype", DTYPES)
@settings(max_examples=25, deadline=None)
@given(value=finite)
def test_unary_lane_matches_general_path(name: str, dtype: torch.dtype, value: float) -> None:
    make = UNARY_OPS[name]
    assert observe(make, value, dtype, True) == observe(make, value, dtype, False)


@pytest.mark.parametrize("name", NUMBER_OPS)
@pytest.mark.parametrize("dtype", DTYPES)
@settings(max_examples=25, deadline=None)
@given(value=finite, number=numbers)
def test_number_lane_matches_general_path(name: str, dtype: torch.dtype, value: float, number: float) -> None:
    def make(t):
        return NUMBER_OPS[name](t, number)

    assert observe(make, value, dtype, True) == observe(make, value, dtype, False)


@pytest.mark.parametrize(
    ("value", "number"),
    [(0.0, 2.0), (-1.0, 0.0), (2.0, 1e-50), (3.0, math.inf), (math.inf, 2.0), (math.nan, 1)],
)
def test_edge_values_give_the_same_results(value: float, number: float) -> None:
    """Zero, infinities, NaN and a divisor that rounds to 0 in float32 (the lane hands those on)."""

    def chain(t):
        return ((t * number + number) / number - number).exp().log()

    assert observe(chain, value, torch.float32, True) == observe(chain, value, torch.float32, False)


def test_the_lane_takes_these_operations() -> None:
    """Not vacuous: with the lane on, these are built by it; off, and for other inputs, they are not."""
    x = torch.tensor(2.0, requires_grad=True)
    assert zero_dim.unary(unary.ExpBackward0, x) is not None
    assert zero_dim.with_number(pointwise.MulBackward0, x, 3) is not None
    assert zero_dim.unary(unary.LogBackward0, torch.tensor(0.0)) is None  # log 0 warns: general path
    assert zero_dim.with_number(pointwise.DivBackward0, x, 1e-50) is None  # 1e-50 is 0 in float32
    assert zero_dim.unary(unary.SqrtBackward0, x) is None  # no scalar rule given
    half = torch.tensor(20.0, dtype=torch.float16)
    assert zero_dim.unary(unary.ExpBackward0, half) is None  # float16 (e²⁰ overflows it): the general path
    assert zero_dim.unary(unary.ExpBackward0, torch.tensor(20.0)) is not None  # finite in float32
    assert zero_dim.square(x, 2) is not None
    assert zero_dim.square(x, 3) is None  # other powers: the general path
    with lane(False):
        assert zero_dim.unary(unary.ExpBackward0, x) is None
        assert zero_dim.square(x, 2) is None


def test_a_scalar_chain_gives_the_same_bits_and_gradient() -> None:
    """W3's chain: 1,000 operations of * c, + c, exp, log."""

    def chain(t):
        for _ in range(250):
            t = (t * 1.01 + 0.01).exp().log()
        return t

    with_lane, without = observe(chain, 0.5, torch.float32, True), observe(chain, 0.5, torch.float32, False)
    assert with_lane == without
    assert np.frombuffer(with_lane["grad"], np.float32)[0] > 1  # d/dx of (1.01·x + 0.01) repeated: 1.01**250


def saved_input_modified(enabled: bool) -> str:
    with lane(enabled):
        x = torch.tensor(2.0, requires_grad=True)
        a = x * 1.0
        y = a.log()  # saves a
        with torch.no_grad():
            a.mul_(2)
        with pytest.raises(RuntimeError) as error:
            y.backward()
        return str(error.value)


def saved_output_modified(enabled: bool) -> str:
    with lane(enabled):
        x = torch.tensor(2.0, requires_grad=True)
        y = x.exp()  # saves its result
        y.add_(1)
        with pytest.raises(RuntimeError) as error:
            y.backward()
        return str(error.value)


def test_in_place_changes_of_saved_values_raise_pytorchs_error() -> None:
    assert saved_input_modified(True) == saved_input_modified(False)
    assert "is at version 1; expected version 0 instead" in saved_input_modified(True)
    assert saved_output_modified(True) == saved_output_modified(False)
    assert "which is output 0 of Exp, is at version 1" in saved_output_modified(True)


def test_a_number_operand_is_not_saved_so_x_may_change() -> None:
    """As PyTorch: x * 2 keeps the 2, not x, so changing x in place afterwards is no error."""
    with lane(True):
        x = torch.tensor(2.0, requires_grad=True)
        a = x * 1.0
        y = a * 3
        with torch.no_grad():
            a.mul_(5)
        y.backward()
        assert x.grad.item() == 3.0


def traced(enabled: bool) -> dict:
    with lane(enabled):
        x = torch.tensor(3.0, requires_grad=True)
        with ForwardRecorder() as forward, BackwardRecorder() as backward:
            y = (x * 2 + 1).exp().log() - 1
            y.backward()
        return trace([y], names={x: "x", y: "y"}, forward=forward, backward=backward)


def test_the_trace_is_the_same() -> None:
    assert traced(True) == traced(False)
    assert [op["grad_fn"] for op in traced(True)["ops"]] == [
        "MulBackward0",
        "AddBackward0",
        "ExpBackward0",
        "LogBackward0",
        "SubBackward0",
        "AccumulateGrad",
    ]


def test_unary_methods_take_the_lane_for_float32_and_float64_only(monkeypatch) -> None:
    """``x.exp()`` past float16's limit stays in the lane for the wider dtypes (a chain's values grow)."""
    taken = []
    made = zero_dim.made
    monkeypatch.setattr(zero_dim, "made", lambda cls, *rest: taken.append(cls.__name__) or made(cls, *rest))
    for dtype in (torch.float16, torch.float32, torch.float64):
        torch.tensor(20.0, dtype=dtype, requires_grad=True).exp()
    assert taken == ["ExpBackward0", "ExpBackward0"]


def test_exp_past_a_dtype_s_range_is_inf_without_a_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # numpy's "overflow encountered in exp" would fail the test
        for dtype, value in ((torch.float16, 20.0), (torch.float32, 100.0), (torch.float64, 800.0)):
            x = torch.tensor(value, dtype=dtype, requires_grad=True)
            assert math.isinf(x.exp().item())
