"""Rent increase against inflation (kind ``huurstijging``): Borger-Odoorn A2 "over een 5-jaars
gemiddelde beperken we de huurverhoging tot maximaal inflatie", Emmen "maximaal
inflatievolgend huurprijsbeleid (huursom)".

The increase of a year is the huursomstijging of the homes on both peildata
(:mod:`prestatie.opslag.huurstijging`): the rent sum at the end of the year over that at the end
of the year before. A scope of several corporaties adds their rent sums. It is compared with the
inflation of the calendar year before (:func:`prestatie.referentie.inflatie.voor_verhoging`).
Over ``jaren`` years (A2: 5) both are averaged over the years of the window that have an
increase and an inflation figure; the years without are named, never filled in. The norm is the
margin above inflation (0: at most inflation). A year is behaald when the average increase is at
most the average inflation plus the margin, else niet behaald; a year without an increase of its
own is geen gegevens.
"""

from __future__ import annotations

import pandas as pd

from prestatie import fmt
from prestatie.afspraken.schema import Periode
from prestatie.beoordeling.status import BEHAALD, NIET_BEHAALD, Evaluation, evaluation, no_data
from prestatie.referentie import inflatie

KIND = "huurstijging"


def yearly(huursom: pd.DataFrame, gemeente: str, corporaties: tuple[str, ...]) -> pd.DataFrame:
    """Per year the increase of the scope's rent sum, the homes it is measured over and the
    homes left out; only years in which every corporatie of the scope has an increase."""
    rows = huursom[(huursom["gemeente"] == gemeente) & huursom["corporatie"].isin(corporaties)]
    rows = rows[rows["woningen"] > 0]
    per_year = rows.groupby("jaar").agg(
        corporaties=("corporatie", "nunique"),
        woningen=("woningen", "sum"),
        huursom_van=("huursom_van", "sum"),
        huursom_naar=("huursom_naar", "sum"),
        nieuw=("nieuw", "sum"),
        weg=("weg", "sum"),
        zonder_huur=("zonder_huur", "sum"),
    )
    per_year = per_year[per_year["corporaties"] == len(corporaties)].drop(columns="corporaties")
    per_year["stijging"] = per_year["huursom_naar"] / per_year["huursom_van"] - 1
    per_year["inflatie"] = [_inflation(int(j)) for j in per_year.index]
    return per_year.reset_index()


def _inflation(jaar: int) -> float | None:
    found = inflatie.voor_verhoging(jaar)
    return None if found is None else found.waarde


def evaluate(doel, scope, facts) -> list[Evaluation]:
    """Every year of the target's norms judged for one scope."""
    huursom = facts.huursom
    table = (
        yearly(huursom, doel.gemeente, scope.corporaties) if huursom is not None else pd.DataFrame()
    )
    known = {} if table.empty else {int(r.jaar): r for r in table.itertuples()}
    span = int(doel.params.get("jaren") or 1)
    out = []
    for periode, marge in doel.norm:
        for jaar in range(periode.van, periode.tot + 1):
            if jaar > facts.today.year:
                continue
            out.append(_judge(doel, scope, jaar, float(marge), span, known))
    return out


def _judge(doel, scope, jaar: int, marge: float, span: int, known: dict) -> Evaluation:
    periode = Periode(jaar, jaar)
    if jaar not in known:
        return no_data(
            doel, scope, periode, None, f"geen huurstijging over {jaar} (geen voorraad van "
            f"{jaar - 1} en {jaar} met dezelfde eenheidnummers)"
        )  # fmt: skip
    window = range(jaar - span + 1, jaar + 1)
    used = [y for y in window if y in known and known[y].inflatie is not None]
    if jaar not in used:
        return no_data(doel, scope, periode, None, f"geen inflatiecijfer voor {jaar - 1}")
    increase = sum(known[y].stijging for y in used) / len(used)
    norm = sum(known[y].inflatie for y in used) / len(used) + marge
    status = BEHAALD if increase <= norm + 1e-12 else NIET_BEHAALD
    return evaluation(
        doel,
        scope,
        periode,
        round(norm, 10),
        waarde=increase,
        status=status,
        basis=float(known[jaar].woningen),
        uitleg=_text(jaar, used, window, marge, known),
    )


def _text(jaar: int, used: list[int], window: range, marge: float, known: dict) -> str:
    r = known[jaar]
    homes = (
        f"{fmt.aantal_woningen(round(r.woningen))} op beide peildata in {jaar} (niet meegeteld: "
        f"{fmt.num(r.nieuw)} nieuw of zonder nummer, {fmt.num(r.weg)} verkocht of gesloopt, "
        f"{fmt.num(r.zonder_huur)} zonder huur)"
    )
    years = ", ".join(f"{y} {fmt.pct(known[y].stijging)}" for y in used)
    inflation = ", ".join(f"{y - 1} {fmt.pct(known[y].inflatie)}" for y in used)
    if len(window) == 1:
        head = f"huursomstijging {fmt.pct(r.stijging)} tegen inflatie {inflation} (CBS-CPI)"
    else:
        missing = [y for y in window if y not in used]
        gap = f"; zonder gegevens: {', '.join(map(str, missing))}" if missing else ""
        head = (
            f"huursomstijging gemiddeld {fmt.pct(sum(known[y].stijging for y in used) / len(used))}"
            f" over {len(used)} van de {len(window)} jaar ({years}{gap}) tegen inflatie "
            f"gemiddeld {fmt.pct(sum(known[y].inflatie for y in used) / len(used))} (CBS-CPI "
            f"van het jaar vóór elke verhoging: {inflation})"
        )
    extra = f", plus {fmt.pct(marge)} ruimte" if marge else ""
    return f"{head}{extra}; {homes}"
