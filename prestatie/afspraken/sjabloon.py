"""The sjabloon of afspraken and doelen: an Excel workbook out, TOML text back.

A policy officer changes an afspraken document without code: the app offers the sjabloon,
filled with the document as it stands now (:func:`write`); the filled-in workbook comes back
through :func:`read`. The sheets and columns: :mod:`prestatie.afspraken.sjabloon_layout`; one
cell there and back: :mod:`prestatie.afspraken.sjabloon_cells`.

Reading turns the cells into the structure of an afspraken file, writes that as TOML
(:mod:`prestatie.afspraken.toml_writer`) and lets
:func:`prestatie.afspraken.toml_reader.parse_agreement` check it, as with the files in
data/afspraken. Every error becomes a :class:`~prestatie.inlezen.errors.Problem` with sheet, row
as Excel shows it, column and value (:mod:`prestatie.afspraken.sjabloon_errors`); nothing is
ever stored (the page does that, after a click, with
:func:`prestatie.opslag.register_store.save_version`).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, fields

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation

from prestatie.afspraken import schema, toml_reader
from prestatie.afspraken.schema import Agreement, Doel
from prestatie.afspraken.sjabloon_cells import (
    CellError,
    cell_value,
    norm_text,
    number_text,
    read_cell,
    text,
    yes_no,
)
from prestatie.afspraken.sjabloon_errors import Origins
from prestatie.afspraken.sjabloon_layout import (
    AFSPRAAK_COLUMNS,
    AFSPRAKEN,
    COLUMNS,
    DOCUMENT,
    DOEL_COLUMNS,
    DOELEN,
    EXPLANATION,
    PARAM_COLUMNS,
    SHEETS,
    Grid,
    explanation,
)
from prestatie.afspraken.toml_writer import toml_text
from prestatie.inlezen import uploads
from prestatie.inlezen.errors import ImportRefused, Problem
from prestatie.inlezen.sheet_rows import column_letter


@dataclass(frozen=True)
class Imported:
    """A valid agreement document from a template, with the TOML text to store."""

    agreement: Agreement
    toml: str


# --- Agreement -> cells ----------------------------------------------------------------------


def to_grids(agreement: Agreement) -> dict[str, Grid]:
    """The cells of the sheets Document, Afspraken and Doelen for an agreement."""
    doc = agreement.document
    document: Grid = [
        ["veld", "waarde"],
        ["id", doc.id],
        ["titel", doc.titel],
        ["gemeente", doc.gemeente],
        *[["partij", partij] for partij in doc.partijen],
        ["periode", f"{doc.periode[0]}-{doc.periode[1]}"],
        ["bron", doc.bron],
        ["ondertekend", doc.ondertekend],
        *[[f"thema {code}", name] for code, name in doc.themas.items()],
    ]
    afspraken: Grid = [list(AFSPRAAK_COLUMNS)]
    afspraken += [[getattr(a, k) for k in AFSPRAAK_COLUMNS] for a in agreement.afspraken]
    doelen: Grid = [list(DOEL_COLUMNS)] + [_doel_row(d) for d in agreement.doelen]
    return {DOCUMENT: document, AFSPRAKEN: afspraken, DOELEN: doelen}


def _doel_row(doel: Doel) -> list[object]:
    values = {
        "corporaties": ", ".join(doel.corporaties),
        "per_corporatie": yes_no(doel.per_corporatie),
        "kern": doel.kern or "",
        "norm": norm_text(doel),
        **{k: cell_value(v) for k, v in doel.params.items()},
    }
    return [values.get(k, getattr(doel, k, "")) for k in DOEL_COLUMNS]


# --- the workbook ------------------------------------------------------------------------------


def write(agreement: Agreement) -> bytes:
    """The template as an xlsx, filled with the agreement; text cells stay text (no formulas)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, grid in to_grids(agreement).items():
        _fill(workbook.create_sheet(name), grid)
    _dropdowns(workbook)
    _fill(workbook.create_sheet(EXPLANATION), explanation())
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


_WIDTHS = {"tekst": 70, "resultaat": 40, "toelichting": 50, "omschrijving": 40, "waarde": 70}


def _fill(sheet, grid: Grid) -> None:
    for r, row in enumerate(grid, start=1):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(r, c)
            if isinstance(value, str):
                cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
                cell.data_type = "s"  # "=..." is text here, never a formula
                cell.quotePrefix = value.startswith(("=", "+", "-", "@"))
            else:
                cell.value = value
    for c, header in enumerate(grid[0], start=1):
        sheet.cell(1, c).font = Font(bold=True)
        column = sheet.cell(1, c).column_letter
        sheet.column_dimensions[column].width = _WIDTHS.get(str(header), 16)
        if str(header) in _WIDTHS:
            for cell in sheet[column][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"


def _dropdowns(workbook: Workbook) -> None:
    """Drop-down lists for the columns with a fixed set of values."""
    lists = {
        (AFSPRAKEN, "status"): schema.AFSPRAAK_STATUSES,
        (DOELEN, "soort"): schema.KINDS,
        (DOELEN, "richting"): schema.DIRECTIONS,
        (DOELEN, "per_corporatie"): ("ja", "nee"),
        (DOELEN, "inclusief"): ("ja", "nee"),
        (DOELEN, "gemiddeld"): ("ja", "nee"),
        (DOELEN, "verkooplabel"): ("ja", "nee"),
    }
    for (sheet, column), choices in lists.items():
        col = column_letter(COLUMNS[sheet].index(column))
        validation = DataValidation(
            type="list", formula1=f'"{",".join(choices)}"', allow_blank=True
        )
        workbook[sheet].add_data_validation(validation)
        validation.add(f"{col}2:{col}2000")


# --- cells -> Agreement ----------------------------------------------------------------------


def read(file_name: str, data: bytes) -> Imported:
    """A filled-in template -> a checked agreement; ImportRefused names sheet, row, column."""
    sheets = {s.name: s for s in uploads.read_sheets(file_name, data)}
    missing = [name for name in SHEETS if name not in sheets]
    if missing:
        raise ImportRefused(
            [
                Problem(file_name, f'blad "{name}" ontbreekt; gebruik het sjabloon van de app')
                for name in missing
            ]
        )
    problems = [
        Problem(
            file_name,
            "een formule zonder berekende waarde; typ de waarde zelf",
            name,
            r,
            column_letter(c),
        )
        for name in SHEETS
        for r, c in sorted(sheets[name].uncached)
    ]
    if problems:
        raise ImportRefused(problems)
    return from_grids(file_name, {name: sheets[name].rows for name in SHEETS})


def table(agreement: Agreement, sheet: str) -> pd.DataFrame:
    """Sheet Afspraken or Doelen as text columns, for editing in the app; index = Excel row."""
    grid = to_grids(agreement)[sheet]
    frame = pd.DataFrame([[_as_text(c) for c in row] for row in grid[1:]], columns=grid[0])
    frame.index = pd.RangeIndex(2, len(frame) + 2, name="rij")
    return frame


def with_table(agreement: Agreement, sheet: str, frame: pd.DataFrame) -> Imported:
    """The agreement with sheet ``sheet`` replaced by an edited :func:`table`, checked."""
    grids = to_grids(agreement)
    rows = frame.astype(object).where(frame.notna(), "").values.tolist()
    grids[sheet] = [list(frame.columns), *rows]
    return from_grids(f"tabel {sheet}", grids)


def _as_text(value: object) -> str:
    if isinstance(value, float):
        return number_text(value, "")
    return str(value)


def from_grids(file_name: str, grids: dict[str, Grid]) -> Imported:
    """Cells of the three sheets -> TOML text -> toml_reader.parse_agreement; ImportRefused."""
    problems: list[Problem] = []
    parsed, field_rows = _document(file_name, grids[DOCUMENT], problems)
    document = {k: parsed[k] for k in _DOCUMENT_ORDER if k in parsed}
    afspraken = _sheet_rows(file_name, AFSPRAKEN, grids[AFSPRAKEN], "nummer", problems)
    doelen = _sheet_rows(file_name, DOELEN, grids[DOELEN], "id", problems)
    if problems:
        raise ImportRefused(problems)
    toml = toml_text(
        {
            "document": document,
            "afspraak": [_afspraak(row) for _, row in afspraken],
            "doel": [_doel(row) for _, row in doelen],
        }
    )
    try:
        agreement = toml_reader.parse_agreement(toml, f"{document['id']}.toml")
    except toml_reader.TargetFileError as error:
        origins = Origins(file_name, field_rows, afspraken, doelen, grids)
        raise ImportRefused([origins.problem(str(error), f"{document['id']}.toml")]) from None
    return Imported(agreement, toml)


_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")
_DOCUMENT_ORDER = tuple(f.name for f in fields(schema.Document))  # the keys of [document]


def _document(
    file_name: str, grid: Grid, problems: list[Problem]
) -> tuple[dict[str, object], dict[str, int]]:
    """Sheet Document (veld | waarde) -> the [document] table, and the row of each veld."""
    document: dict[str, object] = {"partijen": [], "themas": {}}
    field_rows: dict[str, int] = {}
    for r, row in enumerate(grid[1:], start=2):
        field = text(row[0] if row else "")
        value = text(row[1]) if len(row) > 1 else ""
        if not field:
            continue
        error = _document_field(document, field, value)
        field = field.lower()
        if error:
            problems.append(Problem(file_name, error, DOCUMENT, r, "B (waarde)", value))
        field_rows.setdefault(field.split()[0], r)
    if not _ID.fullmatch(str(document.get("id", ""))):
        problems.append(
            Problem(
                file_name,
                "id ontbreekt of is ongeldig: kleine letters, cijfers en streepjes",
                DOCUMENT,
                field_rows.get("id"),
                "B (waarde)",
                document.get("id"),
            )
        )
    return document, field_rows


def _document_field(document: dict[str, object], field: str, value: str) -> str | None:
    """Puts one row of sheet Document in place; returns what is wrong with it, if anything."""
    code = field[len("thema ") :].strip()
    field = field.lower()
    if field == "partij":
        document["partijen"].append(value)
    elif field.startswith("thema ") and code:
        document["themas"][code] = value
    elif field == "periode":
        years = re.fullmatch(r"(\d{4})(?:\s*-\s*(\d{4}))?", value)
        if not years:
            return "periode: schrijf eerste en laatste jaar, bijvoorbeeld 2021-2024"
        document["periode"] = [int(years[1]), int(years[2] or years[1])]
    elif field in ("id", "titel", "gemeente", "bron", "ondertekend"):
        document[field] = value
    else:
        return f'onbekend veld "{field}" in kolom A'
    return None


def _sheet_rows(
    file_name: str, sheet: str, grid: Grid, key: str, problems: list[Problem]
) -> list[tuple[int, dict[str, object]]]:
    """Sheet Afspraken or Doelen -> (Excel row, {column: value}) per non-empty row."""
    header = [text(c).lower() for c in (grid[0] if grid else [])]
    known = COLUMNS[sheet]
    required = known if sheet == AFSPRAKEN else DOEL_COLUMNS[:10]
    header_problems = [
        Problem(file_name, f'onbekende kolom "{name}"', sheet, 1, column_letter(c))
        for c, name in enumerate(header)
        if name and name not in known
    ] + [
        Problem(file_name, f'kolom "{name}" ontbreekt', sheet, 1)
        for name in required
        if name not in header
    ]
    if header_problems:
        problems.extend(header_problems)
        return []
    rows, seen = [], {}
    for r, cells in enumerate(grid[1:], start=2):
        if all(c is None or c == "" for c in cells):
            continue
        row = {}
        for c, name in enumerate(header):
            if name:
                value = cells[c] if c < len(cells) else ""
                try:
                    row[name] = read_cell(name, value)
                except CellError as error:
                    problems.append(
                        Problem(
                            file_name, str(error), sheet, r, f"{column_letter(c)} ({name})", value
                        )
                    )
        id_ = str(row.get(key, ""))
        place = f"{column_letter(header.index(key))} ({key})"
        if not id_:
            problems.append(Problem(file_name, f"{key} is leeg", sheet, r, place))
        elif id_ in seen:
            problems.append(
                Problem(
                    file_name, f"{key} {id_} staat ook in rij {seen[id_]}", sheet, r, place, id_
                )
            )
        seen.setdefault(id_, r)
        rows.append((r, row))
    return rows


def _afspraak(row: dict[str, object]) -> dict[str, object]:
    return {k: row.get(k, "") for k in AFSPRAAK_COLUMNS}


def _doel(row: dict[str, object]) -> dict[str, object]:
    """A row of Doelen as a [[doel]] table; an empty per_corporatie or parameter is left out,
    so toml_reader reports it when the soort needs it."""
    doel: dict[str, object] = {}
    for column in DOEL_COLUMNS:
        value = row.get(column)
        if column == "corporaties":
            doel[column] = value or []
        elif column == "norm":
            doel[column] = {} if value is None else value
        elif value not in (None, ""):
            doel[column] = value
        elif column not in (*PARAM_COLUMNS, "per_corporatie"):
            doel[column] = ""
    return doel
