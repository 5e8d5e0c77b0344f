"""The page Leefbaarheid through AppTest: with the Leefbaarometer test file a chart per wijk,
the wijken that fall short named (on the page and in LW-2's evaluation), the classes per year
and the rows behind them; without scores it says so and LW-2 has geen gegevens."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from prestatie import dashboard
from prestatie.opslag import store
from tests.ingest_helpers import DATA, LBM_WIJKEN

APP = str(Path(__file__).resolve().parents[1] / "app.py")
PAGE = "views/leefbaarheid.py"


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
def with_scores(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("leefbaarheid") / "lbm.duckdb"
    con = dashboard.open_database(db, demo=False)
    store.import_paths(con, [DATA / LBM_WIJKEN])
    con.close()
    return db


def markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_a_chart_per_wijk_and_the_wijken_that_fall_short_named(with_scores, monkeypatch):
    at = page(with_scores, monkeypatch, gemeente="Emmen")
    assert [t.value for t in at.title] == ["Leefbaarheid"]
    assert [h.value for h in at.main.header] == ["Doelen op de leefbaarheid", "Emmen: per wijk"]
    assert len(at.get("plotly_chart")) == 4  # one per wijk measured in 2022
    text = markdown(at)
    # LW-2 judged on 2022 (the latest measurement in 2019-2024): 2 of 4 wijken
    assert "LW-2" in text and "niet behaald" in text
    assert (
        "Leefbaarometer 2022: 2 van de 4 wijken schieten tekort (Emmerhout en Angelslo); "
        "afgesproken is geen enkele: niet behaald."
    ) in text
    assert "In 2022 schieten 2 van de 4 wijken tekort." in text
    assert "Emmerhout (WK011402): klasse 3 onvoldoende" in text
    assert "Angelslo (WK011403): achteruit van 6 ruim voldoende naar 5 voldoende" in text
    assert "Klazienaveen (WK011404):" not in text
    captions = " ".join(c.value for c in at.caption)
    assert captions.count("Schiet tekort:") == 2
    classes = at.dataframe[0].value.set_index("Wijk of buurt")
    assert classes.loc["Emmerhout (WK011402)"].tolist() == [
        "4 zwak",
        "3 onvoldoende",
        "3 onvoldoende",
    ]
    assert list(classes.columns) == ["2018", "2020", "2022"]
    behind = at.dataframe[1].value
    assert len(behind) == 12 and set(behind["Bestand"]) == {LBM_WIJKEN}
    assert behind["Rij"].tolist()[:3] == ["2", "3", "4"]


def test_without_scores_it_says_so_and_lw2_has_no_data(tmp_path, monkeypatch):
    db = tmp_path / "leeg.duckdb"
    dashboard.open_database(db, demo=False).close()
    at = page(db, monkeypatch, gemeente="Emmen")
    infos = " ".join(i.value for i in at.info)
    assert "Geen Leefbaarometer-scores ingelezen voor Emmen" in infos
    assert "geen gegevens" in markdown(at) and "geen Leefbaarometer-scores ingelezen" in markdown(
        at
    )
    assert not at.get("plotly_chart")


def test_the_demo_shows_lw2_not_met_with_emmerhout_and_bargeres(demo_db, monkeypatch):
    at = page(demo_db, monkeypatch, gemeente="Emmen")
    # the demo's twelve wijken (prestatie/demo/leefbaarheid.py): in 2024 Emmerhout 4 -> 3 and
    # Bargeres 5 -> 4 fall short
    assert len(at.get("plotly_chart")) == 12
    text = markdown(at)
    assert "niet behaald" in text and "In 2024 schieten 2 van de 12 wijken tekort." in text
    assert "2 van de 12 wijken schieten tekort (Emmerhout en Bargeres)" in text
    assert "Emmerhout (WK011402): klasse 3 onvoldoende" in text
    assert "Bargeres (WK011403): achteruit van 5 voldoende naar 4 zwak (sinds 2022)" in text
    assert "Noordbarge (WK011406):" not in text
