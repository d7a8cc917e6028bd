"""``nn.Module``: parameters and sub-modules registered by attribute, PyTorch's repr and state_dict."""

from __future__ import annotations

from collections import OrderedDict, namedtuple
from collections.abc import Iterator
from typing import Any

from engine.devices import place_on_cpu
from engine.nn.parameter import Parameter
from engine.pickling import reduce_object
from engine.tensor import Tensor
from engine.torch_functions import typename


class _IncompatibleKeys(namedtuple("IncompatibleKeys", ["missing_keys", "unexpected_keys"])):
    """What ``load_state_dict`` returns; prints as PyTorch's does when everything matched."""

    def __repr__(self) -> str:
        if not self.missing_keys and not self.unexpected_keys:
            return "<All keys matched successfully>"
        return f"_IncompatibleKeys(missing_keys={self.missing_keys}, unexpected_keys={self.unexpected_keys})"

    __str__ = __repr__


def _refusal(value: Any, what: str, expected: str) -> str:
    return f"cannot assign '{typename(value)}' as {what} ({expected} or None expected)"


class Module:
    """Base class of every layer and model; subclasses define ``forward``."""

    def __init__(self) -> None:
        object.__setattr__(self, "_parameters", OrderedDict())
        object.__setattr__(self, "_modules", OrderedDict())
        object.__setattr__(self, "_buffers", OrderedDict())
        object.__setattr__(self, "_non_persistent_buffers_set", set())
        object.__setattr__(self, "training", True)

    def forward(self, *args: Any) -> Any:
        name = type(self).__name__
        raise NotImplementedError(f'Module [{name}] is missing the required "forward" function')

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.forward(*args, **kwargs)

    def __reduce_ex__(self, protocol: int) -> str | tuple:
        return reduce_object(self, protocol)  # by engine location, as the class says torch.nn.modules...

    # -- registration by attribute ---------------------------------------------------------------
    def __setattr__(self, name: str, value: Any) -> None:
        """As PyTorch: a Parameter or a Module is registered under ``name``; a name already registered as a
        parameter (or sub-module) takes only another one or None, anything else is PyTorch's TypeError."""
        parameters, modules = self.__dict__.get("_parameters"), self.__dict__.get("_modules")
        if parameters is None or modules is None:  # before super().__init__(): plain attributes only
            if isinstance(value, Parameter):
                raise AttributeError("cannot assign parameters before Module.__init__() call")
            if isinstance(value, Module):
                raise AttributeError("cannot assign module before Module.__init__() call")
            object.__setattr__(self, name, value)
            return
        if isinstance(value, Parameter):
            self.__dict__.pop(name, None)
            modules.pop(name, None)
            parameters[name] = value  # a name already registered keeps its place, as in PyTorch
        elif name in parameters:
            if value is not None:
                raise TypeError(_refusal(value, f"parameter '{name}'", "torch.nn.Parameter"))
            parameters[name] = None
        elif isinstance(value, Module):
            self.__dict__.pop(name, None)
            modules[name] = value
        elif name in modules:
            if value is not None:
                raise TypeError(_refusal(value, f"child module '{name}'", "torch.nn.Module"))
            modules[name] = None
        elif name in self.__dict__.get("_buffers", ()):
            if value is not None and not isinstance(value, Tensor):
                raise TypeError(_refusal(value, f"buffer '{name}'", "torch.nn.Buffer, torch.Tensor"))
            self._buffers[name] = value
        elif value is None and name in type(self).__dict__.get("_optional", ()):
            parameters[name] = None  # nn.Linear(bias=False): PyTorch registers the absent bias as None
        else:
            object.__setattr__(self, name, value)

    def __getattr__(self, name: str) -> Any:
        for table in ("_parameters", "_modules", "_buffers"):
            entries = self.__dict__.get(table, {})
            if name in entries:
                return entries[name]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __delattr__(self, name: str) -> None:
        if name in self._parameters:
            del self._parameters[name]
        elif name in self._modules:
            del self._modules[name]
        elif name in self.__dict__.get("_buffers", ()):
            del self._buffers[name]
            self._non_persistent_buffers_set.discard(name)
        else:
            object.__delattr__(self, name)

    def register_parameter(self, name: str, param: Parameter | None) -> None:
        self._parameters[name] = param

    def register_buffer(self, name: str, tensor: Tensor | None, persistent: bool = True) -> None:
        """State that is not a parameter (BatchNorm's running_mean); in state_dict when persistent."""
        if "_buffers" not in self.__dict__:
            raise AttributeError("cannot assign buffer before Module.__init__() call")
        if tensor is not None and not isinstance(tensor, Tensor):
            raise TypeError(
                f"cannot assign '{typename(tensor)}' object to buffer '{name}' "
                "(torch Tensor or None required)"
            )
        self._buffers[name] = tensor
        if persistent:
            self._non_persistent_buffers_set.discard(name)
        else:
            self._non_persistent_buffers_set.add(name)

    def add_module(self, name: str, module: Module | None) -> None:
        """Register ``module`` as the child ``name`` (None keeps the place empty), PyTorch's checks first."""
        if not isinstance(module, Module) and module is not None:
            raise TypeError(f"{typename(module)} is not a Module subclass")
        if not isinstance(name, str):
            raise TypeError(f"module name should be a string. Got {typename(name)}")
        if hasattr(self, name) and name not in self._modules:
            raise KeyError(f"attribute '{name}' already exists")
        if "." in name:
            raise KeyError(f'module name can\'t contain ".", got: {name}')
        if name == "":
            raise KeyError('module name can\'t be empty string ""')
        self._modules[name] = module

    register_module = add_module

    # -- walking the tree -------------------------------------------------------------------------
    def named_modules(self, prefix: str = "") -> Iterator[tuple[str, Module]]:
        yield prefix, self
        for name, child in self._modules.items():
            if child is not None:
                yield from child.named_modules(f"{prefix}.{name}" if prefix else name)

    def modules(self) -> Iterator[Module]:
        for _, module in self.named_modules():
            yield module

    def named_children(self) -> Iterator[tuple[str, Module]]:
        yield from ((n, m) for n, m in self._modules.items() if m is not None)

    def children(self) -> Iterator[Module]:
        for _, module in self.named_children():
            yield module

    def named_parameters(self, prefix: str = "", recurse: bool = True) -> Iterator[tuple[str, Parameter]]:
        seen: set[int] = set()
        modules = self.named_modules(prefix) if recurse else [(prefix, self)]
        for module_name, module in modules:
            for name, param in module._parameters.items():
                if param is not None and id(param) not in seen:
                    seen.add(id(param))
                    yield (f"{module_name}.{name}" if module_name else name), param

    def parameters(self, recurse: bool = True) -> Iterator[Parameter]:
        for _, param in self.named_parameters(recurse=recurse):
            yield param

    def named_buffers(self, prefix: str = "", recurse: bool = True) -> Iterator[tuple[str, Tensor]]:
        modules = self.named_modules(prefix) if recurse else [(prefix, self)]
        for module_name, module in modules:
            for name, buffer in module.__dict__.get("_buffers", {}).items():
                if buffer is not None:
                    yield (f"{module_name}.{name}" if module_name else name), buffer

    def buffers(self, recurse: bool = True) -> Iterator[Tensor]:
        for _, buffer in self.named_buffers(recurse=recurse):
            yield buffer

    def _named_state(self, prefix: str = "") -> Iterator[tuple[str, Tensor]]:
        """state_dict's entries in PyTorch's order: a module's parameters, its persistent buffers, then each
        child's, depth first. A module or parameter held twice (tied weights) is there under both names."""
        for name, param in self._parameters.items():
            if param is not None:
                yield prefix + name, param
        skipped = self.__dict__.get("_non_persistent_buffers_set", ())
        for name, buffer in self.__dict__.get("_buffers", {}).items():
            if buffer is not None and name not in skipped:
                yield prefix + name, buffer
        for name, module in self._modules.items():
            if module is not None:
                yield from module._named_state(f"{prefix}{name}.")

    def zero_grad(self, set_to_none: bool = True) -> None:
        for param in self.parameters():
            if param._grad is None:
                continue
            if set_to_none:
                param._grad = None
            else:
                param._grad.zero_()

    def train(self, mode: bool = True) -> Module:
        for module in self.modules():
            object.__setattr__(module, "training", mode)
        return self

    def eval(self) -> Module:
        return self.train(False)

    def requires_grad_(self, requires_grad: bool = True) -> Module:
        for param in self.parameters():
            param.requires_grad_(requires_grad)
        return self

    def to(self, *args: Any, **kwargs: Any) -> Module:
        """Devices: only the CPU; dtypes convert every parameter."""
        from engine.math_ops import to

        for module in self.modules():
            for param in module._parameters.values():
                if param is not None:
                    converted = to(param.detach(), *args, **kwargs)
                    if converted.dtype is not param.dtype:
                        param._data = converted._data
            for name, buffer in module.__dict__.get("_buffers", {}).items():
                if buffer is not None and buffer.is_floating_point():  # num_batches_tracked stays int64
                    module._buffers[name] = to(buffer, *args, **kwargs)
        return self

    def float(self) -> Module:
        from engine.dtypes import float32

        return self.to(float32)

    def double(self) -> Module:
        from engine.dtypes import float64

        return self.to(float64)

    def cpu(self) -> Module:
        return self

    def cuda(self, device: Any = None) -> Module:
        """PyTorch's refusal on a CPU-only build (``devices.place_on_cpu``)."""
        place_on_cpu("cuda")
        return self

    def apply(self, function: Any) -> Module:
        for child in self.children():
            child.apply(function)
        function(self)
        return self

    # -- state -----------------------------------------------------------------------------------
    def state_dict(self) -> OrderedDict[str, Tensor]:
        return OrderedDict((name, value.detach()) for name, value in self._named_state())

    def load_state_dict(self, state: dict[str, Any], strict: bool = True) -> Any:
        own = dict(self._named_state())
        missing = [k for k in own if k not in state]
        unexpected = [k for k in state if k not in own]
        if strict and (missing or unexpected):
            parts = []
            if missing:
                parts.append("Missing key(s) in state_dict: " + ", ".join(f'"{k}"' for k in missing) + ". ")
            if unexpected:
                listed = ", ".join(f'"{k}"' for k in unexpected)
                parts.append(f"Unexpected key(s) in state_dict: {listed}. ")
            raise RuntimeError(
                f"Error(s) in loading state_dict for {type(self).__name__}:\n\t" + "\n\t".join(parts)
            )
        for name, param in own.items():
            if name in state:
                value = state[name]
                source = value._data if isinstance(value, Tensor) else value
                if tuple(param.shape) != tuple(getattr(source, "shape", ())):
                    raise RuntimeError(
                        f"Error(s) in loading state_dict for {type(self).__name__}:\n\tsize mismatch for "
                        f"{name}: copying a param with shape {value.shape} from checkpoint, the shape in "
                        f"current model is {param.shape}."
                    )
                param._data[...] = source
                param._version_box[0] += 1
        return _IncompatibleKeys(missing, unexpected)

    # -- printing ----------------------------------------------------------------------------------
    def extra_repr(self) -> str:
        return ""

    def __repr__(self) -> str:
        lines = []
        extra = self.extra_repr()
        if extra:
            lines = extra.split("\n")
        for name, module in self._modules.items():
            body = repr(module).replace("\n", "\n  ")
            lines.append(f"({name}): {body}")
        main = type(self).__name__ + "("
        if lines:
            if len(lines) == 1 and not self._modules:
                return main + lines[0] + ")"
            return main + "\n  " + "\n  ".join(lines) + "\n)"
        return main + ")"

    def __dir__(self) -> list[str]:
        buffers = self.__dict__.get("_buffers", {})
        return sorted(set(super().__dir__()) | set(self._parameters) | set(self._modules) | set(buffers))
