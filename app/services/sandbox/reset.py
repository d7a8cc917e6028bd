"""Between two runs in one worker process: put back every piece of engine state a run could change.

A worker runs many snippets in turn, so whatever one run leaves behind must not reach the next. Each run
gets a fresh interpreter namespace (``runner``); this module resets what lives longer than a run:

- the random generator (``manual_seed(SANDBOX_SEED)``), the print options (``set_printoptions``) and
  grad mode (thread-local, and every run happens on the worker's main thread);
- mutable containers user code can reach through the importable modules, such as a class attribute
  holding a dict (``torch.optim.Optimizer.defaults``): found once by walking the module proxies, then
  restored to their first contents before every run.

Engine attributes cannot be reassigned (``values.set_attribute`` refuses classes and modules), and
the graph observers are context managers restored on exit, so nothing else carries over but the classes
a run defined (``values.USER_CLASSES``), which are forgotten.
"""

from __future__ import annotations

import copy
from typing import Any

import engine
from app import config
from app.services.sandbox import values

MUTABLE_CONTAINERS = (dict, list, set, bytearray)
WALK_DEPTH = 4  # module -> class or instance -> attribute -> ...: deeper than anything the engine exposes

_saved: list[tuple[Any, Any]] | None = None  # (container, a deep copy of its first contents)


def _engine_defined(thing: Any) -> bool:
    """Defined by the engine (whose public classes say their module is "torch", as PyTorch's do)."""
    module = str(getattr(thing, "__module__", "") or "")
    return module.split(".")[0] in ("engine", "torch")


def _public_attributes(thing: Any) -> list[Any]:
    """The values of ``thing``'s public attributes, read from the instance and class dicts (no getters)."""
    owners = type.mro(thing) if isinstance(thing, type) else [thing, *type(thing).__mro__]
    found = []
    for owner in owners:
        for name, value in getattr(owner, "__dict__", {}).items():
            if not name.startswith("_"):
                found.append(value)
    return found


def shared_containers(proxies: dict[str, values.ModuleProxy]) -> list[Any]:
    """Mutable containers reachable from the module proxies through public members and attributes."""
    found: dict[int, Any] = {}
    seen: set[int] = set()
    pending: list[tuple[Any, int]] = [(proxy, 0) for proxy in proxies.values()]
    while pending:
        thing, depth = pending.pop()
        if id(thing) in seen or depth > WALK_DEPTH:
            continue
        seen.add(id(thing))
        if isinstance(thing, MUTABLE_CONTAINERS):
            found[id(thing)] = thing
            items = thing.values() if isinstance(thing, dict) else thing
            pending.extend((item, depth + 1) for item in items if not isinstance(item, (int, float, str)))
        elif isinstance(thing, values.ModuleProxy):
            pending.extend((member, depth + 1) for member in thing.members.values())
        elif isinstance(thing, type) and _engine_defined(thing):
            pending.extend((value, depth + 1) for value in _public_attributes(thing))
        elif _engine_defined(type(thing)) and not callable(thing):
            pending.extend((value, depth + 1) for value in _public_attributes(thing))
    return list(found.values())


def _restore(container: Any, contents: Any) -> None:
    """Give ``container`` (the same object) a fresh copy of ``contents``."""
    fresh = copy.deepcopy(contents)
    if isinstance(container, (dict, set)):
        container.clear()
        container.update(fresh)
    else:
        container[:] = fresh


def reset_engine(proxies: dict[str, values.ModuleProxy]) -> None:
    """Put the engine's process-wide state back as a fresh worker has it, then seed the generator."""
    global _saved
    if _saved is None:  # the first run of the process: remember how the containers start out
        _saved = [(container, copy.deepcopy(container)) for container in shared_containers(proxies)]
    for container, contents in _saved:
        if container != contents:
            _restore(container, contents)
    engine.set_printoptions(profile="default")
    engine.set_grad_enabled(True)
    engine.manual_seed(config.SANDBOX_SEED)
    values.USER_CLASSES.clear()  # a run's classes are its own: the next run starts with none
