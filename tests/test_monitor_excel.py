"""The Excel export of the monitor: opened again with openpyxl and with calamine (another reader),
checked cell by cell on hand-made evaluations, stock, production and imports."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

import openpyxl
import pandas as pd
import pytest
from python_calamine import CalamineWorkbook

from prestatie.beoordeling.selectie import Filters
from prestatie.beoordeling.status import Evaluation
from prestatie.presenteren import monitor_excel

TODAY = date(2026, 11, 21)
FORMULAS = ('=HYPERLINK("http://x","klik")', "+31 6 1234", "-2+3", "@SUM(A1:A2)")


def ev(**kw) -> Evaluation:
    fields = {
        "document": "borger-odoorn-2023",
        "document_titel": "Prestatieafspraken 2023 Borger-Odoorn",
        "afspraak": "A1",
        "doel": "A1",
        "omschrijving": "Minimaal 90% tot de 2e aftoppingsgrens",
        "soort": "aandeel_huur",
        "corporatie": "Lefier",
        "gemeente": "Borger-Odoorn",
        "jaar": 2024,
        "periode": "2024",
        "richting": "min",
        "norm": 0.9,
        "waarde": 0.913,
        "status": "behaald",
        "tekort": 0,
        "basis": 1000.0,
        "peildatum": date(2024, 12, 31),
        "uitleg": "913 van 1.000 woningen (91,3%)",
    }
    fields.update(kw)
    return Evaluation(**fields)


EVALUATIONS = [
    ev(),
    ev(
        soort="jaarschijf",
        doel="B6",
        omschrijving="Lefier verkoopt 6 tot 8 woningen per jaar",
        richting="band",
        norm=(6, 8),
        waarde=3,
        status="niet behaald",
        tekort=3,
        basis=None,
        peildatum=None,
        uitleg=FORMULAS[2],
    ),
    ev(soort="jaarschijf", doel="B7", norm=1250, waarde=None, status="geen gegevens"),
    ev(omschrijving=FORMULAS[0], corporatie=FORMULAS[1], uitleg=FORMULAS[3]),
]


def voorraad(corporatie, gemeente, peildatum, vhe, tweede):
    return {
        "corporatie": corporatie,
        "gemeente": gemeente,
        "peildatum": peildatum,
        "vhe": vhe,
        "huur_tot": {
            "kwaliteitskortingsgrens": 10,
            "eerste_aftoppingsgrens": 20,
            "tweede_aftoppingsgrens": tweede,
            "liberalisatiegrens": vhe,
        },
        "labels": {k: 0 for k in ("A++++", "A+++", "A++", "A+", "A", "B", "C", "D", "E", "F")}
        | {"G": 1, "onbekend": vhe - 1},
    }


VOORRAAD = [
    voorraad("Lefier", "Borger-Odoorn", "2024-01-01", 1234, 1100),  # verslagjaar 2023
    voorraad("Lefier", "Borger-Odoorn", "2024-12-31", 1250, 1111),
    voorraad("Domesta", "Emmen", "2024-12-31", 1440, 1368),
]


def productie(corporatie, gemeente, jaar, soort, aantal):
    keys = ("corporatie", "gemeente", "jaar", "soort", "aantal")
    return dict(zip(keys, (corporatie, gemeente, jaar, soort, aantal), strict=True))


PRODUCTIE = [
    productie("Lefier", "Borger-Odoorn", 2024, "sloop", 4),
    productie("Lefier", "Borger-Odoorn", 2023, "sloop", 9),
    productie("Domesta", "Emmen", 2024, "nieuwbouw", 24),
]
BATCHES = pd.DataFrame(
    {
        "id": [3, 2, 1],
        "bestand": ["=cmd|' /C calc'!A0.xlsx", "bezit.xlsx", "emmen.xlsx"],
        "soort": ["voorraad", "woz", "voorraad"],
        "corporatie": ["Lefier", "Lefier", "Domesta"],
        "gemeente": ["Borger-Odoorn", None, "Emmen"],
        "peildatum": pd.to_datetime(["2024-12-31", "2024-12-31", "2024-12-31"]),
        "jaar_van": pd.array([None, None, None], dtype="Int32"),
        "jaar_tot": pd.array([None, None, None], dtype="Int32"),
        "rijen": [1250, 3000, 1440],
        "waarschuwingen": [2, 0, 0],
        "demo": [False, False, False],
        "gebruiker": ["@jan", None, None],
        "ingelezen": pd.to_datetime(
            ["2026-11-20 14:05:59.5", "2026-11-19 09:00:00.0", "2026-11-18 00:00:00.0"]
        ),
        "vervangen_door": pd.array([None, None, None], dtype="Int32"),
        "ongedaan": pd.to_datetime([None, None, None]),
        "sha256": ["a" * 64, "b" * 64, "c" * 64],
        "stand": ["actief", "actief", "actief"],
    }
)


@pytest.fixture(scope="module")
def workbook_file() -> bytes:
    return monitor_excel.workbook_bytes(
        EVALUATIONS, VOORRAAD, PRODUCTIE, BATCHES, Filters(gemeente="Borger-Odoorn"), TODAY
    )


@pytest.fixture(scope="module")
def book(workbook_file):
    return openpyxl.load_workbook(io.BytesIO(workbook_file))


def rows(sheet) -> list[list]:
    return [[c.value for c in row] for row in sheet.iter_rows()]


def test_sheets_and_about(book):
    assert book.sheetnames == [
        "Toelichting",
        "Doelen",
        "Voorraad",
        "Productie",
        "Verhuringen",
        "Bronbestanden",
    ]
    about = book["Toelichting"]
    assert about["B2"].value == datetime(2026, 11, 21) and about["B2"].number_format == "dd-mm-yyyy"
    assert [about["B3"].value, about["B4"].value, about["B5"].value, about["B6"].value] == [
        "Borger-Odoorn",
        "alle corporaties",
        "alle jaren",
        4,
    ]


def test_every_target_with_norm_value_and_status_as_numbers(book):
    sheet = book["Doelen"]
    header = [c.value for c in sheet[1]]
    assert header[:5] == ["Status", "Document", "Afspraak", "Doel", "Omschrijving"]
    assert sheet.max_row == 1 + 4
    col = {name: i + 1 for i, name in enumerate(header)}
    share = {name: sheet.cell(2, col[name]) for name in header}
    assert share["Status"].value == "behaald"
    assert share["Document"].value == "Prestatieafspraken 2023 Borger-Odoorn"  # not its id
    assert share["Norm"].value == 0.9 and share["Norm"].number_format == "0.0%"
    assert share["Gerealiseerd"].value == 0.913 and share["Gerealiseerd"].number_format == "0.0%"
    assert share["Basis (woningen)"].value == 1000
    assert share["Basis (woningen)"].number_format == "#,##0"
    assert share["Peildatum"].value == datetime(2024, 12, 31)
    assert share["Peildatum"].number_format == "dd-mm-yyyy"
    band = {name: sheet.cell(3, col[name]).value for name in header}
    assert band["Norm"] == "6 tot 8" and band["Gerealiseerd"] == 3
    assert sheet.cell(3, col["Gerealiseerd"]).number_format == "#,##0"
    assert band["Tekort (woningen)"] == 3 and band["Peildatum"] is None
    missing = {name: sheet.cell(4, col[name]).value for name in header}
    assert missing["Status"] == "geen gegevens" and missing["Gerealiseerd"] is None
    assert missing["Norm"] == 1250
    # the status cell in its status colour (behaald = #1a7f37)
    assert share["Status"].fill.fgColor.rgb.upper().endswith("1A7F37")


def test_text_that_looks_like_a_formula_stays_text(book, workbook_file):
    sheet = book["Doelen"]
    found = {c.value: c for row in sheet.iter_rows() for c in row if c.value in FORMULAS}
    assert set(found) == set(FORMULAS)
    for cell in found.values():
        assert cell.data_type == "s" and cell.quotePrefix
    files = book["Bronbestanden"]
    assert files["B2"].value == "=cmd|' /C calc'!A0.xlsx" and files["B2"].data_type == "s"
    assert files["L2"].value == "@jan" and files["L2"].data_type == "s"
    with zipfile.ZipFile(io.BytesIO(workbook_file)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert sheets and not any(b"<f>" in archive.read(n) for n in sheets)


def test_stock_production_and_imports_narrowed_to_the_gemeente(book):
    stock = rows(book["Voorraad"])
    assert stock[0][:6] == [
        "Corporatie",
        "Gemeente",
        "Peildatum",
        "Verslagjaar",
        "Woningen (vhe)",
        "Huur t/m kwaliteitskortingsgrens",
    ]
    assert [r[:5] for r in stock[1:]] == [
        ["Lefier", "Borger-Odoorn", datetime(2024, 1, 1), 2023, 1234],
        ["Lefier", "Borger-Odoorn", datetime(2024, 12, 31), 2024, 1250],
    ]
    assert stock[2][7] == 1111 and stock[0][7] == "Huur t/m 2e aftoppingsgrens"
    assert stock[2][stock[0].index("Label onbekend")] == 1249
    assert book["Voorraad"]["C2"].number_format == "dd-mm-yyyy"
    assert rows(book["Productie"])[1:] == [
        ["Lefier", "Borger-Odoorn", 2024, "sloop", 4],
        ["Lefier", "Borger-Odoorn", 2023, "sloop", 9],
    ]
    files = rows(book["Bronbestanden"])
    assert [r[0] for r in files[1:]] == [3, 2]  # the bezitstabel without gemeente counts too
    assert files[1][12] == datetime(2026, 11, 20, 14, 5, 59)
    assert book["Bronbestanden"]["M2"].number_format == "dd-mm-yyyy hh:mm"


def test_year_filter_narrows_stock_by_verslagjaar(workbook_file):
    data = monitor_excel.workbook_bytes(
        [], VOORRAAD, PRODUCTIE, BATCHES, Filters("Borger-Odoorn", "Lefier", 2023), TODAY
    )
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert [r[2] for r in rows(book["Voorraad"])[1:]] == [datetime(2024, 1, 1)]
    assert [r[4] for r in rows(book["Productie"])[1:]] == [9]
    assert book["Doelen"].max_row == 1


def test_another_reader_sees_the_same_cells(workbook_file):
    book = CalamineWorkbook.from_filelike(io.BytesIO(workbook_file))
    doelen = book.get_sheet_by_name("Doelen").to_python()
    assert doelen[1][9] == 0.9 and doelen[1][11] == 0.913
    assert doelen[4][4] == FORMULAS[0] and doelen[4][5] == FORMULAS[1]
    files = book.get_sheet_by_name("Bronbestanden").to_python()
    assert files[1][1] == "=cmd|' /C calc'!A0.xlsx"


def test_file_name_carries_selection_and_day():
    assert (
        monitor_excel.file_name(Filters("Borger-Odoorn", "Lefier", 2024), TODAY, "xlsx")
        == "monitor-borger-odoorn-lefier-2024-2026-11-21.xlsx"
    )
    assert monitor_excel.file_name(Filters(), TODAY, "pptx") == "monitor-alle-2026-11-21.pptx"
