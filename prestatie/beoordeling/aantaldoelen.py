"""Targets counted over a year or a range: jaarschijven of production, and homes that reached a
label (compared per vhe between consecutive peildata).

A period that has not begun is not judged. A finished period is behaald or niet behaald; a
running one is op koers when the count keeps pace with the elapsed part of the period.
"""

from __future__ import annotations

from datetime import date

from prestatie import fmt
from prestatie.afspraken.schema import Periode
from prestatie.beoordeling import metingen
from prestatie.beoordeling.status import (
    ACHTER,
    BEHAALD,
    GEEN_GEGEVENS,
    NIET_BEHAALD,
    OP_KOERS,
    Evaluation,
    evaluation,
    no_data,
)
from prestatie.beoordeling.voorraaddoelen import band


def _judge_count(
    doel, scope, periode, norm, realised, covered: set[int], today: date, text: str
) -> Evaluation | None:
    if periode.van > today.year:
        return None  # not begun: nothing to judge yet
    years = range(periode.van, periode.tot + 1)
    done = [y for y in years if y in covered]
    lo, hi = band(doel.richting, norm)
    if not done or any(y not in covered for y in range(periode.van, max(done) + 1)):
        return no_data(doel, scope, periode, norm, f"geen volledige gegevens over {periode.label}")
    asof = min(today, date(max(done), 12, 31))
    start, end = date(periode.van, 1, 1), date(periode.tot, 12, 31)
    fraction = (asof - start).days / (end - start).days
    short = max(0, round(lo - realised)) if lo != float("-inf") else None
    if asof >= end:
        status = BEHAALD if lo <= realised <= hi else NIET_BEHAALD
    elif realised > hi:
        status = NIET_BEHAALD
    elif realised >= lo:
        status = BEHAALD
    elif periode.tot < today.year:
        status, short = GEEN_GEGEVENS, None
        text += f"; geen gegevens na {max(done)}"
    else:
        status = OP_KOERS if realised >= lo * fraction else ACHTER
        text += f"; gegevens t/m {fmt.datum(asof)} ({fmt.pct(fraction, 0)} van de periode)"
    return evaluation(
        doel, scope, periode, norm, waarde=realised, status=status, tekort=short, uitleg=text
    )


def jaarschijven(doel, scope, facts) -> list[Evaluation]:
    """Every period of a jaarschijf judged; with ``gemiddeld`` ("gemiddeld 200 per jaar") each
    year as the total since the first year with data against the sum of the norms of those
    years, so a short year is made up by a long one, as an average allows."""
    if not doel.params.get("gemiddeld"):
        return [e for p, n in doel.norm if (e := jaarschijf(doel, scope, facts, p, n))]
    covered = _covered(doel, scope, facts)
    first = doel.norm[0][0].van
    start = min((p.van for p, _ in doel.norm if p.van in covered), default=first)
    out = []
    total = 0
    for periode, norm in doel.norm:
        if periode.van < start:  # before any data: judged on its own, so it says so
            e = jaarschijf(doel, scope, facts, periode, norm)
        else:
            total += norm
            years = periode.tot - start + 1
            since = Periode(start, periode.tot)
            note = f"afgesproken gemiddeld {_average(total, years)} per jaar over {since.label}"
            if start > first:
                note += f"; {Periode(first, start - 1).label} zonder gegevens, niet meegeteld"
            e = jaarschijf(doel, scope, facts, since, total, note)
        if e:
            out.append(e)
    return out


def _average(total: float, years: int) -> str:
    """'200' or '137,5': one decimal only where the average has one."""
    mean = total / years
    return fmt.num(mean, 0 if float(mean).is_integer() else 1)


def _covered(doel, scope, facts) -> set[int]:
    """The years every corporatie of the scope reported on in a production import."""
    cov = facts.dekking[
        (facts.dekking["gemeente"] == doel.gemeente)
        & facts.dekking["corporatie"].isin(scope.corporaties)
    ]
    per_corp = cov.groupby("corporatie")["jaar"].agg(set)
    if len(per_corp) != len(scope.corporaties):
        return set()
    return {int(y) for y in set.intersection(*per_corp.tolist())}


def jaarschijf(doel, scope, facts, periode, norm, note: str = "") -> Evaluation | None:
    prod = facts.productie
    rows = prod[(prod["gemeente"] == doel.gemeente) & prod["corporatie"].isin(scope.corporaties)]
    if doel.kern:
        rows = rows[rows["kern"] == doel.kern]
    soorten = tuple(doel.params["activiteiten"])
    realised = metingen.produced(rows, soorten, range(periode.van, periode.tot + 1))
    covered = _covered(doel, scope, facts)
    text = (
        f"{fmt.num(realised)} gerealiseerd ({', '.join(soorten)}"
        f"{', kern ' + doel.kern if doel.kern else ''}) in {periode.label}"
    )
    if note:
        years = periode.tot - periode.van + 1
        text += f": gemiddeld {_average(realised, years)} per jaar ({note})"
    return _judge_count(doel, scope, periode, norm, realised, covered, facts.today, text)


def labelsprong(doel, scope, stock, periode, norm, facts) -> Evaluation | None:
    minimum = doel.params["label"]
    covered = {y for y in stock if y - 1 in stock}
    years = [y for y in range(periode.van, periode.tot + 1) if y in covered]
    moves = facts.overgangen
    moves = moves[
        (moves["gemeente"] == doel.gemeente)
        & moves["corporatie"].isin(scope.corporaties)
        & moves["jaar"].isin(years)
    ]
    if doel.kern:
        moves = moves[(moves["kern_van"] == doel.kern) & (moves["kern_naar"] == doel.kern)]
    realised = metingen.reached_label(moves, minimum)
    text = (
        f"{fmt.aantal_woningen(realised)} van onder label {minimum} naar minstens {minimum} "
        f"(vergelijking per eenheidnummer tussen opeenvolgende peildata) in {periode.label}"
    )
    return _judge_count(doel, scope, periode, norm, realised, covered, facts.today, text)
