"""``nn.RNNCell``, ``nn.LSTMCell`` and ``nn.GRUCell``: one time step of the recurrent layers, for loops the
learner writes. Parameters as ``nn.RNN``'s (``weight_ih``, ``weight_hh``, ``bias_ih``, ``bias_hh``, drawn in
that order from U(±1/√hidden_size)), so after the same ``manual_seed`` a cell starts from PyTorch's numbers.

PyTorch's CPU cells are made of ordinary ops, so the step is written here as PyTorch writes it (hidden part
first, gates split by ``unsafe_chunk``, the GRU's ``h' = (h - n)·z + n``): the same nodes, the same roundings.
"""

from __future__ import annotations

from typing import Any

from engine import creation, join_ops
from engine.functions import pointwise as pw
from engine.nn import functional as F
from engine.nn.module import Module
from engine.nn.parameter import Parameter
from engine.nn.rnn import GATES, RNNBase
from engine.product_ops import linear
from engine.tensor import Tensor


class RNNCellBase(Module):
    """What the three cells share: parameters, their initial draws, the checks of input and states."""

    def __init__(
        self, input_size: int, hidden_size: int, bias: bool, mode: str, device: Any = None, dtype: Any = None
    ) -> None:
        super().__init__()
        self.input_size, self.hidden_size, self.bias = input_size, hidden_size, bias
        rows = GATES[mode] * hidden_size
        self.weight_ih = Parameter(creation.empty(rows, input_size, dtype=dtype, device=device))
        self.weight_hh = Parameter(creation.empty(rows, hidden_size, dtype=dtype, device=device))
        for name in ("bias_ih", "bias_hh"):
            value = Parameter(creation.empty(rows, dtype=dtype, device=device)) if bias else None
            self.register_parameter(name, value)
        self.reset_parameters()

    reset_parameters = RNNBase.reset_parameters  # the same draws, in the same order, as the layers'

    def _states(self, input: Tensor, hx: Any, labels: tuple[str, ...]) -> tuple[Tensor, list[Tensor], bool]:
        """``input`` and the states as 2-D (batch, features), zeros by default, and whether it was batched;
        PyTorch's ValueErrors for inputs and states that are neither 1-D nor 2-D."""
        name = type(self).__name__
        if input.dim() not in (1, 2):
            raise ValueError(f"{name}: Expected input to be 1D or 2D, got {input.dim()}D instead")
        states = None if hx is None else (list(hx) if len(labels) > 1 else [hx])
        for state, label in zip(states or [], labels, strict=False):
            if state.dim() not in (1, 2):
                raise ValueError(f"{name}: Expected {label} to be 1D or 2D, got {state.dim()}D instead")
        batched = input.dim() == 2
        if not batched:
            input = input.unsqueeze(0)
        if states is None:
            zeros = creation.zeros(input.size(0), self.hidden_size, dtype=input.dtype)
            states = [zeros] * len(labels)
        elif not batched:
            states = [state.unsqueeze(0) for state in states]
        return input, states, batched

    def _check_sizes(self, input: Tensor, states: list[Tensor]) -> None:
        """PyTorch's checks of the cell's kernel: the input's width, then each state's batch and width."""
        if input.size(1) != self.input_size:
            raise RuntimeError(
                f"input has inconsistent input_size: got {input.size(1)} expected {self.input_size}"
            )
        for number, state in enumerate(states):
            if input.size(0) != state.size(0):
                sizes = f"{input.size(0)} doesn't match hidden{number} batch size {state.size(0)}"
                raise RuntimeError(f"Input batch size {sizes}")
            if state.size(1) != self.hidden_size:
                raise RuntimeError(
                    f"hidden{number} has inconsistent hidden_size: got {state.size(1)}, "
                    f"expected {self.hidden_size}"
                )

    def _parts(self, input: Tensor, hidden: Tensor) -> tuple[Tensor, Tensor]:
        """The hidden state's and the input's contributions: ``h W_hhᵀ + b_hh`` and ``x W_ihᵀ + b_ih``."""
        return linear(hidden, self.weight_hh, self.bias_hh), linear(input, self.weight_ih, self.bias_ih)

    def extra_repr(self) -> str:
        text = f"{self.input_size}, {self.hidden_size}"
        if self.bias is not True:
            text += f", bias={self.bias}"
        nonlinearity = self.__dict__.get("nonlinearity", "tanh")
        if nonlinearity != "tanh":
            text += f", nonlinearity={nonlinearity}"
        return text


class RNNCell(RNNCellBase):
    """``h' = tanh(h W_hhᵀ + b_hh + x W_ihᵀ + b_ih)`` (``nonlinearity='relu'``: relu); 1-D input is one
    sample, the state defaults to zeros."""

    def __init__(
        self,
        input_size: int,
        hidden_size: int,
        bias: bool = True,
        nonlinearity: str = "tanh",
        device: Any = None,
        dtype: Any = None,
    ) -> None:
        super().__init__(input_size, hidden_size, bias, "RNN_TANH", device, dtype)
        self.nonlinearity = nonlinearity  # as PyTorch, an unknown one is refused only when the cell is run

    def forward(self, input: Tensor, hx: Tensor | None = None) -> Tensor:  # noqa: A002
        input, (hidden,), batched = self._states(input, hx, ("hidden",))
        if self.nonlinearity not in ("tanh", "relu"):
            raise RuntimeError(f"Unknown nonlinearity: {self.nonlinearity}")
        self._check_sizes(input, [hidden])
        total = pw.add(*self._parts(input, hidden))
        out = F.tanh(total) if self.nonlinearity == "tanh" else F.relu(total)
        return out if batched else out.squeeze(0)


class LSTMCell(RNNCellBase):
    """Gates ``i, f, o = σ(…)``, ``g = tanh(…)`` from one sum split in four; ``c' = f·c + i·g``,
    ``h' = o·tanh(c')``; returns ``(h', c')``."""

    def __init__(
        self, input_size: int, hidden_size: int, bias: bool = True, device: Any = None, dtype: Any = None
    ) -> None:
        super().__init__(input_size, hidden_size, bias, "LSTM", device, dtype)

    def forward(
        self,
        input: Tensor,  # noqa: A002
        hx: tuple[Tensor, Tensor] | None = None,
    ) -> tuple[Tensor, Tensor]:
        input, (hidden, cell), batched = self._states(input, hx, ("hx[0]", "hx[1]"))
        self._check_sizes(input, [hidden, cell])
        gates = pw.add(*self._parts(input, hidden))
        i, f, g, o = join_ops.unsafe_chunk(gates, 4, 1)
        cell = pw.add(pw.mul(F.sigmoid(f), cell), pw.mul(F.sigmoid(i), F.tanh(g)))
        hidden = pw.mul(F.sigmoid(o), F.tanh(cell))
        return (hidden, cell) if batched else (hidden.squeeze(0), cell.squeeze(0))


class GRUCell(RNNCellBase):
    """Gates ``r, z = σ(…)``, ``n = tanh(x W_inᵀ + b_in + (h W_hnᵀ + b_hn)·r)``; ``h' = (h - n)·z + n``."""

    def __init__(
        self, input_size: int, hidden_size: int, bias: bool = True, device: Any = None, dtype: Any = None
    ) -> None:
        super().__init__(input_size, hidden_size, bias, "GRU", device, dtype)

    def forward(self, input: Tensor, hx: Tensor | None = None) -> Tensor:  # noqa: A002
        input, (hidden,), batched = self._states(input, hx, ("hidden",))
        self._check_sizes(input, [hidden])
        from_hidden, from_input = self._parts(input, hidden)
        i_r, i_z, i_n = join_ops.unsafe_chunk(from_input, 3, 1)
        h_r, h_z, h_n = join_ops.unsafe_chunk(from_hidden, 3, 1)
        reset, update = F.sigmoid(pw.add(h_r, i_r)), F.sigmoid(pw.add(h_z, i_z))
        new = F.tanh(pw.add(i_n, pw.mul(h_n, reset)))
        out = pw.add(pw.mul(pw.sub(hidden, new), update), new)
        return out if batched else out.squeeze(0)
