"""The energy index over time: the mean over the homes that have one, and its label.

Every expected figure is counted by hand from the small stocks typed below.
"""

from __future__ import annotations

import pandas as pd
import pytest

from prestatie.duurzaamheid import energie_index
from tests import counting
from tests.duurzaamheid_helpers import stock


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
    trend = energie_index.energy_index_trend(counting.stock(vhe))
    assert list(trend["corporatie"]) == ["X"]
    # (1 x 1,0 + 3 x 1,5) / 4 = 1,375 -> 1,38: B under 2015-2020 (1,21 - 1,40)
    assert trend.iloc[0]["gemiddelde"] == pytest.approx(1.375)
    assert (trend.iloc[0]["met_index"], trend.iloc[0]["totaal"]) == (4.0, 5.0)
    assert trend.iloc[0]["label"] == "B"
