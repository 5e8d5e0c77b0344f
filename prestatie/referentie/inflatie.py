"""Inflation per calendar year: the CBS consumentenprijsindex (CPI), yearly change.

The table lives in `prestatie/referentie/data/inflatie.csv` (source and the month each figure is
measured to in that folder's README). A rent increase that takes effect in a year is compared
with the inflation of the calendar year before it (:func:`voor_verhoging`): the figure that was
known when the increase of 1 July was set, as the rent laws and the huursom agreements use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from prestatie.referentie.tables import InvalidTable, read_table

BRON = "CBS, consumentenprijsindex (CPI), jaarmutatie alle bestedingen"


@dataclass(frozen=True)
class Inflatie:
    jaar: int
    waarde: float  # a fraction: 0.038 is 3,8%
    gemeten_tot: str  # the last month in the figure, "2023-12"


@cache
def _tabel() -> dict[int, Inflatie]:
    tabel: dict[int, Inflatie] = {}
    for rij in read_table("inflatie.csv", ("jaar", "inflatie_procent", "gemeten_tot")):
        jaar = int(rij["jaar"])
        if jaar in tabel:
            raise InvalidTable(f"inflatie.csv: jaar {jaar} staat er meer dan eens in")
        waarde = float(Decimal(rij["inflatie_procent"]) / 100)
        tabel[jaar] = Inflatie(jaar, waarde, rij["gemeten_tot"])
    return tabel


def in_jaar(jaar: int) -> Inflatie | None:
    """The inflation of a calendar year; None when CBS has not published it (or the table does
    not go back that far)."""
    return _tabel().get(jaar)


def voor_verhoging(jaar: int) -> Inflatie | None:
    """The inflation a rent increase that takes effect in ``jaar`` is compared with: that of
    the calendar year before."""
    return in_jaar(jaar - 1)


def jaren() -> tuple[int, ...]:
    return tuple(sorted(_tabel()))
