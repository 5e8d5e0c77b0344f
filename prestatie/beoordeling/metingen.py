"""Measures on the stock and the production: the numbers the targets are judged on.

Pure functions over the counts of the stock (:mod:`prestatie.opslag.counts`: homes per corporatie,
gemeente, verslagjaar, kern, label, eengezins and levensloopgeschikt, ``aantal`` the homes: 1 per
vhe of a stock list, Aantal ultimo of a bezitstabel) and the production table. A vhe without a rent
is never counted as under a limit; a vhe with label "onbekend" stays in every denominator and never
in a label group, so unknowns can only make a share look worse, never better.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import pandas as pd

from prestatie.referentie import labels


@dataclass(frozen=True)
class Share:
    """``deel`` of ``totaal`` homes; ``waarde`` is the fraction 0..1."""

    deel: float
    totaal: float

    @property
    def waarde(self) -> float | None:
        return self.deel / self.totaal if self.totaal else None


def rent_share(rows: pd.DataFrame, kolom: str) -> Share:
    """Share of homes with a rent that counts under a limit: the counts in ``kolom``
    (:meth:`prestatie.beoordeling.huurregel.Regel.kolom`) of all homes."""
    return Share(float(rows[kolom].sum()), float(rows["aantal"].sum()))


def share_in_labels(rows: pd.DataFrame, group: tuple[str, ...]) -> Share:
    inside = rows["label"].isin(group)
    return Share(float(rows.loc[inside, "aantal"].sum()), float(rows["aantal"].sum()))


def count_in_labels(rows: pd.DataFrame, group: tuple[str, ...]) -> float:
    return float(rows.loc[rows["label"].isin(group), "aantal"].sum())


def known_labels(rows: pd.DataFrame) -> float:
    """Homes with a known label (not *onbekend*): none means a label target cannot be judged."""
    return float(rows.loc[rows["label"] != labels.ONBEKEND, "aantal"].sum())


def mean_label(rows: pd.DataFrame) -> tuple[float, str] | None:
    """Mean over the label ordinal (A++++ = 0 … G = 10), unknown labels left out; every home
    counts once (``aantal`` homes of a group count ``aantal`` times)."""
    known = rows[rows["label"] != labels.ONBEKEND]
    weights = known.groupby("label", observed=True)["aantal"].sum().round()
    return labels.gemiddeld_gewogen({str(k): int(n) for k, n in weights.items() if n > 0})


def stock_measure(rows: pd.DataFrame, maat: str) -> float:
    """A stock count for a bandwidth target: all homes, single-family, or levensloopgeschikt."""
    levensloop = rows["levensloopgeschikt"].astype("boolean").fillna(False).astype(bool)
    if maat == "vhe":
        mask = pd.Series(True, index=rows.index)
    elif maat == "eengezins":
        mask = rows["eengezins"].astype("boolean").fillna(False).astype(bool) & ~levensloop
    elif maat == "levensloopgeschikt":
        mask = levensloop
    else:
        raise ValueError(f"onbekende maat '{maat}'")
    return float(rows.loc[mask, "aantal"].sum())


def homes_short(share: Share, norm: float, richting: str) -> int:
    """Homes that must change for a share to meet its norm (0 when it does).

    For a minimum: homes to bring under the limit / into the group; for a maximum: homes to
    take out; for a band (low, high) whichever edge is crossed. Exact arithmetic, so 90% of
    1.000 needs 900, not 901.
    """
    if richting == "band":  # (low, high): short of the low edge, or past the high one
        return max(homes_short(share, norm[0], "min"), homes_short(share, norm[1], "max"))
    target = Fraction(str(norm)) * Fraction(str(share.totaal))
    deel = Fraction(str(share.deel))
    if richting == "min":
        return max(0, math.ceil(target - deel))
    return max(0, math.ceil(deel - target))


def reached_label(overgangen: pd.DataFrame, minimum: str) -> int:
    """Homes (rows of the files) that went from below ``minimum`` (a known label) to at least
    it, from the label transitions by vhe number between consecutive verslagjaren."""
    was_below = overgangen["label_van"].isin(labels.classes_below(minimum))
    now_at = overgangen["label_naar"].isin(labels.classes_at_least(minimum))
    return int(overgangen.loc[was_below & now_at, "rijen"].sum())


def for_sale_only(overgangen: pd.DataFrame, doel) -> pd.DataFrame | None:
    """The label transitions a labelsprong target counts: with ``verkooplabel`` only the homes
    the stock list marks as verkoopvijver / verkooplabel; None when no list in them says
    (the column was not there), so the target cannot be measured."""
    if not doel.params.get("verkooplabel"):
        return overgangen
    if "verkooplabel" not in overgangen or overgangen["verkooplabel"].isna().all():
        return None
    marked = overgangen["verkooplabel"].astype("boolean").fillna(False).astype(bool)
    return overgangen[marked]


def produced(productie: pd.DataFrame, soorten: tuple[str, ...], years: range) -> int:
    rows = productie[productie["soort"].isin(soorten) & productie["jaar"].isin(list(years))]
    return int(rows["aantal"].sum())
