"""The energy index over time: the mean index of the homes that have one, and its label.

Pure functions over the vhe rows of ``dashboard.stock`` (column ``energie_index`` where a
stock list has one); the database keeps no EP2 (NTA 8800).
"""

from __future__ import annotations

import pandas as pd

from prestatie.duurzaamheid.labelverdeling import PER_PEILDATUM
from prestatie.referentie import labels

INDEX_TABEL = "2015-2020"  # the table the energy-index trend labels its means with
COLUMNS = [*PER_PEILDATUM, "gemiddelde", "met_index", "totaal", "label"]


def energy_index_trend(stock: pd.DataFrame) -> pd.DataFrame:
    """Per corporatie, gemeente and peildatum with any index: the mean energy index over the
    homes that have one (weighted by ``aantal``), how many have one out of how many, and the
    label of that mean under the INDEX_TABEL table."""
    if stock.empty or "energie_index" not in stock.columns:
        return pd.DataFrame([], columns=COLUMNS)
    rows = []
    for key, g in stock.groupby(list(PER_PEILDATUM)):
        has = g[g["energie_index"].notna()]
        if has.empty:
            continue
        weight = has["aantal"].sum()
        mean = float((has["energie_index"] * has["aantal"]).sum() / weight)
        rows.append(
            dict(zip(PER_PEILDATUM, key, strict=True))
            | {
                "gemiddelde": mean,
                "met_index": weight,
                "totaal": g["aantal"].sum(),
                "label": labels.van_energie_index(mean, INDEX_TABEL),
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)
