"""Sharing the database file between the app and the command line.

DuckDB lets one process at a time open a file for writing. The app holds no connection between
script runs (see ``ui/verbinding.py``) and the command line holds one only for its command, so a
scheduled ``prestatie import`` and the app take turns. Whoever finds the file busy tries again
with a short, growing pause, and after ``timeout`` seconds (``PRESTATIE_DB_WACHTTIJD``, default
30) gives up with :class:`DatabaseBusy`, whose text says in Dutch what is going on.
"""

from __future__ import annotations

import os
import time

import duckdb

DEFAULT_TIMEOUT = 30.0
FIRST_PAUSE = 0.05
LONGEST_PAUSE = 0.5


class DatabaseBusy(Exception):
    """Another process kept the database file open for longer than we waited."""

    def __init__(self, path: str, seconds: float):
        self.path, self.seconds = path, seconds
        super().__init__(
            f"De database {path} is in gebruik door een ander programma (de app of een import) "
            f"en kwam na {seconds:g} seconden wachten niet vrij. Probeer het zo opnieuw."
        )


def timeout_from_env() -> float:
    """``PRESTATIE_DB_WACHTTIJD`` in seconds, else the default (an unreadable value: default)."""
    try:
        return max(0.0, float(os.environ.get("PRESTATIE_DB_WACHTTIJD", DEFAULT_TIMEOUT)))
    except ValueError:
        return DEFAULT_TIMEOUT


def is_busy(exc: BaseException) -> bool:
    """Whether DuckDB refused the file because another process holds its lock."""
    return isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower()


def connect(target: str, timeout: float | None = None) -> duckdb.DuckDBPyConnection:
    """``duckdb.connect(target)``, tried again while another process holds the file."""
    limit = timeout_from_env() if timeout is None else timeout
    deadline = time.monotonic() + limit
    pause = FIRST_PAUSE
    while True:
        try:
            return duckdb.connect(target)
        except duckdb.IOException as exc:
            if not is_busy(exc):
                raise
            left = deadline - time.monotonic()
            if left <= 0:
                raise DatabaseBusy(target, limit) from exc
            time.sleep(min(pause, left))
            pause = min(pause * 2, LONGEST_PAUSE)
