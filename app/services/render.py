"""Trace -> DOT -> SVG or PNG by the real Graphviz ``dot``, with a time limit and a cache by DOT hash.

``render(trace, fmt, view)`` gives bytes in ``fmt`` (svg, png, dot or json). A missing ``dot`` raises
``GraphvizMissingError`` and a layout over ``DOT_TIMEOUT_SECONDS`` raises ``RenderTimeoutError``; both carry
the DOT source (``.dot_source``) and the server answers them with a 503.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import threading
from collections import OrderedDict
from typing import Any

from app import config
from engine.drawing import build
from engine.trace_view import view as trace_view

FORMATS = ("svg", "png", "dot", "json")
MISSING_DOT = (
    "Graphviz's `dot` program was not found on PATH, so the graph cannot be drawn. Install it with "
    "`apt-get install graphviz` (macOS: `brew install graphviz`). The DOT source is attached."
)


class RenderError(RuntimeError):
    """``dot`` could not draw the graph; ``dot_source`` still lets the client draw it elsewhere."""

    def __init__(self, message: str, dot_source: str) -> None:
        super().__init__(message)
        self.dot_source = dot_source

    @property
    def dot(self) -> str:
        """The DOT source (the name the graph router reads)."""
        return self.dot_source


class GraphvizMissingError(RenderError):
    """No ``dot`` binary on PATH."""


class RenderTimeoutError(RenderError):
    """``dot`` ran past its time limit and was stopped."""


DotUnavailable = RenderError  # what the server answers with a 503: any of the errors above

_cache: OrderedDict[str, bytes] = OrderedDict()
_cache_lock = threading.Lock()


def to_dot(trace: dict[str, Any], view: str = "values", limit: int | None = None, lang: str = "en") -> str:
    """The DOT source of one view (values or autograd) of a trace, its legend in ``lang`` (en or ja)."""
    drawn = trace_view(trace, view, config.GRAPH_NODE_LIMIT if limit is None else limit)
    return build(drawn, lang).source


def render(
    trace: dict[str, Any],
    fmt: str = "svg",
    view: str = "values",
    *,
    limit: int | None = None,
    timeout: float | None = None,
    lang: str = "en",
) -> bytes:
    """The trace drawn as ``fmt``: SVG or PNG bytes from ``dot``, DOT text, or the trace as JSON."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if fmt == "json":
        return json.dumps(trace, ensure_ascii=False).encode()
    source = to_dot(trace, view, limit, lang)
    if fmt == "dot":
        return source.encode()
    return render_dot(source, fmt, timeout)


def render_dot(source: str, fmt: str, timeout: float | None = None) -> bytes:
    """Run ``dot -T<fmt>`` on ``source`` (cached by its hash, limited in time)."""
    options = [f"-T{fmt}"]
    if fmt == "png":
        options += [f"-Gdpi={config.PNG_DPI}", f"-Gsize={config.PNG_MAX_INCHES},{config.PNG_MAX_INCHES}"]
    key = hashlib.sha256("\0".join([*options, source]).encode()).hexdigest()
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    output = _run_dot(source, options, config.DOT_TIMEOUT_SECONDS if timeout is None else timeout)
    with _cache_lock:
        _cache[key] = output
        while len(_cache) > config.RENDER_CACHE_ENTRIES:
            _cache.popitem(last=False)
    return output


def _run_dot(source: str, options: list[str], timeout: float) -> bytes:
    program = shutil.which("dot")
    if program is None:
        raise GraphvizMissingError(MISSING_DOT, source)
    try:
        finished = subprocess.run(
            [program, *options], input=source.encode(), capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as error:
        raise RenderTimeoutError(
            f"`dot` took longer than {timeout:g} s and was stopped; the graph is too "
            "large to lay out. The DOT source is attached.",
            source,
        ) from error
    if finished.returncode != 0:
        raise RenderError(f"`dot` failed: {finished.stderr.decode(errors='replace').strip()}", source)
    return finished.stdout


def clear_cache() -> None:
    """Forget every rendered graph (tests; a changed style)."""
    with _cache_lock:
        _cache.clear()
