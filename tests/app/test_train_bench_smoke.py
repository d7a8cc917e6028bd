"""The training-stream benchmark runs end to end: one round times a tiny case bare, in-process and streamed
through a real server (no timing is asserted: its numbers are for people to read)."""

from __future__ import annotations

import pytest

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


def test_costs_compare_low_quantiles_and_take_the_fixed_time_out_of_the_epochs() -> None:
    """Each column is read at its own 10% quantile; per epoch leaves out a 1-epoch run's time."""
    bare = [1.0 + tenth / 10 for tenth in (7, 2, 10, 0, 5, 1, 9, 3, 8, 4, 6)]  # 1.0 to 2.0, shuffled
    triples = [((wall, 0.0), (wall * 1.05, 0.0), (wall * 1.2, 0.0)) for wall in bare]
    costs = train_bench.Costs.of(triples, one_epoch=[0.5, 0.1, 0.5, 0.1, 0.1, 0.5, 0.1, 0.5, 0.1, 0.5])
    assert (costs.bare, costs.fixed) == (1.1, 0.1)  # the second of 11, the first of 10
    assert costs.service_cost() == pytest.approx(5.0)
    assert costs.whole_run() == pytest.approx(20.0)
    assert costs.per_epoch() == pytest.approx((1.32 - 0.1) / 1.1 * 100 - 100)
