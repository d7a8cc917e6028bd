"""Products: ``@``/matmul as PyTorch records each rank combination, mm, bmm, dot, addmm and ``linear``."""

from __future__ import annotations

from typing import Any

import numpy as np

from engine.broadcast_rules import joint_shape
from engine.functions import linalg
from engine.functions import pointwise as pw
from engine.functions import shape as shape_nodes
from engine.shape_ops import contiguous, expand, reshape, squeeze, t, transpose, unsqueeze
from engine.tensor import Tensor

_C_NAMES = {
    "float32": "float",
    "float64": "double",
    "float16": "c10::Half",
    "int64": "long int",
    "int32": "int",
    "int16": "short int",
    "int8": "signed char",
    "uint8": "unsigned char",
    "bool": "bool",
}

# the CPU kernel each product runs, named by PyTorch when it refuses bool tensors
_BOOL_KERNELS = {
    linalg.DotBackward0: "dot",
    linalg.MvBackward0: "addmv_impl_cpu",
    linalg.MmBackward0: "addmm_impl_cpu_",
    linalg.BmmBackward0: "bmm",
}


def _same_dtype_message(kind: type, a: Tensor, b: Tensor) -> str:
    """PyTorch does not promote in products; each kernel words the refusal its own way."""
    scalar_a, scalar_b = a.dtype.scalar_name, b.dtype.scalar_name
    if kind is linalg.DotBackward0:
        return f"dot : expected both vectors to have same dtype, but found {scalar_a} and {scalar_b}"
    if kind is linalg.MvBackward0 and b.dim() == 1:
        return f"addmv input tensors must have the same dtype, but got {scalar_b}, {scalar_a}, and {scalar_b}"
    if kind is linalg.BmmBackward0 and b.dim() > 2:
        return f"expected scalar type {scalar_a} but found {scalar_b}"
    name_a, name_b = a.dtype.name, b.dtype.name
    return f"expected m1 and m2 to have the same dtype, but got: {_C_NAMES[name_a]} != {_C_NAMES[name_b]}"


def matmul(a: Tensor, b: Any) -> Tensor:
    for position, (name, operand) in enumerate((("input", a), ("other", b)), start=1):
        if not isinstance(operand, Tensor):
            kind = type(operand).__name__
            raise TypeError(f"matmul(): argument '{name}' (position {position}) must be Tensor, not {kind}")
    if a._data.ndim > 2 or b._data.ndim > 2:  # the batched forms check their shapes as their kernels do
        if not a._data.ndim or not b._data.ndim:
            linalg.matmul_function(a._data, b._data)  # PyTorch's refusal of a 0-d operand
        if a.ndim == b.ndim == 3:  # a batch of one that requires grad is squeezed, to fold rather than expand
            if a.shape[0] == 1 and b.shape[0] != 1 and a.requires_grad:
                return matmul(squeeze(a, 0), b)
            if b.shape[0] == 1 and a.shape[0] != 1 and b.requires_grad:
                return matmul(a, squeeze(b, 0))
        return _folded(a, b) if _should_fold(a, b) else _batched(a, b)
    kind = _checked(a, b)
    arrays = [a._data, b._data]
    if kind is linalg.MvBackward0 and arrays[0].ndim == 1:
        # vector @ matrix: PyTorch multiplies the vector as a one-row matrix, then squeezes the row away
        row = unsqueeze(a, 0)
        product = linalg.MmBackward0.apply_to_arrays((row, b), [row._data, arrays[1]])
        return shape_nodes.SqueezeBackward4.apply(product)
    return kind.apply_to_arrays((a, b), arrays)


def _checked(a: Tensor, b: Tensor) -> type:
    """The node a product of these ranks records, after PyTorch's checks of its shapes and dtypes."""
    kind = linalg.matmul_function(a._data, b._data)
    if a._data.dtype != b._data.dtype:
        raise RuntimeError(_same_dtype_message(kind, a, b))
    if a._data.dtype == np.bool_:
        kernel = _BOOL_KERNELS[
            linalg.MmBackward0 if a._data.ndim == 1 and kind is linalg.MvBackward0 else kind
        ]
        raise NotImplementedError(f"\"{kernel}\" not implemented for 'Bool'")
    return kind


def _should_fold(a: Tensor, b: Tensor) -> bool:
    """Whether PyTorch multiplies these as one mm or mv with the batch folded into rows (else a bmm): when
    one side has 3 or more dimensions and the other 1 or 2, and the other requires grad or the larger one
    folds into a matrix without a copy (and is not on the right of a matrix)."""
    larger_first = a.ndim >= b.ndim
    big = a._data if larger_first else np.swapaxes(b._data, -1, -2)
    small = b if larger_first else a
    if not (big.ndim >= 3 and small.ndim <= 2):
        return False
    if small.requires_grad:
        return True
    if a.ndim == 2:  # a matrix times a batch: folding would need the result transposed and copied
        return False
    if not big.size:
        return True
    shape, strides = big.shape, big.strides
    return all(strides[i] == strides[i + 1] * shape[i + 1] for i in range(big.ndim - 2))


def _folded(a: Tensor, b: Tensor) -> Tensor:
    """A batch times one matrix or vector, as PyTorch does it: the batch folded into the rows of one matrix
    (a view), one mm or mv, and the result viewed back (UnsafeViewBackward0); with the batch on the right,
    the product of the transposes, transposed back and copied."""
    swapped = b.ndim > a.ndim
    big = transpose(b, -2, -1) if swapped else a
    small = (t(a) if a.ndim == 2 else a) if swapped else b
    shape = list(big.shape[:-1])
    rows = reshape(big, int(np.prod(shape)), big.shape[-1])
    if small.ndim == 1:
        return shape_nodes.UnsafeViewBackward0.apply(matmul(rows, small), shape=tuple(shape))
    product = shape_nodes.UnsafeViewBackward0.apply(matmul(rows, small), shape=(*shape, small.shape[1]))
    return contiguous(transpose(product, -2, -1)) if swapped else product


def _batched(a: Tensor, b: Tensor) -> Tensor:
    """Batches broadcast against each other, as PyTorch multiplies them: both expanded to the common batch,
    reshaped into one batch dimension, one bmm, the result viewed into the broadcast shape."""
    rows, inner = (a.shape[-2] if a.ndim > 1 else 1), a.shape[-1]
    inner_b, columns = (b.shape[-2], b.shape[-1]) if b.ndim > 1 else (b.shape[0], 1)  # bmm checks they fit
    batch = list(joint_shape([a.shape[: max(a.ndim - 2, 0)], b.shape[: max(b.ndim - 2, 0)]]))
    count = int(np.prod(batch))
    left = reshape(expand(a, *batch, rows, inner), count, rows, inner)
    if b.ndim == 1:  # a vector on the right: one column per batch
        right = unsqueeze(reshape(expand(b, *batch, inner_b), count, inner_b), 2)
    else:
        right = reshape(expand(b, *batch, inner_b, columns), count, inner_b, columns)
    _checked(left, right)
    product = linalg.BmmBackward0.apply(left, right)
    if b.ndim == 1:
        product = squeeze(product, -1)
    shape = batch + ([rows] if a.ndim > 1 else []) + ([columns] if b.ndim > 1 else [])
    return shape_nodes.UnsafeViewBackward0.apply(product, shape=tuple(shape))


def mm(a: Tensor, b: Tensor) -> Tensor:
    if a.dim() != 2 or b.dim() != 2:
        raise RuntimeError("self must be a matrix" if a.dim() != 2 else "mat2 must be a matrix")
    return matmul(a, b)


def bmm(a: Tensor, b: Tensor) -> Tensor:
    """A batch of matrix products: ``a[i] @ b[i]`` for each ``i`` (BmmBackward0), with PyTorch's checks."""
    for name, operand in (("batch1", a), ("batch2", b)):
        if operand.dim() != 3:
            raise RuntimeError(f"{name} must be a 3D tensor")
    expected, got = [a.shape[0], a.shape[2]], list(b.shape[:2])
    if got != expected:
        raise RuntimeError(
            f"Expected size for first two dimensions of batch2 tensor to be: {expected} but got: {got}."
        )
    _checked(a, b)
    return linalg.BmmBackward0.apply(a, b)


def dot(a: Tensor, b: Tensor) -> Tensor:
    if a.dim() != 1 or b.dim() != 1:
        raise RuntimeError(f"1D tensors expected, but got {a.dim()}D and {b.dim()}D tensors")
    return matmul(a, b)


def addmm(bias: Tensor, x: Tensor, w: Tensor, *, beta: float = 1, alpha: float = 1) -> Tensor:
    """``beta·bias + alpha·(x @ w)`` recorded as one AddmmBackward0 node."""
    linalg.matmul_function(x._data, w._data)
    if x.dtype is not w.dtype:  # as PyTorch (F.linear too): no promotion between the two matrices
        first, second = x.dtype.scalar_name, w.dtype.scalar_name
        raise RuntimeError(f"mat1 and mat2 must have the same dtype, but got {first} and {second}")
    if beta == 1 and alpha == 1:  # speed: nn.Linear's call, without keywords
        return linalg.AddmmBackward0.apply(bias, x, w)
    return linalg.AddmmBackward0.apply(bias, x, w, beta=beta, alpha=alpha)


def linear(x: Tensor, weight: Tensor, bias: Tensor | None = None) -> Tensor:
    """``x @ weight.T + bias`` as PyTorch records it: addmm for 2-d input, matmul (+ add) otherwise."""
    if x._data.ndim == 2 and bias is not None:
        return addmm(bias, x, t(weight))
    if bias is not None and x.dim() != 2:  # 1-d too: PyTorch multiplies it as a one-row matrix
        flat = reshape(x, -1, x.shape[-1])
        return reshape(addmm(bias, flat, t(weight)), *x.shape[:-1], weight.shape[0])
    out = matmul(x, t(weight))
    return out if bias is None else pw.add(out, bias)
