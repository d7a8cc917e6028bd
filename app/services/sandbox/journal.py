"""A run's journal: the worker's stdout and frame events of the current run, in memory the server can read.

For a whole-answer run (``POST /api/run``) the server needs the events only if the worker dies before it
answers (killed at its wall limit, say): then what the run printed and recorded is still shown. Writing
them to the pipe would wake the server for every event; instead the worker appends them to a shared
memory block (a copy, no system call), and the server reads the block only after losing the worker.

Layout: 8 bytes (little-endian) holding the length used, then the event lines (``KIND JSON\\n``).
"""

from __future__ import annotations

import mmap
import os

JOURNAL_BYTES = 4 * 1024 * 1024  # room for a run's stdout and its first frames; pages cost memory only
# once written, and events past it are left out of the journal (the answer itself is not affected)
HEADER_BYTES = 8


class Journal:
    """One block of shared memory, created by the server and written by one worker."""

    def __init__(self, descriptor: int) -> None:
        self.descriptor = descriptor
        self.block = mmap.mmap(descriptor, JOURNAL_BYTES)
        self.used = 0

    @classmethod
    def create(cls) -> Journal:
        """A new zeroed journal; its ``descriptor`` is for the worker (pass it, then ``detach``)."""
        descriptor = os.memfd_create("koubai-journal")
        os.ftruncate(descriptor, JOURNAL_BYTES)
        return cls(descriptor)

    def detach(self) -> None:
        """Close the descriptor once the worker has it (the mapping stays)."""
        os.close(self.descriptor)

    def clear(self) -> None:
        """Start the journal of a new run."""
        self.used = 0
        self.block[:HEADER_BYTES] = bytes(HEADER_BYTES)

    def add(self, kind: str, payload: bytes) -> None:
        """Append one event line, unless the journal is full."""
        line = kind.encode("ascii") + b" " + payload + b"\n"
        start = HEADER_BYTES + self.used
        if start + len(line) > JOURNAL_BYTES:
            return
        self.block[start : start + len(line)] = line
        self.used += len(line)
        self.block[:HEADER_BYTES] = self.used.to_bytes(HEADER_BYTES, "little")

    def lines(self) -> list[tuple[str, bytes]]:
        """The (kind, JSON payload) of every event of the run so far."""
        used = min(int.from_bytes(self.block[:HEADER_BYTES], "little"), JOURNAL_BYTES - HEADER_BYTES)
        found = []
        for line in self.block[HEADER_BYTES : HEADER_BYTES + used].split(b"\n"):
            kind, _, payload = line.partition(b" ")
            if payload:
                found.append((kind.decode("ascii", "replace"), payload))
        return found

    def close(self) -> None:
        """Unmap the block."""
        self.block.close()
