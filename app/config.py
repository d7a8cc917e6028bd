"""Every limit and setting of the server, named, with its unit and the reason for it.

Each can be overridden from the environment as ``KOUBAI_<NAME>`` (e.g. ``KOUBAI_RUN_WALL_SECONDS=5``).
"""

from __future__ import annotations

import os


def _setting(name: str, default: float | int | str) -> float | int | str:
    """The value of ``KOUBAI_<name>`` from the environment, converted to the default's type."""
    raw = os.environ.get(f"KOUBAI_{name}")
    if raw is None:
        return default
    return type(default)(raw)


# -- server ---------------------------------------------------------------------------------------
HOST = str(_setting("HOST", "127.0.0.1"))  # where `koubai serve` listens by default
PORT = int(_setting("PORT", 8000))  # the port of `koubai serve` (the README opens http://127.0.0.1:8000)
# sandbox worker processes started with the server: runs are CPU-bound, so one per core of the 2-core target
POOL_WORKERS = int(_setting("POOL_WORKERS", 2))
# bytes; a larger request body is refused with 413 before it is read. Well above the interpreter's code-size
# limit, so that a long snippet gets the interpreter's friendlier message instead
MAX_BODY_BYTES = int(_setting("MAX_BODY_BYTES", 2_000_000))
# seconds a client is told to wait (Retry-After) when every sandbox worker is busy: about one queue's turn
BUSY_RETRY_AFTER_SECONDS = int(_setting("BUSY_RETRY_AFTER_SECONDS", 1))

# -- the snippet interpreter (app/services/sandbox) ---------------------------------------------------
# Every budget of one run. User code is checked against them as it runs; each limit exceeded ends the run
# with a LimitExceeded error naming it. The worker process's rlimits back them up (defence in depth).
# bytes of source; the article's snippets are under 1 KB, a long lesson under 10 KB
SANDBOX_MAX_CODE_BYTES = int(_setting("SANDBOX_MAX_CODE_BYTES", 20_000))
# AST nodes of the parsed code: bounds the static check and the work per statement
SANDBOX_MAX_AST_NODES = int(_setting("SANDBOX_MAX_AST_NODES", 10_000))
# levels of AST nesting: the interpreter walks expressions recursively, so `1+1+...+1` must stay shallow
SANDBOX_MAX_AST_DEPTH = int(_setting("SANDBOX_MAX_AST_DEPTH", 100))
# interpreter steps (a statement, a loop iteration, a call, a comprehension item): stops endless loops early
SANDBOX_MAX_STEPS = int(_setting("SANDBOX_MAX_STEPS", 200_000))
# elements of one tensor (float32: 4 MB): keeps every array the engine allocates small
SANDBOX_MAX_TENSOR_ELEMENTS = int(_setting("SANDBOX_MAX_TENSOR_ELEMENTS", 1_000_000))
# elements of all tensors a run creates, summed: bounds the numeric work of a run
SANDBOX_MAX_TOTAL_ELEMENTS = int(_setting("SANDBOX_MAX_TOTAL_ELEMENTS", 50_000_000))
# bits of a Python int produced by `**`, `<<`, `*`: `9**9**9` is refused before it is computed
SANDBOX_MAX_INT_BITS = int(_setting("SANDBOX_MAX_INT_BITS", 10_000))
# items of a str, list, tuple, dict or set built by `*`, `+`, f-strings or builtins like list(range(n))
SANDBOX_MAX_SEQUENCE_ITEMS = int(_setting("SANDBOX_MAX_SEQUENCE_ITEMS", 1_000_000))
# bytes of printed output (UTF-8): a page shows far less; stops print loops from flooding the answer
SANDBOX_MAX_STDOUT_BYTES = int(_setting("SANDBOX_MAX_STDOUT_BYTES", 65_536))
# nodes of the recorded graph a frame may show (checked at each frame): bounds the time a trace takes
# (~0.2 ms a node); a readable graph has far fewer, and a training loop frees its graph every step
SANDBOX_MAX_GRAPH_NODES = int(_setting("SANDBOX_MAX_GRAPH_NODES", 2_000))
# frames (graph snapshots at .backward() calls) kept per run; later backward calls still run, unrecorded
SANDBOX_MAX_FRAMES = int(_setting("SANDBOX_MAX_FRAMES", 20))
# bytes of JSON of all a run's backward frames together (a graph costs ~1.8 KB a node): keeps answers
# loadable; a frame that does not fit is left out and a warning says so. The end graph, which the page draws,
# is always kept (SANDBOX_MAX_GRAPH_NODES bounds it)
SANDBOX_MAX_FRAMES_BYTES = int(_setting("SANDBOX_MAX_FRAMES_BYTES", 8_000_000))
# nested calls of user functions: recursion deeper than any lesson needs is an error, not a crash
SANDBOX_MAX_CALL_DEPTH = int(_setting("SANDBOX_MAX_CALL_DEPTH", 100))
# seconds of wall-clock time per run, checked by the interpreter; the worker kills the run a margin later
SANDBOX_WALL_SECONDS = float(_setting("SANDBOX_WALL_SECONDS", 5.0))
# seconds added to the wall limit before the run's process is killed outright (it ignored the soft limit)
SANDBOX_KILL_MARGIN_SECONDS = float(_setting("SANDBOX_KILL_MARGIN_SECONDS", 1.0))
# bytes of address space a run may add above the worker's own (RLIMIT_AS): a huge allocation fails fast
SANDBOX_MEMORY_BYTES = int(_setting("SANDBOX_MEMORY_BYTES", 512 * 1024 * 1024))
# runs one worker process serves before it is replaced (a fresh process bounds slow leaks and heap
# fragmentation; a worker costs ~0.3 s of CPU to start, so ~0.3 ms a run spread over this many runs)
SANDBOX_WORKER_MAX_RUNS = int(_setting("SANDBOX_WORKER_MAX_RUNS", 1000))
# bytes a worker's resident or mapped memory may grow above what it had when ready before it is replaced;
# its hard RLIMIT_AS is ready size + SANDBOX_MEMORY_BYTES + this, so every run gets its whole budget
SANDBOX_WORKER_MAX_GROWTH_BYTES = int(_setting("SANDBOX_WORKER_MAX_GROWTH_BYTES", 64 * 1024 * 1024))
# seconds of CPU one worker may use over its life (its hard RLIMIT_CPU; each run has a soft limit of its own
# wall budget); a worker without room for one more whole run is replaced
SANDBOX_WORKER_MAX_CPU_SECONDS = int(_setting("SANDBOX_WORKER_MAX_CPU_SECONDS", 600))
# workers started ahead of need: one takes a retired or killed worker's place at once, without waiting for
# a start (a spare only waits, costing memory, ~40 MB, and no CPU)
SANDBOX_SPARE_WORKERS = int(_setting("SANDBOX_SPARE_WORKERS", 1))
# parsed and checked snippets a worker keeps, most recently run first (learners rerun the same examples:
# ~0.1 ms of a ~2 ms run), and the longest snippet kept, in characters (bounds the memory: ~100 KB each)
SANDBOX_PARSE_CACHE_ENTRIES = int(_setting("SANDBOX_PARSE_CACHE_ENTRIES", 64))
SANDBOX_PARSE_CACHE_MAX_CHARS = int(_setting("SANDBOX_PARSE_CACHE_MAX_CHARS", 4_000))
# seconds a run waits for an idle worker before it is answered "ServerBusy" (the server may make that a 503)
SANDBOX_QUEUE_SECONDS = float(_setting("SANDBOX_QUEUE_SECONDS", 10.0))
# characters of an error message in the answer (a KeyError can carry a megabyte-long key)
SANDBOX_MAX_MESSAGE_CHARS = int(_setting("SANDBOX_MAX_MESSAGE_CHARS", 2_000))
# characters of a variable's short repr in the answer
SANDBOX_MAX_REPR_CHARS = int(_setting("SANDBOX_MAX_REPR_CHARS", 400))
# seed of the random generator at the start of every run: the same code draws the same graph every time
SANDBOX_SEED = int(_setting("SANDBOX_SEED", 0))

# -- graph rendering (app/services/render) ------------------------------------------------------------
# seconds one `dot` run may take: a hung or huge layout becomes a 503 instead of a stuck request
DOT_TIMEOUT_SECONDS = float(_setting("DOT_TIMEOUT_SECONDS", 5.0))
# rendered graphs kept in memory, keyed by the hash of their DOT source: repeated renders are free
RENDER_CACHE_ENTRIES = int(_setting("RENDER_CACHE_ENTRIES", 256))
# nodes drawn at most: beyond it module calls fold into boxes and the middle of the graph is summarized
GRAPH_NODE_LIMIT = int(_setting("GRAPH_NODE_LIMIT", 100))
# dots per inch of PNG output: sharp on a projected slide
PNG_DPI = int(_setting("PNG_DPI", 144))
# largest side of a PNG in inches (at PNG_DPI): a long graph is scaled down instead of rasterized for seconds
PNG_MAX_INCHES = int(_setting("PNG_MAX_INCHES", 50))

# -- training streams (app/services/training) ---------------------------------------------------------
# epochs per run: a lesson-sized run, a few minutes at most
TRAIN_MAX_EPOCHS = int(_setting("TRAIN_MAX_EPOCHS", 5000))
# rows of a dataset, generated or uploaded: keeps an epoch fast
TRAIN_MAX_ROWS = int(_setting("TRAIN_MAX_ROWS", 5000))
# bytes of an uploaded CSV, below MAX_BODY_BYTES so the CSV check speaks first
TRAIN_MAX_CSV_BYTES = int(_setting("TRAIN_MAX_CSV_BYTES", 1_000_000))
# columns of a CSV, features and target together
TRAIN_MAX_COLUMNS = int(_setting("TRAIN_MAX_COLUMNS", 32))
# weights and biases of one model: keeps an epoch under about a second
TRAIN_MAX_PARAMETERS = int(_setting("TRAIN_MAX_PARAMETERS", 50_000))
# hidden layers of an MLP, and units of one hidden layer
TRAIN_MAX_LAYERS = int(_setting("TRAIN_MAX_LAYERS", 6))
TRAIN_MAX_WIDTH = int(_setting("TRAIN_MAX_WIDTH", 256))
# runs training at once (each in a worker process); one more is refused with 429 and Retry-After
TRAIN_MAX_RUNS = int(_setting("TRAIN_MAX_RUNS", 8))
TRAIN_RETRY_AFTER_SECONDS = int(_setting("TRAIN_RETRY_AFTER_SECONDS", 5))
# how much lower a training worker's CPU priority is than the server's (os.nice): with every core busy
# training, requests and /healthz are still answered at once. Measured with 8 runs streaming: 5 keeps
# /healthz p99 near 13 ms, 0 gives 17 ms. A lone run streams as fast at 5 as at 0 (9 interleaved pairs
# each of the article's and the spiral's train_bench runs: within 1.5 points, in the noise).
TRAIN_WORKER_NICENESS = int(_setting("TRAIN_WORKER_NICENESS", 5))
# messages per second to one client at most, however fast training runs and steps come: a browser's frame rate
TRAIN_MESSAGES_PER_SECOND = float(_setting("TRAIN_MESSAGES_PER_SECOND", 30.0))
# seconds a free-running run trains between hand-overs of its events (a command ends one at once), so its
# stream brings about 10 batches of epochs a second. Each hand-over wakes the reporter, the server and the
# client, which slows the training: against 1/30 s, 0.1 s streams the article's 5000 epochs 3.0 points
# faster and the spiral MLP's 2000 1.5 points faster (14 interleaved pairs each)
TRAIN_HANDOVER_SECONDS = float(_setting("TRAIN_HANDOVER_SECONDS", 0.1))
# bytes of one message, about (a single larger event still goes): under common WebSocket client limits (1 MiB)
TRAIN_MESSAGE_BYTES = int(_setting("TRAIN_MESSAGE_BYTES", 512_000))
# events buffered per run before its training thread waits for the client to catch up
TRAIN_QUEUE_EVENTS = int(_setting("TRAIN_QUEUE_EVENTS", 2000))
# seconds within which a stopped or abandoned run's thread ends
TRAIN_STOP_SECONDS = float(_setting("TRAIN_STOP_SECONDS", 1.0))
# seconds of wall time one run may last, paused time included, so an idle socket cannot hold a slot forever
TRAIN_MAX_RUN_SECONDS = float(_setting("TRAIN_MAX_RUN_SECONDS", 600.0))
