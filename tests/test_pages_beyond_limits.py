"""A stock list dated beyond the huurgrenzen table (1-1-2027, the table ends at 2026): every page
still renders, and Betaalbaarheid says in Dutch that no limits are known instead of raising."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from prestatie import dashboard
from prestatie.inlezen.ingest import Hints
from prestatie.opslag import store
from prestatie.referentie import huurgrenzen

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
STOCK_2027 = (
    "Voorraadlijst Lefier Emmen peildatum 01-01-2027\n\n"
    "VHE;Adres;Woonplaats;Netto huur;Label\n"
    "L1;Hoofdstraat 1;Emmen;€ 612,50;B\n"
    "L2;Hoofdstraat 2;Emmen;€ 702,10;C\n"
    "L3;Hoofdstraat 3;Emmen;€ 850,00;A\n"
)


@pytest.fixture(scope="module")
def db(demo_db_file, tmp_path_factory) -> Path:
    assert max(huurgrenzen.jaren()) == 2026  # the premise: 2027 is beyond the table
    folder = tmp_path_factory.mktemp("beyond")
    copy = folder / "demo.duckdb"
    shutil.copy(demo_db_file, copy)
    csv = folder / "Lefier Emmen 01-01-2027.csv"
    csv.write_text(STOCK_2027, encoding="utf-8")
    con = dashboard.open_database(copy, demo=False)
    store.import_paths(con, [csv], Hints(corporatie="Lefier", gemeente="Emmen"))
    con.close()
    return copy


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_with_a_peildatum_beyond_the_table(page, db, monkeypatch):
    monkeypatch.setenv("PRESTATIE_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["gemeente"] = "Emmen"
    at.query_params["corporatie"] = "Lefier"
    at.run()
    if page != "views/overzicht.py":
        at.switch_page(page).run()
    assert not at.exception, at.exception


def test_betaalbaarheid_says_no_limits_are_known_for_2027(db, monkeypatch):
    monkeypatch.setenv("PRESTATIE_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["gemeente"] = "Emmen"
    at.query_params["corporatie"] = "Lefier"
    at.run()
    at.switch_page("views/betaalbaarheid.py").run()
    at.selectbox(key="peildatum").set_value(date(2027, 1, 1)).run()
    assert not at.exception, at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "geen huurgrenzen bekend voor 2027" in warnings
    assert "Op 01-01-2027 zijn geen huurgrenzen bekend" in warnings
