"""The page Presenteren through AppTest against the demo database: the slides of the selection,
the presentation mode with previous/next, and the exports."""

from __future__ import annotations

import html
import math
import re
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from prestatie import dashboard
from prestatie.opslag import queries, store

APP = str(Path(__file__).resolve().parents[1] / "app.py")
PAGE = "views/presenteren.py"
BO_LEFIER_2024 = {"gemeente": "Borger-Odoorn", "corporatie": "Lefier", "jaar": "2024"}


@pytest.fixture(scope="module")
def demo_copy(demo_db_file, tmp_path_factory):
    copy = tmp_path_factory.mktemp("presenteren") / "demo.duckdb"
    copy.write_bytes(demo_db_file.read_bytes())
    return copy


@pytest.fixture(scope="module")
def lefier_a1_2024(demo_copy) -> tuple[int, int]:
    """Independent route: Lefier's homes in Borger-Odoorn on 31-12-2024 under € 697,07
    (A1 says "< € 678,66", indexed to the 2024 limit; not inclusive), straight from SQL.
    Opened as the app opens it: DuckDB allows one configuration per file in a process."""
    with duckdb.connect(str(demo_copy)) as con:
        under, total = con.execute(
            "SELECT count(*) FILTER (WHERE huur_cent < 69707), count(*) FROM actieve_vhe "
            "WHERE corporatie = 'Lefier' AND gemeente = 'Borger-Odoorn' "
            "AND peildatum = DATE '2024-12-31'"
        ).fetchone()
    return under, total


def page(db: Path, monkeypatch, **query) -> AppTest:
    monkeypatch.setenv("PRESTATIE_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=120)
    for name, value in query.items():
        at.query_params[name] = value
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def test_slides_follow_the_selection(demo_copy, lefier_a1_2024, monkeypatch):
    at = page(demo_copy, monkeypatch, **BO_LEFIER_2024)
    assert [t.value for t in at.title] == ["Presenteren"]
    table = at.dataframe[0].value
    assert list(table["Titel"]) == [
        "Stand van de doelen per corporatie",
        "Huren tegen de huurgrenzen, Borger-Odoorn, eind 2024",
        "Minimaal 90% van de voorraad tot de 2e aftoppingsgrens (Borger-Odoorn)",
        "Energielabels per corporatie en peildatum, Borger-Odoorn",
        "Jaarschijven Borger-Odoorn 2024: gerealiseerd tegen de afspraak",
    ]
    under, total = lefier_a1_2024
    short = math.ceil(0.9 * total) - under
    share = f"{100 * under / total:.1f}".replace(".", ",")
    assert under / total < 0.9 and short > 0
    line = table["Conclusie"][2]
    assert line.startswith(f"Stand 2024: Lefier haalt met {share}% de norm van 90% niet (nog ")
    assert f" {short} woningen " in line
    assert at.button(key="start").label == "Presentatie starten (5 dia's)"
    assert at.multiselect(key="deck_keuze").value == [
        "stand",
        "huren:Borger-Odoorn",
        "aandeel_huur:borger-odoorn-2023:A1",
        "labels:Borger-Odoorn",
        "jaarschijf:Borger-Odoorn",
    ]
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Monitor als Excel"]


def slide_titles(at) -> list[str]:
    """The slide's heading: plain HTML so its box is its text (see views/presenteren.py)."""
    found = [re.search(r'<h1 class="dia-titel">(.*?)</h1>', h.proto.body) for h in at.get("html")]
    return [html.unescape(m.group(1)) for m in found if m]


def test_presentation_goes_forward_and_back_and_stops(demo_copy, monkeypatch):
    at = page(demo_copy, monkeypatch, **BO_LEFIER_2024)
    at.button(key="start").click().run()
    assert slide_titles(at) == ["Stand van de doelen per corporatie"]
    assert not at.title  # the page's own title is gone while presenting
    assert "1 / 5" in [t.value for t in at.text]
    assert at.button(key="dia_vorige").disabled
    assert len(at.get("plotly_chart")) == 1
    assert not at.get("dataframe")  # no page furniture on the screen
    at.button(key="dia_volgende").click().run()
    at.button(key="dia_volgende").click().run()
    assert slide_titles(at) == [
        "Minimaal 90% van de voorraad tot de 2e aftoppingsgrens (Borger-Odoorn)"
    ]
    texts = [t.value for t in at.text]
    assert "3 / 5" in texts
    assert any(t.startswith("Stand 2024: Lefier haalt met") for t in texts)
    at.button(key="dia_vorige").click().run()
    assert "2 / 5" in [t.value for t in at.text]
    at.button(key="dia_stop").click().run()
    assert [t.value for t in at.title] == ["Presenteren"]


def test_deck_is_built_for_the_chosen_charts(demo_copy, monkeypatch):
    at = page(demo_copy, monkeypatch, **BO_LEFIER_2024)
    at.multiselect(key="deck_keuze").set_value(["stand", "aandeel_huur:borger-odoorn-2023:A1"])
    at.run()
    at.button(key="deck_maken").click().run()
    assert not at.exception, at.exception
    assert not at.error
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels[:2] == ["PowerPoint downloaden", "Grafieken als PNG (zip)"]
    if not at.session_state["deck"][2]:  # no LibreOffice here: the page says so
        assert any("LibreOffice" in c.value for c in at.caption)
    _, made, _ = at.session_state["deck"]
    assert len(made.pngs) == 2
    at.multiselect(key="deck_keuze").set_value(["stand"]).run()
    assert "PowerPoint downloaden" not in [b.proto.label for b in at.get("download_button")]


def test_empty_database_says_there_is_nothing_to_show(tmp_path, monkeypatch):
    db = tmp_path / "leeg.duckdb"
    dashboard.open_database(db, demo=False).close()
    at = page(db, monkeypatch)
    assert any("Geen grafieken voor deze selectie" in i.value for i in at.info)
    assert not queries.has_data(store.connect(db))
