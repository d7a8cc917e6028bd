"""Pairwise distances (``torch.cdist``) with their derivatives: directly for any p (CdistBackward0), or for
p = 2 through one matrix product (EuclideanDistBackward0), as PyTorch does for larger inputs.

Both broadcast the batch dimensions; the engine sums each gradient back to its input's shape.
"""

from __future__ import annotations

import math

import numpy as np

from engine.function import Function


def _pairs(x1: np.ndarray, x2: np.ndarray) -> np.ndarray:
    """``x1[i] - x2[j]`` for every pair of rows: (..., rows1, rows2, columns)."""
    return x1[..., :, None, :] - x2[..., None, :, :]


def p_distances(differences: np.ndarray, p: float) -> np.ndarray:
    """The p-norm of each difference: p = 0 counts the nonzero entries, p = ∞ takes the largest."""
    sizes = np.abs(differences)
    if p == 0:
        return np.count_nonzero(differences, axis=-1).astype(differences.dtype)
    if p == 1:
        return sizes.sum(axis=-1)
    if p == 2:
        return np.sqrt((differences * differences).sum(axis=-1))
    if math.isinf(p):
        return sizes.max(axis=-1, initial=0)
    return (sizes**p).sum(axis=-1) ** (1 / p)


def p_distance_slopes(differences: np.ndarray, distances: np.ndarray, p: float) -> np.ndarray:
    """∂‖d‖ₚ/∂d for each pair, 0 where the distance is 0 (and, for p < 1, where an entry of d is 0)."""
    if p == 0:
        return np.zeros_like(differences)
    signs = np.sign(differences)
    if p == 1:
        return signs
    distances = distances[..., None]
    with np.errstate(divide="ignore", invalid="ignore"):
        if math.isinf(p):
            return signs * (np.abs(differences) == distances)
        if p == 2:
            slopes = differences / distances
        elif p < 2:
            slopes = signs * np.abs(differences) ** (p - 1) / distances ** (p - 1)
        else:
            slopes = differences * np.abs(differences) ** (p - 2) / distances ** (p - 1)
    undefined = (distances == 0) | ((differences == 0) & (p < 1))
    return np.where(undefined, 0, slopes).astype(differences.dtype)


class CdistBackward0(Function):
    symbol, rule = "cdist", "∂‖x1ᵢ-x2ⱼ‖ₚ/∂x1ᵢ = sign(d)|d|ᵖ⁻¹/‖d‖ₚᵖ⁻¹ (d = x1ᵢ-x2ⱼ), and minus that for x2ⱼ"
    saves_inputs = (0, 1)
    saves_output = True

    def forward(self, x1, x2, p=2.0):
        self.p = p
        return p_distances(_pairs(x1, x2), p)  # no columns: sums of nothing, every distance 0

    def backward(self, grad):
        x1, x2, distances = self.saved_data()
        grad_x1 = grad_x2 = None
        if self.needs_grad(0):
            grad_x1 = (grad[..., None] * p_distance_slopes(_pairs(x1, x2), distances, self.p)).sum(axis=-2)
        if self.needs_grad(1):  # x2's own differences (x2ⱼ - x1ᵢ), not minus x1's: a zero stays +0
            pairs = np.swapaxes(_pairs(x2, x1), -2, -3)
            grad_x2 = (grad[..., None] * p_distance_slopes(pairs, distances, self.p)).sum(axis=-3)
        return grad_x1, grad_x2


def euclidean_distances(x1: np.ndarray, x2: np.ndarray) -> np.ndarray:
    """√(|a|² - 2a·b + |b|²) for every pair, from one product of [-2a, |a|², 1] and [b, 1, |b|²], as PyTorch
    computes it (rounding can leave a small positive distance between equal rows); negatives clamp to 0."""
    ones_1 = np.ones(x1.shape[:-1] + (1,), dtype=x1.dtype)
    ones_2 = np.ones(x2.shape[:-1] + (1,), dtype=x2.dtype)
    left = np.concatenate([-2 * x1, (x1 * x1).sum(axis=-1, keepdims=True), ones_1], axis=-1)
    right = np.concatenate([x2, ones_2, (x2 * x2).sum(axis=-1, keepdims=True)], axis=-1)
    return np.sqrt(np.maximum(left @ np.swapaxes(right, -1, -2), 0))


class EuclideanDistBackward0(Function):
    symbol, rule = "euclidean_dist", "∂‖aᵢ-bⱼ‖/∂aᵢ = (aᵢ-bⱼ)/‖aᵢ-bⱼ‖, summed through one product per side"
    saves_inputs = (0, 1)
    saves_output = True

    def forward(self, x1, x2):
        return euclidean_distances(x1, x2)

    def backward(self, grad):
        x1, x2, distances = self.saved_data()
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(distances == 0, 0, grad / distances).astype(grad.dtype)
        grad_x1 = x1 * ratio.sum(axis=-1, keepdims=True) - ratio @ x2
        grad_x2 = x2 * ratio.sum(axis=-2)[..., None] - np.swapaxes(ratio, -1, -2) @ x1
        return grad_x1, grad_x2
