"""The paths of the label targets: share, mean label, count to zero and homes that reached a
label, with the monitor's status per milestone, the milestone table and their figures.

Every expected figure is counted by hand from the small stocks typed below.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from prestatie import dashboard
from prestatie.afspraken.schema import Doel, Periode
from prestatie.beoordeling import monitor, selectie, status
from prestatie.duurzaamheid import labelpaden, labelpaden_chart
from tests import counting
from tests.duurzaamheid_helpers import stock


def doel(soort: str, richting: str, norm: dict[str, object], **params) -> Doel:
    periods = []
    for key, value in norm.items():
        van, _, tot = key.partition("-")
        periods.append((Periode(int(van), int(tot or van)), value))
    return Doel(
        document="test",
        id=f"{soort}-doel",
        afspraak="T1",
        omschrijving=f"{soort} doel",
        tekst="",
        soort=soort,
        corporaties=("X",),
        per_corporatie=True,
        gemeente="G",
        kern=None,
        richting=richting,
        norm=tuple(periods),
        params=params,
        toelichting="",
    )


def evaluate(doelen: list[Doel], vhe: pd.DataFrame, today: date) -> list[status.Evaluation]:
    return monitor.evaluate(doelen, counting.facts(vhe, today=today))


def rows_of(vhe: pd.DataFrame, specs) -> pd.DataFrame:
    """The vhe rows the drill-down of a path fetches, from the rows written to a database."""
    return dashboard.vhe_rows(counting.database(vhe), specs)[0]


# ---- paths of the targets ------------------------------------------------------------------

LINK = '<a href="http://x">A of B</a>'  # a groepnaam plotly would draw as a link

SHARE_STOCK = [
    ("2021-12-31", "1", "A"),
    ("2021-12-31", "2", "B"),
    ("2021-12-31", "3", "C"),
    ("2021-12-31", "4", "onbekend"),  # 2 of 4 in A-or-B: 50%
    ("2022-12-31", "1", "A"),
    ("2022-12-31", "2", "B"),
    ("2022-12-31", "3", "B"),
    ("2022-12-31", "4", "C"),  # 3 of 4: 75%
    ("2023-12-31", "1", "A"),
    ("2023-12-31", "2", "C"),
    ("2023-12-31", "3", "C"),
    ("2023-12-31", "4", "D"),
    ("2023-12-31", "5", "onbekend"),  # 1 of 5: 20%
]


def share_pad(today: date = date(2024, 6, 1)) -> labelpaden.Pad:
    target = doel(
        "aandeel_label", "min", {"2021": 0.5, "2023": 0.6, "2026": 0.7}, labels=["A", "B"]
    )
    vhe = stock(SHARE_STOCK)
    [pad] = labelpaden.paden([target], counting.facts(vhe), evaluate([target], vhe, today))
    return pad


def test_share_path_per_year_with_the_monitors_status_per_milestone():
    pad = share_pad()
    assert list(pad.gemeten["jaar"]) == [2021, 2022, 2023]
    assert list(pad.gemeten["deel"]) == [2.0, 3.0, 1.0]
    assert list(pad.gemeten["totaal"]) == [4.0, 4.0, 5.0]
    assert list(pad.gemeten["onbekend"]) == [1.0, 0.0, 1.0]
    assert list(pad.gemeten["waarde"]) == pytest.approx([0.5, 0.75, 0.2])
    mijlpalen = pad.mijlpalen
    assert list(mijlpalen["tot"]) == [2021, 2023, 2026]
    assert list(mijlpalen["norm"]) == [0.5, 0.6, 0.7]
    # 50% on a minimum of 50%: met; 20% against 60%: not; 2026 ahead, 20% below the path
    assert list(mijlpalen["status"]) == ["behaald", "niet behaald", "achter"]
    assert (pad.corporatie, pad.gemeente, pad.titel) == ("X", "G", "X in G")


def test_a_period_not_begun_has_no_status_yet():
    target = doel("labelsprong", "min", {"2030": 5}, label="A")
    vhe = stock(SHARE_STOCK)
    [pad] = labelpaden.paden(
        [target], counting.facts(vhe), evaluate([target], vhe, date(2024, 6, 1))
    )
    assert list(pad.mijlpalen["status"]) == ["geen gegevens"]
    assert pad.evaluaties == ()


def test_milestone_table_in_the_scorecards_words():
    table = labelpaden.milestone_table([share_pad()])
    assert list(table.columns) == ["Labelgroep", "2021", "2023", "2026"]
    assert table.iloc[0]["Labelgroep"] == "A, B"
    assert table.iloc[0]["2021"] == "🟢 behaald: 50,0% (≥ 50,0%)"
    assert table.iloc[0]["2023"] == "🔴 niet behaald: 20,0% (≥ 60,0%)"


def test_mean_label_per_year_and_the_rank_it_must_stay_below():
    target = doel("gemiddeld_label", "max", {"2025": "B"})
    vhe = stock(
        [
            # A = 4, B = 5: (4 + 5 + 5) / 3 = 4,67, rounds to B; onbekend left out
            ("2022-12-31", "1", "A"),
            ("2022-12-31", "2", "B"),
            ("2022-12-31", "3", "B"),
            ("2022-12-31", "4", "onbekend"),
            # (4 + 5) / 2 = 4,5: half up, B
            ("2023-12-31", "1", "A"),
            ("2023-12-31", "2", "B"),
        ]
    )
    [pad] = labelpaden.paden([target], counting.facts(vhe), [])
    assert list(pad.gemeten["rang"]) == pytest.approx([14 / 3, 4.5])
    assert list(pad.gemeten["waarde"]) == ["B", "B"]
    assert list(pad.gemeten["bekend"]) == [3.0, 2.0]
    assert labelpaden.rank_limit("B") == 5.5


NAAR_NUL_STOCK = [
    ("2021-12-31", "1", "E"),
    ("2021-12-31", "2", "F"),
    ("2021-12-31", "3", "F"),
    ("2021-12-31", "4", "G"),
    ("2021-12-31", "5", "D"),
    ("2022-12-31", "1", "C"),
    ("2022-12-31", "2", "E"),
    ("2022-12-31", "3", "D"),
    ("2022-12-31", "4", "D"),
]


def test_count_to_zero_per_class_with_a_straight_path_and_its_rows():
    target = doel("naar_nul", "max", {"2027": 0}, labels=["E", "F", "G"])
    vhe = stock(NAAR_NUL_STOCK)
    [pad] = labelpaden.paden(
        [target], counting.facts(vhe), evaluate([target], vhe, date(2023, 6, 1))
    )
    assert pad.gemeten[["E", "F", "G", "waarde"]].values.tolist() == [
        [1.0, 2.0, 1.0, 4.0],
        [1.0, 0.0, 0.0, 1.0],
    ]
    path = labelpaden.path_to_zero(pad)
    assert path.values.tolist() == [[2021, 4.0], [2027, 0.0]]
    # path in 2022: 4 * 5/6 = 3,33; 1 home is below it
    assert list(pad.mijlpalen["status"]) == ["op koers"]
    assert list(rows_of(vhe, labelpaden.latest_rows(pad))["vhe_id"]) == ["2"]


def test_homes_that_reached_a_label_per_year_and_running_per_period():
    target = doel("labelsprong", "min", {"2022": 1, "2022-2023": 3}, label="A")
    vhe = stock(
        [
            ("2021-12-31", "1", "C"),
            ("2021-12-31", "2", "D"),
            ("2021-12-31", "3", "A"),
            ("2021-12-31", "4", "onbekend"),
            ("2022-12-31", "1", "A"),  # C -> A: counts
            ("2022-12-31", "2", "B"),  # D -> B: not A
            ("2022-12-31", "3", "A"),  # was A already
            ("2022-12-31", "4", "A"),  # from onbekend: not counted
            ("2022-12-31", "5", "A++"),  # new: not counted
            ("2023-12-31", "1", "A"),
            ("2023-12-31", "2", "A+"),  # B -> A+: counts
            ("2023-12-31", "3", "A"),
            ("2023-12-31", "4", "A"),
            ("2023-12-31", "5", "A++"),
        ]
    )
    [pad] = labelpaden.paden(
        [target], counting.facts(vhe), evaluate([target], vhe, date(2024, 3, 1))
    )
    assert pad.gemeten[["jaar", "waarde"]].values.tolist() == [[2022, 1], [2023, 1]]
    running = labelpaden.cumulative(pad)
    assert running[["periode", "jaar", "totaal"]].values.tolist() == [
        ["2022", 2022, 1.0],
        ["2022-2023", 2022, 1.0],
        ["2022-2023", 2023, 2.0],
    ]
    assert list(pad.mijlpalen["status"]) == ["behaald", "niet behaald"]
    assert list(rows_of(vhe, labelpaden.latest_rows(pad))["vhe_id"]) == ["2"]


def test_select_keeps_the_paths_of_the_chosen_gemeente():
    target = doel("aandeel_label", "min", {"2021": 0.5}, labels=["A"])
    other = Doel(**{**target.__dict__, "id": "ander", "gemeente": "H"})
    vhe = pd.concat([stock(SHARE_STOCK), stock(SHARE_STOCK, gemeente="H")], ignore_index=True)
    pads = labelpaden.paden(
        [target, other], counting.facts(vhe), evaluate([target, other], vhe, date(2024, 1, 1))
    )
    assert [p.gemeente for p in pads] == ["G", "H"]
    chosen = labelpaden.select(pads, selectie.Filters(gemeente="H", jaar=2099))
    assert [p.doel.id for p in chosen] == ["ander"]
    assert labelpaden.select(pads, selectie.Filters(corporatie="Y")) == []


# ---- figures ----------------------------------------------------------------------------------


def test_share_paths_draw_bars_and_a_target_marker_per_milestone():
    fig = labelpaden_chart.share_paths([share_pad()], "Aandeel")
    [bar] = [t for t in fig.data if t.type == "bar"]
    assert list(bar.x) == [2021, 2022, 2023]
    assert list(bar.y) == pytest.approx([0.5, 0.75, 0.2])
    assert bar.marker.color == "#4cb848"  # group A, B: the colour of its worst class, B
    [line] = [t for t in fig.data if t.name == "doel"]
    assert list(line.x) == [2021, 2023, 2026] and list(line.y) == [0.5, 0.6, 0.7]
    assert list(line.marker.line.color) == ["#1a7f37", "#c62828", "#f0a202"]
    [triangle] = [t for t in fig.data if t.name == "richting van het doel"]
    assert triangle.marker.symbol == "triangle-up"
    legend = [t.name for t in fig.data if t.legendgroup in ("richting", "status")]
    assert legend == ["doel minimaal", "behaald", "achter", "niet behaald"]


def test_a_group_name_from_the_agreement_is_text_in_the_panel_title():
    pad = share_pad()
    named = replace(pad, doel=replace(pad.doel, params={**pad.doel.params, "groepnaam": LINK}))
    titles = [a.text for a in labelpaden_chart.share_paths([named], "Aandeel").layout.annotations]
    assert 'label &lt;a href="http://x"&gt;A of B&lt;/a&gt;' in titles
    assert not any("<a " in t for t in titles)


def test_count_to_zero_figure_has_class_bars_path_and_target():
    target = doel("naar_nul", "max", {"2027": 0}, labels=["E", "F", "G"])
    vhe = stock(NAAR_NUL_STOCK)
    [pad] = labelpaden.paden(
        [target], counting.facts(vhe), evaluate([target], vhe, date(2023, 6, 1))
    )
    fig = labelpaden_chart.to_zero(pad, "EFG")
    bars = {t.name: list(t.y) for t in fig.data if t.type == "bar"}
    assert bars == {"E": [1.0, 1.0], "F": [2.0, 0.0], "G": [1.0, 0.0]}
    [target_marker] = [t for t in fig.data if t.name == "richting van het doel"]
    assert target_marker.marker.symbol == "triangle-down"
    assert list(target_marker.marker.color) == ["#6cc24a"]  # op koers
