"""Nodes of random draws from tensors of parameters: ``torch.bernoulli(p)``, ``torch.normal(mean, std)``.

PyTorch records them (``BernoulliBackward0``, ``NormalBackward1``-``3``) but passes no gradient back: a
draw is not differentiated with respect to its parameters (``torch.distributions``' ``rsample`` is). The
values are drawn before the node is made; it holds them.
"""

from __future__ import annotations

import numpy as np

from engine.function import Function


class _Draw(Function):
    """Returns the values drawn (``drawn``); zeros flow back to every tensor parameter."""

    rule = "a random draw: zero gradient for its parameters"

    def forward(self, *parameters, drawn=None):
        self.shapes = [None if value is None else np.shape(value) for value in parameters]
        return drawn

    def backward(self, grad):
        return tuple(None if shape is None else np.zeros(shape, grad.dtype) for shape in self.shapes)


class BernoulliBackward0(_Draw):
    symbol = "bernoulli"


class NormalBackward1(_Draw):
    """``normal(mean tensor, std number)``."""

    symbol = "normal"


class NormalBackward2(_Draw):
    """``normal(mean number, std tensor)``."""

    symbol = "normal"


class NormalBackward3(_Draw):
    """``normal(mean tensor, std tensor)``."""

    symbol = "normal"
