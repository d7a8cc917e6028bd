"""Bicubic upsampling of (N, C, H, W) arrays, with its gradient: each output blends a 4 × 4 neighbourhood
by Keys' cubic convolution (A = -0.75), the borders repeated, as PyTorch's CPU kernels compute it."""

from __future__ import annotations

import numpy as np

from engine.functions.upsample import _flat, _rounds, _Upsample, fused_multiply_add, opmath

CUBIC_A = -0.75  # PyTorch's (and OpenCV's) sharpness of the cubic convolution


def _multiply_add(a, b, c, fused: bool, dtype: type) -> np.ndarray:
    """a·b + c, rounded once (fused, as PyTorch's forward kernel is compiled) or twice (its backward)."""
    a, b, c = np.broadcast_arrays(np.asarray(a, dtype), np.asarray(b, dtype), np.asarray(c, dtype))
    return fused_multiply_add(a, b, c) if fused else (a * b + c).astype(dtype)


def _cubic_near(x: np.ndarray, dtype: type, fused: bool) -> np.ndarray:
    """The weight of a neighbour at distance x ≤ 1: ((A + 2)·x - (A + 3))·x² + 1, PyTorch's way."""
    a = dtype(CUBIC_A)
    inner = _multiply_add(a + 2, x, -(a + 3), fused, dtype)
    return ((inner * x).astype(dtype) * x + dtype(1)).astype(dtype)


def _cubic_far(x: np.ndarray, dtype: type, fused: bool) -> np.ndarray:
    """The weight of a neighbour at distance 1 < x < 2: ((A·x - 5A)·x + 8A)·x - 4A, PyTorch's way."""
    a = dtype(CUBIC_A)
    inner = _multiply_add(_multiply_add(a, x, -5 * a, fused, dtype), x, 8 * a, fused, dtype)
    return (inner * x - 4 * a).astype(dtype)


def cubic_sources(size: int, out: int, scale, align_corners: bool, dtype: type, fused: bool = True) -> tuple:
    """Each output position's four input neighbours (clamped into the input) and their weights: position
    (o + ½)·s - ½ (not clamped at 0, unlike the linear modes), or o·(size - 1)/(out - 1) aligned; with
    the multiply-adds ``fused`` as in PyTorch's forward kernel, or not, as in its backward kernel."""
    if align_corners:
        step = dtype(size - 1) / dtype(out - 1) if out > 1 else dtype(0)
        positions = step * np.arange(out, dtype=dtype)
    else:
        step = dtype(1.0 / scale) if scale else dtype(size) / dtype(out)
        positions = _multiply_add(step, np.arange(out, dtype=dtype) + dtype(0.5), -0.5, fused, dtype)
    start = np.floor(positions.astype(np.float32)).astype(np.int64)
    offset = (positions - start.astype(dtype)).astype(dtype)
    rest = (dtype(1) - offset).astype(dtype)
    weights = (
        _cubic_far((offset + dtype(1)).astype(dtype), dtype, fused),
        _cubic_near(offset, dtype, fused),
        _cubic_near(rest, dtype, fused),
        _cubic_far((rest + dtype(1)).astype(dtype), dtype, fused),
    )
    neighbours = tuple(np.clip(start + shift, 0, size - 1) for shift in (-1, 0, 1, 2))
    return neighbours, weights


class UpsampleBicubic2DBackward0(_Upsample):
    """Each output blends its 4 × 4 neighbours (rows weighted by one cubic, columns by another); its
    gradient goes back to them with the same weights."""

    symbol = "upsample_bicubic2d"
    rule = "∂out/∂x = the product of the row's and the column's cubic weights for each of the 16 neighbours"

    def _taps(self, sizes: tuple, size: tuple, dtype: type, backward: bool) -> list:
        """16 taps, row-neighbour by row-neighbour, each with its (row weight, column weight) per output."""
        (rows, row_weights), (columns, column_weights) = (
            cubic_sources(axis_size, out, scale, self.align_corners, dtype, fused=not backward)
            for axis_size, out, scale in zip(sizes, size, self.scales, strict=True)
        )
        width = len(columns[0])
        return [
            (
                _flat(rows[i], columns[j], sizes[1]),
                (np.repeat(row_weights[i], width), np.tile(column_weights[j], len(rows[i]))),
            )
            for i in range(4)
            for j in range(4)
        ]

    def _blend(self, planes: np.ndarray, taps: list, size: tuple) -> np.ndarray:
        """Each row's four columns summed, then the four rows: second tap first, then the first, third and
        fourth added one fused multiply-add at a time (PyTorch's order)."""
        row_sums = []
        for i in range(4):
            row = taps[4 * i : 4 * i + 4]
            row_sums.append(_chain([planes[..., position] for position, _ in row], [w[1] for _, w in row]))
        return _chain(row_sums, [taps[4 * i][1][0] for i in range(4)])

    def backward(self, grad):
        """PyTorch's kernel passes the gradient through when no size changes; else each output adds
        (G·row weight)·column weight to its neighbours, column-neighbour by column-neighbour, unfused."""
        if grad.shape == self.input_shape:
            return (grad.copy(),)
        batch, channels, *spatial = self.input_shape
        dtype = opmath(grad.dtype)
        taps = self._taps(tuple(spatial), grad.shape[2:], dtype, backward=True)
        order = [4 * i + j for j in range(4) for i in range(4)]
        taps = [taps[index] for index in order]
        rows = grad.reshape(batch, channels, -1, 1).astype(dtype, copy=False)
        row_weights = np.stack([weights[0] for _, weights in taps], axis=1)
        column_weights = np.stack([weights[1] for _, weights in taps], axis=1)
        shares = ((rows * row_weights).astype(dtype) * column_weights).astype(dtype)
        shares = shares.reshape(batch, channels, -1)
        positions = np.stack([position for position, _ in taps], axis=1).ravel()
        target = np.zeros((batch, channels, int(np.prod(spatial))), dtype)
        for picked in _rounds(positions):  # no position twice in a round: each adds to its own element
            target[..., positions[picked]] += shares[..., picked]
        return (target.reshape(self.input_shape).astype(grad.dtype, copy=False),)


def _chain(values: list, weights: list) -> np.ndarray:
    out = values[1] * weights[1]
    for index in (0, 2, 3):
        out = fused_multiply_add(values[index], np.broadcast_to(weights[index], out.shape), out)
    return out
