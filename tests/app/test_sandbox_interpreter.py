"""The Python subset the interpreter runs, checked in-process against what Python itself prints."""

import pytest

from app.services.sandbox.runner import run_snippet


def run(code: str) -> dict:
    return run_snippet(code, lambda event: None)


def printed(code: str) -> str:
    result = run(code)
    assert result["error"] is None, result["error"]
    return result["stdout"]


PROGRAMS = {
    "unpacking": "a, (b, *c), d = 1, (2, 3, 4), 5\nprint(a, b, c, d)\n",
    "augmented subscripts": "xs = [1, 2]\nxs[0] += 10\nd = {'k': 1}\nd['k'] *= 3\nprint(xs, d)\n",
    "closures and defaults": (
        "def make(n, scale=2):\n    def f(x):\n        return x * n * scale\n    return f\n"
        "print(make(3)(4), make(3, scale=1)(4))\n"
    ),
    "recursion": "def fact(n):\n    return 1 if n <= 1 else n * fact(n - 1)\nprint(fact(10))\n",
    "keyword-only and varargs": (
        "def f(a, *rest, k=0, **extra):\n    return a, rest, k, sorted(extra)\n"
        "print(f(1, 2, 3, k=4, z=5, y=6))\n"
    ),
    "comprehensions": (
        "print([i * j for i in range(3) for j in range(3) if i != j], {i % 3 for i in range(9)}, "
        "{k: v for k, v in zip('ab', [1, 2])}, sum(i for i in range(5)))\n"
    ),
    "lambda and sorted key": "print(sorted(['ccc', 'a', 'bb'], key=lambda s: len(s)))\n",
    "loops with else, break, continue": (
        "for i in range(5):\n    if i == 1:\n        continue\n    if i == 3:\n        break\n    print(i)\n"
        "else:\n    print('no')\nn = 0\nwhile n < 3:\n    n += 1\nelse:\n    print('done', n)\n"
    ),
    "f-strings with specs and conversions": (
        "x = 3.14159\nw = 8\nprint(f'{x:.2f}|{x:>{w}.1f}|{\"s\"!r}|{42:05d}|{x=}')\n"
    ),
    "print sep and end": "print(1, 2, sep='-', end='!\\n')\nprint()\n",
    "walrus and conditional": "if (n := 5) > 3:\n    print(n)\nprint('big' if n > 4 else 'small')\n",
    "delete": "d = {'a': 1, 'b': 2}\ndel d['a']\nx = 1\ndel x\nprint(d)\n",
    "math": "import math\nprint(math.sqrt(16), math.pi > 3, math.factorial(5))\n",
    "chained comparisons": "print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2, 1 in [1] not in [[1]])\n",
    "builtins": "print(len([1]), abs(-2), round(2.567, 2), min(3, 1), max([4, 9]), any([0, 1]), all([]))\n",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_program_prints_what_python_prints(name, capsys):
    code = PROGRAMS[name]
    exec(compile(code, "<reference>", "exec"), {})  # the reference: real Python on our own test programs
    assert printed(code) == capsys.readouterr().out


def test_tensor_code_uses_engine_through_import_forms():
    code = (
        "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\nfrom torch import optim\n"
        "x = torch.tensor([1.0, -2.0], requires_grad=True)\ny = F.relu(x).sum() + nn.Tanh()(x).sum()\n"
        "y.backward()\nprint(x.grad)\nopt = optim.SGD([x], lr=0.1)\nopt.step()\nprint(x)\n"
    )
    # relu' is 1 and 0, tanh' = 1 - tanh(x)^2 is 0.4200 and 0.0707; SGD moves x by -0.1 * grad
    assert printed(code) == "tensor([1.4200, 0.0707])\ntensor([ 0.8580, -2.0071], requires_grad=True)\n"


def test_no_grad_and_set_grad_enabled_blocks():
    code = (
        "import torch\nx = torch.ones(2, requires_grad=True)\nwith torch.no_grad():\n    y = x * 2\n"
        "with torch.set_grad_enabled(False):\n    z = x * 2\nwith torch.enable_grad():\n    w = x * 2\n"
        "print(y.requires_grad, z.requires_grad, w.requires_grad, torch.is_grad_enabled())\n"
    )
    assert printed(code) == "False False True True\n"


def test_grad_mode_is_restored_after_an_error_in_a_no_grad_block():
    code = "import torch\nwith torch.no_grad():\n    undefined_name\n"
    assert run(code)["error"]["type"] == "NameError"
    assert printed("import torch\nprint(torch.is_grad_enabled())\n") == "True\n"


def test_user_function_works_as_an_engine_hook():
    code = (
        "import torch\nx = torch.tensor(2.0, requires_grad=True)\ny = x * 3\n"
        "y.register_hook(lambda g: g * 10)\ny.backward()\nprint(x.grad)\n"
    )
    assert printed(code) == "tensor(30.)\n"  # dy/dx = 3, the hook scales the incoming gradient by 10


def test_assert_reports_its_message():
    error = run("x = 1\nassert x == 2, 'x should be 2'\n")["error"]
    assert (error["type"], error["message"], error["line"]) == ("AssertionError", "x should be 2", 2)


def test_variables_are_reported_with_tensor_details():
    result = run("import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\nn = 3\n")
    x, n = result["variables"]
    assert x == {
        "name": "x",
        "type": "Tensor",
        "repr": "tensor([1., 2.], requires_grad=True)",
        "shape": [2],
        "dtype": "torch.float32",
        "requires_grad": True,
        "is_leaf": True,
        "grad": None,
    }
    assert n == {"name": "n", "type": "int", "repr": "3"}


def test_same_code_gives_the_same_random_numbers():
    code = "import torch\nprint(torch.randn(3))\n"
    assert printed(code) == printed(code)


def test_break_outside_loop_is_a_syntax_error():
    assert run("break\n")["error"]["type"] == "SyntaxError"


def test_events_arrive_in_order():
    events = []
    run_snippet(
        "import torch\nprint('a')\nx = torch.tensor(1.0, requires_grad=True)\n(x * 2).backward()\n",
        events.append,
    )
    assert [event["type"] for event in events] == ["stdout", "frame", "frame"]
    assert [event.get("label") for event in events[1:]] == ["backward #1", "end"]


def test_tensor_masks_compare_elementwise():
    code = "import torch\na = torch.arange(6).reshape(2, 3)\nprint(a[a > 2], (a >= 1) & (a < 3))\n"
    expected = "tensor([3, 4, 5]) tensor([[False,  True,  True],\n        [False, False, False]])\n"
    assert printed(code) == expected
