"""The graph trace on the article's examples: structure, values, per-edge gradients, backward steps, ids."""

from __future__ import annotations

import json

import numpy as np
import pytest

import engine as torch
from engine.trace_graph import BackwardRecorder, ForwardRecorder, trace
from engine.trace_values import FULL_VALUE_ELEMENTS
from engine.trace_view import view


def first_gradient() -> tuple[dict, dict]:
    x = torch.tensor(3.0, requires_grad=True)
    with ForwardRecorder() as forward, BackwardRecorder() as backward:
        y = x**2 + 2 * x + 1
        y.backward()
    return trace([y], names={x: "x", y: "y"}, forward=forward, backward=backward), {"x": x, "y": y}


def two_paths() -> dict:
    a = torch.tensor(2.0, requires_grad=True)
    b = torch.tensor(3.0, requires_grad=True)
    with ForwardRecorder() as forward, BackwardRecorder() as backward:
        c = a * b
        d = c + a
        d.backward()
    return trace([d], names={a: "a", b: "b", c: "c", d: "d"}, forward=forward, backward=backward)


def by_name(data: dict, name: str) -> dict:
    return next(t for t in data["tensors"] if t["name"] == name)


def edges_into(data: dict, tensor_id: str) -> list[dict]:
    return [e for e in data["edges"] if e["kind"] == "input" and e["source"] == tensor_id]


def test_first_gradient_has_the_ops_of_the_expression_and_x_grad_8():
    data, _ = first_gradient()
    assert [op["grad_fn"] for op in data["ops"] if op["kind"] == "op"] == [
        "PowBackward0",
        "MulBackward0",
        "AddBackward0",
        "AddBackward0",
    ]
    assert [op["grad_fn"] for op in data["ops"] if op["kind"] == "accumulate"] == ["AccumulateGrad"]
    x, y = by_name(data, "x"), by_name(data, "y")
    assert x["grad"]["value"] == 8.0 and x["value"]["value"] == 3.0
    assert y["value"]["value"] == 16.0  # 9 + 6 + 1
    # 4 ops: 7 input edges (pow 1, mul 2 with the constant 2, add 2, add 2 with the constant 1) + 4 outputs
    assert sum(e["kind"] == "input" for e in data["edges"]) == 7
    assert sum(e["kind"] == "output" for e in data["edges"]) == 4
    constants = sorted(t["value"]["value"] for t in data["tensors"] if t["kind"] == "constant")
    assert constants == [1, 2]


def test_each_path_into_x_carries_its_own_gradient():
    data, _ = first_gradient()
    x = by_name(data, "x")
    grads = sorted(e["grad"]["value"] for e in edges_into(data, x["id"]))
    assert grads == [2.0, 6.0]  # d(2x)/dx = 2 and d(x²)/dx = 2x = 6; together 8


def test_two_paths_into_a_carry_3_and_1_and_sum_to_its_grad():
    data = two_paths()
    a, b, c = by_name(data, "a"), by_name(data, "b"), by_name(data, "c")
    into_a = {
        next(op["grad_fn"] for op in data["ops"] if op["id"] == e["target"]): e["grad"]["value"]
        for e in edges_into(data, a["id"])
    }
    assert into_a == {"MulBackward0": 3.0, "AddBackward0": 1.0}
    assert a["grad"]["value"] == 4.0 == sum(into_a.values())
    assert b["grad"]["value"] == 2.0
    assert c["observed_grad"]["value"] == 1.0 and c["grad"] is None  # seen, not stored in .grad


def test_observing_a_non_leaf_gradient_leaves_its_grad_unset():
    a = torch.tensor(2.0, requires_grad=True)
    with BackwardRecorder() as backward:
        c = a * 5
        c.sum().backward()
    data = trace([c], names={c: "c"}, backward=backward)
    assert by_name(data, "c")["observed_grad"]["value"] == 1.0
    assert c._grad is None


def test_rule_with_numbers_names_the_inputs():
    data = two_paths()
    mul = next(op for op in data["ops"] if op["grad_fn"] == "MulBackward0")
    assert mul["rule_numbers"] == ["∂c/∂a = b = 3", "∂c/∂b = a = 2"]
    add = next(op for op in data["ops"] if op["grad_fn"] == "AddBackward0")
    assert add["rule_numbers"] == ["∂d/∂c = 1", "∂d/∂a = 1"]


def test_linear_autograd_view_has_addmm_transpose_and_two_accumulators():
    torch.manual_seed(0)
    model = torch.nn.Linear(10, 1)
    x = torch.randn(5, 10)
    output = model(x)
    data = trace([output], names={x: "x", output: "output"}, modules={"model": model})
    drawn = view(data, "autograd")
    ops = sorted(n["data"]["grad_fn"] for n in drawn["nodes"] if n["role"] in ("op", "accumulate"))
    assert ops == ["AccumulateGrad", "AccumulateGrad", "AddmmBackward0", "TBackward0"]
    filled = {
        by_id["name"]
        for by_id in data["tensors"]
        if by_id["id"] in {op["tensor"] for op in data["ops"] if op["kind"] == "accumulate"}
    }
    assert filled == {"model.weight", "model.bias"}  # x does not require grad: no AccumulateGrad
    (call,) = data["modules"]
    assert call["name"] == "model" and call["type"] == "Linear" and len(call["ops"]) == 2


def test_no_grad_result_is_a_value_without_an_op():
    model = torch.nn.Linear(10, 1)
    x = torch.randn(5, 10)
    with torch.no_grad():
        output = model(x)
    data = trace([], names={output: "output", x: "x"}, extra=[output, x])
    assert data["ops"] == [] and data["edges"] == []
    shown = by_name(data, "output")
    assert shown["kind"] == "no_grad" and shown["requires_grad"] is False and shown["op"] is None
    assert shown["shape"] == [5, 1]


def test_backward_steps_follow_the_engine_order_and_show_the_sum_at_a():
    data = two_paths()
    steps = data["backward"]
    assert [s["grad_fn"] for s in steps[:2]] == ["AddBackward0", "MulBackward0"]
    assert steps[0]["seed"] and steps[0]["grad_in"]["value"] == 1.0
    a_id = by_name(data, "a")["id"]
    at_a = next(s for s in steps if s["accumulate"] and s["accumulate"]["tensor"] == a_id)
    assert sorted(arrival["grad"]["value"] for arrival in at_a["arrivals"]) == [1.0, 3.0]
    assert at_a["accumulate"]["before"] is None and at_a["accumulate"]["after"]["value"] == 4.0
    assert [s["index"] for s in steps] == list(range(len(steps)))


def test_accumulation_across_backward_calls_shows_before_and_after():
    x = torch.tensor(1.0, requires_grad=True)
    with BackwardRecorder() as backward:
        befores = []
        for _ in range(3):
            y = x * 2
            y.backward()
            data = trace([y], names={x: "x"}, backward=backward)
            step = next(s for s in data["backward"] if s["accumulate"])
            before = step["accumulate"]["before"]
            befores.append(
                (None if before is None else before["value"], step["accumulate"]["after"]["value"])
            )
    assert befores == [(None, 2.0), (2.0, 4.0), (4.0, 6.0)]
    assert backward.passes == 3


def test_trace_survives_a_json_round_trip_even_with_nan():
    data, _ = first_gradient()
    weird = torch.tensor([float("nan"), float("inf"), 1.0])
    with_nan = trace([], extra=[weird])
    for payload in (data, with_nan):
        assert json.loads(json.dumps(payload, allow_nan=False)) == payload
    assert with_nan["tensors"][0]["value"]["value"] == ["nan", "inf", 1.0]


def test_ids_are_stable_across_traces_and_frames():
    first, _ = first_gradient()
    second, _ = first_gradient()
    assert [t["id"] for t in first["tensors"]] == [t["id"] for t in second["tensors"]]
    assert [e["id"] for e in first["edges"]] == [e["id"] for e in second["edges"]]
    x = torch.tensor(1.0, requires_grad=True)
    with ForwardRecorder() as forward:
        y = x * 2
        early = trace([y], names={x: "x"}, forward=forward)
        z = y + x
        late = trace([z], names={x: "x"}, forward=forward)
    assert by_name(early, "x")["id"] == by_name(late, "x")["id"]
    assert early["ops"][0]["id"] in {op["id"] for op in late["ops"]}


def test_each_node_keeps_the_value_it_computed_when_its_tensor_changes_in_place():
    """An in-place change writes into the tensor's memory (as PyTorch does); the graph still shows what
    x * 2 and its slice were when they were computed, and the changes as nodes of their own."""
    x = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
    with ForwardRecorder() as forward:
        w = x * 2
        w[1:].mul_(3)
        w.zero_()
    data = trace([w], names={x: "x"}, forward=forward)
    values = {tensor["label"]: tensor["value"]["value"] for tensor in data["tensors"]}
    assert values["x*2"] == [2.0, -4.0, 6.0] and values["[ ](x*2)"] == [-4.0, 6.0]
    assert values["([ ](x*2))*3"] == [-12.0, 18.0] and w.tolist() == [0.0, 0.0, 0.0]
    assert [op["grad_fn"] for op in data["ops"]] == [
        "MulBackward0",
        "SliceBackward0",
        "MulBackward0",
        "CopySlices",
        "ZeroBackward0",
        "AccumulateGrad",
    ]


def test_large_values_are_summarized():
    big = torch.arange(FULL_VALUE_ELEMENTS + 36, dtype=torch.float32)
    (entry,) = trace([], extra=[big])["tensors"]
    assert "value" not in entry["value"]
    summary = entry["value"]["summary"]
    assert summary["numel"] == FULL_VALUE_ELEMENTS + 36 and summary["min"] == 0.0
    assert summary["mean"] == pytest.approx((FULL_VALUE_ELEMENTS + 35) / 2)


def test_lines_come_from_the_recorder_or_the_mapping():
    x = torch.tensor(1.0, requires_grad=True)
    with ForwardRecorder() as forward:
        forward.line = 7
        y = x * 2
    assert trace([y], forward=forward)["ops"][0]["line"] == 7
    assert trace([y], lines={y.grad_fn.seq: 9, x: 3})["ops"][0]["line"] == 9
    assert trace([y], lines={x: 3})["tensors"][0]["line"] == 3


def test_unnamed_results_are_written_as_the_code_that_made_them():
    data, _ = first_gradient()
    labels = [t["label"] for t in data["tensors"] if t["kind"] == "result"]
    assert labels == ["x**2", "x*2", "x**2 + x*2", "y"]


def test_an_input_given_as_none_is_left_out_of_the_written_code():
    x, w = torch.ones(1, 1, 3, 3, requires_grad=True), torch.ones(1, 1, 2, 2, requires_grad=True)
    with ForwardRecorder() as forward:
        out = torch.nn.functional.max_pool2d(torch.nn.functional.conv2d(x, w), 2)  # conv2d: bias=None
    data = trace([out], names={x: "x", w: "w"}, forward=forward)
    labels = [t["label"] for t in data["tensors"] if t["kind"] == "result"]
    assert labels == ["conv2d(x, w)", "max_pool2d(conv2d(x, w))"]
    convolution = next(op for op in data["ops"] if op["grad_fn"] == "ConvolutionBackward0")
    assert convolution["inputs"][2] is None and convolution["rule"]


def test_long_chains_are_walked_without_recursion_and_collapsed_in_the_view():
    x = torch.tensor(1.0, requires_grad=True)
    y = x
    for _ in range(3000):
        y = y * 1.0
    data = trace([y])
    assert sum(op["kind"] == "op" for op in data["ops"]) == 3000
    drawn = view(data, "values", limit=60)
    assert len(drawn["nodes"]) <= 60 and "showing" in drawn["notice"]
    summary = next(n for n in drawn["nodes"] if n["role"] == "summary")
    assert summary["data"]["ops"]["MulBackward0"] > 2900


def test_modules_fold_into_one_box_when_the_graph_is_large():
    model = torch.nn.Linear(3, 2)
    x = torch.randn(4, 3)
    loss = model(x).sum()
    data = trace([loss], modules={"model": model})
    drawn = view(data, "values", limit=4)
    modules = [n for n in drawn["nodes"] if n["role"] == "module"]
    assert [m["data"]["name"] for m in modules] == ["model"]
    assert drawn["collapsed"]["folded"] == 1
    assert np.isfinite(by_name(data, "model.weight")["value"]["value"]).all()


def test_zeroed_grad_accumulates_from_zero_not_from_none():
    x = torch.tensor(1.0, requires_grad=True)
    seen = []
    with BackwardRecorder() as backward:
        for _ in range(3):
            y = x * 2
            y.backward()
            step = trace([y], backward=backward)["backward"][-1]["accumulate"]
            seen.append((step["before"] and step["before"]["value"], step["after"]["value"]))
            x.grad.zero_()
    assert seen == [(None, 2.0), (0.0, 2.0), (0.0, 2.0)]


def test_module_results_are_labelled_as_calls():
    model = torch.nn.Linear(2, 1)
    x = torch.ones(3, 2)
    with ForwardRecorder() as forward:
        out = model(x).relu()
    data = trace([out], names={x: "x"}, forward=forward, modules={"model": model})
    labels = [t["label"] for t in data["tensors"] if t["kind"] == "result"]
    assert labels == ["model.weight.T", "model(x)", "relu(model(x))"]


def test_a_graph_over_the_trace_limit_is_cut_with_a_notice(monkeypatch):
    import engine.trace_graph as trace_module

    monkeypatch.setattr(trace_module, "TRACE_NODE_LIMIT", 10)
    x = torch.tensor(1.0, requires_grad=True)
    y = x
    for _ in range(30):
        y = y * 1.0
    data = trace([y])
    assert len(data["ops"]) == 10 and "more than 10 nodes" in data["notice"]


def test_operations_of_another_thread_are_not_recorded():
    import threading

    x = torch.tensor(1.0, requires_grad=True)
    made = {}
    with ForwardRecorder() as forward:
        worker = threading.Thread(target=lambda: made.setdefault("y", x * 3))
        worker.start()
        worker.join()
        z = x * 2
    assert forward.node(made["y"].grad_fn) is None
    assert forward.node(z.grad_fn).inputs[1] == 2


def test_a_backward_that_fails_leaves_the_last_good_pass_on_the_picture():
    a = torch.tensor(2.0, requires_grad=True)
    b = torch.tensor(3.0, requires_grad=True)
    with BackwardRecorder() as recorder:
        d = a * b + a
        d.backward()
        with pytest.raises(RuntimeError, match="backward through the graph a second time"):
            d.backward()  # the graph was freed by the first call
    assert recorder.passes == 1
    data = trace([d], names={a: "a", b: "b", d: "d"}, backward=recorder)
    into_a = sorted(e["grad"]["value"] for e in edges_into(data, by_name(data, "a")["id"]))
    assert into_a == [1.0, 3.0]
