"""Upsampling as PyTorch 2.13 does it, where a parity script cannot show it: the warnings of the deprecated
names, and PyTorch's quirks that the printed values hide."""

from __future__ import annotations

import pytest

import engine as torch
from engine.nn import functional as F


@pytest.mark.parametrize(
    "name, mode, corners",
    [
        ("upsample", "nearest", None),
        ("upsample_nearest", "nearest", None),
        ("upsample_bilinear", "bilinear", True),
    ],
)
def test_deprecated_names_warn_at_the_calling_line_and_interpolate(name, mode, corners):
    image = torch.arange(4.0).reshape(1, 1, 2, 2)
    message = f"`nn.functional.{name}` is deprecated. Use `nn.functional.interpolate` instead."
    with pytest.warns(UserWarning) as caught:
        resized = getattr(F, name)(image, 3)  # the line the warning names
    assert [str(warning.message) for warning in caught] == [message]
    assert caught[0].filename == __file__
    named = open(__file__).readlines()[caught[0].lineno - 1]
    assert named.strip() == "resized = getattr(F, name)(image, 3)  # the line the warning names"
    assert resized.tolist() == F.interpolate(image, 3, mode=mode, align_corners=corners).tolist()


def test_nearest_1d_gradient_halves_a_doubled_size_whatever_the_scale_factor():
    # PyTorch's 1-d forward copies ⌊o/2.1⌋ while its backward sends o's gradient to ⌊o/2⌋
    x = torch.arange(6.0).reshape(1, 1, 6).requires_grad_()
    y = F.interpolate(x, scale_factor=2.1)
    y.backward(torch.arange(12.0).reshape(1, 1, 12))
    assert y.tolist() == [[[0.0, 0.0, 0.0, 1.0, 1.0, 2.0, 2.0, 3.0, 3.0, 4.0, 4.0, 5.0]]]
    assert x.grad.tolist() == [[[1.0, 5.0, 9.0, 13.0, 17.0, 21.0]]]


def test_linear_blend_is_pytorchs_to_the_last_bit():
    # PyTorch fuses the multiply-adds: 2 → 4 with aligned corners gives 0.99999994 in the middle
    ones = F.interpolate(torch.ones(1, 1, 2, 2), 4, mode="bilinear", align_corners=True)
    assert ones.flatten().tolist()[5] == 0.9999999403953552
    assert ones.flatten().tolist()[:5] == [1.0] * 5


def test_bicubic_gradient_passes_straight_through_an_unchanged_size():
    # with a scale factor of 1.1 the output keeps the input's size but not its values; PyTorch's
    # backward still hands the gradient back unchanged
    x = torch.arange(12.0).reshape(1, 1, 3, 4).requires_grad_()
    y = F.interpolate(x, scale_factor=(1.1, 1.0), mode="bicubic")
    assert y.shape == x.shape and y.tolist() != x.tolist()
    y.backward(torch.arange(12.0).reshape(1, 1, 3, 4))
    assert x.grad.tolist() == torch.arange(12.0).reshape(1, 1, 3, 4).tolist()
