"""``F.dropout`` and the channel-wise ``F.dropout1d``/``F.dropout2d``, drawn as PyTorch's CPU kernel draws.

PyTorch multiplies the input by a noise tensor: ``bernoulli_(1 - p)`` (an element is kept when a double
precision uniform from the generator falls below 1 - p), divided by 1 - p in the input's own type.
Channel-wise dropout draws one number per (sample, channel) and zeroes whole channels. After ``manual_seed``
the same elements are dropped as PyTorch 2.13 drops them (checked on an AMD CPU; builds with Intel's MKL may
draw from another stream on Intel CPUs).
"""

from __future__ import annotations

import math
import warnings

import numpy as np

from engine import creation
from engine.functions import pointwise as pw
from engine.shape_ops import squeeze, unsqueeze
from engine.tensor import Tensor

DROPOUT1D_DIMS = (
    "dropout1d: Expected 2D or 3D input, but received a {dims}D input. Note that dropout1d exists to provide "
    "channel-wise dropout on inputs with 1 spatial dimension, a channel dimension, and an optional batch "
    "dimension (i.e. 2D or 3D inputs)."
)
DROPOUT2D_DIMS = (
    "dropout2d: Received a {dims}-D input to dropout2d, which is deprecated and will result in an error in a "
    "future release. To retain the behavior and silence this warning, please use dropout instead. Note that "
    "dropout2d exists to provide channel-wise dropout on inputs with 2 spatial dimensions, a channel "
    "dimension, and an optional batch dimension (i.e. 3D or 4D inputs)."
)
DROPOUT2D_AS_1D = (
    "dropout2d: Received a 3D input to dropout2d and assuming that channel-wise 1D dropout behavior is "
    "desired - input is interpreted as shape (N, C, L), where C is the channel dim. This behavior will "
    "change in a future release to interpret the input as one without a batch dimension, i.e. shape (C, H, "
    "W). To maintain the 1D channel-wise dropout behavior, please switch to using dropout1d instead."
)


def check_probability(p: float) -> None:
    """PyTorch's ValueError for a probability outside [0, 1] (functions and layers alike)."""
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")


def _noise(x: Tensor, shape: tuple, p: float) -> Tensor:
    """``empty(shape).bernoulli_(1 - p).div_(1 - p)`` in ``x``'s type: 1/(1-p) where kept, 0 elsewhere."""
    keep = creation.generator().unit(math.prod(shape), double=True) < 1 - p
    kind = x._data.dtype if x._data.dtype.kind == "f" else np.dtype(np.float32)
    return Tensor._wrap(keep.reshape(shape).astype(kind) / kind.type(1 - p))


def _dropped(x: Tensor, p: float, training: bool, inplace: bool, shape: tuple) -> Tensor:
    """``x`` times a noise of ``shape`` (broadcast over what it leaves out), in place if asked."""
    if not training or p == 0 or x.numel() == 0:
        return x
    noise = creation.zeros(()) if p == 1 else _noise(x, shape, p)  # p = 1: PyTorch multiplies by a 0-d zero
    return x.mul_(noise) if inplace else pw.mul(x, noise)


def dropout(x: Tensor, p: float = 0.5, training: bool = True, inplace: bool = False) -> Tensor:
    """In training, zero each element with probability ``p`` and scale the rest by ``1/(1-p)``."""
    check_probability(p)
    return _dropped(x, p, training, inplace, tuple(x.shape))


def _feature_shape(x: Tensor) -> tuple:
    """One noise value per (sample, channel): the first two sizes, then 1 for every other dimension."""
    if x.dim() < 2:
        raise RuntimeError("Feature dropout requires at least 2 dimensions in the input")
    return (*x.shape[:2], *[1] * (x.dim() - 2))


def dropout1d(x: Tensor, p: float = 0.5, training: bool = True, inplace: bool = False) -> Tensor:
    """Zero whole channels of (N, C, L) or unbatched (C, L) input with probability ``p``."""
    check_probability(p)
    if x.dim() not in (2, 3):
        raise RuntimeError(DROPOUT1D_DIMS.format(dims=x.dim()))
    if x.dim() == 3:
        return _dropped(x, p, training, inplace, _feature_shape(x))
    batch = x.unsqueeze_(0) if inplace else unsqueeze(x, 0)  # PyTorch adds a batch of one, then takes it away
    result = _dropped(batch, p, training, inplace, _feature_shape(batch))
    return result.squeeze_(0) if inplace else squeeze(result, 0)


def dropout2d(x: Tensor, p: float = 0.5, training: bool = True, inplace: bool = False) -> Tensor:
    """Zero whole channels of (N, C, H, W) input with probability ``p`` (3-D input: as dropout1d, with
    PyTorch's warning; other shapes channel-wise too, with its deprecation warning)."""
    check_probability(p)
    if x.dim() not in (3, 4):
        warnings.warn(DROPOUT2D_DIMS.format(dims=x.dim()), UserWarning, stacklevel=2)
    if x.dim() == 3:
        warnings.warn(DROPOUT2D_AS_1D, UserWarning, stacklevel=2)
    return _dropped(x, p, training, inplace, _feature_shape(x))
