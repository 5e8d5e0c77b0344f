"""The Voorraadontwikkeling page through AppTest against the demo database.

Expected figures come from the database by their own SQL (or from the agreement files), never
from the page's functions; ``today`` is fixed through ``ui.context.today``.
"""

from __future__ import annotations

import base64
import shutil
from datetime import date
from pathlib import Path

import duckdb
import numpy as np
import plotly.io as pio
import pytest
from streamlit.testing.v1 import AppTest

from prestatie import dashboard
from prestatie.opslag import store
from ui import context

APP = str(Path(__file__).resolve().parents[1] / "app.py")
ACTIVITIES = ("nieuwbouw", "sloop", "verkoop", "verduurzaming", "zonnepanelen")


@pytest.fixture(scope="module")
def db(demo_db_file, tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("voorraad") / "demo.duckdb"
    shutil.copy(demo_db_file, copy)
    return copy


def sql(db: Path, query: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(db))  # the page's own connection is open in this process too
    try:
        return con.execute(query, params or []).fetchall()
    finally:
        con.close()


def produced(db: Path, corporatie: str, gemeente: str, soort: str, years) -> list[float]:
    rows = dict(
        sql(
            db,
            "SELECT jaar, sum(aantal) FROM actieve_productie WHERE corporatie = ? "
            "AND gemeente = ? AND soort = ? GROUP BY jaar",
            [corporatie, gemeente, soort],
        )
    )
    return [float(rows.get(y, 0)) for y in years]


def counted(db: Path, corporaties: list[str], gemeente: str) -> dict[int, float]:
    """Homes on the 31 December peildata of each year (the demo's stock lists are year-end)."""
    rows = sql(
        db,
        "SELECT year(peildatum), sum(aantal) FROM actieve_vhe WHERE list_contains(?, corporatie) "
        "AND gemeente = ? GROUP BY 1",
        [corporaties, gemeente],
    )
    return {int(y): float(n) for y, n in rows}


def page(db: Path, monkeypatch, today: date, **query: str) -> AppTest:
    monkeypatch.setenv("PRESTATIE_DB", str(db))
    monkeypatch.setattr(context, "today", lambda: today)
    at = AppTest.from_file(APP, default_timeout=120)
    for name, value in query.items():
        at.query_params[name] = value
    at.run()
    at.switch_page("views/voorraad.py").run()
    assert not at.exception, at.exception
    return at


def figure(at: AppTest, title: str):
    """The chart whose title starts with ``title``; a jaarschijf tab is opened first (only the
    open tab is built)."""
    for attempt in range(2):
        for chart in at.get("plotly_chart"):
            fig = pio.from_json(chart.proto.spec)
            if fig.layout.title.text.startswith(title):
                return fig
        labels = [t.label for t in at.tabs]
        if attempt or title not in labels:
            break
        at.session_state["jaarschijf_tabs"] = title
        at.run()
    raise AssertionError(f"geen grafiek '{title}'")


def values(data) -> list[float]:
    """A trace's numbers; plotly writes numeric arrays as base64 ("bdata") in its JSON."""
    if isinstance(data, dict) and "bdata" in data:
        data = np.frombuffer(base64.b64decode(data["bdata"]), dtype=data["dtype"])
    return [float(v) for v in data]


def series(fig, name: str) -> dict[tuple[str, ...], list[float]]:
    """x -> y of every trace with this name."""
    return {tuple(t.x): values(t.y) for t in fig.data if t.name == name and t.x is not None}


def bars(fig, name: str, x: tuple[str, ...]) -> set[tuple[float, ...]]:
    return {
        tuple(values(t.y))
        for t in fig.data
        if t.name == name and t.type == "bar" and tuple(t.x) == x
    }


def table(at: AppTest, column: str):
    """The last table on the page with this column."""
    return [d.value for d in at.dataframe if column in d.value.columns][-1]


def database(db: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(db))


def test_jaarschijven_waterfall_and_bands_show_the_database(db, monkeypatch):
    at = page(db, monkeypatch, date(2026, 11, 21))
    assert [t.value for t in at.title] == ["Voorraadontwikkeling"]
    headers = [h.value for h in at.header]
    assert headers[:4] == [
        "Jaarschijven",
        "Netto verandering van de huurvoorraad",
        "Bandbreedtes",
        "Projecten",
    ]
    assert [t.label for t in at.tabs] == [
        "Lefier · Borger-Odoorn",
        "Woonservice · Borger-Odoorn",
        "Lefier · Emmen",
        "alle corporaties · Emmen",
    ]

    # B6: per activity the realised bars of 2023-2025 are what the production lists hold ...
    years = ("2023", "2024", "2025")
    for corporatie in ("Lefier", "Woonservice"):
        fig = figure(at, f"{corporatie} · Borger-Odoorn")
        expected = {
            tuple(produced(db, corporatie, "Borger-Odoorn", soort, range(2023, 2026)))
            for soort in ACTIVITIES
        }
        assert expected <= bars(fig, "gerealiseerd", years)
    # ... and the plan bars of 2023-2027 are the jaarschijf tables of the agreement
    con = database(db)
    doelen = {d.id: d for a in dashboard.agreements(con) for d in a.doelen}
    evaluations = dashboard.evaluations(con, date(2026, 11, 21))
    con.close()
    fig = figure(at, "Lefier · Borger-Odoorn")
    plan = bars(fig, "afspraak", ("2023", "2024", "2025", "2026", "2027"))
    assert (0, 69, 78, 21, 21) in plan  # B6-LF-verduurzaming, as read from the TOML
    assert tuple(n for _, n in doelen["B6-LF-zonnepanelen"].norm) in plan
    # 2026 is running but no production list reports on it yet: shown as missing, not as 0
    missing = [t for t in fig.data if t.name == "geen gegevens"]
    assert missing and all(tuple(t.x) == ("2026",) for t in missing)
    assert not [t for t in fig.data if t.name == "prognose"]

    # the waterfall of the two corporaties in Borger-Odoorn closes on the counted stock
    stock = counted(db, ["Lefier", "Woonservice"], "Borger-Odoorn")
    rows = table(at, "Eind geteld")
    assert rows["Jaar"].tolist() == [2022, 2023, 2024, 2025]
    assert rows["Begin"].iloc[0] == stock[2021]
    assert rows["Eind geteld"].iloc[:3].tolist() == [stock[2022], stock[2023], stock[2024]]
    assert rows["Verschil"].iloc[:3].tolist() == [0, 0, 0]
    assert not at.error
    assert any("sluiten precies aan" in s.value for s in at.success)

    # Emmen's single-family homes: the band counts from 2015 (Rigo), which the demo does not
    # have and the file gives no basis_aantal for: the change since the first peildatum is shown
    # as an indication without a band, and the monitor does not judge it
    fig = figure(at, "Eengezinswoningen")
    egw = dict(
        sql(
            db,
            "SELECT year(peildatum), sum(aantal) FROM actieve_vhe WHERE gemeente = 'Emmen' "
            "AND woningtype = 'EGW' AND NOT coalesce(levensloopgeschikt, false) GROUP BY 1",
        )
    )
    path = series(fig, "gerealiseerd sinds eind 2021")
    assert list(path.values()) == [[egw[y] - egw[2021] for y in (2021, 2022, 2023, 2024)]]
    assert not series(fig, "afgesproken bandbreedte")
    assert any("noemt geen basis_aantal" in c.value for c in at.caption)
    bb3 = [e for e in evaluations if e.doel == "BB-3-eengezins"]
    assert [e.jaar for e in bb3] == [2020, 2025]
    assert {e.status for e in bb3} == {"geen gegevens"}
    assert bb3[-1].uitleg == "geen voorraadgegevens over 2025"  # no stock of end 2025 yet

    # every production row in force is behind the project table
    total = sql(db, "SELECT count(*) FROM actieve_productie")[0][0]
    assert len(table(at, "Bronbestand")) == total

    at.selectbox(key="waterval_keuze").select("Woonservice · Borger-Odoorn").run()
    stock = counted(db, ["Woonservice"], "Borger-Odoorn")
    assert table(at, "Eind geteld")["Begin"].iloc[0] == stock[2021]


def test_a_running_year_gets_a_prognose(db, monkeypatch):
    at = page(db, monkeypatch, date(2025, 7, 2), gemeente="Borger-Odoorn")
    assert [t.label for t in at.tabs] == ["Lefier · Borger-Odoorn", "Woonservice · Borger-Odoorn"]
    fig = figure(at, "Woonservice · Borger-Odoorn")
    realised = produced(db, "Woonservice", "Borger-Odoorn", "nieuwbouw", [2025])[0]
    # 2 July 2025 is day 183 of 365: realised × 365 / 183
    prognose = bars(fig, "prognose", ("2025",))
    assert any(y == [pytest.approx(realised * 365 / 183)] for y in map(list, prognose))
    assert any(
        t.name == "prognose" and t.line.dash == "dash" for t in fig.data if t.type == "scatter"
    )
    # 2026 and 2027 are plan: no realised bar there
    assert all("2026" not in t.x for t in fig.data if t.name == "gerealiseerd")
    captions = " ".join(c.value for c in at.caption)
    assert (
        f"**Prognose** Jaarschijf Woonservice: nieuwbouw, 2025: {realised:.0f} tot 02-07-2025, "
        f"in dit tempo {realised * 365 / 183:.0f} aan het jaareinde." in captions
    )


def test_a_stock_count_that_does_not_close_is_shown(demo_db_file, tmp_path, monkeypatch):
    db = tmp_path / "demo.duckdb"
    shutil.copy(demo_db_file, db)
    extra = tmp_path / "Productie Lefier Borger-Odoorn 2023.csv"
    extra.write_text(
        "Projectnaam;Woonplaats;Type activiteit;Aantal;Datum gereed\n"
        "Sloop Nieuw-Buinen extra;Nieuw-Buinen;sloop;1;01-10-2023\n",
        encoding="utf-8",
    )
    con = dashboard.open_database(db, demo=False)
    store.import_paths(con, [extra])
    con.close()
    stock = counted(db, ["Lefier"], "Borger-Odoorn")
    # the newer list reports on 2023 and replaces the older list's 2023: no sale that year
    verkoop = produced(db, "Lefier", "Borger-Odoorn", "verkoop", [2023])[0]
    assert verkoop == 0
    computed = stock[2022] - 1 - verkoop
    difference = stock[2023] - computed
    sign = "+" if difference > 0 else "−"

    at = page(db, monkeypatch, date(2026, 11, 21), gemeente="Borger-Odoorn", corporatie="Lefier")
    assert at.selectbox(key="waterval_keuze").options == ["Lefier · Borger-Odoorn"]
    assert [t.label for t in at.tabs] == ["Lefier · Borger-Odoorn"]
    assert "Bandbreedtes" not in [h.value for h in at.header]  # Emmen's targets
    assert [e.value for e in at.error] == [
        f"Lefier, Borger-Odoorn, 2023: op de peildatum 31-12-2023 zijn {stock[2023]:.0f} "
        f"woningen geteld; begin {stock[2022]:.0f} + nieuwbouw 0 − sloop 1 − verkoop "
        f"{verkoop:.0f} = {computed:.0f}: verschil {sign}{abs(difference):.0f}."
    ]
    assert not at.success
    rows = table(at, "Eind geteld").set_index("Jaar")
    assert rows.loc[2023, "Verschil"] == difference == -2  # 583 counted, 586 - 1 = 585
    steps = figure(at, "Huurvoorraad").data[0]
    assert "niet verklaard" in list(steps.x[1])


def test_an_empty_database_says_so(tmp_path, monkeypatch):
    db = tmp_path / "leeg.duckdb"
    dashboard.open_database(db, demo=False).close()
    at = page(db, monkeypatch, date(2026, 11, 21))
    # the agreements are there, the data is not: every year of every jaarschijf is missing
    assert len(at.tabs) > 0
    assert [i.value for i in at.info] == ["Geen voorraad met productie erna voor deze selectie."]
    fig = figure(at, "Woonservice · Borger-Odoorn")
    assert not [t for t in fig.data if t.name == "gerealiseerd" and len(values(t.y))]
    assert len(table(at, "Bronbestand")) == 0
