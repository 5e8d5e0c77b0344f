"""The Duurzaamheid page through AppTest against the demo database.

Expected figures come from the database by plain SQL, the norms from the agreement files by
tomllib and the statuses from the monitor, never from prestatie.duurzaamheid.
"""

from __future__ import annotations

import base64
import json
import tomllib
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import duckdb
import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from prestatie import dashboard
from prestatie.beoordeling.scorecard import STATUS_TEKEN
from prestatie.beoordeling.status import STATUS_KLEUREN

ROOT = Path(__file__).resolve().parents[1]
A_GROEP = ("A++++", "A+++", "A++", "A+", "A")


@pytest.fixture(scope="module")
def db(demo_db_file, tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("duurzaamheid") / "demo.duckdb"
    copy.write_bytes(demo_db_file.read_bytes())
    return copy


@pytest.fixture(scope="module")
def sql(db):
    """Run one query on the demo database (closed again before the app opens it)."""

    def run(query: str, *params):
        con = duckdb.connect(str(db))
        try:
            return con.execute(query, list(params)).fetchall()
        finally:
            con.close()

    return run


@pytest.fixture(scope="module")
def statuses(db) -> dict[tuple[str, str], str]:
    """(doel, periode) -> status, as the monitor judges it today."""
    con = dashboard.open_database(db)
    try:
        return {(e.doel, e.periode): e.status for e in dashboard.evaluations(con, date.today())}
    finally:
        con.close()


def norms(doel_id: str) -> dict[str, object]:
    for path in (ROOT / "data" / "afspraken").glob("*.toml"):
        for doel in tomllib.loads(path.read_text(encoding="utf-8")).get("doel", []):
            if doel["id"] == doel_id:
                return doel["norm"]
    raise KeyError(doel_id)


def page(db: Path, monkeypatch, **query) -> AppTest:
    monkeypatch.setenv("PRESTATIE_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for name, value in query.items():
        at.query_params[name] = value
    at.run()
    at.switch_page("views/duurzaamheid.py").run()
    assert not at.exception, at.exception
    return at


def chart(at: AppTest, key: str):
    """The figure Streamlit sends to the browser, arrays decoded, as attribute access."""
    [element] = [c for c in at.get("plotly_chart") if c.proto.id.endswith(f"-{key}")]
    return json.loads(element.proto.spec, object_hook=_plain)


def _plain(obj: dict):
    if set(obj) >= {"dtype", "bdata"}:  # plotly's typed arrays
        array = np.frombuffer(base64.b64decode(obj["bdata"]), dtype=obj["dtype"])
        return array.reshape(obj["shape"]).tolist() if "shape" in obj else array.tolist()
    return SimpleNamespace(**{k: v for k, v in obj.items()})


def traces(fig, **match) -> list:
    return [t for t in fig.data if all(getattr(t, k, None) == v for k, v in match.items())]


def expander(at: AppTest, start: str) -> str:
    [label] = [e.label for e in at.expander if e.label.startswith(start)]
    return label


@pytest.fixture(scope="module")
def shown(db):
    """The page once with every filter on Alle (a module-wide run of the app)."""
    mp = pytest.MonkeyPatch()
    try:
        yield page(db, mp)
    finally:
        mp.undo()


def test_page_has_every_section_and_its_charts(shown):
    assert [t.value for t in shown.title] == ["Duurzaamheid"]
    headers = [h.value for h in shown.header]
    assert headers[:2] == ["Labelverdeling", "Aandeel per labelgroep tegen de afspraak"]
    assert "Gemiddeld label: Domesta in Emmen" in headers
    assert "Label E, F, G naar nul: Lefier in Borger-Odoorn" in headers
    assert "Woningen naar label A: Lefier in Borger-Odoorn" in headers
    assert {"Energie-index", "Labelovergangen tussen twee peildata", "Doelen"} <= set(headers)
    keys = {c.proto.id.rsplit("-", 1)[-1] for c in shown.get("plotly_chart")}
    assert {"labelverdeling", "aandeel_0", "aandeel_1", "gemiddeld_0", "naar_nul_0"} <= keys
    assert {"sprong_0", "energie_index", "overgangen"} <= keys
    notes = " ".join(m.value for m in shown.markdown)
    assert "A++++ en A+++ bestaan alleen onder NTA 8800" in notes


def test_label_distribution_shows_unknown_apart_with_the_share_from_the_database(shown, sql):
    fig = chart(shown, "labelverdeling")
    [(unknown, total)] = sql(
        "SELECT sum(aantal) FILTER (WHERE label = 'onbekend'), sum(aantal) FROM actieve_vhe "
        "WHERE corporatie = 'Domesta' AND peildatum = DATE '2021-12-31'"
    )
    bar = traces(fig, name="onbekend (apart)")[0]
    first = list(zip(bar.x[0], bar.x[1], strict=True)).index(("Domesta Emmen", "31-12-2021"))
    assert bar.y[first] == pytest.approx(unknown / total)
    assert bar.marker.color == "#9e9e9e"
    classes = [t.name for t in traces(fig, type="bar")]
    assert classes[0] == "A+++" and classes[-2:] == ["G", "onbekend (apart)"]


def test_fasering_bars_come_from_the_database_and_markers_from_the_targets(shown, sql, statuses):
    fig = chart(shown, "aandeel_0")
    assert fig.layout.title.text.startswith("Domesta in Emmen")
    expected = sql(
        "SELECT year(peildatum), sum(aantal) FILTER (WHERE list_contains(?, label)) / sum(aantal) "
        "FROM actieve_vhe WHERE corporatie = 'Domesta' AND gemeente = 'Emmen' GROUP BY 1 "
        "ORDER BY 1",
        list(A_GROEP),
    )
    bars = traces(fig, type="bar")
    assert len(bars) == 4  # the four groups of the fasering
    assert list(bars[0].x) == [year for year, _ in expected]
    assert list(bars[0].y) == pytest.approx([share for _, share in expected])
    targets = traces(fig, name="doel")
    assert len(targets) == 4
    for marker, doel_id in zip(targets, ("A", "B", "C", "DEFG"), strict=True):
        norm = norms(f"DZ-9-fasering-{doel_id}")
        assert list(marker.x) == [int(y) for y in norm]
        assert list(marker.y) == pytest.approx(list(norm.values()))
        assert list(marker.marker.line.color) == [
            STATUS_KLEUREN[statuses[(f"DZ-9-fasering-{doel_id}", y)]] for y in norm
        ]


def test_woonservice_a_or_b_against_65_percent(shown, sql, statuses):
    fig = chart(shown, "aandeel_1")
    [(share,)] = sql(
        "SELECT sum(aantal) FILTER (WHERE list_contains(?, label)) / sum(aantal) FROM actieve_vhe "
        "WHERE corporatie = 'Woonservice' AND gemeente = 'Emmen' "
        "AND peildatum = DATE '2023-12-31'",
        [*A_GROEP, "B"],
    )
    [bar] = traces(fig, type="bar")
    assert bar.y[list(bar.x).index(2023)] == pytest.approx(share)
    [target] = traces(fig, name="doel")
    assert (list(target.x), list(target.y)) == ([2023], [0.65])
    status = statuses[("DZ-10-WS-label-AB", "2023")]
    assert list(target.marker.line.color) == [STATUS_KLEUREN[status]]
    [table] = [d.value for d in shown.dataframe if list(d.value.columns) == ["Labelgroep", "2023"]]
    assert table.iloc[0]["2023"].startswith(f"{STATUS_TEKEN[status]} {status}: ")


def test_lefier_efg_count_and_label_a_targets(shown, sql):
    fig = chart(shown, "naar_nul_0")
    counts = sql(
        "SELECT year(peildatum), label, sum(aantal) FROM actieve_vhe WHERE corporatie = 'Lefier' "
        "AND gemeente = 'Borger-Odoorn' AND label IN ('E', 'F', 'G') GROUP BY ALL ORDER BY 1, 2"
    )
    bars = {t.name: dict(zip(t.x, t.y, strict=True)) for t in traces(fig, type="bar")}
    for year, label, n in counts:
        assert bars[label][year] == n
    [target] = traces(fig, name="doel")
    assert (list(target.x), list(target.y)) == ([2027], [0])
    latest = max(year for year, _, _ in counts)
    efg_latest = sum(n for year, _, n in counts if year == latest)
    assert expander(shown, "Woningen met label E, F, G, Lefier") == (
        f"Woningen met label E, F, G, Lefier in Borger-Odoorn, eind {latest}: "
        f"{efg_latest:.0f} rijen"
    )
    sprong = chart(shown, "sprong_0")
    [target] = traces(sprong, name="doel")
    assert (list(target.x), list(target.y)) == ([2023, 2025], [30, 206])


def transition_count(sql, van: str, naar: str, label_van: str, label_naar: str) -> int:
    [(n,)] = sql(
        "SELECT count(*) FROM actieve_vhe a JOIN actieve_vhe b "
        "USING (corporatie, gemeente, vhe_id) WHERE a.peildatum = ?::DATE "
        "AND b.peildatum = ?::DATE AND a.label = ? AND b.label = ?",
        van,
        naar,
        label_van,
        label_naar,
    )
    return n


def test_transitions_between_two_chosen_peildata_open_to_their_rows(db, sql, monkeypatch):
    at = page(db, monkeypatch)
    assert at.selectbox(key="van").value == date(2023, 12, 31)
    assert at.selectbox(key="naar").value == date(2024, 12, 31)
    at.selectbox(key="van_label").set_value("C")
    at.selectbox(key="naar_label").set_value("B").run()
    n = transition_count(sql, "2023-12-31", "2024-12-31", "C", "B")
    assert n > 0
    assert expander(at, "Woningen van C naar B") == f"Woningen van C naar B: {n} rijen"
    at.selectbox(key="van").set_value(date(2021, 12, 31)).run()
    n = transition_count(sql, "2021-12-31", "2024-12-31", "C", "B")
    assert expander(at, "Woningen van C naar B") == f"Woningen van C naar B: {n} rijen"
    [sankey] = chart(at, "overgangen").data
    assert sum(sankey.link.value) == pytest.approx(
        sum(
            r[0]
            for r in sql(
                "SELECT count(DISTINCT (corporatie, gemeente, vhe_id)) FROM actieve_vhe "
                "WHERE peildatum IN (DATE '2021-12-31', DATE '2024-12-31')"
            )
        )
    )


def test_a_corporatie_in_the_link_shows_only_its_paths(db, monkeypatch):
    at = page(db, monkeypatch, corporatie="Lefier")
    keys = {c.proto.id.rsplit("-", 1)[-1] for c in at.get("plotly_chart")}
    assert "naar_nul_0" in keys and "sprong_0" in keys
    assert not {"aandeel_0", "gemiddeld_0"} & keys
    assert any("Geen labelaandeel-doelen" in i.value for i in at.info)


def test_an_empty_database_shows_the_targets_without_data(tmp_path, monkeypatch):
    db = tmp_path / "leeg.duckdb"
    dashboard.open_database(db, demo=False).close()
    at = page(db, monkeypatch)
    infos = " ".join(i.value for i in at.info)
    assert "minstens twee peildata" in infos and "geen energie-index" in infos
    fig = chart(at, "labelverdeling")
    assert fig.layout.title.text == "Labelverdeling per corporatie en peildatum: geen gegevens"
    fasering = chart(at, "aandeel_0")
    assert traces(fasering, type="bar")[0].y == []
    [marker, *_] = traces(fasering, name="doel")
    assert marker.marker.line.color == [STATUS_KLEUREN["geen gegevens"]] * 3
