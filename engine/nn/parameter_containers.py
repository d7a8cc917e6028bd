"""``nn.ParameterList`` and ``nn.ParameterDict``: parameters held by position or by name, registered on the
container (so they are the model's), each plain tensor put in turned into a ``Parameter`` as PyTorch does."""

from __future__ import annotations

import operator
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from engine.nn.module import Module
from engine.nn.parameter import Parameter
from engine.tensor import Tensor
from engine.torch_functions import typename


def _as_parameter(value: Any) -> Any:
    """A plain tensor becomes a Parameter (sharing its memory); anything else stays as it is."""
    if isinstance(value, Tensor) and not isinstance(value, Parameter):
        return Parameter(value)
    return value


def _entry_line(key: object, value: Any, type_text: str) -> str:
    """One line of the containers' repr: a tensor's kind, type and size, or an object's class."""
    if not isinstance(value, Tensor):
        return f"  ({key}): Object of type: {type(value).__name__}"
    kind = "Parameter" if isinstance(value, Parameter) else "Tensor"
    size = "x".join(str(size) for size in value.shape)
    return f"  ({key}): {kind} containing: [{type_text} of size {size}]"


class ParameterList(Module):
    """A list of parameters: ``params[0]``, ``append``, ``extend``, ``len``, iteration; registered as ``"0"``,
    ``"1"``, ... so ``named_parameters()`` and ``state_dict()`` list them under those names."""

    def __init__(self, values: Iterable[Any] | None = None) -> None:
        super().__init__()
        self._size = 0
        if values is not None:
            self += values

    def _name_of(self, index: Any) -> str:
        """The registered name of position ``index`` (negative counts from the end), PyTorch's IndexError."""
        index = operator.index(index)
        if not -len(self) <= index < len(self):
            raise IndexError(f"index {index} is out of range")
        return str(index + len(self) if index < 0 else index)

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            part = type(self)()
            for position in range(*index.indices(len(self))):
                part.append(self[position])
            return part
        return getattr(self, self._name_of(index))

    def __setitem__(self, index: int, value: Any) -> None:
        setattr(self, self._name_of(index), _as_parameter(value))

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[Any]:
        return iter([self[position] for position in range(len(self))])

    def __iadd__(self, values: Iterable[Any]) -> ParameterList:
        return self.extend(values)

    def __dir__(self) -> list[str]:
        return [name for name in super().__dir__() if not name.isdigit()]

    def append(self, value: Any) -> ParameterList:
        self._size += 1
        self[self._size - 1] = value
        return self

    def extend(self, values: Iterable[Any]) -> ParameterList:
        # a tensor is iterable, but PyTorch refuses it: extending by its rows is rarely what was meant
        if not isinstance(values, Iterable) or isinstance(values, Tensor):
            kind = type(values).__name__
            raise TypeError(f"ParameterList.extend should be called with an iterable, but got {kind}")
        for value in values:
            self.append(value)
        return self

    def extra_repr(self) -> str:
        lines = []
        for position, value in enumerate(self):
            dtype = str(value.dtype) if isinstance(value, Tensor) else ""
            lines.append(_entry_line(position, value, dtype))
        return "\n".join(lines)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("ParameterList should not be called.")


class ParameterDict(Module):
    """A dict of parameters by string key: ``params["w"]``, ``update``, ``keys``/``items``/``values``,
    ``pop``; each registered under its key."""

    def __init__(self, parameters: Any = None) -> None:
        super().__init__()
        self._keys: dict[str, None] = {}
        if parameters is not None:
            self.update(parameters)

    @staticmethod
    def _attribute(key: Any) -> str:
        if not isinstance(key, str):
            raise TypeError(
                "Index given to ParameterDict cannot be used as a key as it is not a string "
                f"(type is '{type(key).__name__}'). Open an issue on github if you need non-string keys."
            )
        return key

    def __getitem__(self, key: str) -> Any:
        return getattr(self, self._attribute(key))

    def __setitem__(self, key: str, value: Any) -> None:
        self._keys[key] = None  # PyTorch records the key before checking it is a string
        setattr(self, self._attribute(key), _as_parameter(value))

    def __delitem__(self, key: str) -> None:
        del self._keys[key]
        delattr(self, self._attribute(key))

    def __len__(self) -> int:
        return len(self._keys)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __reversed__(self) -> Iterator[str]:
        return reversed(list(self._keys))

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def copy(self) -> ParameterDict:
        """A new ParameterDict holding the same parameters (not copies of them)."""
        return ParameterDict(OrderedDict((key, self[key]) for key in self._keys))

    def fromkeys(self, keys: Iterable[str], default: Any = None) -> ParameterDict:
        return ParameterDict((key, default) for key in keys)

    def setdefault(self, key: str, default: Any = None) -> Any:
        if key not in self:
            self[key] = default
        return self[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self else default

    def clear(self) -> None:
        for key in list(self._keys):
            del self[key]

    def pop(self, key: str) -> Any:
        value = self[key]
        del self[key]
        return value

    def popitem(self) -> tuple[str, Any]:
        key = next(reversed(self._keys))
        value = self[key]
        del self[key]
        return key, value

    def keys(self) -> Any:
        return self._keys.keys()

    def items(self) -> Iterator[tuple[str, Any]]:
        return ((key, self[key]) for key in self._keys)

    def values(self) -> Iterator[Any]:
        return (self[key] for key in self._keys)

    def update(self, parameters: Any) -> None:
        """Add (or replace) entries: an OrderedDict or ParameterDict in its order, any other mapping sorted by
        key (as PyTorch does), or (key, value) pairs in order."""
        if not isinstance(parameters, Iterable):
            raise TypeError(
                "ParametersDict.update should be called with an iterable of key/value pairs, but got "
                + type(parameters).__name__
            )
        if isinstance(parameters, OrderedDict | ParameterDict):
            pairs: Iterable[Any] = list(parameters.items())
        elif isinstance(parameters, Mapping):
            pairs = sorted(parameters.items())
        else:
            for index, pair in enumerate(parameters):
                if not isinstance(pair, Iterable):
                    kind = type(pair).__name__
                    message = f"ParameterDict update sequence element #{index} should be Iterable; is{kind}"
                    raise TypeError(message)
                if len(pair) != 2:
                    element = f"ParameterDict update sequence element #{index}"
                    message = f"{element} has length {len(pair)}; 2 is required"
                    raise ValueError(message)
                self[pair[0]] = pair[1]
            return
        for key, value in pairs:
            self[key] = value

    def extra_repr(self) -> str:
        # unlike ParameterList, PyTorch names each type here the old way (torch.FloatTensor)
        return "\n".join(_entry_line(key, value, typename(value)) for key, value in self.items())

    def __call__(self, input: Any) -> Any:  # noqa: A002 - PyTorch's signature, so a bare call is its TypeError
        raise RuntimeError("ParameterDict should not be called.")
