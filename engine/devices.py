"""``torch.cuda``, ``torch.backends.mps`` and ``torch.accelerator``: there is no GPU here.

Tutorials pick their device with these checks; every one answers "none", so the code takes the CPU path.
"""

from __future__ import annotations


class _Cuda:
    """``torch.cuda``."""

    @staticmethod
    def is_available() -> bool:
        return False

    @staticmethod
    def device_count() -> int:
        return 0


class _Mps:
    """``torch.backends.mps``."""

    @staticmethod
    def is_available() -> bool:
        return False


class _Backends:
    """``torch.backends``."""

    mps = _Mps()


class _Accelerator:
    """``torch.accelerator`` (PyTorch 2.6+): the tutorials' ``current_accelerator().type`` check."""

    @staticmethod
    def is_available() -> bool:
        return False

    @staticmethod
    def current_accelerator(check_available: bool = False) -> None:
        return None

    @staticmethod
    def device_count() -> int:
        return 0


cuda = _Cuda()
backends = _Backends()
accelerator = _Accelerator()
