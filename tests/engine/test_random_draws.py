"""Random draws from tensors of parameters record a node but pass zero gradients back, shaped as each
parameter, as PyTorch's do (the values themselves: the parity case recorded from PyTorch)."""

from __future__ import annotations

import engine as torch


def test_normal_gives_each_broadcast_parameter_a_zero_gradient_of_its_own_shape():
    mean = torch.zeros(2, 1, requires_grad=True)
    std = torch.full((3,), 2.0, requires_grad=True)
    drawn = torch.normal(mean, std)
    assert drawn.shape == (2, 3) and type(drawn.grad_fn).__name__ == "NormalBackward3"
    (drawn * drawn).sum().backward()
    assert mean.grad.tolist() == [[0.0], [0.0]] and std.grad.tolist() == [0.0, 0.0, 0.0]


def test_a_draw_under_no_grad_records_nothing():
    p = torch.full((4,), 0.5, requires_grad=True)
    with torch.no_grad():
        flips = torch.bernoulli(p)
    assert flips.grad_fn is None and not flips.requires_grad
    assert set(flips.tolist()) <= {0.0, 1.0}
