"""``__name__`` in the playground: readable as Python gives it (``type(e).__name__``), never assignable, and
the one name with underscores that is: the others stay hidden."""

import pytest

from app.services.sandbox.runner import run_snippet


def run(code: str) -> dict:
    return run_snippet(code, lambda event: None)


def lines(*text: str) -> str:
    return "\n".join(text)


NAMES = lines(
    "import math",
    "import torch",
    "from torch import nn",
    "x = torch.ones(2, requires_grad=True)",
    "w = (x * x).sum()",
    "w.backward()",
    "try:",
    "    w.backward()",
    "except RuntimeError as e:",
    "    print(type(e).__name__)",
    "def f(a):",
    "    return a",
    "@torch.no_grad()",
    "def g(a):",
    "    return a * 2",
    "class Net(nn.Module):",
    "    def __init__(self):",
    "        super().__init__()",
    "        self.fc = nn.Linear(2, 1)",
    "    def forward(self, x):",
    "        return self.fc(x)",
    "net = Net()",
    "print(f.__name__, g.__name__, net.forward.__name__, Net.__name__, type(net).__name__)",
    "print(type(x).__name__, type(w.grad_fn).__name__, type(net.fc).__name__, type(x.grad_fn))",
    "print(torch.__name__, nn.__name__, math.__name__, torch.relu.__name__, x.sum.__name__)",
    "print(print.__name__, len.__name__, [type(v).__name__ for v in (1.5, None, [1], 'a')])",
    "try:",
    "    x.__name__",
    "except AttributeError as e:",
    "    print(e)",
)
# what Python 3.11 with PyTorch 2.13 printed for the same code
NAMES_PRINTED = lines(
    "RuntimeError",
    "f g forward Net Net",
    "Tensor SumBackward0 Linear <class 'NoneType'>",
    "torch torch.nn math relu sum",
    "print len ['float', 'NoneType', 'list', 'str']",
    "'Tensor' object has no attribute '__name__'",
    "",
)


def test_names_read_as_in_python() -> None:
    result = run(NAMES)
    assert result.get("error") is None
    assert result["stdout"] == NAMES_PRINTED


@pytest.mark.parametrize(
    ("code", "line", "column", "message"),
    [
        (lines("def f():", "    return 1", "f.__name__ = 'g'"), 3, 1, "attribute '__name__' is not"),
        (lines("x = 1", "print(type(x).__name__.__class__)"), 2, 7, "attribute '__class__' is not available"),
        (lines("x = 1", "print(x.__class__)"), 2, 7, "attribute '__class__' is not available"),
    ],
)
def test_other_uses_refused_where_they_are(code: str, line: int, column: int, message: str) -> None:
    """Assigning ``__name__`` is refused as before, and the other names with underscores stay hidden."""
    error = run(code)["error"]
    assert (error["type"], error["line"], error["column"]) == ("UnsupportedError", line, column)
    assert error["message"].startswith(message)


def test_a_name_is_only_ever_a_string() -> None:
    """A number has no ``__name__``: Python's AttributeError, which ``except`` can catch, not a refusal."""
    result = run(lines("try:", "    (3).__name__", "except AttributeError as e:", "    print(e)"))
    assert result["stdout"] == "'int' object has no attribute '__name__'\n"
