"""Gradient-check cases of ``unsafe_split``/``unsafe_chunk`` (UnsafeSplitBackward0) and of the recurrent cells
that split their gates with it; merged into ``test_gradcheck.CASES``."""

from __future__ import annotations

from hypothesis import strategies as st

import engine as torch
from tests.engine import gradcheck_cases as c


def _weighted(pieces: tuple) -> torch.Tensor:
    """Each piece's sum times its position + 1, so a gradient sent to the wrong piece is caught."""
    return torch.stack([piece.sum() * (number + 1) for number, piece in enumerate(pieces)])


def unsafe_split(data):
    drawn = c.shape(data, min_dims=1)
    dim = data.draw(st.integers(-len(drawn), len(drawn) - 1), label="dim")
    size = data.draw(st.integers(1, drawn[dim]), label="split_size")
    return [c.values(data, drawn)], lambda x: _weighted(torch.unsafe_split(x, size, dim))


def unsafe_chunk(data):
    drawn = c.shape(data, min_dims=1)
    chunks = data.draw(st.integers(1, drawn[0] + 1), label="chunks")
    return [c.values(data, drawn)], lambda x: _weighted(x.unsafe_chunk(chunks))


def _cell_step(kind):
    """One step of a float64 cell (fixed weights) from input ``x`` and state ``h`` (and ``c``)."""
    torch.manual_seed(0)
    cell = kind(3, 2).double()

    def step(x, h, *cell_state):
        out = cell(x, (h, *cell_state)) if cell_state else cell(x, h)
        return torch.cat(out, 1) if isinstance(out, tuple) else out

    return step


CASES = {
    "UnsafeSplitBackward0": unsafe_split,
    "UnsafeSplitBackward0 chunk": unsafe_chunk,
    "UnsafeSplitBackward0 lstm_cell": c.fixed(
        lambda data: [c.values(data, (4, 3)), c.values(data, (4, 2)), c.values(data, (4, 2))],
        _cell_step(torch.nn.LSTMCell),
    ),
    "UnsafeSplitBackward0 gru_cell": c.fixed(
        lambda data: [c.values(data, (4, 3)), c.values(data, (4, 2))], _cell_step(torch.nn.GRUCell)
    ),
    "TanhBackward0 rnn_cell": c.fixed(
        lambda data: [c.values(data, (4, 3)), c.values(data, (4, 2))], _cell_step(torch.nn.RNNCell)
    ),
}
