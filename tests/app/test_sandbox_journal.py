"""The journal: a run's events in shared memory, readable by the server after the worker is gone."""

import os

from app.services.sandbox.journal import HEADER_BYTES, JOURNAL_BYTES, Journal


def test_events_written_through_one_mapping_are_read_through_another():
    server = Journal.create()
    worker = Journal(os.dup(server.descriptor))  # the worker maps the same memory from its descriptor
    worker.detach()
    server.detach()
    worker.add("stdout", b'{"type":"stdout","text":"a"}')
    worker.add("frame", b'{"type":"frame","label":"end"}')
    assert server.lines() == [
        ("stdout", b'{"type":"stdout","text":"a"}'),
        ("frame", b'{"type":"frame","label":"end"}'),
    ]
    worker.clear()  # the next run starts an empty journal
    assert server.lines() == []


def test_an_event_that_does_not_fit_is_left_out_and_the_earlier_ones_kept():
    journal = Journal.create()
    journal.detach()
    journal.add("stdout", b'"first"')
    journal.add("frame", b'"' + b"x" * (JOURNAL_BYTES - HEADER_BYTES) + b'"')
    journal.add("stdout", b'"last"')
    assert journal.lines() == [("stdout", b'"first"'), ("stdout", b'"last"')]
