"""``torch.chain_matmul``, deprecated in PyTorch 2.13: it warns (so the parity cases, kept free of warnings,
leave it out) and records what ``linalg.multi_dot`` records. The texts and graphs were printed by PyTorch."""

from __future__ import annotations

import warnings

import pytest

import engine as torch

DEPRECATION = (
    "torch.chain_matmul is deprecated and will be removed in a future PyTorch release. Use "
    "torch.linalg.multi_dot instead, which accepts a list of two or more tensors rather than multiple "
    "parameters."
)


def _names(node) -> list:
    """The graph below ``node`` as nested [name, children...] lists (leaves as their node's name)."""
    return [type(node).__name__] + [_names(child) for child, _ in node.next_functions if child is not None]


def test_chain_matmul_warns_with_pytorchs_words_at_the_calling_line():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        torch.chain_matmul(torch.ones(2, 2), torch.ones(2, 2))
    assert [str(w.message) for w in caught] == [DEPRECATION]
    assert caught[0].category is UserWarning and caught[0].filename == __file__


@pytest.mark.filterwarnings("ignore:torch.chain_matmul is deprecated")
def test_three_matrices_are_multiplied_in_the_cheaper_order_as_pytorch_records_it():
    a, b, c = (torch.ones(*shape, requires_grad=True) for shape in ((2, 3), (3, 4), (4, 2)))
    product = torch.chain_matmul(a, b, c)  # a(bc) costs 36 multiplications, (ab)c 40
    leaf = ["AccumulateGrad"]
    assert _names(product.grad_fn) == ["ViewBackward0", ["MmBackward0", leaf, ["MmBackward0", leaf, leaf]]]
    assert product.tolist() == [[12.0, 12.0], [12.0, 12.0]]


@pytest.mark.filterwarnings("ignore:torch.chain_matmul is deprecated")
def test_one_matrix_is_cloned():
    a = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    alone = torch.chain_matmul(a)
    assert type(alone.grad_fn).__name__ == "CloneBackward0" and alone.tolist() == a.tolist()


@pytest.mark.filterwarnings("ignore:torch.chain_matmul is deprecated")
@pytest.mark.parametrize(
    ("matrices", "error", "message"),
    [
        ((), RuntimeError, "chain_matmul(): Expected one or more matrices"),
        ((torch.ones(2),), RuntimeError, "Tensor dimension is 1, expected 2 instead."),
        ((torch.ones(2, 2), torch.ones(2, 2, 2)), RuntimeError, "Tensor dimension is 3, expected 2 instead."),
        ((torch.ones(2, 2), 3), TypeError, "expected Tensor as element 1 in argument 0, but got int"),
        (
            (torch.ones(2, 2), torch.ones(3, 2)),
            RuntimeError,
            "multi_dot(): tensors 0 and 1 with shapes [2, 2] and [3, 2] cannot be multiplied",
        ),
    ],
)
def test_chain_matmul_refuses_what_pytorch_refuses(matrices, error, message):
    with pytest.raises(error) as raised:
        torch.chain_matmul(*matrices)
    assert str(raised.value) == message
