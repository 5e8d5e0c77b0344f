"""Label distributions: counts and shares per peildatum, the rows with unknown labels, and the
distribution figure in label colours.

Every expected figure is counted by hand from the small stocks typed below.
"""

from __future__ import annotations

import pandas as pd
import pytest

from prestatie.charts import style
from prestatie.duurzaamheid import labelverdeling, labelverdeling_chart
from tests.duurzaamheid_helpers import stock

ALLE = ["A++++", "A+++", "A++", "A+", "A", "B", "C", "D", "E", "F", "G", "onbekend"]


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


# ---- figures ----------------------------------------------------------------------------------


def test_label_distribution_in_label_colours_with_unknown_apart():
    vhe = stock([("2023-12-31", "1", "AP3"), ("2023-12-31", "2", "B"), ("2023-12-31", "3", "?")])
    fig = labelverdeling_chart.label_distribution(labelverdeling.label_counts(vhe), "Labels")
    bars = {t.name: t for t in fig.data if t.type == "bar"}
    assert list(bars) == ["A+++", "B", "onbekend (apart)"]  # classes without homes left out
    assert bars["B"].marker.color == "#4cb848"
    assert bars["A+++"].marker.color == "#00732f"
    assert bars["onbekend (apart)"].marker.pattern.shape == "/"
    assert list(bars["B"].y) == pytest.approx([1 / 3])
    [above] = [t for t in fig.data if t.type == "scatter"]
    assert list(above.text) == ["? 1"]
    assert fig.layout.barmode == "stack"


@pytest.mark.parametrize(("colour", "text"), [("#fff200", "#000000"), ("#00602b", "#ffffff")])
def test_text_colour_reads_on_the_label_colour(colour, text):
    assert style.text_colour(colour) == text
