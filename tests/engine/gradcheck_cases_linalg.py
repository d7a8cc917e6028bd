"""Gradient-check cases for slogdet (and logdet over it) and the pseudo-inverse.

Same shape as ``gradcheck_cases``: ``draw(data) -> (arrays, function)``, every array differentiated. The
matrices are built from orthonormal factors and singular values in [0.5, 1.5], far from singular, so that
the finite differences see the same rank and sign on both sides.
"""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

import engine as torch
from tests.engine.gradcheck_cases import MAX_SIDE, _orthonormal_columns, invertible


def _rng(data) -> np.random.Generator:
    return np.random.default_rng(data.draw(st.integers(0, 2**32 - 1), label="seed"))


def slogdet(data):
    """log|det A| of any invertible matrix, the determinant negative or positive."""
    return [invertible(data)], lambda x: torch.slogdet(x).logabsdet


def logdet(data):
    """log det A of a matrix whose determinant is positive (a row is negated where it was not)."""
    matrix = invertible(data)
    matrix[..., 0, :] *= np.sign(np.linalg.det(matrix))[..., None]
    return [matrix], torch.logdet


def pinv(data):
    """A full-rank matrix, tall, wide or square, or a batch of two."""
    rows, columns = (data.draw(st.integers(1, MAX_SIDE), label=label) for label in ("rows", "columns"))
    batch = data.draw(st.sampled_from([(), (2,)]), label="batch")
    rng, rank = _rng(data), min(rows, columns)
    left, right = (
        _orthonormal_columns(rng, batch + (rows, rank)),
        _orthonormal_columns(rng, batch + (columns, rank)),
    )
    singular = rng.uniform(0.5, 1.5, batch + (rank,))
    return [(left * singular[..., None, :]) @ np.swapaxes(right, -1, -2)], torch.linalg.pinv


def pinv_hermitian(data):
    """A symmetric input (``x + xᵀ``, so each entry counts once on each side of the diagonal) with
    eigenvalues of either sign and size in [1, 3]."""
    side = data.draw(st.integers(1, MAX_SIDE), label="side")
    rng = _rng(data)
    vectors = _orthonormal_columns(rng, (side, side))
    eigenvalues = rng.uniform(0.5, 1.5, side) * rng.choice([-1.0, 1.0], side)
    half = (vectors * eigenvalues) @ vectors.T
    return [half], lambda x: torch.linalg.pinv(x + x.mT, hermitian=True)


def _point_sets(data) -> tuple[np.ndarray, np.ndarray]:
    """Two sets of rows with broadcasting batches (or none); random values, so no two rows coincide."""
    columns = data.draw(st.integers(1, MAX_SIDE), label="columns")
    rows = [data.draw(st.integers(1, MAX_SIDE), label=label) for label in ("rows 1", "rows 2")]
    batches = data.draw(
        st.sampled_from([((), ()), ((2,), ()), ((2, 1), (3,)), ((1,), (2,))]), label="batches"
    )
    rng = _rng(data)
    first, second = (
        rng.uniform(-2, 2, batch + (size, columns)) for batch, size in zip(batches, rows, strict=True)
    )
    return first, second


def cdist(data):
    """Any p: 0, between 0 and 1 (each entry of a difference nonzero), 1, between 1 and 2, 2, above, ∞."""
    p = data.draw(st.sampled_from([0.0, 0.5, 1.0, 1.5, 2.0, 3.0, float("inf")]), label="p")
    return list(_point_sets(data)), lambda a, b: torch.cdist(
        a, b, p=p, compute_mode="donot_use_mm_for_euclid_dist"
    )


def euclidean_dist(data):
    return list(_point_sets(data)), lambda a, b: torch.cdist(a, b, compute_mode="use_mm_for_euclid_dist")
