"""What users upload beyond the demo's shape: every page renders and says what it cannot show.

- A Borger-Odoorn stock list for 2019 and 2020, years the agreement has no norm for (before:
  ``ValueError: Invalid literal for Fraction: 'nan'`` on Betaalbaarheid).
- A second agreement whose target has the same id (A1) as Borger-Odoorn's, both shown under
  "Alle" gemeenten (before: two widgets with the key ``download_boven_A1_2024``).
- A stock list dated in the future: a warning at import.
"""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from prestatie import dashboard
from prestatie.inlezen import ingest
from prestatie.inlezen.ingest import Hints
from prestatie.opslag import store
from tests.test_second_region import AGREEMENT as ZWOLLE

APP = str(Path(__file__).resolve().parents[1] / "app.py")
PAGES = (
    "views/overzicht.py",
    "views/betaalbaarheid.py",
    "views/duurzaamheid.py",
    "views/voorraad.py",
    "views/afspraken.py",
    "views/gegevens.py",
    "views/presenteren.py",
)


def stock_list(peildatum: str) -> str:
    return (
        "VHE;Adres;Woonplaats;Netto huur;Label\n"
        "L1;Hoofdstraat 1;Borger;€ 612,50;B\n"
        "L2;Hoofdstraat 2;Exloo;€ 702,10;C\n"
        "L3;Hoofdstraat 3;Borger;€ 850,00;E\n"
    )


@pytest.fixture(scope="module")
def db(demo_db_file, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("uploaded")
    copy = folder / "demo.duckdb"
    shutil.copy(demo_db_file, copy)
    files = []
    for peildatum in ("31-12-2019", "31-12-2020"):
        path = folder / f"Lefier Borger-Odoorn {peildatum}.csv"
        path.write_text(stock_list(peildatum), encoding="utf-8")
        files.append(path)
    zwolle = folder / "afspraken"
    zwolle.mkdir()
    (zwolle / "zwolle-2024.toml").write_text(ZWOLLE, encoding="utf-8")
    stock = folder / "deltaWonen Zwolle 31-12-2024.csv"
    stock.write_text("VHE;Netto huur;Label\nD1;500,00;A\nD2;800,00;D\n", encoding="utf-8")
    con = dashboard.open_database(copy, demo=False)
    store.import_paths(con, files, Hints(corporatie="Lefier", gemeente="Borger-Odoorn"))
    store.import_paths(con, [stock], Hints(corporatie="deltaWonen", gemeente="Zwolle"))
    dashboard.sync_agreements(con, zwolle)
    con.close()
    return copy


def app(db, monkeypatch, **params) -> AppTest:
    monkeypatch.setenv("PRESTATIE_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=120)
    for name, value in params.items():
        at.query_params[name] = value
    return at


@pytest.mark.parametrize("jaar", ["2019", "2020"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_a_year_without_a_norm(page, jaar, db, monkeypatch):
    at = app(db, monkeypatch, gemeente="Borger-Odoorn", corporatie="Lefier", jaar=jaar)
    at.run()
    if page != "views/overzicht.py":
        at.switch_page(page).run()
    assert not at.exception, at.exception


@pytest.mark.parametrize("peildatum", [date(2019, 12, 31), date(2020, 12, 31)])
def test_betaalbaarheid_says_there_is_no_norm_for_the_year(peildatum, db, monkeypatch):
    at = app(db, monkeypatch, gemeente="Borger-Odoorn", corporatie="Lefier")
    at.run()
    at.switch_page("views/betaalbaarheid.py").run()
    at.selectbox(key="peildatum").set_value(peildatum).run()
    assert not at.exception, at.exception
    [overview, *_] = at.dataframe
    row = overview.value.iloc[0]
    assert row["Norm"] == "geen norm" and row["Status"] == "geen norm dit jaar"
    # only L1 (€ 612,50) of 3 under the 2e aftoppingsgrens (2019 € 651,03, 2020 € 663,40)
    assert row["Aandeel"] == "33,3%"


@pytest.mark.parametrize("page", PAGES)
def test_two_agreements_with_a_target_of_the_same_id_render_together(page, db, monkeypatch):
    at = app(db, monkeypatch)
    at.run()
    if page != "views/overzicht.py":
        at.switch_page(page).run()
    assert not at.exception, at.exception
    if page == "views/betaalbaarheid.py":
        titles = [s.value for s in at.subheader]
        assert any(t.startswith("A1 ·") and "(Zwolle)" in t for t in titles)
        assert any(t.startswith("A1 ·") and "(Borger-Odoorn)" in t for t in titles)


def test_a_stock_list_dated_in_the_future_is_read_with_a_warning():
    later = date.today() + timedelta(days=400)
    text = f"Peildatum: {later:%d-%m-%Y}\n\n" + stock_list("")
    parsed = ingest.parse("Lefier Borger-Odoorn.csv", text.encode(), Hints(corporatie="Lefier"))
    first = str(parsed.warnings[0])
    assert f"de peildatum {later:%d-%m-%Y} ligt in de toekomst" in first
    assert f"vandaag is het {date.today():%d-%m-%Y}" in first
    assert parsed.rows == 3  # read all the same


def test_a_stock_list_of_today_gets_no_such_warning():
    text = f"Peildatum: {date.today():%d-%m-%Y}\n\n" + stock_list("")
    parsed = ingest.parse("Lefier Borger-Odoorn.csv", text.encode(), Hints(corporatie="Lefier"))
    assert not any("toekomst" in str(w) for w in parsed.warnings)
