"""A leaf's first ``.grad`` takes the arriving gradient without a copy when nothing else refers to it
(as PyTorch's AccumulateGrad steals an unshared gradient), and never when something does."""

from __future__ import annotations

import numpy as np
import pytest

import engine as torch
from engine.tensor import Tensor
from engine.trace_graph import BackwardRecorder, trace


@pytest.fixture
def copies(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """The shapes of the gradients stored by copying (``Tensor._store_grad``) rather than adopted."""
    stored: list[tuple] = []
    original = Tensor._store_grad

    def counted(self: Tensor, grad: np.ndarray) -> None:
        stored.append(np.shape(grad))
        original(self, grad)

    monkeypatch.setattr(Tensor, "_store_grad", counted)
    return stored


def test_a_training_steps_gradients_are_adopted_without_copies(copies: list[tuple]) -> None:
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.Tanh(), torch.nn.Linear(8, 1))
    loss = torch.nn.functional.mse_loss(model(torch.randn(16, 4)), torch.randn(16, 1))
    loss.backward()
    assert copies == []  # the weights' (a transposed product, through TBackward0) and the biases' (a sum)
    assert all(p.grad is not None and p.grad._data.flags.writeable for p in model.parameters())


def test_one_gradient_sent_to_two_leaves_is_copied_for_the_first() -> None:
    a = torch.randn(3, requires_grad=True)
    b = torch.randn(3, requires_grad=True)
    ((a + b) * torch.tensor([1.0, 2.0, 3.0])).sum().backward()  # AddBackward0 hands both one array
    assert not np.shares_memory(a.grad._data, b.grad._data)
    a.grad.zero_()
    assert b.grad.tolist() == [1.0, 2.0, 3.0]


def test_the_callers_gradient_argument_is_never_adopted() -> None:
    x = torch.randn(3, requires_grad=True)
    seed = torch.tensor([1.0, 2.0, 3.0])
    (x * 1).backward(seed)
    (x + 0).backward(seed)
    x.backward(seed)
    assert not np.shares_memory(x.grad._data, seed._data)
    assert x.grad.tolist() == [3.0, 6.0, 9.0] and seed.tolist() == [1.0, 2.0, 3.0]


def test_a_gradient_a_hook_kept_is_not_adopted() -> None:
    x = torch.randn(3, requires_grad=True)
    kept = []
    x.register_hook(kept.append)
    (x * 2).sum().backward()
    x.grad.zero_()
    assert kept[0].tolist() == [2.0, 2.0, 2.0]


def test_a_retained_graph_accumulates_correctly_into_an_adopted_grad() -> None:
    w = torch.nn.Linear(2, 1)
    loss = w(torch.ones(4, 2)).sum()
    loss.backward(retain_graph=True)
    first = w.weight.grad.clone()
    loss.backward()
    assert w.weight.grad.tolist() == (first * 2).tolist()


def test_the_traced_arrival_at_a_leaf_survives_zeroing_its_grad() -> None:
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    with BackwardRecorder() as backward:
        y = (x * torch.full((3, 2), 3.0)).sum()  # x's gradient is summed over the rows: a fresh array
        y.backward()
        x.grad.zero_()
        data = trace([y], names={x: "x"}, backward=backward)
    step = next(s for s in data["backward"] if s["accumulate"])
    assert step["grad_in"]["value"] == [9.0, 9.0]
    assert step["accumulate"]["after"]["value"] == [9.0, 9.0]
