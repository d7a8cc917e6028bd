"""Backward runs its nodes in PyTorch's order, also where the engine skips its heap (single-successor steps).

The order is read from real PyTorch with node pre-hooks, and from the engine with ``observe_backward``.
"""

from __future__ import annotations

import numpy as np
import pytest

import engine
from engine import autograd

torch = pytest.importorskip("torch")
RELATIVE = 1e-5  # float32, same formulas, possibly summed in another order


def _chain(lib):
    x = lib.tensor(0.5, requires_grad=True)
    y = x
    for _ in range(5):
        y = (y * 1.5 + 0.25).tanh()
    return y


def _diamond(lib):
    a = lib.tensor(2.0, requires_grad=True)
    b = lib.tensor(3.0, requires_grad=True)
    c = a * b
    d = c + a
    return (d * c).exp() + b.sin()


def _fan_out(lib):
    x = lib.tensor([1.0, 2.0, 3.0], requires_grad=True)
    parts = [x * 2, x.exp(), x**2, x.sin() * x]
    total = parts[0]
    for part in parts[1:]:
        total = total + part
    return total.sum()


def _mlp(lib):
    lib.manual_seed(0)
    model = lib.nn.Sequential(lib.nn.Linear(2, 4), lib.nn.Tanh(), lib.nn.Linear(4, 1))
    x = lib.tensor([[0.5, -1.0], [2.0, 0.25]])
    return lib.nn.functional.mse_loss(model(x), lib.tensor([[1.0], [0.0]]))


def _torch_order(loss) -> list[str]:
    order, seen, stack = [], set(), [loss.grad_fn]
    while stack:  # hook every node of the graph
        node = stack.pop()
        if node is None or node in seen:
            continue
        seen.add(node)
        node.register_prehook(lambda grads, node=node: order.append(node.name()))
        stack.extend(child for child, _ in node.next_functions)
    loss.backward()
    return order  # names as name() gives them: torch::autograd::AccumulateGrad for a leaf's, in both


def _engine_order(loss) -> list[str]:
    order = []
    with autograd.observe_backward(lambda node, grad_in, grads_out: order.append(node.name())):
        loss.backward()
    return order


@pytest.mark.parametrize("build", [_chain, _diamond, _fan_out, _mlp], ids=lambda f: f.__name__.strip("_"))
def test_backward_visits_nodes_in_pytorchs_order(build):
    assert _engine_order(build(engine)) == _torch_order(build(torch))


def _shared_graph(lib):
    x = lib.tensor([[0.5, -1.0, 2.0]], requires_grad=True)
    w = lib.tensor([[1.5], [0.25], [-0.5]], requires_grad=True)
    hidden = (x @ w).tanh()
    first = (hidden * x).sum()
    second = (hidden.exp() + x.sin()).mean()
    return x, w, hidden, first, second


def test_two_roots_give_pytorchs_gradients():
    x, w, _, first, second = _shared_graph(engine)
    engine.autograd.backward([first, second])
    tx, tw, _, tfirst, tsecond = _shared_graph(torch)
    torch.autograd.backward([tfirst, tsecond])
    np.testing.assert_allclose(x.grad.tolist(), tx.grad.tolist(), rtol=RELATIVE)
    np.testing.assert_allclose(w.grad.tolist(), tw.grad.tolist(), rtol=RELATIVE)


def test_grad_of_an_intermediate_and_a_leaf_matches_pytorch():
    x, _, hidden, first, _ = _shared_graph(engine)
    grads = engine.autograd.grad(first, [hidden, x])
    tx, _, thidden, tfirst, _ = _shared_graph(torch)
    expected = torch.autograd.grad(tfirst, [thidden, tx])
    for got, want in zip(grads, expected, strict=True):
        np.testing.assert_allclose(got.tolist(), want.tolist(), rtol=RELATIVE)
    assert x.grad is None  # autograd.grad returns gradients, it does not accumulate them


def test_retained_graph_accumulates_twice_as_pytorch():
    x, w, _, first, _ = _shared_graph(engine)
    first.backward(retain_graph=True)
    first.backward()
    tx, tw, _, tfirst, _ = _shared_graph(torch)
    tfirst.backward(retain_graph=True)
    tfirst.backward()
    np.testing.assert_allclose(w.grad.tolist(), tw.grad.tolist(), rtol=RELATIVE)
    np.testing.assert_allclose(x.grad.tolist(), tx.grad.tolist(), rtol=RELATIVE)
