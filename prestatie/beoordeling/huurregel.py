"""How a rent target (``aandeel_huur``) reads a rent: its limit, whether a rent on the limit
counts, and its norm per year. The one home of "under the limit".

- The limit is the one in force on the peildatum (each year's limits apply from 1 January, so a
  peildatum 1 January 2024 reports on 2023 but meets the 2024 limits), or with the FIXED reading
  the document's own amount (``prijspeil``: the year that amount refers to).
- A rent exactly on the limit counts when the target says so (``inclusief``, default yes): the
  words are "tot en met"; otherwise the rent must be strictly below it: "onder".
- Rents and limits are compared in whole cents; a missing rent never counts as under a limit.
- A peildatum in a year the huurgrenzen table does not have yet gives no limit (None), never an
  exception: :func:`limit_cents` is the one place that asks the table for a rent target.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from prestatie.afspraken.schema import Doel
from prestatie.referentie import huurgrenzen

# How a document's amount is read: the limit of the peildatum's year, or the amount as written.
INDEXED, FIXED = "geindexeerd", "vast"
# Which rent is measured: the kale/netto huur, or the rekenhuur where the file had one.
KALE_HUUR, REKENHUUR = "kale huur", "rekenhuur"


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

    @property
    def woord(self) -> str:
        """The words for the comparison: 'tot en met' (a rent on the limit counts) or 'onder'."""
        return comparison_word(self.inclusief)

    def kolom(self, lezing: str) -> str:
        """The column of the stock counts (:mod:`prestatie.opslag.counts`) that holds the homes
        under this target's limit: ``tot_<grens>`` / ``onder_<grens>``, or for the FIXED reading
        of a document's amount ``tot_vast_<cents>`` / ``onder_vast_<cents>``."""
        if lezing == FIXED and self.bedrag is not None:
            return fixed_column(huurgrenzen.in_cents(self.bedrag), self.inclusief)
        return limit_column(self.grens, self.inclusief)

    def cents(self, peildatum: date, lezing: str) -> int | None:
        """The limit in whole cents on a peildatum, in the chosen reading; None when unknown."""
        return limit_cents(self.grens, peildatum, self.bedrag if lezing == FIXED else None)


def limit_column(grens: str, inclusief: bool) -> str:
    """'tot_tweede_aftoppingsgrens' (a rent on the limit counts) or 'onder_…'."""
    return f"{'tot' if inclusief else 'onder'}_{grens}"


def fixed_column(cents: int, inclusief: bool) -> str:
    """'tot_vast_67866' / 'onder_vast_67866': homes under a document's own amount."""
    return f"{'tot' if inclusief else 'onder'}_vast_{int(cents)}"


def comparison_word(inclusief: bool) -> str:
    """'tot en met' when a rent on the limit counts, else 'onder'."""
    return "tot en met" if inclusief else "onder"


def limit_cents(grens: str, peildatum: date, vast_bedrag: float | None = None) -> int | None:
    """The limit in whole cents: in force on the peildatum, or the document's fixed amount.

    None when the huurgrenzen table has no row for the peildatum's year (see
    :func:`prestatie.referentie.huurgrenzen.unknown_text` for the words)."""
    if vast_bedrag is not None:
        return huurgrenzen.in_cents(vast_bedrag)
    limits = huurgrenzen.in_force(peildatum)
    return None if limits is None else huurgrenzen.in_cents(limits[grens])


def under_limit(huur_cent: pd.Series, cents: int, inclusief: bool) -> pd.Series:
    """Per vhe whether its rent counts as under the limit; a missing rent never does."""
    below = (huur_cent <= cents) if inclusief else (huur_cent < cents)
    return below.astype("boolean").fillna(False).astype(bool)


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
