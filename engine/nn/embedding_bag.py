"""``F.embedding_bag`` and ``nn.EmbeddingBag``: the sum, mean or max of bags of embedding rows, without
building the (indices, width) tensor of the rows themselves. Bags are the rows of a 2-D input, or runs of
a 1-D input starting at ``offsets``."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np

from engine import creation, grad_mode
from engine.functions.embedding_bag import EmbeddingBagBackward0
from engine.nn import init
from engine.nn.module import Module
from engine.nn.parameter import Parameter
from engine.tensor import Tensor

MODES = ("sum", "mean", "max")
SWAPPED = (
    "Argument order of nn.functional.embedding_bag was changed. Usage `embedding_bag(weight, input, ...)` is "
    "deprecated, and should now be `embedding_bag(input, weight, ...)`."
)
INTERNAL = (
    "Expected i < index_size to be true, but got false.  (Could this error message be improved?  If so, "
    "please report an enhancement request to PyTorch.)"
)


def embedding_bag(
    input: Tensor,  # noqa: A002 - PyTorch's names
    weight: Tensor,
    offsets: Tensor | None = None,
    max_norm: float | None = None,
    norm_type: float = 2,
    scale_grad_by_freq: bool = False,
    mode: str = "mean",
    sparse: bool = False,
    per_sample_weights: Tensor | None = None,
    include_last_offset: bool = False,
    padding_idx: int | None = None,
) -> Tensor:
    """One row per bag: the sum (each row times its ``per_sample_weights`` entry), mean or max of the
    bag's rows of ``weight``; rows at ``padding_idx`` are left out (and not counted); an empty bag is 0."""
    if weight.dtype.scalar_name == "Long" and input.is_floating_point():
        warnings.warn(SWAPPED, UserWarning, stacklevel=2)
        weight, input = input, weight  # noqa: A001
    if per_sample_weights is not None and input.shape != per_sample_weights.shape:
        raise ValueError(
            f"embedding_bag: If per_sample_weights ({per_sample_weights.shape}) is not None, then it must "
            f"have the same shape as the input ({input.shape})"
        )
    if weight.dim() != 2:
        raise ValueError(f"weight has to be a 2D Tensor, but got Tensor of dimension {weight.dim()}")
    if input.dim() == 2:
        if offsets is not None:
            kind = "<class 'torch.Tensor'>" if isinstance(offsets, Tensor) else str(type(offsets))
            raise ValueError(
                "if input is 2D, then offsets has to be None, as input is treated is a mini-batch of fixed "
                f"length sequences. However, found offsets of type {kind}"
            )
        if input.shape[1] == 0:
            raise RuntimeError("step must be nonzero")
        offsets = Tensor._wrap(np.arange(0, input.numel(), input.shape[1], dtype=input._data.dtype))
        include_last_offset = False
        input = input.reshape(-1)  # noqa: A001
        if per_sample_weights is not None:
            per_sample_weights = per_sample_weights.reshape(-1)
    elif input.dim() == 1:
        if offsets is None:
            raise ValueError("offsets has to be a 1D Tensor but got None")
        if offsets.dim() != 1:
            raise ValueError("offsets has to be a 1D Tensor")
    else:
        raise ValueError(f"input has to be 1D or 2D Tensor, but got Tensor of dimension {input.dim()}")
    if mode not in MODES:
        raise ValueError("mode has to be one of sum, mean or max")
    if mode == "max" and scale_grad_by_freq:
        raise ValueError("max mode does not support scaling the gradient by the frequency")
    if mode == "max" and sparse:
        raise ValueError("max mode does not support sparse weights")
    if max_norm is not None or scale_grad_by_freq or sparse:
        raise NotImplementedError("max_norm, scale_grad_by_freq and sparse are not supported by this engine")
    if per_sample_weights is not None and mode != "sum":
        raise NotImplementedError(
            "embedding_bag: per_sample_weights was not None. per_sample_weights is only supported for "
            f"mode='sum' (got mode='{mode}'). Please open a feature request on GitHub."
        )
    bags, padding_idx = _checked_bags(
        input, weight, offsets, per_sample_weights, include_last_offset, padding_idx
    )
    options = {"indices": input._data, "bags": bags, "mode": mode, "padding_idx": padding_idx}
    return EmbeddingBagBackward0.apply(weight, per_sample_weights, **options)


def _checked_bags(
    input: Tensor,  # noqa: A002
    weight: Tensor,
    offsets: Tensor,
    per_sample_weights: Tensor | None,
    include_last_offset: bool,
    padding_idx: int | None,
) -> tuple[list[tuple[int, int]], int | None]:
    """PyTorch's checks of the indices, offsets, table and padding row; each bag's (start, end)."""
    for indices in (input, offsets):
        if indices.dtype.scalar_name not in ("Long", "Int"):
            raise RuntimeError(
                "Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, "
                f"Int; but got {indices.type()} instead (while checking arguments for embedding_bag)"
            )
    if not weight.is_floating_point():
        raise RuntimeError(
            "Expected tensor for argument #1 'weight' to have one of the following scalar types: Half, "
            f"BFloat16, Float, Double; but got {weight.type()} instead (while checking arguments for "
            "embedding_bag)"
        )
    if per_sample_weights is not None and per_sample_weights.dtype != weight.dtype:
        raise RuntimeError(
            "Expected tensor for argument #1 'weight' to have the same type as tensor for argument #1 "
            f"'per_sample_weights'; but type {weight.type()} does not equal {per_sample_weights.type()} "
            "(while checking arguments for embedding_bag)"
        )
    rows = weight.shape[0]
    if padding_idx is not None:
        if not -rows <= padding_idx < rows:
            raise RuntimeError(
                f"padding_idx must be within the number of embeddings, {-rows} through {rows - 1}, "
                f"but got {padding_idx}"
            )
        padding_idx %= rows
    starts, length = [int(start) for start in offsets._data], input.numel()
    if starts and starts[0] != 0:
        raise RuntimeError(
            "offsets[0] has to be 0, i.e., the first sequence in the mini-batch has to start from position "
            f"0. However, got {starts[0]}\n[ {offsets.type()}{{}} ]"
        )
    if starts and starts[-1] > length:
        raise RuntimeError(
            f"offsets[-1] can not be greater than input's length {length} but got offsets[-1] of {starts[-1]}"
        )
    ends = starts[1:] if include_last_offset or not starts else starts[1:] + [length]
    starts = starts[:-1] if include_last_offset else starts
    if any(end < start for start, end in zip(starts, ends, strict=True)):
        raise RuntimeError(INTERNAL)
    for position, row in enumerate(input._data.tolist()):
        if not 0 <= row < rows:
            raise RuntimeError(
                f"Index {position} of input takes value {row} which is not in the valid range [0, {rows})"
            )
    return list(zip(starts, ends, strict=True)), padding_idx


class EmbeddingBag(Module):
    """Rows drawn from N(0, 1) as PyTorch's ``normal_``; the ``padding_idx`` row is zero."""

    def __init__(
        self,
        num_embeddings: int,
        embedding_dim: int,
        max_norm: float | None = None,
        norm_type: float = 2.0,
        scale_grad_by_freq: bool = False,
        mode: str = "mean",
        sparse: bool = False,
        _weight: Tensor | None = None,
        include_last_offset: bool = False,
        padding_idx: int | None = None,
        device: Any = None,
        dtype: Any = None,
    ) -> None:
        super().__init__()
        self.num_embeddings, self.embedding_dim = num_embeddings, embedding_dim
        self.max_norm, self.norm_type, self.scale_grad_by_freq = max_norm, norm_type, scale_grad_by_freq
        if padding_idx is not None:
            if padding_idx > 0 and padding_idx >= num_embeddings:
                raise AssertionError("padding_idx must be within num_embeddings")
            if padding_idx < 0:
                if padding_idx < -num_embeddings:
                    raise AssertionError("padding_idx must be within num_embeddings")
                padding_idx = num_embeddings + padding_idx
        self.padding_idx = padding_idx
        if _weight is None:
            self.weight = Parameter(creation.empty(num_embeddings, embedding_dim, dtype=dtype))
            self.reset_parameters()
        else:
            if list(_weight.shape) != [num_embeddings, embedding_dim]:
                raise AssertionError("Shape of weight does not match num_embeddings and embedding_dim")
            self.weight = Parameter(_weight)
        self.mode, self.sparse, self.include_last_offset = mode, sparse, include_last_offset

    def reset_parameters(self) -> None:
        init.normal_(self.weight)
        if self.padding_idx is not None:
            with grad_mode.no_grad():
                self.weight[self.padding_idx].fill_(0)

    def forward(
        self,
        input: Tensor,  # noqa: A002
        offsets: Tensor | None = None,
        per_sample_weights: Tensor | None = None,
    ) -> Tensor:
        options = {"max_norm": self.max_norm, "norm_type": self.norm_type, "mode": self.mode}
        options |= {"scale_grad_by_freq": self.scale_grad_by_freq, "sparse": self.sparse}
        options |= {"include_last_offset": self.include_last_offset, "padding_idx": self.padding_idx}
        return embedding_bag(input, self.weight, offsets, per_sample_weights=per_sample_weights, **options)

    def extra_repr(self) -> str:
        text = f"{self.num_embeddings!r}, {self.embedding_dim!r}"
        if self.max_norm is not None:
            text += f", max_norm={self.max_norm!r}"
        if self.norm_type != 2:
            text += f", norm_type={self.norm_type!r}"
        if self.scale_grad_by_freq is not False:
            text += f", scale_grad_by_freq={self.scale_grad_by_freq!r}"
        text += f", mode={self.mode!r}"
        if self.padding_idx is not None:
            text += f", padding_idx={self.padding_idx!r}"
        return text

    @classmethod
    def from_pretrained(cls, embeddings: Tensor, freeze: bool = True, **options: Any) -> EmbeddingBag:
        """A bag layer over ``embeddings`` as they are (the padding row is not zeroed), frozen by default."""
        if embeddings.dim() != 2:
            raise AssertionError("Embeddings parameter is expected to be 2-dimensional")
        rows, cols = embeddings.shape
        bag = cls(num_embeddings=rows, embedding_dim=cols, _weight=embeddings, **options)
        bag.weight.requires_grad = not freeze
        return bag
