"""``aminmax``'s node: the smallest and the largest values, over everything or along one dimension.

PyTorch records one node for both outputs; here each output has its own (as ``var_mean``'s), each named
``AminmaxBackward0``, with ``amin``'s and ``amax``'s rule: a slice's gradient split between its elements equal
to the result (NaN everywhere in a slice whose result is NaN).
"""

from __future__ import annotations

import numpy as np

from engine.functions.reduction import AmaxBackward0, _axes


class AminmaxBackward0(AmaxBackward0):
    symbol, rule = "aminmax", "min and max: each gradient is split between the elements equal to it"

    def forward(self, a, dim=None, keepdim=False, output=0):
        """``output`` 0: the minimum, 1: the maximum."""
        self.axes, self.keepdim = _axes(dim, a.ndim), keepdim
        return (np.min if output == 0 else np.max)(a, axis=self.axes, keepdims=keepdim)
