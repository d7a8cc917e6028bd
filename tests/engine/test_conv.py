"""Convolution and pooling as PyTorch 2.13 computes, records and refuses them: values and gradients, graphs,
the layers (their initial weights after ``manual_seed``, their reprs) and the errors of common mistakes.

Every expected answer was recorded once from real PyTorch (CPU) running the same code on the same
inputs, and is written here as a literal. The inputs are multiples of 1/4 (and the gradient weights
too), so sums are exact in float32 whatever their order; values are still compared with a tolerance.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import engine as torch
from engine import nn
from engine.nn import functional as F
from engine.nn.conv import PADDING_MODES
from tests.engine.test_tutorials import run_as_torch

RTOL, ATOL = 1e-5, 1e-6


def pattern(shape: tuple, step: int = 7, modulus: int = 11) -> np.ndarray:
    """Fixed float32 values, multiples of 1/4 around 0: ((i·step) mod modulus - modulus // 2) / 4.

    With a prime ``modulus`` above the element count, every value differs (one largest per window)."""
    count = math.prod(shape)
    return ((np.arange(count) * step % modulus - modulus // 2) / 4).reshape(shape).astype(np.float32)


def weights_for(shape: tuple) -> np.ndarray:
    """What the output is multiplied by before summing and back-propagating: 1.5 to 2.5 in quarters."""
    return pattern(shape, 3, 5) + 2


# the inputs, by name (as the code of the cases below calls them)
INPUTS = {
    "x": pattern((1, 4, 5, 4)),
    "w": pattern((4, 2, 3, 2), 5, 9),
    "b": pattern((4,), 3, 7),
    "image": pattern((2, 5, 5), 3, 13),
    "kernel": pattern((3, 2, 2, 3), 5, 7),
    "grouped": pattern((3, 2, 3, 3), 4, 9),
    "bias": pattern((3,), 1, 5),
    "distinct": pattern((1, 2, 5, 6), 7, 61),
    "ones": np.ones((1, 1, 4, 4), np.float32),
    "nans": np.array(
        [[[[1, np.nan, 2, np.nan], [3, 4, 5, 6], [np.nan, 1, 2, 7], [np.nan, 4, 5, 6]]]], np.float32
    ),
    "planes": pattern((1, 2, 5, 7), 3, 11),
    "lows": np.where(np.arange(24).reshape(1, 2, 3, 4) == 6, 1, -np.inf).astype(np.float32),
}

# the code run on the inputs above (as leaves that require grad): its result, then the gradient of
# (result · weights_for(result.shape)).sum() with respect to each input the code names
VALUE_CODE = {
    "conv2d with stride, padding, dilation and groups": (
        "F.conv2d(x, w, b, stride=(2, 1), padding=(1, 1), dilation=(2, 1), groups=2)"
    ),
    "conv2d of an unbatched image, strided and padded": "F.conv2d(image, grouped, bias, stride=2, padding=1)",
    "conv2d with padding='same', an even kernel and dilation": (
        "F.conv2d(image, kernel, bias, padding='same', dilation=(1, 2))"
    ),
    "max_pool2d with padding, dilation, ceil_mode and indices": (
        "F.max_pool2d(distinct, (3, 2), stride=(2, 1), padding=1, dilation=(1, 2), ceil_mode=True, "
        "return_indices=True)"
    ),
    "max_pool2d ties go to the first largest": "F.max_pool2d(ones, 3, 1, 1, return_indices=True)",
    "max_pool2d picks the last NaN": "F.max_pool2d(nans, 2, return_indices=True)",
    "max_pool2d of -inf picks the first element inside the input": (
        "F.max_pool2d(lows, 3, stride=2, padding=1, dilation=(2, 1), ceil_mode=True, return_indices=True)"
    ),
    "avg_pool2d counting the padding": "F.avg_pool2d(distinct, 3, stride=2, padding=1, ceil_mode=True)",
    "avg_pool2d without the padding": (
        "F.avg_pool2d(distinct, 3, stride=2, padding=1, ceil_mode=True, count_include_pad=False)"
    ),
    "avg_pool2d with a divisor_override": "F.avg_pool2d(image, (2, 3), stride=(1, 2), divisor_override=3)",
    "adaptive_avg_pool2d to sizes that do not divide": "F.adaptive_avg_pool2d(planes, (3, 4))",
    "adaptive_avg_pool2d keeping the height": "F.adaptive_avg_pool2d(planes, (None, 2))",
    "conv2d, relu and avg_pool2d": "F.avg_pool2d(F.relu(F.conv2d(image, grouped, bias)), 2)",
}

# the graph behind each result: its grad_fn's name and, three levels down, the nodes of its inputs
GRAPH_CODE = (
    "F.conv2d(x, w, b, groups=2)",
    "F.conv2d(x, w, groups=2)",
    "F.conv2d(x.detach(), w, b, groups=2)",
    "F.conv2d(x, w.detach(), b.detach(), groups=2)",
    "F.conv2d(image, kernel, bias)",
    "F.conv2d(image, kernel, bias, padding='same')",
    "F.conv2d(x, w, b, padding='valid', groups=2)",
    "torch.conv2d(x, w, b, 1, 1, 1, 2)",
    "F.max_pool2d(distinct, 2)",
    "F.max_pool2d(image, 2, return_indices=True)[0]",
    "torch.max_pool2d(image, 2)",
    "F.avg_pool2d(distinct, 2)",
    "F.adaptive_avg_pool2d(planes, 2)",
    "F.adaptive_avg_pool2d(planes, 1)",
    "F.adaptive_avg_pool2d(image, (1, 1))",
)

# common mistakes (run with the inputs above as leaves that require grad)
ERROR_CODE = (
    # the wrong number of input channels for the weight, an input smaller than the kernel, 2-d input
    "F.conv2d(torch.ones(1, 1, 32, 32), torch.ones(6, 3, 5, 5))",
    "nn.Conv2d(1, 6, 5)(torch.ones(1, 3, 32, 32))",
    "F.conv2d(torch.ones(1, 3, 4, 4), torch.ones(6, 3, 5, 5))",
    "nn.Conv2d(1, 6, 5)(torch.ones(1, 1, 3, 3))",
    "F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3), dilation=4)",
    "nn.Conv2d(1, 6, 5)(torch.ones(32, 32))",
    "F.conv2d(torch.ones(1, 1, 3, 32, 32), torch.ones(6, 3, 5, 5))",
    # padding by name
    "F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3), stride=2, padding='same')",
    "F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3), padding='full')",
    "F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3), padding='same', stride=(1, 1, 1))",
    "F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3), padding='same', dilation=0)",
    "F.conv2d(torch.ones(1, 2, 8, 8), torch.ones(6, 3, 2, 2), padding='same')",
    "nn.Conv2d(4, 6, 5, padding='same', stride=2)",
    # dtypes: a float64 input to a float32 layer, and the other mixes
    "nn.Conv2d(1, 6, 5)(torch.ones(1, 1, 32, 32, dtype=torch.float64))",
    "F.conv2d(torch.ones(1, 3, 8, 8, dtype=torch.float64), torch.ones(6, 3, 3, 3))",
    "F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3, dtype=torch.float64))",
    "F.conv2d(torch.ones(1, 3, 32, 32), torch.ones(6, 3, 5, 5, dtype=torch.float64))",
    "F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3), torch.ones(6, dtype=torch.float64))",
    "F.conv2d(torch.ones(1, 3, 8, 8).bool(), torch.ones(6, 3, 3, 3).bool())",
    "F.conv2d(torch.ones(1, 3, 8, 8).int(), torch.ones(6, 3, 3, 3).long())",
    # shapes of the weight and the bias, groups, strides, paddings, dilations
    "F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3), torch.ones(5))",
    "F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3), groups=4)",
    "F.conv2d(torch.ones(1, 2, 4, 4), torch.ones(0, 2, 2, 2))",
    "F.conv2d(torch.ones(1, 3, 4, 4), torch.ones(2, 1, 2, 2), groups=3)",
    "F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3), groups=0, stride=0)",
    "F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3), stride=0, padding=-1)",
    "F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3), stride=0)",
    "F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3), dilation=(0, 1))",
    "F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 5, 5), dilation=0)",
    "F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3))",
    "F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3), stride=(1, 2, 3))",
    "F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3), padding=(1, 2, 3))",
    "F.conv2d([1.0], torch.ones(6, 3, 3, 3))",
    "nn.Conv2d(3, 6, 5, groups=0)",
    "nn.Conv2d(3, 6, 5, groups=2)",
    "nn.Conv2d(4, 5, 5, groups=2)",
    "nn.Conv2d(1, 2, 3, padding=5, padding_mode='reflect')(torch.ones(1, 1, 4, 4))",
    # pooling
    "F.max_pool2d(torch.ones(5, 5), 2)",
    "nn.MaxPool2d(2)(torch.ones(1, 1, 3, 5, 5))",
    "F.avg_pool2d(torch.ones(5, 5), 2)",
    "nn.AvgPool2d(2)(torch.ones(1, 1, 3, 5, 5))",
    "F.max_pool2d(torch.ones(1, 3, 5, 5), 6)",
    "F.avg_pool2d(torch.ones(2, 3, 1), 2)",
    "F.max_pool2d(torch.ones(1, 3, 5, 5), 2, padding=2)",
    "F.avg_pool2d(torch.ones(1, 3, 5, 5), (3, 2), padding=(2, 2))",
    "F.max_pool2d(torch.ones(1, 3, 5, 5), 0)",
    "F.max_pool2d(torch.ones(1, 3, 5, 5), 0, 1)",
    "F.avg_pool2d(torch.ones(1, 3, 5, 5), 2, -1)",
    "F.max_pool2d(torch.ones(1, 3, 5, 5), 2, padding=-1)",
    "F.max_pool2d(torch.ones(1, 3, 5, 5), 2, dilation=(0, 1))",
    "F.max_pool2d(torch.ones(1, 3, 5, 5), (2, 2, 2))",
    "F.avg_pool2d(torch.ones(1, 3, 5, 5), 2, (1, 2, 3))",
    "F.max_pool2d(torch.ones(1, 3, 5, 5), 2, 1, (1, 1, 1))",
    "F.max_pool2d(torch.ones(1, 3, 5, 5), 2, 1, 0, (1, 1, 1))",
    "F.max_pool2d(torch.ones(1, 3, 5, 5), 2.0)",
    "F.avg_pool2d(torch.ones(1, 3, 5, 5), 2, 1.5)",
    "F.max_pool2d(torch.ones(1, 0, 4, 4), 2)",
    "F.avg_pool2d(torch.ones(1, 3, 4, 4), 2, divisor_override=0)",
    "F.avg_pool2d(torch.ones(1, 3, 4, 4), 2, divisor_override=2.5)",
    "F.avg_pool2d(torch.ones(1, 3, 4, 4).int(), 2)",
    "F.max_pool2d(torch.ones(1, 3, 4, 4).bool(), 2)",
    "F.adaptive_avg_pool2d(torch.ones(5, 5), 2)",
    "F.adaptive_avg_pool2d(torch.ones(1, 3, 5, 5), (2, 2, 2))",
    "F.adaptive_avg_pool2d(torch.ones(1, 3, 5, 5), -1)",
    "F.adaptive_avg_pool2d(torch.ones(1, 1, 0, 5), 2)",
    "F.adaptive_avg_pool2d(torch.ones(1, 1, 4, 4).long(), 2)",
    # backward twice, and an input changed in place after the forward
    "y = F.conv2d(x, w, b, groups=2).sum(); y.backward(); y.backward()",
    "y = F.max_pool2d(distinct, 2).sum(); y.backward(); y.backward()",
    "y = F.avg_pool2d(distinct, 2).sum(); y.backward(); y.backward()",
    "z = x * 1; y = F.conv2d(z, w, groups=2); z.add_(1); y.sum().backward()",
    "z = x * 1; y = F.max_pool2d(z, 2); z.add_(1); y.sum().backward()",
)

# code that prints: the layers' initial weights after manual_seed (every digit, with tolist), reprs,
# classes, attributes, and the padding modes of Conv2d
PRINTED_CODE = {
    "initial weights after manual_seed are pytorchs": r"""
import torch
import torch.nn as nn
torch.manual_seed(0)
conv = nn.Conv2d(2, 3, (2, 3))
grouped = nn.Conv2d(4, 2, 2, groups=2, bias=False)
print(conv.weight.tolist())
print(conv.bias.tolist())
print(grouped.weight.tolist(), grouped.bias)
print(torch.rand(2).tolist())
""",
    "layers print as pytorchs": r"""
import torch.nn as nn
print(nn.Conv2d(1, 6, 5))
print(nn.Conv2d(3, 6, (3, 5), stride=2, padding=1, dilation=2, groups=3, bias=False, padding_mode='reflect'))
print(nn.Conv2d(3, 6, 3, padding='same'), nn.Conv2d(3, 6, 3, padding='valid'))
print(nn.Conv2d(3, 6, [3, 3], stride=[2, 1], padding=[0, 1]))
print(nn.MaxPool2d(2), nn.MaxPool2d((2, 3), 1, padding=1, dilation=2, ceil_mode=True, return_indices=True))
print(nn.AvgPool2d(3, 2, 1), nn.AvgPool2d((2, 3)))
print(nn.AdaptiveAvgPool2d((5, 7)), nn.AdaptiveAvgPool2d(5), nn.AdaptiveAvgPool2d((None, 7)))
print(nn.Sequential(nn.Conv2d(1, 2, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten()))
""",
    "layers are pytorchs classes with pytorchs attributes": r"""
import torch
import torch.nn as nn
for layer in (nn.Conv2d(1, 1, 1), nn.MaxPool2d(2), nn.AvgPool2d(2), nn.AdaptiveAvgPool2d(2)):
    print(type(layer))
conv = nn.Conv2d(2, 4, 3, stride=(2, 1))
print(conv.in_channels, conv.out_channels, conv.kernel_size, conv.stride, conv.padding, conv.dilation)
print(conv.groups, conv.padding_mode, conv.transposed, conv.output_padding)
print([name for name, _ in conv.named_parameters()], conv.weight.shape)
print(list(nn.Conv2d(1, 2, 3, bias=False).state_dict()), nn.Conv2d(1, 2, 3, bias=False).bias)
pool = nn.MaxPool2d(2)
print(pool.kernel_size, pool.stride, pool.padding, pool.dilation, pool.return_indices, pool.ceil_mode)
pool = nn.AvgPool2d(2, padding=1)
print(pool.kernel_size, pool.stride, pool.padding, pool.ceil_mode)
print(pool.count_include_pad, pool.divisor_override)
values, indices = nn.MaxPool2d(2, return_indices=True)(torch.arange(16.).view(1, 4, 4))
print(values, indices)
""",
    "reflect and replicate padding modes pad before the convolution": r"""
import torch
import torch.nn as nn
torch.manual_seed(0)
for mode in ('reflect', 'replicate'):
    conv = nn.Conv2d(2, 2, 3, padding=(1, 2), padding_mode=mode)
    x = torch.arange(18.).view(1, 2, 3, 3).requires_grad_()
    y = conv(x)
    print(y)
    print(y.grad_fn.next_functions[0][0])
    (y * torch.linspace(-1, 1, y.numel()).view(y.shape)).sum().backward()
    print(x.grad)
conv = nn.Conv2d(2, 1, (2, 3), padding='same', padding_mode='reflect')
y = conv(torch.arange(18.).view(2, 3, 3))
print(y, y.grad_fn.next_functions[0][0].next_functions[0][0])
""",
}

NAN = math.nan

# fmt: off
VALUES = {  # per case: the result's shape and values (flattened), indices, each input's gradient
    'conv2d with stride, padding, dilation and groups': {
        'shape': (1, 4, 2, 5),
        'out': [
            0.4375, -2.3125, 0.5625, -0.6875, -1.0, -0.6875, 0.8125, 0.6875, -2.875, -0.75, -0.5, 1.0625,
            -1.125, 0.8125, 1.0625, -0.5, 1.375, -1.5625, 0.3125, 1.3125, 2.5625, 1.0625, 1.75, -1.6875,
            1.5625, -0.125, 2.0625, 1.125, 1.5625, 1.25, -3.125, 2.5, 0.5625, -1.375, -0.375, -1.3125,
            1.8125, -1.75, 0.1875, -0.6875
        ],
        'x': [
            0.0, 0.0, 0.0, 0.0, -1.125, -0.875, -1.25, -1.0, 0.0, 0.0, 0.0, 0.0, 2.625, 3.125, 3.0, 3.5,
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -3.375, -1.8125, -3.6875, -2.125, 0.0, 0.0, 0.0, 0.0,
            -3.0, -2.875, -3.375, -3.25, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -3.375, -1.8125, -3.6875,
            -2.125, 0.0, 0.0, 0.0, 0.0, -3.0, -2.875, -3.375, -3.25, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
            0.0, 1.125, 0.0625, 1.1875, 0.125, 0.0, 0.0, 0.0, 0.0, 1.5, -1.0, 1.5, -1.0, 0.0, 0.0, 0.0,
            0.0
        ],
        'w': [
            1.75, 0.4375, 5.625, 2.875, 3.875, 2.4375, 0.1875, 0.625, -2.3125, -2.9375, -2.5, -3.5625,
            1.75, 0.4375, 5.625, 2.875, 3.875, 2.4375, 0.1875, 0.625, -2.3125, -2.9375, -2.5, -3.5625,
            -0.6875, 1.5, -4.75, -1.875, -4.0625, -3.375, -0.875, -0.375, 0.375, 1.25, 1.25, 1.625,
            -0.6875, 1.5, -4.75, -1.875, -4.0625, -3.375, -0.875, -0.375, 0.375, 1.25, 1.25, 1.625
        ],
        'b': [20.0, 20.0, 20.0, 20.0],
    },
    'conv2d of an unbatched image, strided and padded': {
        'shape': (3, 3, 3),
        'out': [
            -0.4375, -1.25, 1.875, -2.1875, 2.5625, -2.625, -0.4375, -0.3125, -0.75, -0.1875, -1.0, 2.125,
            -1.9375, 2.8125, -2.375, -0.1875, -0.0625, -0.5, 0.0625, -0.75, 2.375, -1.6875, 3.0625, -2.125,
            0.0625, 0.1875, -0.25
        ],
        'image': [
            4.5, -4.4375, 4.3125, -4.25, 4.125, -4.5, 4.625, -4.3125, 4.4375, -4.125, 4.875, -4.8125,
            4.6875, -4.625, 4.5, -4.875, 5.0, -4.6875, 3.5625, -4.5, 4.3125, -4.25, 4.125, -4.375, 4.875,
            4.5, -4.4375, 4.3125, -4.25, 4.125, -4.5, 4.625, -4.3125, 4.4375, -4.125, 4.875, -4.8125,
            4.6875, -4.625, 4.5, -4.875, 5.0, -4.6875, 3.5625, -4.5, 4.3125, -4.25, 4.125, -4.375, 4.875
        ],
        'grouped': [
            0.1875, -1.375, 1.8125, -1.1875, -0.4375, 0.125, 1.625, 0.0625, 2.3125, 2.5, 2.25, 1.125,
            -5.125, -3.375, -2.5625, 0.875, 2.0, 2.625, 1.8125, -0.0625, 1.5625, 0.125, -1.125, -2.9375,
            2.3125, -0.8125, 0.1875, 1.125, 3.3125, 2.875, -2.5625, -0.4375, -3.4375, 2.625, 4.0, 2.5,
            1.5625, -2.8125, 1.625, -2.9375, -3.0625, -0.6875, 0.1875, -1.375, 1.8125, 2.875, 3.4375,
            0.875, -3.4375, -3.75, -4.0, 2.5, 2.25, 1.125
        ],
        'bias': [18.0, 17.5, 18.25],
    },
    "conv2d with padding='same', an even kernel and dilation": {
        'shape': (3, 5, 5),
        'out': [
            -3.9375, 1.25, 2.9375, 1.625, -1.9375, -1.5625, 1.1875, 0.5, -1.5625, -2.6875, 1.625, 1.9375,
            -0.3125, -3.9375, -1.0, 1.5625, 0.25, -2.75, -3.0625, -0.125, 0.5625, -0.875, -2.625, -0.875,
            0.625, 1.0625, -2.125, -2.5, -0.875, 0.0625, -1.0625, -1.0, 2.25, -0.25, -0.125, -2.375,
            0.9375, 0.5, 1.1875, -0.3125, -1.25, 0.4375, 0.375, 0.1875, -1.3125, 0.1875, 0.25, 0.25, 0.25,
            0.1875, -1.375, 1.0625, 0.8125, -0.3125, 1.1875, -0.5625, -0.5625, 1.375, 1.5, -1.0625, 1.0625,
            -1.375, -1.3125, -1.5625, -0.0625, -0.5625, 1.0625, 0.875, -1.375, 0.125, 1.125, -0.375,
            -2.125, -0.375, 1.0625
        ],
        'image': [
            -0.25, -0.25, -1.0, 1.375, 1.125, -0.6875, -0.875, -1.125, 1.9375, 1.5625, -0.6875, -0.875,
            -1.125, 1.9375, 1.5625, -0.6875, -0.875, -1.125, 1.9375, 1.5625, -0.6875, -0.875, -1.125,
            1.9375, 1.5625, -0.625, -1.0, 0.75, -0.25, -0.25, -1.875, -2.8125, -0.6875, -0.875, -0.75,
            -1.875, -2.8125, -0.6875, -0.875, -0.75, -1.875, -2.8125, -0.6875, -0.875, -0.75, -1.875,
            -2.8125, -0.6875, -0.875, -0.75
        ],
        'kernel': [
            2.25, -1.375, -0.5, 6.75, -2.3125, -4.8125, -3.3125, -0.6875, 4.0625, 0.1875, 1.0, 3.875, 2.25,
            -1.375, -0.5, 6.75, -2.3125, -4.8125, -3.3125, -0.6875, 4.0625, 0.1875, 1.0, 3.875, 2.25,
            -1.375, -0.5, 6.75, -2.3125, -4.8125, -3.3125, -0.6875, 4.0625, 0.1875, 1.0, 3.875
        ],
        'bias': [50.0, 50.0, 50.0],
    },
    'max_pool2d with padding, dilation, ceil_mode and indices': {
        'shape': (1, 2, 3, 6),
        'out': [
            4.75, 6.5, 4.75, 6.5, 1.25, -0.5, 4.75, 6.5, 4.75, 6.5, 7.0, 5.25, 5.75, 7.5, 5.75, 7.5, 2.25,
            0.5, 1.0, 2.75, 4.5, 6.25, 4.5, 6.25, 6.75, 5.0, 6.75, 7.25, 5.5, 7.25, 2.0, 3.75, 5.5, 7.25,
            5.5, 7.25
        ],
        'indices': [
            7, 8, 7, 8, 5, 4, 7, 8, 7, 8, 17, 16, 25, 26, 25, 26, 23, 22, 1, 2, 3, 4, 3, 4, 13, 12, 13, 22,
            21, 22, 19, 20, 21, 22, 21, 22
        ],
        'distinct': [
            0.0, 0.0, 0.0, 0.0, 1.5, 2.0, 0.0, 8.0, 8.5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.25, 1.5, 0.0,
            0.0, 0.0, 0.0, 1.75, 2.25, 0.0, 3.75, 4.0, 0.0, 0.0, 0.0, 0.0, 2.5, 2.0, 3.25, 4.75, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0, 1.5, 4.25, 0.0, 0.0, 0.0, 0.0, 0.0, 1.5, 2.25, 6.25, 7.75, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.0
        ],
    },
    'max_pool2d ties go to the first largest': {
        'shape': (1, 1, 4, 4),
        'out': [
            1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0
        ],
        'indices': [0, 0, 1, 2, 0, 0, 1, 2, 4, 4, 5, 6, 8, 8, 9, 10],
        'ones': [
            7.25, 4.0, 4.25, 0.0, 4.5, 1.5, 2.25, 0.0, 4.25, 2.0, 1.5, 0.0, 0.0, 0.0, 0.0, 0.0
        ],
    },
    'max_pool2d picks the last NaN': {
        'shape': (1, 1, 2, 2),
        'out': [NAN, NAN, NAN, 7.0],
        'indices': [1, 3, 12, 11],
        'nans': [
            0.0, 1.5, 0.0, 2.25, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.5, 1.75, 0.0, 0.0, 0.0
        ],
    },
    'max_pool2d of -inf picks the first element inside the input': {
        'shape': (1, 2, 1, 3),
        'out': [-math.inf, 1.0, -math.inf, -math.inf, -math.inf, -math.inf],
        'indices': [4, 6, 7, 4, 5, 7],
        'lows': [
            0.0, 0.0, 0.0, 0.0, 1.5, 0.0, 2.25, 1.75, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.5, 2.0,
            0.0, 1.5, 0.0, 0.0, 0.0, 0.0
        ],
    },
    'avg_pool2d counting the padding': {
        'shape': (1, 2, 3, 4),
        'out': [
            -0.611111104, -0.861111104, -1.91666663, -0.375, -0.583333313, 0.055555556, 0.166666672,
            0.958333313, -0.166666672, -0.194444448, -1.25, -0.0416666679, -1.0, 0.25, 0.888888896,
            -0.666666687, 0.527777791, 0.027777778, 0.138888896, -0.75, -0.555555582, 0.916666687,
            1.55555558, -0.333333343
        ],
        'distinct': [
            0.166666672, 0.416666687, 0.25, 0.444444448, 0.194444448, 0.611111104, 0.388888896,
            0.805555582, 0.416666687, 0.861111104, 0.444444448, 1.15277779, 0.222222224, 0.388888896,
            0.166666672, 0.416666687, 0.25, 0.541666627, 0.5, 0.888888896, 0.388888896, 0.805555582,
            0.416666687, 1.08333325, 0.277777791, 0.5, 0.222222224, 0.388888896, 0.166666672, 0.541666687,
            0.194444448, 0.472222239, 0.277777791, 0.5, 0.222222224, 0.472222209, 0.444444448, 0.916666627,
            0.472222239, 0.972222209, 0.5, 1.08333337, 0.25, 0.444444448, 0.194444448, 0.472222239,
            0.277777791, 0.611111164, 0.416666687, 0.861111104, 0.444444448, 0.916666627, 0.472222239,
            1.22222221, 0.166666672, 0.416666687, 0.25, 0.444444448, 0.194444448, 0.611111104
        ],
    },
    'avg_pool2d without the padding': {
        'shape': (1, 2, 3, 4),
        'out': [
            -1.375, -1.29166663, -2.875, -1.125, -0.875, 0.055555556, 0.166666672, 1.91666663, -0.375,
            -0.291666657, -1.875, -0.125, -2.25, 0.375, 1.33333337, -2.0, 0.791666687, 0.027777778,
            0.138888896, -1.5, -1.25, 1.375, 2.33333325, -1.0
        ],
        'distinct': [
            0.375, 0.75, 0.375, 0.666666627, 0.291666657, 1.54166663, 0.708333373, 1.25, 0.541666687,
            1.08333325, 0.541666627, 2.375, 0.333333343, 0.5, 0.166666672, 0.416666687, 0.25, 0.833333313,
            0.958333373, 1.45833337, 0.5, 1.0, 0.5, 2.20833325, 0.625, 0.958333373, 0.333333343,
            0.583333373, 0.25, 1.375, 0.4375, 0.854166627, 0.416666657, 0.75, 0.333333343, 1.08333337,
            0.8125, 1.42361104, 0.611111104, 1.22222221, 0.611111164, 2.02777791, 0.375, 0.569444418,
            0.194444448, 0.472222239, 0.277777791, 0.944444478, 0.75, 1.31944442, 0.569444418, 1.13888884,
            0.569444418, 2.48611116, 0.375, 0.75, 0.375, 0.666666627, 0.291666657, 1.54166663
        ],
    },
    'avg_pool2d with a divisor_override': {
        'shape': (2, 4, 2),
        'out': [
            -1.0, 0.916666687, 0.0, -0.25, 1.0, -0.333333343, 0.916666687, -0.416666657, -0.333333343, 0.5,
            -0.416666657, 0.416666657, -0.5, 0.333333343, 0.5, 0.25
        ],
        'image': [
            0.5, 0.5, 1.25, 0.75, 0.75, 1.08333325, 1.08333325, 2.66666651, 1.58333325, 1.58333325, 1.25,
            1.25, 2.58333325, 1.33333325, 1.33333325, 1.41666675, 1.41666675, 2.5, 1.08333325, 1.08333325,
            0.75, 0.75, 1.33333325, 0.583333313, 0.583333313, 0.833333313, 0.833333313, 1.5, 0.666666687,
            0.666666687, 1.33333325, 1.33333325, 2.75, 1.41666675, 1.41666675, 1.08333325, 1.08333325,
            2.66666651, 1.58333325, 1.58333325, 1.25, 1.25, 2.58333325, 1.33333325, 1.33333325,
            0.666666687, 0.666666687, 1.16666675, 0.5, 0.5
        ],
    },
    'adaptive_avg_pool2d to sizes that do not divide': {
        'shape': (1, 2, 3, 4),
        'out': [
            -0.3125, 0.125, -0.208333328, 0.0, 0.0, -0.25, 0.027777778, -0.375, 0.3125, -0.166666672,
            -0.0416666679, -0.75, 0.5, -0.208333328, 0.375, 0.125, 0.125, 0.027777778, 0.0, 0.208333328,
            -0.25, -0.0416666679, -0.375, 0.75
        ],
        'planes': [
            0.375, 0.75, 0.375, 0.666666627, 0.291666657, 0.916666627, 0.625, 0.708333373, 1.25,
            0.541666687, 1.08333325, 0.541666627, 1.45833325, 0.916666627, 0.333333343, 0.5, 0.166666672,
            0.416666687, 0.25, 0.541666627, 0.291666657, 0.958333373, 1.45833337, 0.5, 1.0, 0.5,
            1.35416663, 0.854166627, 0.625, 0.958333373, 0.333333343, 0.583333373, 0.25, 0.8125, 0.5625,
            0.4375, 0.854166627, 0.416666657, 0.75, 0.333333343, 0.708333373, 0.375, 0.8125, 1.42361104,
            0.611111104, 1.22222221, 0.611111104, 1.31944454, 0.708333373, 0.375, 0.569444418, 0.194444433,
            0.472222209, 0.277777761, 0.611111104, 0.333333343, 0.75, 1.31944442, 0.569444418, 1.13888884,
            0.569444418, 1.52777779, 0.958333373, 0.375, 0.75, 0.375, 0.666666627, 0.291666657,
            0.916666627, 0.625
        ],
    },
    'adaptive_avg_pool2d keeping the height': {
        'shape': (1, 2, 5, 2),
        'out': [
            -0.125, 0.0625, 0.3125, -0.1875, 0.0625, 0.25, -0.1875, 0.0, 0.25, -0.25, 0.0, 0.1875, -0.25,
            -0.0625, 0.1875, -0.3125, -0.0625, 0.125, -0.3125, -0.125
        ],
        'planes': [
            0.375, 0.375, 0.375, 0.9375, 0.5625, 0.5625, 0.5625, 0.4375, 0.4375, 0.4375, 1.0625, 0.625,
            0.625, 0.625, 0.5, 0.5, 0.5, 0.875, 0.375, 0.375, 0.375, 0.5625, 0.5625, 0.5625, 1.0, 0.4375,
            0.4375, 0.4375, 0.625, 0.625, 0.625, 1.125, 0.5, 0.5, 0.5, 0.375, 0.375, 0.375, 0.9375, 0.5625,
            0.5625, 0.5625, 0.4375, 0.4375, 0.4375, 1.0625, 0.625, 0.625, 0.625, 0.5, 0.5, 0.5, 0.875,
            0.375, 0.375, 0.375, 0.5625, 0.5625, 0.5625, 1.0, 0.4375, 0.4375, 0.4375, 0.625, 0.625, 0.625,
            1.125, 0.5, 0.5, 0.5
        ],
    },
    'conv2d, relu and avg_pool2d': {
        'shape': (3, 1, 1),
        'out': [0.875, 1.0, 1.125],
        'image': [
            0.0, -1.375, 0.0, 1.375, 0.0, 0.0, -1.71875, 1.03125, 0.6875, 0.0, 0.0, 0.34375, 0.0, -0.34375,
            0.0, 0.0, 0.6875, -1.03125, 0.34375, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -1.375, 0.0, 1.375,
            0.0, 0.0, -1.71875, 1.03125, 0.6875, 0.0, 0.0, 0.34375, 0.0, -0.34375, 0.0, 0.0, 0.6875,
            -1.03125, 0.34375, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0
        ],
        'grouped': [
            -0.375, 0.1875, 0.75, 0.0, 0.5625, -0.09375, 0.375, 0.9375, -0.9375, -0.9375, -0.375, 0.1875,
            -0.5625, 0.0, 0.5625, -0.1875, 0.375, 0.9375, -0.5625, 0.28125, 1.125, 0.0, 0.84375, -0.140625,
            0.5625, 1.40625, -1.40625, -1.40625, -0.5625, 0.28125, -0.84375, 0.0, 0.84375, -0.28125,
            0.5625, 1.40625, -0.4375, 0.21875, 0.875, 0.0, 0.65625, -0.109375, 0.4375, 1.09375, -1.09375,
            -1.09375, -0.4375, 0.21875, -0.65625, 0.0, 0.65625, -0.21875, 0.4375, 1.09375
        ],
        'bias': [0.75, 1.125, 0.875],
    },
}

GRAPHS = {
    'F.conv2d(x, w, b, groups=2)': ('ConvolutionBackward0', ('AccumulateGrad', 'AccumulateGrad', 'AccumulateGrad')),  # noqa: E501
    'F.conv2d(x, w, groups=2)': ('ConvolutionBackward0', ('AccumulateGrad', 'AccumulateGrad', None)),
    'F.conv2d(x.detach(), w, b, groups=2)': ('ConvolutionBackward0', (None, 'AccumulateGrad', 'AccumulateGrad')),  # noqa: E501
    'F.conv2d(x, w.detach(), b.detach(), groups=2)': ('ConvolutionBackward0', ('AccumulateGrad', None, None)),
    'F.conv2d(image, kernel, bias)': ('SqueezeBackward1', (('ConvolutionBackward0', (('UnsqueezeBackward0', ('AccumulateGrad',)), 'AccumulateGrad', 'AccumulateGrad')),)),  # noqa: E501
    "F.conv2d(image, kernel, bias, padding='same')": ('SqueezeBackward1', (('ConvolutionBackward0', (('ConstantPadNdBackward0', ('UnsqueezeBackward0',)), 'AccumulateGrad', 'AccumulateGrad')),)),  # noqa: E501
    "F.conv2d(x, w, b, padding='valid', groups=2)": ('ConvolutionBackward0', ('AccumulateGrad', 'AccumulateGrad', 'AccumulateGrad')),  # noqa: E501
    'torch.conv2d(x, w, b, 1, 1, 1, 2)': ('ConvolutionBackward0', ('AccumulateGrad', 'AccumulateGrad', 'AccumulateGrad')),  # noqa: E501
    'F.max_pool2d(distinct, 2)': ('MaxPool2DWithIndicesBackward0', ('AccumulateGrad',)),
    'F.max_pool2d(image, 2, return_indices=True)[0]': ('MaxPool2DWithIndicesBackward0', ('AccumulateGrad',)),
    'torch.max_pool2d(image, 2)': ('MaxPool2DWithIndicesBackward0', ('AccumulateGrad',)),
    'F.avg_pool2d(distinct, 2)': ('AvgPool2DBackward0', ('AccumulateGrad',)),
    'F.adaptive_avg_pool2d(planes, 2)': ('AdaptiveAvgPool2DBackward0', ('AccumulateGrad',)),
    'F.adaptive_avg_pool2d(planes, 1)': ('MeanBackward1', ('AccumulateGrad',)),
    'F.adaptive_avg_pool2d(image, (1, 1))': ('MeanBackward1', ('AccumulateGrad',)),
}

ERRORS = {
    'F.conv2d(torch.ones(1, 1, 32, 32), torch.ones(6, 3, 5, 5))': (
        'RuntimeError', 'Given groups=1, weight of size [6, 3, 5, 5], expected input[1, 1, 32, 32] to have 3 channels, but got 1 channels instead'  # noqa: E501
    ),
    'nn.Conv2d(1, 6, 5)(torch.ones(1, 3, 32, 32))': (
        'RuntimeError', 'Given groups=1, weight of size [6, 1, 5, 5], expected input[1, 3, 32, 32] to have 1 channels, but got 3 channels instead'  # noqa: E501
    ),
    'F.conv2d(torch.ones(1, 3, 4, 4), torch.ones(6, 3, 5, 5))': (
        'RuntimeError', "Calculated padded input size per channel: (4 x 4). Kernel size: (5 x 5). Kernel size can't be greater than actual input size"  # noqa: E501
    ),
    'nn.Conv2d(1, 6, 5)(torch.ones(1, 1, 3, 3))': (
        'RuntimeError', "Calculated padded input size per channel: (3 x 3). Kernel size: (5 x 5). Kernel size can't be greater than actual input size"  # noqa: E501
    ),
    'F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3), dilation=4)': (
        'RuntimeError', "Calculated padded input size per channel: (8 x 8). Kernel size: (9 x 9). Kernel size can't be greater than actual input size"  # noqa: E501
    ),
    'nn.Conv2d(1, 6, 5)(torch.ones(32, 32))': (
        'RuntimeError', 'Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [32, 32]'  # noqa: E501
    ),
    'F.conv2d(torch.ones(1, 1, 3, 32, 32), torch.ones(6, 3, 5, 5))': (
        'RuntimeError', 'Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [1, 1, 3, 32, 32]'  # noqa: E501
    ),
    "F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3), stride=2, padding='same')": (
        'RuntimeError', "padding='same' is not supported for strided convolutions"
    ),
    "F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3), padding='full')": (
        'RuntimeError', "Invalid padding string: 'full'"
    ),
    "F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3), padding='same', stride=(1, 1, 1))": (
        'RuntimeError', 'stride cannot broadcast to 2 dimensions'
    ),
    "F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3), padding='same', dilation=0)": (
        'RuntimeError', 'dilation should be greater than zero, but got [0, 0]'
    ),
    "F.conv2d(torch.ones(1, 2, 8, 8), torch.ones(6, 3, 2, 2), padding='same')": (
        'RuntimeError', 'Given groups=1, weight of size [6, 3, 2, 2], expected input[1, 2, 9, 9] to have 3 channels, but got 2 channels instead'  # noqa: E501
    ),
    "nn.Conv2d(4, 6, 5, padding='same', stride=2)": (
        'ValueError', "padding='same' is not supported for strided convolutions"
    ),
    'nn.Conv2d(1, 6, 5)(torch.ones(1, 1, 32, 32, dtype=torch.float64))': (
        'RuntimeError', 'Input type (double) and bias type (float) should be the same'
    ),
    'F.conv2d(torch.ones(1, 3, 8, 8, dtype=torch.float64), torch.ones(6, 3, 3, 3))': (
        'RuntimeError', 'expected scalar type Double but found Float'
    ),
    'F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3, dtype=torch.float64))': (
        'RuntimeError', 'expected scalar type Float but found Double'
    ),
    'F.conv2d(torch.ones(1, 3, 32, 32), torch.ones(6, 3, 5, 5, dtype=torch.float64))': (
        'RuntimeError', 'Input type (torch.FloatTensor) and weight type (torch.DoubleTensor) should be the same or input should be a MKLDNN tensor and weight is a dense tensor'  # noqa: E501
    ),
    'F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3), torch.ones(6, dtype=torch.float64))': (
        'RuntimeError', 'Input type (float) and bias type (double) should be the same'
    ),
    'F.conv2d(torch.ones(1, 3, 8, 8).bool(), torch.ones(6, 3, 3, 3).bool())': (
        'NotImplementedError', '"slow_conv2d_cpu" not implemented for \'Bool\''
    ),
    'F.conv2d(torch.ones(1, 3, 8, 8).int(), torch.ones(6, 3, 3, 3).long())': (
        'RuntimeError', 'expected scalar type Int but found Long'
    ),
    'F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3), torch.ones(5))': (
        'RuntimeError', 'Given weight of size [6, 3, 3, 3], expected bias to be 1-dimensional with 6 elements, but got bias of size [5] instead'  # noqa: E501
    ),
    'F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3), groups=4)': (
        'RuntimeError', 'Given groups=4, expected weight to be divisible by 4 at dimension 0, but got weight of size [[6, 3, 3, 3]] instead'  # noqa: E501
    ),
    'F.conv2d(torch.ones(1, 2, 4, 4), torch.ones(0, 2, 2, 2))': (
        'RuntimeError', 'Given groups=1, expected weight to be at least 1 at dimension 0, but got weight of size [0, 2, 2, 2] instead'  # noqa: E501
    ),
    'F.conv2d(torch.ones(1, 3, 4, 4), torch.ones(2, 1, 2, 2), groups=3)': (
        'RuntimeError', 'Given groups=3, expected weight to be at least 3 at dimension 0, but got weight of size [2, 1, 2, 2] instead'  # noqa: E501
    ),
    'F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3), groups=0, stride=0)': (
        'RuntimeError', 'non-positive groups is not supported'
    ),
    'F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3), stride=0, padding=-1)': (
        'RuntimeError', 'negative padding is not supported'
    ),
    'F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3), stride=0)': (
        'RuntimeError', 'non-positive stride is not supported'
    ),
    'F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3), dilation=(0, 1))': (
        'RuntimeError', 'dilation should be greater than zero, but got [0, 1]'
    ),
    'F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 5, 5), dilation=0)': (
        'RuntimeError', 'non-positive dilation is not supported'
    ),
    'F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3))': (
        'RuntimeError', 'expected stride to be a single integer value or a list of 1 values to match the convolution dimensions, but got stride=[1, 1]'  # noqa: E501
    ),
    'F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3), stride=(1, 2, 3))': (
        'RuntimeError', 'expected stride to be a single integer value or a list of 2 values to match the convolution dimensions, but got stride=[1, 2, 3]'  # noqa: E501
    ),
    'F.conv2d(torch.ones(1, 3, 8, 8), torch.ones(6, 3, 3, 3), padding=(1, 2, 3))': (
        'RuntimeError', 'expected padding to be a single integer value or a list of 2 values to match the convolution dimensions, but got padding=[1, 2, 3]'  # noqa: E501
    ),
    'F.conv2d([1.0], torch.ones(6, 3, 3, 3))': (
        'TypeError', 'conv2d() received an invalid combination of arguments - got (list, Tensor), but expected one of:\n * (Tensor input, Tensor weight, Tensor bias = None, tuple of ints stride = 1, tuple of ints padding = 0, tuple of ints dilation = 1, int groups = 1)\n * (Tensor input, Tensor weight, Tensor bias = None, tuple of ints stride = 1, str padding = "valid", tuple of ints dilation = 1, int groups = 1)\n'  # noqa: E501
    ),
    'nn.Conv2d(3, 6, 5, groups=0)': (
        'ValueError', 'groups must be a positive integer'
    ),
    'nn.Conv2d(3, 6, 5, groups=2)': (
        'ValueError', 'in_channels must be divisible by groups'
    ),
    'nn.Conv2d(4, 5, 5, groups=2)': (
        'ValueError', 'out_channels must be divisible by groups'
    ),
    "nn.Conv2d(1, 2, 3, padding=5, padding_mode='reflect')(torch.ones(1, 1, 4, 4))": (
        'RuntimeError', 'Argument #4: Padding size should be less than the corresponding input dimension, but got: padding (5, 5) at dimension 3 of input [1, 1, 4, 4]'  # noqa: E501
    ),
    'F.max_pool2d(torch.ones(5, 5), 2)': (
        'RuntimeError', 'non-empty 3D or 4D (batch mode) tensor expected for input'
    ),
    'nn.MaxPool2d(2)(torch.ones(1, 1, 3, 5, 5))': (
        'RuntimeError', 'non-empty 3D or 4D (batch mode) tensor expected for input'
    ),
    'F.avg_pool2d(torch.ones(5, 5), 2)': (
        'IndexError', 'Dimension out of range (expected to be in range of [-2, 1], but got -3)'
    ),
    'nn.AvgPool2d(2)(torch.ones(1, 1, 3, 5, 5))': (
        'RuntimeError', 'Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:[1, 1, 3, 5, 5]'  # noqa: E501
    ),
    'F.max_pool2d(torch.ones(1, 3, 5, 5), 6)': (
        'RuntimeError', 'Given input size: (3x5x5). Calculated output size: (3x0x0). Output size is too small'
    ),
    'F.avg_pool2d(torch.ones(2, 3, 1), 2)': (
        'RuntimeError', 'Given input size: (2x3x1). Calculated output size: (2x1x0). Output size is too small'
    ),
    'F.max_pool2d(torch.ones(1, 3, 5, 5), 2, padding=2)': (
        'RuntimeError', 'pad should be at most half of effective kernel size, but got pad=2, kernel_size=2 and dilation=1'  # noqa: E501
    ),
    'F.avg_pool2d(torch.ones(1, 3, 5, 5), (3, 2), padding=(2, 2))': (
        'RuntimeError', 'pad should be at most half of effective kernel size, but got pad=2, kernel_size=3 and dilation=1'  # noqa: E501
    ),
    'F.max_pool2d(torch.ones(1, 3, 5, 5), 0)': (
        'RuntimeError', 'stride should not be zero'
    ),
    'F.max_pool2d(torch.ones(1, 3, 5, 5), 0, 1)': (
        'RuntimeError', 'kernel size should be greater than zero, but got kH: 0 kW: 0'
    ),
    'F.avg_pool2d(torch.ones(1, 3, 5, 5), 2, -1)': (
        'RuntimeError', 'stride should be greater than zero, but got dH: -1 dW: -1'
    ),
    'F.max_pool2d(torch.ones(1, 3, 5, 5), 2, padding=-1)': (
        'RuntimeError', 'pad must be non-negative, but got pad: -1'
    ),
    'F.max_pool2d(torch.ones(1, 3, 5, 5), 2, dilation=(0, 1))': (
        'RuntimeError', 'dilation should be greater than zero, but got dilationH: 0 dilationW: 1'
    ),
    'F.max_pool2d(torch.ones(1, 3, 5, 5), (2, 2, 2))': (
        'RuntimeError', 'max_pool2d: kernel_size must either be a single int, or a tuple of two ints'
    ),
    'F.avg_pool2d(torch.ones(1, 3, 5, 5), 2, (1, 2, 3))': (
        'RuntimeError', 'avg_pool2d: stride must either be omitted, a single int, or a tuple of two ints'
    ),
    'F.max_pool2d(torch.ones(1, 3, 5, 5), 2, 1, (1, 1, 1))': (
        'RuntimeError', 'max_pool2d: padding must either be a single int, or a tuple of two ints'
    ),
    'F.max_pool2d(torch.ones(1, 3, 5, 5), 2, 1, 0, (1, 1, 1))': (
        'RuntimeError', 'max_pool2d: dilation must be either a single int, or a tuple of two ints'
    ),
    'F.max_pool2d(torch.ones(1, 3, 5, 5), 2.0)': (
        'TypeError', "max_pool2d(): argument 'kernel_size' (position 2) must be tuple of ints, not float"
    ),
    'F.avg_pool2d(torch.ones(1, 3, 5, 5), 2, 1.5)': (
        'TypeError', "avg_pool2d(): argument 'stride' (position 3) must be tuple of ints, not float"
    ),
    'F.max_pool2d(torch.ones(1, 0, 4, 4), 2)': (
        'RuntimeError', 'Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:[1, 0, 4, 4]'  # noqa: E501
    ),
    'F.avg_pool2d(torch.ones(1, 3, 4, 4), 2, divisor_override=0)': (
        'RuntimeError', 'divisor must be not zero'
    ),
    'F.avg_pool2d(torch.ones(1, 3, 4, 4), 2, divisor_override=2.5)': (
        'TypeError', "avg_pool2d(): argument 'divisor_override' must be int, not float"
    ),
    'F.avg_pool2d(torch.ones(1, 3, 4, 4).int(), 2)': (
        'NotImplementedError', '"avg_pool2d" not implemented for \'Int\''
    ),
    'F.max_pool2d(torch.ones(1, 3, 4, 4).bool(), 2)': (
        'NotImplementedError', '"max_pool2d" not implemented for \'Bool\''
    ),
    'F.adaptive_avg_pool2d(torch.ones(5, 5), 2)': (
        'RuntimeError', 'adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got [5, 5]'
    ),
    'F.adaptive_avg_pool2d(torch.ones(1, 3, 5, 5), (2, 2, 2))': (
        'RuntimeError', 'adaptive_avg_pool2d: output_size must be 2'
    ),
    'F.adaptive_avg_pool2d(torch.ones(1, 3, 5, 5), -1)': (
        'RuntimeError', 'adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received {-1, -1}'  # noqa: E501
    ),
    'F.adaptive_avg_pool2d(torch.ones(1, 1, 0, 5), 2)': (
        'RuntimeError', 'adaptive_avg_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes [1, 1, 0, 5] with dimension 2 being empty'  # noqa: E501
    ),
    'F.adaptive_avg_pool2d(torch.ones(1, 1, 4, 4).long(), 2)': (
        'NotImplementedError', '"adaptive_avg_pool2d" not implemented for \'Long\''
    ),
    'y = F.conv2d(x, w, b, groups=2).sum(); y.backward(); y.backward()': (
        'RuntimeError', 'Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.'  # noqa: E501
    ),
    'y = F.max_pool2d(distinct, 2).sum(); y.backward(); y.backward()': (
        'RuntimeError', 'Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.'  # noqa: E501
    ),
    'y = F.avg_pool2d(distinct, 2).sum(); y.backward(); y.backward()': (
        'RuntimeError', 'Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.'  # noqa: E501
    ),
    'z = x * 1; y = F.conv2d(z, w, groups=2); z.add_(1); y.sum().backward()': (
        'RuntimeError', 'one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [1, 4, 5, 4]], which is output 0 of Add, is at version 1; expected version 0 instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False).'  # noqa: E501
    ),
    'z = x * 1; y = F.max_pool2d(z, 2); z.add_(1); y.sum().backward()': (
        'RuntimeError', 'one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [1, 4, 5, 4]], which is output 0 of Add, is at version 1; expected version 0 instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False).'  # noqa: E501
    ),
}

PRINTED = {
    'initial weights after manual_seed are pytorchs': (
        '[[[[-0.0021612588316202164, 0.15485791862010956, -0.2375926673412323], [-0.21244730055332184, -0.1111844852566719, 0.07741036266088486]], [[-0.005719572305679321, 0.22888746857643127, -0.02561819925904274], [0.07638706266880035, -0.08724139630794525, -0.05674353986978531]]], [[[-0.275785356760025, -0.1911843717098236, -0.11899855732917786], [0.010693557560443878, 0.11412344127893448, 0.17321166396141052]], [[-0.19570472836494446, -0.12570728361606598, 0.10485174506902695], [0.23971234261989594, -0.05940939113497734, 0.21601898968219757]]], [[[-0.046529628336429596, 0.030545899644494057, 0.2613884508609772], [-0.2677953541278839, -0.1817319393157959, -0.07308250665664673]], [[-0.11252555251121521, 0.2494155466556549, -0.18711334466934204], [-0.13288664817810059, -0.20168012380599976, -0.27036187052726746]]]]\n'  # noqa: E501
        '[-0.16851136088371277, 0.24814458191394806, 0.12881214916706085]\n'
        '[[[[0.17135761678218842, 0.01859392412006855], [-0.18126098811626434, 0.05981581658124924]], [[-0.33011093735694885, -0.2554657459259033], [-0.18226736783981323, 0.22307024896144867]]], [[[0.20729584991931915, -0.15679916739463806], [-0.01275704987347126, 0.22611884772777557]], [[0.35147911310195923, 0.14031903445720673], [0.04776253551244736, 0.23705270886421204]]]] None\n'  # noqa: E501
        '[0.2055988311767578, 0.593172013759613]\n'
    ),
    'layers print as pytorchs': (
        'Conv2d(1, 6, kernel_size=(5, 5), stride=(1, 1))\n'
        'Conv2d(3, 6, kernel_size=(3, 5), stride=(2, 2), padding=(1, 1), dilation=(2, 2), groups=3, bias=False, padding_mode=reflect)\n'  # noqa: E501
        'Conv2d(3, 6, kernel_size=(3, 3), stride=(1, 1), padding=same) Conv2d(3, 6, kernel_size=(3, 3), stride=(1, 1), padding=valid)\n'  # noqa: E501
        'Conv2d(3, 6, kernel_size=(3, 3), stride=(2, 1), padding=(0, 1))\n'
        'MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False) MaxPool2d(kernel_size=(2, 3), stride=1, padding=1, dilation=2, ceil_mode=True)\n'  # noqa: E501
        'AvgPool2d(kernel_size=3, stride=2, padding=1) AvgPool2d(kernel_size=(2, 3), stride=(2, 3), padding=0)\n'  # noqa: E501
        'AdaptiveAvgPool2d(output_size=(5, 7)) AdaptiveAvgPool2d(output_size=5) AdaptiveAvgPool2d(output_size=(None, 7))\n'  # noqa: E501
        'Sequential(\n'
        '  (0): Conv2d(1, 2, kernel_size=(3, 3), stride=(1, 1))\n'
        '  (1): ReLU()\n'
        '  (2): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)\n'
        '  (3): Flatten(start_dim=1, end_dim=-1)\n'
        ')\n'
    ),
    'layers are pytorchs classes with pytorchs attributes': (
        "<class 'torch.nn.modules.conv.Conv2d'>\n"
        "<class 'torch.nn.modules.pooling.MaxPool2d'>\n"
        "<class 'torch.nn.modules.pooling.AvgPool2d'>\n"
        "<class 'torch.nn.modules.pooling.AdaptiveAvgPool2d'>\n"
        '2 4 (3, 3) (2, 1) (0, 0) (1, 1)\n'
        '1 zeros False (0, 0)\n'
        "['weight', 'bias'] torch.Size([4, 2, 3, 3])\n"
        "['weight'] None\n"
        '2 2 0 1 False False\n'
        '2 2 1 False\n'
        'True None\n'
        'tensor([[[ 5.,  7.],\n'
        '         [13., 15.]]]) tensor([[[ 5,  7],\n'
        '         [13, 15]]])\n'
    ),
    'reflect and replicate padding modes pad before the convolution': (
        'tensor([[[[ -2.4894,  -2.3976,  -2.1290,  -2.2208,  -2.4894],\n'
        '          [ -2.9404,  -2.8486,  -2.5800,  -2.6718,  -2.9404],\n'
        '          [ -6.5663,  -6.4745,  -6.2059,  -6.2977,  -6.5663]],\n'
        '\n'
        '         [[-12.2212, -11.5223, -11.2946, -11.9935, -12.2212],\n'
        '          [-10.4435,  -9.7445,  -9.5169, -10.2158, -10.4435],\n'
        '          [-10.5256,  -9.8267,  -9.5990, -10.2980, -10.5256]]]],\n'
        '       grad_fn=<ConvolutionBackward0>)\n'
        '<ReflectionPad2DBackward0 object at 0x…>\n'
        'tensor([[[[ 0.3020,  0.2984,  0.2671],\n'
        '          [ 0.7679,  0.0185,  0.2165],\n'
        '          [ 0.5912,  0.5577,  0.5202]],\n'
        '\n'
        '         [[ 0.2756,  0.5562,  0.2343],\n'
        '          [-1.3011, -2.0020, -1.3007],\n'
        '          [-0.6348, -0.5993, -0.4369]]]])\n'
        'tensor([[[[4.9229, 4.8102, 5.0179, 5.4731, 5.6079],\n'
        '          [5.1795, 5.0668, 5.2746, 5.7298, 5.8646],\n'
        '          [6.4832, 6.3705, 6.5782, 7.0334, 7.1682]],\n'
        '\n'
        '         [[4.8324, 4.9615, 5.4136, 5.5494, 5.3620],\n'
        '          [6.4317, 6.5608, 7.0130, 7.1487, 6.9613],\n'
        '          [6.4385, 6.5676, 7.0198, 7.1555, 6.9681]]]],\n'
        '       grad_fn=<ConvolutionBackward0>)\n'
        '<ReplicationPad2DBackward0 object at 0x…>\n'
        'tensor([[[[-0.5722, -0.2216, -0.4806],\n'
        '          [ 0.3662,  0.0024, -0.2169],\n'
        '          [ 0.3615,  0.2142,  0.9413]],\n'
        '\n'
        '         [[-1.1980, -0.3559, -0.4012],\n'
        '          [-0.6222, -0.1101,  0.0660],\n'
        '          [ 0.1749,  0.3361,  1.1131]]]])\n'
        'tensor([[[-3.0850, -3.7833, -4.7960],\n'
        '         [-4.8936, -5.5919, -6.6047],\n'
        '         [-4.1737, -4.8720, -5.8848]]], grad_fn=<SqueezeBackward1>) None\n'
    ),
}
# fmt: on


def _namespace() -> dict:
    """``torch``, ``F``, ``nn`` and the inputs as float32 leaves that require grad."""
    leaves = {name: torch.tensor(array, requires_grad=True) for name, array in INPUTS.items()}
    return {"torch": torch, "F": F, "nn": nn, **leaves}


def _close(actual: np.ndarray, expected: list) -> None:
    np.testing.assert_allclose(actual.ravel(), np.array(expected), rtol=RTOL, atol=ATOL, equal_nan=True)


@pytest.mark.filterwarnings("ignore:Using padding='same' with even kernel")
@pytest.mark.parametrize("name", sorted(VALUE_CODE))
def test_values_and_gradients_are_pytorchs(name):
    code, expected = VALUE_CODE[name], VALUES[name]
    namespace = _namespace()
    result = eval(code, namespace)  # the code above, never user input
    if "indices" in expected:
        result, indices = result
        assert (
            indices.dtype == torch.int64
            and indices.tolist() == np.reshape(expected["indices"], indices.shape).tolist()
        )
    assert tuple(result.shape) == expected["shape"] and result.dtype == torch.float32
    _close(result.detach().numpy(), expected["out"])
    (result * torch.tensor(weights_for(tuple(result.shape)))).sum().backward()
    for input_name in set(expected) - {"shape", "out", "indices"}:
        _close(namespace[input_name].grad.numpy(), expected[input_name])


def _described(node, levels: int):
    """A node's class name and, ``levels`` deep, its inputs' (None: no edge), as PyTorch's recorded above."""
    if node is None:
        return None
    name = type(node).__name__
    if levels == 0 or not node.next_functions:
        return name
    return name, tuple(_described(child, levels - 1) for child, _ in node.next_functions)


@pytest.mark.filterwarnings("ignore:Using padding='same' with even kernel")
@pytest.mark.parametrize("code", GRAPH_CODE)
def test_graph_is_pytorchs(code):
    assert _described(eval(code, _namespace()).grad_fn, 3) == GRAPHS[code]


@pytest.mark.filterwarnings("ignore:Using padding='same' with even kernel")
@pytest.mark.parametrize("code", ERROR_CODE)
def test_mistake_is_refused_in_pytorchs_words(code):
    kind, message = ERRORS[code]
    with pytest.raises(Exception) as caught:
        exec(code, _namespace())  # the code above, never user input
    assert (type(caught.value).__name__, str(caught.value)) == (kind, message)


@pytest.mark.parametrize("name", sorted(PRINTED_CODE))
def test_layers_print_what_pytorch_printed(name):
    assert run_as_torch(PRINTED_CODE[name]) == "".join(PRINTED[name])


@pytest.mark.parametrize(
    ("make", "start", "names"),
    [
        (lambda: nn.Conv2d(1, 1, 3, padding_mode="mirror"), "padding_mode must be one of ", PADDING_MODES),
        (
            lambda: nn.Conv2d(1, 1, 3, padding="full"),
            "Invalid padding string 'full', should be one of ",
            ("same", "valid"),
        ),
    ],
)
def test_layer_refuses_an_unknown_choice_naming_the_known_ones(make, start, names):
    """PyTorch prints the choices as a Python set, in an order that changes from run to run."""
    with pytest.raises(ValueError) as caught:
        make()
    message = str(caught.value)
    assert message.startswith(start + "{")
    listed = message[len(start) + 1 : message.index("}")]
    assert sorted(listed.split(", ")) == sorted(repr(name) for name in names)
    assert message[message.index("}") + 1 :] in ("", ", but got padding_mode='mirror'")


def test_circular_padding_wraps_each_border_around_from_the_far_side():
    conv = nn.Conv2d(1, 1, 3, padding=1, padding_mode="circular", bias=False)
    with torch.no_grad():
        conv.weight.zero_()
        conv.weight[0, 0, 0, 0] = 1.0  # each output is the input one up and one left, wrapping round
    image = torch.arange(12.0).view(1, 1, 3, 4)
    expected = [[11.0, 8.0, 9.0, 10.0], [3.0, 0.0, 1.0, 2.0], [7.0, 4.0, 5.0, 6.0]]
    assert conv(image).detach()[0, 0].tolist() == expected


@pytest.mark.parametrize("convolve, kernel", [(F.conv2d, (2, 2)), (F.conv1d, (2,))])
def test_same_padding_with_an_even_kernel_warns_at_the_line_that_convolves(convolve, kernel):
    weight, signal = torch.ones(1, 1, *kernel), torch.ones(1, 1, *[4] * len(kernel))
    with pytest.warns(UserWarning, match="even kernel lengths") as caught:
        convolve(signal, weight, padding="same")  # the line the warning names
    assert len(caught) == 1 and caught[0].filename == __file__
    named = open(__file__).readlines()[caught[0].lineno - 1]
    assert named.strip() == 'convolve(signal, weight, padding="same")  # the line the warning names'
