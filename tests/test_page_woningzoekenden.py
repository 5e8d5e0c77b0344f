"""The page Woningzoekenden through AppTest: lettings per corporatie and year, the offer under
the limits, statushouders with their split, search time, the targets and the lettings behind
them; without lettings it says so and the offer target says it was measured on the stock."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")
PAGE = "views/woningzoekenden.py"


def page(db: Path, monkeypatch, **query) -> AppTest:
    monkeypatch.setenv("PRESTATIE_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=180)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


@pytest.fixture(scope="module")
def demo_copy(demo_db_file, tmp_path_factory):
    copy = tmp_path_factory.mktemp("woningzoekenden") / "demo.duckdb"
    copy.write_bytes(demo_db_file.read_bytes())
    return copy


def demo_count(db: Path, sql: str) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchone()[0]


def test_borger_odoorn_shows_lettings_statushouders_split_and_targets(
    demo_copy, demo_db_file, monkeypatch
):
    at = page(demo_copy, monkeypatch, gemeente="Borger-Odoorn")
    assert [t.value for t in at.title] == ["Woningzoekenden"]
    headers = [h.value for h in at.main.header]
    assert headers == ["Verhuringen per corporatie en jaar", "Aanbod onder de huurgrenzen",
                       "Statushouders", "Zoekduur", "Doelen op de verhuringen"]  # fmt: skip
    assert len(at.get("plotly_chart")) == 5
    summary = at.dataframe[0].value
    # counted independently from the database: the lettings of Lefier in 2023
    lf23 = demo_count(
        demo_db_file,
        "SELECT count(*) FROM actieve_verhuring WHERE corporatie = 'Lefier' "
        "AND gemeente = 'Borger-Odoorn' AND jaar = 2023",
    )
    row = summary[(summary["Corporatie"] == "Lefier") & (summary["Jaar"] == "2023")].iloc[0]
    assert row["Verhuringen"] == str(lf23)
    assert row["Gemeten als"] == "zoekduur"
    split = at.dataframe[1].value
    ws = demo_count(
        demo_db_file,
        "SELECT count(*) FROM actieve_verhuring WHERE gemeente = 'Borger-Odoorn' AND jaar = 2023 "
        "AND route = 'statushouder' AND corporatie = 'Woonservice'",
    )
    row = split[(split["Corporatie"] == "Woonservice") & (split["Jaar"] == "2023")].iloc[0]
    assert row["Statushouders"] == str(ws)
    targets = at.dataframe[-1].value
    c3 = targets[targets["Afspraak"] == "C3"]
    assert set(c3["Corporatie"]) == {"Lefier", "Woonservice"}
    assert all(f"Woonservice {ws}" in t for t in c3["Berekening"])
    expanders = [e.label for e in at.expander]
    assert any(label.startswith("toewijzingen aan statushouders:") for label in expanders)


def test_emmen_targets_are_measured_on_the_lettings(demo_copy, monkeypatch):
    at = page(demo_copy, monkeypatch, gemeente="Emmen", jaar="2023")
    targets = at.dataframe[-1].value
    assert {"BB-1", "BB-18", "BB-25"} <= set(targets["Afspraak"])
    offer = targets[targets["Doel"].str.startswith("Ten minste 80%")]
    assert len(offer) == 3
    assert all(t.startswith("verhuringen 2023: ") for t in offer["Berekening"])
    lines = [m.value for m in at.markdown if m.value.startswith("- BB-25 · ")]
    assert len(lines) == 3 and all("verhuringen 2023: " in line for line in lines)
    search = targets[targets["Afspraak"] == "BB-1"].iloc[0]
    assert "gemeten als inschrijfduur" in search["Berekening"]


def test_without_lettings_the_page_says_so_and_the_offer_is_measured_on_the_stock(
    demo_db, monkeypatch
):
    from prestatie import dashboard
    from prestatie.opslag import store

    con = dashboard.open_database(demo_db)
    batches = dashboard.batches(con)
    for batch_id in batches.loc[batches["soort"] == "verhuur", "id"]:
        store.undo_batch(con, int(batch_id))  # test set-up, no user needed
    con.close()
    at = page(demo_db, monkeypatch, gemeente="Emmen", jaar="2023")
    assert any("Geen verhuringen ingelezen voor Emmen" in i.value for i in at.info)
    targets = at.dataframe[-1].value
    offer = targets[targets["Doel"].str.startswith("Ten minste 80%")]
    assert all(
        t.startswith("gemeten op de voorraad, geen verhuringen ingelezen over 2023")
        for t in offer["Berekening"]
    )
    lines = [m.value for m in at.markdown if m.value.startswith("- BB-25 · ")]
    assert len(lines) == 3
    assert all("gemeten op de voorraad, geen verhuringen ingelezen over 2023" in x for x in lines)
    statushouders = targets[targets["Afspraak"] == "BB-18"].iloc[0]
    assert statushouders["Status"] == "⚪ geen gegevens"
    assert statushouders["Berekening"] == "geen verhuringen ingelezen over 2023"
