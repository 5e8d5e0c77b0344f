"""The Betaalbaarheid page's rent increase against inflation: per target and scope the yearly
huursomstijging beside the inflation it is compared with, the average over the target's years,
and the words under the chart.

Pure functions over the huursom counts (:func:`prestatie.opslag.huurstijging.huursom`) and the
targets of kind ``huurstijging``; the judging itself is
:mod:`prestatie.beoordeling.huurstijging`, whose yearly table this arranges.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from prestatie import fmt
from prestatie.afspraken.schema import Doel
from prestatie.beoordeling import huurstijging, monitor
from prestatie.beoordeling.status import Evaluation
from prestatie.referentie import inflatie

SERIES_COLUMNS = (
    "jaar",
    "stijging",
    "inflatie",
    "gemiddelde_stijging",
    "gemiddelde_inflatie",
    "woningen",
    "nieuw",
    "weg",
    "zonder_huur",
)


@dataclass(frozen=True)
class Reeks:
    """One target for one scope: the years with an increase, and the window it averages."""

    doel: Doel
    corporatie: str  # the scope's name
    corporaties: tuple[str, ...]
    jaren: int
    reeks: pd.DataFrame  # SERIES_COLUMNS


def targets(doelen: list[Doel], gemeente: str | None) -> list[Doel]:
    """The rent-increase targets of the gemeente (every gemeente when None)."""
    return [d for d in doelen if d.soort == huurstijging.KIND and gemeente in (None, d.gemeente)]


def series(doel: Doel, huursom: pd.DataFrame, corporatie: str | None = None) -> list[Reeks]:
    """Per scope of the target (narrowed to ``corporatie`` when given): the increase per year,
    the inflation of the year before, and both averaged over the target's ``jaren`` (the years
    of the window that have both)."""
    present = sorted(set(huursom.loc[huursom["gemeente"] == doel.gemeente, "corporatie"]))
    span = int(doel.params.get("jaren") or 1)
    out = []
    for scope in monitor.scopes_for(doel, present):
        if corporatie is not None and corporatie not in scope.corporaties:
            continue
        table = huurstijging.yearly(huursom, doel.gemeente, scope.corporaties)
        out.append(Reeks(doel, scope.corporatie, scope.corporaties, span, _averaged(table, span)))
    return out


def _averaged(table: pd.DataFrame, span: int) -> pd.DataFrame:
    if table.empty:
        return pd.DataFrame(columns=list(SERIES_COLUMNS))
    rows = table.set_index("jaar")
    known = rows[rows["inflatie"].notna()]
    means_s, means_i = [], []
    for jaar in rows.index:
        window = known[(known.index > jaar - span) & (known.index <= jaar)]
        means_s.append(window["stijging"].mean() if len(window) else None)
        means_i.append(window["inflatie"].mean() if len(window) else None)
    out = rows.reset_index()
    out["gemiddelde_stijging"] = means_s
    out["gemiddelde_inflatie"] = means_i
    return out[list(SERIES_COLUMNS)]


def homes_text(reeks: Reeks) -> str:
    """How many homes each year's increase is measured over, and what was left out."""
    if reeks.reeks.empty:
        return "Geen twee opeenvolgende voorraadlijsten met dezelfde eenheidnummers."
    parts = [
        f"{r.jaar}: {fmt.num(r.woningen)} (niet meegeteld {fmt.num(r.nieuw)} nieuw of zonder "
        f"nummer, {fmt.num(r.weg)} uit bezit, {fmt.num(r.zonder_huur)} zonder huur)"
        for r in reeks.reeks.itertuples()
    ]
    return (
        "Gemeten over de woningen die op beide peildata in de lijst staan (hetzelfde "
        "eenheidnummer): " + "; ".join(parts) + "."
    )


def inflation_text() -> str:
    """The source of the inflation figures, with the month the latest is measured to."""
    last = inflatie.in_jaar(max(inflatie.jaren()))
    return (
        f"Inflatie: {inflatie.BRON}, van het kalenderjaar vóór elke verhoging (de verhoging "
        f"per 1 juli van jaar X tegen de inflatie van X-1); gemeten tot en met "
        f"{last.gemeten_tot[5:]}-{last.gemeten_tot[:4]}."
    )


def evaluations_of(reeks: Reeks, evaluations: list[Evaluation]) -> list[Evaluation]:
    return [
        e
        for e in evaluations
        if (e.document, e.doel, e.corporatie) == (reeks.doel.document, reeks.doel.id,
                                                  reeks.corporatie)
    ]  # fmt: skip


DRILL_NAMES = {
    "vhe_id": "Eenheidnummer",
    "adres": "Adres",
    "kern": "Kern",
    "corporatie": "Corporatie",
    "huur_van": "Huur jaar ervoor",
    "huur_naar": "Huur",
    "stijging": "Stijging",
}


def drill_table(rows: pd.DataFrame) -> pd.DataFrame:
    """The homes with the largest increase as the page shows them: € 612,50, 8,0%."""
    out = rows.copy()
    for column in ("huur_van", "huur_naar"):
        out[column] = [fmt.euro(v) for v in out[column]]
    out["stijging"] = [fmt.pct(v) for v in out["stijging"]]
    return out[list(DRILL_NAMES)].rename(columns=DRILL_NAMES)
