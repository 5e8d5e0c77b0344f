"""Problems found while reading an upload, and the refusal that carries them.

Policy (also in the README): an *error* stops the whole import and nothing is written; a
*warning* is shown and counted, and the row is imported. Every problem names the file, the
sheet, the row as Excel shows it, the column (letter and header) and the value, so a user can
find it in the file they sent.

Errors: a file that is too large, not a spreadsheet, password-protected, a zip bomb or larger
than any corporation's stock; no recognisable table; a missing or duplicate vhe number in a stock
list (a lettings list may let the same vhe twice); an unreadable or negative rent; an unreadable
date, year, count or activity; a letting without a date; no corporatie, gemeente or peildatum;
formulas without a calculated value in a column that is read; a bad column choice by the user;
in a Leefbaarometer file a code that is no wijk or buurt code or of no gemeente, an unreadable
year, score or class, the same area and year twice.
Warnings: an unknown label (counted as onbekend), a rent of 0, a rent above € 3.000, a missing
rent (never counted as below a limit), a label derived from the energy index or EP2, an
unreadable bouwjaar or yes/no, a gemeente assumed for a bezitstabel row without BAG id or with
the BAG id of a gemeente that was split, an unknown mutation in a bezitstabel; in a lettings list
an unknown or missing route (counted as overig), an unreadable zoekduur, inschrijfduur,
inschrijfdatum or household size, and a letting in a year the list hardly covers; a stock
list whose peildatum lies in the future (a bezitstabel of a year not yet begun).
Left out and said so (``Parsed.skipped``): totals rows, heading and note rows, rows with data
only in columns that are not read. Blank rows are counted (``Parsed.blank_rows``). A
bezitstabel row whose BAG id has a gemeentecode no gemeente has is not read: a warning names
it, and the notes count it.
An unknown corporatie or gemeente is an error whose message offers the known names closest to
it ("onbekende corporatie 'Woonstadt'; bedoelt u Woonstad Rotterdam?").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

FOUT = "fout"
WAARSCHUWING = "waarschuwing"
UNKNOWN_CORPORATIE = "onbekende corporatie"  # how every message about one begins
ADD_CORPORATIE = (
    "voeg een nieuwe corporatie toe op de pagina Gegevens of met prestatie corporatie-toevoegen"
)


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
            text += f" (waarde: {shown(self.value)})"
        return text


def shown(value: object) -> str:
    """A cell value as a Dutch user reads it: 3100 not 3100.0, 612,5, 31-12-2023."""
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value).replace(".", ",")
    if isinstance(value, datetime | date):
        return f"{value:%d-%m-%Y}"
    return str(value)


class ImportRefused(Exception):
    """An upload was refused; nothing was written. Carries the problems that stopped it."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def refuse(file: str, message: str, **where) -> ImportRefused:
    """A refusal with a single problem, for the checks that stop at the first fault."""
    return ImportRefused([Problem(file=file, message=message, **where)])
