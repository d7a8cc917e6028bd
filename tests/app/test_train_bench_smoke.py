"""The training-stream benchmark runs end to end: one round times a tiny case bare, in-process and streamed
through a real server (no timing is asserted: its numbers are for people to read)."""

from __future__ import annotations

from bench import train_bench


def test_a_round_of_the_training_bench_times_each_loop(monkeypatch) -> None:
    monkeypatch.setattr(train_bench, "SETTLE_SECONDS", 0.0)
    for fields in train_bench.CASES.values():
        tiny = {**fields, "epochs": 20}
        with train_bench.fresh_round() as bench_round:
            timings = bench_round.matched(tiny, repeat=1)  # streamed first, then in-process, then bare
            one_epoch = bench_round.one_epoch_runs(tiny)
        for wall, cpu in timings:
            assert 0 < wall < 30 and 0 <= cpu < 60
        assert len(one_epoch) == train_bench.LATENCY_RUNS and all(0 < wall < 30 for wall in one_epoch)
