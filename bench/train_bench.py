"""Training streams: epochs per second bare on the engine vs streamed by the server, and /healthz under load.

Run: ``.venv/bin/python bench/train_bench.py``. Starts its own uvicorn (the training router) on a free port.
Targets: streaming costs under 10% against the same run bare on the engine (the article's five lines, same
model, data and epochs, no events); /healthz p99 under 50 ms while 8 stream. The costs are relative to bare:
"service" is the training loop in-process as a worker runs it, "streamed" the server from POST to ``done``.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.services.training.config import RunConfig  # noqa: E402
from app.services.training.experiment import build  # noqa: E402
from app.services.training.runner import TURN_SECONDS, Training  # noqa: E402
from tests.live_server import LiveServer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CASES = {
    "article Linear(1,1), 5000 epochs": {"epochs": 5000, "snapshot_every": 100},
    "spiral MLP 2-16-16-1, 2000 epochs": {
        "dataset": "spiral",
        "model": "mlp",
        "hidden": [16, 16],
        "optimizer": "adam",
        "epochs": 2000,
        "snapshot_every": 100,
    },
}
STREAMS_UNDER_LOAD = 8  # concurrent runs while /healthz is timed
HEALTH_SAMPLES = 300  # /healthz requests timed
REPEATS = 7  # interleaved repeats of each timing; the table gives medians


Timing = tuple[float, float]  # (wall seconds, CPU seconds)


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a process, its descendants and their ended children have used, from
    /proc: immune to other processes' load. The server's training workers are children of its forkserver."""
    ticks = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            tasks = list(Path(f"/proc/{current}/task").iterdir())
        except FileNotFoundError:  # ended meanwhile: its time is in its parent's children's time
            continue
        ticks += sum(int(field) for field in fields[11:15])
        for task in tasks:
            try:
                pending += [int(child) for child in (task / "children").read_text().split()]
            except FileNotFoundError:  # the thread ended meanwhile
                continue
    return ticks / os.sysconf("SC_CLK_TCK")


def bare_seconds(fields: dict) -> Timing:
    """The article's loop as it is written, on the engine, nothing else (full batch, as the configs here use).

    Written out rather than calling ``train_step``: a loop's ``pred`` and ``loss`` live on until the next
    epoch replaces them, and freeing the old graph then rather than as a call returns makes the loop
    2-5% faster here. The service keeps them likewise; this is the faster of the two bare loops.
    """
    experiment = build(RunConfig(**fields))
    model, loss_fn, optimizer = experiment.model, experiment.loss_fn, experiment.optimizer
    x, y = experiment.x_train, experiment.y_train
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(experiment.config.epochs):
        optimizer.zero_grad()
        pred = model(x)
        loss = loss_fn(pred, y)
        loss.backward()
        optimizer.step()
    return time.perf_counter() - wall, time.process_time() - cpu


def service_seconds(fields: dict) -> Timing:
    """The training service in-process, as a worker runs it: turns of ``train_for``, each turn's records
    taken (every measurement made; the reporting is its reporter process's work), without the pickling,
    the pipe and the server."""
    wall, cpu = time.perf_counter(), time.process_time()
    training, never = Training(build(RunConfig(**fields))), threading.Event()
    while not training.finished:
        training.train_for(TURN_SECONDS, never)
        training.take_records()
    training.take_records()
    return time.perf_counter() - wall, time.process_time() - cpu


def streamed_seconds(client: httpx.Client, pid: int, fields: dict) -> Timing:
    """From POST /api/train to the ``done`` event, reading the SSE stream; CPU: the server's and its workers'.

    The client is made once, outside the timing, as a browser's is: a new ``httpx`` client costs ~25 ms
    (its TLS context), which would count against the server as 5 µs an epoch of a 5,000-epoch run.
    """
    wall, cpu = time.perf_counter(), process_cpu(pid)
    with client.stream("POST", "/api/train", json=fields, timeout=120) as response:
        for line in response.iter_lines():
            if line.startswith("data: ") and '"type":"done"' in line:
                break
    wall = time.perf_counter() - wall
    while client.get("/api/train/runs").json()["live"]:  # the worker has exited: its CPU is counted
        time.sleep(0.01)
    return wall, process_cpu(pid) - cpu


def healthz_under_load(base: str) -> tuple[float, float, int]:
    """p50 and p99 of /healthz in ms while ``STREAMS_UNDER_LOAD`` runs stream, and how many were streaming."""
    stop = threading.Event()
    streaming = []
    long_run = {"dataset": "spiral", "model": "mlp", "hidden": [16, 16], "epochs": 5000}

    def consume() -> None:
        with httpx.stream("POST", f"{base}/api/train", json=long_run, timeout=120) as response:
            streaming.append(response.status_code)
            for _ in response.iter_lines():
                if stop.is_set():
                    break

    threads = [threading.Thread(target=consume) for _ in range(STREAMS_UNDER_LOAD)]
    for thread in threads:
        thread.start()
    time.sleep(1.0)
    timings = []
    with httpx.Client(base_url=base) as client:
        for _ in range(HEALTH_SAMPLES):
            started = time.perf_counter()
            client.get("/healthz")
            timings.append((time.perf_counter() - started) * 1000)
            time.sleep(0.005)
    live = json.loads(httpx.get(f"{base}/api/train/runs").text)["live"]
    stop.set()
    for thread in threads:
        thread.join()
    timings.sort()
    return timings[len(timings) // 2], timings[int(len(timings) * 0.99) - 1], live


def _per_run_latency(client: httpx.Client, pid: int, fields: dict) -> float:
    """The median wall time of a 1-epoch run of the case, POST to ``done``: what every run pays once,
    however many epochs it has. Each follows a bare run, as in the table, so the server has idled alike."""
    one_epoch = {**fields, "epochs": 1}
    times = []
    for _ in range(REPEATS):
        bare_seconds(fields)
        times.append(streamed_seconds(client, pid, one_epoch)[0])
    return statistics.median(times)


def _wake_up_ms(client: httpx.Client, fields: dict) -> tuple[float, float]:
    """Median ms of a ``/healthz`` request right after a bare run (the server idle meanwhile, as before each
    streamed run) and back to back: what waking an idle server costs on this machine, whatever it runs."""
    after_idle, back_to_back = [], []
    for _ in range(REPEATS):
        bare_seconds(fields)
        for times in (after_idle, back_to_back):
            started = time.perf_counter()
            client.get("/healthz")
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(after_idle), statistics.median(back_to_back)


def _median_cost(triples: list[list[float]], which: int) -> str:
    """The median over repeats of (time / bare time - 1), with the range, as text: ``12.3% (9-15)``."""
    costs = sorted((triple[which] / triple[0] - 1) * 100 for triple in triples)
    return f"{statistics.median(costs):.1f}% ({costs[0]:.0f}..{costs[-1]:.0f})"


def main() -> None:
    server = LiveServer()
    server.wait_until_healthy()
    process, base = server.process, server.base_url
    client = httpx.Client(base_url=base)
    try:
        columns = ("bare ep/s", "service ep/s", "streamed ep/s", "service cost", "stream cost", "extra")
        print(f"{'case':36} {'':5} " + " ".join(f"{column:>14}" for column in columns))
        for name, fields in CASES.items():
            epochs = fields["epochs"]
            runs = [
                (bare_seconds(fields), service_seconds(fields), streamed_seconds(client, process.pid, fields))
                for _ in range(REPEATS)
            ]  # interleaved: each repeat is a matched triple, measured within a second of each other
            for label, index in (("wall", 0), ("CPU", 1)):
                triples = [[timing[index] for timing in run] for run in runs]
                bare, service, streamed = (statistics.median(column) for column in zip(*triples, strict=True))
                rates = " ".join(f"{epochs / seconds:14.0f}" for seconds in (bare, service, streamed))
                costs = " ".join(
                    f"{_median_cost(triples, which):>14}" for which in (1, 2)
                )  # the median of each repeat's own ratio: a slow moment slows a triple together
                extra = (streamed - bare) / epochs * 1e6
                print(f"{name if index == 0 else '':36} {label:5} {rates} {costs} {extra:9.1f} us/epoch")
            fixed = _per_run_latency(client, process.pid, fields)
            beyond = statistics.median((run[2][0] - fixed) / run[0][0] - 1 for run in runs)  # wall times
            print(
                f"{'':36} {'':5} a 1-epoch run streams in {fixed * 1000:.1f} ms (start, fork, first events,"
                f" done); beyond that the epochs cost {beyond * 100:.1f}% over bare"
            )
        idle, busy = _wake_up_ms(client, CASES[next(iter(CASES))])
        print(f"\n/healthz right after a bare run {idle:.1f} ms, back to back {busy:.1f} ms (the wake-up)")
        p50, p99, live = healthz_under_load(base)
        print(f"/healthz while {live} runs stream: p50 {p50:.1f} ms, p99 {p99:.1f} ms (target p99 < 50 ms)")
    finally:
        client.close()
        server.stop()
        server.log.close()


if __name__ == "__main__":
    main()
