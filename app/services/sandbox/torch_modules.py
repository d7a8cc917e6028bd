"""The modules a snippet may import as torch's, each the engine module it is: the one table the import check
(``allowlist``), the module proxies (``modules``) and the runner read."""

from __future__ import annotations

import engine

TORCH_MODULES = {
    "torch": engine,
    "torch.nn": engine.nn,
    "torch.nn.functional": engine.nn.functional,
    "torch.nn.init": engine.nn.init,
    "torch.optim": engine.optim,
    "torch.optim.lr_scheduler": engine.lr_scheduler,
    "torch.autograd": engine.autograd,
    "torch.autograd.functional": engine.autograd.functional,
    "torch.linalg": engine.linalg,
    "torch.utils": engine.utils,
    "torch.utils.data": engine.utils.data,
}
TORCH_NAMES = {module.__name__: name for name, module in TORCH_MODULES.items()}  # engine module -> torch name
