"""Render tensors as text exactly the way PyTorch's ``repr``/``str`` does, using numpy only."""

from __future__ import annotations

import contextlib
import dataclasses
import math
from collections.abc import Iterator
from typing import Any

import numpy as np

__all__ = [
    "format_nonscalar",
    "format_parameter",
    "format_scalar",
    "format_tensor",
    "get_printoptions",
    "printoptions",
    "set_printoptions",
]

# Dtypes whose name is never printed for a non-empty tensor (the default float dtype, int64, bool).
_IMPLICIT_DTYPES = frozenset({"float32", "int64", "bool"})
# The default floating dtype; it is the only one left unnamed for an empty tensor.
_DEFAULT_FLOAT_DTYPE = "float32"
_KNOWN_DTYPES = frozenset(
    {"bool", "uint8", "int8", "int16", "int32", "int64", "float16", "float32", "float64"}
)


@dataclasses.dataclass
class _PrintOptions:
    """Module-wide printing options, mirroring torch's defaults."""

    precision: int = 4
    threshold: float = 1000
    edgeitems: int = 3
    linewidth: int = 80
    sci_mode: bool | None = None


_PROFILES: dict[str, dict[str, Any]] = {
    "default": {"precision": 4, "threshold": 1000, "edgeitems": 3, "linewidth": 80},
    "short": {"precision": 2, "threshold": 1000, "edgeitems": 2, "linewidth": 80},
    "full": {"precision": 4, "threshold": math.inf, "edgeitems": 3, "linewidth": 80},
}

PRINT_OPTS = _PrintOptions()


# ----------------------------------------------------------------------------- options


def set_printoptions(
    precision: int | None = None,
    threshold: float | None = None,
    edgeitems: int | None = None,
    linewidth: int | None = None,
    profile: str | None = None,
    sci_mode: bool | None = None,
) -> None:
    """Set printing options like ``torch.set_printoptions`` (a profile first, then explicit values)."""
    for name, value in _PROFILES.get(profile or "", {}).items():
        setattr(PRINT_OPTS, name, value)
    explicit = {
        "precision": precision,
        "threshold": threshold,
        "edgeitems": edgeitems,
        "linewidth": linewidth,
    }
    for name, value in explicit.items():
        if value is not None:
            setattr(PRINT_OPTS, name, value)
    PRINT_OPTS.sci_mode = sci_mode  # always assigned: None means "choose automatically"


def get_printoptions() -> dict[str, Any]:
    """Return the current printing options as a dict accepted by ``set_printoptions(**opts)``."""
    return dataclasses.asdict(PRINT_OPTS)


@contextlib.contextmanager
def printoptions(**kwargs: Any) -> Iterator[None]:
    """Temporarily change printing options inside a ``with`` block."""
    saved = get_printoptions()
    set_printoptions(**kwargs)
    try:
        yield
    finally:
        set_printoptions(**saved)


# ----------------------------------------------------------------------------- element formatting


class _ElementFormatter:
    """Pick one style (integer-valued, fixed or scientific) and one width for all shown elements."""

    def __init__(self, sample: np.ndarray) -> None:
        """Fit the style and width to ``sample``, the elements that will actually be displayed."""
        self.floating = sample.dtype.kind == "f"
        self.int_mode = True
        self.sci_mode = False
        self.width = 1
        if self.floating:
            self._fit_floats(sample)
        else:
            self._fit_exact(sample)

    def _fit_exact(self, sample: np.ndarray) -> None:
        """Integer and bool elements print as Python's ``str`` of the value."""
        self.width = max([1, *(len(str(v)) for v in sample.ravel().tolist())])

    def _fit_floats(self, sample: np.ndarray) -> None:
        """Decide style from the nonzero finite elements; zeros, inf and nan never affect it."""
        flat = sample.ravel()
        shown = flat[np.isfinite(flat) & (flat != 0)]
        if shown.size == 0:
            return
        self.int_mode = bool(np.all(shown == np.ceil(shown)))
        magnitudes = np.abs(shown).astype(np.float64)
        smallest, largest = float(magnitudes.min()), float(magnitudes.max())
        if PRINT_OPTS.sci_mode is None:
            self.sci_mode = largest / smallest > 1000.0 or largest > 1.0e8 or smallest < 1.0e-4
        else:
            self.sci_mode = bool(PRINT_OPTS.sci_mode)
        self.width = max(len(self._text(v)) for v in shown.tolist())

    def _text(self, value: Any) -> str:
        """Format one element without padding."""
        if not self.floating:
            return str(value)
        precision = PRINT_OPTS.precision
        if self.sci_mode:
            return f"{value:.{precision}e}"
        if self.int_mode:
            return f"{value:.0f}" + ("" if math.isinf(value) or math.isnan(value) else ".")
        return f"{value:.{precision}f}"

    def format(self, value: Any) -> str:
        """Format one element right-aligned to the common width."""
        return self._text(value).rjust(self.width)


# ----------------------------------------------------------------------------- layout


def _is_summarized(values: np.ndarray) -> bool:
    """A tensor is summarized with ``...`` when it has more elements than the threshold."""
    return values.size > PRINT_OPTS.threshold


def _edge_positions(length: int, summarize: bool) -> list[int | None]:
    """Indices kept along one axis; ``None`` marks where the ``...`` goes."""
    edge = PRINT_OPTS.edgeitems
    if summarize and length > 2 * edge:
        return [*range(edge), None, *range(length - edge, length)]
    return list(range(length))


def _displayed_elements(values: np.ndarray) -> np.ndarray:
    """The sub-array of elements that will be printed (all of them unless summarized)."""
    if not _is_summarized(values) or values.ndim == 0:
        return values
    keep = [[i for i in _edge_positions(n, True) if i is not None] for n in values.shape]
    return values[np.ix_(*keep)]


def _format_all(values: np.ndarray, fmt: _ElementFormatter) -> list[str]:
    """Format every element of a 1-d array."""
    return [fmt.format(v) for v in values.tolist()]


def _row_items(row: np.ndarray, summarize: bool, fmt: _ElementFormatter) -> list[str]:
    """The formatted elements of a 1-d array, with ``...`` standing in for the middle when summarized."""
    edge = PRINT_OPTS.edgeitems
    if summarize and not edge:
        return ["..."]
    if summarize and len(row) > 2 * edge:
        return [*_format_all(row[:edge], fmt), " ...", *_format_all(row[-edge:], fmt)]
    return _format_all(row, fmt)


def _render_row(row: np.ndarray, indent: int, summarize: bool, fmt: _ElementFormatter) -> str:
    """Render a 1-d array, wrapping it so that lines fit within the line width."""
    items = _row_items(row, summarize, fmt)
    per_line = max(1, math.floor((PRINT_OPTS.linewidth - indent) / (fmt.width + 2)))
    lines = [", ".join(items[i : i + per_line]) for i in range(0, len(items), per_line)]
    return "[" + (",\n" + " " * (indent + 1)).join(lines) + "]"


def _render_block(values: np.ndarray, indent: int, summarize: bool, fmt: _ElementFormatter) -> str:
    """Render an array of any rank; sub-blocks of rank k are separated by k-1 blank lines."""
    if values.ndim == 0:
        return fmt.format(values.item())
    if values.ndim == 1:
        return _render_row(values, indent, summarize, fmt)
    parts = [
        "..." if i is None else _render_block(values[i], indent + 1, summarize, fmt)
        for i in _edge_positions(values.shape[0], summarize)
    ]
    separator = "," + "\n" * (values.ndim - 1) + " " * (indent + 1)
    return "[" + separator.join(parts) + "]"


def _render_contents(values: np.ndarray, indent: int) -> str:
    """Render the bracketed element text of a non-empty array."""
    summarize = _is_summarized(values)
    fmt = _ElementFormatter(_displayed_elements(values))
    return _render_block(values, indent, summarize, fmt)


# ----------------------------------------------------------------------------- suffixes


def _metadata_suffixes(values: np.ndarray, dtype_name: str) -> list[str]:
    """The ``size=`` and ``dtype=`` suffixes torch adds for this array."""
    suffixes = []
    if values.size == 0:
        if values.ndim != 1:
            suffixes.append(f"size={tuple(values.shape)}")
        if dtype_name != _DEFAULT_FLOAT_DTYPE:
            suffixes.append(f"dtype=torch.{dtype_name}")
        return suffixes
    if not PRINT_OPTS.edgeitems:
        suffixes.append(f"size={tuple(values.shape)}")
    if dtype_name not in _IMPLICIT_DTYPES:
        suffixes.append(f"dtype=torch.{dtype_name}")
    return suffixes


def _autograd_suffixes(requires_grad: bool, grad_fn_name: str | None) -> list[str]:
    """``grad_fn=<...>`` for non-leaf tensors, else ``requires_grad=True`` for leaves that need grad."""
    if grad_fn_name is not None:
        return [f"grad_fn=<{grad_fn_name}>"]
    return ["requires_grad=True"] if requires_grad else []


def _append_suffixes(text: str, suffixes: list[str], indent: int) -> str:
    """Append ``, suffix`` items and the closing paren, moving a suffix to a new line if it would overflow."""
    pieces = [text]
    # torch counts the last line as its length plus 2; this quirk decides where suffixes wrap.
    line_length = len(text) - text.rfind("\n") + 1
    for suffix in suffixes:
        if line_length + len(suffix) + 2 > PRINT_OPTS.linewidth:
            pieces.append(",\n" + " " * indent + suffix)
            line_length = indent + len(suffix)
        else:
            pieces.append(", " + suffix)
            line_length += len(suffix) + 2
    pieces.append(")")
    return "".join(pieces)


# ----------------------------------------------------------------------------- public entry points


def _as_array(data: Any, dtype_name: str) -> np.ndarray:
    """View ``data`` as an ndarray of the named dtype (unknown names keep the data's own dtype)."""
    if dtype_name in _KNOWN_DTYPES:
        return np.asarray(data, dtype=np.dtype(dtype_name))
    return np.asarray(data)


def format_tensor(
    data: np.ndarray,
    dtype_name: str,
    *,
    requires_grad: bool = False,
    grad_fn_name: str | None = None,
    prefix: str = "tensor(",
) -> str:
    """Return what ``repr(t)`` prints for a CPU tensor holding ``data`` with dtype ``dtype_name``."""
    values = _as_array(data, dtype_name)
    indent = len(prefix)
    body = _render_contents(values, indent) if values.size else "[]"
    suffixes = _metadata_suffixes(values, dtype_name) + _autograd_suffixes(requires_grad, grad_fn_name)
    return _append_suffixes(prefix + body, suffixes, indent)


def format_parameter(
    data: np.ndarray,
    dtype_name: str,
    *,
    requires_grad: bool = True,
    grad_fn_name: str | None = None,
) -> str:
    """Return what ``repr(p)`` prints for an ``nn.Parameter`` (a header line, then the tensor repr)."""
    tensor_text = format_tensor(data, dtype_name, requires_grad=requires_grad, grad_fn_name=grad_fn_name)
    return "Parameter containing:\n" + tensor_text


def format_scalar(value: Any, spec: str) -> str:
    """Format a 0-d tensor's value with ``spec`` as ``Tensor.__format__`` does (via the Python scalar)."""
    if isinstance(value, np.ndarray | np.generic):
        value = value.item()
    return format(value, spec)


def format_nonscalar(text: str, spec: str, type_name: str = "Tensor") -> str:
    """``Tensor.__format__`` for non-0-d tensors: ``str(t)`` for an empty spec, else ``TypeError``."""
    if spec:
        raise TypeError(f"unsupported format string passed to {type_name}.__format__")
    return text
