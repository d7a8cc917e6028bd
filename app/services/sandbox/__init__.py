"""The snippet interpreter: runs learners' PyTorch code on the engine, safely, in worker processes.

Public API (for the server; no FastAPI here):

- ``start_pool(size)`` / ``shutdown_pool()``: start the pre-started worker processes / stop them
  (the app's lifespan). ``run_code`` and ``stream_code`` start a pool of ``config.POOL_WORKERS`` if none runs.
- ``run_code(code, *, lang="en") -> dict`` (blocking, thread-safe): the run's result::

      {"stdout": str,                      # everything printed, also when the run ended in an error
       "error": None | {"type": str,       # Python's class name: RuntimeError, NameError, SyntaxError,
                                           #   UnsupportedError (refused construct), LimitExceeded, ServerBusy
                        "message": str,    # PyTorch's wording for autograd errors
                        "line": int | None, "column": int | None,   # 1-based
                        "hint": None | {"ja": str, "en": str},
                        "limit": str},     # LimitExceeded only: its app/config.py name ("SANDBOX_MAX_STEPS")
       "variables": [{"name", "type", "repr",                          # every variable at the end
                      "shape", "dtype", "requires_grad", "is_leaf", "grad"}],   # the last five for tensors
       "frames": [{"label": "backward #1" | ... | "end", "line": int | None, "graph": trace}],
       "graph": trace | None,              # the end frame's graph (engine.trace_graph.trace's dict)
       "warnings": [str],                  # warnings the engine gave, as PyTorch gives them
       "stats": {"steps", "tensor_elements", "elapsed_ms"}}

- ``run_code_json(code, *, lang="en") -> bytes``: the same dict as JSON bytes, encoded once in the worker
  (``POST /api/run`` sends them as they are); raises ``ServerBusy`` when every worker stayed busy.
- ``stream_code(code, *, lang="en") -> Iterator[dict]``: the same run as events, as they happen::

      {"type": "stdout", "text": str}                  # one per print()
      {"type": "step", "step": n, "loss": float | None, "line": int}   # one per optimizer.step()
      {"type": "frame", "label": str, "line": int | None, "graph": trace}
      {"type": "result", ...the run_code dict}         # always last

  Closing the iterator early kills the run (its worker is replaced).

``lang`` ("ja" or "en") travels with the run; hints are always given in both languages.

What user code may do is decided in three places: ``allowlist`` (constructs and names, on the AST before
anything runs: no classes, try/except, raise, global, yield, decorators, imports other than torch and
math, numpy refused with a message, no attribute starting with "_" nor format/format_map/numpy/mro and
the engine's hooks); ``values`` (every value produced is admitted or replaced by a placeholder, so numpy
objects, modules, frames and other libraries' functions are never reachable); ``budgets`` (the
SANDBOX_* limits of app/config.py). Processes (``pool``, ``process``, ``worker``, ``limits``) are the
defence behind them; each worker runs many snippets in turn, each from a fresh namespace and reset
engine state (``reset``).
"""

from __future__ import annotations

import atexit
import json
import threading
from collections.abc import Iterator
from typing import Any

from app import config
from app.services.sandbox.pool import Pool, ServerBusy

_pool: Pool | None = None
_pool_lock = threading.Lock()

__all__ = ["ServerBusy", "run_code", "run_code_json", "shutdown_pool", "start_pool", "stream_code"]


def start_pool(size: int | None = None) -> None:
    """Start ``size`` workers (default ``config.POOL_WORKERS``); a running pool is kept."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = Pool(size or config.POOL_WORKERS)
            atexit.register(shutdown_pool)


def shutdown_pool() -> None:
    """Kill every worker; the next run starts a new pool."""
    global _pool
    with _pool_lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.close()


def stream_code(code: str, *, lang: str = "en") -> Iterator[dict[str, Any]]:
    """The events of one run of ``code`` (see the module doc), ending with its result."""
    start_pool()
    assert _pool is not None
    return _pool.stream(code, lang)


def run_code_json(code: str, *, lang: str = "en") -> bytes:
    """Run ``code`` in a worker; its result dict (see the module doc) as JSON bytes, encoded by the worker.

    Raises ``ServerBusy`` (its ``result`` is the answer saying so) when no worker became free in time.
    """
    start_pool()
    assert _pool is not None
    return _pool.run_json(code, lang)


def run_code(code: str, *, lang: str = "en") -> dict[str, Any]:
    """Run ``code`` in a worker and return its result dict (see the module doc)."""
    try:
        return json.loads(run_code_json(code, lang=lang))
    except ServerBusy as busy:
        return busy.result
