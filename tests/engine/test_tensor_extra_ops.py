"""tril/triu, roll, outer, einsum, isclose, logspace, tile, diff, cummax/cummin, bincount and histc: edge
cases and refusals, each value and message recorded from PyTorch 2.13."""

# ruff: noqa: E501 - the table of refusals reads one call and its message per line

from __future__ import annotations

import math

import pytest

import engine as torch

NAN, INF = float("nan"), float("inf")


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (lambda: torch.tril(torch.tensor([1.0, 2.0])), RuntimeError, "tril: input tensor must have at least 2 dimensions"),
        (lambda: torch.ones(3).triu(), RuntimeError, "triu: input tensor must have at least 2 dimensions"),
        (lambda: torch.roll(torch.ones(2, 3), (1, 2), (0,)), RuntimeError, "shifts and dimensions must align. shifts: 2, dims:1"),
        (lambda: torch.roll(torch.ones(2, 3), (1, 2)), RuntimeError, "shifts and dimensions must align. shifts: 2, dims:0"),
        (lambda: torch.roll(torch.ones(2, 3), 1, 2), IndexError, "Dimension out of range (expected to be in range of [-2, 1], but got 2)"),
        (lambda: torch.outer(torch.ones(2, 2), torch.ones(2)), RuntimeError, "outer: Expected 1-D argument self, but got 2-D"),
        (lambda: torch.ones(2).outer(torch.ones(())), RuntimeError, "outer: Expected 1-D argument vec2, but got 0-D"),
        (lambda: torch.einsum("ij,jk->ik", torch.ones(2, 3)), RuntimeError, "einsum(): fewer operands were provided than specified in the equation"),
        (lambda: torch.einsum("ij,jk->ik", torch.ones(2, 3), torch.ones(4, 2)), RuntimeError, "einsum(): subscript j has size 4 for operand 1 which does not broadcast with previously seen size 3"),
        (lambda: torch.einsum("ij->k", torch.ones(2, 3)), RuntimeError, "einsum(): output subscript k does not appear in the equation for any input operand"),
        (lambda: torch.einsum("ijk->ij", torch.ones(2, 3)), RuntimeError, "einsum(): the number of subscripts in the equation (3) does not match the number of dimensions (2) for operand 0 and no ellipsis was given"),
        (lambda: torch.einsum("...ij->j", torch.ones(2)), RuntimeError, "einsum(): the number of subscripts in the equation (2) is more than the number of dimensions (1) for operand 0"),
        (lambda: torch.einsum("ij,jk->ik", torch.ones(2, 3), torch.ones(3, 2, dtype=torch.float64)), RuntimeError, "expected scalar type Float but found Double"),
        (lambda: torch.isclose(torch.tensor([1.0]), torch.tensor([1])), RuntimeError, "Float did not match Long"),
        (lambda: torch.isclose(torch.tensor([1.0]), torch.tensor([1.0]), rtol=-1), RuntimeError, "rtol must be greater than or equal to zero, but got -1"),
        (lambda: torch.logspace(0, 1, -1), RuntimeError, "number of steps must be non-negative"),
        (lambda: torch.diff(torch.tensor(3.0)), RuntimeError, "diff expects input to be at least one-dimensional"),
        (lambda: torch.diff(torch.tensor([1.0, 4.0]), n=-1), RuntimeError, "order must be non-negative but got -1"),
        (lambda: torch.diff(torch.tensor([1.0, 4.0]), append=torch.tensor(3.0)), RuntimeError, "diff expects prepend or append to be the same dimension as input"),
        (lambda: torch.cummax(torch.tensor([1.0, 3.0]), 1), IndexError, "Dimension out of range (expected to be in range of [-1, 0], but got 1)"),
        (lambda: torch.bincount(torch.tensor([1.0, 2.0])), NotImplementedError, "\"bincount_cpu\" not implemented for 'Float'"),
        (lambda: torch.bincount(torch.tensor([-1, 2])), RuntimeError, "bincount only supports 1-d non-negative integral inputs."),
        (lambda: torch.bincount(torch.tensor([[1, 2]])), RuntimeError, "bincount only supports 1-d non-negative integral inputs."),
        (lambda: torch.bincount(torch.tensor([1, 2]), weights=torch.tensor([1.0])), RuntimeError, "weights should be 1-d and have the same length as input"),
        (lambda: torch.bincount(torch.tensor([1, 2]), minlength=-1), RuntimeError, "minlength should be >= 0"),
        (lambda: torch.histc(torch.tensor([1, 2])), NotImplementedError, "\"histogram_cpu\" not implemented for 'Long'"),
        (lambda: torch.histc(torch.tensor([1.0, 2.0]), bins=0), RuntimeError, "torch.histogram(): bins must be > 0, but got 0 for dimension 0"),
        (lambda: torch.histc(torch.tensor([1.0, 2.0]), bins=3, min=3, max=1), RuntimeError, "torch.histc: max must be larger than min"),
        (lambda: torch.histc(torch.tensor([1.0, 2.0, NAN]), bins=3), RuntimeError, "torch.histc: range of [-nan, -nan] is not finite"),
    ],
)  # fmt: skip
def test_refuses_with_pytorchs_words(make, error, message):
    with pytest.raises(error) as raised:
        make()
    assert str(raised.value) == message


def test_triu_of_a_batch_with_a_negative_diagonal_keeps_one_band_below():
    assert torch.triu(torch.ones(2, 3, 3), diagonal=-1)[1].tolist() == [[1, 1, 1], [1, 1, 1], [0, 1, 1]]


def test_roll_without_dims_shifts_the_flattened_tensor_and_a_0d_tensor_stays():
    assert torch.arange(6).reshape(2, 3).roll(2).tolist() == [[4, 5, 0], [1, 2, 3]]
    assert torch.roll(torch.tensor(3.0), 1).item() == 3.0


def test_outer_of_integers_and_floats_promotes_to_float():
    product = torch.outer(torch.tensor([1, 2]), torch.tensor([1.5, 2.0]))
    assert product.dtype == torch.float32 and product.tolist() == [[1.5, 2.0], [3.0, 4.0]]


def test_einsum_implicit_output_sorts_the_letters_used_once_capitals_first():
    assert torch.einsum("bA,ab", torch.ones(2, 3), torch.ones(3, 2)).shape == (3, 3)


def test_einsum_broadcasts_ellipses_and_size_one_subscripts():
    assert torch.einsum("...ij,...jk", torch.ones(5, 1, 2, 3), torch.ones(4, 3, 2)).shape == (5, 4, 2, 2)
    assert torch.einsum("ij...,j->...i", torch.ones(2, 3, 4), torch.ones(3)).shape == (4, 2)
    assert torch.einsum("i,i->i", torch.ones(1), torch.arange(3.0)).tolist() == [0.0, 1.0, 2.0]


def test_einsum_takes_a_list_of_integer_operands():
    result = torch.einsum(
        "ij,jk->ik", [torch.ones(2, 3, dtype=torch.int64), torch.ones(3, 2, dtype=torch.int64)]
    )
    assert result.dtype == torch.int64 and result.tolist() == [[3, 3], [3, 3]]


def test_einsum_takes_a_diagonal_only_of_equal_sizes_in_one_operand_as_pytorch_says():
    """A repeated subscript does not broadcast a size of 1 within its operand; across operands it does."""
    for shape, sizes in (((1, 3), "3 != 1"), ((3, 1), "1 != 3")):
        with pytest.raises(RuntimeError) as refused:
            torch.einsum("ii->i", torch.ones(*shape))
        assert (
            str(refused.value)
            == f"einsum(): subscript i is repeated for operand 0 but the sizes don't match, {sizes}"
        )
    assert torch.einsum("ii,i->i", torch.ones(2, 2), torch.ones(1)).tolist() == [1.0, 1.0]


def test_isclose_treats_equal_infinities_as_close_and_nan_only_with_equal_nan():
    a, b = torch.tensor([INF, -INF, NAN]), torch.tensor([INF, INF, NAN])
    assert torch.isclose(a, b).tolist() == [True, False, False]
    assert torch.isclose(a, b, equal_nan=True).tolist() == [True, False, True]


def test_isclose_broadcasts_and_compares_integers_exactly_without_a_graph():
    assert torch.isclose(torch.tensor([1.0, 2.0]), torch.tensor([[1.0], [2.0]])).tolist() == [
        [True, False],
        [False, True],
    ]
    assert torch.isclose(torch.tensor([1, 2]), torch.tensor([1, 3])).tolist() == [True, False]
    close = torch.tensor([1.0, 2.0], requires_grad=True).isclose(torch.tensor([1.0, 2.0]))
    assert close.dtype == torch.bool and close.grad_fn is None and not close.requires_grad


def test_logspace_with_one_or_no_steps_and_integer_dtype():
    assert torch.logspace(0, 1, 1).tolist() == [1.0]
    assert torch.logspace(0, 1, 0).tolist() == []
    assert torch.logspace(0, 2, 3, dtype=torch.int64).tolist() == [1, 10, 100]
    halves = torch.logspace(-1, 1, 5, base=2.0, dtype=torch.float64).tolist()
    assert halves == pytest.approx([0.5, 0.7071067811865476, 1.0, 1.4142135623730951, 2.0], rel=1e-15)


def test_logspace_can_be_a_leaf_that_requires_grad():
    assert torch.logspace(0, 1, 4, requires_grad=True).requires_grad


def test_tile_pads_the_counts_with_leading_ones():
    assert torch.tensor([[1, 2]]).tile((2,)).tolist() == [[1, 2, 1, 2]]
    assert torch.tensor([1, 2]).tile(2, 1).tolist() == [[1, 2], [1, 2]]


def test_diff_of_order_zero_or_past_the_length_and_of_bools():
    assert torch.diff(torch.tensor([1.0, 4.0]), n=0).tolist() == [1.0, 4.0]
    assert torch.diff(torch.tensor([1.0, 4.0]), n=3).tolist() == []
    assert torch.diff(torch.tensor([True, False, False])).tolist() == [True, False]
    assert torch.diff(torch.tensor([1, 4, 9])).tolist() == [3, 5]


def test_diff_records_a_subtraction_of_two_slices():
    diff = torch.diff(torch.tensor([1.0, 4.0], requires_grad=True), dim=0)
    parents = [type(node).__name__ for node, _ in diff.grad_fn.next_functions]
    assert type(diff.grad_fn).__name__ == "SubBackward0" and parents == ["SliceBackward0", "SliceBackward0"]


def test_cummax_ties_go_to_the_later_index_and_nan_stays_once_seen():
    assert torch.cummax(torch.tensor([2.0, 1.0, 2.0]), 0).indices.tolist() == [0, 0, 2]
    assert torch.cummin(torch.tensor([2.0, 1.0, 1.0]), 0).indices.tolist() == [0, 1, 2]
    values, indices = torch.cummax(torch.tensor([1.0, NAN, 3.0, NAN, 2.0]), 0)
    assert values[0].item() == 1.0 and all(math.isnan(v) for v in values[1:].tolist())
    assert indices.tolist() == [0, 1, 1, 3, 3]


def test_cummax_of_a_0d_tensor_and_of_integers():
    scalar = torch.cummax(torch.tensor(3.0), 0)
    assert scalar.values.item() == 3.0 and scalar.indices.tolist() == 0
    integers = torch.cummax(torch.tensor([1, 3, 2]), 0)
    assert integers.values.dtype == torch.int64 and integers.values.tolist() == [1, 3, 3]


def test_cummax_prints_as_pytorchs_return_type():
    assert repr(torch.cummax(torch.tensor([1.0, 3.0, 2.0]), 0)) == (
        "torch.return_types.cummax(\nvalues=tensor([1., 3., 3.]),\nindices=tensor([0, 1, 1]))"
    )


def test_bincount_of_nothing_and_of_int32_and_its_weight_dtypes():
    empty = torch.bincount(torch.tensor([], dtype=torch.int64))
    assert empty.dtype == torch.int64 and empty.tolist() == []
    assert torch.bincount(torch.tensor([1, 2], dtype=torch.int32)).tolist() == [0, 1, 1]
    by_integers = torch.bincount(torch.tensor([1, 2]), weights=torch.tensor([1, 2]))
    assert by_integers.dtype == torch.float64 and by_integers.tolist() == [0.0, 1.0, 2.0]
    assert torch.bincount(torch.tensor([1, 2]), weights=torch.tensor([1.0, 2.0])).dtype == torch.float32


def test_histc_widens_a_single_value_and_keeps_float64():
    assert torch.histc(torch.tensor([1.0, 1.0]), bins=3).tolist() == [0.0, 2.0, 0.0]
    wide = torch.histc(torch.tensor([1.0, 2.0], dtype=torch.float64), bins=3)
    assert wide.dtype == torch.float64 and wide.tolist() == [1.0, 0.0, 1.0]


def test_histc_finds_bins_in_float32_as_pytorch_does():
    data = torch.tensor([0.1, 0.3, 0.7, 0.9, 1.0, -1.0, 0.2999999])
    assert torch.histc(data, bins=10, min=0, max=1).tolist() == [0, 1, 1, 1, 0, 0, 0, 1, 0, 2]


def test_einsum_keeps_its_operands_as_saved_values():
    """Freed after backward (a second one is refused) and checked for changes in place, as PyTorch's are."""
    a = torch.tensor([[1.0, 2.0]], requires_grad=True)
    b = torch.tensor([[3.0], [4.0]], requires_grad=True)
    y = torch.einsum("ij,jk->ik", a, b)
    y.sum().backward()
    assert a.grad.tolist() == [[3.0, 4.0]] and b.grad.tolist() == [[1.0], [2.0]]
    with pytest.raises(RuntimeError, match="backward through the graph a second time"):
        y.sum().backward()
    y = torch.einsum("ij,jk->ik", a, b)
    with torch.no_grad():
        b.mul_(2)
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        y.sum().backward()
