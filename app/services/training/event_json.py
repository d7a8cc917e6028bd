"""Events as compact JSON text: ``json.dumps(event, separators=(",", ":"), allow_nan=False)``.

Every number in an event is finite or None (``measures.finite``, ``epoch_event``), so ``allow_nan=False``
only ever catches a bug. One encoder is made once; its C implementation writes the ``epochs`` columns.
"""

from __future__ import annotations

import json
from typing import Any

_encode = json.JSONEncoder(separators=(",", ":"), allow_nan=False).encode


def event_json(event: dict[str, Any]) -> str:
    """One event as compact JSON text (ASCII: its length is its size in bytes)."""
    return _encode(event)
