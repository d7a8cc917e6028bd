"""``F.conv2d`` and ``F.conv1d`` as PyTorch records and refuses them: ConvolutionBackward0 (input, weight,
bias), unbatched input unsqueezed around it, ``padding='same'``, the padding modes of ``nn.Conv2d`` and
``nn.Conv1d``, and PyTorch's errors in the order PyTorch checks them."""

from __future__ import annotations

import math
import warnings
from typing import Any

from engine import pad_ops
from engine.argument_errors import type_name
from engine.functions import conv
from engine.functions import padding as pad_nodes
from engine.product_ops import _C_NAMES
from engine.shape_ops import squeeze, unsqueeze
from engine.tensor import Tensor

MKLDNN_MIN_ELEMENTS = 20480  # a float32 input above this many elements goes to PyTorch's mkldnn kernel
# the warning names the line calling conv2d (conv1d): frames of it, _convolution, _convolve and
# _convolve_padded_by_name lie between
SAME_EVEN_CALLER = 5
SAME_EVEN_WARNING = (
    "Using padding='same' with even kernel lengths and odd dilation may require a zero-padded copy of the "
    "input be created"
)
_SIGNATURES = (
    "(Tensor input, Tensor weight, Tensor bias = None, tuple of ints stride = 1, tuple of ints padding = 0, "
    "tuple of ints dilation = 1, int groups = 1)",
    '(Tensor input, Tensor weight, Tensor bias = None, tuple of ints stride = 1, str padding = "valid", '
    "tuple of ints dilation = 1, int groups = 1)",
)


def _integers(value: Any) -> bool:
    """An int or a list (tuple) of ints: what PyTorch's ``tuple of ints`` arguments take."""
    return all(isinstance(item, int) for item in (value if isinstance(value, list | tuple) else [value]))


def _check_types(function: str, arguments: tuple) -> None:
    """PyTorch's TypeError when an argument fits neither of the function's forms (the types given)."""
    input, weight, bias, stride, padding, dilation, groups = arguments  # noqa: A001 - PyTorch's names
    fits = (
        isinstance(input, Tensor)
        and isinstance(weight, Tensor)
        and (bias is None or isinstance(bias, Tensor))
        and _integers(stride)
        and (isinstance(padding, str) or _integers(padding))
        and _integers(dilation)
        and isinstance(groups, int)
    )
    if not fits:  # PyTorch lists what it was given; here: every argument up to the last not left as default
        got = [type_name(value) for value in arguments[:2]]
        defaults = (None, 1, 0, 1, 1)
        last = max([i for i, v in enumerate(arguments[2:]) if v is not defaults[i]], default=-1)
        got += [type_name(value) for value in arguments[2 : 3 + last]]
        raise TypeError(
            f"{function}() received an invalid combination of arguments - got ({', '.join(got)}), "
            "but expected one of:\n" + "".join(f" * {form}\n" for form in _SIGNATURES)
        )


def _expanded(name: str, value: Any, dims: int) -> list[int]:
    """One value stands for every spatial dimension of the weight; else there must be ``dims`` of them."""
    values = list(value) if isinstance(value, list | tuple) else [value]
    values = values * dims if len(values) == 1 else values
    if len(values) != dims:
        raise RuntimeError(
            f"expected {name} to be a single integer value or a list of {dims} values to match the "
            f"convolution dimensions, but got {name}={values}"
        )
    return values


def _broadcast(name: str, value: Any, dims: int) -> list[int]:
    """``padding='same'``'s stricter reading: one value or one per spatial dimension."""
    values = list(value) if isinstance(value, list | tuple) else [value]
    if len(values) not in (1, dims):
        raise RuntimeError(f"{name} cannot broadcast to {dims} dimensions")
    return values * dims if len(values) == 1 else values


def _check_weight_dtype(input: Tensor, weight: Tensor, batched: tuple, groups: int) -> None:  # noqa: A002
    """The last check: PyTorch's kernels do not promote; the float32 kernel it picks words it differently."""
    if input._data.dtype == weight._data.dtype:
        if input._data.dtype.kind == "b":
            raise NotImplementedError("\"slow_conv2d_cpu\" not implemented for 'Bool'")
        return
    if _uses_mkldnn(input, weight, batched, groups):
        raise RuntimeError(
            f"Input type ({input.type()}) and weight type ({weight.type()}) should be the same or input "
            "should be a MKLDNN tensor and weight is a dense tensor"
        )
    raise RuntimeError(f"expected scalar type {input.dtype.scalar_name} but found {weight.dtype.scalar_name}")


def _uses_mkldnn(input: Tensor, weight: Tensor, batched: tuple, groups: int) -> bool:  # noqa: A002
    """Whether PyTorch would run this on its mkldnn kernel (float32 and big enough), whose checks word some
    refusals differently (on a machine with several threads, as PyTorch's default)."""
    kernel = (1,) * (4 - weight.dim()) + tuple(weight.shape[2:])  # conv1d's kernel is a (1, K) one there
    large = groups > 1 or batched[0] > 1 or min(kernel) > 3 or math.prod(batched) > MKLDNN_MIN_ELEMENTS
    return input.dtype.name == "float32" and large


def check_groups(weight_shape: list[int], groups: int) -> None:
    """The weight's first dimension against ``groups`` (plain and transposed convolutions alike)."""
    if weight_shape[0] < groups:
        raise RuntimeError(
            f"Given groups={groups}, expected weight to be at least {groups} at dimension 0, but got "
            f"weight of size {weight_shape} instead"
        )
    if weight_shape[0] % groups:
        raise RuntimeError(
            f"Given groups={groups}, expected weight to be divisible by {groups} at dimension 0, but got "
            f"weight of size [{weight_shape}] instead"
        )


def _check_shapes(
    batched: tuple, weight: Tensor, bias: Tensor | None, padding: list, dilation: list, groups: int
) -> None:
    """Weight against groups, channels against the weight, the bias's size, the kernel against the input."""
    weight_shape = list(weight.shape)
    check_groups(weight_shape, groups)
    if batched[1] != weight_shape[1] * groups:
        raise RuntimeError(
            f"Given groups={groups}, weight of size {weight_shape}, expected input{list(batched)} to have "
            f"{weight_shape[1] * groups} channels, but got {batched[1]} channels instead"
        )
    if bias is not None and (bias.dim() != 1 or bias.shape[0] != weight_shape[0]):
        raise RuntimeError(
            f"Given weight of size {weight_shape}, expected bias to be 1-dimensional with {weight_shape[0]} "
            f"elements, but got bias of size {list(bias.shape)} instead"
        )
    padded = [size + 2 * pad for size, pad in zip(batched[2:], padding, strict=True)]
    spans = [d * (k - 1) + 1 for d, k in zip(dilation, weight_shape[2:], strict=True)]
    if any(size < span for size, span in zip(padded, spans, strict=True)):
        raise RuntimeError(
            f"Calculated padded input size per channel: ({' x '.join(map(str, padded))}). Kernel size: "
            f"({' x '.join(map(str, spans))}). Kernel size can't be greater than actual input size"
        )


def conv2d(
    input: Tensor,  # noqa: A002 - PyTorch's names
    weight: Tensor,
    bias: Tensor | None = None,
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
    groups: int = 1,
) -> Tensor:
    """A 2-d convolution (cross-correlation, as in PyTorch) of (N, C, H, W) or (C, H, W) input."""
    return _convolution("conv2d", 2, (input, weight, bias, stride, padding, dilation, groups))


def conv1d(
    input: Tensor,  # noqa: A002 - PyTorch's names
    weight: Tensor,
    bias: Tensor | None = None,
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
    groups: int = 1,
) -> Tensor:
    """A 1-d convolution (cross-correlation, as in PyTorch) of (N, C, L) or (C, L) input."""
    return _convolution("conv1d", 1, (input, weight, bias, stride, padding, dilation, groups))


def _convolution(function: str, dims: int, arguments: tuple) -> Tensor:
    """conv1d's and conv2d's common checks; unbatched input gets a batch of one, taken away again."""
    _check_types(function, arguments)
    input, weight, bias, stride, padding, dilation, groups = arguments  # noqa: A001 - PyTorch's names
    if bias is not None and bias._data.dtype != input._data.dtype:
        given, wanted = _C_NAMES[input.dtype.name], _C_NAMES[bias.dtype.name]
        raise RuntimeError(f"Input type ({given}) and bias type ({wanted}) should be the same")
    if input.dim() not in (dims + 1, dims + 2):
        raise RuntimeError(
            f"Expected {dims + 1}D (unbatched) or {dims + 2}D (batched) input to {function}, but got "
            f"input of size: {list(input.shape)}"
        )
    # PyTorch's binding reads an int as one value per dimension of the function (two for conv2d), which the
    # convolution then checks against the weight's: conv2d's stride=1 is [1, 1], too many for a 1-d weight
    stride, padding, dilation = (
        value if isinstance(value, list | tuple | str) else [value] * dims
        for value in (stride, padding, dilation)
    )
    if input.dim() == dims + 1:  # PyTorch convolves a batch of one and takes the batch dimension away again
        return squeeze(_convolve(unsqueeze(input, 0), weight, bias, stride, padding, dilation, groups), 0)
    return _convolve(input, weight, bias, stride, padding, dilation, groups)


def _convolve(input, weight, bias, stride, padding, dilation, groups) -> Tensor:  # noqa: A002
    """The convolution of a batch (N, C, H, W), after the checks PyTorch makes in this order."""
    if isinstance(padding, str):
        return _convolve_padded_by_name(input, weight, bias, stride, padding, dilation, groups)
    if groups <= 0:
        raise RuntimeError("non-positive groups is not supported")
    dims = weight.dim() - 2
    stride, padding = _expanded("stride", stride, dims), _expanded("padding", padding, dims)
    dilation = _expanded("dilation", dilation, dims)
    _check_dims(input, weight)
    if any(pad < 0 for pad in padding):
        raise RuntimeError("negative padding is not supported")
    if any(value <= 0 for value in stride):
        raise RuntimeError("non-positive stride is not supported")
    if any(value <= 0 for value in dilation):
        if _uses_mkldnn(input, weight, tuple(input.shape), groups):
            raise RuntimeError("non-positive dilation is not supported")
        planar = [1] * (2 - len(dilation)) + list(dilation)  # conv1d's as the 2-d kernel it runs on
        raise RuntimeError(f"dilation should be greater than zero, but got {planar}")
    _check_shapes(tuple(input.shape), weight, bias, padding, dilation, groups)
    _check_weight_dtype(input, weight, tuple(input.shape), groups)
    options = {"stride": tuple(stride), "padding": tuple(padding), "dilation": tuple(dilation)}
    return conv.ConvolutionBackward0.apply(input, weight, bias, groups=groups, **options)


def _convolve_padded_by_name(input, weight, bias, stride, padding, dilation, groups) -> Tensor:  # noqa: A002
    """``padding='valid'`` (none) or ``'same'`` (the output keeps the input's size; stride 1 only)."""
    if padding not in ("same", "valid"):
        raise RuntimeError(f"Invalid padding string: '{padding}'")
    if padding == "valid":
        return _convolve(input, weight, bias, stride, 0, dilation, groups)
    if groups <= 0:
        raise RuntimeError("non-positive groups is not supported")
    dims = input.dim() - 2
    if any(value != 1 for value in _broadcast("stride", stride, dims)):
        raise RuntimeError("padding='same' is not supported for strided convolutions")
    dilation = _broadcast("dilation", dilation, dims)
    if any(value <= 0 for value in dilation):
        raise RuntimeError(f"dilation should be greater than zero, but got {dilation}")
    _check_dims(input, weight, space="")
    totals = [d * (k - 1) for d, k in zip(dilation, weight.shape[2:], strict=True)]
    if any(total % 2 for total in totals):  # one more row (column) of zeros at the end than at the start
        warnings.warn(SAME_EVEN_WARNING, UserWarning, stacklevel=SAME_EVEN_CALLER)
        extra = [side for total in reversed(totals) for side in (0, total % 2)]  # the last axis first
        input = pad_nodes.ConstantPadNdBackward0.apply(input, pad=tuple(extra))  # noqa: A001
    return _convolve(input, weight, bias, 1, [total // 2 for total in totals], dilation, groups)


def _check_dims(input: Tensor, weight: Tensor, space: str = " ") -> None:  # noqa: A002 - PyTorch's names
    """The weight's dimensions against the (batched) input's (the 'same' path words it without a space)."""
    if weight.dim() != input.dim():
        raise RuntimeError(
            f"Expected {weight.dim()}-dimensional input for {weight.dim()}-dimensional weight{space}"
            f"{list(weight.shape)}, but got {input.dim()}-dimensional input of size {list(input.shape)} "
            "instead"
        )


def pad_by_mode(input: Tensor, sides: tuple[int, ...], mode: str) -> Tensor:  # noqa: A002
    """The non-zero padding modes of ``nn.Conv2d`` (top, bottom, left, right) and ``nn.Conv1d`` (left,
    right), done before the convolution."""
    return pad_ops.pad(input, (*sides[2:], *sides[:2]) if len(sides) == 4 else sides, mode)
