"""Where a view's elements lie in its base (engine/memory_layout.py), checked against numpy's own indexing."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.memory_layout import overlaps_partly, positions, writable


@st.composite
def base_and_view(draw):
    shape = tuple(draw(st.lists(st.integers(1, 4), min_size=1, max_size=3)))
    base = np.arange(int(np.prod(shape)), dtype=np.float32).reshape(shape)
    if draw(st.booleans()):
        base = np.asfortranarray(base)  # column-major, as numpy lays out some products
    index = tuple(slice(draw(st.integers(0, size - 1)), None, draw(st.integers(1, 2))) for size in shape)
    view = base[index]
    if view.ndim > 1 and draw(st.booleans()):
        view = view.T
    return base, view


@settings(max_examples=200, deadline=None)
@given(base_and_view())
def test_positions_are_the_flat_indices_of_the_elements_a_view_shows(drawn):
    base, view = drawn
    assert np.array_equal(base.reshape(-1)[positions(base, view)], view)  # C-order flat indices


def test_an_expanded_view_shows_an_element_several_times():
    base = np.arange(3.0)
    assert positions(base, np.broadcast_to(base, (2, 3))).tolist() == [[0, 1, 2], [0, 1, 2]]


def test_partial_overlap_is_told_only_between_contiguous_blocks_as_in_pytorch():
    a = np.arange(4.0)
    assert overlaps_partly(a[1:], a[:3])  # y[1:].mul_(y[:3]): refused
    assert not overlaps_partly(a, a)  # y.mul_(y): the same memory, allowed
    assert not overlaps_partly(a[:2], a[2:])  # apart
    assert not overlaps_partly(a[::2], a[2:3])  # a layout with gaps: too hard to tell, allowed


def test_an_expanded_array_is_written_through_its_owner():
    owner = np.zeros(2)
    writable(np.broadcast_to(owner, (3, 2)))[...] = 7
    assert owner.tolist() == [7.0, 7.0]
