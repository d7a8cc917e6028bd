"""The app served by a real uvicorn on 127.0.0.1: it starts, runs a snippet over HTTP, and stops cleanly."""

import os

import httpx

from app.examples import FIRST_GRADIENT
from tests.live_server import live_server
from tests.processes import child_pids

REQUEST_SECONDS = 30.0  # client timeout per request: far above a run's wall limit, so a hang fails loudly


def is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_real_server_runs_the_first_example_and_stops_cleanly():
    with live_server() as server:
        response = httpx.post(
            f"{server.base_url}/api/run", json={"code": FIRST_GRADIENT}, timeout=REQUEST_SECONDS
        )
        assert response.status_code == 200
        assert response.json()["stdout"] == "tensor(8.)\n"
        assert response.json()["error"] is None
        workers = child_pids(server.process.pid)
        assert workers, "the sandbox's worker processes run under the server"
        assert server.stop() == 0
        log = server.output()
    assert "Application startup complete" in log
    assert "Application shutdown complete" in log
    assert "Traceback" not in log
    assert not [pid for pid in workers if is_running(pid)], "no worker outlives the server"


def test_real_server_survives_an_endless_loop_and_answers_the_next_run():
    with live_server() as server:
        endless = httpx.post(
            f"{server.base_url}/api/run", json={"code": "while True:\n    pass\n"}, timeout=REQUEST_SECONDS
        )
        assert endless.status_code == 200
        assert endless.json()["error"]["type"] == "LimitExceeded"
        assert endless.json()["error"]["limit"] == "SANDBOX_MAX_STEPS"
        following = httpx.post(
            f"{server.base_url}/api/run", json={"code": FIRST_GRADIENT}, timeout=REQUEST_SECONDS
        )
        assert following.json()["stdout"] == "tensor(8.)\n"
