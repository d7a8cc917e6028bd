"""The orders PyTorch's kthvalue, mode, sort and topk kernels leave equal elements in (engine/tie_orders.py).

The expected orders were printed by GCC 12's ``std::sort``, ``std::partial_sort`` and ``std::nth_element``
(the pairs compared by value only, as the kernels compare them) and by PyTorch 2.13; the operations
themselves are compared with PyTorch in test_tutorial_parity.py.
"""

from __future__ import annotations

import pytest

import engine as torch
from engine import tie_orders


def _numbers(text: str) -> list[int]:
    return [int(word) for word in text.split()]


# an input built by McIlroy's adversary against median-of-three quicksorts (halved, so that values repeat):
# its partitions are so uneven that std::sort gives up on them and heapsorts a stretch
ADVERSARY = _numbers(
    "23 0 26 1 30 2 25 3 28 4 24 5 31 6 23 7 27 8 22 9 29 10 12 11 31 30 29 28 27 26 25 24 0 1 2 3 4 5 6 "
    "7 8 9 10 11 22 20 21 19 20 18 19 17 18 16 17 15 16 14 15 13 14 12 13 21"
)
ADVERSARY_ORDER = _numbers(
    "1 32 3 33 5 34 7 35 9 36 11 37 13 38 15 39 17 40 19 41 21 42 23 43 22 61 59 62 57 60 58 55 56 53 51 "
    "54 49 52 47 50 45 48 63 46 18 44 14 0 31 10 6 30 2 29 16 28 27 8 20 26 25 4 24 12"
)
# forty draws of 0..3: partitions, then the final insertion sort, move the copies of each value around
TIES = _numbers("2 2 0 3 1 0 1 0 2 3 1 3 0 1 0 1 3 2 1 3 1 0 1 3 1 1 0 0 1 1 1 1 2 2 1 1 1 1 3 2")
TIES_ORDER = _numbers(
    "2 27 5 26 7 14 21 12 24 18 31 20 22 30 15 25 28 29 13 34 10 35 36 6 4 37 32 33 39 0 17 8 1 23 19 16 "
    "11 9 3 38"
)


def _sorted_indices(values: list[int]) -> list[int]:
    pairs = [(value, index) for index, value in enumerate(values)]
    tie_orders.cpp_sort(pairs, lambda p, q: p[0] < q[0])
    return [index for _, index in pairs]


@pytest.mark.parametrize(("values", "order"), [(ADVERSARY, ADVERSARY_ORDER), (TIES, TIES_ORDER)])
def test_pairs_are_sorted_as_gccs_std_sort_sorts_them(values, order):
    assert _sorted_indices(values) == order


def test_the_adversarys_input_takes_the_heapsort(monkeypatch):
    calls = []
    heap_sort = tie_orders._heap_sort
    monkeypatch.setattr(tie_orders, "_heap_sort", lambda *args: calls.append(args[1:3]) or heap_sort(*args))
    assert _sorted_indices(ADVERSARY) == ADVERSARY_ORDER
    assert len(calls) == 1


def test_short_rows_keep_equal_values_in_their_order():
    """Up to 16 elements std::sort is one insertion sort, which moves no element past an equal one."""
    values = [3, 1, 3, 0, 1, 3, 2, 0, 1, 3, 3, 2, 0, 1, 2, 3]
    assert _sorted_indices(values) == sorted(range(16), key=lambda index: values[index])


def test_mode_reports_the_copy_the_sort_leaves_last():
    """Printed by PyTorch 2.13: the mode of this row is 0, reported at index 9 (of 0s at 0, 1, ... 39)."""
    row = [(i * 7 + i // 5) % 4 for i in range(40)]
    assert tie_orders.mode_index(row) == (0, 9)
    assert torch.tensor(row).mode().indices.item() == 9
    assert tie_orders.mode_index([float(v) for v in TIES]) == (
        1.0,
        TIES_ORDER[TIES.count(0) + TIES.count(1) - 1],
    )


def test_quick_select_picks_pytorchs_copy():
    """kthvalue's indices on these rows, printed by PyTorch 2.13."""
    row = [float(v) for v in TIES]
    assert [tie_orders.quick_select(row, k - 1) for k in (1, 10, 20, 30, 40)] == [26, 18, 4, 0, 19]
    assert torch.tensor(row).kthvalue(20).indices.item() == 4
    nan = float("nan")
    assert tie_orders.quick_select([nan, 1.0, nan, 1.0], 1) == 3
    assert tie_orders.quick_select([nan, 1.0, nan, 1.0], 3) == 0


def _selected(values: list[int], select) -> list[int]:
    pairs = [(value, index) for index, value in enumerate(values)]
    select(pairs, lambda p, q: p[0] > q[0])  # topk's comparison: largest first
    return [index for _, index in pairs]


def test_partial_sort_and_nth_element_leave_gccs_orders():
    """The whole arrangement GCC 12's std::partial_sort (5 first) and std::nth_element (the 21st) leave."""
    partial = _numbers(
        "3 11 16 19 9 5 2 7 4 6 10 0 12 13 14 15 1 17 18 8 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 "
        "35 36 37 38 39"
    )
    nth = _numbers(
        "1 39 38 3 33 32 23 19 17 9 16 11 25 0 13 28 29 8 30 31 35 37 36 4 34 24 26 27 6 22 21 20 5 7 18 "
        "10 15 14 2 12"
    )
    assert _selected(TIES, lambda pairs, less: tie_orders.cpp_partial_sort(pairs, 5, less)) == partial
    assert _selected(TIES, lambda pairs, less: tie_orders.cpp_nth_element(pairs, 20, less)) == nth
