"""What ``Tensor.register_hook`` returns: a handle whose ``remove()`` takes the hook off again."""

from __future__ import annotations

import itertools
import weakref
from collections.abc import Callable
from typing import Any

_ids = itertools.count()


class RemovableHandle:
    """Removes one hook from the tensor it was registered on; a second ``remove()`` does nothing."""

    def __init__(self, tensor: Any, hook: Callable) -> None:
        self.id = next(_ids)
        self._tensor = weakref.ref(tensor)
        self._hook: Callable | None = hook

    def remove(self) -> None:
        tensor, hook = self._tensor(), self._hook
        self._hook = None
        if tensor is not None and hook is not None:
            tensor._remove_hook(hook)


RemovableHandle.__module__ = "torch.utils.hooks"  # its repr and type() read as PyTorch's
