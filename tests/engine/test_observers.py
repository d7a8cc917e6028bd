"""The engine's graph observers (per thread, nestable, told when a pass starts) and its backward order."""

import threading

import engine as torch
from engine import autograd, observers


def leaves(count):
    return [torch.tensor(float(i + 1), requires_grad=True) for i in range(count)]


def accumulation_order(root):
    seen = []

    def note(node, grad_in, grads_out):
        if isinstance(node, autograd.AccumulateGrad):
            seen.append(node.variable.item())

    with autograd.observe_backward(note):
        root.backward()
    return seen


def test_leaves_ready_together_accumulate_in_input_order_as_in_pytorch():
    # PyTorch 2.13 (tensor hooks): stack([x, y, z]).sum() -> x, y, z; x*y*z -> z, x, y
    x, y, z = leaves(3)
    assert accumulation_order(torch.stack([x, y, z]).sum()) == [1.0, 2.0, 3.0]
    assert accumulation_order(x * y * z) == [3.0, 1.0, 2.0]


def test_backward_order_is_the_same_on_every_run():
    orders = []
    for _ in range(20):
        a, b = leaves(2)
        orders.append(accumulation_order(a * b + a))
    assert orders == [[1.0, 2.0]] * 20


def test_backward_observer_sees_only_its_own_threads_passes():
    seen, started = [], []
    other_done = threading.Event()

    def other_thread():
        (x,) = leaves(1)
        (x * 3).backward()
        other_done.set()

    def note(node, *_):
        seen.append(node.name())

    with autograd.observe_backward(note, on_start=lambda: started.append(1)):
        worker = threading.Thread(target=other_thread)
        worker.start()
        worker.join()
        assert other_done.is_set()
        assert seen == [] and started == []
        (x,) = leaves(1)
        (x * 2).backward()
    assert seen == ["MulBackward0", "torch::autograd::AccumulateGrad"] and started == [1]


def test_forward_observers_nest_and_stop_when_their_block_ends():
    outer, inner = [], []
    (x,) = leaves(1)
    with autograd.observe_forward(lambda node, inputs, result: outer.append(node.name())):
        y = x * 2
        with autograd.observe_forward(lambda node, inputs, result: inner.append(node.name())):
            z = y + 1
        z.exp()
    x.sin()
    assert outer == ["MulBackward0", "AddBackward0", "ExpBackward0"]
    assert inner == ["AddBackward0"]
    assert observers.forward_watchers == 0


def test_forward_observer_ignores_other_threads():
    seen = []
    (x,) = leaves(1)
    with autograd.observe_forward(lambda node, inputs, result: seen.append(node.name())):
        worker = threading.Thread(target=lambda: x * 5)
        worker.start()
        worker.join()
    assert seen == []
