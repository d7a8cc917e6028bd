"""How engine objects pickle: tensors and parameters as plain data, torch-named classes by their engine home.

The engine's public classes say they live in PyTorch's modules (``Tensor.__module__ == "torch"``, ``Linear``'s
is ``"torch.nn.modules.linear"``) so that ``type(x)`` prints as in PyTorch; plain pickle would look them up
there and fail. Tensors and parameters therefore reduce to the rebuild functions below, and every class shown
under a torch name through ``present_as`` is recorded here with the engine module that really defines it, so
its instances pickle through ``rebuild_object`` with that engine location.
"""

from __future__ import annotations

import copy
from typing import Any

import numpy as np

from engine import dtypes

DEEPCOPY_NON_LEAF = (
    "Only Tensors created explicitly by the user (graph leaves) support the deepcopy protocol at the "
    "moment.  If you were attempting to deepcopy a module, this may be because of a "
    "torch.nn.utils.weight_norm usage, see https://github.com/pytorch/pytorch/pull/103001"
)
ENGINE_CLASSES: dict[tuple[str, str], type] = {}  # (engine module, qualified name) -> class shown as torch's
_LOCATIONS: dict[type, tuple[str, str]] = {}  # the same table, read from the class


def present_as(cls: type, torch_module: str) -> None:
    """Show ``cls`` as defined in ``torch_module`` (as PyTorch's class is) and remember its engine home."""
    location = (cls.__module__, cls.__qualname__)
    ENGINE_CLASSES[location] = cls
    _LOCATIONS[cls] = location
    cls.__module__ = torch_module


def reduce_object(obj: Any, protocol: int) -> str | tuple:
    """``__reduce_ex__`` for Modules and optimizers: by engine location when the class shows a torch name."""
    location = _LOCATIONS.get(type(obj))
    if location is None:  # a learner's own class (class NeuralNetwork(nn.Module)): pickled by its real name
        return object.__reduce_ex__(obj, protocol)
    return rebuild_object, location, obj.__dict__


def rebuild_object(module: str, qualname: str) -> Any:
    """An empty instance of the engine class at ``module.qualname``; pickle then restores its ``__dict__``.

    Only the classes recorded by ``present_as`` are reachable: a file cannot name any other one here.
    """
    return object.__new__(ENGINE_CLASSES[(module, qualname)])


def tensor_state(tensor: Any) -> tuple[bytes, str, tuple[int, ...], bool]:
    """A tensor as plain data: its bytes, dtype name, shape and requires_grad (no graph, no ``.grad``)."""
    data = tensor._data
    name = dtypes.from_numpy(data.dtype).name
    return np.ascontiguousarray(data).tobytes(), name, data.shape, tensor._requires_grad


def _array(raw: bytes, dtype_name: str, shape: tuple[int, ...]) -> np.ndarray:
    return np.frombuffer(raw, dtype=dtypes.BY_NAME[dtype_name].numpy).reshape(shape).copy()  # copy: writable


def rebuild_tensor(raw: bytes, dtype_name: str, shape: tuple[int, ...], requires_grad: bool) -> Any:
    """A leaf tensor from ``tensor_state`` (a non-leaf comes back a leaf requiring grad, as in PyTorch)."""
    from engine.tensor import Tensor

    return Tensor._wrap(_array(raw, dtype_name, shape), requires_grad)


def rebuild_parameter(raw: bytes, dtype_name: str, shape: tuple[int, ...], requires_grad: bool) -> Any:
    """An ``nn.Parameter`` from ``tensor_state``, keeping its ``requires_grad``."""
    from engine.nn.parameter import Parameter

    return Parameter(rebuild_tensor(raw, dtype_name, shape, False), requires_grad)


def deepcopy_tensor(tensor: Any, memo: dict[int, Any]) -> Any:
    """``copy.deepcopy`` of a leaf, as PyTorch's: new memory, the same requires_grad, a copy of ``.grad``."""
    if tensor.grad_fn is not None:
        raise RuntimeError(DEEPCOPY_NON_LEAF)
    copied = type(tensor)._wrap(tensor._data.copy(), tensor._requires_grad)
    memo[id(tensor)] = copied
    if tensor._grad is not None:
        copied._grad = copy.deepcopy(tensor._grad, memo)
    return copied
