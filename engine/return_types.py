"""``torch.return_types``: the (values, indices) pairs of max/min along a dim, sort and topk."""

from __future__ import annotations

from collections import namedtuple


def _make(name: str) -> type:
    base = namedtuple(name, ["values", "indices"])

    def __repr__(self) -> str:  # noqa: N807 - the method of the class built here
        return f"torch.return_types.{name}(\nvalues={self.values!r},\nindices={self.indices!r})"

    kind = type(name, (base,), {"__slots__": (), "__repr__": __repr__, "__str__": __repr__})
    kind.__module__ = "torch.return_types"
    return kind


max = _make("max")  # noqa: A001 - PyTorch's names
min = _make("min")  # noqa: A001
sort = _make("sort")
topk = _make("topk")
