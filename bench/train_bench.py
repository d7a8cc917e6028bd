"""Training streams: epochs per second bare on the engine vs streamed by the server, and /healthz under load.

Run: ``.venv/bin/python bench/train_bench.py [--rounds N]`` (about 4 minutes for the default 3 rounds). Each
round starts its own uvicorn on a free port and a process for the bare loops.
Targets: streaming costs under 10% against the same run bare on the engine (the article's five lines, same
model, data and epochs, no events); /healthz p99 under 50 ms while 8 stream. The costs are relative to bare:
"service" is the training loop in-process as a worker runs it, "streamed" the server from POST to ``done``.

Each timing is noisy here: this machine's two virtual cores each switch, independently and for a few hundred
milliseconds at a time, between their full speed and about 1.7 times slower, so one run of a case takes
anywhere from its fastest time to 30% or more above it. The bench therefore times many matched triples (bare,
service, streamed, one after the other) and gives two estimates that such slowdowns move little: the median of
each triple's own ratio, and the ratio of the lower quartiles (the runs the machine slowed least).
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import random
import statistics
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
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
# Python's speed differs from one process to another by up to ~6% on this machine (where the address space
# lays out its memory), and a server's workers all inherit its forkserver's layout: the bench takes its
# timings in several rounds, each with a fresh server and a fresh process for the bare loops, so that no one
# layout decides the comparison
ROUNDS = 3
REPEATS = 16  # matched triples of timings per case and round; the table gives medians over all of them
LATENCY_RUNS = 6  # 1-epoch runs per case and round, for the cost every run pays once
RESAMPLES = 2000  # bootstrap resamples for the interval around a median cost
# after each streamed run the server idles this long before the next timing, as it does between a learner's
# runs: the worker it forks to replace the one the run took (a spare; ~10 ms to fork, more to warm up) is then
# ready and done warming up, rather than starting up on the other core beside the next run
SETTLE_SECONDS = 0.3


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
    cpu = process_cpu(pid) - cpu
    time.sleep(SETTLE_SECONDS)
    return wall, cpu


def healthz_under_load(base: str) -> tuple[float, float, int]:
    """p50 and p99 of /healthz in ms while ``STREAMS_UNDER_LOAD`` runs stream, and how many were streaming
    all along (the fewer of the counts before and after the timing)."""
    stop = threading.Event()
    streaming = []
    # 2,000 points: each run takes several seconds even alone, so that all are still streaming at the end
    long_run = {"dataset": "spiral", "samples": 2000, "model": "mlp", "hidden": [16, 16], "epochs": 5000}

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
        live_before = client.get("/api/train/runs").json()["live"]
        for _ in range(HEALTH_SAMPLES):
            started = time.perf_counter()
            client.get("/healthz")
            timings.append((time.perf_counter() - started) * 1000)
            time.sleep(0.005)
        live = min(live_before, client.get("/api/train/runs").json()["live"])
    stop.set()
    for thread in threads:
        thread.join()
    timings.sort()
    return timings[len(timings) // 2], timings[int(len(timings) * 0.99) - 1], live


class LoopProcess:
    """A fresh interpreter (multiprocessing's spawn) that times ``bare_seconds`` and ``service_seconds`` when
    asked, so that the loops run bare in a process of their own, as a worker does, not in the bench's."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self._pipe, theirs = context.Pipe()
        self._process = context.Process(target=_serve_loops, args=(theirs,), daemon=True)
        self._process.start()
        theirs.close()

    def bare(self, fields: dict) -> Timing:
        return self._ask("bare", fields)

    def service(self, fields: dict) -> Timing:
        return self._ask("service", fields)

    def _ask(self, loop: str, fields: dict) -> Timing:
        self._pipe.send((loop, fields))
        return self._pipe.recv()

    def close(self) -> None:
        self._pipe.close()  # it ends as its pipe does
        self._process.join()


def _serve_loops(pipe: Connection) -> None:
    loops = {"bare": bare_seconds, "service": service_seconds}
    while True:
        try:
            loop, fields = pipe.recv()
        except EOFError:
            return
        pipe.send(loops[loop](fields))


@dataclass
class Round:
    """One server and one loop process, both fresh, and the bench's client."""

    server: LiveServer
    loops: LoopProcess
    client: httpx.Client

    def matched(self, fields: dict, repeat: int) -> tuple[Timing, Timing, Timing]:
        """One repeat's bare, service and streamed timings, taken one after the other: in this order on even
        repeats and the reverse on odd ones, so that none always follows the same one (the machine idles
        differently after each)."""
        timers = (
            lambda: self.loops.bare(fields),
            lambda: self.loops.service(fields),
            lambda: streamed_seconds(self.client, self.server.process.pid, fields),
        )
        order = range(3) if repeat % 2 == 0 else range(2, -1, -1)
        timings = {which: timers[which]() for which in order}
        return timings[0], timings[1], timings[2]

    def one_epoch_runs(self, fields: dict) -> list[float]:
        """Wall times of 1-epoch runs of the case, POST to ``done``: what every run pays once, however many
        epochs it has. Each follows a bare run, as in the table, so the server has idled alike."""
        times = []
        for _ in range(LATENCY_RUNS):
            self.loops.bare(fields)
            times.append(streamed_seconds(self.client, self.server.process.pid, {**fields, "epochs": 1})[0])
        return times

    def wake_up_ms(self, fields: dict) -> tuple[float, float]:
        """Median ms of a ``/healthz`` request right after a bare run (the server idle meanwhile, as before
        each streamed run) and back to back: what waking an idle server costs on this machine."""
        after_idle, back_to_back = [], []
        for _ in range(REPEATS):
            self.loops.bare(fields)
            for times in (after_idle, back_to_back):
                started = time.perf_counter()
                self.client.get("/healthz")
                times.append((time.perf_counter() - started) * 1000)
        return statistics.median(after_idle), statistics.median(back_to_back)


@contextlib.contextmanager
def fresh_round() -> Iterator[Round]:
    """A new server (so a new forkserver and workers) and a new loop process, for one round; whatever was
    started is ended afterwards, also when starting the rest failed."""
    with contextlib.ExitStack() as started:
        server = LiveServer()
        started.callback(server.log.close)
        started.callback(server.stop)
        loops = LoopProcess()
        started.callback(loops.close)
        client = started.enter_context(httpx.Client(base_url=server.base_url))
        server.wait_until_healthy()
        yield Round(server, loops, client)


def _costs(triples: list[tuple[Timing, Timing, Timing]], which: int, index: int) -> list[float]:
    """Each repeat's (time / bare time - 1) in %, of the service (``which`` 1) or the stream (2)."""
    return [(triple[which][index] / triple[0][index] - 1) * 100 for triple in triples]


def _median_cost(costs: list[float]) -> str:
    """The median cost with a 90% bootstrap interval around it, as text: ``12.3% (10..14)``. The interval
    resamples the repeats (a fixed seed: the same timings, the same text) as if they were independent; the
    spread between rounds (between processes), which it does not cover, is printed by round."""
    pick = random.Random(0).choices
    medians = sorted(statistics.median(pick(costs, k=len(costs))) for _ in range(RESAMPLES))
    low, high = medians[RESAMPLES // 20], medians[-RESAMPLES // 20 - 1]
    return f"{statistics.median(costs):.1f}% ({low:.0f}..{high:.0f})"


def _quartile_cost(triples: list[tuple[Timing, Timing, Timing]], which: int, index: int) -> str:
    """The cost at the lower quartile of each timing's runs (each sorted on its own), as text: ``12.3%``."""
    quarter = (len(triples) - 1) // 4
    low = [sorted(triple[column][index] for triple in triples)[quarter] for column in (0, which)]
    return f"{(low[1] / low[0] - 1) * 100:.1f}%"


def main(rounds: int) -> None:
    runs: dict[str, list[tuple[Timing, Timing, Timing]]] = {name: [] for name in CASES}
    by_round: dict[str, list[str]] = {name: [] for name in CASES}  # each round's median stream cost
    latencies: dict[str, list[float]] = {name: [] for name in CASES}
    for _ in range(rounds):
        with fresh_round() as bench_round:
            for name, fields in CASES.items():
                matched = [bench_round.matched(fields, repeat) for repeat in range(REPEATS)]
                runs[name] += matched
                by_round[name].append(f"{statistics.median(_costs(matched, 2, 0)):.1f}%")
                latencies[name] += bench_round.one_epoch_runs(fields)
    columns = ("bare ep/s", "service ep/s", "streamed ep/s", "service cost", "stream cost", "at quartile")
    print(f"{rounds} rounds (a fresh server and loop process each) of {REPEATS} matched triples per case")
    print("costs over bare: the median of each triple's own ratio (90% interval); at quartile: the ratio of")
    print("the lower quartiles of the bare and streamed times; extra: streamed minus bare time, per epoch")
    print(f"{'case':36} {'':5} " + " ".join(f"{column:>14}" for column in columns) + "      extra")
    for name, fields in CASES.items():
        epochs, matched = fields["epochs"], runs[name]
        for label, index in (("wall", 0), ("CPU", 1)):
            bare, service, streamed = (
                statistics.median(timing[index] for timing in column) for column in zip(*matched, strict=True)
            )
            rates = " ".join(f"{epochs / seconds:14.0f}" for seconds in (bare, service, streamed))
            costs = " ".join(f"{_median_cost(_costs(matched, which, index)):>14}" for which in (1, 2))
            quartile = _quartile_cost(matched, 2, index)
            extra = (streamed - bare) / epochs * 1e6
            row = f"{name if index == 0 else '':36} {label:5} {rates} {costs} {quartile:>14}"
            print(f"{row} {extra:6.1f} us/ep")
        fixed = statistics.median(latencies[name])
        beyond = statistics.median((run[2][0] - fixed) / run[0][0] - 1 for run in matched)  # wall times
        print(
            f"{'':42} a 1-epoch run streams in {fixed * 1000:.1f} ms (start, first events, done);"
            f" beyond that the epochs cost {beyond * 100:.1f}% over bare"
        )
        print(f"{'':42} stream cost by round: {', '.join(by_round[name])}")
    with fresh_round() as bench_round:
        idle, busy = bench_round.wake_up_ms(CASES[next(iter(CASES))])
        print(f"\n/healthz right after a bare run {idle:.1f} ms, back to back {busy:.1f} ms (the wake-up)")
        p50, p99, live = healthz_under_load(bench_round.server.base_url)
        print(f"/healthz while {live} runs stream: p50 {p50:.1f} ms, p99 {p99:.1f} ms (target p99 < 50 ms)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=ROUNDS, help=f"fresh servers (default {ROUNDS})")
    main(parser.parse_args().rounds)
