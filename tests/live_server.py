"""A real koubai server for tests and benchmarks: uvicorn in a subprocess on a free port of 127.0.0.1."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
STARTUP_SECONDS = 30.0  # how long the server may take to answer /healthz (imports + sandbox workers)
SHUTDOWN_SECONDS = 10.0  # how long a clean shutdown may take after SIGINT
POLL_SECONDS = 0.05  # pause between /healthz attempts while starting


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LiveServer:
    """A uvicorn process serving ``app.main:app``: its base URL, its log, and a clean stop."""

    def __init__(self, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        command = [
            sys.executable,
            "-m",
            "uvicorn",
            "app.main:app",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
        ]
        self.log = tempfile.TemporaryFile(mode="w+")  # a file, not a pipe: a chatty server never blocks on it
        self.process = subprocess.Popen(
            [*command, "--no-access-log"],
            cwd=ROOT,
            env={**os.environ, **(env or {})},
            stdout=self.log,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def output(self) -> str:
        """Everything the server has logged so far."""
        self.log.seek(0)
        return self.log.read()

    def wait_until_healthy(self) -> None:
        """Poll /healthz until it answers 200; fail with the server's log if it exits or takes too long."""
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}:\n{self.output()}")
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{self.base_url}/healthz", timeout=1.0).status_code == 200:
                    return
            time.sleep(POLL_SECONDS)
        raise RuntimeError(f"server did not answer /healthz within {STARTUP_SECONDS} s:\n{self.output()}")

    def stop(self) -> int:
        """SIGINT, as Ctrl+C stops the server; its exit code (killed, and an error, if it hangs)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=SHUTDOWN_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise RuntimeError(f"server did not stop within {SHUTDOWN_SECONDS} s:\n{self.output()}") from None


@contextlib.contextmanager
def live_server(env: dict[str, str] | None = None) -> Iterator[LiveServer]:
    """Start a server, wait until it is healthy, yield it, and stop it however the block ends."""
    server = LiveServer(env)
    try:
        server.wait_until_healthy()
        yield server
    finally:
        if server.process.poll() is None:
            server.stop()
        server.log.close()
