"""Gradient-check cases for transposed convolutions.

Same shape as ``gradcheck_cases``: ``draw(data) -> (arrays, function)``, every array differentiated.
"""

from __future__ import annotations

from hypothesis import strategies as st

from engine.nn import functional as F
from tests.engine.gradcheck_cases import values


def _transposed_options(data, dims: int) -> tuple:
    """Groups, kernel, stride, padding, output padding (below the stride or the dilation) and dilation."""
    groups = data.draw(st.integers(1, 2), label="groups")
    ints = st.lists(st.integers(1, 2), min_size=dims, max_size=dims)
    kernel = data.draw(st.lists(st.integers(1, 3), min_size=dims, max_size=dims), label="kernel")
    stride, dilation = data.draw(ints, label="stride"), data.draw(ints, label="dilation")
    padding = data.draw(st.lists(st.integers(0, 1), min_size=dims, max_size=dims), label="padding")
    extra = [
        data.draw(st.integers(0, max(s, d) - 1), label="output padding")
        for s, d in zip(stride, dilation, strict=True)
    ]
    return groups, kernel, stride, padding, extra, dilation


def transposed_convolution(dims: int):
    """``conv_transpose2d`` (``conv_transpose1d``) of batched or unbatched input, with or without bias;
    the paddings are kept small enough that some output remains."""

    def draw(data):
        groups, kernel, stride, padding, extra, dilation = _transposed_options(data, dims)
        channels, outputs = groups * data.draw(st.integers(1, 2)), groups * data.draw(st.integers(1, 2))
        sides = [data.draw(st.integers(2, 3), label="side") for _ in range(dims)]
        reach = [
            (n - 1) * s + d * (k - 1) + e
            for n, s, d, k, e in zip(sides, stride, dilation, kernel, extra, strict=True)
        ]
        padding = [
            min(pad, most // 2) for pad, most in zip(padding, reach, strict=True)
        ]  # an output of 1 or more
        batch = data.draw(st.sampled_from([(), (1,), (2,)]), label="batch")
        arrays = [
            values(data, (*batch, channels, *sides)),
            values(data, (channels, outputs // groups, *kernel)),
        ]
        if data.draw(st.booleans(), label="bias"):
            arrays.append(values(data, (outputs,)))
        transpose = F.conv_transpose2d if dims == 2 else F.conv_transpose1d
        return arrays, lambda x, w, b=None: transpose(x, w, b, stride, padding, extra, groups, dilation)

    return draw
