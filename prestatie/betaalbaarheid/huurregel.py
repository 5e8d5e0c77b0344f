"""How a rent target (``aandeel_huur``) reads a rent: its limit, whether a rent on the limit
counts, and its norm per year.

- The limit is the one in force on the peildatum (each year's limits apply from 1 January, so a
  peildatum 1 January 2024 reports on 2023 but meets the 2024 limits), or with the FIXED reading
  the document's own amount (:func:`prestatie.beoordeling.metingen.limit_cents`, as the monitor).
- A rent exactly on the limit counts when the target says so (``inclusief``, default yes); a
  missing rent never counts as under a limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from prestatie.afspraken.schema import Doel
from prestatie.beoordeling import metingen
from prestatie.beoordeling.voorraaddoelen import FIXED


@dataclass(frozen=True)
class Regel:
    """How a rent target reads a rent: its limit, whether a rent on it counts, the document's
    own amount and the year (prijspeil) that amount refers to."""

    grens: str
    inclusief: bool
    bedrag: float | None = None
    prijspeil: int | None = None

    @classmethod
    def van(cls, doel: Doel) -> Regel:
        p = doel.params
        return cls(p["grens"], bool(p.get("inclusief", True)), p.get("bedrag"), p.get("prijspeil"))


def grens_cent(regel: Regel, peildatum: date, lezing: str) -> int:
    """The limit in whole cents: in force on the peildatum, or (FIXED) the document's amount."""
    vast = regel.bedrag if lezing == FIXED else None
    return metingen.limit_cents(regel.grens, peildatum, vast)


def onder(huur_cent: pd.Series, cents: int, inclusief: bool) -> pd.Series:
    """Per vhe whether its rent counts as under the limit (the comparison of
    :func:`metingen.share_up_to`, row by row, for the rows behind a figure); a missing rent
    never does."""
    return metingen.under_limit(huur_cent, cents, inclusief)


def norm_in(doel: Doel, jaar: int) -> float | None:
    """The norm of the period that holds ``jaar``, or None when the document has none."""
    for periode, norm in doel.norm:
        if periode.van <= jaar <= periode.tot and isinstance(norm, int | float):
            return float(norm)
    return None


def norms(doel: Doel) -> pd.DataFrame:
    """The norm of every year of the agreement's periods (jaar, norm), for the trend line."""
    rows = [
        (jaar, float(norm))
        for periode, norm in doel.norm
        if isinstance(norm, int | float)
        for jaar in range(periode.van, periode.tot + 1)
    ]
    return pd.DataFrame(sorted(rows), columns=["jaar", "norm"])
