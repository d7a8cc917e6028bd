"""PyTorch's CPU random numbers: the same Mersenne Twister stream and the same transformations.

After ``manual_seed(s)``, ``rand``, ``uniform_`` (so ``nn.Linear``'s initial weights), ``randint`` and
``randn`` with fewer than 16 elements give PyTorch's exact values; larger ``randn`` calls agree to within
a float32 rounding step or two (PyTorch's vectorized sin/cos/log round differently from numpy's).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

DEFAULT_SEED = 67280421310721  # PyTorch's default_rng_seed_val
SEED_MASK = 0xFFFFFFFF  # the Mersenne Twister is seeded with the low 32 bits, as in PyTorch
FLOAT_BITS, DOUBLE_BITS = 24, 53  # random mantissa bits for float32 and float64 uniforms
# how PyTorch's range checks name each float type (its C++ type, and its scalar type's name)
C_TYPE_NAMES = {
    "float32": ("float", "Float"),
    "float64": ("double", "Double"),
    "float16": ("c10::Half", "Half"),
}
NORMAL_BLOCK = 16  # PyTorch fills normals 16 at a time (8 Box-Muller pairs) from this many elements on


class MersenneSource:
    """One generator: a seeded MT19937 plus PyTorch's cached second normal sample."""

    def __init__(self, seed: int = DEFAULT_SEED) -> None:
        self.manual_seed(seed)

    def manual_seed(self, seed: int) -> None:
        self.initial_seed = int(seed)
        self.bits = np.random.MT19937()
        self.bits._legacy_seeding(int(seed) & SEED_MASK)
        self.next_normal: float | None = None
        self.fresh = True  # nothing drawn since seeding (PyTorch's state then says so: random_state)

    # -- raw draws ------------------------------------------------------------------------------
    def raw32(self, count: int) -> np.ndarray:
        self.fresh = False
        return self.bits.random_raw(count).astype(np.uint64)

    def raw64(self, count: int) -> np.ndarray:
        pairs = self.raw32(2 * count)
        return (pairs[0::2] << np.uint64(32)) | pairs[1::2]

    def unit(self, count: int, double: bool) -> np.ndarray:
        """Uniforms on [0, 1): 24 random bits per float, 53 per double."""
        bits = DOUBLE_BITS if double else FLOAT_BITS
        raw = self.raw64(count) if double else self.raw32(count)
        values = (raw & np.uint64((1 << bits) - 1)).astype(np.float64) * 2.0**-bits
        return values if double else values.astype(np.float32)

    # -- distributions ----------------------------------------------------------------------------
    def uniform(self, shape: tuple, low: float, high: float, dtype: np.dtype) -> np.ndarray:
        """``x.uniform_(low, high)``: u·(high - low) + low, fused as PyTorch's float kernel computes it."""
        _check_uniform_bounds(low, high, np.dtype(dtype))
        count = int(np.prod(shape))
        if dtype == np.float64:
            return (self.unit(count, True) * (high - low) + low).reshape(shape)
        u = self.unit(count, False).astype(np.float64)
        width = np.float64(np.float32(np.float32(high) - np.float32(low)))
        return (u * width + np.float64(np.float32(low))).astype(np.float32).astype(dtype).reshape(shape)

    def normal(self, shape: tuple, mean: float, std: float, dtype: np.dtype) -> np.ndarray:
        if not std >= 0.0:  # NaN too, in PyTorch's words
            raise RuntimeError(f"normal expects std >= 0.0, but found std {std:g}")
        count = int(np.prod(shape))
        if count >= NORMAL_BLOCK:
            values = self._normal_blocks(count, dtype == np.float64)
            return (values * std + mean).astype(dtype).reshape(shape)
        values = np.array([self._one_normal() for _ in range(count)], dtype=np.float64)
        return (values * std + mean).astype(dtype).reshape(shape)

    def _one_normal(self) -> float:
        """Box-Muller in double precision, keeping the second sample for the next call (PyTorch's cache)."""
        if self.next_normal is not None:
            value, self.next_normal = self.next_normal, None
            return value
        u1, u2 = self.unit(2, True)
        radius = math.sqrt(-2.0 * math.log1p(-u2))
        theta = 2.0 * math.pi * u1
        self.next_normal = radius * math.sin(theta)
        return radius * math.cos(theta)

    def _normal_blocks(self, count: int, double: bool) -> np.ndarray:
        """Uniforms for every element, turned into normals 16 at a time; a ragged end redraws the last 16."""
        kind = np.float64 if double else np.float32
        data = self.unit(count, double)
        for start in range(0, count - NORMAL_BLOCK + 1, NORMAL_BLOCK):
            data[start : start + NORMAL_BLOCK] = _box_muller_16(data[start : start + NORMAL_BLOCK], kind)
        if count % NORMAL_BLOCK:
            data[count - NORMAL_BLOCK :] = _box_muller_16(self.unit(NORMAL_BLOCK, double), kind)
        return data.astype(np.float64)

    def integers(self, low: int, high: int, shape: tuple) -> np.ndarray:
        """``randint``: random() % range + low (64-bit draws when the range needs them)."""
        count, span = int(np.prod(shape)), high - low
        raw = self.raw64(count) if span >= 1 << 32 else self.raw32(count)
        return ((raw % np.uint64(span)).astype(np.int64) + low).reshape(shape)

    def permutation(self, n: int) -> np.ndarray:
        """``randperm``: a forward Fisher-Yates shuffle with 32-bit draws."""
        order = np.arange(n, dtype=np.int64)
        for i in range(n - 1):
            j = i + int(self.raw32(1)[0] % np.uint64(n - i))
            order[i], order[j] = order[j], order[i]
        return order


def _check_uniform_bounds(low: float, high: float, dtype: np.dtype) -> None:
    """PyTorch's refusals of a range the type cannot hold (NaN included), or that runs backwards."""
    c_name, scalar_name = C_TYPE_NAMES.get(dtype.name, ("float", "Float"))
    limit = float(np.finfo(dtype).max)
    for name, value in (("from", low), ("to", high)):
        if not -limit <= value <= limit:
            raise RuntimeError(f"{name} is out of bounds for {c_name}")
    if low > high:
        raise RuntimeError(
            f"uniform_ expects to return a [from, to) range, but found from={low:g} > to={high:g}"
        )
    if high - low > limit:
        raise RuntimeError(
            f"uniform_ expects to-from <= std::numeric_limits<{scalar_name}>::max(), but found "
            f"to={high:g} and from={low:g} which result in to-from to exceed the limit"
        )


def _box_muller_16(block: np.ndarray, kind: type) -> np.ndarray:
    """Eight pairs: the first half gives 1 - u1, the second half u2."""
    u1, u2 = kind(1) - block[:8], block[8:]
    with np.errstate(divide="ignore"):
        radius = np.sqrt(kind(-2) * np.log(u1.astype(np.float64)).astype(kind))
    theta = kind(2.0 * math.pi) * u2
    cos = np.cos(theta.astype(np.float64)).astype(kind)
    sin = np.sin(theta.astype(np.float64)).astype(kind)
    return np.concatenate([radius * cos, radius * sin])


class Generator:
    """``torch.Generator``: a random stream of its own (``randperm``'s ``generator=``, a DataLoader's
    shuffle), or, as ``manual_seed`` returns it, the default one: its seed and reseeding."""

    __slots__ = ("_source",)

    def __init__(self, device: Any = "cpu") -> None:
        self._source = MersenneSource()

    @classmethod
    def of(cls, source: MersenneSource) -> Generator:
        """The generator object for an existing stream (the default one)."""
        generator = cls.__new__(cls)
        generator._source = source
        return generator

    def initial_seed(self) -> int:
        return self._source.initial_seed

    def manual_seed(self, seed: int) -> Generator:
        self._source.manual_seed(seed)
        return self

    def get_state(self) -> Any:
        """The whole state as PyTorch's byte tensor (``engine.random_state``)."""
        from engine import random_state

        return random_state.state_of(self._source)

    def set_state(self, new_state: Any) -> Generator:
        from engine import random_state

        random_state.load_state(self._source, new_state)
        return self

    def __repr__(self) -> str:
        return f"<torch._C.Generator object at {id(self):#x}>"
