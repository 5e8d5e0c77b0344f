"""Duurzaamheid: label distributions, target paths, transitions and their figures.

Every expected figure is counted by hand from the small stocks typed below.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from prestatie import (
    dashboard,
    energie_index,
    labelovergangen,
    labelpaden,
    labeltelling,
    labelverdeling,
    monitor,
)
from prestatie.charts import labelovergangen as overgang_charts
from prestatie.charts import labelpaden as pad_charts
from prestatie.charts import labelverdeling as verdeling_charts
from prestatie.charts import style
from prestatie.targets import Doel, Periode

ALLE = ["A++++", "A+++", "A++", "A+", "A", "B", "C", "D", "E", "F", "G", "onbekend"]


def stock(rows: list[tuple], corporatie: str = "X", gemeente: str = "G") -> pd.DataFrame:
    """(peildatum, vhe_id, label[, aantal[, energie_index]]) -> vhe rows as dashboard.stock."""
    out = []
    for row in rows:
        peil, vhe_id, label, *rest = row
        out.append(
            {
                "corporatie": corporatie,
                "gemeente": gemeente,
                "peildatum": pd.Timestamp(peil),
                "vhe_id": vhe_id,
                "label": label,
                "aantal": float(rest[0]) if rest else 1.0,
                "energie_index": rest[1] if len(rest) > 1 else None,
                "kern": None,
                "jaar": date.fromisoformat(peil).year,
            }
        )
    return pd.DataFrame(out)


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


def evaluate(doelen: list[Doel], vhe: pd.DataFrame, today: date) -> list[monitor.Evaluation]:
    empty = pd.DataFrame(columns=["corporatie", "gemeente", "kern", "soort", "jaar", "aantal"])
    return monitor.evaluate(doelen, monitor.Facts(vhe, empty, empty, today))


# ---- distribution --------------------------------------------------------------------------


def test_label_counts_read_vera_codes_and_spellings_and_keep_the_unknown():
    vhe = stock(
        [
            ("2023-12-31", "1", "AP3"),
            ("2023-12-31", "2", "A+++"),
            ("2023-12-31", "3", "APP"),
            ("2023-12-31", "4", "Label a"),
            ("2023-12-31", "5", "b"),
            ("2023-12-31", "6", "B"),
            ("2023-12-31", "7", "Energielabel B"),
            ("2023-12-31", "8", "onbekend"),
            ("2023-12-31", "9", "H"),  # not a housing label: onbekend, not dropped
            ("2023-12-31", "10", None),
        ]
    )
    counts = labelverdeling.label_counts(vhe)
    assert list(counts.columns) == ALLE
    row = counts.loc[("X", "G", pd.Timestamp("2023-12-31"))]
    assert row.to_dict() == dict.fromkeys(ALLE, 0.0) | {
        "A+++": 2.0,
        "A++": 1.0,
        "A": 1.0,
        "B": 3.0,
        "onbekend": 3.0,
    }
    shares = labelverdeling.label_shares(counts).iloc[0]
    assert shares["A+++"] == pytest.approx(0.2)
    assert shares["B"] == pytest.approx(0.3)
    assert shares["onbekend"] == pytest.approx(0.3)
    assert shares.sum() == pytest.approx(1.0)


def test_label_counts_weigh_by_aantal_per_peildatum():
    vhe = stock(
        [
            ("2022-12-31", "1", "C", 3),
            ("2022-12-31", "2", "D", 1),
            ("2023-12-31", "1", "C", 1),
            ("2023-12-31", "2", "onbekend", 1),
        ]
    )
    shares = labelverdeling.label_shares(labelverdeling.label_counts(vhe))
    first, second = shares.iloc[0], shares.iloc[1]
    assert (first["C"], first["D"]) == (pytest.approx(0.75), pytest.approx(0.25))
    assert (second["C"], second["onbekend"]) == (pytest.approx(0.5), pytest.approx(0.5))


def test_rows_with_labels_finds_the_unknown_ones():
    vhe = stock([("2023-12-31", "1", "X9"), ("2023-12-31", "2", "A"), ("2023-12-31", "3", "")])
    assert list(labelverdeling.rows_with_labels(vhe, ["onbekend"])["vhe_id"]) == ["1", "3"]


# ---- paths of the targets ------------------------------------------------------------------

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
    [pad] = labelpaden.paden([target], vhe, evaluate([target], vhe, today))
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
    [pad] = labelpaden.paden([target], vhe, evaluate([target], vhe, date(2024, 6, 1)))
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
    [pad] = labelpaden.paden([target], vhe, [])
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
    [pad] = labelpaden.paden([target], vhe, evaluate([target], vhe, date(2023, 6, 1)))
    assert pad.gemeten[["E", "F", "G", "waarde"]].values.tolist() == [
        [1.0, 2.0, 1.0, 4.0],
        [1.0, 0.0, 0.0, 1.0],
    ]
    path = labelpaden.path_to_zero(pad)
    assert path.values.tolist() == [[2021, 4.0], [2027, 0.0]]
    # path in 2022: 4 * 5/6 = 3,33; 1 home is below it
    assert list(pad.mijlpalen["status"]) == ["op koers"]
    assert list(labelpaden.latest_rows(pad)["vhe_id"]) == ["2"]


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
    [pad] = labelpaden.paden([target], vhe, evaluate([target], vhe, date(2024, 3, 1)))
    assert pad.gemeten[["jaar", "waarde"]].values.tolist() == [[2022, 1], [2023, 1]]
    running = labelpaden.cumulative(pad)
    assert running[["periode", "jaar", "totaal"]].values.tolist() == [
        ["2022", 2022, 1.0],
        ["2022-2023", 2022, 1.0],
        ["2022-2023", 2023, 2.0],
    ]
    assert list(pad.mijlpalen["status"]) == ["behaald", "niet behaald"]
    assert list(labelpaden.latest_rows(pad)["vhe_id"]) == ["2"]


def test_select_keeps_the_paths_of_the_chosen_gemeente():
    target = doel("aandeel_label", "min", {"2021": 0.5}, labels=["A"])
    other = Doel(**{**target.__dict__, "id": "ander", "gemeente": "H"})
    vhe = pd.concat([stock(SHARE_STOCK), stock(SHARE_STOCK, gemeente="H")], ignore_index=True)
    pads = labelpaden.paden([target, other], vhe, evaluate([target, other], vhe, date(2024, 1, 1)))
    assert [p.gemeente for p in pads] == ["G", "H"]
    chosen = labelpaden.select(pads, dashboard.Filters(gemeente="H", jaar=2099))
    assert [p.doel.id for p in chosen] == ["ander"]
    assert labelpaden.select(pads, dashboard.Filters(corporatie="Y")) == []


# ---- energy index ---------------------------------------------------------------------------


def test_energy_index_mean_over_the_homes_that_have_one():
    vhe = pd.concat(
        [
            stock(
                [
                    ("2023-12-31", "1", "B", 1, 1.0),
                    ("2023-12-31", "2", "C", 3, 1.5),
                    ("2023-12-31", "3", "onbekend", 1, None),
                ]
            ),
            stock([("2023-12-31", "9", "A")], corporatie="Z"),  # no index at all: left out
        ],
        ignore_index=True,
    )
    trend = energie_index.energy_index_trend(vhe)
    assert list(trend["corporatie"]) == ["X"]
    # (1 x 1,0 + 3 x 1,5) / 4 = 1,375 -> 1,38: B under 2015-2020 (1,21 - 1,40)
    assert trend.iloc[0]["gemiddelde"] == pytest.approx(1.375)
    assert (trend.iloc[0]["met_index"], trend.iloc[0]["totaal"]) == (4.0, 5.0)
    assert trend.iloc[0]["label"] == "B"


# ---- transitions ------------------------------------------------------------------------------


def transition_stock() -> pd.DataFrame:
    return pd.concat(
        [
            stock(
                [
                    ("2023-12-31", "1", "D"),
                    ("2023-12-31", "2", "D"),
                    ("2023-12-31", "3", "C"),
                    ("2023-12-31", "4", "E"),
                    ("2023-12-31", "6", "ap3"),
                    ("2023-12-31", "7", "onbekend"),
                    ("2024-12-31", "1", "B"),
                    ("2024-12-31", "2", "D"),
                    ("2024-12-31", "3", "Label b"),
                    ("2024-12-31", "5", "A"),
                    ("2024-12-31", "6", "AP4"),
                    ("2024-12-31", "7", "C"),
                ]
            ),
            # the same number at another corporatie is another home
            stock([("2023-12-31", "1", "B")], corporatie="Y"),
        ],
        ignore_index=True,
    )


def test_transitions_matched_by_vhe_number_with_homes_that_left_or_came():
    counts = labelovergangen.transitions(transition_stock(), date(2023, 12, 31), date(2024, 12, 31))
    assert counts.values.tolist() == [
        ["A+++", "A++++", 1.0],
        ["B", "uit bezit", 1.0],
        ["C", "B", 1.0],
        ["D", "B", 1.0],
        ["D", "D", 1.0],
        ["E", "uit bezit", 1.0],
        ["onbekend", "C", 1.0],
        ["nieuw in bezit", "A", 1.0],
    ]
    assert labelovergangen.transition_summary(counts) == {
        "beter": 3.0,
        "gelijk": 1.0,
        "slechter": 0.0,
        "onbekend": 1.0,
        "uit bezit": 2.0,
        "nieuw in bezit": 1.0,
    }
    table = labelovergangen.transition_table(counts)
    assert list(table.index) == ["A+++", "B", "C", "D", "E", "onbekend", "nieuw in bezit"]
    assert list(table.columns) == ["A++++", "A", "B", "C", "D", "uit bezit"]
    assert table.loc["D", "B"] == 1.0 and table.loc["D", "D"] == 1.0
    assert table.values.sum() == 8.0


def test_moved_gives_the_rows_of_one_transition():
    rows = labelovergangen.transition_rows(
        transition_stock(), date(2023, 12, 31), date(2024, 12, 31)
    )
    d_to_b = labelovergangen.moved(rows, "D", "B")
    assert d_to_b[["corporatie", "vhe_id", "label_van", "label_naar"]].values.tolist() == [
        ["X", "1", "D", "B"]
    ]
    left = labelovergangen.moved(rows, "B", "uit bezit")
    assert left[["corporatie", "vhe_id"]].values.tolist() == [["Y", "1"]]


@pytest.mark.parametrize(
    ("van", "naar", "richting"),
    [
        ("D", "B", "beter"),
        ("B", "B", "gelijk"),
        ("A", "C", "slechter"),
        ("onbekend", "B", "onbekend"),
    ],
)
def test_direction_of_a_transition(van, naar, richting):
    assert labelovergangen.direction(van, naar) == richting


def test_peildata_oldest_first():
    assert labelovergangen.peildata(transition_stock()) == [date(2023, 12, 31), date(2024, 12, 31)]


# ---- what the page says about methods ---------------------------------------------------------


def test_method_notes_state_the_facts_of_labels_py():
    text = " ".join(labeltelling.method_notes())
    assert "A++++ en A+++ bestaan alleen onder NTA 8800" in text
    assert "die groep omvat A++++, A+++, A++, A+, A." in text
    assert "tabel 2015-2020 (een index van 1,20 geeft label A, 1,21 geeft B)" in text
    assert "A++++ = 0 … G = 10" in text
    assert "(4,5, tussen A en B, wordt B)" in text
    assert "alleen de labelklasse" in text


# ---- figures ----------------------------------------------------------------------------------


def test_label_distribution_in_label_colours_with_unknown_apart():
    vhe = stock([("2023-12-31", "1", "AP3"), ("2023-12-31", "2", "B"), ("2023-12-31", "3", "?")])
    fig = verdeling_charts.label_distribution(labelverdeling.label_counts(vhe), "Labels")
    bars = {t.name: t for t in fig.data if t.type == "bar"}
    assert list(bars) == ["A+++", "B", "onbekend (apart)"]  # classes without homes left out
    assert bars["B"].marker.color == "#4cb848"
    assert bars["A+++"].marker.color == "#00732f"
    assert bars["onbekend (apart)"].marker.pattern.shape == "/"
    assert list(bars["B"].y) == pytest.approx([1 / 3])
    [above] = [t for t in fig.data if t.type == "scatter"]
    assert list(above.text) == ["? 1"]
    assert fig.layout.barmode == "stack"


def test_share_paths_draw_bars_and_a_target_marker_per_milestone():
    fig = pad_charts.share_paths([share_pad()], "Aandeel")
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


def test_count_to_zero_figure_has_class_bars_path_and_target():
    target = doel("naar_nul", "max", {"2027": 0}, labels=["E", "F", "G"])
    vhe = stock(NAAR_NUL_STOCK)
    [pad] = labelpaden.paden([target], vhe, evaluate([target], vhe, date(2023, 6, 1)))
    fig = pad_charts.to_zero(pad, "EFG")
    bars = {t.name: list(t.y) for t in fig.data if t.type == "bar"}
    assert bars == {"E": [1.0, 1.0], "F": [2.0, 0.0], "G": [1.0, 0.0]}
    [target_marker] = [t for t in fig.data if t.name == "richting van het doel"]
    assert target_marker.marker.symbol == "triangle-down"
    assert list(target_marker.marker.color) == ["#6cc24a"]  # op koers


def test_transition_sankey_colours_better_green_and_keeps_label_order():
    counts = labelovergangen.transitions(transition_stock(), date(2023, 12, 31), date(2024, 12, 31))
    [sankey] = overgang_charts.transitions(counts, date(2023, 12, 31), date(2024, 12, 31), "T").data
    labels_left = ["A+++", "B", "C", "D", "E", "onbekend", "nieuw in bezit"]
    labels_right = ["A++++", "A", "B", "C", "D", "uit bezit"]
    assert list(sankey.node.label) == labels_left + labels_right
    assert list(sankey.link.value) == [1.0] * 8
    d_to_b = list(zip(sankey.link.source, sankey.link.target, strict=True)).index(
        (labels_left.index("D"), len(labels_left) + labels_right.index("B"))
    )
    assert sankey.link.color[d_to_b] == overgang_charts.OVERGANG_KLEUREN["beter"]


@pytest.mark.parametrize(("colour", "text"), [("#fff200", "#000000"), ("#00602b", "#ffffff")])
def test_text_colour_reads_on_the_label_colour(colour, text):
    assert style.text_colour(colour) == text


def test_largest_transition_in_a_direction():
    counts = labelovergangen.transitions(transition_stock(), date(2023, 12, 31), date(2024, 12, 31))
    # three improvements of one home each: the tie goes to the first in label order
    assert labelovergangen.largest(counts) == ("A+++", "A++++")
    assert labelovergangen.largest(counts, "gelijk") == ("D", "D")
    assert labelovergangen.largest(counts, "slechter") is None
    heavier = counts.assign(aantal=[1.0, 1.0, 1.0, 5.0, 1.0, 1.0, 1.0, 1.0])  # D -> B weighs 5
    assert labelovergangen.largest(heavier) == ("D", "B")
