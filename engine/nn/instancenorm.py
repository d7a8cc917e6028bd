"""``InstanceNorm1d`` and ``InstanceNorm2d``: each channel of each sample normalised on its own."""

from __future__ import annotations

import warnings
from typing import Any

from engine.nn import functional_norms as norms
from engine.nn.normalization import _BatchNorm
from engine.tensor import Tensor


class _InstanceNorm(_BatchNorm):
    """Batch norm's parameters and buffers, but no affine transform or running statistics by default."""

    _optional = _BatchNorm._optional
    dims: tuple[int, int]  # the unbatched and the batched input's number of dimensions

    def __init__(
        self,
        num_features: int,
        eps: float = 1e-5,
        momentum: float | None = 0.1,
        affine: bool = False,
        track_running_stats: bool = False,
        device: Any = None,
        dtype: Any = None,
        *,
        bias: bool = True,
    ) -> None:
        super().__init__(num_features, eps, momentum, affine, track_running_stats, device, dtype, bias=bias)

    def forward(self, input: Tensor) -> Tensor:
        unbatched, batched = self.dims
        if input.dim() not in self.dims:
            raise ValueError(f"expected {unbatched}D or {batched}D input (got {input.dim()}D input)")
        feature_dim = input.dim() - unbatched
        if input.shape[feature_dim] != self.num_features:
            if self.affine:
                raise ValueError(
                    f"expected input's size at dim={feature_dim} to match num_features "
                    f"({self.num_features}), but got: {input.shape[feature_dim]}."
                )
            warnings.warn(
                f"input's size at dim={feature_dim} does not match num_features. You can silence this "
                "warning by not passing in num_features, which is not used because affine=False",
                UserWarning,
                stacklevel=2,
            )
        if input.dim() == unbatched:  # a batch of one, then the batch dimension dropped again
            return self._normalize(input.unsqueeze(0)).squeeze(0)
        return self._normalize(input)

    def _normalize(self, input: Tensor) -> Tensor:
        return norms.instance_norm(
            input,
            self.running_mean,
            self.running_var,
            self.weight,
            self.bias,
            self.training or not self.track_running_stats,
            0.0 if self.momentum is None else self.momentum,
            self.eps,
        )


class InstanceNorm1d(_InstanceNorm):
    """Over (C, L) or (N, C, L) inputs."""

    dims = (2, 3)


class InstanceNorm2d(_InstanceNorm):
    """Over (C, H, W) or (N, C, H, W) inputs."""

    dims = (3, 4)
