"""Dropout's warnings: PyTorch's words, pointing at the line that called it (the masks: the parity cases)."""

from __future__ import annotations

import pytest

import engine as torch
from engine.nn import functional as F

AS_1D = (  # PyTorch 2.13's text
    "dropout2d: Received a 3D input to dropout2d and assuming that channel-wise 1D dropout behavior "
    "is desired - input is interpreted as shape (N, C, L), where C is the channel dim. This behavior "
    "will change in a future release to interpret the input as one without a batch dimension, i.e. "
    "shape (C, H, W). To maintain the 1D channel-wise dropout behavior, please switch to using "
    "dropout1d instead."
)
DEPRECATED = (  # PyTorch 2.13's text, for a {dims}-D input
    "dropout2d: Received a {dims}-D input to dropout2d, which is deprecated and will result in an "
    "error in a future release. To retain the behavior and silence this warning, please use dropout "
    "instead. Note that dropout2d exists to provide channel-wise dropout on inputs with 2 spatial "
    "dimensions, a channel dimension, and an optional batch dimension (i.e. 3D or 4D inputs)."
)


@pytest.mark.parametrize(
    "shape, message",
    [((2, 3, 4), AS_1D), ((2, 3), DEPRECATED.format(dims=2)), ((1, 2, 3, 4, 5), DEPRECATED.format(dims=5))],
)
def test_dropout2d_warns_of_a_shape_it_was_not_made_for_at_the_calling_line(shape, message):
    with pytest.warns(UserWarning) as caught:
        F.dropout2d(torch.ones(*shape), 0.5)  # the line the warning names
    assert [str(warning.message) for warning in caught] == [message]
    assert caught[0].filename == __file__
    named = open(__file__).readlines()[caught[0].lineno - 1]
    assert named.strip() == "F.dropout2d(torch.ones(*shape), 0.5)  # the line the warning names"


def test_dropout2d_of_a_batch_of_images_does_not_warn(recwarn):
    F.dropout2d(torch.ones(2, 3, 4, 4), 0.5)
    assert not recwarn.list
