"""Escape attempts: each is refused with a clear error naming what is not available, and nothing leaks."""

import pytest

from app.services.sandbox.runner import run_snippet


def error_of(code: str) -> dict:
    result = run_snippet(code, lambda event: None)
    assert result["error"] is not None, result["stdout"]
    return result["error"]


REFUSED = {
    "dunder on a tuple": ("().__class__.__bases__", "'__bases__'"),
    "dunder on a number": ("x = 1\nx.__class__", "'__class__'"),
    "getattr": ("getattr(1, 'real')", "'getattr'"),
    "str.format field lookup": ("'{0.__class__}'.format(1)", "'format'"),
    "str.format unbound": ("f = str.format", "'format'"),
    "format_map": ("s = 'a'\ns.format_map({})", "'format_map'"),
    "import os": ("import os", "'os'"),
    "from os import": ("from os import path", "'os'"),
    "__import__": ("__import__('os')", "'__import__'"),
    "open": ("open('/etc/passwd')", "'open'"),
    "eval": ("eval('1')", "'eval'"),
    "exec": ("exec('x = 1')", "'exec'"),
    "numpy import": ("import numpy as np", "numpy"),
    "tensor.numpy()": ("import torch\nx = torch.ones(2)\nx.numpy()", "'numpy'"),
    "Tensor.numpy unbound": ("import torch\nprint(torch.Tensor.numpy)", "'numpy'"),
    "engine function globals": ("import torch\ntorch.tensor.__globals__", "'__globals__'"),
    "fullwidth dunder": ("().__ｃｌａｓｓ__", "'__class__'"),
    "fullwidth numpy": ("import torch\nt = torch.ones(1)\nt.ｎｕｍｐｙ()", "'numpy'"),
    "raise SystemExit": ("raise SystemExit", "'SystemExit'"),
    "torch.save": ("import torch\ntorch.save({}, 'w.pth')", "the playground has no files"),
    "torch.load": ("import torch\nstate = torch.load('w.pth')", "the playground has no files"),
    "from torch import save": ("from torch import save", "the playground has no files"),
    "raise KeyboardInterrupt": ("raise KeyboardInterrupt", "'KeyboardInterrupt'"),
    "raise BaseException": ("raise BaseException", "'BaseException'"),
    "SystemExit name": ("SystemExit", "'SystemExit'"),
    "exit": ("exit()", "'exit'"),
    "quit": ("quit()", "'quit'"),
    "class": ("class A:\n    pass", "class"),
    "try/except*": ("try:\n    pass\nexcept* ValueError:\n    pass", "try/except*"),
    "global": ("global x", "global"),
    "yield": ("def f():\n    yield 1", "yield"),
    "star import": ("from torch import *", "import *"),
    "private import": ("from torch import _C", "'_C'"),
    "reassign engine function": ("import torch\ntorch.tensor = 1", "cannot be assigned"),
    "patch engine class": ("import torch\ntorch.nn.Linear.forward = lambda self, x: x", "cannot be assigned"),
    "patch engine dtype": ("import torch\ntorch.float32.name = 'x'", "cannot be assigned"),
    "mro": ("import torch\ntype(torch.ones(1)).mro()", "'mro'"),
    "grad_fn internals": (
        "import torch\nx = torch.ones(2, requires_grad=True)\n(x * x).sum().grad_fn.saved",
        "'saved'",
    ),
    "prehook with numpy": (
        "import torch\nx = torch.ones(2, requires_grad=True)\n(x * x).sum().grad_fn.register_prehook(print)",
        "'register_prehook'",
    ),
    "observe_backward": ("import torch\ntorch.autograd.observe_backward", "'observe_backward'"),
    "three-argument type": ("type('X', (), {})", "type(value)"),
    "with a foreign object": ("with open('x'):\n    pass", "'open'"),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_with_the_construct_named(name):
    code, named = REFUSED[name]
    error = error_of(code)
    assert error["type"] == "UnsupportedError"
    assert named in error["message"]
    assert error["line"] is not None and error["hint"]["en"].startswith("This is not available")


HIDDEN = {
    "torch.np": "import torch\ntorch.np",
    "functional.np": "import torch\ntorch.nn.functional.np",
    "autograd.np": "import torch\ntorch.autograd.np",
    "autograd.heapq": "import torch\ntorch.autograd.heapq",
    "engine submodule": "import torch\ntorch.function",
    "init.math": "import torch\ntorch.nn.init.math",
}


@pytest.mark.parametrize("name", sorted(HIDDEN))
def test_module_internals_do_not_exist(name):
    error = error_of(HIDDEN[name])
    assert error["type"] == "AttributeError" and "has no attribute" in error["message"]


def test_generator_has_no_frame():
    error = error_of("(i for i in []).gi_frame")
    assert error["type"] == "AttributeError" and "gi_frame" in error["message"]


def test_engine_generator_has_no_frame():
    error = error_of("import torch\nm = torch.nn.Linear(1, 1)\nm.parameters().gi_frame")
    assert error["type"] == "AttributeError"


def test_numpy_values_are_placeholders_that_cannot_be_used():
    code = (
        "import torch\nx = torch.ones(2, requires_grad=True)\ny = (x * x).sum()\n"
        "meta = y.grad_fn.next_functions[0][0].input_meta\nd = meta[0][1]\nprint(d)\nd.type\n"
    )
    result = run_snippet(code, lambda event: None)
    assert "not available in the playground" in result["stdout"]
    assert result["error"]["type"] == "UnsupportedError" and result["error"]["line"] == 7


def test_generator_returned_by_manual_seed_offers_only_its_public_methods():
    result = run_snippet(
        "import torch\ng = torch.manual_seed(3)\nprint(g.initial_seed())", lambda event: None
    )
    assert result["error"] is None and result["stdout"] == "3\n"
    error = error_of("import torch\ng = torch.manual_seed(0)\ng._source")
    assert error["type"] == "UnsupportedError"


def test_fullwidth_identifiers_are_the_same_names():
    result = run_snippet("ｘ = 2\nprint(x * 3)", lambda event: None)
    assert result["stdout"] == "6\n"


def test_builtins_that_reach_outside_are_not_defined():
    for name in ("compile", "globals", "vars", "breakpoint", "memoryview", "object"):
        assert error_of(f"{name}")["type"] == "UnsupportedError", name
    assert error_of("hash(1)")["type"] == "NameError"
    no_keyboard = error_of("input()")  # the name is free for user code, as the blitz's input = ... is
    assert (no_keyboard["type"], no_keyboard["message"]) == ("NameError", "name 'input' is not defined")
    assert "keyboard" in no_keyboard["hint"]["en"]


def test_the_engine_is_untouched_after_a_refused_patch():
    run_snippet("import torch\ntorch.tensor = 1", lambda event: None)
    result = run_snippet("import torch\nprint(torch.tensor(1.0))", lambda event: None)
    assert result["stdout"] == "tensor(1.)\n"


def test_fullwidth_low_lines_are_not_identifiers():
    assert error_of("x = ()\nx.＿＿class＿＿")["type"] == "SyntaxError"


def test_fullwidth_format_is_still_format():
    error = error_of("'{0.__class__}'.ｆｏｒｍａｔ(1)")
    assert error["type"] == "UnsupportedError" and "'format'" in error["message"]


def test_graph_observers_and_the_notebook_drawer_are_out_of_reach():
    for code in (
        "import torch\ntorch.autograd.observe_forward",
        "import torch\ntorch.autograd.notify_forward",
        "import torch\ntorch.draw",
    ):
        assert error_of(code)["type"] == "AttributeError", code
