"""The rows under a header: blank, totals and text rows set apart, cells per field, problems.

Shared by the stock list, production list, lettings list and WOZ-bezitstabel readers. Row
numbers are the numbers Excel shows (the index of the frame), so every problem points at a row a
user can find.

A row is left out, and said so in ``skipped``, when it is a totals row ("Totaal", "Eindtotaal",
"Subtotaal Emmen": the row's key cell is empty or is that word), a text row (a heading or a note:
one filled cell of several words and no key) or a row with nothing in the columns used. Blank
rows are only counted. Every other row is a data row, and is either imported or stops the
import with an error: no row is dropped without a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from openpyxl.utils import get_column_letter

from prestatie.inlezen import cell_values
from prestatie.inlezen.detect import Layout, Meta
from prestatie.inlezen.errors import ADD_CORPORATIE, FOUT, WAARSCHUWING, ImportRefused, Problem
from prestatie.referentie import partijen
from prestatie.referentie.namen import did_you_mean

MAX_LISTED = 25  # per kind of problem; the rest is counted in one line
_TOTALS = re.compile(
    r"^\s*(?:(?:sub|eind|grand\s*|general\s*)?tota(?:a)?l(?:en)?|som|gemiddelde?)\b",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[^\W\d_]+|\S+")
_FIRST_COLUMNS = 3  # a totals row often has its word in the first columns, outside the fields


@dataclass
class Body:
    """The data rows of a table: ``cells`` has one column of raw cells per mapped field."""

    cells: pd.DataFrame  # index: Excel row number
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row, reason)
    blank_rows: int = 0
    uncached: dict[str, list[int]] = field(default_factory=dict)  # field -> rows


def body(layout: Layout, mapping: dict[str, int], key: str, unit: str = "vhe") -> Body:
    """The rows under the header, split into data rows and rows left out (with the reason)."""
    start = layout.header_index + 1
    grid = layout.sheet.cells_from(start)
    index = np.arange(start + 1, start + 1 + grid.shape[0])
    if not grid.shape[0]:
        return Body(pd.DataFrame({name: pd.Series(dtype=object) for name in mapping}))
    looked_at = sorted(set(mapping.values()) | set(range(min(_FIRST_COLUMNS, grid.shape[1]))))
    columns, empty = {}, {}
    for pos in looked_at:
        columns[pos], empty[pos] = _column(grid, pos)
    totals, text_rows, nothing, blank = _left_out(grid, columns, empty, mapping, key)
    reasons = (
        (totals, f"totaalregel, geen {unit}"),
        (text_rows, f"tekstregel (kopje of toelichting), geen {unit}"),
        (nothing & ~blank, "alleen gegevens in kolommen die niet worden gebruikt"),
    )
    skipped = sorted(
        (int(index[i]), reason) for mask, reason in reasons for i in np.flatnonzero(mask)
    )
    keep = ~(nothing | totals | text_rows)
    every = bool(keep.all())
    cells = frame(
        {name: columns[pos] if every else columns[pos][keep] for name, pos in mapping.items()},
        pd.Index(index if every else index[keep], name="rij"),
    )
    uncached = _uncached(layout, mapping, index[~totals])
    return Body(cells, skipped, int(blank.sum()), uncached)


def _left_out(grid: np.ndarray, columns, empty, mapping: dict[str, int], key: str):
    """Masks of the rows that are no data: (totals, text rows, nothing used, blank); an empty
    cell of ``grid`` is "" or None."""
    count = grid.shape[0]
    used = sorted(set(mapping.values()))
    nothing = np.logical_and.reduce([empty[pos] for pos in used]) if used else np.ones(count, bool)
    if key in mapping:
        key_cells, key_empty = columns[mapping[key]], empty[mapping[key]]
    else:
        key_cells, key_empty = np.full(count, None, dtype=object), np.ones(count, bool)
    alone = np.add.reduce([~empty[pos] for pos in used]) == 1 if used else nothing
    # only rows without a key, with one filled cell or with a totals word are looked at
    suspect = (key_empty | alone | _totals_word(key_cells)) & ~nothing
    totals = np.zeros(count, dtype=bool)
    text_rows = np.zeros(count, dtype=bool)
    for i in np.flatnonzero(suspect):
        if any(isinstance(c[i], str) and _TOTALS.match(c[i]) for c in columns.values()):
            totals[i] = True
        elif _is_text_row(grid[i].tolist()):
            text_rows[i] = True
    blank = np.zeros(count, dtype=bool)
    for i in np.flatnonzero(nothing):
        blank[i] = not _filled(grid[i].tolist())
    return totals, text_rows, nothing, blank


def frame(columns: dict[str, np.ndarray | pd.Series], index: pd.Index) -> pd.DataFrame:
    """A frame of whole columns on ``index``, put side by side without being copied into one
    block (as the DataFrame constructor does)."""
    series = [
        values.rename(name)
        if isinstance(values, pd.Series)
        else pd.Series(values, index=index, name=name, dtype=values.dtype)
        for name, values in columns.items()
    ]
    return pd.concat(series, axis=1) if series else pd.DataFrame(index=index)


def _column(grid: np.ndarray, position: int) -> tuple[np.ndarray, np.ndarray]:
    """(the cells of one column with None for empty, the mask of empty cells)."""
    if position >= grid.shape[1]:
        return np.full(grid.shape[0], None, dtype=object), np.ones(grid.shape[0], dtype=bool)
    column = grid[:, position].copy()  # the grid stays as read
    if all(column.tolist()):  # no "" (nor 0): nothing empty, no need to compare each cell
        return column, np.zeros(len(column), dtype=bool)
    empty = column == ""  # both readers give "" for an empty cell
    if empty.any():
        column[empty] = None
    return column, empty


def _totals_word(cells: np.ndarray) -> np.ndarray:
    series = pd.Series(cells, dtype=object, copy=False)
    if cell_values.kind(series) not in ("string", "mixed", "mixed-integer"):
        return np.zeros(len(cells), dtype=bool)
    return np.fromiter(
        (isinstance(v, str) and _TOTALS.match(v) is not None for v in cells),
        dtype=bool,
        count=len(cells),
    )


def _filled(row: list[object]) -> bool:
    return any(row) or any(cell is not None and cell != "" for cell in row)


def _is_text_row(row: list[object]) -> bool:
    """One filled cell holding words, not a code: "Kern Emmen-centrum", "Bron: ERP-export"."""
    filled = [cell for cell in row if cell is not None and cell != ""]
    if len(filled) != 1 or not isinstance(filled[0], str):
        return False
    return sum(word.isalpha() and len(word) > 1 for word in _WORDS.findall(filled[0])) >= 2


def _uncached(layout: Layout, mapping: dict[str, int], rows: np.ndarray) -> dict[str, list[int]]:
    """Field -> the data rows where its cell is a formula without a calculated value."""
    if not layout.sheet.uncached:
        return {}
    fields: dict[int, list[str]] = {}
    for name, pos in mapping.items():
        fields.setdefault(pos, []).append(name)
    wanted = set(rows.tolist())
    found: dict[str, list[int]] = {}
    for row, pos in sorted(layout.sheet.uncached):
        if row in wanted:
            for name in fields.get(pos, ()):
                found.setdefault(name, []).append(row)
    return found


@dataclass
class Built:
    """What a reader made of one file: the tables and everything it has to say about them."""

    vhe: pd.DataFrame | None = None
    productie: pd.DataFrame | None = None
    verhuring: pd.DataFrame | None = None
    leefbaarheid: pd.DataFrame | None = None
    warnings: list[Problem] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    blank_rows: int = 0
    huur_kolom: str | None = None
    notes: list[str] = field(default_factory=list)
    jaar: int | None = None  # the verslagjaar of a WOZ-bezitstabel


class Collector:
    """Problems of one file, grouped so a thousand bad cells read as one list."""

    def __init__(self, file: str, sheet: str | None, headers: list[str], mapping: dict[str, int]):
        self.file, self.sheet = file, sheet
        self._column = {f: column_name(headers, pos) for f, pos in mapping.items()}
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
        rows = mask.index[mask.to_numpy(dtype=bool, na_value=False)]
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

    def formulas(self, rows: Body) -> None:
        """An error per column whose cells are formulas that were never calculated."""
        for name, found in rows.uncached.items():
            where = f"rij {found[0]}" + (f" tot en met {found[-1]}" if len(found) > 1 else "")
            self.problems.append(
                Problem(
                    self.file,
                    f"de kolom bevat formules zonder berekende waarde ({len(found)} cellen, "
                    f"{where}); zo zouden ze als leeg worden ingelezen. Open het bestand in "
                    "Excel en sla het opnieuw op, dan rekent Excel de waarden uit.",
                    self.sheet,
                    found[0],
                    self.column(name),
                )
            )

    def raise_errors(self) -> None:
        errors = [p for p in self.problems if p.severity == FOUT]
        if errors:
            raise ImportRefused(errors)

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WAARSCHUWING]


def column_name(headers: list[str], position: int) -> str:
    """A column as a user finds it: its letter and header, "G (Kale huur)"."""
    letter = column_letter(position)
    header = headers[position] if position < len(headers) else ""
    return f"{letter} ({header})" if header else letter


def column_letter(position: int) -> str:
    """The column letter as Excel shows it for a 0-based position: 0 -> A, 25 -> Z, 26 -> AA.
    The one place every message (uploads and the template) names a column."""
    return get_column_letter(position + 1)


def parties(cells: pd.DataFrame, meta: Meta, problems: Collector) -> dict[str, pd.Series]:
    """Corporatie and gemeente per row: from a column where the file has one, else the file's."""
    out: dict[str, pd.Series] = {}
    for name, normalize, chosen in (
        ("corporatie", partijen.corporatie, meta.corporatie),
        ("gemeente", partijen.gemeente, meta.gemeente),
    ):
        unknown = pd.Series(False, index=cells.index)
        if name in cells.columns and cells[name].notna().any():
            raw = cells[name]
            values, blank = cell_values.per_value(raw, lambda v, f=normalize: f(str(v).strip()))
            unknown = values.isna() & ~blank
            _unknown_names(raw, unknown, name, problems)
            filled = values.to_numpy(dtype=object, copy=True)  # pandas 3 hands out read-only views
            filled[blank.to_numpy()] = chosen
            values = pd.Series(filled, index=cells.index, dtype=object)
        else:
            values = pd.Series(chosen, index=cells.index, dtype=object)
        # a name that is not known is said above; missing is a cell left empty
        missing = values.isna() & ~unknown if chosen is None or name in cells.columns else None
        if missing is None:  # the file's own corporatie or gemeente, on every row
            out[name] = values
            continue
        if missing.all() and len(values):
            problems.file_problem(
                f"geen {name} gevonden in het bestand, de titelregels of de bestandsnaam; "
                f"kies de {name} bij het inlezen (--{name} of het keuzeveld)."
            )
        elif missing.any():
            problems.add(missing, None, name, f"{name} ontbreekt")
        out[name] = values
    return out


def _unknown_names(raw: pd.Series, unknown: pd.Series, name: str, problems: Collector) -> None:
    """An error for each row with a corporatie or gemeente prestatie does not know, with the
    known names closest to it (looked up for the first distinct names only)."""
    if not unknown.any():
        return
    close = partijen.close_corporaties if name == "corporatie" else partijen.close_gemeenten
    names = cell_values.texts(raw[unknown])
    first = names.unique()[:MAX_LISTED]
    hints = names.map({text: did_you_mean(close(text)) for text in first}).fillna("")
    advice = (
        f"verbeter de naam, laat de rij weg of {ADD_CORPORATIE}"
        if name == "corporatie"
        else "verbeter de naam of laat de rij weg"
    )
    for hint in hints.unique():
        rows = pd.Series(False, index=raw.index)
        rows[hints.index[hints.eq(hint).to_numpy()]] = True
        problems.add(
            rows, raw, name, f"onbekende {name}" + (f" ({hint})" if hint else "") + f"; {advice}"
        )


def kernen(raw: pd.Series, gemeenten: pd.Series) -> pd.Series:
    """The canonical spelling of each kern within its gemeente; other names as written.

    One look-up per distinct kern and gemeente, however many gemeenten a file covers.
    """
    names = cell_values.texts(raw).to_numpy(dtype=object)
    places = [g if isinstance(g, str) else None for g in gemeenten.reindex(raw.index)]
    spelled: dict[tuple[str | None, str | None], str | None] = {}
    for pair in zip(names, places, strict=True):
        if pair not in spelled:
            name, gemeente = pair
            spelled[pair] = (partijen.kern(name, gemeente) if gemeente else None) or name
    return pd.Series(
        [spelled[pair] for pair in zip(names, places, strict=True)], index=raw.index, dtype=object
    )
