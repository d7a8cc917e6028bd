"""In a worker: a run's events as ``KIND JSON`` lines, and its answer encoded once as JSON bytes.

The answer is ``POST /api/run``'s body exactly as the server sends it (every field of ``RunResponse``, in
its order), so the server passes the bytes through without decoding and re-encoding them. Each frame's
graph — the bulk of an answer — is encoded once, when the frame is recorded: the same bytes go out as the
frame's event (to the pipe for a streamed run, else to the journal, so that a killed run keeps its
frames) and are spliced into the answer.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any

ERROR_FIELDS = ("type", "message", "line", "column", "hint", "limit")
VARIABLE_FIELDS = ("name", "type", "repr", "shape", "dtype", "requires_grad", "is_leaf", "grad")
ALWAYS_SENT = ("stdout", "frame")  # events sent (to the journal) even for a whole-answer run: a killed
# run still shows what it printed and the graphs it recorded

Send = Callable[[str, bytes], None]


def _finite(value: Any) -> Any:
    """``value`` with NaN and infinities replaced by None (JSON has no such numbers; browsers refuse them)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item) for item in value]
    return value


def encode(value: Any) -> bytes:
    """Compact UTF-8 JSON that any JSON parser accepts (non-finite floats become null)."""
    options: dict[str, Any] = {"ensure_ascii": False, "separators": (",", ":"), "default": str}
    try:
        text = json.dumps(value, allow_nan=False, **options)
    except ValueError:  # a NaN somewhere (the trace writes them as text; this is the safety net)
        text = json.dumps(_finite(value), allow_nan=False, **options)
    return text.encode("utf-8", "replace")  # a lone surrogate a snippet printed becomes "?"


class EncodedGraph(dict):
    """A frame's graph that carries its JSON (``encode``), made once: the frame budget counts its bytes and
    the frame's event and the answer send them as they are."""

    __slots__ = ("json",)

    def __init__(self, graph: dict[str, Any]) -> None:
        super().__init__(graph)
        self.json = encode(graph)


def _frame_json(frame: dict[str, Any], graph: bytes) -> bytes:
    return encode({"label": frame["label"], "line": frame["line"]})[:-1] + b',"graph":' + graph + b"}"


class AnswerWriter:
    """Sends a run's events as they happen (``send(kind, payload)``) and builds its answer from them."""

    def __init__(self, send: Send, stream: bool) -> None:
        self.send, self.stream = send, stream
        self.frames: list[tuple[dict[str, Any], bytes, bytes]] = []  # (graph, its JSON, its frame's JSON)

    def emit(self, event: dict[str, Any]) -> None:
        """The runner's event callback: frames and stdout always, other events only for a streamed run."""
        kind = event["type"]
        if kind == "frame":
            graph = event["graph"].json if type(event["graph"]) is EncodedGraph else encode(event["graph"])
            frame = _frame_json(event, graph)
            self.frames.append((event["graph"], graph, frame))
            self.send(kind, b'{"type":"frame",' + frame[1:])
        elif kind in ALWAYS_SENT or self.stream:
            self.send(kind, encode(event))

    def _spliced(self, result: dict[str, Any]) -> tuple[list[bytes], bytes] | None:
        """The frames' JSON and the end graph's, reused from the events; None if they do not match."""
        sent = self.frames
        if len(sent) != len(result["frames"]):
            return None
        pairs = zip(sent, result["frames"], strict=True)
        if any(graph is not frame["graph"] for (graph, _, _), frame in pairs):
            return None
        frames = [frame for _, _, frame in sent]
        if result["graph"] is None:
            return frames, b"null"
        if not sent or sent[-1][0] is not result["graph"]:
            return None
        return frames, sent[-1][1]

    def answer(self, result: dict[str, Any]) -> bytes:
        """The run's whole answer (``RunResponse``'s fields in order) as JSON bytes."""
        error = result["error"]
        head = {
            "stdout": result["stdout"],
            "error": None if error is None else {key: error.get(key) for key in ERROR_FIELDS},
            "variables": [{key: entry.get(key) for key in VARIABLE_FIELDS} for entry in result["variables"]],
        }
        tail = {"warnings": result["warnings"], "stats": result["stats"]}
        spliced = self._spliced(result)
        if spliced is None:  # not expected: the frames always come from the events; encode them again
            frames = [_frame_json(frame, encode(frame["graph"])) for frame in result["frames"]]
            graph = encode(result["graph"])
        else:
            frames, graph = spliced
        middle = b',"frames":[' + b",".join(frames) + b'],"graph":' + graph + b","
        return encode(head)[:-1] + middle + encode(tail)[1:]
