"""What ``torch.tensor`` and ``Tensor.new_tensor`` check in their data: PyTorch's words for uneven nested
lists, and its warning against copying a tensor through them."""

from __future__ import annotations

import warnings
from typing import Any

from engine.tensor import Tensor

COPY_CONSTRUCT_WARNING = (
    "To copy construct from a tensor, it is recommended to use sourceTensor.detach().clone() or "
    "sourceTensor.detach().clone().requires_grad_(True), rather than torch.tensor(sourceTensor)."
)


def ragged_length(values: Any) -> str | None:
    """PyTorch's words for nested lists of uneven lengths: the first (depth-first) that differs from the
    lengths along the first elements."""
    sizes, first = [], values
    while isinstance(first, list | tuple):
        sizes.append(len(first))
        if not first:
            break
        first = first[0]

    def find(sequence: Any, depth: int) -> str | None:
        if depth >= len(sizes) or not isinstance(sequence, list | tuple):
            return None
        if len(sequence) != sizes[depth]:
            return f"expected sequence of length {sizes[depth]} at dim {depth} (got {len(sequence)})"
        return next((found for item in sequence if (found := find(item, depth + 1))), None)

    return find(values, 0)


def new_tensor(self: Tensor, data: Any, dtype: Any = None, requires_grad: bool = False) -> Tensor:
    """``Tensor.new_tensor``: a new tensor of ``data``, with this tensor's dtype unless ``dtype`` is given."""
    from engine.creation import tensor

    if isinstance(data, Tensor):
        wording = COPY_CONSTRUCT_WARNING.replace(
            "torch.tensor(sourceTensor)", "tensor.new_tensor(sourceTensor)"
        )
        warnings.warn(wording, UserWarning, stacklevel=2)
        data = data._data
    return tensor(data, dtype=dtype or self.dtype, requires_grad=requires_grad)
