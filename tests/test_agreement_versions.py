"""Agreement versions are checked as strictly as uploads: amounts, norms and years within sane
bounds, a version is of its own document, dropping every target asks first, a gemeente without
stock is a warning; a version stored before these checks cannot break a page and can be undone
from the command line and from Gegevens (which does not draw any agreement).

Before: a template with bedrag 1e308 was accepted and every page but Gegevens raised
decimal.InvalidOperation; a template with Emmen's id overwrote Emmen; no command undid a version.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from prestatie import dashboard
from prestatie.afspraken import sjabloon, toml_reader, toml_writer
from prestatie.inlezen.errors import ImportRefused
from prestatie.opslag import register_store
from prestatie.toegang import rollen

ANS = rollen.lokaal("Ans")  # the local beheerder, named

APP = str(Path(__file__).resolve().parents[1] / "app.py")
SEEDS = toml_reader.default_folder()
BO = "borger-odoorn-2023"
BO_TEXT = (SEEDS / f"{BO}.toml").read_text(encoding="utf-8")
EMMEN_TEXT = (SEEDS / "emmen-2019-2024.toml").read_text(encoding="utf-8")
A1_BEDRAG = "bedrag = 678.66"  # Borger-Odoorn A1, once in the file
assert BO_TEXT.count(A1_BEDRAG) == 1


def with_bedrag(value: str) -> str:
    return BO_TEXT.replace(A1_BEDRAG, f"bedrag = {value}")


# --- the values: sane bounds ---------------------------------------------------------------


@pytest.mark.parametrize("value", ["1e308", "1e26", "inf", "nan", "0.0", "-5.0", "10000.01"])
def test_an_amount_outside_0_to_10000_euro_is_refused(value):
    with pytest.raises(toml_reader.TargetFileError) as caught:
        toml_reader.parse_agreement(with_bedrag(value), f"{BO}.toml")
    assert 'doel "A1": "bedrag" moet een bedrag groter dan € 0 en tot € 10.000 zijn' in str(
        caught.value
    )


def test_an_amount_of_10000_euro_is_accepted():
    agreement = toml_reader.parse_agreement(with_bedrag("10000.0"), f"{BO}.toml")
    assert agreement.doel("A1").params["bedrag"] == 10000.0


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("prijspeil = 2022\n", "prijspeil = 3022\n", '"prijspeil": 3022 is geen jaar van 2000'),
        ("periode = [2021, 2024]", "periode = [1021, 2024]", '"periode": 1021 is geen jaar'),
        ('"2021" = 0.90,', '"1899" = 0.90,', 'norm "1899": 1899 ligt niet in 2000-2100'),
        ('"2021" = 0.90,', '"2021" = 1.5,', "1.5 is geen aandeel tussen 0 en 1"),
    ],
)
def test_years_and_shares_outside_their_bounds_are_refused(old, new, message):
    assert old in BO_TEXT
    with pytest.raises(toml_reader.TargetFileError) as caught:
        toml_reader.parse_agreement(BO_TEXT.replace(old, new, 1), f"{BO}.toml")
    assert message in str(caught.value)


def test_a_count_of_more_than_a_million_homes_is_refused():
    text = EMMEN_TEXT
    start = text.index('id = "BB-15-modernisering"')
    norm = text.index("norm = {", start)
    end = text.index("}", norm)
    bad = text[:norm] + 'norm = { "2020-2024" = 100000000 }' + text[end + 1 :]
    with pytest.raises(toml_reader.TargetFileError) as caught:
        toml_reader.parse_agreement(bad, "emmen-2019-2024.toml")
    assert "100000000 is meer dan 1.000.000 woningen" in str(caught.value)


def test_the_template_names_the_cell_of_a_huge_amount():
    agreement = toml_reader.parse_agreement(BO_TEXT, f"{BO}.toml")
    book = openpyxl.load_workbook(io.BytesIO(sjabloon.write(agreement)))
    sheet = book["Doelen"]
    header = [c.value for c in sheet[1]]
    column = header.index("bedrag")
    ids = [row[0].value for row in sheet.iter_rows(min_row=2)]
    row = ids.index("A1") + 2
    sheet.cell(row=row, column=column + 1, value=1e308)
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(ImportRefused) as caught:
        sjabloon.read("ingevuld.xlsx", buffer.getvalue())
    [problem] = caught.value.problems
    assert (problem.sheet, problem.row) == ("Doelen", row)
    assert problem.column.endswith("(bedrag)")
    assert "moet een bedrag groter dan € 0" in problem.message


# --- the version as a whole ----------------------------------------------------------------


@pytest.fixture
def con(demo_db):
    connection = dashboard.open_database(demo_db, demo=False)
    yield connection
    connection.close()


def test_a_version_cannot_take_another_documents_id(con):
    before = dashboard.agreements(con)
    with pytest.raises(dashboard.VersionRefused) as caught:
        dashboard.save_agreement_version(con, BO, EMMEN_TEXT, "sjabloon x.xlsx", ANS)
    assert 'hoort bij document "emmen-2019-2024", niet bij "borger-odoorn-2023"' in str(
        caught.value
    )
    assert dashboard.agreements(con) == before
    assert dashboard.agreement_versions(con, "emmen-2019-2024").empty


def no_doelen(text: str) -> str:
    content = tomllib.loads(text)
    content["doel"] = []
    return toml_writer.toml_text(content)


def test_dropping_every_target_needs_confirmation(con):
    agreement = toml_reader.parse_agreement(no_doelen(BO_TEXT), f"{BO}.toml")
    found = dashboard.check_agreement_version(con, BO, agreement)
    seed = toml_reader.parse_agreement(BO_TEXT, f"{BO}.toml")
    assert found.confirm.startswith(
        f"Deze versie heeft geen enkel doel meer: de {len(seed.doelen)} doelen van de versie die "
        "nu geldt (A1, "
    )
    with pytest.raises(dashboard.VersionRefused):
        dashboard.save_agreement_version(con, BO, no_doelen(BO_TEXT), "x", ANS)
    assert dashboard.agreement_versions(con, BO).empty
    version = dashboard.save_agreement_version(
        con, BO, no_doelen(BO_TEXT), "x", ANS, confirmed=True
    )
    assert version == 2  # 1 is the text from data/afspraken
    [bo] = [a for a in dashboard.agreements(con) if a.document.id == BO]
    assert bo.doelen == ()


def test_a_gemeente_without_stock_is_a_warning(con):
    text = BO_TEXT.replace('gemeente = "Borger-Odoorn"', 'gemeente = "Zwolle"', 1)
    found = dashboard.check_agreement_version(
        con, BO, toml_reader.parse_agreement(text, f"{BO}.toml")
    )
    assert found.refused == () and found.confirm is None
    assert found.warnings == (
        "Er zijn nog geen voorraadgegevens voor gemeente Zwolle; de doelen krijgen 'geen "
        "gegevens' tot er een lijst is ingelezen.",
    )
    same = toml_reader.parse_agreement(BO_TEXT, f"{BO}.toml")
    assert dashboard.check_agreement_version(con, BO, same).warnings == ()


# --- a version stored before these checks ----------------------------------------------------


@pytest.fixture(scope="module")
def broken_db(demo_db_file, tmp_path_factory) -> Path:
    """The demo with a version of Borger-Odoorn holding bedrag 1e308, stored as an earlier
    version of prestatie did (without today's checks)."""
    path = tmp_path_factory.mktemp("broken") / "demo.duckdb"
    shutil.copy(demo_db_file, path)
    con = dashboard.open_database(path, demo=False)
    register_store.save_version(con, BO, with_bedrag("1e308"), "sjabloon oud.xlsx", "Ans")
    con.close()
    return path


PAGES = (
    "views/overzicht.py",
    "views/betaalbaarheid.py",
    "views/duurzaamheid.py",
    "views/voorraad.py",
    "views/afspraken.py",
    "views/gegevens.py",
    "views/presenteren.py",
)


@pytest.mark.parametrize("page", PAGES)
def test_a_version_stored_before_the_checks_breaks_no_page(page, broken_db, monkeypatch):
    monkeypatch.setenv("PRESTATIE_DB", str(broken_db))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    if page != "views/overzicht.py":
        at.switch_page(page).run()
    assert not at.exception, at.exception


def test_gegevens_names_the_broken_document_and_undoes_its_version(
    broken_db, tmp_path, monkeypatch
):
    db = tmp_path / "db.duckdb"
    shutil.copy(broken_db, db)
    monkeypatch.setenv("PRESTATIE_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("views/gegevens.py").run()
    errors = " ".join(e.value for e in at.error)
    assert "Document borger-odoorn-2023 kan niet gelezen worden en telt nu niet mee" in errors
    assert "bedrag" in errors
    at.selectbox(key="versie_document").set_value(BO).run()
    at.button(key="versie_ongedaan").click().run()
    at.button(key="versie_ongedaan_ja").click().run()
    assert not at.exception, at.exception
    assert "borger-odoorn-2023: versie 1 geldt weer." in [s.value for s in at.success]
    assert not [e for e in at.error if "kan niet gelezen worden" in e.value]
    con = dashboard.open_database(db, demo=False)
    assert BO in {a.document.id for a in dashboard.agreements(con)}
    con.close()


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "prestatie.cli", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_the_command_line_judges_and_undoes_beside_a_broken_version(broken_db, tmp_path):
    db = tmp_path / "db.duckdb"
    shutil.copy(broken_db, db)
    fixed = run("monitor", "--json", "--prijspeil", "vast", "--db", db)
    assert fixed.returncode == 0, fixed.stderr
    assert BO not in {r["document"] for r in json.loads(fixed.stdout)}  # left out, not raising
    done = run("afspraak-ongedaan", BO, "--db", db)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == (
        "borger-odoorn-2023: de laatste versie is ongedaan gemaakt; versie 1 geldt weer."
    )
    records = json.loads(run("monitor", "--json", "--prijspeil", "vast", "--db", db).stdout)
    assert BO in {r["document"] for r in records}
    again = run("afspraak-ongedaan", BO, "--db", db)
    assert again.returncode == 2
    assert "heeft geen eerdere versie; er is niets gewijzigd" in again.stderr


def test_the_command_line_stores_a_version_only_when_it_passes(demo_db, tmp_path):
    other = tmp_path / "emmen.toml"
    other.write_text(EMMEN_TEXT, encoding="utf-8")
    refused = run("afspraak", BO, other, "--db", demo_db)
    assert refused.returncode == 2
    assert "Niet opgeslagen; er is niets gewijzigd." in refused.stderr
    assert 'hoort bij document "emmen-2019-2024"' in refused.stderr
    huge = tmp_path / "huge.toml"
    huge.write_text(with_bedrag("1e308"), encoding="utf-8")
    assert run("afspraak", BO, huge, "--db", demo_db).returncode == 2
    empty = tmp_path / "leeg.toml"
    empty.write_text(no_doelen(BO_TEXT), encoding="utf-8")
    asked = run("afspraak", BO, empty, "--db", demo_db)
    assert asked.returncode == 2 and "geen enkel doel meer" in asked.stderr
    done = run("afspraak", BO, empty, "--db", demo_db, "--alle-doelen-weg")
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "borger-odoorn-2023: versie 2 geldt nu."
    assert run("afspraak", "onbekend-2020", empty, "--db", demo_db).returncode == 2
