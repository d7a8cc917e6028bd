"""An uploaded CSV as a dataset: numeric columns, the target last, checked with errors a person can fix.

A first row whose cells are all non-numeric is a header (its names are quoted in errors). Each problem names
the row as a spreadsheet shows it (1-based, header included) and the column by number and name.
"""

from __future__ import annotations

import csv
import io
import math

import numpy as np

from app import config
from app.services.training.datasets import CLASSIFICATION, REGRESSION, Dataset, split

MIN_ROWS = 4  # data rows: at least a few to train on and one to validate
MIN_COLUMNS = 2  # one feature and the target
MAX_PROBLEMS = 10  # problems listed in one answer: enough to see the pattern, short enough to read
MISSING = {"", "na", "n/a", "nan", "null", "none", "?"}


class CsvProblems(ValueError):
    """The CSV cannot be trained on; ``problems`` lists what to fix, one sentence each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def _number(cell: str) -> float | None:
    try:
        value = float(cell)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _rows(text: str) -> list[list[str]]:
    """The non-blank rows of the CSV, cells stripped of surrounding spaces."""
    reader = csv.reader(io.StringIO(text))
    return [[cell.strip() for cell in row] for row in reader if any(cell.strip() for cell in row)]


def _check_size(text: str) -> None:
    size = len(text.encode("utf-8"))
    if size > config.TRAIN_MAX_CSV_BYTES:
        raise CsvProblems(
            [
                f"The CSV is {size:,} bytes; the limit is {config.TRAIN_MAX_CSV_BYTES:,} bytes. "
                "Upload fewer rows or columns."
            ]
        )


def _column_label(index: int, header: list[str] | None) -> str:
    name = f' ("{header[index]}")' if header and index < len(header) else ""
    return f"column {index + 1}{name}"


def _cell_problem(cell: str, line: int, column: str) -> str | None:
    if cell.lower() in MISSING:
        return f"Row {line}, {column} is missing a value: fill in a number or delete the row."
    if _number(cell) is None:
        return f'Row {line}, {column} holds "{cell[:20]}", which is not a number: write it as 1.5 or -2.'
    return None


def _values(rows: list[list[str]], first_line: int, header: list[str] | None) -> np.ndarray:
    """The cells as a float array, or every problem found (up to ``MAX_PROBLEMS``)."""
    width = len(header) if header else len(rows[0])
    problems: list[str] = []
    for offset, row in enumerate(rows):
        line = first_line + offset
        if len(row) != width:
            problems.append(
                f"Row {line} has {len(row)} columns but the first row has {width}: "
                "every row needs the same columns."
            )
        for index, cell in enumerate(row[:width]):
            problem = _cell_problem(cell, line, _column_label(index, header))
            if problem:
                problems.append(problem)
        if len(problems) >= MAX_PROBLEMS:
            problems.append("(further rows not checked)")
            break
    if problems:
        raise CsvProblems(problems)
    return np.array([[float(cell) for cell in row] for row in rows], dtype=np.float64)


def parse_table(text: str) -> tuple[np.ndarray, list[str] | None]:
    """The CSV's numbers (rows × columns) and its header names, or ``CsvProblems`` saying what to fix."""
    _check_size(text)
    rows = _rows(text)
    if not rows:
        raise CsvProblems(["The CSV is empty: give one row per example, numbers separated by commas."])
    header = rows[0] if all(_number(cell) is None and cell for cell in rows[0]) else None
    data = rows[1:] if header else rows
    width = len(rows[0])
    if width < MIN_COLUMNS:
        raise CsvProblems(
            [
                f"The CSV has {width} column; it needs at least {MIN_COLUMNS}: "
                "one or more feature columns, then the target in the last column."
            ]
        )
    if width > config.TRAIN_MAX_COLUMNS:
        raise CsvProblems([f"The CSV has {width} columns; the limit is {config.TRAIN_MAX_COLUMNS}."])
    if len(data) < MIN_ROWS:
        raise CsvProblems([f"The CSV has {len(data)} data rows; it needs at least {MIN_ROWS}."])
    if len(data) > config.TRAIN_MAX_ROWS:
        raise CsvProblems(
            [
                f"The CSV has {len(data):,} data rows; the limit is {config.TRAIN_MAX_ROWS:,}. "
                "Keep a sample of the rows."
            ]
        )
    return _values(data, 2 if header else 1, header), header


def from_csv(text: str, validation_split: float, seed: int) -> Dataset:
    """A dataset from CSV text: classification when the target holds only 0 and 1, regression otherwise."""
    table, _header = parse_table(text)
    x, y = table[:, :-1], table[:, -1]
    task = CLASSIFICATION if set(np.unique(y)) <= {0.0, 1.0} else REGRESSION
    return split("csv", task, x, y, validation_split, np.random.default_rng([seed, 0]))
