"""The checks of the kernels PyTorch runs a transposed convolution on, which word its refusals apart: none
for an empty batch, the mkldnn (oneDNN) kernel for float32 batches big enough, a slow kernel for the rest."""

from __future__ import annotations

import math

from engine import dtypes
from engine.conv_ops import MKLDNN_MIN_ELEMENTS
from engine.functions import conv
from engine.tensor import Tensor

SLOW_KERNEL = "slow_conv_transpose2d_out_cpu"  # the kernel named when a dtype is refused
SLOW_DTYPES = ("float16", "float32", "float64", "int64")  # the dtypes that kernel runs on
MKLDNN_SMALL_OUTPUT = "could not construct a memory descriptor using a format tag"
MKLDNN_NO_PRIMITIVE = (
    "could not create a primitive descriptor for the deconvolution forward propagation primitive. Run "
    "workload with environment variable ONEDNN_VERBOSE=all to get additional diagnostic information."
)


def uses_mkldnn(input: Tensor, planar: dict, kernel: list, batched: list, groups: int) -> bool:  # noqa: A002
    """Whether PyTorch runs this on its mkldnn kernel: float32, an output padding below the stride, and big
    enough (on a machine with several threads, as PyTorch's default)."""
    if input.dtype.name != "float32":
        return False
    if any(extra >= step for extra, step in zip(planar["output_padding"], planar["stride"], strict=True)):
        return False
    return groups > 1 or min(kernel) > 3 or batched[0] > 1 or math.prod(batched) > MKLDNN_MIN_ELEMENTS


def empty_batch(input, weight, bias, groups: int, sizes: list, options: dict) -> Tensor:  # noqa: A002
    """A batch of none skips the kernels (only the output's shape and the bias's cast can be refused); the
    empty result takes the input's dtype, or the weight's when that is of a higher kind."""
    if weight.numel() == 0:
        raise IndexError("select(): index 0 out of range for tensor of size [0] at dimension 0")
    shape = [0, weight.shape[1] * groups, *sizes]
    for index, size in enumerate(shape):
        if size < 0:
            raise RuntimeError(f"invalid shape dimension {size} at index {index} of shape {shape}")
    result = weight.dtype if weight.dtype.category > input.dtype.category else input.dtype
    _check_bias_cast(result, bias)
    arrays = [value if value is None else value._data.astype(result.numpy) for value in (input, weight, bias)]
    node = conv.ConvolutionBackward0
    return node.apply_to_arrays((input, weight, bias), arrays, groups=groups, transposed=True, **options)


def check_for_mkldnn(input, weight, bias, planar, kernel, batched, sizes) -> None:  # noqa: A002
    """The mkldnn kernel's checks: the dtypes, then oneDNN's refusals of the sizes."""
    for name, other in (("weight", weight), ("bias", bias)):
        if other is not None and other.dtype is not input.dtype:
            raise RuntimeError(
                f"Input type ({input.type()}) and {name} type ({other.type()}) should be the same or input "
                f"should be a MKLDNN tensor and {name} is a dense tensor"
            )
    if min(sizes) < 0:
        raise RuntimeError(MKLDNN_SMALL_OUTPUT)
    if min(kernel) == 0 or weight.shape[1] == 0 or _no_primitive(kernel, planar, batched[2:]):
        raise RuntimeError(MKLDNN_NO_PRIMITIVE)


def _no_primitive(kernel: list, planar: dict, sides: list) -> bool:
    """Whether oneDNN refuses a dilation of 0 (its -1). As observed, it runs one only where no axis needs
    dilating: an axis of dilation 0 whose kernel is 1, or whose one input element's window fits in a
    stride; an axis of dilation d ≥ 1 where (kernel - 1)·(d - 1) is less than the stride."""
    dilation, stride = planar["dilation"], planar["stride"]
    if 0 not in dilation:
        return False
    for k, step, side, spacing in zip(kernel, stride, sides, dilation, strict=True):
        if spacing == 0 and k > 1 and not (side == 1 and k <= step):
            return True
        if spacing > 0 and (k - 1) * (spacing - 1) >= step:
            return True
    return False


def undilated(options: dict, kernel: tuple) -> dict:
    """With a dilation of 0 somewhere (which oneDNN runs only where it can), oneDNN leaves every dilation
    out, the output keeping the size PyTorch worked out: as a dilation of 1 and another output padding."""
    if 0 not in options["dilation"]:
        return {}
    extra = [
        pad + (spacing - 1) * (k - 1)
        for pad, spacing, k in zip(options["output_padding"], options["dilation"], kernel, strict=True)
    ]
    return {"dilation": (1,) * len(kernel), "output_padding": tuple(extra)}


def check_for_slow_kernel(input, weight, bias, planar, kernel, batched, sizes) -> None:  # noqa: A002
    """The checks of PyTorch's kernel for the other cases, in its order, then the dtypes it runs on."""
    stride, dilation, extra = planar["stride"], planar["dilation"], planar["output_padding"]
    if min(kernel) <= 0:
        raise RuntimeError(
            f"kernel size should be greater than zero, but got kernel_height: {kernel[0]} kernel_width: "
            f"{kernel[1]}"
        )
    if min(dilation) <= 0:
        raise RuntimeError(
            f"dilation should be greater than zero, but got dilation_height: {dilation[0]}, dilation_width: "
            f"{dilation[1]}"
        )
    if any(e >= s and e >= d for e, s, d in zip(extra, stride, dilation, strict=True)):
        raise RuntimeError(
            "output padding must be smaller than either stride or dilation, but got "
            f"output_padding_height: {extra[0]} output_padding_width: {extra[1]} stride_height: {stride[0]} "
            f"stride_width: {stride[1]} dilation_height: {dilation[0]} dilation_width: {dilation[1]}"
        )
    if weight.numel() == 0:
        planar_weight = list(weight.shape[:2]) + kernel
        raise RuntimeError(f"non-empty 2D or 4D weight tensor expected, but got: {planar_weight}")
    if min(sizes) < 1:
        raise RuntimeError(
            f"Given input size per channel: ({' x '.join(map(str, batched[2:]))}). Calculated output size "
            f"per channel: ({' x '.join(map(str, sizes))}). Output size is too small"
        )
    if input.dtype.name not in SLOW_DTYPES:
        raise NotImplementedError(f"\"{SLOW_KERNEL}\" not implemented for '{input.dtype.scalar_name}'")
    if weight.dtype is not input.dtype:
        raise RuntimeError(
            f"expected scalar type {input.dtype.scalar_name} but found {weight.dtype.scalar_name}"
        )
    _check_bias_cast(input.dtype, bias)


def _check_bias_cast(result: dtypes.dtype, bias: Tensor | None) -> None:
    """The bias is added in place: PyTorch refuses a bias of a higher kind (floats into integers)."""
    if bias is not None and bias.dtype.category > result.category:
        wanted = dtypes.promote_types(result, bias.dtype)
        raise RuntimeError(
            f"result type {wanted.scalar_name} can't be cast to the desired output type {result.scalar_name}"
        )
