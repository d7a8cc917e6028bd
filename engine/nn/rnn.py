"""``nn.RNN``, ``nn.LSTM`` and ``nn.GRU``: recurrent layers, unrolled over time into the engine's own ops.

Parameters are named, shaped, ordered and initialised as PyTorch's (``weight_ih_l0``, ``weight_hh_l0``,
``bias_ih_l0``, ``bias_hh_l0``, then ``_reverse`` and the next layers; each drawn from U(±1/√hidden_size) in
that order), so after the same ``manual_seed`` a layer starts from PyTorch's numbers. A gate block's rows are
in PyTorch's order: (input, forget, cell, output) for an LSTM, (reset, update, new) for a GRU.

The forward pass is each time step written out (``linear``, ``sigmoid``, ``tanh``, ``chunk``, ``stack``), so
autograd records, and the graph view shows, the cell's arithmetic step by step. PyTorch's CPU kernel records
one fused node per layer instead (``MkldnnRnnLayerBackward0``); the values and gradients are the same.
"""

from __future__ import annotations

import math
import numbers
import warnings
from typing import Any

from engine import creation, join_ops
from engine.functions import pointwise as pw
from engine.nn import functional as F
from engine.nn import init
from engine.nn.module import Module
from engine.nn.parameter import Parameter
from engine.product_ops import linear
from engine.tensor import Tensor

GATES = {"RNN_TANH": 1, "RNN_RELU": 1, "LSTM": 4, "GRU": 3}  # weight blocks per cell, stacked by rows


class RNNBase(Module):
    """What the three layers share: checks, parameters, the walk over layers, directions and steps."""

    def __init__(
        self,
        mode: str,
        input_size: int,
        hidden_size: int,
        num_layers: int = 1,
        bias: bool = True,
        batch_first: bool = False,
        dropout: float = 0.0,
        bidirectional: bool = False,
        proj_size: int = 0,
        device: Any = None,
        dtype: Any = None,
    ) -> None:
        super().__init__()
        if not isinstance(dropout, numbers.Number) or isinstance(dropout, bool) or not 0 <= dropout <= 1:
            raise ValueError(
                "dropout should be a number in range [0, 1] representing the probability of an element "
                "being zeroed"
            )
        if dropout > 0 and num_layers == 1:
            warnings.warn(
                "dropout option adds dropout after all but last recurrent layer, so non-zero dropout expects "
                f"num_layers greater than 1, but got dropout={dropout} and num_layers={num_layers}",
                stacklevel=3,
            )
        if not isinstance(hidden_size, int) or isinstance(hidden_size, bool):
            raise TypeError(f"hidden_size should be of type int, got: {type(hidden_size).__name__}")
        if hidden_size <= 0:
            raise ValueError("hidden_size must be greater than zero")
        if num_layers <= 0:
            raise ValueError("num_layers must be greater than zero")
        if proj_size:
            raise NotImplementedError("proj_size is not supported by this engine")
        self.mode, self.input_size, self.hidden_size = mode, input_size, hidden_size
        self.num_layers, self.bias, self.batch_first = num_layers, bias, batch_first
        self.dropout, self.bidirectional, self.proj_size = float(dropout), bidirectional, proj_size
        rows = GATES[mode] * hidden_size
        for layer in range(num_layers):
            for suffix in self._suffixes():
                width = input_size if layer == 0 else hidden_size * len(self._suffixes())
                names = [
                    (f"weight_ih_l{layer}{suffix}", (rows, width)),
                    (f"weight_hh_l{layer}{suffix}", (rows, hidden_size)),
                ]
                if bias:
                    names += [(f"bias_ih_l{layer}{suffix}", (rows,)), (f"bias_hh_l{layer}{suffix}", (rows,))]
                for name, shape in names:
                    setattr(self, name, Parameter(creation.empty(*shape, dtype=dtype, device=device)))
        self.reset_parameters()

    def _suffixes(self) -> tuple[str, ...]:
        return ("", "_reverse") if self.bidirectional else ("",)

    def reset_parameters(self) -> None:
        bound = 1.0 / math.sqrt(self.hidden_size) if self.hidden_size > 0 else 0
        for weight in self.parameters():
            init.uniform_(weight, -bound, bound)

    def _weights(self, layer: int, suffix: str) -> tuple[Tensor, Tensor, Tensor | None, Tensor | None]:
        name = f"l{layer}{suffix}"
        biases = (
            (getattr(self, f"bias_ih_{name}"), getattr(self, f"bias_hh_{name}"))
            if self.bias
            else (None, None)
        )
        return getattr(self, f"weight_ih_{name}"), getattr(self, f"weight_hh_{name}"), *biases

    @property
    def _name(self) -> str:
        return "RNN" if self.mode.startswith("RNN") else self.mode

    def _check_input(self, input: Tensor) -> bool:
        """Whether ``input`` is batched (3-D); PyTorch's errors for other shapes and widths."""
        if input.dim() not in (2, 3):
            raise ValueError(f"{self._name}: Expected input to be 2D or 3D, got {input.dim()}D instead")
        if input.size(-1) != self.input_size:
            expected, got = self.input_size, input.size(-1)
            raise RuntimeError(f"input.size(-1) must be equal to input_size. Expected {expected}, got {got}")
        return input.dim() == 3

    def _check_hidden(self, hidden: Tensor, expected: tuple[int, ...], which: str = "hidden") -> None:
        if tuple(hidden.shape) != expected:
            raise RuntimeError(f"Expected {which} size {expected}, got {list(hidden.shape)}")

    def _run(self, input: Tensor, states: list[Tensor]) -> tuple[Tensor, list[Tensor]]:
        """The layers over ``input`` (time, batch, features) from ``states`` (each (layers·directions, batch,
        hidden)); the last layer's outputs and each state's last values, stacked alike."""
        steps = list(input.unbind(0))
        finals: list[list[Tensor]] = [[] for _ in states]
        for layer in range(self.num_layers):
            outputs = []
            for direction, suffix in enumerate(self._suffixes()):
                index = layer * len(self._suffixes()) + direction
                state = [kind[index] for kind in states]
                order = range(len(steps) - 1, -1, -1) if direction else range(len(steps))
                column: list[Tensor] = [None] * len(steps)  # type: ignore[list-item]
                weights = self._weights(layer, suffix)
                for step in order:
                    state = self._cell(steps[step], state, *weights)
                    column[step] = state[0]
                outputs.append(column)
                for final, value in zip(finals, state, strict=True):
                    final.append(value)
            steps = [join_ops.cat([column[step] for column in outputs], 1) for step in range(len(steps))]
            if self.dropout and self.training and layer < self.num_layers - 1:
                steps = [F.dropout(step, self.dropout, True) for step in steps]
        return join_ops.stack(steps, 0), [join_ops.stack(final, 0) for final in finals]

    def _cell(
        self, x: Tensor, state: list[Tensor], w_ih: Tensor, w_hh: Tensor, b_ih: Any, b_hh: Any
    ) -> list[Tensor]:
        raise NotImplementedError

    def _forward(self, input: Tensor, hx: Any, count: int) -> tuple[Tensor, list[Tensor]]:
        """Shared by the layers: shapes checked, batch put second, ``count`` states (zeros by default)."""
        batched = self._check_input(input)
        if not batched:
            input = input.unsqueeze(1)
        elif self.batch_first:
            input = input.transpose(0, 1)
        directions = len(self._suffixes())
        expected = (self.num_layers * directions, input.size(1), self.hidden_size)
        if hx is None:
            states = [creation.zeros(*expected, dtype=input.dtype) for _ in range(count)]
        else:
            states = list(hx) if count > 1 else [hx]
            for state in states:
                if state.dim() != (3 if batched else 2):
                    raise RuntimeError(self._dims_message(batched, states))
            states = states if batched else [state.unsqueeze(1) for state in states]
            for index, state in enumerate(states):
                self._check_hidden(state, expected, f"hidden[{index}]" if count > 1 else "hidden")
        output, finals = self._run(input, states)
        if not batched:
            return output.squeeze(1), [final.squeeze(1) for final in finals]
        return (output.transpose(0, 1) if self.batch_first else output), finals

    def _dims_message(self, batched: bool, states: list[Tensor]) -> str:
        kind, want = ("batched 3-D", "3-D") if batched else ("unbatched 2-D", "2-D")
        if len(states) == 1:
            return f"For {kind} input, hx should also be {want} but got {states[0].dim()}-D tensor"
        dims = ", ".join(f"{state.dim()}-D" for state in states)
        return f"For {kind} input, hx and cx should also be {want} but got ({dims}) tensors"

    def extra_repr(self) -> str:
        text = f"{self.input_size}, {self.hidden_size}"
        if self.num_layers != 1:
            text += f", num_layers={self.num_layers}"
        if self.bias is not True:
            text += f", bias={self.bias}"
        if self.batch_first is not False:
            text += f", batch_first={self.batch_first}"
        if self.dropout != 0:
            text += f", dropout={self.dropout:g}"
        if self.bidirectional is not False:
            text += f", bidirectional={self.bidirectional}"
        return text


class RNN(RNNBase):
    """``h' = tanh(x W_ihᵀ + b_ih + h W_hhᵀ + b_hh)`` at each step (``nonlinearity='relu'``: relu)."""

    def __init__(self, *args: Any, nonlinearity: str = "tanh", **options: Any) -> None:
        if nonlinearity not in ("tanh", "relu"):
            raise ValueError(f"Unknown nonlinearity '{nonlinearity}'. Select from 'tanh' or 'relu'.")
        self.nonlinearity = nonlinearity
        super().__init__(f"RNN_{nonlinearity.upper()}", *args, **options)

    def _cell(
        self, x: Tensor, state: list[Tensor], w_ih: Tensor, w_hh: Tensor, b_ih: Any, b_hh: Any
    ) -> list[Tensor]:
        total = pw.add(linear(x, w_ih, b_ih), linear(state[0], w_hh, b_hh))
        return [F.tanh(total) if self.nonlinearity == "tanh" else F.relu(total)]

    def forward(self, input: Tensor, hx: Tensor | None = None) -> tuple[Tensor, Tensor]:
        output, finals = self._forward(input, hx, 1)
        return output, finals[0]


class LSTM(RNNBase):
    """Gates ``i, f, o = σ(…)``, ``g = tanh(…)``; ``c' = f·c + i·g``, ``h' = o·tanh(c')``; returns
    ``(output, (h_n, c_n))``."""

    def __init__(self, *args: Any, **options: Any) -> None:
        super().__init__("LSTM", *args, **options)

    def _cell(
        self, x: Tensor, state: list[Tensor], w_ih: Tensor, w_hh: Tensor, b_ih: Any, b_hh: Any
    ) -> list[Tensor]:
        h, c = state
        gates = pw.add(linear(x, w_ih, b_ih), linear(h, w_hh, b_hh))
        i, f, g, o = join_ops.chunk(gates, 4, 1)
        c = pw.add(pw.mul(F.sigmoid(f), c), pw.mul(F.sigmoid(i), F.tanh(g)))
        return [pw.mul(F.sigmoid(o), F.tanh(c)), c]

    def forward(
        self, input: Tensor, hx: tuple[Tensor, Tensor] | None = None
    ) -> tuple[Tensor, tuple[Tensor, Tensor]]:
        output, (h, c) = self._forward(input, hx, 2)
        return output, (h, c)


class GRU(RNNBase):
    """Gates ``r, z = σ(…)``, ``n = tanh(x W_inᵀ + b_in + r·(h W_hnᵀ + b_hn))``; ``h' = (1 - z)·n + z·h``."""

    def __init__(self, *args: Any, **options: Any) -> None:
        super().__init__("GRU", *args, **options)

    def _cell(
        self, x: Tensor, state: list[Tensor], w_ih: Tensor, w_hh: Tensor, b_ih: Any, b_hh: Any
    ) -> list[Tensor]:
        h = state[0]
        i_r, i_z, i_n = join_ops.chunk(linear(x, w_ih, b_ih), 3, 1)
        h_r, h_z, h_n = join_ops.chunk(linear(h, w_hh, b_hh), 3, 1)
        r, z = F.sigmoid(pw.add(i_r, h_r)), F.sigmoid(pw.add(i_z, h_z))
        n = F.tanh(pw.add(i_n, pw.mul(r, h_n)))
        return [pw.add(pw.mul(pw.rsub(z, 1), n), pw.mul(z, h))]

    def forward(self, input: Tensor, hx: Tensor | None = None) -> tuple[Tensor, Tensor]:
        output, finals = self._forward(input, hx, 1)
        return output, finals[0]
