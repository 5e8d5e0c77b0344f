"""The monitor as an Excel workbook for the minutes: every target with norm, value and status,
and the tables behind it (stock, production, the imported files).

Numbers stay numbers, with formats Excel shows the Dutch way on a Dutch machine (``0.0%``,
``#,##0``, dates ``dd-mm-yyyy``: the format codes are stored locale-neutral and Excel
localises them). Every text cell is written as text (``data_type`` "s", with Excel's quote
prefix), so a value from an uploaded file that starts with ``=``, ``+``, ``-`` or ``@`` shows
as typed and can never run as a formula, not even after someone edits the cell.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from prestatie.afspraken import schema
from prestatie.beoordeling import scorecard
from prestatie.beoordeling.selectie import Filters
from prestatie.beoordeling.status import STATUS_KLEUREN, Evaluation
from prestatie.presenteren import slides
from prestatie.referentie import huurgrenzen, labels
from prestatie.referentie.peildatum import verslagjaar

PERCENT, WHOLE, YEAR, DATE, DATETIME = "0.0%", "#,##0", "0", "dd-mm-yyyy", "dd-mm-yyyy hh:mm"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHARE_KINDS = schema.SHARE_KINDS


@dataclass(frozen=True)
class Cell:
    """A value with its own number format (for columns that mix shares and counts)."""

    value: object
    format: str | None = None


@dataclass(frozen=True)
class Column:
    header: str
    width: float = 14
    format: str | None = None


# ---- the sheets -------------------------------------------------------------------------------


def workbook_bytes(
    evaluations: list[Evaluation],
    voorraad: list[dict],
    productie: list[dict],
    batches: pd.DataFrame,
    filters: Filters,
    today: date,
    verhuringen: list[dict] | None = None,
) -> bytes:
    """The workbook for the selection (``evaluations`` already narrowed to it; the stock,
    production, lettings (the rows of ``woningzoekenden.verhuringen.summary``) and batches are
    narrowed here)."""
    book = Workbook()
    _about(book.active, filters, today, len(evaluations))
    _write(book.create_sheet("Doelen"), DOEL_COLUMNS, [_doel_row(e) for e in evaluations])
    _status_colours(book["Doelen"])
    stock = [r for r in voorraad if _in_selection(r, filters, _stock_year(r))]
    _write(book.create_sheet("Voorraad"), _voorraad_columns(), [_voorraad_row(r) for r in stock])
    made = [r for r in productie if _in_selection(r, filters, r["jaar"])]
    _write(book.create_sheet("Productie"), PRODUCTIE_COLUMNS, [_productie_row(r) for r in made])
    let = [r for r in verhuringen or [] if _in_selection(r, filters, r["jaar"])]
    _write(book.create_sheet("Verhuringen"), VERHUUR_COLUMNS, [_verhuur_row(r) for r in let])
    files = slides.in_selection(batches, filters)
    _write(book.create_sheet("Bronbestanden"), BATCH_COLUMNS, _batch_rows(files))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _about(sheet: Worksheet, filters: Filters, today: date, count: int) -> None:
    sheet.title = "Toelichting"
    lines = [
        ("Monitor prestatieafspraken", None),
        ("Stand op", today),
        ("Gemeente", filters.gemeente or "alle gemeenten"),
        ("Corporatie", filters.corporatie or "alle corporaties"),
        ("Jaar", filters.jaar or "alle jaren"),
        ("Doelen", count),
        ("", None),
        ("Bladen", "Doelen: elk doel met norm, gerealiseerde waarde en status"),
        ("", "Voorraad: per corporatie, gemeente en peildatum de woningen (vhe), tot elke"),
        ("", "huurgrens (tot en met de grens die op de peildatum gold) en per energielabel"),
        ("", "Productie: per corporatie, gemeente, jaar en soort het gerealiseerde aantal"),
        ("", "Bronbestanden: elk ingelezen bestand met zijn stand (actief, vervangen, ongedaan)"),
    ]
    for row, (label, value) in enumerate(lines, start=1):
        _put(sheet.cell(row, 1), label)
        _put(sheet.cell(row, 2), value, DATE if isinstance(value, date) else None)
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["B"].width = 90


DOEL_COLUMNS = [
    Column("Status", 14),
    Column("Document", 34),
    Column("Afspraak", 10),
    Column("Doel", 24),
    Column("Omschrijving", 50),
    Column("Corporatie", 18),
    Column("Gemeente", 15),
    Column("Periode", 10),
    Column("Soort", 15),
    Column("Norm", 10),
    Column("Norm (tekst)", 16),
    Column("Gerealiseerd", 13),
    Column("Tekort (woningen)", 12, WHOLE),
    Column("Basis (woningen)", 12, WHOLE),
    Column("Peildatum", 12, DATE),
    Column("Berekening", 90),
]


def _number(e: Evaluation, value) -> Cell:
    """A norm or value: a share as a percentage, a count as a whole number, else text."""
    if isinstance(value, tuple):
        return Cell(scorecard.norm_text(e))  # a band: "6 tot 8", "−60 tot −10"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Cell(float(value), PERCENT if e.soort in SHARE_KINDS else WHOLE)
    return Cell(value)


def _doel_row(e: Evaluation) -> list:
    return [
        e.status,
        e.document_naam,
        e.afspraak,
        e.doel,
        e.omschrijving,
        e.corporatie,
        e.gemeente,
        e.periode,
        e.soort,
        _number(e, e.norm),
        scorecard.norm_text(e),
        _number(e, e.waarde),
        e.tekort,
        e.basis,
        e.peildatum,
        e.uitleg,
    ]


def _status_colours(sheet: Worksheet) -> None:
    for (cell,) in sheet.iter_rows(min_row=2, max_col=1):
        colour = STATUS_KLEUREN.get(cell.value)
        if colour:
            cell.fill = PatternFill("solid", fgColor=colour.lstrip("#"))
            cell.font = Font(color="FFFFFF", bold=True)


def _voorraad_columns() -> list[Column]:
    return [
        Column("Corporatie", 18),
        Column("Gemeente", 15),
        Column("Peildatum", 12, DATE),
        Column("Verslagjaar", 11, YEAR),
        Column("Woningen (vhe)", 14, WHOLE),
        *[Column(f"Huur t/m {huurgrenzen.naam(g)}", 16, WHOLE) for g in huurgrenzen.GRENZEN],
        *[Column(f"Label {k}", 10, WHOLE) for k in labels.ALLE],
    ]


def _stock_year(row: dict) -> int:
    return verslagjaar(date.fromisoformat(row["peildatum"]))


def _voorraad_row(row: dict) -> list:
    peil = date.fromisoformat(row["peildatum"])
    return [
        row["corporatie"],
        row["gemeente"],
        peil,
        verslagjaar(peil),
        row["vhe"],
        *[row["huur_tot"][g] for g in huurgrenzen.GRENZEN],
        *[row["labels"][k] for k in labels.ALLE],
    ]


PRODUCTIE_COLUMNS = [
    Column("Corporatie", 18),
    Column("Gemeente", 15),
    Column("Jaar", 8, YEAR),
    Column("Soort", 16),
    Column("Aantal", 10, WHOLE),
]


def _productie_row(row: dict) -> list:
    return [row["corporatie"], row["gemeente"], row["jaar"], row["soort"], row["aantal"]]


VERHUUR_COLUMNS = [
    Column("Corporatie", 16),
    Column("Gemeente", 15),
    Column("Jaar", 8, YEAR),
    Column("Verhuringen", 12, WHOLE),
    Column("Statushouders", 13, WHOLE),
    Column("Aandeel statushouders", 12, PERCENT),
    *(Column(f"t/m {huurgrenzen.NAMEN[g]}", 14, PERCENT) for g in huurgrenzen.GRENZEN),
    Column("Mediane zoekduur (maanden)", 14, "0.0"),
    Column("Binnen 12 maanden", 12, PERCENT),
    Column("Zoekduur bekend", 12, WHOLE),
    Column("Gemeten als", 26),
]


def _verhuur_row(row: dict) -> list:
    return [
        row["corporatie"], row["gemeente"], row["jaar"], row["aantal"],
        _plain(row["statushouders"]), _plain(row["aandeel_statushouders"]),
        *(_plain(row[f"aandeel_tot_{g}"]) for g in huurgrenzen.GRENZEN),
        _plain(row["zoekduur_mediaan"]), _plain(row["binnen_12"]), row["zoekduur_bekend"],
        row["gemeten"],
    ]  # fmt: skip


BATCH_COLUMNS = [
    Column("Import", 8, YEAR),
    Column("Bestand", 50),
    Column("Soort", 12),
    Column("Corporatie", 16),
    Column("Gemeente", 15),
    Column("Peildatum", 12, DATE),
    Column("Jaar van", 9, YEAR),
    Column("Jaar tot", 9, YEAR),
    Column("Rijen", 10, WHOLE),
    Column("Waarschuwingen", 14, WHOLE),
    Column("Demo", 7),
    Column("Ingelezen door", 16),
    Column("Ingelezen", 17, DATETIME),
    Column("Stand", 22),
    Column("Ongedaan gemaakt", 17, DATETIME),
    Column("SHA-256", 66),
]


def _batch_rows(batches: pd.DataFrame) -> list[list]:
    return [
        [
            r.id,
            r.bestand,
            r.soort,
            r.corporatie,
            r.gemeente,
            _day(r.peildatum),
            r.jaar_van,
            r.jaar_tot,
            r.rijen,
            r.waarschuwingen,
            "ja" if r.demo else "nee",
            r.gebruiker,
            _moment(r.ingelezen),
            r.stand,
            _moment(r.ongedaan),
            r.sha256,
        ]
        for r in batches.itertuples()
    ]


def _in_selection(row: dict, filters: Filters, year: int) -> bool:
    return (
        filters.gemeente in (None, row["gemeente"])
        and filters.corporatie in (None, row["corporatie"])
        and filters.jaar in (None, year)
    )


# ---- writing cells ----------------------------------------------------------------------------


def _write(sheet: Worksheet, columns: list[Column], rows: list[list]) -> None:
    """A header row in bold, frozen and filterable; then the rows."""
    for c, column in enumerate(columns, start=1):
        _put(sheet.cell(1, c), column.header)
        sheet.cell(1, c).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(c)].width = column.width
    for r, row in enumerate(rows, start=2):
        for c, (column, value) in enumerate(zip(columns, row, strict=True), start=1):
            if isinstance(value, Cell):
                _put(sheet.cell(r, c), value.value, value.format)
            else:
                _put(sheet.cell(r, c), value, column.format)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, len(rows) + 1)}"


def _put(cell, value, number_format: str | None = None) -> None:
    """One value: missing stays empty, text is text (never a formula), numbers are numbers."""
    value = _plain(value)
    if value is None:
        return
    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"  # openpyxl would take "=…" for a formula
        cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
        return
    cell.value = value
    if number_format:
        cell.number_format = number_format


def _plain(value):
    """numpy/pandas scalars to Python; NaN, NaT and pd.NA to None."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, bool | str | date | datetime):
        return value
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    return value


def _day(value) -> date | None:
    return None if pd.isna(value) else pd.Timestamp(value).date()


def _moment(value) -> datetime | None:
    return None if pd.isna(value) else pd.Timestamp(value).to_pydatetime().replace(microsecond=0)


def file_name(filters: Filters, today: date, extension: str) -> str:
    """ "monitor-borger-odoorn-2026-11-21.xlsx": the selection and the day in the name."""
    parts = [p for p in (filters.gemeente, filters.corporatie, filters.jaar) if p]
    words = "-".join(str(p).lower().replace(" ", "-") for p in parts) or "alle"
    return f"monitor-{words}-{today.isoformat()}.{extension}"
