"""The one sandbox answer that is the server's condition, not the code's: every worker busy -> 503."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException

from app import config

BUSY = "ServerBusy"  # the error type the sandbox reports when no worker became free in time


def raise_if_busy(result: dict[str, Any]) -> None:
    """503 with Retry-After, and the sandbox's hint in ja and en, when no worker was free to run the code."""
    error = result.get("error") or {}
    if error.get("type") == BUSY:
        raise HTTPException(
            status_code=503,
            detail={"message": error["message"], "error": error},
            headers={"Retry-After": str(config.BUSY_RETRY_AFTER_SECONDS)},
        )
