"""``torch.mv`` and the products added to an input, ``β·input + α·product``: addmv, addr, baddbmm, addbmm,
with their in-place forms. Checks come in PyTorch's order, with its words.

The input broadcasts to the product's shape. Integer tensors take β and α truncated to integers (addr
refuses a float factor for them); only addr promotes mixed dtypes, the others refuse them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from engine.broadcast_rules import expanded_shape
from engine.functions import linalg
from engine.functions import products as nodes
from engine.in_place_ops import in_place
from engine.product_ops import _C_NAMES as C_NAMES
from engine.tensor import Tensor


def need_tensors(function: str, **arguments: Any) -> None:
    """PyTorch's TypeError for an argument that is not a tensor (a number, a list)."""
    for position, (name, value) in enumerate(arguments.items(), start=1):
        if not isinstance(value, Tensor):
            kind = type(value).__name__
            raise TypeError(
                f"{function}(): argument '{name}' (position {position}) must be Tensor, not {kind}"
            )


def _refuse_bool(kernel: str, a: Tensor) -> None:
    if a._data.dtype == np.bool_:
        raise NotImplementedError(f"\"{kernel}\" not implemented for 'Bool'")


def _factor(value: Any, dtype: np.dtype) -> Any:
    """β or α as an integer kernel reads it: truncated toward zero."""
    return int(value) if dtype.kind in "iu" else value


def mv(input: Tensor, vec: Tensor) -> Tensor:  # noqa: A002 - PyTorch's argument names
    """Matrix times vector (MvBackward0)."""
    need_tensors("mv", input=input, vec=vec)
    if input.dim() != 2 or vec.dim() != 1:
        raise RuntimeError(f"vector + matrix @ vector expected, got 1, {input.dim()}, {vec.dim()}")
    rows, columns = input.shape
    if vec.shape[0] != columns:
        raise RuntimeError(f"size mismatch, got input ({rows}), mat ({rows}x{columns}), vec ({vec.shape[0]})")
    _same_addmv_dtypes(vec, input, vec)
    _refuse_bool("addmv_impl_cpu", input)
    return linalg.MvBackward0.apply(input, vec)


def _same_addmv_dtypes(input: Tensor, mat: Tensor, vec: Tensor) -> None:  # noqa: A002
    if not input.dtype == mat.dtype == vec.dtype:
        names = (input.dtype.scalar_name, mat.dtype.scalar_name, vec.dtype.scalar_name)
        raise RuntimeError(
            "addmv input tensors must have the same dtype, but got {}, {}, and {}".format(*names)
        )


def addmv(input: Tensor, mat: Tensor, vec: Tensor, *, beta: Any = 1, alpha: Any = 1) -> Tensor:  # noqa: A002
    """``β·input + α·(mat @ vec)`` (AddmvBackward0)."""
    need_tensors("addmv", input=input, mat=mat, vec=vec)
    if mat.dim() != 2 or vec.dim() != 1 or input.dim() > 1:
        raise RuntimeError(f"vector + matrix @ vector expected, got {input.dim()}, {mat.dim()}, {vec.dim()}")
    rows, columns = mat.shape
    if vec.shape[0] != columns or (input.dim() and input.shape[0] not in (1, rows)):
        if not input.dim():
            raise IndexError("Dimension specified as 0 but tensor has no dimensions")
        raise RuntimeError(
            f"size mismatch, got input ({input.shape[0]}), mat ({rows}x{columns}), vec ({vec.shape[0]})"
        )
    _same_addmv_dtypes(input, mat, vec)
    _refuse_bool("addmv_impl_cpu", mat)
    dtype = mat._data.dtype
    return nodes.AddmvBackward0.apply(input, mat, vec, beta=_factor(beta, dtype), alpha=_factor(alpha, dtype))


def addr(input: Tensor, vec1: Tensor, vec2: Tensor, *, beta: Any = 1, alpha: Any = 1) -> Tensor:  # noqa: A002
    """``β·input + α·outer(vec1, vec2)`` (AddrBackward0); the three dtypes promote, bools are logical."""
    from engine import dtypes

    need_tensors("addr", input=input, vec1=vec1, vec2=vec2)
    for name, vector in (("vec1", vec1), ("vec2", vec2)):
        if vector.dim() != 1:
            raise RuntimeError(f"addr: Expected 1-D argument {name}, but got {vector.dim()}-D")
    expanded_shape(input.shape, (vec1.shape[0], vec2.shape[0]), f"torch.{input.dtype.scalar_name}Tensor")
    target = dtypes.result_type([input, vec1, vec2])
    if not target.is_floating_point:
        for name, value in (("beta", beta), ("alpha", alpha)):
            if isinstance(value, float):
                raise RuntimeError(
                    f"For integral input tensors, argument {name} must not be a floating point number."
                )
    arrays = [operand._data.astype(target.numpy, copy=False) for operand in (input, vec1, vec2)]
    return nodes.AddrBackward0.apply_to_arrays((input, vec1, vec2), arrays, beta=beta, alpha=alpha)


def _batch_sizes(input: Tensor, batch1: Tensor, batch2: Tensor, sizes: tuple) -> None:
    """The input must expand to the product's shape (read from the batches before any other check)."""
    from engine.shape_ops import _dim

    shape = []
    for operand, dim in sizes:
        _dim(dim, operand.dim())  # PyTorch's IndexError for a batch with too few dimensions
        shape.append(operand.shape[dim])
    expanded_shape(input.shape, tuple(shape), f"torch.{input.dtype.scalar_name}Tensor")
    for name, batch in (("batch1", batch1), ("batch2", batch2)):
        if batch.dim() != 3:
            raise RuntimeError(f"{name} must be a 3D tensor")


def baddbmm(input: Tensor, batch1: Tensor, batch2: Tensor, *, beta: Any = 1, alpha: Any = 1) -> Tensor:  # noqa: A002
    """``β·input + α·(batch1[i] @ batch2[i])`` for each ``i`` (BaddbmmBackward0)."""
    need_tensors("baddbmm", input=input, batch1=batch1, batch2=batch2)
    _batch_sizes(input, batch1, batch2, ((batch1, 0), (batch1, 1), (batch2, 2)))
    if input.dtype != batch1.dtype:
        names = (input.dtype, batch1.dtype, batch2.dtype)
        raise RuntimeError(
            "Input dtypes must be the same, got: input {}, batch1: {}, batch2: {}".format(
                *(C_NAMES[kind.name] for kind in names)
            )
        )
    expected, got = [batch1.shape[0], batch1.shape[2]], list(batch2.shape[:2])
    if got != expected:
        raise RuntimeError(
            f"Expected size for first two dimensions of batch2 tensor to be: {expected} but got: {got}."
        )
    if batch2.dtype != batch1.dtype:
        raise RuntimeError(
            f"expected scalar type {batch1.dtype.scalar_name} but found {batch2.dtype.scalar_name}"
        )
    _refuse_bool("baddbmm", batch1)
    factors = {"beta": _factor(beta, batch1._data.dtype), "alpha": _factor(alpha, batch1._data.dtype)}
    return nodes.BaddbmmBackward0.apply(input, batch1, batch2, **factors)


def addbmm(input: Tensor, batch1: Tensor, batch2: Tensor, *, beta: Any = 1, alpha: Any = 1) -> Tensor:  # noqa: A002
    """``β·input + α·Σᵢ batch1[i] @ batch2[i]`` (AddbmmBackward0)."""
    need_tensors("addbmm", input=input, batch1=batch1, batch2=batch2)
    _batch_sizes(input, batch1, batch2, ((batch1, 1), (batch2, 2)))
    if batch1.shape[0] != batch2.shape[0]:
        raise RuntimeError(
            f"batch1 and batch2 must have same number of batches, got {batch1.shape[0]} and {batch2.shape[0]}"
        )
    if batch1.shape[2] != batch2.shape[1]:
        sizes = f"{batch1.shape[1]}x{batch1.shape[2]} and {batch2.shape[1]}x{batch2.shape[2]}"
        raise RuntimeError(f"Incompatible matrix sizes for bmm ({sizes})")
    pairs = (("self", input, batch2), ("mat1", batch1, batch2))
    for name, first, second in pairs:
        if first.dtype != second.dtype:
            raise RuntimeError(
                f"{name} and mat2 must have the same dtype, but got {first.dtype.scalar_name} and "
                f"{second.dtype.scalar_name}"
            )
    _refuse_bool("addmm_impl_cpu_", batch1)
    factors = {"beta": _factor(beta, batch1._data.dtype), "alpha": _factor(alpha, batch1._data.dtype)}
    return nodes.AddbmmBackward0.apply(input, batch1, batch2, **factors)


def _same_size(self: Tensor, result: Tensor) -> None:
    if self.shape != result.shape:
        raise RuntimeError(
            f"Bad in-place call: input tensor size {list(self.shape)} and output tensor size "
            f"{list(result.shape)} should match"
        )


def _in_place_form(function: Callable, check: Callable = _same_size) -> Callable:
    """``x.addmv_(...)``: the op on ``x``, written into ``x``; ``check`` compares the two shapes first."""

    def written(target: Tensor, *operands: Tensor, beta: Any = 1, alpha: Any = 1) -> Tensor:
        result = function(target, *operands, beta=beta, alpha=alpha)
        check(target, result)
        return result

    def method(self: Tensor, *operands: Tensor, beta: Any = 1, alpha: Any = 1) -> Tensor:
        return in_place(self, written, *operands, beta=beta, alpha=alpha)

    method.__name__ = function.__name__ + "_"
    return method


def _addr_in_place_sizes(self: Tensor, vec1: Tensor, vec2: Tensor) -> None:
    if self.dim() != 2:
        raise RuntimeError(f"2D tensor expected, got {self.dim()}D tensor for input")
    if self.shape != (vec1.shape[0], vec2.shape[0]):
        raise RuntimeError(
            f"size mismatch, input: {list(self.shape)}, v1: {list(vec1.shape)}, v2: {list(vec2.shape)}"
        )


def addr_(self: Tensor, vec1: Tensor, vec2: Tensor, *, beta: Any = 1, alpha: Any = 1) -> Tensor:
    need_tensors("addr_", vec1=vec1, vec2=vec2)
    if vec1.dim() == 1 and vec2.dim() == 1:
        _addr_in_place_sizes(self, vec1, vec2)
    return in_place(self, addr, vec1, vec2, beta=beta, alpha=alpha)


def _resize_to(self: Tensor, result: Tensor) -> None:
    """addbmm_ gives a smaller input that broadcasts the product's shape (new memory), as PyTorch does."""
    if self.shape != result.shape:
        self._data = np.empty(result._data.shape, dtype=self._data.dtype)


addmv_ = _in_place_form(addmv)
baddbmm_ = _in_place_form(baddbmm)
addbmm_ = _in_place_form(addbmm, _resize_to)
METHODS: dict[str, Callable] = {
    "mv": mv,
    "addmv": addmv,
    "addmv_": addmv_,
    "addr": addr,
    "addr_": addr_,
    "baddbmm": baddbmm,
    "baddbmm_": baddbmm_,
    "addbmm": addbmm,
    "addbmm_": addbmm_,
}
