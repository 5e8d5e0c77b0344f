"""Measures on the lettings: the numbers the targets on the offer, the statushouders and the
search time are judged on.

Pure functions over the counts of the lettings (:mod:`prestatie.opslag.verhuurtelling`: lettings
per corporatie, gemeente, jaar, route and nieuwbouw, with the lettings under each limit in force on
the letting's date) and the histogram of search times. A letting without a rent is never counted
under a limit; a letting without a zoekduur is left out of the search-time measures (and said).
"""

from __future__ import annotations

import math
from fractions import Fraction

import pandas as pd

from prestatie.beoordeling.metingen import Share

# What the file counted: a zoekduur (the time searched actively) or an inschrijfduur (the time
# since registering, from a duration or a registration date; usually longer).
ZOEKDUUR, INSCHRIJFDUUR = "zoekduur", "inschrijfduur"


def rent_share(rows: pd.DataFrame, kolom: str) -> Share:
    """Lettings with a rent that counts under a limit (``kolom``, :meth:`Regel.kolom`) of all."""
    return Share(float(rows[kolom].sum()), float(rows["aantal"].sum()))


def route_share(rows: pd.DataFrame, route: str, bestaande_voorraad: bool) -> Share:
    """Lettings by ``route`` of all lettings; ``bestaande_voorraad``: first lettings of new homes
    left out of both."""
    if bestaande_voorraad:
        rows = rows[~rows["nieuwbouw"].astype(bool)]
    return Share(
        float(rows.loc[rows["route"] == route, "aantal"].sum()), float(rows["aantal"].sum())
    )


def split(rows: pd.DataFrame, route: str, corporaties: tuple[str, ...]) -> dict[str, int]:
    """Lettings by ``route`` per corporatie (every one listed, 0 when she has none)."""
    own = rows[rows["route"] == route].groupby("corporatie")["aantal"].sum()
    return {c: int(own.get(c, 0)) for c in corporaties}


def weighted_median(histogram: pd.DataFrame) -> float | None:
    """The median of ``zoekduur_maanden`` weighted by ``aantal`` (rows without a zoekduur left
    out); with an even count the mean of the two middle values, as DuckDB's median."""
    known = histogram.dropna(subset=["zoekduur_maanden"])
    known = known.groupby("zoekduur_maanden")["aantal"].sum().sort_index()
    total = int(known.sum())
    if not total:
        return None
    cumulative = known.cumsum()

    def value_at(position: int) -> float:  # 1-based position in the sorted values
        return float(cumulative.index[cumulative.searchsorted(position)])

    if total % 2:
        return value_at(total // 2 + 1)
    return (value_at(total // 2) + value_at(total // 2 + 1)) / 2


def within(histogram: pd.DataFrame, maanden: float) -> Share:
    """Lettings with a zoekduur of at most ``maanden`` months, of those with a zoekduur."""
    known = histogram.dropna(subset=["zoekduur_maanden"])
    inside = known["zoekduur_maanden"] <= maanden + 1e-9
    return Share(float(known.loc[inside, "aantal"].sum()), float(known["aantal"].sum()))


def without_zoekduur(histogram: pd.DataFrame) -> int:
    return int(histogram.loc[histogram["zoekduur_maanden"].isna(), "aantal"].sum())


def soorten(histogram: pd.DataFrame) -> dict[str, list[str]]:
    """What each corporatie's file counted: {'zoekduur': ['Lefier'], 'inschrijfduur': [...]}."""
    known = histogram.dropna(subset=["zoekduur_maanden", "zoekduur_soort"])
    out: dict[str, list[str]] = {}
    for soort, group in known.groupby("zoekduur_soort"):
        out[str(soort)] = sorted(set(group["corporatie"]))
    return out


def short_of_band(share: Share, lo: float, hi: float) -> int:
    """Lettings that must change for a share to lie within [lo, hi] (0 when it does); exact."""
    deel, totaal = Fraction(str(share.deel)), Fraction(str(share.totaal))
    low, high = Fraction(str(lo)) * totaal, Fraction(str(hi)) * totaal
    if deel < low:
        return math.ceil(low - deel)
    if deel > high:
        return math.ceil(deel - high)
    return 0
