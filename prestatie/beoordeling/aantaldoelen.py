"""Targets counted over a year or a range: jaarschijven of production, and homes that reached a
label (compared per vhe between consecutive peildata).

A period that has not begun is not judged. A finished period is behaald or niet behaald; a
running one is op koers when the count keeps pace with the elapsed part of the period.
"""

from __future__ import annotations

from datetime import date

from prestatie import fmt
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


def jaarschijf(doel, scope, facts, periode, norm) -> Evaluation | None:
    prod = facts.productie
    rows = prod[(prod["gemeente"] == doel.gemeente) & prod["corporatie"].isin(scope.corporaties)]
    if doel.kern:
        rows = rows[rows["kern"] == doel.kern]
    soorten = tuple(doel.params["activiteiten"])
    realised = metingen.produced(rows, soorten, range(periode.van, periode.tot + 1))
    cov = facts.dekking[
        (facts.dekking["gemeente"] == doel.gemeente)
        & facts.dekking["corporatie"].isin(scope.corporaties)
    ]
    per_corp = cov.groupby("corporatie")["jaar"].agg(set)
    covered = (
        set.intersection(*per_corp.tolist()) if len(per_corp) == len(scope.corporaties) else set()
    )
    text = (
        f"{fmt.num(realised)} gerealiseerd ({', '.join(soorten)}"
        f"{', kern ' + doel.kern if doel.kern else ''}) in {periode.label}"
    )
    return _judge_count(
        doel, scope, periode, norm, realised, {int(y) for y in covered}, facts.today, text
    )


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
