"""``torch.save`` and ``torch.load``: the tutorials' checkpoints (a state_dict, or a whole model).

The file is the engine's own format, one pickle (see engine/pickling.py for how tensors, modules and
optimizers reduce): real PyTorch cannot read it, nor can the engine read PyTorch's zip checkpoints.
``weights_only=True``, PyTorch 2.13's default, unpickles only plain data (tensors, parameters, containers,
numbers, strings, dtypes, sizes, devices); any other global is refused with PyTorch's UnpicklingError.
"""

from __future__ import annotations

import os
import pickle
from typing import IO, Any

from engine.devices import device
from engine.pickling import ENGINE_CLASSES

PICKLE_PROTOCOL = 4  # Python 3.8+ reads it; its opcodes hold bytes and sets without naming any global
SAFE_GLOBALS = {
    ("engine.pickling", "rebuild_tensor"),
    ("engine.pickling", "rebuild_parameter"),
    ("engine.dtypes", "_named"),
    ("engine.devices", "_size"),
    ("engine.devices", "_device"),
    ("collections", "OrderedDict"),
    ("builtins", "complex"),
    ("builtins", "set"),
    ("builtins", "bytearray"),
}  # what weights_only=True may rebuild: PyTorch's default allowlist, in the engine's terms
TENSOR_REBUILDS = {("engine.pickling", "rebuild_tensor"), ("engine.pickling", "rebuild_parameter")}
WEIGHTS_ONLY_FAILED = (
    "Weights only load failed. This file can still be loaded, to do so you have two options, do those steps "
    "only if you trust the source of the checkpoint. \n\t(1) In PyTorch 2.6, we changed the default value of "
    "the `weights_only` argument in `torch.load` from `False` to `True`. Re-running `torch.load` with "
    "`weights_only` set to `False` will likely succeed, but it can result in arbitrary code execution. Do it "
    "only if you got the file from a trusted source.\n\tWeightsUnpickler error: Unsupported global: GLOBAL "
    "{name} was not an allowed global by default."
)  # PyTorch's start, without its terminal bold codes or the advice on add_safe_globals (not in the engine)
NO_CUDA = (
    "Attempting to deserialize object on a CUDA device but torch.cuda.is_available() is False. If you are "
    "running on a CPU-only machine, please use torch.load with map_location=torch.device('cpu') to map your "
    "storages to the CPU."
)
STORAGE = "torch.storage.UntypedStorage"  # what PyTorch's message says it restores


def save(obj: Any, f: str | os.PathLike | IO[bytes]) -> None:
    """Write ``obj`` (a state_dict, a model, any picklable value) to the path or binary file ``f``."""
    if isinstance(f, str | os.PathLike):
        with open(f, "wb") as file:
            pickle.dump(obj, file, protocol=PICKLE_PROTOCOL)
    else:
        pickle.dump(obj, f, protocol=PICKLE_PROTOCOL)


def load(
    f: str | os.PathLike | IO[bytes],
    map_location: str | device | dict[str, str] | None = None,
    *,
    weights_only: bool = True,
) -> Any:
    """Read back what ``save`` wrote to ``f``; with ``weights_only`` only plain data, as PyTorch 2.13 does."""
    location = _location(map_location)
    if isinstance(f, str | os.PathLike):
        with open(f, "rb") as file:
            return _Unpickler(file, weights_only, location).load()
    return _Unpickler(f, weights_only, location).load()


def _location(map_location: str | device | dict[str, str] | None) -> str:
    """The device type tensors are restored on; every saved tensor was on the CPU."""
    if map_location is None:
        return "cpu"
    if isinstance(map_location, dict):
        map_location = map_location.get("cpu", "cpu")
    if isinstance(map_location, str | device):
        return str(map_location).split(":")[0]
    raise TypeError("map_location must be 'cpu', a torch.device, a dict of device names or None here")


class _Unpickler(pickle.Unpickler):
    """Resolves a file's globals: only ``SAFE_GLOBALS`` if ``weights_only``; tensors on ``location``."""

    def __init__(self, file: IO[bytes], weights_only: bool, location: str) -> None:
        super().__init__(file)
        self.weights_only = weights_only
        self.location = location

    def find_class(self, module: str, name: str) -> Any:
        if self.weights_only and (module, name) == ("engine.pickling", "rebuild_object"):
            return _refuse_engine_class  # refused once the class it names is read, to name that class
        if self.weights_only and (module, name) not in SAFE_GLOBALS:
            raise _weights_only_failed(name if module == "builtins" else f"{module}.{name}")
        if (module, name) in TENSOR_REBUILDS and self.location != "cpu":
            return _refuse_location(self.location)
        return super().find_class(module, name)


def _weights_only_failed(name: str) -> pickle.UnpicklingError:
    return pickle.UnpicklingError(WEIGHTS_ONLY_FAILED.format(name=name))


def _refuse_engine_class(module: str, qualname: str) -> None:
    """weights_only's refusal of an engine Module or optimizer, named as PyTorch names the class."""
    cls = ENGINE_CLASSES.get((module, qualname))
    raise _weights_only_failed(f"{cls.__module__}.{qualname}" if cls else f"{module}.{qualname}")


def _refuse_location(location: str) -> Any:
    """A stand-in for a tensor rebuild that raises, as PyTorch does when a tensor meets an absent device."""

    def refuse(*args: Any) -> None:
        if location == "cuda":
            raise RuntimeError(NO_CUDA)
        raise RuntimeError(f"don't know how to restore data location of {STORAGE} (tagged with {location})")

    return refuse
