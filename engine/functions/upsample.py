"""Upsampling (resizing) of the last axis of (N, C, L) arrays, or the last two of (N, C, H, W) ones, with
its gradient: nearest neighbours (PyTorch's 'nearest' and 'nearest-exact') and linear blends.

Each axis gets its source positions (and weights) once, as PyTorch's CPU kernels work them out (in float32
for float32 and float16 input, float64 for float64), and values and gradients are summed in its order with
its fused multiply-adds: float32 and float64 results are PyTorch's bit for bit (float16 ones may be a
float16 step off).
"""

from __future__ import annotations

import numpy as np

from engine.function import Function

SEPARATE_AXES_ABOVE = 128  # output height + width beyond which PyTorch's bilinear kernel works axis by axis
SPLITTER = 134217729.0  # 2**27 + 1: splits a float64 into two halves whose products are exact (Veltkamp)


def fused_multiply_add(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
    """a·b + c rounded once, as the fused instruction PyTorch's kernels are compiled to: float32 exactly
    through float64, float64 through an exact product (Dekker) and an exact sum (Knuth)."""
    if a.dtype != np.float64:
        wide = a.astype(np.float64) * b.astype(np.float64) + c.astype(np.float64)
        return wide.astype(a.dtype)
    a, b, c = np.broadcast_arrays(a, b, c)
    product = a * b
    a_high = a * SPLITTER - (a * SPLITTER - a)
    b_high = b * SPLITTER - (b * SPLITTER - b)
    a_low, b_low = a - a_high, b - b_high
    product_error = ((a_high * b_high - product) + a_high * b_low + a_low * b_high) + a_low * b_low
    total = product + c
    part = total - product
    sum_error = (product - (total - part)) + (c - part)
    return total + (sum_error + product_error)


def opmath(dtype: np.dtype) -> type:
    """The type PyTorch computes positions and blends in: float64 for float64, float32 otherwise."""
    return np.float64 if dtype == np.float64 else np.float32


def nearest_sources(size: int, out: int, scale, exact: bool, shortcuts: bool, dtype: type) -> np.ndarray:
    """The input position each output position copies: ⌊o·s⌋ ('nearest') or ⌊(o + ½)·s⌋ ('nearest-exact'),
    s = 1/scale_factor (or size/out), in ``dtype``; with ``shortcuts``, an unchanged size is copied and a
    doubled one halved, whatever the scale factor (as some of PyTorch's nearest kernels do)."""
    if shortcuts and out == size:
        return np.arange(out)
    if shortcuts and out == 2 * size:
        return np.arange(out) >> 1
    step = dtype(1.0 / scale) if scale else dtype(size) / dtype(out)
    positions = (np.arange(out, dtype=dtype) + (dtype(0.5) if exact else dtype(0))) * step
    # floored as a float32, as PyTorch's kernels do (a float64 just below a whole number rounds up to it)
    return np.minimum(np.floor(positions.astype(np.float32)).astype(np.int64), size - 1)


def linear_sources(size: int, out: int, scale: float | None, align_corners: bool, dtype: type) -> tuple:
    """Each output position's two input neighbours and their weights ((first, second), (weight of the
    first, of the second)), PyTorch's way: with ``align_corners`` the corners meet the corners; without,
    the centres spread evenly, (o + ½)·s - ½ clamped at 0; an unchanged size is copied."""
    if size == out:
        same = np.arange(out)
        return (same, same), (np.ones(out, dtype), np.zeros(out, dtype))
    if align_corners:
        step = dtype(size - 1) / dtype(out - 1) if out > 1 else dtype(0)
        positions = step * np.arange(out, dtype=dtype)
    else:
        step = dtype(1.0 / scale) if scale else dtype(size) / dtype(out)
        centres = np.arange(out, dtype=dtype) + dtype(0.5)
        positions = np.maximum(fused_multiply_add(np.full(out, step), centres, np.full(out, dtype(-0.5))), 0)
    # PyTorch floors the position as a float32 (a float64 just below a whole number rounds up to it), and
    # clamps the weight to [0, 1]
    first = np.minimum(np.floor(positions.astype(np.float32)).astype(np.int64), size - 1)
    second = np.where(first < size - 1, first + 1, first)
    weight = np.clip(positions - first.astype(dtype), 0, 1).astype(dtype)
    return (first, second), ((dtype(1) - weight).astype(dtype), weight)


class _Upsample(Function):
    """What the upsampling nodes share: every output element is a blend of a few input elements (its taps),
    each tap a flat position in the input's plane and a weight (none for a copy)."""

    def forward(self, x, size=(), scales=(), align_corners=False):
        self.input_shape, self.scales, self.align_corners = x.shape, scales, align_corners
        planes = x.reshape(x.shape[:2] + (int(np.prod(x.shape[2:])),))
        dtype = opmath(x.dtype)
        if x.dtype != dtype:  # float16 is blended in float32, as PyTorch's kernels do
            planes = planes.astype(dtype)
        taps = self._taps(x.shape[2:], size, dtype, backward=False)
        out = self._blend(planes, taps, tuple(size))
        return out.reshape(x.shape[:2] + tuple(size)).astype(x.dtype, copy=False)

    def backward(self, grad):
        """Each output's gradient goes back to its taps, times their weights, one fused multiply-add at a
        time in the order PyTorch's kernel adds them (output by output, tap by tap)."""
        batch, channels, *spatial = self.input_shape
        dtype = opmath(grad.dtype)
        taps = self._taps(tuple(spatial), grad.shape[2:], dtype, backward=True)
        rows = grad.reshape(batch, channels, int(np.prod(grad.shape[2:])), 1).astype(dtype, copy=False)
        positions = np.stack([position for position, _ in taps], axis=1).ravel()
        wide = (batch, channels, rows.shape[2], len(taps))  # (…, outputs, taps), in PyTorch's order
        factor, multiplier = (
            np.broadcast_to(part, wide).reshape(batch, channels, len(positions))
            for part in self._shares(rows, taps, dtype)
        )
        target = np.zeros((batch, channels, int(np.prod(spatial))), dtype)
        for picked in _rounds(positions):  # no position twice in a round: each adds to its own element
            where = positions[picked]
            target[..., where] = fused_multiply_add(
                factor[..., picked], multiplier[..., picked], target[..., where]
            )
        return (target.reshape(self.input_shape).astype(grad.dtype, copy=False),)

    def _shares(self, rows: np.ndarray, taps: list, dtype: type) -> tuple[np.ndarray, np.ndarray]:
        """Each output's share for each tap as the two factors of its multiply-add, (outputs, taps) wide:
        the tap's weight and the output's gradient."""
        weights = np.stack(
            [np.ones(len(position), dtype) if w is None else w for position, w in taps], axis=1
        )
        return weights, rows

    def _taps(self, sizes: tuple, size: tuple, dtype: type, backward: bool) -> list:
        raise NotImplementedError

    def _blend(self, planes: np.ndarray, taps: list, size: tuple) -> np.ndarray:
        return _summed_taps(planes, taps)


def _rounds(positions: np.ndarray) -> list[np.ndarray]:
    """The entries of ``positions`` in rounds: round k holds each position's k-th entry (in order)."""
    order = np.argsort(positions, kind="stable")
    ranked = positions[order]
    starts = np.flatnonzero(np.r_[True, ranked[1:] != ranked[:-1]])
    rank = np.arange(len(ranked)) - np.repeat(starts, np.diff(np.r_[starts, len(ranked)]))
    return [np.sort(order[rank == k]) for k in range(int(rank.max(initial=-1)) + 1)]


def _summed_taps(planes: np.ndarray, taps: list) -> np.ndarray:
    """The weighted sum of the taps, in the order PyTorch's kernel sums them: the second tap's product
    first, then the first's and the others' added one fused multiply-add at a time."""
    if taps[0][1] is None:
        return planes[..., taps[0][0]]
    order = [1, 0, *range(2, len(taps))]
    position, weight = taps[order[0]]
    out = planes[..., position] * weight
    for index in order[1:]:
        position, weight = taps[index]
        out = fused_multiply_add(planes[..., position], np.broadcast_to(weight, out.shape), out)
    return out


def _flat(rows: np.ndarray | None, columns: np.ndarray, width: int) -> np.ndarray:
    """Flat positions in a plane of ``width`` columns, output row by output row (or along a line)."""
    return columns if rows is None else (rows[:, None] * width + columns[None, :]).ravel()


class _Nearest(_Upsample):
    """Each output element copies one input element; its gradient goes back to that element (summed over
    the copies)."""

    rule = "∂out/∂x = 1 for the copied input element, 0 for the others: each x gets the sum of its copies' G"
    exact = False  # 'nearest-exact': the position's centre is rounded, not its start
    forward_shortcuts = False  # PyTorch's 2-d forward copies equal sizes and halves doubled ones; its 1-d not

    def _taps(self, sizes: tuple, size: tuple, dtype: type, backward: bool) -> list:
        # PyTorch's 'nearest' backward always takes the shortcuts, and works the positions out in float32
        # even for float64: a gradient need not go back to the element its output copied
        shortcuts = not self.exact and (backward or self.forward_shortcuts)
        dtype = np.float32 if backward else dtype
        sources = [
            nearest_sources(axis_size, out, scale, self.exact, shortcuts, dtype)
            for axis_size, out, scale in zip(sizes, size, self.scales, strict=True)
        ]
        rows = sources[0] if len(sources) == 2 else None
        return [(_flat(rows, sources[-1], sizes[-1]), None)]


class _Linear(_Upsample):
    """Each output element blends its two neighbours along each axis (four, on a plane), by how near they
    are; its gradient goes back to them with the same weights."""

    rule = "∂out/∂x = the blend's weight of each neighbour x (1 - t and t along each axis), 0 elsewhere"

    def _taps(self, sizes: tuple, size: tuple, dtype: type, backward: bool) -> list:
        axes = [
            linear_sources(axis_size, out, scale, self.align_corners, dtype)
            for axis_size, out, scale in zip(sizes, size, self.scales, strict=True)
        ]
        if len(axes) == 1:
            (first, second), (near, far) = axes[0]
            return [(first, near), (second, far)]
        (rows, row_weights), (columns, column_weights) = axes
        self.axis_weights = (row_weights, column_weights)  # for _blend's axis-by-axis way
        return [
            (
                _flat(rows[i], columns[j], sizes[1]),
                (row_weights[i][:, None] * column_weights[j][None, :]).ravel(),
            )
            for i in (0, 1)
            for j in (0, 1)
        ]

    def _blend(self, planes: np.ndarray, taps: list, size: tuple) -> np.ndarray:
        """PyTorch's kernel blends a plane whose output sides add up to more than 128 one axis at a time
        (each row's two columns, then the two rows); smaller ones with the four products at once."""
        if len(size) == 1 or sum(size) <= SEPARATE_AXES_ABOVE:
            return _summed_taps(planes, taps)
        (near_rows, far_rows), (near_columns, far_columns) = self.axis_weights
        height, width = size
        near_column, far_column = np.tile(near_columns, height), np.tile(far_columns, height)
        near_row, far_row = np.repeat(near_rows, width), np.repeat(far_rows, width)
        top_left, top_right, bottom_left, bottom_right = (planes[..., position] for position, _ in taps)
        top = fused_multiply_add(
            top_left, np.broadcast_to(near_column, top_left.shape), top_right * far_column
        )
        bottom = fused_multiply_add(
            bottom_left, np.broadcast_to(near_column, top_left.shape), bottom_right * far_column
        )
        return fused_multiply_add(top, np.broadcast_to(near_row, top.shape), bottom * far_row)


class UpsampleNearest1DBackward0(_Nearest):
    symbol = "upsample_nearest1d"


class UpsampleNearest2DBackward0(_Nearest):
    symbol, forward_shortcuts = "upsample_nearest2d", True


class UpsampleNearestExact1DBackward0(_Nearest):
    symbol, exact = "upsample_nearest_exact1d", True


class UpsampleNearestExact2DBackward0(_Nearest):
    symbol, exact = "upsample_nearest_exact2d", True


class UpsampleLinear1DBackward0(_Linear):
    symbol = "upsample_linear1d"


class UpsampleBilinear2DBackward0(_Linear):
    symbol = "upsample_bilinear2d"
