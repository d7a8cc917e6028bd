"""Looking at processes from /proc, for tests that check what a server or a worker started and ended."""

from pathlib import Path


def child_pids(pid: int) -> list[int]:
    """The direct children of a process (the sandbox's workers under the server, a training worker's
    reporter), from /proc."""
    children: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children += [int(child) for child in (task / "children").read_text().split()]
    return children
