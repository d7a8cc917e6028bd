"""The Tensor: a numpy array plus what autograd needs (requires_grad, grad, grad_fn, version).

Operators and math methods are attached in ``engine/methods.py``; this file holds the state,
the autograd entry points and the conversions.
"""

from __future__ import annotations

import sys
import warnings
import weakref
from collections.abc import Callable
from typing import Any

import numpy as np

from engine import autograd, dtypes, grad_mode, pickling, printing
from engine.devices import CPU, Size, device
from engine.hooks import RemovableHandle

NON_LEAF_GRAD_WARNING = (
    "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad attribute "
    "won't be populated during autograd.backward(). If you indeed want the .grad field to be populated "
    "for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf "
    "Tensor by mistake, make sure you access the leaf Tensor instead. See "
    "github.com/pytorch/pytorch/pull/30531 for more information."
)
FLOAT_ONLY = "only Tensors of floating point and complex dtype can require gradients"
LEAF_IN_PLACE = "a leaf Variable that requires grad is being used in an in-place operation."
LEAF_VIEW_IN_PLACE = "a view of a leaf Variable that requires grad is being used in an in-place operation."
NO_GRAD_VIEW_IN_PLACE = (
    "A view was created in no_grad mode and is being modified inplace with grad mode enabled. Given that "
    "this use case is ambiguous and error-prone, it is forbidden. You can clarify your code by moving both "
    "the view and the inplace either both inside the no_grad block (if you don't want the inplace to be "
    "tracked) or both outside (if you want the inplace to be tracked)."
)
MULTI_VIEW_IN_PLACE = (
    "Output {number} of {op} is a view and is being modified inplace. This view is the output of a function "
    "that returns multiple views. Such functions do not allow the output views to be modified inplace. You "
    "should replace the inplace operation by an out-of-place one."
)


def _adoptable(grad: Any, dtype: np.dtype) -> bool:
    """Whether an unshared gradient can become ``.grad`` as it is: a writable array of the leaf's dtype
    whose memory belongs to it alone (its own, or a view's base that only this view refers to)."""
    if type(grad) is not np.ndarray or grad.dtype != dtype or not grad.flags.writeable:
        return False
    base = grad.base
    if base is None:
        return True
    return type(base) is np.ndarray and base.flags.owndata and _references(base) <= _VIEW_ONLY


_references = sys.getrefcount
_VIEW_ONLY = 3  # references to a base held by one view alone: the view's, ``base``'s and the argument's


class Tensor:
    """An n-dimensional array that can record the operations made from it."""

    __slots__ = (
        "_data",
        "_requires_grad",
        "grad_fn",
        "_grad",
        "_version_box",
        "_retains_grad",
        "_accumulator",
        "_backward_hooks",
        "_view_base",  # set on views only (shape_ops._shares_version): the tensor whose memory they show
        "_views",  # set on a base with views (not a leaf that requires grad): regenerated when it changes
        "_no_grad_view",  # set on a view made in no_grad mode of a tensor that requires grad
        "__weakref__",
    )
    __hash__ = object.__hash__
    __array_priority__ = 1000  # numpy defers `ndarray * tensor` to Tensor.__rmul__

    def __init__(self, *args: Any) -> None:
        if len(args) == 1 and not isinstance(args[0], int):
            data = np.asarray(args[0], dtype=np.float32)
        else:
            data = np.zeros(tuple(args), dtype=np.float32)
        _init(self, data, False)

    @classmethod
    def _wrap(cls, data: np.ndarray | np.generic, requires_grad: bool = False) -> Tensor:
        """A new tensor around ``data`` (not copied); the fast path every operation uses."""
        tensor = object.__new__(cls)
        # speed: _init's body inline, as every operation's result passes here
        tensor._data = data if type(data) is np.ndarray else np.asarray(data)
        tensor._requires_grad = requires_grad
        tensor.grad_fn = tensor._grad = tensor._accumulator = tensor._backward_hooks = None
        tensor._version_box = [0]
        tensor._retains_grad = False
        return tensor

    # -- what it holds --------------------------------------------------------------------------
    @property
    def dtype(self) -> dtypes.dtype:
        return dtypes.BY_NUMPY[self._data.dtype]

    @property
    def shape(self) -> Size:
        return Size(self._data.shape)

    def size(self, dim: int | None = None) -> Size | int:
        shape = self._data.shape
        if dim is None:
            return Size(shape)
        if not -len(shape) <= dim < len(shape):  # PyTorch's words, not a tuple's IndexError
            if not shape:
                raise IndexError(f"Dimension specified as {dim} but tensor has no dimensions")
            span = len(shape)
            raise IndexError(
                f"Dimension out of range (expected to be in range of [{-span}, {span - 1}], but got {dim})"
            )
        return shape[dim]

    def dim(self) -> int:
        return self._data.ndim

    ndimension = dim

    @property
    def ndim(self) -> int:
        return self._data.ndim

    def numel(self) -> int:
        return int(self._data.size)

    nelement = numel

    def element_size(self) -> int:
        return self._data.itemsize

    @property
    def device(self) -> device:
        return CPU

    is_cuda = False

    def is_floating_point(self) -> bool:
        return self._data.dtype.kind == "f"

    # -- autograd state -------------------------------------------------------------------------
    @property
    def requires_grad(self) -> bool:
        return self._requires_grad

    @requires_grad.setter
    def requires_grad(self, value: bool) -> None:
        if self.grad_fn is not None and not (value and self._requires_grad):  # True on a non-leaf: a no-op
            raise RuntimeError(
                "you can only change requires_grad flags of leaf variables. If you want to use a "
                "computed variable in a subgraph that doesn't require differentiation use "
                "var_no_grad = var.detach()."
            )
        if value and self._data.dtype.kind != "f":
            raise RuntimeError(FLOAT_ONLY)
        self._requires_grad = bool(value)

    def requires_grad_(self, requires_grad: bool = True) -> Tensor:
        if requires_grad and self._data.dtype.kind != "f":
            raise RuntimeError("only Tensors of floating point dtype can require gradients")
        self.requires_grad = requires_grad
        return self

    @property
    def is_leaf(self) -> bool:
        return self.grad_fn is None

    @property
    def _base(self) -> Tensor | None:
        """PyTorch's ``x._base``: the tensor whose memory this view shows (None if it is not a view)."""
        return getattr(self, "_view_base", None)

    def _is_view(self) -> bool:
        return self._base is not None

    @property
    def grad(self) -> Tensor | None:
        if self.grad_fn is not None and not self._retains_grad:
            warnings.warn(NON_LEAF_GRAD_WARNING, UserWarning, stacklevel=2)
        return self._grad

    @grad.setter
    def grad(self, value: Tensor | None) -> None:
        self._grad = value

    @property
    def retains_grad(self) -> bool:
        return bool(self._retains_grad)

    @property
    def _version(self) -> int:
        return self._version_box[0]

    def retain_grad(self) -> None:
        """Keep ``.grad`` on this non-leaf after backward (a no-op on leaves, as in PyTorch)."""
        if not self._requires_grad:
            raise RuntimeError("can't retain_grad on Tensor that has requires_grad=False")
        if self.grad_fn is None or self._retains_grad:
            return
        reference = weakref.ref(self)

        def keep_grad(grad: np.ndarray) -> None:
            tensor = reference()
            if tensor is not None:
                tensor._store_grad(grad)

        self._retains_grad = keep_grad  # truthy; kept so that an in-place change can move it (moved_history)
        self.grad_fn.register_prehook(keep_grad)

    def _moved_history(self, node: autograd.Node) -> None:
        """Make ``node`` this tensor's ``grad_fn`` (it changed in place), taking its retain_grad hook along:
        as in PyTorch, ``.grad`` is then the gradient of the values it holds now."""
        keep_grad, old = self._retains_grad, self.grad_fn
        if keep_grad and old is not None and old is not node:
            old.prehooks = tuple(hook for hook in old.prehooks if hook is not keep_grad)
            node.register_prehook(keep_grad)
        self.grad_fn, self._requires_grad = node, True

    def register_hook(self, hook: Any) -> RemovableHandle:
        """Call ``hook(grad)`` when this tensor's gradient is computed; a returned tensor replaces it.

        Returns a handle whose ``remove()`` takes the hook off again."""
        if not self._requires_grad:
            raise RuntimeError("cannot register a hook on a tensor that doesn't require gradient")

        def call_hook(grad: np.ndarray) -> np.ndarray | None:
            replaced = hook(Tensor._wrap(grad))
            return None if replaced is None else replaced._data

        self._grad_node().register_prehook(call_hook)
        if self.grad_fn is None:  # a leaf's hooks outlive its AccumulateGrad: the next graph gets a new one
            self._backward_hooks = (*(self._backward_hooks or ()), call_hook)
        return RemovableHandle(self, call_hook)

    def _remove_hook(self, hook: Callable) -> None:
        """Take a hook ``register_hook`` added off this tensor's node (and off the leaf's kept hooks)."""
        if self._backward_hooks:
            self._backward_hooks = tuple(kept for kept in self._backward_hooks if kept is not hook) or None
        node = self.grad_fn if self.grad_fn is not None else self._accumulator and self._accumulator()
        if node is not None:
            node.prehooks = tuple(kept for kept in node.prehooks if kept is not hook)

    def _grad_node(self) -> autograd.Node | None:
        """Where a gradient for this tensor arrives: its grad_fn, or its leaf's AccumulateGrad (None for a
        view made in no_grad mode: PyTorch records ops on it, but no gradient reaches anything through it)."""
        if self.grad_fn is not None:
            return self.grad_fn
        accumulator = self._accumulator() if self._accumulator is not None else None
        if accumulator is None:
            if getattr(self, "_no_grad_view", False):  # (asked only here: never on a leaf's usual path)
                return None
            accumulator = autograd.AccumulateGrad(self)
            self._accumulator = weakref.ref(accumulator)
            for hook in self._backward_hooks or ():
                accumulator.register_prehook(hook)
        return accumulator

    def _store_grad(self, grad: np.ndarray) -> None:
        """Put ``grad`` into ``.grad``: a fresh tensor the first time, in place after that."""
        if self._grad is None:
            self._grad = Tensor._wrap(np.array(grad, dtype=self._data.dtype, copy=True))
        else:
            current = self._grad._data
            np.add(current, grad, out=current, casting="unsafe")
            self._grad._version_box[0] += 1

    def _accumulate_grad(self, grad: np.ndarray, unshared: bool = False) -> None:
        """What backward's AccumulateGrad does; ``unshared``: nothing outside the pass refers to ``grad``."""
        if unshared and self._grad is None and _adoptable(grad, self._data.dtype):
            self._grad = Tensor._wrap(grad)
            return
        self._store_grad(grad)

    def backward(
        self,
        gradient: Any = None,
        retain_graph: bool | None = None,
        create_graph: bool = False,
        inputs: Any = None,
    ) -> None:
        """Compute the gradient of this tensor with respect to the leaves, adding it into their ``.grad``."""
        data = self._data
        plain = gradient is None and inputs is None and not create_graph
        node = self._grad_node() if plain and self._requires_grad and data.size == 1 else None
        if node is not None:
            # speed: plain ``loss.backward()``: what autograd_api.backward does for it, minus the checks
            # a 0-d output's seed is a numpy scalar (the type 0-d arithmetic yields): faster than a 0-d array
            seed = np.ones(data.shape, data.dtype) if data.ndim else data.dtype.type(1)
            autograd.run_backward([(node, seed)], bool(retain_graph))
            return
        from engine.autograd_api import backward

        backward(self, gradient, retain_graph, create_graph, inputs)

    # -- conversions ----------------------------------------------------------------------------
    def item(self) -> float | int | bool:
        if self._data.size != 1:
            raise RuntimeError(f"a Tensor with {self._data.size} elements cannot be converted to Scalar")
        return self._data.reshape(()).item()

    def tolist(self) -> Any:
        return self._data.tolist()

    def numpy(self, *, force: bool = False) -> np.ndarray:
        if self._requires_grad and not force:
            raise RuntimeError(
                "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead."
            )
        return self._data

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        return self._data if dtype is None else self._data.astype(dtype)

    def detach(self) -> Tensor:
        """The same data, cut from the graph (shares memory and version with this tensor)."""
        return _view_of(self, self._data)

    def detach_(self) -> Tensor:
        self.grad_fn = None
        self._requires_grad = False
        return self

    @property
    def data(self) -> Tensor:
        """The same memory, cut from the graph, with a version counter of its own (unlike ``detach()``), so
        changing it in place is never reported against saved values, as in PyTorch."""
        return Tensor._wrap(self._data)

    @data.setter
    def data(self, value: Tensor) -> None:
        self._data = value._data

    def __len__(self) -> int:
        if self._data.ndim == 0:
            raise TypeError("len() of a 0-d tensor")
        return self._data.shape[0]

    def __iter__(self):
        if self._data.ndim == 0:
            raise TypeError("iteration over a 0-d tensor")
        return (self[i] for i in range(self._data.shape[0]))

    def __bool__(self) -> bool:
        if self._data.size != 1:
            raise RuntimeError("Boolean value of Tensor with more than one value is ambiguous")
        return bool(self._data.reshape(()))

    def __float__(self) -> float:
        return float(self.item())

    def __int__(self) -> int:
        return int(self.item())

    def __index__(self) -> int:
        if self._data.dtype.kind not in "iub" or self._data.size != 1:
            raise TypeError("only integer tensors of a single element can be converted to an index")
        return int(self.item())

    # -- copying and pickling (engine/pickling.py) -----------------------------------------------
    def __reduce_ex__(self, protocol: int) -> tuple:
        return pickling.rebuild_tensor, pickling.tensor_state(self)

    def __copy__(self) -> Tensor:
        return Tensor._wrap(self._data, self._requires_grad)  # as PyTorch's: a new leaf over the same memory

    def __deepcopy__(self, memo: dict[int, Any]) -> Tensor:
        return pickling.deepcopy_tensor(self, memo)

    # -- printing -------------------------------------------------------------------------------
    def __repr__(self, *, tensor_contents: Any = None) -> str:
        grad_fn = type(self.grad_fn).__name__ if self.grad_fn is not None else None  # PyTorch's: the class
        return printing.format_tensor(
            self._data,
            self.dtype.name,
            requires_grad=self._requires_grad and grad_fn is None,
            grad_fn_name=grad_fn,
        )

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        if self._data.ndim == 0:
            return printing.format_scalar(self.item(), spec)
        if spec:
            raise TypeError("unsupported format string passed to Tensor.__format__")
        return str(self)


Tensor.__module__ = "torch"  # type(x) prints <class 'torch.Tensor'>, as learners see in PyTorch


def _init(tensor: Tensor, data: np.ndarray, requires_grad: bool) -> None:
    tensor._data = data
    tensor._requires_grad = requires_grad
    tensor.grad_fn = None
    tensor._grad = None
    tensor._version_box = [0]
    tensor._retains_grad = False
    tensor._accumulator = None
    tensor._backward_hooks = None


def _view_of(source: Tensor, data: np.ndarray) -> Tensor:
    """A graph-free tensor sharing ``source``'s memory and version counter."""
    view = Tensor._wrap(data)
    view._version_box = source._version_box
    return view


def edge_of(tensor: Tensor) -> tuple[autograd.Node | None, int]:
    """The ``next_functions`` entry for an input: its grad_fn, its AccumulateGrad, or nothing."""
    if not tensor._requires_grad:
        return (None, 0)
    return (tensor._grad_node(), 0)


def check_in_place(tensor: Tensor, through_view: bool = False) -> None:
    """Refuse an in-place change to a leaf that requires grad, or to a view of one, while grad mode is on;
    and, as PyTorch, one through a view made in no_grad mode or made by a function that returns several.

    ``through_view``: the change goes through a view made on the way (``x[0] = 5`` writes ``x[0]``).
    """
    if not grad_mode.is_grad_enabled():
        return
    base = getattr(tensor, "_view_base", None)
    if base is not None and base._requires_grad:
        if getattr(tensor, "_no_grad_view", False):
            raise RuntimeError(NO_GRAD_VIEW_IN_PLACE)
        if tensor.grad_fn is None:  # made before its base (a leaf) was set to require grad
            raise RuntimeError(LEAF_VIEW_IN_PLACE)
        made_by = getattr(tensor.grad_fn, "multi_view", None)
        if made_by is not None:
            raise RuntimeError(MULTI_VIEW_IN_PLACE.format(number=made_by[1], op=made_by[0]))
    if not tensor._requires_grad:
        return
    if tensor.grad_fn is None:
        raise RuntimeError(LEAF_VIEW_IN_PLACE if through_view else LEAF_IN_PLACE)
    if tensor.grad_fn.views_leaf:
        raise RuntimeError(LEAF_VIEW_IN_PLACE)
