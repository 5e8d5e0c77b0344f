"""The energy index over time: the mean index of the homes that have one, and its label.

Pure functions over the counts of the stock (``ei_som``, ``ei_aantal``: the energy index summed
over the homes that have one, where a stock list has it); the database keeps no EP2 (NTA 8800).
"""

from __future__ import annotations

import pandas as pd

from prestatie.duurzaamheid.labelverdeling import PER_PEILDATUM
from prestatie.referentie import labels

INDEX_TABEL = "2015-2020"  # the table the energy-index trend labels its means with
COLUMNS = [*PER_PEILDATUM, "gemiddelde", "met_index", "totaal", "label"]


def energy_index_trend(stock: pd.DataFrame) -> pd.DataFrame:
    """Per corporatie, gemeente and peildatum with any index: the mean energy index over the
    homes that have one (weighted by homes: ``ei_som`` / ``ei_aantal`` of the counts), how many
    have one out of how many, and the label of that mean under the INDEX_TABEL table."""
    if stock.empty or "ei_aantal" not in stock.columns:
        return pd.DataFrame([], columns=COLUMNS)
    sums = stock.groupby(list(PER_PEILDATUM), observed=True)[
        ["ei_som", "ei_aantal", "aantal"]
    ].sum()
    sums = sums[sums["ei_aantal"] > 0]
    rows = [
        dict(zip(PER_PEILDATUM, key, strict=True))
        | {
            "gemiddelde": float(r.ei_som / r.ei_aantal),
            "met_index": r.ei_aantal,
            "totaal": r.aantal,
            "label": labels.van_energie_index(float(r.ei_som / r.ei_aantal), INDEX_TABEL),
        }
        for key, r in zip(sums.index, sums.itertuples(index=False), strict=True)
    ]
    return pd.DataFrame(rows, columns=COLUMNS)
