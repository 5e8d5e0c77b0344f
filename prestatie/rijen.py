"""The rows under a header: blank rows and totals rows set apart, cells per field, problems.

Shared by the stock list and the production list readers. Row numbers are the numbers Excel
shows (the index of the frame), so every problem points at a row a user can find.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from prestatie import kolommen, partijen
from prestatie.detect import Layout, Meta
from prestatie.errors import FOUT, WAARSCHUWING, ImportRefused, Problem

MAX_LISTED = 25  # per kind of problem; the rest is counted in one line
_TOTALS = ("totaal", "eindtotaal", "subtotaal", "total", "grandtotal", "generaltotal")


@dataclass
class Body:
    """The data rows of a table: ``cells`` has one column per recognised field."""

    cells: pd.DataFrame  # index: Excel row number
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row, reason)


def body(layout: Layout, mapping: dict[str, int]) -> Body:
    rows = layout.sheet.rows[layout.header_index + 1 :]
    first = layout.header_index + 2
    frame = pd.DataFrame(rows, dtype=object)
    frame.index = range(first, first + len(frame))
    if frame.empty:
        return Body(pd.DataFrame(columns=list(mapping)))
    blank = (frame.isna() | (frame == "")).all(axis=1)
    totals = _totals(frame, mapping) & ~blank
    keep = ~blank & ~totals
    skipped = [(int(r), "totaalregel, geen vhe") for r in frame.index[totals]]
    cells = pd.DataFrame(
        {name: frame[pos] if pos in frame.columns else None for name, pos in mapping.items()},
        index=frame.index,
    )[keep]
    return Body(cells, skipped)


def _totals(frame: pd.DataFrame, mapping: dict[str, int]) -> pd.Series:
    positions = sorted({*range(min(3, frame.shape[1])), *mapping.values()} & set(frame.columns))
    hit = pd.Series(False, index=frame.index)
    for pos in positions:
        column = frame[pos]
        texts = column[column.map(lambda v: isinstance(v, str))]
        if len(texts):
            keys = texts.map(kolommen.key)
            hit[keys.index[keys.str.startswith(_TOTALS)]] = True
    return hit


class Collector:
    """Problems of one file, grouped so a thousand bad cells read as one list."""

    def __init__(self, file: str, sheet: str | None, headers: list[str], mapping: dict[str, int]):
        self.file, self.sheet = file, sheet
        self._column = {f: _column_name(headers, pos) for f, pos in mapping.items()}
        self.problems: list[Problem] = []

    def column(self, field_name: str) -> str:
        return self._column.get(field_name, field_name)

    def add(
        self,
        mask: pd.Series,
        cells: pd.Series | None,
        field_name: str,
        message: str,
        severity: str = FOUT,
    ) -> None:
        rows = list(mask.index[mask])
        for row in rows[:MAX_LISTED]:
            value = None if cells is None else cells.get(row)
            self.problems.append(
                Problem(
                    self.file,
                    message,
                    self.sheet,
                    int(row),
                    self.column(field_name),
                    value,
                    severity,
                )
            )
        if len(rows) > MAX_LISTED:
            self.problems.append(
                Problem(
                    self.file,
                    f"nog {len(rows) - MAX_LISTED} rijen met dezelfde melding: {message}",
                    self.sheet,
                    None,
                    self.column(field_name),
                    None,
                    severity,
                )
            )

    def file_problem(self, message: str, severity: str = FOUT) -> None:
        self.problems.append(Problem(self.file, message, self.sheet, severity=severity))

    def raise_errors(self) -> None:
        errors = [p for p in self.problems if p.severity == FOUT]
        if errors:
            raise ImportRefused(errors)

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WAARSCHUWING]


def _column_name(headers: list[str], position: int) -> str:
    letter = _letters(position)
    header = headers[position] if position < len(headers) else ""
    return f"{letter} ({header})" if header else letter


def _letters(position: int) -> str:
    text, n = "", position + 1
    while n:
        n, rest = divmod(n - 1, 26)
        text = chr(65 + rest) + text
    return text


def parties(cells: pd.DataFrame, meta: Meta, problems: Collector) -> pd.DataFrame:
    """Corporatie and gemeente per row: from a column where the file has one, else the file's."""
    out = pd.DataFrame(index=cells.index)
    for name, normalize, chosen in (
        ("corporatie", partijen.corporatie, meta.corporatie),
        ("gemeente", partijen.gemeente, meta.gemeente),
    ):
        if name in cells.columns and cells[name].notna().any():
            raw = cells[name]
            values = raw.map(
                lambda v, f=normalize, c=chosen: f(str(v)) if v not in (None, "") else c
            )
            problems.add(
                values.isna() & raw.notna() & (raw != ""),
                raw,
                name,
                f"onbekende {name}; kies een van de bekende namen",
            )
            values = values.fillna(chosen) if chosen else values
        else:
            values = pd.Series(chosen, index=cells.index, dtype=object)
        missing = values.isna()
        if missing.all() and len(values):
            problems.file_problem(
                f"geen {name} gevonden in het bestand, de titelregels of de bestandsnaam; "
                f"kies de {name} bij het inlezen (--{name} of het keuzeveld)."
            )
        elif missing.any():
            problems.add(missing, None, name, f"{name} ontbreekt")
        out[name] = values
    return out
