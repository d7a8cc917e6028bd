"""Run real PyTorch code on the engine: ``import torch`` (and its submodules) resolve to the engine.

For trusted code only — a local script (``koubai graph``) or a test — never a stranger's snippet, which goes
through the sandboxed interpreter instead.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
from collections.abc import Iterator

TORCH_MODULES = {  # what `import torch ...` finds inside the block (and the playground may import)
    "torch": "engine",
    "torch.nn": "engine.nn",
    "torch.nn.functional": "engine.nn.functional",
    "torch.nn.init": "engine.nn.init",
    "torch.nn.utils": "engine.nn.utils",
    "torch.optim": "engine.optim",
    "torch.optim.lr_scheduler": "engine.lr_scheduler",
    "torch.autograd": "engine.autograd",
    "torch.autograd.functional": "engine.autograd_functional",
    "torch.autograd.profiler": "engine.profiler",
    "torch.profiler": "engine.profiler",
    "torch.linalg": "engine.linalg",
    "torch.random": "engine.random_state",
    "torch.utils": "engine.utils",
    "torch.utils.data": "engine.utils.data",
}


@contextlib.contextmanager
def imported_as_torch() -> Iterator[None]:
    """Map ``torch`` and its submodules to the engine in ``sys.modules``; restore them afterwards."""
    saved = {name: sys.modules.get(name) for name in TORCH_MODULES}
    for name, target in TORCH_MODULES.items():
        sys.modules[name] = importlib.import_module(target)
    try:
        yield
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
