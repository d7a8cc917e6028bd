"""Which of several equal elements PyTorch's CPU kernels report: the orders its selections leave ties in.

``kthvalue`` and ``mode`` return an index beside the value, and where the value occurs more than once the
index is whichever copy the kernel's algorithm happens to leave in place, not the first or the last. So that
``x.kthvalue(2)`` prints the index PyTorch prints, the algorithms are followed here step by step on one
row at a time (``order_ops`` and ``search_ops`` call them only for rows with ties: elsewhere the index is
unique):

- ``kthvalue`` partitions a copy of the row with a median-of-three quickselect (ascending, NaN above
  every number), and reports the element left at position k - 1;
- ``mode`` sorts (value, index) pairs by value with the C++ standard library's ``std::sort`` (GCC's
  introsort: median-of-three partitions down to 16 elements, a heapsort past a depth of 2·log₂n, then one
  insertion sort), and reports the index of the last pair of the most frequent value's run;
- ``sort`` and ``argsort`` (unless ``stable=True``) sort the same pairs with ``std::sort`` too, descending
  ones with NaN first;
- ``topk`` picks pairs with ``std::partial_sort`` (k small beside the row) or ``std::nth_element`` then a
  ``std::sort``, NaN counting as the largest.

Each was checked against PyTorch 2.13 on thousands of random rows with many ties and NaNs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SORT_THRESHOLD = 16  # std::sort partitions runs longer than this and insertion-sorts the rest


def quick_select(row: list[Any], k: int) -> int:
    """The original index of the element a kthvalue kernel leaves at position ``k`` (0-based) of ``row``."""
    values, indices = list(row), list(range(len(row)))

    def above(a: Any, b: Any) -> bool:  # NaN sorts above every number
        return a > b or (a != a and b == b)

    def swap(i: int, j: int) -> None:
        values[i], values[j] = values[j], values[i]
        indices[i], indices[j] = indices[j], indices[i]

    low, high = 0, len(values) - 1
    while high > low:
        if high == low + 1:
            if above(values[low], values[high]):
                swap(low, high)
            break
        swap(low + (high - low) // 2, low + 1)  # the median of the first, middle and last becomes the pivot
        if above(values[low + 1], values[high]):
            swap(low + 1, high)
        if above(values[low], values[high]):
            swap(low, high)
        if above(values[low + 1], values[low]):
            swap(low + 1, low)
        i, j, pivot = low + 1, high, values[low]
        while True:
            i += 1
            while above(pivot, values[i]):
                i += 1
            j -= 1
            while above(values[j], pivot):
                j -= 1
            if j < i:
                break
            swap(i, j)
        swap(low, j)
        if j <= k:
            low = i
        if j >= k:
            high = j - 1
    return indices[k]


def mode_index(row: list[Any]) -> tuple[Any, int]:
    """The most frequent value of ``row`` (the smallest of equally frequent ones) and the index a mode kernel
    reports for it: that of the last pair of its run once the pairs are sorted as ``std::sort`` sorts them."""
    pairs = [(value, index) for index, value in enumerate(row)]
    cpp_sort(pairs, lambda p, q: p[0] < q[0])
    best, best_index, best_count, count = pairs[0][0], pairs[0][1], 0, 0
    for position, (value, index) in enumerate(pairs):
        count += 1
        if position == len(pairs) - 1 or value != pairs[position + 1][0]:  # a run ends (NaN != NaN)
            if count > best_count:
                best, best_index, best_count = value, index, count
            count = 0
    return best, best_index


def sort_order(row: list[Any], descending: bool) -> list[int]:
    """The original indices of ``row``'s elements in the order an unstable ``sort`` kernel leaves them:
    ``std::sort`` of (value, index) pairs, NaN above every number (so first when descending)."""
    pairs = [(value, index) for index, value in enumerate(row)]
    if descending:
        cpp_sort(pairs, lambda p, q: (p[0] != p[0] and q[0] == q[0]) or p[0] > q[0])
    else:
        cpp_sort(pairs, lambda p, q: (p[0] == p[0] and q[0] != q[0]) or p[0] < q[0])
    return [index for _, index in pairs]


def topk_order(row: list[Any], k: int, largest: bool, sorted: bool) -> list[int]:  # noqa: A002
    """The original indices of the ``k`` elements a topk kernel picks from ``row``, in its order: a
    ``std::partial_sort`` of (value, index) pairs when k·64 ≤ n, else ``std::nth_element`` and (``sorted``) a
    ``std::sort`` of the first k - 1; NaN above every number either way."""
    if largest:
        less = lambda p, q: (p[0] != p[0] and q[0] == q[0]) or p[0] > q[0]  # noqa: E731
    else:
        less = lambda p, q: (p[0] == p[0] and q[0] != q[0]) or p[0] < q[0]  # noqa: E731
    pairs = [(value, index) for index, value in enumerate(row)]
    if k * 64 <= len(pairs):
        cpp_partial_sort(pairs, k, less)
    else:
        cpp_nth_element(pairs, k - 1, less)
        if sorted:
            head = pairs[: k - 1]
            cpp_sort(head, less)
            pairs[: k - 1] = head
    return [index for _, index in pairs[:k]]


def cpp_sort(items: list[Any], less: Callable[[Any, Any], bool]) -> None:
    """Sort ``items`` in place exactly as GCC's ``std::sort`` does, equal elements included."""
    if len(items) > 1:
        _introsort(items, 0, len(items), 2 * (len(items).bit_length() - 1), less)
        _final_insertion_sort(items, len(items), less)


def cpp_partial_sort(items: list[Any], middle: int, less: Callable[[Any, Any], bool]) -> None:
    """GCC's ``std::partial_sort``: the first ``middle`` elements in order (a heap select, a heap sort)."""
    _heap_select(items, 0, middle, len(items), less)
    _sort_heap(items, 0, middle, less)


def cpp_nth_element(items: list[Any], nth: int, less: Callable[[Any, Any], bool]) -> None:
    """GCC's ``std::nth_element``: ``items[nth]`` in its sorted place, nothing after it coming before it
    (median-of-three partitions while more than 3 remain, a heap select past a depth of 2·log₂n)."""
    first, last = 0, len(items)
    if nth >= last:
        return
    depth = 2 * (last.bit_length() - 1)
    while last - first > 3:
        if depth == 0:
            _heap_select(items, first, nth + 1, last, less)
            items[first], items[nth] = items[nth], items[first]
            return
        depth -= 1
        cut = _partition(items, first, last, less)
        if cut <= nth:
            first = cut
        else:
            last = cut
    _insertion_sort(items, first, last, less)


def _introsort(items: list[Any], first: int, last: int, depth: int, less: Callable) -> None:
    while last - first > SORT_THRESHOLD:
        if depth == 0:
            _heap_sort(items, first, last, less)
            return
        depth -= 1
        cut = _partition(items, first, last, less)
        _introsort(items, cut, last, depth, less)
        last = cut


def _partition(items: list[Any], first: int, last: int, less: Callable) -> int:
    """Move the median of the second, middle and last elements to ``first`` and partition around it."""
    a, b, c = first + 1, first + (last - first) // 2, last - 1
    if less(items[a], items[b]):
        median = b if less(items[b], items[c]) else (c if less(items[a], items[c]) else a)
    else:
        median = a if less(items[a], items[c]) else (c if less(items[b], items[c]) else b)
    items[first], items[median] = items[median], items[first]
    pivot, low, high = items[first], first + 1, last
    while True:
        while less(items[low], pivot):
            low += 1
        high -= 1
        while less(pivot, items[high]):
            high -= 1
        if low >= high:
            return low
        items[low], items[high] = items[high], items[low]
        low += 1


def _final_insertion_sort(items: list[Any], last: int, less: Callable) -> None:
    _insertion_sort(items, 0, min(last, SORT_THRESHOLD), less)
    for i in range(SORT_THRESHOLD, last):  # the first run holds the smallest element: no bound check
        _insert_unguarded(items, i, less)


def _insertion_sort(items: list[Any], first: int, last: int, less: Callable) -> None:
    for i in range(first + 1, last):
        if less(items[i], items[first]):
            items[first : i + 1] = [items[i], *items[first:i]]
        else:
            _insert_unguarded(items, i, less)


def _insert_unguarded(items: list[Any], i: int, less: Callable) -> None:
    value = items[i]
    while less(value, items[i - 1]):
        items[i] = items[i - 1]
        i -= 1
    items[i] = value


def _heap_sort(items: list[Any], first: int, last: int, less: Callable) -> None:
    """std::make_heap then std::sort_heap on items[first:last]."""
    _make_heap(items, first, last, less)
    _sort_heap(items, first, last, less)


def _make_heap(items: list[Any], first: int, last: int, less: Callable) -> None:
    length = last - first
    for parent in range((length - 2) // 2, -1, -1):
        _adjust_heap(items, first, parent, length, items[first + parent], less)


def _sort_heap(items: list[Any], first: int, last: int, less: Callable) -> None:
    for end in range(last - 1, first, -1):
        _pop_heap(items, first, end, end, less)


def _pop_heap(items: list[Any], first: int, last: int, result: int, less: Callable) -> None:
    """Move the heap's top (of items[first:last]) to ``result`` and re-heap with the value that was there."""
    value, items[result] = items[result], items[first]
    _adjust_heap(items, first, 0, last - first, value, less)


def _heap_select(items: list[Any], first: int, middle: int, last: int, less: Callable) -> None:
    """Leave in items[first:middle] a heap of the elements that come first (std::__heap_select)."""
    _make_heap(items, first, middle, less)
    for i in range(middle, last):
        if less(items[i], items[first]):
            _pop_heap(items, first, middle, i, less)


def _adjust_heap(items: list[Any], first: int, hole: int, length: int, value: Any, less: Callable) -> None:
    """Sift the hole down to a leaf along the larger children, then push ``value`` up from there."""
    top = child = hole
    while child < (length - 1) // 2:
        child = 2 * (child + 1)
        if less(items[first + child], items[first + child - 1]):
            child -= 1
        items[first + hole] = items[first + child]
        hole = child
    if length % 2 == 0 and child == (length - 2) // 2:
        child = 2 * (child + 1)
        items[first + hole] = items[first + child - 1]
        hole = child - 1
    parent = (hole - 1) // 2
    while hole > top and less(items[first + parent], value):
        items[first + hole] = items[first + parent]
        hole, parent = parent, (parent - 1) // 2
    items[first + hole] = value
