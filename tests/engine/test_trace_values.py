"""The numbers a trace carries: label texts, values in full or summarized, and one encoding per array."""

from __future__ import annotations

import numpy as np
import pytest

from engine.trace_values import FULL_VALUE_ELEMENTS, TEXT_ELEMENTS, Encodings, encode, text


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (np.float32(-0.0), "0"),
        (np.array([[-0.0]], dtype=np.float32), "[[0]]"),
        (np.float64(1 / 3), "0.3333"),
        (np.float32(1.5e-5), "1.5e-05"),
        (np.float64(8.0), "8"),
        (np.float32(np.nan), "nan"),
        (np.float64(-np.inf), "-inf"),
        (np.int64(-7), "-7"),
        (np.bool_(True), "True"),
        (np.array([1, 2, 3]), "[1, 2, 3]"),
        (np.array([[1.0, -0.0], [0.25, np.inf]]), "[[1, 0], [0.25, inf]]"),
        (np.array([True, False]), "[True, False]"),
        (np.arange(6, dtype=np.float32) / 4, "[0, 0.25, 0.5, 0.75, …]"),
        (np.zeros((0, 3)), "[]"),
    ],
)
def test_labels_write_numbers_as_a_slide_does(value: np.ndarray, written: str) -> None:
    assert text(value) == written


def test_a_small_array_travels_in_full_with_non_finite_numbers_as_strings() -> None:
    encoded = encode(np.array([[1.5, np.nan], [-np.inf, 2.0]], dtype=np.float32))
    assert encoded == {
        "shape": [2, 2],
        "text": "[[1.5, nan], [-inf, 2]]",
        "value": [[1.5, "nan"], ["-inf", 2.0]],
    }
    assert encode(np.array(3, dtype=np.int64)) == {"shape": [], "text": "3", "value": 3}


def test_a_large_array_is_summarized_by_its_finite_numbers() -> None:
    values = np.arange(FULL_VALUE_ELEMENTS + 36, dtype=np.float32)  # 0 .. 99
    values[80], values[90] = np.nan, np.inf  # beyond the full-value limit and the head
    summary = encode(values)["summary"]
    finite = [float(v) for v in range(100) if v not in (80, 90)]
    assert summary["numel"] == 100 and summary["head"] == [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]
    assert (summary["min"], summary["max"]) == (0.0, 99.0)
    assert summary["mean"] == pytest.approx(sum(finite) / len(finite))
    assert encode(values)["text"] == "[0, 1, 2, 3, …]" and TEXT_ELEMENTS == 4


def test_a_summary_mean_is_numpys_mean_in_the_arrays_own_type() -> None:
    generator = np.random.default_rng(7)
    for dtype in (np.float32, np.float64):
        for size in (65, 1000, 4097):
            values = (generator.standard_normal(size) * 1e3).astype(dtype)
            assert encode(values)["summary"]["mean"] == float(values.mean())


def test_one_encoding_per_array_and_per_equal_small_arrays() -> None:
    encodings = Encodings()
    gradient = np.array([0.5, -1.0], dtype=np.float32)
    assert encodings.encode(gradient) is encodings.encode(gradient)
    assert encodings.encode(gradient.copy()) is encodings.encode(gradient)  # a .grad made from it
    assert encodings.encode(gradient.astype(np.float64)) is not encodings.encode(gradient)  # not equal
    assert encodings.encode(np.array([0.5, 1.0], dtype=np.float32))["value"] == [0.5, 1.0]
    assert encodings.encode(None) is None
