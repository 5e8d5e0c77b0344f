"""The app's database connection: open while a script run needs it, closed between runs.

DuckDB lets one process at a time open the file for writing, so an app that kept its
connection would lock out a scheduled ``prestatie import``. Instead every script run takes the
connection with :func:`database` (``app.py`` wraps each page run in it): the first run in the
process opens it, the last one that ends closes it, and in between each run has a cursor of its
own (Streamlit runs sessions in threads of their own; a new run can start before the previous
one has stopped). Between runs the file is free for the command line. A file the command line
holds is waited for (``PRESTATIE_DB_WACHTTIJD`` seconds, with a spinner), then the page says so
in Dutch (:mod:`ui.fouten`).

What the pages cache stays valid across reconnects: it is keyed on the data version read from
the database at the start of every run (``ui.context.frame``), never on this process's memory.
"""

from __future__ import annotations

import contextlib
import threading
import weakref
from collections.abc import Iterator

import duckdb
import streamlit as st

from prestatie import dashboard

FIRST_OPEN = "Database openen; bij de eerste start worden de demonstratiegegevens ingelezen …"
WAITING = "De database is even bezet (er loopt een import); even wachten …"

_lock = threading.Lock()
_open: dict[str, list] = {}  # path -> [connection, runs using it]
_prepared: set[str] = set()  # paths opened fully (schema, agreements, demo) in this process
_local = threading.local()  # this thread's lease: path, cursor, depth


def _connect(path: str) -> duckdb.DuckDBPyConnection:
    """The first open in the process checks the schema and loads what a new file needs; later
    ones only open. A busy file: one quick try, then waiting with a spinner."""
    if path not in _prepared:
        with st.spinner(FIRST_OPEN):
            con = _waiting(dashboard.open_database, path)
        _prepared.add(path)
        return con
    return _waiting(dashboard.reopen_database, path)


def _waiting(open_, path: str) -> duckdb.DuckDBPyConnection:
    try:
        return open_(path, timeout=0)
    except dashboard.DatabaseBusy:
        with st.spinner(WAITING):
            return open_(path)


def _acquire(path: str) -> duckdb.DuckDBPyConnection:
    with _lock:
        entry = _open.get(path)
        if entry is None:
            entry = _open[path] = [_connect(path), 0]
        entry[1] += 1
        return entry[0]


def _release(path: str) -> None:
    with _lock:
        entry = _open.get(path)
        if entry is None:
            return
        entry[1] -= 1
        if entry[1] <= 0:
            del _open[path]
            entry[0].close()


@contextlib.contextmanager
def database() -> Iterator[duckdb.DuckDBPyConnection]:
    """This run's cursor, the connection held for as long as the block lasts; nested blocks
    (a fragment inside a page run) share the outer one."""
    path = str(dashboard.db_path())
    if getattr(_local, "depth", 0) and _local.path == path:
        _local.depth += 1
        try:
            yield _local.cursor
        finally:
            _local.depth -= 1
        return
    outer = getattr(_local, "depth", 0), getattr(_local, "path", None), _cursor_or_none()
    cur = _acquire(path).cursor()
    _local.depth, _local.path, _local.cursor = 1, path, cur
    try:
        yield cur
    finally:
        cur.close()
        _release(path)
        _local.depth, _local.path, _local.cursor = outer


def _cursor_or_none():
    return getattr(_local, "cursor", None)


class _Pinned:
    """A lease taken outside :func:`database` (a page run on its own, as some tests do): held
    until the thread that took it ends."""

    def __init__(self, path: str):
        self.cursor = _acquire(path).cursor()
        weakref.finalize(self, _unpin, self.cursor, path)


def _unpin(cur, path: str) -> None:
    with contextlib.suppress(duckdb.Error):
        cur.close()
    _release(path)


def cursor() -> duckdb.DuckDBPyConnection:
    """The cursor of this run (inside :func:`database`); outside one, a cursor held until the
    thread ends."""
    path = str(dashboard.db_path())
    if getattr(_local, "depth", 0) and _local.path == path:
        return _local.cursor
    pinned = getattr(_local, "pinned", None)
    if pinned is None or pinned[0] != path:
        _local.pinned = (path, _Pinned(path))
    return _local.pinned[1].cursor


def is_open(path: str) -> bool:
    """Whether this process holds the file now (for tests and the health of the sharing)."""
    with _lock:
        return str(path) in _open
