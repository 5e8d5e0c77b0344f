"""Targets + data -> evaluations with a status, the value against the norm and the gap in homes.

The statuses and their meaning: :mod:`prestatie.beoordeling.status`. Stock targets:
:mod:`prestatie.beoordeling.voorraaddoelen`; counted targets:
:mod:`prestatie.beoordeling.aantaldoelen`. Every evaluation says in ``uitleg`` how its value was
computed, so it can be traced. Liveability per wijk:
:mod:`prestatie.beoordeling.leefbaarheidsdoelen`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date

import pandas as pd

from prestatie.afspraken.schema import SHARE_KINDS, Doel
from prestatie.beoordeling import (
    aantaldoelen,
    huurstijging,
    koppeldoelen,
    leefbaarheidsdoelen,
    verhuurdoelen,
    voorraaddoelen,
)
from prestatie.beoordeling.huurregel import INDEXED
from prestatie.beoordeling.status import (
    Evaluation,
    Scope,
)


@dataclass(frozen=True)
class Facts:
    """What the evaluation reads, as DuckDB counted it (:mod:`prestatie.opslag.counts`)."""

    # the stock per verslagjaar: homes per corporatie, gemeente, peildatum, jaar, kern, label,
    # eengezins and levensloopgeschikt, with the homes under each limit (and, for the FIXED
    # reading, under each document's own amount)
    vhe: pd.DataFrame
    productie: pd.DataFrame
    dekking: pd.DataFrame  # corporatie, gemeente, jaar reported on by production imports
    today: date
    # labels by vhe number from one verslagjaar to the next (counts.consecutive_transitions)
    overgangen: pd.DataFrame | None = None
    # the lettings per corporatie, gemeente, jaar, route and nieuwbouw with the lettings under
    # each limit in force on the letting's date, and the search times as a histogram
    # (prestatie.opslag.verhuurtelling); None: no lettings read
    verhuringen: pd.DataFrame | None = None
    zoekduren: pd.DataFrame | None = None
    # the huursomstijging per corporatie, gemeente and verslagjaar of the homes on both
    # peildata (prestatie.opslag.huurstijging); None: not read
    huursom: pd.DataFrame | None = None
    # production rows (verkoop, verduurzaming) by the label the home had in the stock before,
    # linked by vhe number (prestatie.opslag.koppeling); None: not read
    koppelingen: pd.DataFrame | None = None
    # the Leefbaarometer scores in force per area and year (queries.leefbaarheid_rows); None:
    # not read
    leefbaarheid: pd.DataFrame | None = None


def evaluate(doelen: list[Doel], facts: Facts, prijspeil: str = INDEXED) -> list[Evaluation]:
    out: list[Evaluation] = []
    per_gemeente = {g: of_gemeente(facts, g) for g in dict.fromkeys(d.gemeente for d in doelen)}
    for doel in doelen:
        known = per_gemeente[doel.gemeente]
        for scope in scopes(doel, known):
            out.extend(evaluate_one(doel, scope, known, prijspeil))
    return out


def of_gemeente(facts: Facts, gemeente: str) -> Facts:
    """What the monitor reads about one gemeente: each target looks at its own only."""

    def own(frame: pd.DataFrame | None) -> pd.DataFrame | None:
        return None if frame is None else frame[frame["gemeente"] == gemeente]

    return Facts(own(facts.vhe), own(facts.productie), own(facts.dekking), facts.today,
                 own(facts.overgangen), own(facts.verhuringen), own(facts.zoekduren),
                 own(facts.huursom), own(facts.koppelingen),
                 own(facts.leefbaarheid))  # fmt: skip


def scopes(doel: Doel, facts: Facts) -> list[Scope]:
    if doel.soort == leefbaarheidsdoelen.KIND:  # the gemeente's wijken, not a corporation's
        return [leefbaarheidsdoelen.SCOPE]
    if doel.soort in verhuurdoelen.KINDS:
        tables = () if facts.verhuringen is None else (facts.verhuringen,)
        return scopes_for(doel, present(doel, *tables))
    return scopes_for(doel, present(doel, facts.vhe, facts.productie))


def present(doel: Doel, *tables: pd.DataFrame) -> list[str]:
    """The corporaties with rows in the target's gemeente in any of the tables."""
    found: set[str] = set()
    for table in tables:
        found |= set(table.loc[table["gemeente"] == doel.gemeente, "corporatie"].unique())
    return sorted(found)


def scopes_for(doel: Doel, present_corporaties: list[str]) -> list[Scope]:
    """Each listed corporatie apart, or all of them together; no list: all that are present."""
    corps = list(doel.corporaties) or list(present_corporaties)
    if doel.per_corporatie:
        return [Scope(c, (c,)) for c in corps]
    name = " + ".join(corps) if doel.corporaties else "alle corporaties"
    return [Scope(name, tuple(corps))] if corps else []


def evaluate_one(doel: Doel, scope: Scope, facts: Facts, prijspeil: str) -> list[Evaluation]:
    if verhuurdoelen.on_offer(doel):
        return [e for p, n in doel.norm if (e := on_offer(doel, scope, facts, p, n, prijspeil))]
    if doel.soort in verhuurdoelen.KINDS:
        return [
            verhuurdoelen.evaluate(doel, scope, facts, p, n, prijspeil)
            or verhuurdoelen.no_lettings(doel, scope, p, n)
            for p, n in doel.norm
            if p.van <= facts.today.year
        ]
    if doel.soort == huurstijging.KIND:
        return huurstijging.evaluate(doel, scope, facts)
    if doel.soort == koppeldoelen.KIND:
        return koppeldoelen.evaluate(doel, scope, facts)
    if doel.soort == leefbaarheidsdoelen.KIND:
        return leefbaarheidsdoelen.evaluate(doel, scope, facts)
    if doel.soort in voorraaddoelen.KINDS:
        rows = scope_stock(facts.vhe, doel, scope)
        return [
            e
            for e in (
                voorraaddoelen.evaluate(doel, scope, rows, p, n, facts.today, prijspeil)
                for p, n in doel.norm
            )
            if e
        ]
    if doel.soort == "jaarschijf":
        return aantaldoelen.jaarschijven(doel, scope, facts)
    if doel.soort == "labelsprong":
        rows = scope_stock(facts.vhe, doel, scope)
        return [
            e
            for p, n in doel.norm
            if (e := aantaldoelen.labelsprong(doel, scope, rows, p, n, facts))
        ]
    raise ValueError(f"onbekende soort doel '{doel.soort}'")


def on_offer(doel: Doel, scope: Scope, facts: Facts, periode, norm, prijspeil: str):
    """A rent target on the offer: the lettings of the period; without them the stock, with
    the words :data:`verhuurdoelen.OP_DE_VOORRAAD` before its explanation."""
    if e := verhuurdoelen.evaluate(doel, scope, facts, periode, norm, prijspeil):
        return e
    rows = scope_stock(facts.vhe, doel, scope)
    e = voorraaddoelen.evaluate(doel, scope, rows, periode, norm, facts.today, prijspeil)
    if e is None:
        return None
    return replace(e, uitleg=f"{verhuurdoelen.OP_DE_VOORRAAD} over {periode.label}; {e.uitleg}")


def scope_stock(vhe: pd.DataFrame, doel: Doel, scope: Scope) -> dict[int, pd.DataFrame]:
    """The stock in scope per verslagjaar, only for years every corporatie in scope reported.

    ``vhe`` holds the counts of the stock per verslagjaar (it has the column ``jaar``).
    """
    rows = vhe[(vhe["gemeente"] == doel.gemeente) & vhe["corporatie"].isin(scope.corporaties)]
    if doel.kern:
        rows = rows[rows["kern"] == doel.kern]
    per_corp = rows.groupby("corporatie")["jaar"].agg(set)
    if per_corp.empty:
        return {}
    years = set.intersection(*per_corp.tolist())
    return {int(y): g for y, g in rows.groupby("jaar") if y in years}


def latest(evaluations: list[Evaluation]) -> list[Evaluation]:
    """Per target and corporatie the evaluation of the latest year that has a value."""
    best: dict[tuple[str, str, str], Evaluation] = {}
    for e in evaluations:
        key = (e.document, e.doel, e.corporatie)
        if e.waarde is not None and (key not in best or e.jaar > best[key].jaar):
            best[key] = e
    return list(best.values())


def to_frame(evaluations: list[Evaluation]) -> pd.DataFrame:
    """One row per evaluation; an empty list still has every column."""
    columns = [f.name for f in fields(Evaluation)]
    return pd.DataFrame([e.__dict__ for e in evaluations], columns=columns)


def to_json_records(evaluations: list[Evaluation]) -> list[dict]:
    """The CLI's contract: fractions 0..1, dates YYYY-MM-DD, plus the fields behind them."""
    out = []
    for e in evaluations:
        norm = list(e.norm) if isinstance(e.norm, tuple) else e.norm
        waarde = e.waarde
        if isinstance(waarde, float) and waarde.is_integer() and e.soort not in SHARE_KINDS:
            waarde = int(waarde)
        out.append(
            {
                "document": e.document,
                "afspraak": e.afspraak,
                "doel": e.doel,
                "omschrijving": e.omschrijving,
                "corporatie": e.corporatie,
                "gemeente": e.gemeente,
                "jaar": e.jaar,
                "periode": e.periode,
                "soort": e.soort,
                "richting": e.richting,
                "norm": norm,
                "waarde": waarde,
                "status": e.status,
                "tekort": e.tekort,
                "peildatum": e.peildatum.isoformat() if e.peildatum else None,
                "uitleg": e.uitleg,
            }
        )
    return out
