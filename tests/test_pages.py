"""Every page through Streamlit's AppTest: no exception, its title, its charts, the demo notice."""

from __future__ import annotations

from pathlib import Path

import plotly.io as pio
import pytest
from streamlit.testing.v1 import AppTest

from prestatie import dashboard
from prestatie.beoordeling import scorecard

APP = str(Path(__file__).resolve().parents[1] / "app.py")
PAGES = {
    "views/overzicht.py": "Overzicht prestatieafspraken",
    "views/betaalbaarheid.py": "Betaalbaarheid",
    "views/woningzoekenden.py": "Woningzoekenden",
    "views/duurzaamheid.py": "Duurzaamheid",
    "views/voorraad.py": "Voorraadontwikkeling",
    "views/afspraken.py": "Afspraken",
    "views/gegevens.py": "Gegevens",
}


def app(db: Path, monkeypatch) -> AppTest:
    monkeypatch.setenv("PRESTATIE_DB", str(db))
    return AppTest.from_file(APP, default_timeout=120)


@pytest.fixture(scope="module")
def demo_copy(demo_db_file, tmp_path_factory):
    """One copy for this module's read-only page runs."""
    copy = tmp_path_factory.mktemp("pages") / "demo.duckdb"
    copy.write_bytes(demo_db_file.read_bytes())
    return copy


@pytest.mark.parametrize(("page", "title"), PAGES.items())
def test_page_renders_with_charts_and_demo_notice(page, title, demo_copy, monkeypatch):
    at = app(demo_copy, monkeypatch)
    at.run()
    if page != "views/overzicht.py":
        at.switch_page(page).run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == [title]
    assert len(at.get("plotly_chart")) >= 1
    assert any("Demonstratiegegevens" in w.value for w in at.warning)


def test_overzicht_tiles_add_up_and_scorecard_lists_every_evaluation(demo_copy, monkeypatch):
    at = app(demo_copy, monkeypatch)
    at.run()
    tiles = {m.label: int(m.value.replace(".", "")) for m in at.metric}
    judged = tiles.pop("Doelen beoordeeld")  # "geen gegevens" is not a judgement
    [no_data] = [n for label, n in tiles.items() if "geen gegevens" in label]
    assert judged > 50 and sum(tiles.values()) - no_data == judged
    # by default the years before the first data (2019, 2020: all geen gegevens) are left out
    default = at.dataframe[0].value
    assert len(default) < judged + no_data
    assert not ({"2019", "2020"} & set(default["Jaar"].astype(str)))
    at.toggle(key="vroege_jaren").set_value(True).run()
    assert len(at.dataframe[0].value) == judged + no_data
    assert {"🟢 behaald", "🔴 niet behaald"} <= set(at.dataframe[0].value["Status"])


def test_filters_come_from_the_url_and_narrow_the_scorecard(demo_copy, monkeypatch):
    at = app(demo_copy, monkeypatch)
    at.query_params["gemeente"] = "Borger-Odoorn"
    at.query_params["corporatie"] = "Lefier"
    at.run()
    assert at.selectbox(key="f_gemeente").value == "Borger-Odoorn"
    table = at.dataframe[0].value
    assert set(table["Gemeente"]) == {"Borger-Odoorn"} and set(table["Corporatie"]) == {"Lefier"}
    assert {"A1", "B6-2"} <= set(table["Afspraak"])


def test_filter_choice_is_written_to_the_url(demo_copy, monkeypatch):
    at = app(demo_copy, monkeypatch)
    at.run()
    at.selectbox(key="f_gemeente").select("Emmen").run()
    assert at.query_params["gemeente"] in ("Emmen", ["Emmen"])
    assert set(at.dataframe[0].value["Gemeente"]) == {"Emmen"}


def test_unknown_url_values_fall_back_to_all(demo_copy, monkeypatch):
    at = app(demo_copy, monkeypatch)
    at.query_params["gemeente"] = "<script>"
    at.run()
    assert not at.exception
    assert at.selectbox(key="f_gemeente").value == "Alle"


def test_empty_database_has_no_demo_notice(tmp_path, monkeypatch):
    db = tmp_path / "leeg.duckdb"
    dashboard.open_database(db, demo=False).close()
    at = app(db, monkeypatch)
    at.run()
    assert not at.exception
    assert not any("Demonstratiegegevens" in w.value for w in at.warning)
    tiles = {m.label: m.value for m in at.metric}
    label = scorecard.STATUS_LABEL
    # every target without data: none judged, all "geen gegevens"
    assert tiles["Doelen beoordeeld"] == "0" and int(tiles[label["geen gegevens"]]) > 50
    assert tiles[label["behaald"]] == "0"


def test_corporaties_are_those_of_the_chosen_gemeente(demo_copy, monkeypatch):
    at = app(demo_copy, monkeypatch)
    at.run()
    assert at.selectbox(key="f_gemeente").options == ["Alle", "Borger-Odoorn", "Emmen"]
    assert at.selectbox(key="f_corporatie").options == [
        "Alle",
        "Domesta",
        "Lefier",
        "Woonservice",
    ]
    at.selectbox(key="f_gemeente").select("Borger-Odoorn").run()
    assert at.selectbox(key="f_corporatie").options == ["Alle", "Lefier", "Woonservice"]


def test_a_corporatie_without_data_in_the_gemeente_falls_back_to_all(demo_copy, monkeypatch):
    at = app(demo_copy, monkeypatch)
    at.query_params["gemeente"] = "Borger-Odoorn"
    at.query_params["corporatie"] = "Domesta"  # only in Emmen
    at.run()
    assert at.selectbox(key="f_gemeente").value == "Borger-Odoorn"
    assert at.selectbox(key="f_corporatie").value == "Alle"
    assert at.query_params.get("corporatie") in (None, [])


def test_a_year_outside_the_agreements_says_so_and_draws_no_empty_axes(demo_copy, monkeypatch):
    at = app(demo_copy, monkeypatch)
    at.query_params["gemeente"] = "Emmen"
    at.query_params["jaar"] = "2025"
    at.run()
    assert not at.exception, at.exception
    notes = [i.value for i in at.info]
    assert any(
        n.startswith("Lokaal Akkoord") and "tot en met 2024: voor 2025 staan er geen doelen" in n
        for n in notes
    ), notes
    for chart in at.get("plotly_chart"):
        fig = pio.from_json(chart.proto.spec)
        if not fig.data:  # nothing to show: no axes from -1 to 6
            assert fig.layout.xaxis.visible is False and fig.layout.yaxis.visible is False
