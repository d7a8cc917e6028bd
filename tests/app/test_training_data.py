"""The training lab's datasets and configuration: shapes, determinism, and errors that say what to fix."""

from __future__ import annotations

import numpy as np
import pytest
from pydantic import ValidationError

from app import config
from app.services.training.config import InvalidRun, RunConfig
from app.services.training.csv_data import CsvProblems, from_csv, parse_table
from app.services.training.datasets import CLASSIFICATION, GENERATED, article_line, generate
from app.services.training.experiment import build


def test_article_line_is_the_three_points_of_y_equals_2x() -> None:
    data = article_line()
    assert data.x_train.tolist() == [[1.0], [2.0], [3.0]]
    assert data.y_train.tolist() == [[2.0], [4.0], [6.0]]
    assert data.x_val.shape == (0, 1)


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_set_has_its_shape_and_split(name: str) -> None:
    data = generate(name, samples=100, noise=0.1, validation_split=0.2, seed=3)
    features = 2 if GENERATED[name][0] == CLASSIFICATION else 1
    assert data.x_train.shape == (80, features) and data.x_val.shape == (20, features)
    assert data.y_train.shape == (80, 1) and data.y_val.shape == (20, 1)
    assert data.x_train.dtype == np.float32
    if data.task == CLASSIFICATION:
        labels = np.concatenate([data.y_train, data.y_val])
        assert set(np.unique(labels)) == {0.0, 1.0}
        if name != "xor":  # xor's classes are the quadrants a uniform draw fell in
            assert labels.sum() == 50  # two balanced classes


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_same_seed_gives_the_same_points_and_another_seed_others(name: str) -> None:
    first, again = (generate(name, 60, 0.2, 0.25, seed=7) for _ in range(2))
    other = generate(name, 60, 0.2, 0.25, seed=8)
    assert first.x_train.tobytes() == again.x_train.tobytes()
    assert first.y_val.tobytes() == again.y_val.tobytes()
    assert first.x_train.tobytes() != other.x_train.tobytes()


def test_noise_moves_points_off_the_line() -> None:
    clean = generate("noisy_line", 50, 0.0, 0.0, seed=1)
    noisy = generate("noisy_line", 50, 0.5, 0.0, seed=1)
    assert np.allclose(clean.y_train, 2 * clean.x_train + 1, atol=1e-6)
    assert not np.allclose(noisy.y_train, 2 * noisy.x_train + 1, atol=0.05)


def test_csv_with_header_gives_features_and_target() -> None:
    data = from_csv("x1,x2,label\n0,1,1\n1,0,0\n2,2,1\n3,1,0\n", validation_split=0.25, seed=0)
    assert data.features == 2 and data.task == CLASSIFICATION
    assert len(data.x_train) == 3 and len(data.x_val) == 1


def problems(text: str) -> list[str]:
    with pytest.raises(CsvProblems) as caught:
        parse_table(text)
    return caught.value.problems


def test_csv_non_number_is_named_by_row_and_column() -> None:
    found = problems("a,b\n1,2\n3,abc\n4,5\n6,7\n")
    assert found == ['Row 3, column 2 ("b") holds "abc", which is not a number: write it as 1.5 or -2.']


def test_csv_missing_value_is_named_by_row_and_column() -> None:
    found = problems("1,2\n3,\n4,5\n6,7\n")
    assert found == ["Row 2, column 2 is missing a value: fill in a number or delete the row."]


def test_csv_with_one_column_asks_for_features_and_target() -> None:
    assert "at least 2" in problems("1\n2\n3\n4\n")[0]


def test_csv_ragged_row_is_reported() -> None:
    assert problems("1,2\n3,4,5\n4,5\n6,7\n")[0].startswith("Row 2 has 3 columns but the first row has 2")


def test_csv_too_large_gives_its_size_and_the_limit() -> None:
    text = "1,2\n" * (config.TRAIN_MAX_CSV_BYTES // 4 + 1)
    assert problems(text)[0].startswith(f"The CSV is {len(text):,} bytes; the limit is")


def test_csv_with_too_many_rows_gives_the_limit() -> None:
    assert f"the limit is {config.TRAIN_MAX_ROWS:,}" in problems("1,2\n" * (config.TRAIN_MAX_ROWS + 1))[0]


def test_bad_csv_in_a_config_is_an_invalid_run_on_field_csv() -> None:
    with pytest.raises(InvalidRun) as caught:
        build(RunConfig(dataset="csv", csv="1,2\n3,x\n4,5\n6,7\n"))
    assert caught.value.problems[0][0] == "csv" and "Row 2" in caught.value.problems[0][1]


def test_config_defaults_are_the_articles_loop() -> None:
    run = RunConfig()
    assert (run.dataset, run.model, run.loss_for("regression"), run.optimizer, run.lr, run.epochs) == (
        "line",
        "linear",
        "mse",
        "sgd",
        0.01,
        100,
    )


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ({"epochs": config.TRAIN_MAX_EPOCHS + 1}, "less than or equal"),
        ({"optimizer": "rmsprop"}, "'sgd' or 'adam'"),
        ({"model": "mlp"}, "needs hidden layer widths"),
        ({"dataset": "csv"}, "needs the CSV text"),
        ({"dataset": "circle", "loss": "l1"}, "does not fit a classification set"),
        ({"learning_rate": 0.1}, "Extra inputs are not permitted"),
    ],
)
def test_bad_config_field_says_what_is_wrong(fields: dict, says: str) -> None:
    with pytest.raises(ValidationError) as caught:
        RunConfig(**fields)
    assert says in str(caught.value)


def test_model_over_the_parameter_limit_is_refused() -> None:
    with pytest.raises(InvalidRun, match="parameters; the limit is"):
        build(RunConfig(dataset="spiral", model="mlp", hidden=[256, 256, 256]))
