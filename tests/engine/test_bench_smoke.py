"""The benchmark measures what it claims: each workload run once on the engine gives the numpy floor's values.

No timing is asserted; the benchmark's numbers are for people to read.
"""

from __future__ import annotations

import numpy as np
import pytest

import engine
from bench import data, runner
from bench.workloads import WORKLOADS

LIBRARIES = {runner.ENGINE: engine}
RELATIVE, ABSOLUTE = 1e-4, 1e-6  # float32 arithmetic in a different order (e.g. BLAS vs. pairwise sums)
EXPECTED_KEYS = {
    "W1": {"y", "x.grad"},
    "W2": {"loss", "weight", "bias"},
    "W3": {"y", "x.grad"},
    "W4": {"loss"} | {f"{i}.{p}{g}" for i in (0, 2, 4) for p in ("weight", "bias") for g in ("", ".grad")},
    "W5": {"loss"} | {f"{i}.{p}{g}" for i in (0, 2) for p in ("weight", "bias") for g in ("", ".grad")},
}


@pytest.mark.parametrize("workload", WORKLOADS, ids=lambda w: w.key)
def test_engine_workload_matches_numpy_floor(workload):
    engine_values = runner.run_once(workload, runner.ENGINE, LIBRARIES)
    floor_values = runner.run_once(workload, runner.NUMPY, LIBRARIES)
    assert set(engine_values) == set(floor_values) == EXPECTED_KEYS[workload.key]
    for name, expected in floor_values.items():
        assert engine_values[name].shape == expected.shape, name
        np.testing.assert_allclose(engine_values[name], expected, rtol=RELATIVE, atol=ABSOLUTE, err_msg=name)


def test_article_example_numbers():
    """W1's floor is the article's first example: y(3) = 16 and dy/dx = 8."""
    values = runner.run_once(WORKLOADS[0], runner.NUMPY, LIBRARIES)
    assert values["y"] == 16.0 and values["x.grad"] == 8.0


def test_article_loop_lowers_the_loss():
    """W2's last loss is below the loss of its starting weights on y = 2x."""
    start = data.w2_data()
    first_loss = np.mean((start["x"] * start["weight"].item() + start["bias"].item() - start["y"]) ** 2)
    values = runner.run_once(WORKLOADS[1], runner.NUMPY, LIBRARIES)
    assert values["loss"] < first_loss / 2


def test_chain_gradient_is_the_product_of_the_scales():
    """W3's exp/log pairs cancel, so its gradient is 1.01 ** 250."""
    values = runner.run_once(WORKLOADS[2], runner.NUMPY, LIBRARIES)
    np.testing.assert_allclose(values["x.grad"], 1.01**250, rtol=1e-4)


@pytest.mark.parametrize("workload", WORKLOADS, ids=lambda w: w.key)
def test_pytorch_workload_matches_numpy_floor(workload):
    """The same workload code run by real PyTorch (when installed) agrees with the floor too."""
    torch = pytest.importorskip("torch")
    torch_values = runner.run_once(workload, runner.TORCH, {runner.TORCH: torch})
    floor_values = runner.run_once(workload, runner.NUMPY, LIBRARIES)
    assert set(torch_values) == set(floor_values)
    for name, expected in floor_values.items():
        np.testing.assert_allclose(torch_values[name], expected, rtol=RELATIVE, atol=ABSOLUTE, err_msg=name)


@pytest.mark.parametrize("workload", WORKLOADS, ids=lambda w: w.key)
def test_quick_measure_reports_a_time_per_contender(workload):
    times = runner.measure(workload, LIBRARIES, repeat=1, quick=True)
    assert set(times) == {runner.ENGINE, runner.NUMPY}
    assert all(value > 0 for value in times.values())
