"""The trace's fast paths give what the plain ways give: small-array encodings, module names, the backward
recorder's observers, and a trace freed without the garbage collector."""

from __future__ import annotations

import gc

import numpy as np
import pytest

import engine as torch
from engine import autograd
from engine.trace_graph import BackwardRecorder, trace
from engine.trace_names import module_names, names_from, parameter_owners
from engine.trace_values import Encodings, encode


@pytest.mark.parametrize(
    ("array", "shape", "written", "value"),
    [
        (np.array(0.5, dtype=np.float32), [], "0.5", 0.5),
        (np.array([[-0.0]]), [1, 1], "[[0]]", [[-0.0]]),
        (np.array([[1 / 3], [2.0], [-1e-5]]), [3, 1], "[[0.3333], [2], [-1e-05]]", [[1 / 3], [2.0], [-1e-5]]),
        (np.array([np.nan, 1.0]), [2], "[nan, 1]", ["nan", 1.0]),
        (np.array([[True, False]]), [1, 2], "[[True, False]]", [[True, False]]),
        (np.arange(6, dtype=np.int64), [6], "[0, 1, 2, 3, …]", [0, 1, 2, 3, 4, 5]),
        (np.array([123456.0, 0.0, -0.0, 7.0, 9.0], dtype=np.float32), [5], "[1.235e+05, 0, 0, 7, …]", None),
    ],
)
def test_a_small_array_is_encoded_in_full_with_its_label(array, shape, written, value) -> None:
    for encoded in (encode(array), Encodings().encode(array)):
        assert encoded["shape"] == shape and encoded["text"] == written
        if value is not None:
            assert encoded["value"] == value


def test_equal_large_arrays_are_encoded_apart_and_each_once() -> None:
    encodings = Encodings()
    ones = np.ones(100)
    assert encodings.encode(ones) is encodings.encode(ones)
    assert encodings.encode(ones.copy()) is not encodings.encode(ones)
    # temporaries stay apart even if Python would reuse their ids
    means = [encodings.encode(np.full(100, float(value)))["summary"]["mean"] for value in range(5)]
    assert means == [0.0, 1.0, 2.0, 3.0, 4.0]


def test_module_names_and_owners_come_from_one_walk() -> None:
    model = torch.nn.Sequential(torch.nn.Linear(2, 4), torch.nn.Tanh(), torch.nn.Linear(4, 1))
    names, owners = module_names({"model": model})
    first, last = model[0], model[2]
    assert names == {
        first.weight: "model.0.weight",
        first.bias: "model.0.bias",
        last.weight: "model.2.weight",
        last.bias: "model.2.bias",
    }
    assert owners == {
        first.weight: ("model.0", "Linear"),
        first.bias: ("model.0", "Linear"),
        last.weight: ("model.2", "Linear"),
        last.bias: ("model.2", "Linear"),
    }
    assert module_names({"_hidden": model})[0] == {}  # a private variable names nothing, as names_from


def test_a_module_that_names_its_own_parameters_is_asked() -> None:
    class Renamed(torch.nn.Linear):
        def named_parameters(self, prefix="", recurse=True):
            yield "w", self.weight

    model = Renamed(1, 1)
    names, owners = module_names({"m": model})
    assert names == {model.weight: "m.w"} == names_from({"m": model})[0]
    owner = ("m", "Renamed")
    assert owners == parameter_owners({"m": model}) == {model.weight: owner, model.bias: owner}


def test_the_backward_recorder_adds_its_observers_and_gives_back_the_others() -> None:
    x = torch.tensor(2.0, requires_grad=True)
    outer = []
    with autograd.observe_backward(lambda node, *_: outer.append(type(node).__name__)):
        with BackwardRecorder() as steps:
            (x * 3).sum().backward()
        (x * 5).backward()
    (x * 7).backward()  # nobody watches
    assert [type(step.node).__name__ for step in steps.steps] == [
        "SumBackward0",
        "MulBackward0",
        "AccumulateGrad",
    ]
    assert outer == ["SumBackward0", "MulBackward0", "AccumulateGrad", "MulBackward0", "AccumulateGrad"]
    assert x.grad.item() == 3 + 5 + 7


def test_the_mse_rule_divides_by_the_number_of_points() -> None:
    torch.manual_seed(0)
    model = torch.nn.Linear(1, 1)
    x, y = torch.tensor([[1.0], [2.0], [3.0]]), torch.tensor([[2.0], [4.0], [6.0]])
    pred = model(x)
    loss = torch.nn.MSELoss()(pred, y)
    data = trace([loss], names={x: "x", y: "y", pred: "pred", loss: "loss"}, modules={"model": model})
    mse = next(op for op in data["ops"] if op["grad_fn"] == "MseLossBackward0")
    assert mse["rule_numbers"] == ["∂loss/∂pred = 2·(pred - c)/3", None]  # y needs no grad: a constant


def test_a_trace_is_freed_without_the_garbage_collector() -> None:
    torch.manual_seed(0)
    model = torch.nn.Linear(1, 1)
    loss = model(torch.tensor([[1.0], [2.0]])).sum()
    with BackwardRecorder() as steps:
        loss.backward()
    gc.collect()
    data = trace([loss], names={loss: "loss"}, backward=steps, modules={"model": model})
    assert len(data["ops"]) == 5  # T, addmm, sum and two AccumulateGrad
    del data
    assert gc.collect() == 0  # nothing was left in a reference cycle
