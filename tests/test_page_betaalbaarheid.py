"""The Betaalbaarheid page through AppTest: the figures show what the database holds.

Two databases: the demo (expected shares counted straight from the database with SQL) and a
small one written by hand, whose figures are worked out in the comments.
"""

from __future__ import annotations

import base64
import math
import shutil
from datetime import date
from fractions import Fraction
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.io
import pytest
from streamlit.testing.v1 import AppTest

from prestatie import dashboard, fmt
from prestatie.inlezen.records import Batch
from prestatie.opslag import store

PAGE = str(Path(__file__).resolve().parents[1] / "views" / "betaalbaarheid.py")
GAP = "boven de grens om de norm te halen"


def page(db: Path, monkeypatch, **query) -> AppTest:
    monkeypatch.setenv("PRESTATIE_DB", str(db))
    at = AppTest.from_file(PAGE, default_timeout=120)
    for name, value in query.items():
        at.query_params[name] = value
    return at.run()


TABS = {"stand": "Per corporatie", "trend": "Ontwikkeling", "kern": "Per kern"}


def figure(at: AppTest, key: str):
    """The plotly figure of the chart with this key; its tab is opened first (only the open
    tab is built)."""
    kind, _, target = key.partition("_")
    if kind in TABS:
        at.session_state[f"tabs_{target}"] = TABS[kind]
        at.run()
    chart = next(c for c in at.get("plotly_chart") if c.proto.id.endswith(f"-{key}"))
    return plotly.io.from_json(chart.proto.spec)


def numbers(values) -> list[float]:
    """A figure's numbers, also when the JSON carries them as a typed array (plotly's bdata)."""
    if isinstance(values, dict) and "bdata" in values:
        return np.frombuffer(base64.b64decode(values["bdata"]), values["dtype"]).tolist()
    return list(values)


def overview(at: AppTest) -> pd.DataFrame:
    return at.dataframe[0].value


# ---- the demo database: shares counted with SQL ------------------------------------------------


@pytest.fixture(scope="module")
def demo_copy(demo_db_file, tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("betaalbaarheid") / "demo.duckdb"
    shutil.copy(demo_db_file, copy)
    return copy


def counted(db: Path, corporatie: str, gemeente: str, sql_condition: str) -> tuple[int, int]:
    """(homes meeting the condition, all homes) at 31-12-2024, straight from the database."""
    con = store.connect(db)
    try:
        return con.execute(
            f"SELECT count(*) FILTER (WHERE {sql_condition}), count(*) FROM actieve_vhe "
            "WHERE corporatie = ? AND gemeente = ? AND peildatum = DATE '2024-12-31'",
            [corporatie, gemeente],
        ).fetchone()
    finally:
        con.close()


def test_demo_stand_shows_the_share_and_gap_counted_in_the_database(demo_copy, monkeypatch):
    # A1: rent "<" the 2e aftoppingsgrens in force on 31-12-2024 (€ 697,07), norm 90%
    deel, totaal = counted(demo_copy, "Lefier", "Borger-Odoorn", "huur_cent < 69707")
    gap = math.ceil(Fraction(9, 10) * totaal - deel)
    at = page(demo_copy, monkeypatch)
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Betaalbaarheid"]
    assert at.header[0].value == "Stand 2024 (peildatum 31-12-2024)"
    table = overview(at)
    row = table[(table["Afspraak"] == "A1") & (table["Corporatie"] == "Lefier")].iloc[0]
    assert row["Aandeel"] == fmt.pct(deel / totaal)
    assert row["Woningen onder de grens"] == f"{deel} van {totaal}"
    assert row["Verschil"] == f"nog {gap} woningen {GAP}" and gap > 0
    assert row["Status"] == "🔴 niet behaald"
    stand = figure(at, "stand_borger-odoorn-2023_A1")
    assert list(stand.data[0].y) == ["Lefier", "Woonservice"]
    assert numbers(stand.data[0].x)[0] == pytest.approx(deel / totaal)
    assert stand.data[0].marker.color[0] == "#c62828"  # monitor.STATUS_KLEUREN niet behaald
    assert any("Demonstratiegegevens" in w.value for w in at.warning)


def test_demo_rekenhuur_choice_measures_the_rekenhuur_where_the_file_had_it(demo_copy, monkeypatch):
    # Woonservice's demo files carry a rekenhuur; A1 counts rents "<" € 697,07 (2024)
    kale = counted(demo_copy, "Woonservice", "Borger-Odoorn", "huur_cent < 69707")
    reken = counted(
        demo_copy, "Woonservice", "Borger-Odoorn", "coalesce(rekenhuur_cent, huur_cent) < 69707"
    )
    assert reken[0] < kale[0]  # service costs push homes over the limit
    at = page(demo_copy, monkeypatch, gemeente="Borger-Odoorn")
    choice = at.radio(key="huur")
    assert choice.value == "kale huur"
    choice.set_value("rekenhuur").run()
    assert not at.exception, at.exception
    table = overview(at)
    row = table[(table["Afspraak"] == "A1") & (table["Corporatie"] == "Woonservice")].iloc[0]
    assert row["Woningen onder de grens"] == f"{reken[0]} van {reken[1]}"
    assert any("rekenhuur waar het bestand die had" in c.value for c in at.caption)


def test_demo_filtered_to_a_corporatie_keeps_the_joint_target(demo_copy, monkeypatch):
    # BB-25: rent "tot en met" the 1e aftoppingsgrens 2024 (€ 650,43), per corporatie
    deel, totaal = counted(demo_copy, "Lefier", "Emmen", "huur_cent <= 65043")
    at = page(demo_copy, monkeypatch, gemeente="Emmen", corporatie="Lefier")
    assert not at.exception, at.exception
    table = overview(at)
    assert table["Corporatie"].tolist() == ["Lefier", "alle corporaties"]
    assert table["Aandeel"].iloc[0] == fmt.pct(deel / totaal)
    distribution = figure(at, "huurverdeling")
    assert sum(numbers(distribution.data[0].y)) == totaal  # only Lefier's homes in Emmen
    texts = " ".join(a.text for a in distribution.layout.annotations)
    assert "€ 650,43" in texts and "€ 879,66" in texts


# ---- a small database written by hand ----------------------------------------------------------

# Lefier, Borger-Odoorn, peildatum 1 January 2024: reports on 2023, limits of 2024.
HOMES = [
    (500.00, "Borger"),
    (550.00, "Borger"),
    (600.00, "Borger"),
    (650.00, "Borger"),
    (678.65, "Exloo"),
    (678.66, "Exloo"),  # exactly the document's amount (prijspeil 2022)
    (690.00, "Exloo"),
    (695.00, "Exloo"),  # above the 2023 limit (693,60), below the 2024 limit
    (697.07, "Exloo"),  # exactly the 2e aftoppingsgrens 2024
    (750.00, "Odoorn"),
]


@pytest.fixture
def small_db(tmp_path) -> Path:
    db = tmp_path / "klein.duckdb"
    con = dashboard.open_database(db, demo=False)
    vhe = pd.DataFrame(
        {
            "bron_rij": range(2, 2 + len(HOMES)),
            "corporatie": "Lefier",
            "gemeente": "Borger-Odoorn",
            "peildatum": date(2024, 1, 1),
            "vhe_id": [f"LF{i:04d}" for i in range(len(HOMES))],
            "adres": [f"Hoofdstraat {i}" for i in range(len(HOMES))],
            "postcode": "7875AA",
            "kern": [k for _, k in HOMES],
            "huur_cent": [round(h * 100) for h, _ in HOMES],
            "label": "C",
            "label_bron": "C",
            "energie_index": None,
            "woningtype": "EGW",
            "levensloopgeschikt": False,
            "bouwjaar": 1975,
            "aantal": 1.0,
        }
    )
    batch = Batch(
        bestand="Lefier voorraad 01-01-2024.csv",
        sha256="test",
        soort="voorraad",
        corporatie="Lefier",
        gemeente="Borger-Odoorn",
        peildatum=date(2024, 1, 1),
        jaar_van=None,
        jaar_tot=None,
        rijen=len(HOMES),
    )
    store.write_batch(con, batch, vhe=vhe)
    con.close()
    return db


def test_small_db_indexed_reading_uses_the_limit_of_the_peildatum(small_db, monkeypatch):
    at = page(small_db, monkeypatch)
    assert not at.exception, at.exception
    assert at.selectbox(key="peildatum").value == date(2024, 1, 1)
    assert at.header[0].value == "Stand 2023 (peildatum 01-01-2024)"
    row = overview(at).iloc[0]
    # "<" € 697,07: the first 8 rents -> 8 of 10 = 80,0%; 90% of 10 = 9 -> 1 short
    assert (row["Afspraak"], row["Corporatie"]) == ("A1", "Lefier")
    assert row["Aandeel"] == "80,0%" and row["Woningen onder de grens"] == "8 van 10"
    assert row["Verschil"] == f"nog 1 woning {GAP}"
    assert row["Status"] == "🔴 niet behaald"
    assert overview(at)["Corporatie"].tolist() == ["Lefier", "Woonservice"]
    assert overview(at)["Status"].iloc[1] == "⚪ geen gegevens"
    assert any("onder € 697,07 (2e aftoppingsgrens 2024)" in c.value for c in at.caption)

    # per kern: Odoorn 0/1, Exloo 4/5 (697,07 is not under), Borger 4/4 -> weakest first
    kern = figure(at, "kern_borger-odoorn-2023_A1").data[0]
    assert list(kern.y) == ["Odoorn", "Exloo", "Borger"]
    assert numbers(kern.x) == pytest.approx([0.0, 0.8, 1.0])

    # the distribution: t/m € 697,07 are 9 of 10 homes
    texts = [a.text for a in figure(at, "huurverdeling").layout.annotations]
    assert "2e aftoppingsgrens<br>€ 697,07 · 90,0% t/m" in texts

    # the rows behind the stand: 697,07 and 750,00, highest rent first (fetched when opened)
    at.session_state["tabs_borger-odoorn-2023_A1"] = "Per corporatie"
    at.session_state["open_boven_borger-odoorn-2023_A1_2023"] = True
    at.run()
    labels = [e.label for e in at.expander]
    title = "woningen op of boven de 2e aftoppingsgrens, Lefier, 01-01-2024: 2 rijen"
    assert title in labels
    rows = at.dataframe[1].value
    assert rows["Huur"].tolist() == ["€ 750,00", "€ 697,07"]  # as a Dutch reader reads them
    assert set(rows["Bronbestand"]) == {"Lefier voorraad 01-01-2024.csv"}


def test_small_db_fixed_reading_uses_the_documents_amount(small_db, monkeypatch):
    at = page(small_db, monkeypatch)
    at.radio(key="prijspeil").set_value("vast").run()
    assert not at.exception, at.exception
    row = overview(at).iloc[0]
    # "<" € 678,66: 500, 550, 600, 650, 678,65 -> 5 of 10; 9 needed -> 4 short
    assert row["Aandeel"] == "50,0%" and row["Verschil"] == f"nog 4 woningen {GAP}"
    assert any("onder € 678,66 (vast bedrag uit het document" in c.value for c in at.caption)
    # both amounts are on the page, and the document's line joins the distribution
    amounts = at.dataframe[-2].value
    a1 = amounts[amounts["Afspraak"] == "A1"].iloc[0]
    assert a1["Geïndexeerd: grens 2024"] == "€ 697,07"
    assert a1["Vast: bedrag in het document"] == "€ 678,66 (prijspeil 2022)"
    texts = [a.text for a in figure(at, "huurverdeling").layout.annotations]
    # t/m € 678,66: the first 6 rents
    assert "A1: 2e aftoppingsgrens (prijspeil 2022)<br>€ 678,66 · 60,0% t/m" in texts


def test_empty_database_says_there_is_no_stock(tmp_path, monkeypatch):
    db = tmp_path / "leeg.duckdb"
    dashboard.open_database(db, demo=False).close()
    at = page(db, monkeypatch)
    assert not at.exception, at.exception
    assert any("Geen voorraadgegevens" in i.value for i in at.info)
