"""Gradient-check cases of the normalisation layers: group norm's node, avg_pool3d's (local response norm).

Kept beside ``gradcheck_cases`` (whose builders they use) and merged into ``test_gradcheck.CASES``.
Normalised inputs are spread out (``distinct``) so no group has a near-zero variance.
"""

from __future__ import annotations

from hypothesis import strategies as st

from engine.nn import functional as F
from tests.engine.gradcheck_cases import MAX_SIDE, distinct, values


def group_norm(data):
    """(N, G·k, ...) inputs in G groups, with weight and bias."""
    groups, per_group = data.draw(st.integers(1, 3), label="groups"), data.draw(st.integers(1, 2), label="k")
    channels = groups * per_group
    batch = data.draw(st.integers(1, MAX_SIDE), label="batch")
    spatial = tuple(data.draw(st.lists(st.integers(2, 3), max_size=2), label="spatial"))
    shape = (batch, channels, *spatial) if spatial or per_group > 1 else (batch, channels, 2)
    arrays = [distinct(data, shape), values(data, (channels,), 0.5, 1.5), values(data, (channels,))]
    return arrays, lambda x, w, b: F.group_norm(x, groups, w, b)


def group_norm_plain(data):
    """No weight or bias."""
    shape = (data.draw(st.integers(1, MAX_SIDE), label="batch"), 4, 3)
    return [distinct(data, shape)], lambda x: F.group_norm(x, 2)


def instance_norm(data):
    """(N, C, L) inputs, with weight and bias: batch norm over a (1, N·C, L) view."""
    batch = data.draw(st.integers(1, MAX_SIDE), label="batch")
    channels = data.draw(st.integers(1, 3), label="channels")
    shape = (batch, channels, data.draw(st.integers(2, 3), label="length"))
    arrays = [distinct(data, shape), values(data, (channels,), 0.5, 1.5), values(data, (channels,))]
    return arrays, lambda x, w, b: F.instance_norm(x, weight=w, bias=b)


def rms_norm(data):
    """Over the last one or two dimensions of a 2-D or 3-D input, with a weight."""
    shape = tuple(data.draw(st.integers(1, MAX_SIDE), label=f"side{i}") for i in range(3))
    normalized = shape[-data.draw(st.integers(1, 2), label="normalized") :]
    arrays = [values(data, shape), values(data, normalized, 0.5, 1.5)]
    return arrays, lambda x, w: F.rms_norm(x, normalized, w, eps=0.1)


def local_response_norm(dims: tuple[int, int]):
    """3-D inputs (average pool 2-D) or 4-D to 5-D ones (average pool 3-D), 1 to 4 channels wide."""

    def draw(data):
        ndim = data.draw(st.integers(*dims), label="dims")
        shape = tuple(data.draw(st.integers(1, 3), label=f"side{i}") for i in range(ndim))
        size = data.draw(st.integers(1, 4), label="size")
        return [values(data, shape)], lambda x: F.local_response_norm(x, size, alpha=0.5, k=1.5)

    return draw


CASES = {
    "NativeGroupNormBackward0": group_norm,
    "NativeGroupNormBackward0 no affine": group_norm_plain,
    "NativeBatchNormBackward0 instance_norm": instance_norm,
    "RsqrtBackward0 rms_norm": rms_norm,
    "AvgPool2DBackward0 local_response_norm": local_response_norm((3, 3)),
    "AvgPool3DBackward0 local_response_norm": local_response_norm((4, 5)),
}
