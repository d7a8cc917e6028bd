"""The views added beside ``transpose`` and ``view`` share their base's memory and version counter and name it
as ``_base``, as PyTorch's do; the rearrangements that copy (flips, rot90, a non-contiguous ravel) do not."""

from __future__ import annotations

import pytest

import engine as torch

VIEWS = {
    "swapaxes": lambda x: torch.swapaxes(x, 0, 1),
    "swapdims": lambda x: x.swapdims(1, 0),
    "movedim": lambda x: torch.movedim(x, 0, 1),
    "moveaxis": lambda x: x.moveaxis((0, 1), (1, 0)),
    "ravel": lambda x: x.ravel(),
    "broadcast_to": lambda x: torch.broadcast_to(x, (4, 2, 3)),
    "select": lambda x: x.select(1, -1),
    "atleast_3d": lambda x: torch.atleast_3d(x),
    "unflatten": lambda x: torch.unflatten(x, 1, (3, 1)),
    "tensor_split": lambda x: torch.tensor_split(x, 2, dim=1)[1],
    "hsplit": lambda x: torch.hsplit(x, [1])[0],
}
COPIES = {
    "fliplr": lambda x: torch.fliplr(x),
    "flipud": lambda x: x.flipud(),
    "rot90": lambda x: torch.rot90(x),
    "ravel of a transpose": lambda x: x.t().ravel(),
    "take_along_dim": lambda x: torch.take_along_dim(x, torch.tensor([[0]]), 1),
}


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_a_view_names_its_base_and_sees_its_in_place_changes(name):
    base = torch.zeros(2, 3)
    view = VIEWS[name](base)
    assert view._base is base
    base.add_(1)
    assert view._version == base._version == 1
    assert view.sum().item() == view.numel()


@pytest.mark.parametrize("name", sorted(COPIES))
def test_a_copy_keeps_its_values_when_the_input_changes(name):
    source = torch.zeros(2, 3)
    copy = COPIES[name](source)
    source.add_(1)
    assert copy._base is not source and copy._version == 0
    assert copy.sum().item() == 0


def test_writing_through_a_piece_of_tensor_split_reaches_the_base():
    base = torch.zeros(2, 3, requires_grad=True) * 1
    left, right = torch.tensor_split(base, [1], dim=1)
    right.mul_(2).add_(5)
    assert base.tolist() == [[0.0, 5.0, 5.0], [0.0, 5.0, 5.0]]
    assert type(base.grad_fn).__name__ == "CopySlices"
