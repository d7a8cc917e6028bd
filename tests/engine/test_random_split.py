"""``random_split``'s warning for an empty part, as PyTorch 2.13 gives it (a parity case has the rest)."""

from __future__ import annotations

import warnings

import engine as torch
from engine.utils.data import random_split


def test_a_share_that_rounds_to_no_example_is_warned_about_where_random_split_was_called() -> None:
    torch.manual_seed(0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        parts = random_split(range(3), [0.9, 0.1, 0.0])  # 2, 0 and 0 rounded down; the one left goes first
    assert [len(part) for part in parts] == [3, 0, 0]
    assert [str(warning.message) for warning in caught] == [
        f"Length of split at index {index} is 0. This might result in an empty dataset." for index in (1, 2)
    ]
    assert {(warning.category, warning.filename) for warning in caught} == {(UserWarning, __file__)}
