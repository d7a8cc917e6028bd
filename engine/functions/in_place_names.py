"""The nodes PyTorch names differently when their op runs in place: ``x.squeeze_()`` records SqueezeBackward3
where ``x.squeeze()`` records SqueezeBackward0, ``F.elu(x, inplace=True)`` EluBackward1. An in-place form
runs the out-of-place op, then renames its node with ``IN_PLACE_NAMES`` (``in_place_ops``): the same
computation and derivative, under PyTorch's name. Every other op keeps its node's name in place."""

from __future__ import annotations

from engine.functions import activation, activation_slopes, pointwise_more, shape, unary


class SqueezeBackward3(shape.SqueezeBackward0):
    """``x.squeeze_()``."""


class UnsqueezeBackward1(shape.UnsqueezeBackward0):
    """``x.unsqueeze_(dim)``."""


class TransposeBackward1(shape.TransposeBackward0):
    """``x.transpose_(a, b)`` and ``x.swapaxes_(a, b)``."""


class TBackward1(shape.TBackward0):
    """``x.t_()``."""


class EluBackward1(activation.EluBackward0):
    """``F.elu(x, inplace=True)`` and ``F.selu(x, inplace=True)``."""


class CeluBackward1(activation.CeluBackward0):
    """``F.celu(x, inplace=True)``."""


class LeakyReluBackward1(unary.LeakyReluBackward0):
    """``F.leaky_relu(x, inplace=True)``."""


class ThresholdBackward1(pointwise_more.ThresholdBackward0):
    """``F.threshold(x, t, v, inplace=True)``."""


IN_PLACE_NAMES = {
    shape.SqueezeBackward0: SqueezeBackward3,
    shape.SqueezeBackward1: shape.SqueezeBackward4,  # squeeze_(dim); also what a vector @ matrix records
    shape.UnsqueezeBackward0: UnsqueezeBackward1,
    shape.TransposeBackward0: TransposeBackward1,
    shape.TBackward0: TBackward1,
    activation.EluBackward0: EluBackward1,
    activation.CeluBackward0: CeluBackward1,
    unary.LeakyReluBackward0: LeakyReluBackward1,
    pointwise_more.ThresholdBackward0: ThresholdBackward1,
    activation_slopes.RreluWithNoiseBackward0: activation_slopes.RreluWithNoiseBackward1,
}


def rename_in_place(node: object) -> None:
    """Give ``node`` (just recorded by an out-of-place op) the name PyTorch gives the in-place op."""
    twin = IN_PLACE_NAMES.get(type(node))
    if twin is not None:
        node.__class__ = twin
