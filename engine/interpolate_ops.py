"""``F.interpolate`` (and its deprecated names ``F.upsample``, ``upsample_nearest``, ``upsample_bilinear``):
the sizes PyTorch works out from ``size`` or ``scale_factor``, the node it records for each mode, and its
refusals in the order it makes them (Python's checks, then its upsampling ops' binding and kernels)."""

from __future__ import annotations

import warnings
from typing import Any

from engine import upsample_binding
from engine.functions import upsample, upsample_cubic
from engine.pool1d_ops import adaptive_avg_pool1d
from engine.pool_ops import adaptive_avg_pool2d
from engine.tensor import Tensor

LINEAR_MODES = "linear | bilinear | bicubic | trilinear"
MODES = "nearest | linear | bilinear | bicubic | trilinear | lanczos | area | nearest-exact"
KERNEL_DTYPES = ("float16", "float32", "float64")
INT64_MAX = 2**63 - 1
NEAREST_LINE, NEAREST_PLANE = "compute_indices_weights_nearest", "upsample_nearest2d_channels_last"
# (mode, spatial dimensions): the node, PyTorch's op (named in its TypeErrors), the kernel named when
# a dtype is refused
OPS = {
    ("nearest", 1): (upsample.UpsampleNearest1DBackward0, "upsample_nearest1d", NEAREST_LINE),
    ("nearest", 2): (upsample.UpsampleNearest2DBackward0, "upsample_nearest2d", NEAREST_PLANE),
    ("nearest-exact", 1): (
        upsample.UpsampleNearestExact1DBackward0,
        "_upsample_nearest_exact1d",
        NEAREST_LINE,
    ),
    ("nearest-exact", 2): (
        upsample.UpsampleNearestExact2DBackward0,
        "_upsample_nearest_exact2d",
        NEAREST_PLANE,
    ),
    ("linear", 1): (
        upsample.UpsampleLinear1DBackward0,
        "upsample_linear1d",
        "compute_indices_weights_linear",
    ),
    ("bicubic", 2): (
        upsample_cubic.UpsampleBicubic2DBackward0,
        "upsample_bicubic2d",
        "compute_indices_weights_cubic",
    ),
    ("bilinear", 2): (
        upsample.UpsampleBilinear2DBackward0,
        "upsample_bilinear2d",
        "upsample_bilinear2d_channels_last",
    ),
}
# what PyTorch runs that the engine does not: its 3-d modes and lanczos
ENGINE_LACKS = {(mode, 5) for mode in ("nearest", "nearest-exact", "area", "trilinear")}
ENGINE_LACKS.add(("lanczos", 4))
NEEDS = {"linear": 3, "bilinear": 4, "trilinear": 5}  # the input dimensions each linear mode takes
DEPRECATED = "`nn.functional.{}` is deprecated. Use `nn.functional.interpolate` instead."


def interpolate(
    input: Tensor,  # noqa: A002 - PyTorch's names
    size: Any = None,
    scale_factor: Any = None,
    mode: str = "nearest",
    align_corners: bool | None = None,
    recompute_scale_factor: bool | None = None,
    antialias: bool = False,
) -> Tensor:
    """Resizes the spatial axes of (N, C, L) or (N, C, H, W) input to ``size``, or by ``scale_factor``."""
    if mode in ("nearest", "area", "nearest-exact"):
        if align_corners is not None:
            raise ValueError(
                f"align_corners option can only be set with the interpolating modes: {LINEAR_MODES}"
            )
    elif align_corners is None:
        align_corners = False
    dims = input.dim() - 2
    output_size, scale_factors = _size_or_scales(input, dims, size, scale_factor)
    if recompute_scale_factor and size is not None:
        raise ValueError("recompute_scale_factor is not meaningful with an explicit size.")
    if mode == "area" and output_size is None:
        recompute_scale_factor = True  # area always pools to an explicit size
    if recompute_scale_factor:  # the size from the scale factor; the kernel then works from the sizes
        output_size = [int(input.shape[axis + 2] * scale_factors[axis]) for axis in range(dims)]
        scale_factors = None
    if antialias and not (mode in ("bilinear", "bicubic", "lanczos") and input.dim() == 4):
        raise ValueError(
            "Anti-alias option is restricted to bilinear, bicubic, and lanczos modes and requires a 4-D "
            "tensor as input"
        )
    if mode == "area" and dims in (1, 2):
        return (adaptive_avg_pool1d if dims == 1 else adaptive_avg_pool2d)(input, output_size)
    if (mode, dims) in OPS and not antialias:
        interpolating = mode not in ("nearest", "nearest-exact")
        return _upsample(mode, input, output_size, align_corners if interpolating else None, scale_factors)
    _refuse_mode(input, mode, align_corners, antialias)


def _size_or_scales(input: Tensor, dims: int, size: Any, scale_factor: Any) -> tuple:  # noqa: A002
    """Exactly one of ``size`` and ``scale_factor``, as a list with one entry per spatial axis."""
    if size is not None and scale_factor is not None:
        raise ValueError("only one of size or scale_factor should be defined")
    spatial = list(input.shape[2:])
    if size is not None:
        if not isinstance(size, list | tuple):
            return [size] * dims, None
        if len(size) != dims:
            raise ValueError(
                "Input and output must have the same number of spatial dimensions, but got input with "
                f"spatial dimensions of {spatial} and output size of {size}. Please provide input tensor in "
                "(N, C, d1, d2, ...,dK) format and output size in (o1, o2, ...,oK) format."
            )
        if not all(_integral(value) for value in size):
            raise TypeError(
                "expected size to be one of int or Tuple[int] or Tuple[int, int] or Tuple[int, int, int], "
                f"but got size with types {[type(value) for value in size]}"
            )
        return size, None
    if scale_factor is None:
        raise ValueError("either size or scale_factor should be defined")
    if not isinstance(scale_factor, list | tuple):
        return None, [scale_factor] * dims
    if len(scale_factor) != dims:
        raise ValueError(
            "Input and scale_factor must have the same number of spatial dimensions, but got input with "
            f"spatial dimensions of {spatial} and scale_factor of shape {scale_factor}. Please provide input "
            "tensor in (N, C, d1, d2, ...,dK) format and scale_factor in (s1, s2, ...,sK) format."
        )
    return None, scale_factor


def _integral(value: Any) -> bool:
    """What ``interpolate`` takes as an integer size: an int (a bool too) or an integer tensor."""
    if isinstance(value, Tensor):
        return value._data.dtype.kind in "iub"
    return isinstance(value, int)


def _refuse_mode(input: Tensor, mode: Any, align_corners: Any, antialias: bool) -> None:  # noqa: A002
    """What PyTorch runs but the engine lacks (5-D input, lanczos, antialiasing), or PyTorch's
    refusal of a mode that does not fit the input's dimensions."""
    dims = input.dim()
    if mode == "lanczos" and dims == 4:
        if align_corners:
            raise ValueError("Lanczos mode does not support align_corners=True")
        if not antialias:
            raise ValueError("Lanczos mode requires antialias=True")
    if (mode, dims) in ENGINE_LACKS or antialias and (mode, dims - 2) in OPS:
        what = f"mode={mode!r} with antialias=True" if antialias else f"mode={mode!r} on {dims}-D input"
        raise NotImplementedError(f"interpolate's {what} is not supported by this engine")
    if mode in NEEDS and dims in (3, 4, 5):
        raise NotImplementedError(f"Got {dims}D input, but {mode} mode needs {NEEDS[mode]}D input")
    raise NotImplementedError(
        f"Input Error: Only 3D, 4D and 5D input Tensors supported (got {dims}D) for the modes: {MODES} "
        f"(got {mode})"
    )


def _upsample(mode: str, input: Tensor, output_size, align_corners, scale_factors) -> Tensor:  # noqa: A002
    """PyTorch's upsampling op: its binding's checks, the output size, the kernel's checks, the node."""
    dims = input.dim() - 2
    node, op, kernel = OPS[(mode, dims)]
    upsample_binding.check(op, dims, output_size, align_corners, scale_factors)
    scales = [None] * dims if scale_factors is None else [float(value) for value in scale_factors]
    if output_size is None:
        output_size = [_scaled(size, scale) for size, scale in zip(input.shape[2:], scales, strict=True)]
    output_size = [int(value) for value in output_size]
    if min(output_size) <= 0 or min(input.shape[2:]) <= 0:
        given = ", ".join(f"{axis}: {size}" for axis, size in zip("HW"[-dims:], input.shape[2:], strict=True))
        wanted = ", ".join(f"{axis}: {size}" for axis, size in zip("HW"[-dims:], output_size, strict=True))
        joint = " and " if dims == 1 else " "
        raise RuntimeError(
            "Input and output sizes should be greater than 0, but got "
            f"input ({given}){joint}output ({wanted})"
        )
    if 0 in input.shape[1:]:
        raise RuntimeError(
            f"Non-empty {dims + 2}D data tensor expected but got a tensor with sizes {list(input.shape)}"
        )
    if input.dtype.name not in KERNEL_DTYPES:
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{input.dtype.scalar_name}'")
    options = {"size": tuple(output_size), "scales": tuple(scales)}
    if align_corners is not None:
        options["align_corners"] = align_corners
    return node.apply(input, **options)


def _scaled(size: int, scale: float) -> int:
    """The output size PyTorch's op works out from a scale factor: the product, truncated to an int64."""
    product = size * scale
    if not -INT64_MAX <= product <= INT64_MAX:
        raise RuntimeError("value cannot be converted to type int64_t without overflow")
    return int(product)


def upsample(
    input: Tensor,  # noqa: A002 - PyTorch's names
    size: Any = None,
    scale_factor: Any = None,
    mode: str = "nearest",
    align_corners: bool | None = None,
) -> Tensor:
    """The old name of ``interpolate`` (PyTorch warns)."""
    warnings.warn(DEPRECATED.format("upsample"), UserWarning, stacklevel=2)
    return interpolate(input, size, scale_factor, mode, align_corners)


def upsample_nearest(input: Tensor, size: Any = None, scale_factor: Any = None) -> Tensor:  # noqa: A002
    """``interpolate`` in 'nearest' mode, under its old name (PyTorch warns)."""
    warnings.warn(DEPRECATED.format("upsample_nearest"), UserWarning, stacklevel=2)
    return interpolate(input, size, scale_factor, mode="nearest")


def upsample_bilinear(input: Tensor, size: Any = None, scale_factor: Any = None) -> Tensor:  # noqa: A002
    """``interpolate`` in 'bilinear' mode with the corners aligned, under its old name (PyTorch warns)."""
    warnings.warn(DEPRECATED.format("upsample_bilinear"), UserWarning, stacklevel=2)
    return interpolate(input, size, scale_factor, mode="bilinear", align_corners=True)
