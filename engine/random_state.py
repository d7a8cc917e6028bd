"""``torch.random``: seeding, and a generator's whole state as a ``ByteTensor`` laid out as PyTorch lays out
its CPU generator's (5,056 bytes: the seed, the Mersenne Twister's 624 words and position, the cached normal),
so that ``get_rng_state`` / ``set_rng_state`` replay draws exactly and print what PyTorch prints."""

from __future__ import annotations

import os
from typing import Any

import numpy as np

from engine import creation
from engine.creation import initial_seed, manual_seed  # noqa: F401 - part of torch.random
from engine.random_source import MersenneSource
from engine.tensor import Tensor

WORDS = 624  # the Mersenne Twister's state
STATE_BYTES = 5056
LAYOUT = np.dtype(  # PyTorch's CPUGeneratorImplState, little-endian, with its padding
    {
        "names": "seed left seeded next words x normal_y rho normal_valid float_normal float_valid".split(),
        "formats": ["<u8", "<i4", "<i4", "<u8", ("<u8", WORDS), "<f8", "<f8", "<f8", "<i4", "<f4", "?"],
        "offsets": [0, 8, 12, 16, 24, 5016, 5024, 5032, 5040, 5044, 5048],
        "itemsize": STATE_BYTES,
    }
)


def state_of(source: MersenneSource) -> Tensor:
    """``source``'s state as PyTorch's bytes. PyTorch counts draws left before the next twist (``left``) and
    the next word (``next``); numpy keeps the position: next = position, left = 625 - position, except
    right after seeding, when PyTorch says left 1, next 0."""
    state = np.zeros((), LAYOUT)
    numpy_state = source.bits.state["state"]
    position = int(numpy_state["pos"])
    state["seed"], state["seeded"], state["words"] = source.initial_seed, 1, numpy_state["key"]
    state["left"], state["next"] = (1, 0) if source.fresh else (WORDS + 1 - position, position)
    if source.next_normal is not None:
        state["normal_y"], state["normal_valid"] = source.next_normal, 1
    return Tensor._wrap(np.frombuffer(state.tobytes(), np.uint8).copy())


def load_state(source: MersenneSource, new_state: Any) -> None:
    """Make ``source`` continue from ``new_state`` (one of PyTorch's or ``state_of``'s byte tensors)."""
    if not isinstance(new_state, Tensor):
        raise TypeError(f"expected a torch.ByteTensor, but got {type(new_state).__name__}")
    if new_state._data.dtype != np.uint8:
        raise TypeError("RNG state must be a torch.ByteTensor")
    if new_state.numel() != STATE_BYTES:
        raise RuntimeError(
            f"Expected a CPUGeneratorImplState of size {STATE_BYTES} but found the input RNG state size to "
            f"be {new_state.numel()}"
        )
    state = np.frombuffer(np.ascontiguousarray(new_state._data).tobytes(), LAYOUT)[0]
    left = int(state["left"])
    if not 1 <= left <= WORDS or not state["seeded"]:
        raise RuntimeError("Invalid mt19937 state")
    key = (state["words"] & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    source.bits.state = {"bit_generator": "MT19937", "state": {"key": key, "pos": WORDS + 1 - left}}
    source.initial_seed = int(state["seed"])
    source.fresh = left == 1 and not state["next"]  # as PyTorch will report it back
    source.next_normal = float(state["normal_y"]) if state["normal_valid"] else None


def get_rng_state() -> Tensor:
    """The default generator's state (``torch.get_rng_state``)."""
    return state_of(creation.generator())


def set_rng_state(new_state: Tensor) -> None:
    """Restore the default generator to a state ``get_rng_state`` returned."""
    load_state(creation.generator(), new_state)


def seed() -> int:
    """Seed the default generator from the operating system's randomness; return the seed."""
    chosen = int.from_bytes(os.urandom(8), "little") & ((1 << 63) - 1)
    manual_seed(chosen)
    return chosen


class fork_rng:  # noqa: N801 - PyTorch's name (a function there; a class here, so the playground can admit it)
    """Draws made inside the ``with`` block leave the default generator where it was."""

    def __init__(self, devices: Any = None, enabled: bool = True, **_: Any) -> None:
        self.enabled, self.saved = enabled, None

    def __enter__(self) -> None:
        if self.enabled:
            self.saved = get_rng_state()

    def __exit__(self, *exc_info: Any) -> None:
        if self.saved is not None:
            set_rng_state(self.saved)
