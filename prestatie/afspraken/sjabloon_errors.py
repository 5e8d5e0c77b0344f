"""A message of :mod:`prestatie.afspraken.toml_reader` about the TOML from the sjabloon, back in
its place: sheet, row as Excel shows it, column and value.

toml_reader names an afspraak or doel by nummer or id (``doel "A1": …``) or by position
(``afspraak nr. 3: …``), and the key in quotes or as the first word. From the sjabloon we know
which row each nummer had; the column is the one named after the key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from prestatie.afspraken.sjabloon_cells import text
from prestatie.afspraken.sjabloon_layout import (
    AFSPRAKEN,
    COLUMNS,
    DOCUMENT,
    DOELEN,
    Grid,
)
from prestatie.inlezen.errors import Problem
from prestatie.inlezen.sheet_rows import column_letter

_WHERE = re.compile(r'(?:\[document\]|(afspraak|doel) (?:"(.*?)"|nr\. (\d+))): (.*)', re.DOTALL)
_ALIAS = {"partijen": "partij", "themas": "thema", "corporatie": "corporaties"}
_DOCUMENT_FIELDS = ("id", "titel", "gemeente", "partij", "periode", "bron", "ondertekend", "thema")


@dataclass
class Origins:
    """Where each agreement and target of the TOML came from, to place toml_reader's messages."""

    file_name: str
    field_rows: dict[str, int]  # sheet Document: the row of each veld
    afspraken: list[tuple[int, dict[str, object]]]  # (Excel row, cells by column)
    doelen: list[tuple[int, dict[str, object]]]
    grids: dict[str, Grid]

    def problem(self, message: str, toml_name: str) -> Problem:
        """The message of toml_reader about file ``toml_name`` as a Problem in the workbook."""
        reason = message.removeprefix(f"{toml_name}, ").removeprefix(f"{toml_name}: ")
        where = _WHERE.fullmatch(reason)
        if not where:
            return Problem(self.file_name, reason)
        kind, key, index, reason = where.groups()
        if kind is None:
            field = _column(reason, _DOCUMENT_FIELDS)
            return Problem(
                self.file_name,
                reason,
                DOCUMENT,
                self.field_rows.get(field or ""),
                "B (waarde)" if field else None,
            )
        sheet, rows, name = (
            (AFSPRAKEN, self.afspraken, "nummer")
            if kind == "afspraak"
            else (DOELEN, self.doelen, "id")
        )
        if index:
            row = rows[int(index) - 1][0] if int(index) <= len(rows) else None
        else:
            row = next((r for r, cells in rows if cells.get(name) == key), None)
        return self._cell(sheet, row, _column(reason, COLUMNS[sheet]), reason)

    def _cell(self, sheet: str, row: int | None, column: str | None, reason: str) -> Problem:
        header = [text(c).lower() for c in self.grids[sheet][0]]
        if column is None or column not in header or row is None:
            return Problem(self.file_name, reason, sheet, row)
        c = header.index(column)
        cells = self.grids[sheet][row - 1]
        value = cells[c] if c < len(cells) else None
        return Problem(self.file_name, reason, sheet, row, f"{column_letter(c)} ({column})", value)


def _column(reason: str, columns: tuple[str, ...]) -> str | None:
    """The column a message of toml_reader is about: the first quoted, else the first word."""
    candidates = re.findall(r'"([^"]*)"', reason) + re.findall(r"[a-z_]+", reason)
    for candidate in candidates:
        name = _ALIAS.get(candidate, candidate)
        if name in columns:
            return name
    return None
