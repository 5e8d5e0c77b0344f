"""Problems found while reading an upload, and the refusal that carries them.

Policy (also in the README): an *error* stops the whole import and nothing is written; a
*warning* is shown and counted, and the row is imported (a rent of 0, an unknown label, a rent
above € 3.000). Every problem names the file, the sheet, the row as Excel shows it, the column
and the value, so a user can find it in the file they sent.
"""

from __future__ import annotations

from dataclasses import dataclass

FOUT = "fout"
WAARSCHUWING = "waarschuwing"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one cell, row or file."""

    file: str
    message: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    value: object = None
    severity: str = FOUT

    def __str__(self) -> str:
        where = [f"bestand {self.file}"]
        if self.sheet:
            where.append(f"blad {self.sheet}")
        if self.row is not None:
            where.append(f"rij {self.row}")
        if self.column:
            where.append(f"kolom {self.column}")
        text = ", ".join(where) + f": {self.message}"
        if self.value is not None and str(self.value) != "":
            text += f" (waarde: {self.value!s})"
        return text


class ImportRefused(Exception):
    """An upload was refused; nothing was written. Carries the problems that stopped it."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def refuse(file: str, message: str, **where) -> ImportRefused:
    """A refusal with a single problem, for the checks that stop at the first fault."""
    return ImportRefused([Problem(file=file, message=message, **where)])
