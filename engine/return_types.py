"""``torch.return_types``: the named tuples of max/min along a dim, sort, topk, cummax/cummin, median,
nanmedian, kthvalue, mode, aminmax, the svds, the slogdets and frexp."""

from __future__ import annotations

from collections import namedtuple


def _make(name: str, fields: tuple[str, ...] = ("values", "indices")) -> type:
    base = namedtuple(name, fields)

    def __repr__(self) -> str:  # noqa: N807 - the method of the class built here
        parts = ",\n".join(f"{field}={value!r}" for field, value in zip(fields, self, strict=True))
        return f"torch.return_types.{name}(\n{parts})"

    kind = type(name, (base,), {"__slots__": (), "__repr__": __repr__, "__str__": __repr__})
    kind.__module__ = "torch.return_types"
    return kind


max = _make("max")  # noqa: A001 - PyTorch's names
min = _make("min")  # noqa: A001
sort = _make("sort")
topk = _make("topk")
svd = _make("svd", ("U", "S", "V"))
linalg_svd = _make("linalg_svd", ("U", "S", "Vh"))
slogdet = _make("slogdet", ("sign", "logabsdet"))
linalg_slogdet = _make("linalg_slogdet", ("sign", "logabsdet"))
cummax = _make("cummax")
cummin = _make("cummin")
median = _make("median")
nanmedian = _make("nanmedian")
kthvalue = _make("kthvalue")
mode = _make("mode")
frexp = _make("frexp", ("mantissa", "exponent"))
aminmax = _make("aminmax", ("min", "max"))
