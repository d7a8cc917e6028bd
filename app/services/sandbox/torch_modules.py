"""The modules a snippet may import as torch's, each the engine module it is: the engine's own table
(``engine.as_torch``, what trusted code's ``import torch`` finds), read by the import check (``allowlist``),
the module proxies (``modules``) and the runner."""

from __future__ import annotations

import importlib

from engine import as_torch

TORCH_MODULES = {name: importlib.import_module(target) for name, target in as_torch.TORCH_MODULES.items()}
TORCH_NAMES = {module.__name__: name for name, module in TORCH_MODULES.items()}  # engine module -> torch name
