"""``F.conv_transpose2d`` and ``F.conv_transpose1d`` (also ``torch.``) as PyTorch records and refuses them:
ConvolutionBackward0 with its transposed flag, unbatched input unsqueezed around it, and PyTorch's errors in
the order its checks meet them (the mkldnn kernel it picks for float32 batches words some differently)."""

from __future__ import annotations

from typing import Any

from engine import conv_transpose_kernels as kernels
from engine.arguments import INT, INTS, OPTIONAL_TENSOR, REQUIRED, TENSOR, bind
from engine.conv_ops import _check_dims, _expanded, check_groups
from engine.functions import conv
from engine.shape_ops import squeeze, unsqueeze
from engine.tensor import Tensor

SIGNATURE = (
    ("input", TENSOR, REQUIRED),
    ("weight", TENSOR, REQUIRED),
    ("bias", OPTIONAL_TENSOR, None),
    ("stride", INTS, 1),
    ("padding", INTS, 0),
    ("output_padding", INTS, 0),
    ("groups", INT, 1),
    ("dilation", INTS, 1),
)


def conv_transpose2d(*args: Any, **kwargs: Any) -> Tensor:
    """conv_transpose2d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1,
    dilation=1): the transposed 2-d convolution of (N, C, H, W) or (C, H, W) input, the gradient of a
    conv2d with respect to its input; weight is (C, O/groups, KH, KW)."""
    return _transposed("conv_transpose2d", 2, bind("conv_transpose2d", SIGNATURE, args, kwargs))


def conv_transpose1d(*args: Any, **kwargs: Any) -> Tensor:
    """conv_transpose1d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1,
    dilation=1): the transposed 1-d convolution of (N, C, L) or (C, L) input; weight is (C, O/groups, K)."""
    return _transposed("conv_transpose1d", 1, bind("conv_transpose1d", SIGNATURE, args, kwargs))


def _transposed(function: str, dims: int, arguments: dict) -> Tensor:
    """The checks of the input's dimensions; unbatched input gets a batch of one, taken away again."""
    input = arguments.pop("input")  # noqa: A001 - PyTorch's names
    if input.dim() not in (dims + 1, dims + 2):
        raise RuntimeError(
            f"Expected {dims + 1}D (unbatched) or {dims + 2}D (batched) input to {function}, but got "
            f"input of size: {list(input.shape)}"
        )
    # the binding reads an int as one value per dimension of the function (two for conv_transpose2d)
    for name in ("stride", "padding", "output_padding", "dilation"):
        value = arguments[name]
        arguments[name] = value if isinstance(value, list) else [value] * dims
    if input.dim() == dims + 1:
        return squeeze(_convolve(unsqueeze(input, 0), **arguments), 0)
    return _convolve(input, **arguments)


def _convolve(input, weight, bias, stride, padding, output_padding, groups, dilation) -> Tensor:  # noqa: A002
    """The transposed convolution of a batch, after PyTorch's checks of its arguments and shapes."""
    if weight.dim() < 3:
        raise RuntimeError("weight should have at least three dimensions")
    if groups <= 0:
        raise RuntimeError("non-positive groups is not supported")
    dims = weight.dim() - 2
    stride, padding = _expanded("stride", stride, dims), _expanded("padding", padding, dims)
    dilation = _expanded("dilation", dilation, dims)
    output_padding = _expanded("output_padding", output_padding, dims)
    for values, refusal in (
        (padding, "negative padding is not supported"),
        (output_padding, "negative output_padding is not supported"),
    ):
        if any(value < 0 for value in values):
            raise RuntimeError(refusal)
    if any(value <= 0 for value in stride):
        raise RuntimeError("non-positive stride is not supported")
    if any(value < 0 for value in dilation):
        raise RuntimeError("dilation should be greater than zero")
    _check_dims(input, weight)
    _check_shapes(input, weight, bias, groups)
    # the sizes PyTorch's kernels report: 1-d convolved as 2-d with a height of 1
    options = {"stride": stride, "padding": padding, "dilation": dilation, "output_padding": output_padding}
    planar = {name: [int(name in ("stride", "dilation"))] * (2 - dims) + v for name, v in options.items()}
    batched = list(input.shape[:2]) + [1] * (2 - dims) + list(input.shape[2:])
    kernel = [1] * (2 - dims) + list(weight.shape[2:])
    sizes = [
        (size - 1) * step - 2 * pad + spacing * (k - 1) + extra + 1
        for size, step, pad, spacing, extra, k in zip(batched[2:], *planar.values(), kernel, strict=True)
    ]
    if 0 in batched[2:] and batched[0]:
        raise RuntimeError(
            f"Only zero batch or zero channel inputs are supported, but got input shape: {batched}"
        )
    options = {name: tuple(value) for name, value in options.items()}
    if not batched[0]:
        return kernels.empty_batch(input, weight, bias, groups, sizes[2 - dims :], options)
    if kernels.uses_mkldnn(input, planar, kernel, batched, groups):
        kernels.check_for_mkldnn(input, weight, bias, planar, kernel, batched, sizes)
        options.update(kernels.undilated(options, weight.shape[2:]))
    else:
        kernels.check_for_slow_kernel(input, weight, bias, planar, kernel, batched, sizes)
    return conv.ConvolutionBackward0.apply(input, weight, bias, groups=groups, transposed=True, **options)


def _check_shapes(input: Tensor, weight: Tensor, bias: Tensor | None, groups: int) -> None:  # noqa: A002
    """Weight against groups, the input's channels against the weight's first dimension, the bias's size."""
    shape = list(weight.shape)
    check_groups(shape, groups)
    if input.shape[1] != shape[0]:
        raise RuntimeError(
            f"Given transposed=1, weight of size {shape}, expected input{list(input.shape)} to have "
            f"{shape[0]} channels, but got {input.shape[1]} channels instead"
        )
    if bias is not None and (bias.dim() != 1 or bias.shape[0] != shape[1] * groups):
        raise RuntimeError(
            f"Given transposed=1, weight of size {shape}, expected bias to be 1-dimensional with "
            f"{shape[1] * groups} elements, but got bias of size {list(bias.shape)} instead"
        )
