"""The Tensor's methods come from one table per module (methods.METHOD_MODULES): none shadows another."""

from __future__ import annotations

import importlib
from collections import Counter

import engine as torch
from engine import methods


def test_no_two_modules_add_the_same_method():
    names = Counter(list(methods.METHODS))
    for module in methods.METHOD_MODULES:
        names.update(list(importlib.import_module(f"engine.{module}").METHODS))
    assert [name for name, count in names.items() if count > 1] == []


def test_every_table_entry_is_a_tensor_method():
    for module in methods.METHOD_MODULES:
        for name, function in importlib.import_module(f"engine.{module}").METHODS.items():
            assert getattr(torch.Tensor, name) is function, name
