"""Autograd's semantics as PyTorch defines them: accumulation, freeing, errors word for word, graph shapes.

Messages and tables were recorded from real PyTorch 2.13 (without the "(Triggered internally at ...)"
suffix PyTorch's C++ build appends to some warnings).
"""

from __future__ import annotations

import gc
import warnings
import weakref

import numpy as np
import pytest

import engine as torch
from engine.nn import functional as F
from tests.engine import pytorch_tables as tables

NON_LEAF_GRAD = (
    "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad attribute "
    "won't be populated during autograd.backward(). If you indeed want the .grad field to be populated "
    "for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor "
    "by mistake, make sure you access the leaf Tensor instead. See "
    "github.com/pytorch/pytorch/pull/30531 for more information."
)
BACKWARD_TWICE = (
    "Trying to backward through the graph a second time (or directly access saved tensors after they have "
    "already been freed). Saved intermediate values of the graph are freed when you call .backward() or "
    "autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time "
    "or if you need to access saved tensors after calling backward."
)
NO_GRAD_FN = "element 0 of tensors does not require grad and does not have a grad_fn"
NOT_SCALAR = "grad can be implicitly created only for scalar outputs"
LEAF_IN_PLACE = "a leaf Variable that requires grad is being used in an in-place operation."
NUMPY_WITH_GRAD = "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead."
MODIFIED_MUL = (
    "one of the variables needed for gradient computation has been modified by an inplace operation: "
    "[torch.FloatTensor [2]], which is output 0 of Mul, is at version 1; expected version 0 instead. Hint: "
    "enable anomaly detection to find the operation that failed to compute its gradient, with "
    "torch.autograd.set_detect_anomaly(True, check_nan=False)."
)
CHAIN_LENGTH = 100_000  # issue 3: a chain this long differentiates without RecursionError


def _leaf(*values: float) -> torch.Tensor:
    return torch.tensor(list(values), requires_grad=True)


# -- accumulation and what backward keeps ------------------------------------------------------
def test_gradient_accumulates_until_zeroed():
    x = torch.tensor(3.0, requires_grad=True)
    seen = []
    for _ in range(3):
        (x * x).backward()
        seen.append(x.grad.item())
    x.grad.zero_()
    (x * x).backward()
    assert seen + [x.grad.item()] == [6.0, 12.0, 18.0, 6.0]  # d(x²)/dx = 2x = 6, added each time


def test_zero_grad_sets_gradients_to_none_by_default():
    model = torch.nn.Linear(2, 1)
    model(torch.ones(1, 2)).sum().backward()
    model.zero_grad()
    assert model.weight.grad is None and model.bias.grad is None


def test_non_leaf_grad_is_none_with_pytorchs_warning():
    x = _leaf(1.0, 2.0)
    y = x * 2
    y.sum().backward()
    with pytest.warns(UserWarning) as caught:
        assert y.grad is None
    assert [str(w.message) for w in caught] == [NON_LEAF_GRAD]


def test_retain_grad_keeps_a_non_leaf_gradient_without_warning():
    x = torch.tensor(2.0, requires_grad=True)
    y = x * 3
    y.retain_grad()
    (y * y).backward()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert y.grad.item() == 12.0  # d(y²)/dy = 2y = 12
    assert x.grad.item() == 36.0  # 2y · 3


def test_retain_graph_allows_a_second_backward_that_adds_up():
    x = torch.tensor(2.0, requires_grad=True)
    y = x * x
    y.backward(retain_graph=True)
    y.backward()
    assert x.grad.item() == 8.0


def test_backward_twice_raises_pytorchs_error():
    x = torch.tensor(2.0, requires_grad=True)
    y = x * x
    y.backward()
    with pytest.raises(RuntimeError) as error:
        y.backward()
    assert str(error.value) == BACKWARD_TWICE


def test_backward_frees_saved_values():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = (x * x).exp()
    nodes = [y.grad_fn, y.grad_fn.next_functions[0][0]]
    assert all(node.saved is not None for node in nodes)
    y.sum().backward()
    assert [node.saved for node in nodes] == [None, None]


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda: torch.tensor([1.0, 2.0]).sum().backward(), NO_GRAD_FN),
        (lambda: (_leaf(1.0, 2.0) * 2).backward(), NOT_SCALAR),
        (lambda: _leaf(1.0, 2.0).add_(1), LEAF_IN_PLACE),
        (lambda: _leaf(1.0, 2.0).zero_(), LEAF_IN_PLACE),
        (lambda: torch.sin_(_leaf(1.0)), LEAF_IN_PLACE),
        (lambda: _leaf(1.0, 2.0).numpy(), NUMPY_WITH_GRAD),
        (
            lambda: torch.tensor([1, 2], requires_grad=True),
            "Only Tensors of floating point and complex dtype can require gradients",
        ),
        (
            lambda: torch.tensor([1, 2]).requires_grad_(),
            "only Tensors of floating point dtype can require gradients",
        ),
        (
            lambda: setattr(torch.tensor([1, 2]), "requires_grad", True),
            "only Tensors of floating point and complex dtype can require gradients",
        ),
    ],
    ids=[
        "no-grad-fn",
        "non-scalar",
        "leaf-add_",
        "leaf-zero_",
        "leaf-sin_",
        "numpy",
        "int-tensor",
        "int-method",
        "int-attribute",
    ],
)
def test_misuse_raises_pytorchs_error(make, message):
    with pytest.raises(RuntimeError) as error:
        make()
    assert str(error.value) == message


def test_in_place_on_a_leaf_is_allowed_under_no_grad():
    x = _leaf(1.0, 2.0)
    with torch.no_grad():
        x.add_(1)
    assert x.tolist() == [2.0, 3.0] and x.requires_grad and x.grad_fn is None


def test_modifying_a_saved_tensor_raises_the_version_error():
    a = _leaf(1.0, 2.0)
    b = a * 2
    c = b * b  # saves b at version 0
    b.mul_(3)
    with pytest.raises(RuntimeError) as error:
        c.sum().backward()
    assert str(error.value) == MODIFIED_MUL


def test_version_error_names_the_op_that_produced_the_saved_tensor():
    a = _leaf(1.0, 2.0)
    b = a.exp()  # ExpBackward0 saves its output b
    b.add_(1)
    with pytest.raises(RuntimeError) as error:
        b.sum().backward()
    assert "which is output 0 of Exp," in str(error.value)


def test_version_error_describes_a_saved_output_changed_through_a_view():
    a = _leaf(1.0, 2.0)
    b = a.exp()  # saves its output; the name b goes, a view of it stays
    view = b[0:1]
    del b
    doubled = view * 2
    view.mul_(2)
    with pytest.raises(RuntimeError) as error:
        doubled.sum().backward()
    assert "operation: [torch.FloatTensor [2]], which is output 0 of Exp, is at version 1;" in str(
        error.value
    )


def test_in_place_ops_on_non_leaves_are_differentiated():
    a, b = _leaf(0.5, -1.0), _leaf(2.0, 3.0)
    x = a * 1
    x.mul_(b)  # x = a·b
    x[0] = x[0] * 4  # x = (4·a₀b₀, a₁b₁)
    x.add_(1)
    x.sum().backward()
    assert x.grad_fn.name() == "AddBackward0"
    assert a.grad.tolist() == [8.0, 3.0] and b.grad.tolist() == [2.0, -1.0]  # (4b₀, b₁) and (4a₀, a₁)


def test_a_view_knows_its_base_as_pytorchs_base_says():
    """Recorded from PyTorch 2.13: views (of views) name the first tensor that is no view; copies none."""
    x = torch.ones(2, 3)
    assert x[0]._base is x and x[0][1]._base is x and x[0, 1]._base is x
    assert x.reshape(-1)._base is x and x.expand(2, 2, 3)._base is x and x.t()._is_view()
    assert x.t().reshape(-1)._base is None  # not contiguous: reshape copies
    assert x.detach()._base is None and x._base is None and not (x * 2)._is_view()


def test_a_base_forgets_its_dead_views_so_a_loop_over_its_elements_keeps_no_garbage():
    from engine.shape_ops import PRUNE_VIEWS_EVERY

    h = torch.ones(3, requires_grad=True) * 2
    for step in range(10 * PRUNE_VIEWS_EVERY):
        h[step % 3]  # a view of a tensor in a graph, dropped at once
    kept = h[0:2]
    assert len(h._views) <= PRUNE_VIEWS_EVERY + 1
    h.mul_(2)  # regenerates the live view from the changed base
    assert kept.tolist() == [4.0, 4.0] and type(kept.grad_fn).__name__ == "AsStridedBackward0"


def test_a_write_through_a_view_passes_no_gradient_to_the_overwritten_values_in_any_layout():
    """CopySlices places a view by flat C-order positions: a column-major gradient is zeroed there too."""
    from engine.functions.overwrite import CopySlices

    node = CopySlices.__new__(CopySlices)
    node.index, node.positions = None, np.array([[0], [2]])  # the first column of a 2x2 base
    kept, taken = node.backward(np.asfortranarray(np.arange(4.0).reshape(2, 2)))
    assert kept.tolist() == [[0.0, 1.0], [0.0, 3.0]] and taken.tolist() == [[0.0], [2.0]]


def test_detach_shares_memory_and_version_but_not_the_graph():
    x = _leaf(1.0, 2.0)
    y = (x * 2).detach()
    assert not y.requires_grad and y.grad_fn is None
    view = x.detach()
    view.add_(1)  # allowed: the detached view does not require grad
    assert x.tolist() == [2.0, 3.0] and x._version == 1


def test_numpy_shares_memory_both_ways():
    t = torch.ones(3)
    n = t.numpy()
    t.add_(1)
    assert n.tolist() == [2.0, 2.0, 2.0]
    source = np.zeros(2)
    shared = torch.from_numpy(source)
    np.add(source, 5, out=source)
    assert shared.tolist() == [5.0, 5.0] and shared.dtype is torch.float64


# -- graph shapes ---------------------------------------------------------------------------------
def _describe(node):
    if node is None:
        return None
    children = tuple(None if child is None else type(child).__name__ for child, _ in node.next_functions)
    return node.name(), children


@pytest.mark.filterwarnings("ignore:The use of `x.T`")
@pytest.mark.parametrize("expression", sorted(tables.GRAPHS))
def test_grad_fn_and_next_functions_match_pytorch(expression):
    a = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]], requires_grad=True)
    b = torch.tensor([[-0.5, 1.25, 0.75], [2.0, -1.5, 0.5]], requires_grad=True)
    v = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
    w = torch.tensor([1.0, -2.0], requires_grad=True)
    scope = {"torch": torch, "F": F, "a": a, "b": b, "v": v, "w": w}
    result = eval(expression, scope)  # test expressions from the table, never user input
    assert _describe(result.grad_fn) == tables.GRAPHS[expression]


def test_leaf_edges_are_one_accumulate_grad_per_leaf():
    x = _leaf(1.0)
    y = x * x
    first, second = (node for node, _ in y.grad_fn.next_functions)
    assert first is second and first.variable is x
    assert first.name() == "torch::autograd::AccumulateGrad"  # PyTorch's C++ name; its repr is the class's
    assert repr(first).startswith("<AccumulateGrad object at 0x")


# -- dtype promotion ------------------------------------------------------------------------------
@pytest.mark.parametrize("left", tables.DTYPES)
def test_dtype_promotion_matches_pytorch(left):
    dtype = getattr(torch, left)
    pairs = tuple(
        (torch.ones(2, dtype=dtype) + torch.ones(2, dtype=getattr(torch, r))).dtype.name
        for r in tables.DTYPES
    )
    numbers = tuple((torch.ones(2, dtype=dtype) * s).dtype.name for s in (True, 2, 2.5))
    zero_dim = tuple(
        (torch.ones(2, dtype=dtype) * torch.tensor(1, dtype=getattr(torch, r))).dtype.name
        for r in ("bool", "int64", "float64")
    )
    divided = (torch.ones(2, dtype=dtype) / torch.ones(2, dtype=dtype)).dtype.name
    assert pairs == tables.PAIRS[left]
    assert numbers == tables.WITH_NUMBERS[left]
    assert zero_dim == tables.WITH_ZERO_DIM[left]
    assert divided == tables.TRUE_DIVIDE[left]


# -- a very long chain ----------------------------------------------------------------------------
def test_long_chain_differentiates_and_releases_memory():
    factor = torch.tensor(1.000001, dtype=torch.float64, requires_grad=True)
    x = torch.tensor(1.0, dtype=torch.float64, requires_grad=True)
    y = x
    for step in range(CHAIN_LENGTH):
        y = y * factor  # each multiplication saves y, since factor wants a gradient
        if step == CHAIN_LENGTH // 2:
            middle = weakref.ref(y)
    assert middle() is not None  # the graph holds it
    y.backward()
    f, n = 1.000001, CHAIN_LENGTH
    assert x.grad.item() == pytest.approx(f**n, rel=1e-9)  # y = x·fⁿ: dy/dx = fⁿ
    assert factor.grad.item() == pytest.approx(n * f ** (n - 1), rel=1e-9)  # dy/df = n·x·fⁿ⁻¹
    del y
    gc.collect()
    assert middle() is None


@pytest.mark.parametrize("op", ["exp", "tanh", "sigmoid", "sqrt", "relu", "softmax", "log"])
@pytest.mark.parametrize("shape", [(), (1000,)], ids=["0-d", "1000"])
def test_a_graph_dropped_without_backward_is_freed_at_once(op, shape):
    """As in PyTorch: a forward pass whose output is dropped (an evaluation without no_grad) frees its graph
    and saved values then, not at the garbage collector's next pass (no node holds itself by its checks)."""
    x = torch.rand(shape, requires_grad=True) + 0.5
    call = {"softmax": lambda t: t.softmax(0) if t.dim() else t.exp()}.get(op, lambda t: getattr(t, op)())
    y = call(x * 2)
    nodes = [weakref.ref(y.grad_fn), weakref.ref(y.grad_fn.next_functions[0][0])]
    enabled = gc.isenabled()
    gc.disable()
    try:
        del y
        assert [node() for node in nodes] == [None, None]
    finally:
        if enabled:
            gc.enable()


# -- grad mode ------------------------------------------------------------------------------------
def _records(x: torch.Tensor) -> bool:
    return (x * 2).requires_grad


def test_no_grad_and_enable_grad_as_context_managers_nest():
    x = _leaf(1.0)
    with torch.no_grad():
        assert not torch.is_grad_enabled() and not _records(x)
        with torch.enable_grad():
            assert _records(x)
        assert not _records(x)
    assert torch.is_grad_enabled() and _records(x)


def test_grad_mode_classes_work_as_decorators():
    x = _leaf(1.0)
    quiet = torch.no_grad()(_records)
    loud = torch.enable_grad()(_records)
    switched_off = torch.set_grad_enabled(False)(_records)
    assert torch.is_grad_enabled()  # decorating changes nothing until the call
    assert (quiet(x), switched_off(x), _records(x)) == (False, False, True)
    with torch.no_grad():
        assert loud(x)


def test_set_grad_enabled_switches_at_once_and_as_a_context():
    x = _leaf(1.0)
    torch.set_grad_enabled(False)
    try:
        assert not _records(x)
    finally:
        torch.set_grad_enabled(True)
    with torch.set_grad_enabled(False):
        assert not _records(x)
    assert _records(x)


def test_grad_mode_is_thread_local():
    import threading

    seen = {}

    def other_thread():
        seen["enabled"] = torch.is_grad_enabled()
        seen["records"] = _records(_leaf(1.0))

    with torch.no_grad():
        worker = threading.Thread(target=other_thread)
        worker.start()
        worker.join()
    assert seen == {"enabled": True, "records": True}


def test_a_thread_that_ends_with_recording_off_leaves_the_others_recording():
    """Operations skip reading their thread's switch while no thread has recording off (a set of them): a
    thread that switches it off, for a block or for good, must not switch off anyone else."""
    import threading

    from engine import grad_mode

    seen = {}
    switched = threading.Event()
    checked = threading.Event()

    def other_thread():
        torch.set_grad_enabled(False)  # for good: the thread ends with recording off
        switched.set()
        checked.wait(5)
        seen["records"] = _records(_leaf(1.0)) or _records(torch.tensor(1.0, requires_grad=True))

    before = set(grad_mode.OFF_THREADS)
    with torch.no_grad():
        assert threading.get_ident() in grad_mode.OFF_THREADS
    assert grad_mode.OFF_THREADS == before  # a block that ends switches it back on, and leaves the set
    worker = threading.Thread(target=other_thread)
    worker.start()
    switched.wait(5)
    scalar = torch.tensor(2.0, requires_grad=True)  # the scalar lane and the general path, while it is off
    recorded = [_records(_leaf(1.0)), _records(scalar), scalar.exp().requires_grad]
    checked.set()
    worker.join()
    assert recorded == [True, True, True] and seen == {"records": False}
    assert _records(_leaf(1.0)) and torch.is_grad_enabled()
    with torch.no_grad():
        assert not _records(scalar) and not scalar.exp().requires_grad


def test_hooks_run_in_a_process_that_had_none_before(monkeypatch):
    """Backward looks for hooks on its nodes only once some node has had one (autograd.PREHOOKS_SEEN):
    registering the first must turn the look on, for tensors' hooks and retain_grad alike."""
    from engine import autograd

    monkeypatch.setattr(autograd, "PREHOOKS_SEEN", [False])
    x = torch.tensor(2.0, requires_grad=True)
    y = x * 3
    assert not autograd.PREHOOKS_SEEN[0]
    y.register_hook(lambda grad: grad * 10)
    assert autograd.PREHOOKS_SEEN[0]
    (y * y).backward()
    assert x.grad.item() == 360.0  # d(y²)/dy = 2y = 12, times 10, times dy/dx = 3
    monkeypatch.setattr(autograd, "PREHOOKS_SEEN", [False])
    z = x.exp()
    z.retain_grad()
    z.backward()
    assert z.grad.item() == 1.0


def test_autograd_grad_returns_gradients_without_touching_grad():
    x = torch.tensor(3.0, requires_grad=True)
    (gradient,) = torch.autograd.grad(x**3, x)
    assert gradient.item() == 27.0 and x.grad is None  # d(x³)/dx = 3x² = 27


def test_a_nan_max_or_median_sends_its_gradient_to_the_nans():
    """PyTorch 2.13: tensor([nan, 1., nan]).max() (or .median()) puts half the gradient on each NaN."""
    for reduce in (torch.max, torch.min, torch.median, torch.nanmedian):
        x = torch.tensor([float("nan"), 1.0, float("nan")], requires_grad=True)
        reduce(x).backward()
        assert x.grad.tolist() == ([0.5, 0.0, 0.5] if reduce is not torch.nanmedian else [0.0, 1.0, 0.0])


def test_cov_warns_when_the_correction_leaves_no_degrees_of_freedom():
    """PyTorch 2.13 warns (its text, without the C++ location it appends) and divides by zero."""
    with pytest.warns(UserWarning, match=r"^cov\(\): degrees of freedom is <= 0\. Correction should be"):
        result = torch.cov(torch.tensor([1.0, 2.0]), correction=2)
    assert result.item() == float("inf")


def test_kl_div_warns_that_mean_is_not_the_divergence():
    """PyTorch 2.13's warning, at the line that called F.kl_div."""
    log_probs, target = torch.tensor([[0.2, 0.8]]).log(), torch.tensor([[0.5, 0.5]])
    with pytest.warns(UserWarning, match=r"^reduction: 'mean' divides the total loss by both") as caught:
        F.kl_div(log_probs, target)
    assert caught[0].filename == __file__


def test_the_deprecated_range_includes_its_end_and_warns():
    """PyTorch 2.13: torch.range(1, 4) is [1., 2., 3., 4.] (float32), with its deprecation warning."""
    with pytest.warns(UserWarning, match=r"^torch\.range is deprecated") as caught:
        values = torch.range(1, 4)
    assert caught[0].filename == __file__
    assert values.tolist() == [1.0, 2.0, 3.0, 4.0] and values.dtype is torch.float32
    with pytest.warns(UserWarning):
        assert torch.range(0, 1, 0.3).tolist() == pytest.approx([0.0, 0.3, 0.6, 0.9])
        assert torch.range(1, 4, dtype=torch.int64).tolist() == [1, 2, 3, 4]
