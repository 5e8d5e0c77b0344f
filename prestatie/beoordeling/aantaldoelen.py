"""Targets counted over a year or a range: jaarschijven of production, and homes that reached a
label (compared per vhe between consecutive peildata).

A period that has not begun is not judged. A finished period is behaald or niet behaald; a
running one is op koers when the count keeps pace with the elapsed part of the period.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

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

NO_SALES_MARK = (
    "geen voorraadlijst markeert verkoopvijver of verkooplabel (kolom Verkooplabel ontbreekt)"
)
GEKOPPELD = "gekoppeld"  # prestatie.opslag.koppeling.GEKOPPELD


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
    covered = covered_years(doel, scope, facts)
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


def covered_years(doel, scope, facts) -> set[int]:
    """The years every corporatie of the scope reported on in a production import; with
    ``slechte_labels`` only those in which some row links to the stock (a year whose rows all
    fail to link says nothing about the labels before the work)."""
    years = reported_years(doel, scope, facts)
    if not doel.params.get("slechte_labels"):
        return years
    links = production_links(doel, scope, facts)
    linked = set(links.loc[links["koppeling"] == GEKOPPELD, "jaar"].astype(int))
    present = set(links["jaar"].astype(int))
    return {y for y in years if y in linked or y not in present}


def production_links(doel, scope, facts):
    """The production rows of the target's scope and activities, linked to the stock."""
    links = facts.koppelingen
    if links is None:
        return pd.DataFrame(columns=["jaar", "soort", "label_voor", "koppeling", "aantal"])
    rows = links[
        (links["gemeente"] == doel.gemeente)
        & links["corporatie"].isin(scope.corporaties)
        & links["soort"].isin(doel.params["activiteiten"])
    ]
    return rows[rows["kern"] == doel.kern] if doel.kern else rows


def poor_label_count(doel, scope, facts, periode) -> tuple[int, str]:
    """(homes whose last label before the work is a poor one, the words for it)."""
    poor = tuple(doel.params["slechte_labels"])
    links = production_links(doel, scope, facts)
    links = links[links["jaar"].between(periode.van, periode.tot)]
    linked = links[links["koppeling"] == GEKOPPELD]
    count = int(linked.loc[linked["label_voor"].isin(poor), "aantal"].sum())
    apart = links[links["koppeling"] != GEKOPPELD].groupby("koppeling")["aantal"].sum()
    words = "; ".join(f"{fmt.num(n)} {k}" for k, n in apart.items())
    text = (
        f"{fmt.num(count)} van {fmt.num(linked['aantal'].sum())} gekoppelde woningen hadden "
        f"vooraf een slecht label ({', '.join(poor)}; het laatste label in de voorraad vóór het "
        "werk, gekoppeld op eenheidnummer)"
        + (f"; niet te koppelen en niet meegeteld: {words}" if words else "")
    )
    return count, text


def reported_years(doel, scope, facts) -> set[int]:
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
    covered = covered_years(doel, scope, facts)
    text = (
        f"{fmt.num(realised)} gerealiseerd ({', '.join(soorten)}"
        f"{', kern ' + doel.kern if doel.kern else ''}) in {periode.label}"
    )
    if doel.params.get("slechte_labels"):
        realised, words = poor_label_count(doel, scope, facts, periode)
        text += f"; daarvan {words}"
    if note:
        years = periode.tot - periode.van + 1
        text += f": gemiddeld {_average(realised, years)} per jaar ({note})"
    return _judge_count(doel, scope, periode, norm, realised, covered, facts.today, text)


def labelsprong(doel, scope, stock, periode, norm, facts) -> Evaluation | None:
    minimum = doel.params["label"]
    known = {y for y in stock if metingen.known_labels(stock[y])}  # all onbekend: not measured
    covered = {y for y in known if y - 1 in known}
    years = [y for y in range(periode.van, periode.tot + 1) if y in covered]
    moves = facts.overgangen
    moves = moves[
        (moves["gemeente"] == doel.gemeente)
        & moves["corporatie"].isin(scope.corporaties)
        & moves["jaar"].isin(years)
    ]
    if doel.kern:
        moves = moves[(moves["kern_van"] == doel.kern) & (moves["kern_naar"] == doel.kern)]
    marked = metingen.for_sale_only(moves, doel)
    if marked is None:
        return no_data(doel, scope, periode, norm, NO_SALES_MARK)
    realised = metingen.reached_label(marked, minimum)
    text = (
        f"{fmt.aantal_woningen(realised)} van onder label {minimum} naar minstens {minimum} "
        f"(vergelijking per eenheidnummer tussen opeenvolgende peildata) in {periode.label}"
    )
    if doel.params.get("verkooplabel"):
        text += "; alleen woningen die de voorraadlijst als verkoopvijver/verkooplabel markeert"
    return _judge_count(doel, scope, periode, norm, realised, covered, facts.today, text)
