"""Tests for engine.printing: exact repr strings, each checked once against real PyTorch 2.13."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest

from engine.printing import (
    format_nonscalar,
    format_parameter,
    format_scalar,
    format_tensor,
    get_printoptions,
    printoptions,
    set_printoptions,
)

DEFAULT_OPTIONS = {"precision": 4, "threshold": 1000, "edgeitems": 3, "linewidth": 80, "sci_mode": None}


@pytest.fixture(autouse=True)
def _restore_print_options() -> Iterator[None]:
    """Every test starts and ends with PyTorch's default print options."""
    set_printoptions(profile="default")
    yield
    set_printoptions(profile="default")


# (data, dtype_name, keyword arguments, expected repr) — expected strings copied from real torch's repr.
TENSOR_CASES = [
    pytest.param(np.array(8.0), "float32", {}, "tensor(8.)", id="scalar_float"),
    pytest.param(np.array(0.1), "float32", {}, "tensor(0.1000)", id="scalar_float_frac"),
    pytest.param(np.array(5), "int64", {}, "tensor(5)", id="scalar_int"),
    pytest.param(np.array(-12), "int64", {}, "tensor(-12)", id="scalar_neg_int"),
    pytest.param(np.array(True), "bool", {}, "tensor(True)", id="scalar_bool"),
    pytest.param(np.array(np.nan), "float32", {}, "tensor(nan)", id="scalar_nan"),
    pytest.param(np.array(-np.inf), "float32", {}, "tensor(-inf)", id="scalar_neg_inf"),
    pytest.param(
        np.array(3.0),
        "float32",
        {"requires_grad": True},
        "tensor(3., requires_grad=True)",
        id="scalar_requires_grad",
    ),
    pytest.param(
        np.array(8.0),
        "float32",
        {"grad_fn_name": "AddBackward0"},
        "tensor(8., grad_fn=<AddBackward0>)",
        id="scalar_grad_fn",
    ),
    pytest.param(np.array(2.5), "float64", {}, "tensor(2.5000, dtype=torch.float64)", id="scalar_float64"),
    pytest.param(np.array(7), "int32", {}, "tensor(7, dtype=torch.int32)", id="scalar_int32"),
    pytest.param(np.array([1, 2, 3]), "int64", {}, "tensor([1, 2, 3])", id="vec_ints"),
    pytest.param(np.array([-1, 20, -300]), "int64", {}, "tensor([  -1,   20, -300])", id="vec_neg_ints"),
    pytest.param(np.array([1.0, 2.0]), "float32", {}, "tensor([1., 2.])", id="vec_int_valued_floats"),
    pytest.param(np.array([True, False]), "bool", {}, "tensor([ True, False])", id="vec_bool"),
    pytest.param(
        np.array([1.0, 2.0]),
        "float64",
        {"requires_grad": True},
        "tensor([1., 2.], dtype=torch.float64, requires_grad=True)",
        id="vec_float64_requires_grad",
    ),
    pytest.param(
        np.array([0.5, 1.25, -3.125]),
        "float32",
        {},
        "tensor([ 0.5000,  1.2500, -3.1250])",
        id="vec_fractions",
    ),
    pytest.param(
        np.array([1e-5, 1e3]),
        "float32",
        {},
        "tensor([1.0000e-05, 1.0000e+03])",
        id="vec_sci_small",
    ),
    pytest.param(
        np.array([1.0, 1001.0]),
        "float32",
        {},
        "tensor([1.0000e+00, 1.0010e+03])",
        id="vec_sci_ratio",
    ),
    pytest.param(np.array([1e8, 2.0]), "float32", {}, "tensor([1.0000e+08, 2.0000e+00])", id="vec_large_1e8"),
    pytest.param(
        np.array([1e9, 3e9]),
        "float32",
        {},
        "tensor([1.0000e+09, 3.0000e+09])",
        id="vec_large_int_valued_1e9",
    ),
    pytest.param(np.array([1e8]), "float32", {}, "tensor([100000000.])", id="vec_1e8_exact"),
    pytest.param(
        np.array([1e-8, 2.5e-7]),
        "float32",
        {},
        "tensor([1.0000e-08, 2.5000e-07])",
        id="vec_very_small",
    ),
    pytest.param(
        np.array([1.5, np.inf, -np.inf, np.nan]),
        "float32",
        {},
        "tensor([1.5000,    inf,   -inf,    nan])",
        id="vec_inf_nan",
    ),
    pytest.param(
        np.array([1.0, np.inf, np.nan, -2.0]),
        "float32",
        {},
        "tensor([ 1., inf, nan, -2.])",
        id="vec_int_valued_with_inf_nan",
    ),
    pytest.param(
        np.array([np.nan, np.inf, -np.inf]),
        "float32",
        {},
        "tensor([nan, inf, -inf])",
        id="vec_all_nonfinite",
    ),
    pytest.param(np.zeros(3), "float32", {}, "tensor([0., 0., 0.])", id="vec_zeros"),
    pytest.param(np.array([-0.0, 0.5]), "float32", {}, "tensor([-0.0000, 0.5000])", id="vec_neg_zero"),
    pytest.param(
        np.array([0.1, 2.0, -3.5]),
        "float16",
        {},
        "tensor([ 0.1000,  2.0000, -3.5000], dtype=torch.float16)",
        id="vec_float16",
    ),
    pytest.param(
        np.array([65504.0, 1.0]),
        "float16",
        {},
        "tensor([6.5504e+04, 1.0000e+00], dtype=torch.float16)",
        id="vec_float16_big",
    ),
    pytest.param(
        np.array([0, 255, 7]),
        "uint8",
        {},
        "tensor([  0, 255,   7], dtype=torch.uint8)",
        id="vec_uint8",
    ),
    pytest.param(np.array([-128, 5]), "int8", {}, "tensor([-128,    5], dtype=torch.int8)", id="vec_int8"),
    pytest.param(np.array([300, -2]), "int16", {}, "tensor([300,  -2], dtype=torch.int16)", id="vec_int16"),
    pytest.param(np.zeros(0), "float32", {}, "tensor([])", id="empty_1d"),
    pytest.param(np.zeros((0, 3)), "float32", {}, "tensor([], size=(0, 3))", id="empty_2d"),
    pytest.param(np.zeros(0), "int64", {}, "tensor([], dtype=torch.int64)", id="empty_int64"),
    pytest.param(
        np.zeros((2, 0, 1)),
        "bool",
        {},
        "tensor([], size=(2, 0, 1), dtype=torch.bool)",
        id="empty_bool_3d",
    ),
    pytest.param(
        np.zeros((2, 0)),
        "float64",
        {"requires_grad": True},
        "tensor([], size=(2, 0), dtype=torch.float64, requires_grad=True)",
        id="empty_float64_requires_grad",
    ),
    pytest.param(
        np.array([[0.1234, -1.2], [3.0, 4.0]]),
        "float32",
        {},
        ("tensor([[ 0.1234, -1.2000],\n        [ 3.0000,  4.0000]])"),
        id="mat_sign_padding",
    ),
    pytest.param(
        np.array([[1, -20], [300, 4]]),
        "int64",
        {},
        ("tensor([[  1, -20],\n        [300,   4]])"),
        id="mat_ints",
    ),
    pytest.param(
        np.array([[1e-6, 1.0], [-2.0, 3e4]]),
        "float64",
        {},
        ("tensor([[ 1.0000e-06,  1.0000e+00],\n        [-2.0000e+00,  3.0000e+04]], dtype=torch.float64)"),
        id="mat_sci",
    ),
    pytest.param(
        np.array([[1.0, 2.0], [3.0, 4.5]]),
        "float32",
        {"grad_fn_name": "MulBackward0"},
        ("tensor([[1.0000, 2.0000],\n        [3.0000, 4.5000]], grad_fn=<MulBackward0>)"),
        id="mat_grad_fn",
    ),
    pytest.param(
        np.arange(24).reshape(2, 3, 4) - 5.5,
        "float32",
        {},
        (
            "tensor([[[-5.5000, -4.5000, -3.5000, -2.5000],\n"
            "         [-1.5000, -0.5000,  0.5000,  1.5000],\n"
            "         [ 2.5000,  3.5000,  4.5000,  5.5000]],\n"
            "\n"
            "        [[ 6.5000,  7.5000,  8.5000,  9.5000],\n"
            "         [10.5000, 11.5000, 12.5000, 13.5000],\n"
            "         [14.5000, 15.5000, 16.5000, 17.5000]]])"
        ),
        id="tensor3d",
    ),
    pytest.param(
        np.arange(12).reshape(3, 2, 2),
        "int64",
        {},
        (
            "tensor([[[ 0,  1],\n"
            "         [ 2,  3]],\n"
            "\n"
            "        [[ 4,  5],\n"
            "         [ 6,  7]],\n"
            "\n"
            "        [[ 8,  9],\n"
            "         [10, 11]]])"
        ),
        id="tensor3d_int",
    ),
    pytest.param(
        np.arange(16).reshape(2, 2, 2, 2),
        "int32",
        {},
        (
            "tensor([[[[ 0,  1],\n"
            "          [ 2,  3]],\n"
            "\n"
            "         [[ 4,  5],\n"
            "          [ 6,  7]]],\n"
            "\n"
            "\n"
            "        [[[ 8,  9],\n"
            "          [10, 11]],\n"
            "\n"
            "         [[12, 13],\n"
            "          [14, 15]]]], dtype=torch.int32)"
        ),
        id="tensor4d",
    ),
    pytest.param(
        np.arange(2000),
        "int64",
        {},
        "tensor([   0,    1,    2,  ..., 1997, 1998, 1999])",
        id="vec_2000",
    ),
    pytest.param(
        np.linspace(-1.0, 1.0, 2000),
        "float32",
        {},
        "tensor([-1.0000, -0.9990, -0.9980,  ...,  0.9980,  0.9990,  1.0000])",
        id="vec_2000_float",
    ),
    pytest.param(
        np.arange(10000).reshape(100, 100) / 7.0,
        "float32",
        {},
        (
            "tensor([[0.0000e+00, 1.4286e-01, 2.8571e-01,  ..., 1.3857e+01, 1.4000e+01,\n"
            "         1.4143e+01],\n"
            "        [1.4286e+01, 1.4429e+01, 1.4571e+01,  ..., 2.8143e+01, 2.8286e+01,\n"
            "         2.8429e+01],\n"
            "        [2.8571e+01, 2.8714e+01, 2.8857e+01,  ..., 4.2429e+01, 4.2571e+01,\n"
            "         4.2714e+01],\n"
            "        ...,\n"
            "        [1.3857e+03, 1.3859e+03, 1.3860e+03,  ..., 1.3996e+03, 1.3997e+03,\n"
            "         1.3999e+03],\n"
            "        [1.4000e+03, 1.4001e+03, 1.4003e+03,  ..., 1.4139e+03, 1.4140e+03,\n"
            "         1.4141e+03],\n"
            "        [1.4143e+03, 1.4144e+03, 1.4146e+03,  ..., 1.4281e+03, 1.4283e+03,\n"
            "         1.4284e+03]])"
        ),
        id="mat_100x100",
    ),
    pytest.param(
        np.arange(2 * 30 * 40).reshape(2, 30, 40),
        "int64",
        {},
        (
            "tensor([[[   0,    1,    2,  ...,   37,   38,   39],\n"
            "         [  40,   41,   42,  ...,   77,   78,   79],\n"
            "         [  80,   81,   82,  ...,  117,  118,  119],\n"
            "         ...,\n"
            "         [1080, 1081, 1082,  ..., 1117, 1118, 1119],\n"
            "         [1120, 1121, 1122,  ..., 1157, 1158, 1159],\n"
            "         [1160, 1161, 1162,  ..., 1197, 1198, 1199]],\n"
            "\n"
            "        [[1200, 1201, 1202,  ..., 1237, 1238, 1239],\n"
            "         [1240, 1241, 1242,  ..., 1277, 1278, 1279],\n"
            "         [1280, 1281, 1282,  ..., 1317, 1318, 1319],\n"
            "         ...,\n"
            "         [2280, 2281, 2282,  ..., 2317, 2318, 2319],\n"
            "         [2320, 2321, 2322,  ..., 2357, 2358, 2359],\n"
            "         [2360, 2361, 2362,  ..., 2397, 2398, 2399]]])"
        ),
        id="tensor3d_summarized",
    ),
    pytest.param(
        np.arange(10 * 2 * 60).reshape(10, 2, 60) - 600,
        "int16",
        {},
        (
            "tensor([[[-600, -599, -598,  ..., -543, -542, -541],\n"
            "         [-540, -539, -538,  ..., -483, -482, -481]],\n"
            "\n"
            "        [[-480, -479, -478,  ..., -423, -422, -421],\n"
            "         [-420, -419, -418,  ..., -363, -362, -361]],\n"
            "\n"
            "        [[-360, -359, -358,  ..., -303, -302, -301],\n"
            "         [-300, -299, -298,  ..., -243, -242, -241]],\n"
            "\n"
            "        ...,\n"
            "\n"
            "        [[ 240,  241,  242,  ...,  297,  298,  299],\n"
            "         [ 300,  301,  302,  ...,  357,  358,  359]],\n"
            "\n"
            "        [[ 360,  361,  362,  ...,  417,  418,  419],\n"
            "         [ 420,  421,  422,  ...,  477,  478,  479]],\n"
            "\n"
            "        [[ 480,  481,  482,  ...,  537,  538,  539],\n"
            "         [ 540,  541,  542,  ...,  597,  598,  599]]], dtype=torch.int16)"
        ),
        id="tensor3d_summarized_first_axis",
    ),
    pytest.param(
        np.arange(30) * 1.5,
        "float32",
        {},
        (
            "tensor([ 0.0000,  1.5000,  3.0000,  4.5000,  6.0000,  7.5000,  9.0000, 10.5000,\n"
            "        12.0000, 13.5000, 15.0000, 16.5000, 18.0000, 19.5000, 21.0000, 22.5000,\n"
            "        24.0000, 25.5000, 27.0000, 28.5000, 30.0000, 31.5000, 33.0000, 34.5000,\n"
            "        36.0000, 37.5000, 39.0000, 40.5000, 42.0000, 43.5000])"
        ),
        id="vec_wrap",
    ),
    pytest.param(
        np.arange(100, 140),
        "int64",
        {},
        (
            "tensor([100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113,\n"
            "        114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127,\n"
            "        128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139])"
        ),
        id="vec_wrap_ints",
    ),
    pytest.param(
        np.linspace(0.0, 1.0, 12),
        "float64",
        {"requires_grad": True},
        (
            "tensor([0.0000, 0.0909, 0.1818, 0.2727, 0.3636, 0.4545, 0.5455, 0.6364, 0.7273,\n"
            "        0.8182, 0.9091, 1.0000], dtype=torch.float64, requires_grad=True)"
        ),
        id="vec_wrap_requires_grad_float64",
    ),
    pytest.param(
        np.array([1.5] * 9),
        "float64",
        {"requires_grad": True},
        (
            "tensor([1.5000, 1.5000, 1.5000, 1.5000, 1.5000, 1.5000, 1.5000, 1.5000, 1.5000],\n"
            "       dtype=torch.float64, requires_grad=True)"
        ),
        id="vec_suffix_new_line",
    ),
    pytest.param(
        np.arange(10) * 1.25,
        "float16",
        {"grad_fn_name": "ToCopyBackward0"},
        (
            "tensor([ 0.0000,  1.2500,  2.5000,  3.7500,  5.0000,  6.2500,  7.5000,  8.7500,\n"
            "        10.0000, 11.2500], dtype=torch.float16, grad_fn=<ToCopyBackward0>)"
        ),
        id="vec_suffix_grad_fn_new_line",
    ),
    pytest.param(
        np.arange(40).reshape(2, 20) * 1.5,
        "float32",
        {},
        (
            "tensor([[ 0.0000,  1.5000,  3.0000,  4.5000,  6.0000,  7.5000,  9.0000, 10.5000,\n"
            "         12.0000, 13.5000, 15.0000, 16.5000, 18.0000, 19.5000, 21.0000, 22.5000,\n"
            "         24.0000, 25.5000, 27.0000, 28.5000],\n"
            "        [30.0000, 31.5000, 33.0000, 34.5000, 36.0000, 37.5000, 39.0000, 40.5000,\n"
            "         42.0000, 43.5000, 45.0000, 46.5000, 48.0000, 49.5000, 51.0000, 52.5000,\n"
            "         54.0000, 55.5000, 57.0000, 58.5000]])"
        ),
        id="mat_wrap",
    ),
]


@pytest.mark.parametrize(("data", "dtype_name", "kwargs", "expected"), TENSOR_CASES)
def test_format_tensor(data: np.ndarray, dtype_name: str, kwargs: dict[str, Any], expected: str) -> None:
    """format_tensor reproduces torch's repr for a fixed catalogue of tensors."""
    assert format_tensor(data.astype(dtype_name), dtype_name, **kwargs) == expected


def test_format_tensor_casts_data_to_the_named_dtype() -> None:
    """Data stored in another dtype is shown as the named dtype would hold it."""
    assert format_tensor(np.array([1, 2]), "float64") == "tensor([1., 2.], dtype=torch.float64)"
    assert format_tensor(np.array([0.1]), "float16") == "tensor([0.1000], dtype=torch.float16)"


def test_custom_prefix_sets_continuation_indent() -> None:
    """A subclass-style prefix shifts the indentation of continuation lines."""
    expected = "MyTensor([[1, 2],\n          [3, 4]])"
    assert format_tensor(np.array([[1, 2], [3, 4]]), "int64", prefix="MyTensor(") == expected


# (print options, data, dtype_name, requires_grad, expected repr) — verified against torch, same options.
OPTION_CASES = [
    pytest.param(
        {"precision": 2},
        np.array([1.12345, -2.5]),
        "float32",
        False,
        "tensor([ 1.12, -2.50])",
        id="p2",
    ),
    pytest.param(
        {"precision": 2}, np.array([1e-5, 1.0]), "float32", False, "tensor([1.00e-05, 1.00e+00])", id="p2-sci"
    ),
    pytest.param({"precision": 6}, np.array([3.14159265]), "float32", False, "tensor([3.141593])", id="p6"),
    pytest.param(
        {"sci_mode": True},
        np.array([1.5, 2.0]),
        "float32",
        False,
        "tensor([1.5000e+00, 2.0000e+00])",
        id="sci-on",
    ),
    pytest.param({"sci_mode": True}, np.array([1, 2]), "int64", False, "tensor([1, 2])", id="sci-on-ints"),
    pytest.param(
        {"sci_mode": True},
        np.array([0.0, np.nan]),
        "float32",
        False,
        "tensor([0., nan])",
        id="sci-on-no-finite",
    ),
    pytest.param(
        {"sci_mode": False},
        np.array([1e-5, 1e3]),
        "float32",
        False,
        "tensor([   0.0000, 1000.0000])",
        id="sci-off",
    ),
    pytest.param(
        {"profile": "short"},
        np.arange(10),
        "int64",
        False,
        "tensor([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])",
        id="short",
    ),
    pytest.param(
        {"profile": "short"},
        np.array([1.12345]),
        "float32",
        False,
        "tensor([1.12])",
        id="short-float",
    ),
    pytest.param(
        {"threshold": 5},
        np.arange(10),
        "int64",
        False,
        "tensor([0, 1, 2,  ..., 7, 8, 9])",
        id="thr5",
    ),
    pytest.param(
        {"threshold": 5, "edgeitems": 1},
        np.arange(12).reshape(3, 4),
        "int64",
        False,
        "tensor([[ 0,  ...,  3],\n        ...,\n        [ 8,  ..., 11]])",
        id="thr5-edge1",
    ),
    pytest.param(
        {"edgeitems": 0},
        np.arange(4),
        "int64",
        False,
        "tensor([0, 1, 2, 3], size=(4,))",
        id="edge0",
    ),
    pytest.param(
        {"edgeitems": 0, "threshold": 3},
        np.arange(4),
        "int64",
        False,
        "tensor([...], size=(4,))",
        id="edge0-sum",
    ),
    pytest.param(
        {"edgeitems": 0, "threshold": 3},
        np.arange(8.0).reshape(2, 4),
        "float32",
        False,
        "tensor([...], size=(2, 4))",
        id="edge0-sum-2d",
    ),
    pytest.param(
        {"linewidth": 30},
        np.arange(20),
        "int64",
        False,
        (
            "tensor([ 0,  1,  2,  3,  4,\n"
            "         5,  6,  7,  8,  9,\n"
            "        10, 11, 12, 13, 14,\n"
            "        15, 16, 17, 18, 19])"
        ),
        id="lw30",
    ),
    pytest.param(
        {"linewidth": 30},
        np.full(4, 1.5),
        "float64",
        True,
        (
            "tensor([1.5000, 1.5000,\n"
            "        1.5000, 1.5000],\n"
            "       dtype=torch.float64,\n"
            "       requires_grad=True)"
        ),
        id="lw30-suffixes",
    ),
]


@pytest.mark.parametrize(("options", "data", "dtype_name", "requires_grad", "expected"), OPTION_CASES)
def test_format_tensor_with_print_options(
    options: dict[str, Any], data: np.ndarray, dtype_name: str, requires_grad: bool, expected: str
) -> None:
    """Print options change precision, notation, summarization and wrapping like torch's."""
    set_printoptions(**options)
    assert format_tensor(data, dtype_name, requires_grad=requires_grad) == expected


def test_set_printoptions_precision_then_restore() -> None:
    """precision=2 shortens floats; profile='default' brings the 4-digit output back."""
    data = np.array([[0.123456, -1.5]])
    set_printoptions(precision=2)
    assert format_tensor(data, "float32") == "tensor([[ 0.12, -1.50]])"
    set_printoptions(profile="default")
    assert format_tensor(data, "float32") == "tensor([[ 0.1235, -1.5000]])"


def test_full_profile_never_summarizes() -> None:
    """The 'full' profile prints every element of a tensor above the default threshold."""
    set_printoptions(profile="full")
    text = format_tensor(np.arange(1200), "int64")
    assert "..." not in text
    assert text.startswith("tensor([   0,    1,    2,")
    lines = text.split("\n")
    assert len(lines) == 100  # 12 elements of width 4 per line: floor((80 - 7) / 6)
    assert lines[-1] == "        1188, 1189, 1190, 1191, 1192, 1193, 1194, 1195, 1196, 1197, 1198, 1199])"


def test_get_printoptions_defaults() -> None:
    """Defaults are torch's: precision 4, threshold 1000, edgeitems 3, linewidth 80, sci_mode None."""
    assert get_printoptions() == DEFAULT_OPTIONS


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        ("default", DEFAULT_OPTIONS),
        ("short", {**DEFAULT_OPTIONS, "precision": 2, "edgeitems": 2}),
        ("full", {**DEFAULT_OPTIONS, "threshold": float("inf")}),
        ("no-such-profile", DEFAULT_OPTIONS),
    ],
)
def test_profiles(profile: str, expected: dict[str, Any]) -> None:
    """Each named profile sets the same options as torch's; unknown names are ignored."""
    set_printoptions(profile=profile)
    assert get_printoptions() == expected


def test_explicit_values_override_profile_and_sci_mode_resets() -> None:
    """Explicit values win over the profile; every call sets sci_mode (None when omitted)."""
    set_printoptions(sci_mode=True)
    set_printoptions(profile="short", precision=3, linewidth=100)
    assert get_printoptions() == {**DEFAULT_OPTIONS, "precision": 3, "edgeitems": 2, "linewidth": 100}


def test_get_printoptions_round_trips() -> None:
    """get_printoptions() can be passed back to set_printoptions()."""
    set_printoptions(precision=7, threshold=50, edgeitems=1, linewidth=60, sci_mode=False)
    saved = get_printoptions()
    set_printoptions(profile="default")
    set_printoptions(**saved)
    assert get_printoptions() == saved


def test_printoptions_context_manager_restores() -> None:
    """The printoptions() context manager applies options only inside the block."""
    with printoptions(precision=1):
        assert format_tensor(np.array([2.25]), "float32") == "tensor([2.2])"
    assert get_printoptions() == DEFAULT_OPTIONS


def test_format_parameter() -> None:
    """nn.Parameter's repr is a header line followed by the tensor repr with requires_grad=True."""
    expected = "Parameter containing:\ntensor([[0.1000]], requires_grad=True)"
    assert format_parameter(np.array([[0.1]]), "float32") == expected


def test_format_parameter_float64_matrix() -> None:
    """A float64 Parameter lists dtype before requires_grad on the closing line."""
    expected = (
        "Parameter containing:\n"
        "tensor([[0., 0., 0.],\n"
        "        [0., 0., 0.]], dtype=torch.float64, requires_grad=True)"
    )
    assert format_parameter(np.zeros((2, 3)), "float64") == expected


def test_format_parameter_without_grad() -> None:
    """A Parameter created with requires_grad=False has no suffix."""
    expected = "Parameter containing:\ntensor([0., 0.])"
    assert format_parameter(np.zeros(2), "float32", requires_grad=False) == expected


# (value as Tensor.item() returns it, format spec, expected) — verified with format(torch.tensor(...), spec).
SCALAR_CASES = [
    pytest.param(2.0, "", "2.0", id="float-empty"),
    pytest.param(2.0, ".3f", "2.000", id="float-3f"),
    pytest.param(np.float32(0.1), "", "0.10000000149011612", id="float32-exact"),
    pytest.param(np.float32(0.1), ".2f", "0.10", id="float32-2f"),
    pytest.param(np.float16(0.1), "", "0.0999755859375", id="float16-exact"),
    pytest.param(np.array(0.1), "", "0.1", id="float64-0d-array"),
    pytest.param(3, "", "3", id="int-empty"),
    pytest.param(np.int64(3), ">5", "    3", id="int-align"),
    pytest.param(np.int64(3), "05d", "00003", id="int-zero-pad"),
    pytest.param(np.int64(3), ".2f", "3.00", id="int-as-float"),
    pytest.param(np.bool_(True), "", "True", id="bool-empty"),
    pytest.param(True, "d", "1", id="bool-d"),
    pytest.param(np.float32(1234.5678), ",.1f", "1,234.6", id="thousands"),
    pytest.param(0.25, ".1%", "25.0%", id="percent"),
    pytest.param(float("nan"), "", "nan", id="nan"),
    pytest.param(np.uint8(7), "x", "7", id="uint8-hex"),
]


@pytest.mark.parametrize(("value", "spec", "expected"), SCALAR_CASES)
def test_format_scalar(value: Any, spec: str, expected: str) -> None:
    """f-strings of 0-d tensors format the Python scalar, so float32 shows its exact double value."""
    assert format_scalar(value, spec) == expected


def test_format_scalar_invalid_spec_raises_like_python() -> None:
    """An invalid spec for the scalar type raises Python's own ValueError."""
    with pytest.raises(ValueError, match="Unknown format code 'd' for object of type 'float'"):
        format_scalar(2.0, "d")


def test_format_nonscalar_empty_spec_is_str() -> None:
    """f'{t}' of a non-0-d tensor is str(t)."""
    assert format_nonscalar("tensor([1., 2.])", "") == "tensor([1., 2.])"


@pytest.mark.parametrize("type_name", ["Tensor", "Parameter"])
def test_format_nonscalar_with_spec_raises_type_error(type_name: str) -> None:
    """A non-empty spec on a non-0-d tensor (or any Parameter) raises TypeError like object.__format__."""
    with pytest.raises(TypeError, match=rf"^unsupported format string passed to {type_name}\.__format__$"):
        format_nonscalar("tensor([1., 2.])", ".3f", type_name)


# ------------------------------------------------------------------------- randomized comparison with torch

DTYPE_NAMES = ["bool", "uint8", "int8", "int16", "int32", "int64", "float16", "float32", "float64"]


def _random_shape(rng: np.random.Generator) -> tuple[int, ...]:
    """A random shape of rank 0 to 3 with at most ~2,000 elements (sometimes with a zero-length axis)."""
    ndim = int(rng.integers(0, 4))
    if ndim == 0:
        return ()
    target = int(rng.choice([1, 10, 100, 2000]))
    side = max(2, round(target ** (1 / ndim)) * 2)
    shape = [int(rng.integers(0, side)) for _ in range(ndim)]
    while np.prod(shape) > 2000:
        shape[int(rng.integers(ndim))] //= 2
    return tuple(shape)


def _sprinkle_specials(values: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Replace a few entries with inf, -inf, nan and zero."""
    draw = rng.random(values.shape)
    values = np.where(draw < 0.03, np.inf, values)
    values = np.where((draw >= 0.03) & (draw < 0.06), -np.inf, values)
    values = np.where((draw >= 0.06) & (draw < 0.09), np.nan, values)
    return np.where((draw >= 0.1) & (draw < 0.2), 0.0, values)


def _random_array(rng: np.random.Generator) -> np.ndarray:
    """A random array of a random dtype with magnitudes from 1e-6 to 1e9, integers, negatives and specials."""
    dtype_name = DTYPE_NAMES[int(rng.integers(len(DTYPE_NAMES)))]
    values = rng.standard_normal(_random_shape(rng)) * 10.0 ** rng.uniform(-6, 9)
    style = int(rng.integers(4))
    if style == 1:
        values = np.round(values)
    elif style == 2:
        values = np.abs(values)
    if dtype_name == "bool":
        return np.asarray(values > 0)
    if dtype_name.startswith("float"):
        if rng.random() < 0.5:
            values = _sprinkle_specials(values, rng)
        with np.errstate(over="ignore"):
            return np.asarray(values.astype(dtype_name))
    info = np.iinfo(dtype_name)
    return np.asarray(np.clip(values, info.min, info.max).astype(dtype_name))


def _torch_repr(torch: Any, data: np.ndarray, requires_grad: bool, with_grad_fn: bool) -> str:
    """Real torch's repr of the same data, as a leaf or as the output of a multiplication."""
    tensor = torch.from_numpy(np.array(data, copy=True))
    if requires_grad or with_grad_fn:
        tensor.requires_grad_(True)
    if with_grad_fn:
        tensor = tensor * 1
    return repr(tensor)


def _compare_random_arrays(torch: Any, seed: int, count: int) -> list[str]:
    """Format ``count`` random arrays both ways and describe every mismatch."""
    rng = np.random.default_rng(seed)
    mismatches = []
    for _ in range(count):
        data = _random_array(rng)
        dtype_name = str(data.dtype)
        floating = dtype_name.startswith("float")
        requires_grad = floating and rng.random() < 0.3
        with_grad_fn = floating and not requires_grad and rng.random() < 0.2
        expected = _torch_repr(torch, data, requires_grad, with_grad_fn)
        grad_fn_name = "MulBackward0" if with_grad_fn else None
        actual = format_tensor(data, dtype_name, requires_grad=requires_grad, grad_fn_name=grad_fn_name)
        if actual != expected:
            mismatches.append(f"{data.shape} {dtype_name}:\n{expected}\n!=\n{actual}")
    return mismatches


def test_random_arrays_match_torch() -> None:
    """Hundreds of random arrays print exactly like real torch with default options."""
    torch = pytest.importorskip("torch")
    mismatches = _compare_random_arrays(torch, seed=0, count=500)
    assert not mismatches, "\n\n".join(mismatches[:3])


@pytest.mark.parametrize(
    "options",
    [
        {"precision": 2},
        {"precision": 0},
        {"sci_mode": True},
        {"sci_mode": False},
        {"linewidth": 50},
        {"threshold": 20, "edgeitems": 1},
        {"edgeitems": 0},
        {"profile": "short"},
    ],
)
def test_random_arrays_match_torch_with_options(options: dict[str, Any]) -> None:
    """Random arrays still match torch under non-default print options."""
    torch = pytest.importorskip("torch")
    saved = torch._tensor_str.get_printoptions()
    torch.set_printoptions(**options)
    set_printoptions(**options)
    try:
        mismatches = _compare_random_arrays(torch, seed=len(str(options)), count=60)
    finally:
        torch.set_printoptions(**saved)
    assert not mismatches, "\n\n".join(mismatches[:3])
