"""``cosine_similarity`` and ``pairwise_distance`` (``F.`` and ``torch.``) and their modules, built from the
operations PyTorch builds them from, so that the graph shows the same nodes."""

from __future__ import annotations

import numpy as np

from engine import dtypes, grad_mode, linalg
from engine.functions import norms, pointwise
from engine.functions.promotion import _check_broadcast
from engine.nn.module import Module
from engine.tensor import Tensor


def cosine_similarity(x1: Tensor, x2: Tensor, dim: int = 1, eps: float = 1e-8) -> Tensor:
    """Σ (x1/‖x1‖)·(x2/‖x2‖) along ``dim``, each norm at least ``eps`` (so a zero vector gives 0)."""
    _check_broadcast(x1._data, x2._data)
    common = dtypes.result_type([x1, x2])
    if not common.is_floating_point:
        kind = common.scalar_name
        raise RuntimeError(f"expected common dtype to be floating point, yet common dtype is {kind}")
    if x1.shape != x2.shape:  # both are expanded to the shape they broadcast to
        shape = np.broadcast_shapes(x1._data.shape, x2._data.shape)
        x1, x2 = x1.expand(shape), x2.expand(shape)
    unit1, unit2 = x1 / _clamped_norm(x1, dim, eps), x2 / _clamped_norm(x2, dim, eps)
    return (unit1 * unit2).sum(dim)


def _clamped_norm(x: Tensor, dim: int, eps: float) -> Tensor:
    """‖x‖ along ``dim`` (kept), raised to ``eps`` where smaller; the raise is not recorded, as in PyTorch."""
    norm = linalg.vector_norm(x, 2, dim=dim, keepdim=True).clone()
    with grad_mode.no_grad():
        norm.clamp_(min=eps)
    return norm


def pairwise_distance(
    x1: Tensor, x2: Tensor, p: float = 2.0, eps: float = 1e-6, keepdim: bool = False
) -> Tensor:
    """‖x1 - x2 + eps‖ₚ along the last dimension (``eps`` keeps the gradient finite when x1 = x2)."""
    shifted = pointwise.AddBackward1.apply(x1 - x2, other=eps)
    return norms.NormBackward1.apply(shifted, order=p, dim=-1, keepdim=keepdim)


class CosineSimilarity(Module):
    def __init__(self, dim: int = 1, eps: float = 1e-8) -> None:
        super().__init__()
        self.dim, self.eps = dim, eps

    def forward(self, x1: Tensor, x2: Tensor) -> Tensor:
        return cosine_similarity(x1, x2, self.dim, self.eps)


class PairwiseDistance(Module):
    def __init__(self, p: float = 2.0, eps: float = 1e-6, keepdim: bool = False) -> None:
        super().__init__()
        self.norm, self.eps, self.keepdim = p, eps, keepdim

    def forward(self, x1: Tensor, x2: Tensor) -> Tensor:
        return pairwise_distance(x1, x2, self.norm, self.eps, self.keepdim)
