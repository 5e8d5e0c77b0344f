"""Label transitions between two peildata: matched by vhe number, homes that left or came, the
direction of a move, the rows behind one, the largest, and the Sankey figure.

Every expected figure is counted by hand from the small stocks typed below.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from prestatie import dashboard
from prestatie.duurzaamheid import labelovergangen, labelovergangen_chart
from tests import counting
from tests.duurzaamheid_helpers import stock

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


VAN, NAAR = date(2023, 12, 31), date(2024, 12, 31)


def counted_transitions() -> pd.DataFrame:
    """The typed stock through the real store, matched by DuckDB (dashboard.transitions)."""
    con = counting.database(transition_stock())
    return labelovergangen.transitions(dashboard.transitions(con, VAN, NAAR))


def moved(label_van: str, label_naar: str) -> pd.DataFrame:
    """The rows the drill-down of one transition fetches."""
    con = counting.database(transition_stock())
    specs = labelovergangen.moved_rows(VAN, NAAR, label_van, label_naar, None, None)
    return dashboard.vhe_rows(con, specs)[0]


def test_transitions_matched_by_vhe_number_with_homes_that_left_or_came():
    counts = counted_transitions()
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
    d_to_b = moved("D", "B")
    assert d_to_b[["corporatie", "vhe_id", "label"]].values.tolist() == [["X", "1", "B"]]
    left = moved("B", "uit bezit")
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


def test_largest_transition_in_a_direction():
    counts = counted_transitions()
    # three improvements of one home each: the tie goes to the first in label order
    assert labelovergangen.largest(counts) == ("A+++", "A++++")
    assert labelovergangen.largest(counts, "gelijk") == ("D", "D")
    assert labelovergangen.largest(counts, "slechter") is None
    heavier = counts.assign(aantal=[1.0, 1.0, 1.0, 5.0, 1.0, 1.0, 1.0, 1.0])  # D -> B weighs 5
    assert labelovergangen.largest(heavier) == ("D", "B")


# ---- figures ----------------------------------------------------------------------------------


def test_transition_sankey_colours_better_green_and_keeps_label_order():
    counts = counted_transitions()
    [sankey] = labelovergangen_chart.transitions(
        counts, date(2023, 12, 31), date(2024, 12, 31), "T"
    ).data
    labels_left = ["A+++", "B", "C", "D", "E", "onbekend", "nieuw in bezit"]
    labels_right = ["A++++", "A", "B", "C", "D", "uit bezit"]
    assert list(sankey.node.label) == labels_left + labels_right
    assert list(sankey.link.value) == [1.0] * 8
    d_to_b = list(zip(sankey.link.source, sankey.link.target, strict=True)).index(
        (labels_left.index("D"), len(labels_left) + labels_right.index("B"))
    )
    assert sankey.link.color[d_to_b] == labelovergangen_chart.OVERGANG_KLEUREN["beter"]
