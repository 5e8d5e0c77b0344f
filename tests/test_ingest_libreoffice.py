"""Files saved by LibreOffice Calc (xlsx, xls and ods, written by `soffice --headless
--convert-to`, see tests/data/make_files.py) import like Excel's: the same rows, rents, labels,
dates, warnings and refusals, each naming the row and column. LibreOffice writes its own way
(whole numbers in an xls, dates as numbers with a date style, every formula calculated), which is
the point. The expected figures are those counted by hand for the originals
(tests/data/README.md)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from prestatie import dashboard
from prestatie.inlezen.errors import ImportRefused
from prestatie.opslag import queries, store
from prestatie.referentie import labels
from tests.ingest_helpers import DATA, EMMEN, parse, problem_texts

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ("xlsx", "xls", "ods")


def saved(stem: str, fmt: str) -> str:
    return f"{stem} (LibreOffice).{fmt}"


def where(parsed_warnings) -> list[tuple[int, str]]:
    return sorted((w.row, w.column.split(" ")[0]) for w in parsed_warnings)


@pytest.mark.parametrize("fmt", FORMATS)
def test_stock_list(fmt):
    parsed = parse(saved("Domesta_woningbezit_Emmen_31-12-2023", fmt))
    assert parsed.kind == "voorraad"
    assert (parsed.meta.corporatie, parsed.meta.gemeente) == ("Domesta", "Emmen")
    assert parsed.meta.peildatum == date(2023, 12, 31)
    assert (parsed.layout.sheet_name, parsed.layout.header_index + 1) == ("Bezit", 4)
    assert parsed.rows == 16
    assert [row for row, _ in parsed.skipped] == [23, 24]  # Totaal now has a value: still left out
    assert parsed.blank_rows == 2
    vhe = parsed.vhe.set_index("vhe_id")
    assert vhe.loc[["10001", "10002", "10003"], "huur_cent"].tolist() == [61250] * 3
    assert vhe.loc["10004", "huur_cent"] == 123456
    assert vhe["huur_cent"].isna().sum() == 1
    assert vhe["huur_cent"].sum() == 1_227_761
    assert parsed.huur_kolom == "G (Kale huur)"
    assert vhe["label"].value_counts().to_dict() == {
        "A": 1,
        "A+": 1,
        "A++": 1,
        "B": 3,
        "C": 3,
        "D": 1,
        "E": 1,
        "F": 2,
        "G": 1,
        labels.ONBEKEND: 2,
    }
    assert vhe["kern"].value_counts().to_dict() == {
        "Emmen": 14,
        "Klazienaveen": 1,
        "Nieuw-Amsterdam": 1,
    }
    assert where(parsed.warnings) == [
        (10, "G"),
        (11, "G"),
        (12, "G"),
        (13, "J"),
        (14, "J"),
        (15, "I"),
    ]
    assert "rij 14, kolom J (Energie-index): label ontbreekt; afgeleid uit de energie-index" in (
        problem_texts(parsed.warnings)
    )
    assert f"bestand {saved('Domesta_woningbezit_Emmen_31-12-2023', fmt)}, blad Bezit" in (
        problem_texts(parsed.warnings)
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_ods_with_a_date_cell_saved_again(fmt):
    parsed = parse(saved("Woonservice voorraad Borger-Odoorn", fmt))
    assert (parsed.meta.corporatie, parsed.meta.gemeente) == ("Woonservice", "Borger-Odoorn")
    assert parsed.meta.peildatum == date(2023, 12, 31)  # the date cell beside "Peildatum:"
    vhe = parsed.vhe.set_index("vhe_id")
    assert list(vhe.index) == ["WS1", "WS2", "WS3", "WS4"]
    assert vhe["huur_cent"].tolist() == [45000, 61250, 64719, 70000]
    assert vhe["label"].value_counts().to_dict() == {"A": 1, "B": 2, "C": 1}
    assert [row for row, _ in parsed.skipped] == [9]
    assert parsed.warnings == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_formulas_calculated_by_libreoffice_are_read(fmt):
    """Written by a program, the formulas had no value (refused); LibreOffice calculates them."""
    parsed = parse(saved("Domesta_Emmen_formules", fmt))
    # =600+12.5, =600+20, =600+30
    assert parsed.vhe["huur_cent"].tolist() == [61250, 62000, 63000]
    assert parsed.vhe["vhe_id"].tolist() == ["D1", "D2", "D3"]
    assert parsed.warnings == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_woz_bezitstabel(fmt):
    name = saved("Lefier WOZ-bezitstabel 2023", fmt)
    parsed = parse(name, EMMEN)
    assert (parsed.kind, parsed.meta.corporatie, parsed.meta.jaar) == ("woz", "Lefier", 2023)
    vhe = parsed.vhe
    assert (len(vhe), vhe["aantal"].sum()) == (8, 9)
    assert vhe.groupby("gemeente")["aantal"].sum().to_dict() == {
        "Borger-Odoorn": 1,
        "Emmen": 7,
        "Groningen": 1,
    }
    prod = parsed.productie
    assert prod.groupby("soort")["aantal"].sum().to_dict() == {
        "nieuwbouw": 1,
        "sloop": 1,
        "verkoop": 2,
    }
    assert parsed.rows == 12
    assert where(parsed.warnings) == [(4, "R"), (6, "G"), (15, "R"), (15, "T")]
    with pytest.raises(ImportRefused) as refused:
        parse(name)
    [problem] = refused.value.problems
    assert (problem.row, problem.column) == (6, "G (Bag-verblijfsobject-id)")


@pytest.mark.parametrize("fmt", FORMATS)
def test_production_list_dates(fmt):
    parsed = parse(saved("Productie Domesta Emmen 2021-2023", fmt))
    prod = parsed.productie
    assert parsed.kind == "productie"
    assert [d.date() for d in prod["datum"]] == [
        date(2021, 3, 15),
        date(2023, 12, 31),  # the Excel serial 45291, a number in LibreOffice too
        date(2023, 11, 15),
        date(2023, 6, 30),
        date(2022, 2, 1),
        date(2022, 9, 1),
    ]
    assert prod["aantal"].tolist() == [12, 40, 25, 3, 8, 10]
    assert prod.groupby("jaar")["aantal"].sum().to_dict() == {2021: 12, 2022: 18, 2023: 68}
    assert parsed.skipped == [(10, "totaalregel, geen activiteit")]  # now with its sum, 98


@pytest.mark.parametrize("fmt", FORMATS)
def test_lettings_list(fmt):
    parsed = parse(saved("Domesta verhuringen Emmen 2023", fmt))
    table = parsed.verhuring
    assert parsed.kind == "verhuur"
    assert table["bron_rij"].tolist() == [5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17]
    assert [row for row, _ in parsed.skipped] == [19]
    assert [d.date() for d in table["datum"]][4:6] == [date(2023, 7, 1), date(2023, 6, 15)]
    assert set(table["jaar"]) == {2023}
    assert table["route"].value_counts().to_dict() == {
        "statushouder": 3,
        "overig": 3,
        "regulier": 2,
        "urgent": 2,
        "bemiddeling": 1,
        "doorstroming": 1,
    }
    assert table["huur_cent"].tolist()[:2] == [61250, 64719]  # € 647,19 exactly
    assert table["huishouden"].tolist() == [1, 4, 1, 3, 2, 1, 1, 2, 2, 2, 1, 1]
    assert where(parsed.warnings) == [
        (15, "F"),
        (15, "G"),
        (15, "H"),
        (16, "H"),
        (16, "K"),
        (17, "F"),
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_bad_date_is_refused_naming_row_and_column(fmt):
    name = saved("Domesta verhuringen Emmen zonder datum", fmt)
    with pytest.raises(ImportRefused) as refused:
        parse(name)
    text = problem_texts(refused.value.problems)
    assert (
        f"bestand {name}, blad Verhuringen, rij 4, kolom B (Datum ingang contract): onleesbare "
        "datum (waarde: 31-02-2023)"
    ) in text
    assert "rij 3, kolom B (Datum ingang contract): datum ontbreekt" in text


def test_all_libreoffice_files_in_one_import(con):
    names = [
        saved("Domesta_woningbezit_Emmen_31-12-2023", "xls"),
        saved("Productie Domesta Emmen 2021-2023", "ods"),
        saved("Domesta verhuringen Emmen 2023", "xlsx"),
    ]
    store.import_paths(con, [DATA / name for name in names])
    assert queries.vhe_rows(con)["aantal"].sum() == 16
    assert queries.productie_rows(con)["aantal"].sum() == 98
    assert len(queries.verhuring_rows(con)) == 12


def test_the_command_line_imports_an_xls(tmp_path):
    name = saved("Productie Domesta Emmen 2021-2023", "xls")
    done = subprocess.run(
        [sys.executable, "-m", "prestatie.cli", "import", str(DATA / name)]
        + ["--db", str(tmp_path / "p.duckdb"), "--nieuw"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert f"{name}: productie, Domesta, 6 rijen" in done.stdout


def test_the_upload_accepts_an_xls(tmp_path, monkeypatch):
    db = tmp_path / "leeg.duckdb"
    dashboard.open_database(db, demo=False).close()
    monkeypatch.setenv("PRESTATIE_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    at.switch_page("views/gegevens.py").run()
    name = saved("Domesta_woningbezit_Emmen_31-12-2023", "xls")
    at.file_uploader[0].upload(name, (DATA / name).read_bytes(), "application/vnd.ms-excel")
    at.run()
    assert not at.exception
    recognised = " ".join(m.value for m in at.markdown)
    assert "Domesta" in recognised and "Emmen" in recognised
    assert "16 rijen" in recognised and "blad Bezit" in recognised
