"""Measures on the stock and the production: the numbers the targets are judged on.

Pure functions over the vhe table (one row per vhe per peildatum, ``aantal`` is its weight:
1 for a stock list, Aantal ultimo for a bezitstabel) and the production table. A vhe without a
rent is never counted as under a limit; a vhe with label "onbekend" stays in every denominator
and never in a label group, so unknowns can only make a share look worse, never better.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import pandas as pd

from prestatie.beoordeling import huurregel
from prestatie.referentie import labels
from prestatie.referentie.peildatum import as_date, verslagjaar


@dataclass(frozen=True)
class Share:
    """``deel`` of ``totaal`` homes; ``waarde`` is the fraction 0..1."""

    deel: float
    totaal: float

    @property
    def waarde(self) -> float | None:
        return self.deel / self.totaal if self.totaal else None


def latest_per_year(vhe: pd.DataFrame) -> pd.DataFrame:
    """Per corporatie and gemeente, the rows of the last peildatum of each verslagjaar.

    Adds the column ``jaar``. Two stock lists dated 1 January 2024 and 31 December 2023 both
    report on 2023; the later one counts.
    """
    if vhe.empty:
        return vhe.assign(jaar=pd.Series(dtype="int64"))
    out = vhe.assign(jaar=vhe["peildatum"].map(_year))
    last = out.groupby(["corporatie", "gemeente", "jaar"])["peildatum"].transform("max")
    return out[out["peildatum"] == last]


def _year(value) -> int:
    return verslagjaar(as_date(value))


KALE_HUUR, REKENHUUR = "kale huur", "rekenhuur"


def with_rent(vhe: pd.DataFrame, keuze: str) -> pd.DataFrame:
    """The stock measured with the chosen rent: the rent as read (kale/netto huur), or the
    rekenhuur where the file had one and the rent as read elsewhere."""
    if keuze == KALE_HUUR or "rekenhuur_cent" not in vhe.columns:
        return vhe
    rent = vhe["rekenhuur_cent"].astype("Int64").fillna(vhe["huur_cent"].astype("Int64"))
    shown = {"huur": rent.astype("Float64") / 100} if "huur" in vhe.columns else {}
    return vhe.assign(huur_cent=rent, **shown)


def share_up_to(rows: pd.DataFrame, cents: int, inclusief: bool) -> Share:
    """Share of homes with a rent up to a limit (``inclusief``: a rent on the limit counts)."""
    below = huurregel.under_limit(rows["huur_cent"], cents, inclusief)
    return Share(float(rows.loc[below, "aantal"].sum()), float(rows["aantal"].sum()))


def share_in_labels(rows: pd.DataFrame, group: tuple[str, ...]) -> Share:
    inside = rows["label"].isin(group)
    return Share(float(rows.loc[inside, "aantal"].sum()), float(rows["aantal"].sum()))


def count_in_labels(rows: pd.DataFrame, group: tuple[str, ...]) -> float:
    return float(rows.loc[rows["label"].isin(group), "aantal"].sum())


def mean_label(rows: pd.DataFrame) -> tuple[float, str] | None:
    """Mean over the label ordinal (A++++ = 0 … G = 10), unknown labels left out."""
    known = rows[rows["label"] != labels.ONBEKEND]
    expanded = [
        lab
        for lab, n in zip(known["label"], known["aantal"], strict=True)
        for _ in range(int(round(n)))
    ]
    return labels.gemiddeld(expanded)


def stock_measure(rows: pd.DataFrame, maat: str) -> float:
    """A stock count for a bandwidth target: all homes, single-family, or levensloopgeschikt."""
    levensloop = rows["levensloopgeschikt"].astype("boolean").fillna(False).astype(bool)
    if maat == "vhe":
        mask = pd.Series(True, index=rows.index)
    elif maat == "eengezins":
        mask = rows["woningtype"].eq("EGW").fillna(False).astype(bool) & ~levensloop
    elif maat == "levensloopgeschikt":
        mask = levensloop
    else:
        raise ValueError(f"onbekende maat '{maat}'")
    return float(rows.loc[mask, "aantal"].sum())


def homes_short(share: Share, norm: float, richting: str) -> int:
    """Homes that must change for a share to meet its norm (0 when it does).

    For a minimum: homes to bring under the limit / into the group; for a maximum: homes to
    take out. Exact arithmetic, so 90% of 1.000 needs 900, not 901.
    """
    target = Fraction(str(norm)) * Fraction(str(share.totaal))
    deel = Fraction(str(share.deel))
    if richting == "min":
        return max(0, math.ceil(target - deel))
    return max(0, math.ceil(deel - target))


def reached_label(before: pd.DataFrame, after: pd.DataFrame, minimum: str) -> int:
    """Homes in both stocks that went from below ``minimum`` (a known label) to at least it."""
    old = before.set_index("vhe_id")["label"]
    new = after.set_index("vhe_id")["label"]
    both = old.index.intersection(new.index)
    old, new = old[both], new[both]
    was_below = old.isin(labels.classes_below(minimum))
    now_at = new.isin(labels.classes_at_least(minimum))
    return int((was_below & now_at).sum())


def produced(productie: pd.DataFrame, soorten: tuple[str, ...], years: range) -> int:
    rows = productie[productie["soort"].isin(soorten) & productie["jaar"].isin(list(years))]
    return int(rows["aantal"].sum())
