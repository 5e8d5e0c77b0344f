"""A second process that holds a DuckDB file, for the tests of sharing the database."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


class Holder:
    """Another process that holds the database file open until told to let go."""

    def __init__(self, db: Path):
        code = (
            "import duckdb, sys\n"
            f"con = duckdb.connect({str(db)!r})\n"
            "print('open', flush=True)\n"
            "sys.stdin.readline()\n"
            "con.close()\n"
        )
        self.process = subprocess.Popen(
            [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        assert self.process.stdout.readline().strip() == "open"

    def release(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.write("\n")
            self.process.stdin.flush()
            self.process.wait(timeout=30)
