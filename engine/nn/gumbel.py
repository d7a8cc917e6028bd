"""``F.gumbel_softmax``: a differentiable sample from a categorical distribution, drawn as PyTorch draws it
(Gumbel noise -log(Exp(1)) from ``exponential_`` on an empty tensor like the logits), so that the same
``manual_seed`` gives the same samples."""

from __future__ import annotations

import warnings

from engine import creation
from engine.tensor import Tensor


def gumbel_softmax(
    logits: Tensor, tau: float = 1, hard: bool = False, eps: float = 1e-10, dim: int = -1
) -> Tensor:
    """softmax((logits + g)/tau) with g ~ Gumbel(0, 1); ``hard`` returns the one-hot of its largest entry,
    whose gradient is the soft sample's (straight-through: one-hot - soft.detach() + soft)."""
    if eps != 1e-10:
        warnings.warn("`eps` parameter is deprecated and has no effect.", UserWarning, stacklevel=2)
    gumbels = -creation.empty_like(logits).exponential_().log()
    soft = ((logits + gumbels) / tau).softmax(dim)
    if not hard:
        return soft
    index = soft.max(dim, keepdim=True)[1]
    one_hot = creation.zeros_like(logits).scatter_(dim, index, 1.0)
    return one_hot - soft.detach() + soft
