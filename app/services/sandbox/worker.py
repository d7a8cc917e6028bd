"""A sandbox worker process: ``python -m app.services.sandbox.worker``, running many snippets in turn.

It imports the engine once and warms it up, says ``ready``, then serves requests from stdin, one JSON line
each: ``{"code", "lang", "limits", "stream"}``. It answers each with lines ``KIND JSON`` on its event
channel: for a streamed run its ``stdout``, ``step`` and ``frame`` events as they happen (otherwise the
``stdout`` and ``frame`` events go to the run's journal, ``journal.py``, which the server reads only if
the worker dies), then ``result`` with the whole answer (``answer.AnswerWriter``) — or ``last`` with it
when the worker is worn out and exits after it, to be replaced by the pool. The journal's descriptor is
the command's argument.

Each run is fenced by the process's limits (``limits.RunLimits``): an address-space soft limit above what
the worker maps now, a CPU soft limit, and a real-time timer whose signal ends the process even inside C
code. A run starts from a fresh namespace and reset engine state (``runner``, ``reset``), so nothing one
run does reaches the next; a run that hit its memory limit retires the worker anyway.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from typing import Any

from app import config
from app.services.sandbox import runner
from app.services.sandbox.answer import AnswerWriter, encode
from app.services.sandbox.journal import Journal
from app.services.sandbox.limits import RunLimits

RECURSION_LIMIT = 6_000  # Python frames: above what the call and AST-depth budgets allow, within the C stack
FAILED_EXIT_STATUS = 3  # the worker's own code failed around a run: it exits at once, without an answer

WARM_UP = """\
import torch
import torch.nn as nn
x = torch.tensor([1.0, 2.0], requires_grad=True)
model = nn.Linear(2, 1)
loss = nn.MSELoss()(model(x), torch.ones(1)) + (x ** 2 + 2 * x).sum()
loss.backward()
print(f"{x.grad} {loss.item():.3f}", x)
"""  # run once before serving: lazy imports and caches are ready before the first request


class Channel:
    """The event channel: the original stdout, kept for events; fd 1 itself then points to /dev/null."""

    def __init__(self) -> None:
        self.descriptor = os.dup(1)
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)  # a stray write to fd 1 (from C code, say) can never garble the channel
        os.close(null)
        sys.stdout = open(os.devnull, "w")  # for the life of the process

    def write(self, kind: str, payload: bytes) -> None:
        """One ``KIND JSON`` line, written whole."""
        data = kind.encode("ascii") + b" " + payload + b"\n"
        while data:
            data = data[os.write(self.descriptor, data) :]


def apply_limits(request: dict[str, Any]) -> None:
    """The server's current budgets (sent with each request) replace this process's."""
    for name, value in request.get("limits", {}).items():
        if name.startswith("SANDBOX_") and hasattr(config, name):
            setattr(config, name, type(getattr(config, name))(value))


def serve(request: dict[str, Any], limits: RunLimits, channel: Channel, journal: Journal) -> bool:
    """Run one request and send its answer; True when the worker should retire after it."""
    apply_limits(request)
    stream = bool(request.get("stream"))
    journal.clear()
    writer = AnswerWriter(channel.write if stream else journal.add, stream)
    with limits.fence():
        result = runner.run_snippet(request["code"], writer.emit, lang=request.get("lang", "en"))
    body = writer.answer(result)
    out_of_memory = (result["error"] or {}).get("limit") == "SANDBOX_MEMORY_BYTES"
    retire = out_of_memory or limits.worn_out()
    channel.write("last" if retire else "result", body)
    return retire


def main() -> None:
    """Warm up, then serve requests from stdin until it closes or the worker is worn out."""
    channel = Channel()
    journal = Journal(int(sys.argv[1]))
    journal.detach()
    sys.setrecursionlimit(RECURSION_LIMIT)
    runner.module_proxies()  # import and admit the engine once
    runner.run_snippet(WARM_UP, lambda event: None)
    gc.collect()
    gc.freeze()  # what the worker holds for good is never scanned again: each run's collection stays cheap
    limits = RunLimits()
    channel.write("ready", encode({"pid": os.getpid()}))
    for raw in sys.stdin.buffer:
        try:
            retire = serve(json.loads(raw), limits, channel, journal)
        except BaseException:  # noqa: B036 - the worker's own failure around a run (out of memory, likely):
            os._exit(FAILED_EXIT_STATUS)  # it leaves at once; the pool answers from the run's journal
        if retire:
            break
        gc.collect()  # between runs, so that a run's garbage is never collected during the next one
    os._exit(0)


if __name__ == "__main__":
    main()
