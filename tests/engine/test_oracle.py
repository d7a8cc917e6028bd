"""The engine against real PyTorch on random graphs: values, gradients, grad_fn names, dtypes, error messages.

Optional: skipped when ``torch`` is not installed (``pip install torch==2.13.0``, CPU). Never a dependency.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import array_shapes

import engine

torch = pytest.importorskip("torch")

PROGRAMS = 60  # random programs per run
MAX_STEPS = 6  # operations per program
RTOL = {"float64": 1e-9, "float32": 1e-4}
ATOL = {"float64": 1e-12, "float32": 1e-5}


def _assign_first_column(lib, x):
    """``y[..., :1] = ...`` on a non-leaf (CopySlices), then an in-place ``mul_`` on it."""
    y = x * 1
    if y.dim():
        y[..., :1] = y[..., :1].exp()
    return y.mul_(x)


# op name -> function of (library, *operands); every op here reads the same in both APIs
UNARY = {
    "neg": lambda lib, x: -x,
    "exp": lambda lib, x: (x * 0.5).exp(),
    "tanh": lambda lib, x: lib.tanh(x),
    "sigmoid": lambda lib, x: x.sigmoid(),
    "relu": lambda lib, x: lib.relu(x),
    "abs": lambda lib, x: x.abs(),
    "sin": lambda lib, x: lib.sin(x),
    "cos": lambda lib, x: x.cos(),
    "square": lambda lib, x: x.pow(2),
    "cube": lambda lib, x: x**3,
    "log": lambda lib, x: (x.abs() + 0.5).log(),
    "sqrt": lambda lib, x: (x * x + 1).sqrt(),
    "clamp": lambda lib, x: x.clamp(-0.5, 0.5),
    "scale": lambda lib, x: 2.5 * x,
    "shift": lambda lib, x: 1 - x,
    "reciprocal": lambda lib, x: 1 / (x * x + 1),
    "power": lambda lib, x: 2**x,
    "clone": lambda lib, x: x.clone(),
    "sum": lambda lib, x: x.sum(),
    "mean": lambda lib, x: x.mean(),
    "max": lambda lib, x: x.max(),
    "flatten": lambda lib, x: x.reshape(-1),
    "unsqueeze": lambda lib, x: x.unsqueeze(0),
    "stack": lambda lib, x: lib.stack([x, x * 2]),
    "softplus": lambda lib, x: lib.nn.functional.softplus(x),
    "norm": lambda lib, x: x.norm(),
    "in_place": _assign_first_column,
    "tanh_": lambda lib, x: (x * 1).add_(1).tanh_() * 2,
    "sort": lambda lib, x: x.sort(descending=True).values if x.dim() else x,
    "masked_fill": lambda lib, x: x.masked_fill(x > 0.5, 2.0),
    "outer": lambda lib, x: x.reshape(-1, 1) @ x.reshape(1, -1),
    "inner": lambda lib, x: lib.matmul(x.reshape(-1), x.reshape(-1, 1).t().reshape(-1)),
    "mse": lambda lib, x: lib.nn.functional.mse_loss(x, x.detach() * 0.5),
    "bce_logits": lambda lib, x: lib.nn.functional.binary_cross_entropy_with_logits(
        x, (x.detach() > 0).to(x.dtype)
    ),
    "linear": lambda lib, x: lib.nn.functional.linear(
        x.reshape(1, -1), x.reshape(1, -1) * 2, x.reshape(-1)[:1]
    ),
}
ALONG_DIM = {
    "sum_dim": lambda lib, x, d: x.sum(d),
    "mean_dim": lambda lib, x, d: x.mean(d, keepdim=True),
    "max_dim": lambda lib, x, d: x.max(d).values,
    "softmax": lambda lib, x, d: x.softmax(d),
    "log_softmax": lambda lib, x, d: lib.log_softmax(x, d),
    "select": lambda lib, x, d: x.select(d, 0),
    "cat": lambda lib, x, d: lib.cat([x, x], dim=d),
    "cumsum": lambda lib, x, d: x.cumsum(d),
    "logsumexp": lambda lib, x, d: lib.logsumexp(x, d),
    "slice": lambda lib, x, d: x[1:] if d == 0 else x[..., :1],
}
BINARY = {
    "add": lambda lib, x, y: x + y,
    "sub": lambda lib, x, y: x - y,
    "mul": lambda lib, x, y: x * y,
    "div": lambda lib, x, y: x / (y * y + 1),
    "maximum": lambda lib, x, y: lib.maximum(x, y),
    "where": lambda lib, x, y: lib.where(x > y, x, y),
    "pow": lambda lib, x, y: (x.abs() + 0.5) ** y,
    "add_alpha": lambda lib, x, y: lib.add(x, y, alpha=0.5),
}


def _broadcasts(a: tuple, b: tuple) -> bool:
    try:
        np.broadcast_shapes(a, b)
    except ValueError:
        return False
    return True


@st.composite
def programs(draw):
    """Leaves (shape, dtype, values) and steps (op name, operand indices, dim) over a growing pool."""
    dtype = draw(st.sampled_from(["float64", "float32"]))
    shapes = [
        draw(array_shapes(min_dims=0, max_dims=3, min_side=1, max_side=3))
        for _ in range(draw(st.integers(1, 3)))
    ]
    seeds = [draw(st.integers(0, 2**32 - 1)) for _ in shapes]
    pool = list(shapes)
    steps = []
    for _ in range(draw(st.integers(1, MAX_STEPS))):
        kind = draw(st.sampled_from(["unary", "dim", "binary"]))
        first = draw(st.integers(0, len(pool) - 1))
        if kind == "binary":
            partners = [i for i, s in enumerate(pool) if _broadcasts(pool[first], s)]
            second = draw(st.sampled_from(partners))
            name = draw(st.sampled_from(sorted(BINARY)))
            steps.append((name, (first, second), None))
            pool.append(np.broadcast_shapes(pool[first], pool[second]))
        elif kind == "dim" and len(pool[first]) > 0:
            name = draw(st.sampled_from(sorted(ALONG_DIM)))
            dim = draw(st.integers(-len(pool[first]), len(pool[first]) - 1))
            steps.append((name, (first,), dim))
            pool.append(_shape_after(ALONG_DIM[name], pool[first], dim))
        else:
            name = draw(st.sampled_from(sorted(UNARY)))
            steps.append((name, (first,), None))
            pool.append(_shape_after(UNARY[name], pool[first]))
    return dtype, list(zip(shapes, seeds, strict=True)), steps


def _shape_after(operation, shape: tuple, *dim: int) -> tuple:
    """The result's shape, found by running the op on zeros."""
    return tuple(operation(torch, torch.zeros(shape), *dim).shape)


def _run(lib, dtype: str, leaves: list, steps: list) -> tuple[list, list]:
    tensors = [
        lib.tensor(
            np.random.default_rng(seed).uniform(-2, 2, shape), dtype=getattr(lib, dtype), requires_grad=True
        )
        for shape, seed in leaves
    ]
    pool = list(tensors)
    for name, operands, dim in steps:
        args = [pool[i] for i in operands]
        if name in BINARY:
            pool.append(BINARY[name](lib, *args))
        elif name in ALONG_DIM:
            pool.append(ALONG_DIM[name](lib, *args, dim))
        else:
            pool.append(UNARY[name](lib, *args))
    total = sum(t.sum() for t in pool[len(tensors) :])
    total.backward()
    return pool, tensors


@settings(max_examples=PROGRAMS, deadline=None, derandomize=True)
@given(program=programs())
def test_random_graph_matches_pytorch(program):
    dtype, leaves, steps = program
    ours, our_leaves = _run(engine, dtype, leaves, steps)
    theirs, their_leaves = _run(torch, dtype, leaves, steps)
    for mine, real in zip(ours, theirs, strict=True):
        assert str(mine.dtype) == str(real.dtype)
        assert (mine.grad_fn.name() if mine.grad_fn else None) == (
            real.grad_fn.name() if real.grad_fn else None
        )
        np.testing.assert_allclose(mine.detach().numpy(), real.detach().numpy(), RTOL[dtype], ATOL[dtype])
    for mine, real in zip(our_leaves, their_leaves, strict=True):
        assert (mine.grad is None) == (real.grad is None)  # an unused leaf gets no gradient
        if real.grad is not None:
            np.testing.assert_allclose(mine.grad.numpy(), real.grad.numpy(), RTOL[dtype], ATOL[dtype])


ERRORS = [
    "lib.ones(2, 3) + lib.ones(3, 2)",
    "lib.ones(2, 3) @ lib.ones(2, 3)",
    "lib.ones(3) @ lib.ones(4)",
    "lib.ones(2, 3).view(4)",
    "lib.ones(2, 3)[2]",
    "lib.ones(2, 3).sum(2)",
    "lib.ones(2, 3).item()",
    "lib.ones(2, dtype=lib.int64).mean()",
    "lib.ones(2, 2) @ lib.ones(2, 2, dtype=lib.float64)",
    "lib.ones(2).dot(lib.ones(2, dtype=lib.float64))",
    "lib.cat([lib.ones(2, 3), lib.ones(3, 2)])",
    "lib.stack([lib.ones(2, 3), lib.ones(3, 2)])",
    "lib.nn.Linear(3, 2)(lib.ones(4, 5))",
    "lib.tensor([1, 2], requires_grad=True)",
    "lib.ones(2, requires_grad=True).numpy()",
    "lib.ones(2, requires_grad=True).add_(1)",
    "(lib.ones(2, requires_grad=True) * 2).backward()",
    "lib.ones(2).sum().backward()",
    "lib.ones(2, 3).t().view(6)",
    "lib.ones(2, 3).permute(0)",
    "lib.ones(2, 3).unsqueeze(3)",
    "lib.ones(2, 3).transpose(0, 2)",
    # backward twice; a saved output, then a saved input, changed in place (0-d: the scalar lane's nodes)
    "(lambda y: (y.backward(), y.backward()))(lib.ones(2, requires_grad=True).exp().sum())",
    "(lambda y: (y.add_(1), y.backward()))(lib.tensor(2.0, requires_grad=True).exp())",
    "(lambda a: (lambda y: (a.mul_(2), y.backward()))(a.log()))(lib.tensor(2.0, requires_grad=True) * 1.0)",
]


@pytest.mark.parametrize("expression", ERRORS)
def test_error_matches_pytorch(expression):
    caught = []
    for lib in (engine, torch):
        with pytest.raises(Exception) as error:  # noqa: B017 - the type itself is compared below
            eval(expression, {"lib": lib})  # test expressions from the list above, never user input
        caught.append((type(error.value).__name__, str(error.value)))
    assert caught[0] == caught[1]


# -- dtypes: every op on every pair of element types, results or errors as PyTorch gives them ---------
DTYPES = ("bool", "uint8", "int32", "int64", "float32", "float64")
DTYPE_OPS = {
    "add": lambda lib, a, b: a + b,
    "sub": lambda lib, a, b: a - b,
    "mul": lambda lib, a, b: a * b,
    "div": lambda lib, a, b: a / b,
    "floordiv": lambda lib, a, b: a // b,
    "mod": lambda lib, a, b: a % b,
    "pow": lambda lib, a, b: a**b,
    "lt": lambda lib, a, b: a < b,
    "eq": lambda lib, a, b: a == b,
    "and": lambda lib, a, b: a & b,
    "or": lambda lib, a, b: a | b,
    "maximum": lambda lib, a, b: lib.maximum(a, b),
    "where": lambda lib, a, b: lib.where(a > 0, a, b),
    "cat": lambda lib, a, b: lib.cat([a, b]),
    "matmul": lambda lib, a, b: a @ b,
    "neg": lambda lib, a, b: -a,
    "abs": lambda lib, a, b: a.abs(),
    "sum": lambda lib, a, b: a.sum(),
    "mean": lambda lib, a, b: a.mean(),
    "exp": lambda lib, a, b: a.exp(),
    "sqrt": lambda lib, a, b: a.sqrt(),
    "invert": lambda lib, a, b: ~a,
    "relu": lambda lib, a, b: a.relu(),
    "sigmoid": lambda lib, a, b: a.sigmoid(),
    "clamp": lambda lib, a, b: a.clamp(0, 1.5),
    "prod": lambda lib, a, b: a.prod(),
    "cumsum": lambda lib, a, b: a.cumsum(0),
    "argmax": lambda lib, a, b: a.argmax(),
    "max": lambda lib, a, b: a.max(),
    "times_float": lambda lib, a, b: a * 2.5,
    "plus_int": lambda lib, a, b: a + 1,
    "rsub": lambda lib, a, b: 1 - a,
    "rdiv": lambda lib, a, b: 2 / a,
    "rpow": lambda lib, a, b: 2**a,
    "square": lambda lib, a, b: a**2,
    "floor": lambda lib, a, b: lib.floor(a),
    "round": lambda lib, a, b: a.round(),
    "sort": lambda lib, a, b: a.sort().values,
    "std": lambda lib, a, b: a.std(),
    "norm": lambda lib, a, b: a.norm(),
    "softmax": lambda lib, a, b: a.softmax(0),
    "float": lambda lib, a, b: a.float(),
    "bool": lambda lib, a, b: a.bool(),
}
# ops whose bool-input handling differs (PyTorch refuses most of them; the engine computes an answer)
BOOL_INPUT_GAPS = {"abs", "relu", "floor", "round", "argmax", "pow", "mod", "floordiv", "matmul"}


def _outcome(lib, name: str, left: str, right: str) -> tuple:
    a = lib.tensor([3, 0, 2], dtype=getattr(lib, left))
    b = lib.tensor([1, 2, 1], dtype=getattr(lib, right))
    try:
        result = DTYPE_OPS[name](lib, a, b)
    except Exception as error:  # the error itself is the outcome compared
        return type(error).__name__, str(error).split("\n")[0]
    return str(result.dtype), np.asarray(result.tolist(), dtype=np.float64)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@pytest.mark.parametrize("name", sorted(DTYPE_OPS))
def test_dtype_results_and_errors_match_pytorch(name):
    lefts = [d for d in DTYPES if d != "bool" or name not in BOOL_INPUT_GAPS]
    for left in lefts:
        for right in DTYPES:
            ours, theirs = _outcome(engine, name, left, right), _outcome(torch, name, left, right)
            assert ours[0] == theirs[0], (left, right, ours, theirs)
            if isinstance(theirs[1], str):
                assert ours[1] == theirs[1], (left, right)
            else:
                np.testing.assert_allclose(
                    ours[1], theirs[1], rtol=1e-6, equal_nan=True, err_msg=f"{left} {right}"
                )


# -- training: same seed, same initial weights, same steps ------------------------------------------
TRAINING_STEPS = 5


def _train(lib, seed: int, optimizer_name: str) -> list:
    lib.manual_seed(seed)
    model = lib.nn.Sequential(lib.nn.Linear(3, 4), lib.nn.Tanh(), lib.nn.Linear(4, 2))
    inputs, classes = lib.rand(5, 3), lib.randint(0, 2, (5,))
    if optimizer_name == "adam":
        optimizer = lib.optim.Adam(model.parameters(), lr=0.05)
    else:
        optimizer = lib.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01)
    losses = []
    for _ in range(TRAINING_STEPS):
        optimizer.zero_grad()
        loss = lib.nn.functional.cross_entropy(model(inputs), classes)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return [losses] + [p.detach().numpy().copy() for p in model.parameters()]


@pytest.mark.parametrize("optimizer_name", ["adam", "sgd"])
@pytest.mark.parametrize("seed", [0, 7])
def test_training_from_the_same_seed_matches_pytorch(seed, optimizer_name):
    ours, theirs = _train(engine, seed, optimizer_name), _train(torch, seed, optimizer_name)
    for mine, real in zip(ours, theirs, strict=True):
        np.testing.assert_allclose(mine, real, rtol=1e-5, atol=1e-6)


# -- values and gradients at the edges: zeros, ties, negative bases, division by zero ---------------
EDGES = [
    "x ** y",
    "x ** 0.5",
    "x ** 0",
    "x ** -1",
    "2 ** x",
    "0 ** x",
    "x.sqrt()",
    "x.log()",
    "x.abs()",
    "x.relu()",
    "x.clamp(-1, 0)",
    "x.max()",
    "x.min()",
    "x.amax(0)",
    "x.max(0).values",
    "lib.maximum(x, y)",
    "x.norm()",
    "(x * 0).norm()",
    "x / x",
    "1 / x",
    "x.sign()",
    "x.std()",
    "x.softmax(0)",
    "x.sigmoid()",
    "x.tanh()",
    "lib.where(x > 0, x, y)",
    "x.prod()",
    "(x * 0).prod()",
    "x.sort().values",
    "lib.nn.functional.leaky_relu(x)",
]


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@pytest.mark.parametrize("expression", EDGES)
def test_edge_values_and_gradients_match_pytorch(expression):
    results = []
    for lib in (engine, torch):
        x = lib.tensor([0.0, -1.0, 2.0, 2.0], requires_grad=True)
        y = lib.tensor([2.0, 2.0, -1.0, 2.0], requires_grad=True)
        out = eval(expression, {"lib": lib, "x": x, "y": y})  # test expressions above, never user input
        out.sum().backward()
        grads = [None if t.grad is None else t.grad.numpy() for t in (x, y)]
        results.append((out.detach().numpy(), grads))
    (ours, our_grads), (theirs, their_grads) = results
    np.testing.assert_allclose(ours, theirs, rtol=1e-6, equal_nan=True)
    for mine, real in zip(our_grads, their_grads, strict=True):
        assert (mine is None) == (real is None)
        if real is not None:
            np.testing.assert_allclose(mine, real, rtol=1e-6, equal_nan=True)
