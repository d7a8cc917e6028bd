"""Answers when the sandbox could not run or draw: every worker busy (503, Retry-After), or no graph (422)."""

import pytest
from fastapi import HTTPException

from app import config
from app.routers.busy import raise_if_busy
from app.routers.graph import chosen_trace
from app.services.sandbox.pool import _failed  # the sandbox's own result for a run that never ran


def test_busy_sandbox_is_503_with_retry_after_and_the_hint_in_both_languages():
    result = _failed("ServerBusy", "every sandbox worker is busy; try again in a moment", [], [])
    with pytest.raises(HTTPException) as raised:
        raise_if_busy(result)
    assert raised.value.status_code == 503
    assert raised.value.headers == {"Retry-After": str(config.BUSY_RETRY_AFTER_SECONDS)}
    assert raised.value.detail["message"] == "every sandbox worker is busy; try again in a moment"
    assert set(raised.value.detail["error"]["hint"]) == {"ja", "en"}


def test_a_result_that_ran_is_not_busy():
    result = _failed("LimitExceeded", "", ["partial output\n"], [])
    assert raise_if_busy(result) is None


def test_a_run_killed_before_any_graph_is_422_naming_why():
    result = _failed("LimitExceeded", "", [], [])
    assert result["graph"] is None
    with pytest.raises(HTTPException) as raised:
        chosen_trace(result, None)
    assert raised.value.status_code == 422
    assert raised.value.detail["message"].startswith(
        "The run stopped before it built a graph: LimitExceeded: the run took longer than"
    )


def test_a_run_without_error_or_graph_says_so_rather_than_none_none():
    result = {**_failed("LimitExceeded", "", [], []), "error": None}
    with pytest.raises(HTTPException) as raised:
        chosen_trace(result, None)
    assert raised.value.status_code == 422
    assert raised.value.detail == {"message": "The run ended without a graph to draw.", "error": {}}
