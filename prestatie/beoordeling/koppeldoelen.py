"""Homes sold with at least a label (kind ``verkoop_label``): Borger-Odoorn B2a/B2b "bij
verkoop minimaal label C".

Each verkoop row of the production lists with a vhe number is linked to that home's last label in
the stock before the sale (:mod:`prestatie.opslag.koppeling`). The value is the share of the
linked sales with a known label that had at least ``label``; the gap is the homes sold below
it. Sales that cannot be linked (no vhe number, or a number not in the stock before the sale)
and linked ones with an unknown label are counted and said, never guessed. A year no production
list reports on, or without a linked sale, is geen gegevens.
"""

from __future__ import annotations

import pandas as pd

from prestatie import fmt
from prestatie.beoordeling import aantaldoelen, metingen
from prestatie.beoordeling.status import BEHAALD, NIET_BEHAALD, Evaluation, evaluation, no_data
from prestatie.referentie import labels

KIND = "verkoop_label"


def evaluate(doel, scope, facts) -> list[Evaluation]:
    covered = aantaldoelen.reported_years(doel, scope, facts)
    links = facts.koppelingen
    if links is None:
        links = pd.DataFrame(columns=["gemeente", "corporatie", "soort", "jaar", "aantal"])
    links = links[
        (links["gemeente"] == doel.gemeente)
        & links["corporatie"].isin(scope.corporaties)
        & (links["soort"] == "verkoop")
    ]
    out = []
    for periode, norm in doel.norm:
        if periode.van > facts.today.year:
            continue
        years = range(periode.van, periode.tot + 1)
        if not all(y in covered for y in years if y <= facts.today.year):
            out.append(
                no_data(doel, scope, periode, norm, f"geen productielijst over {periode.label}")
            )
            continue
        rows = links[links["jaar"].isin(list(years))]
        out.append(_judge(doel, scope, periode, norm, rows))
    return out


def _judge(doel, scope, periode, norm, rows: pd.DataFrame) -> Evaluation:
    minimum = doel.params["label"]
    linked = rows[rows["koppeling"] == aantaldoelen.GEKOPPELD]
    known = linked[linked["label_voor"] != labels.ONBEKEND]
    good = float(
        known.loc[known["label_voor"].isin(labels.classes_at_least(minimum)), "aantal"].sum()
    )
    total = float(known["aantal"].sum())
    apart = rows[rows["koppeling"] != aantaldoelen.GEKOPPELD].groupby("koppeling")["aantal"].sum()
    unknown = float(linked["aantal"].sum()) - total
    notes = [f"{fmt.num(n)} {k}" for k, n in apart.items()]
    if unknown:
        notes.append(f"{fmt.num(unknown)} met onbekend label vooraf")
    note = f"; niet meegeteld: {', '.join(notes)}" if notes else ""
    if not total:
        text = f"geen verkopen te koppelen aan een label vóór de verkoop in {periode.label}{note}"
        return no_data(doel, scope, periode, norm, text)
    share = metingen.Share(good, total)
    below = int(total - good)
    text = (
        f"{fmt.num(good)} van {fmt.num(total)} verkochte woningen ({fmt.pct(share.waarde)}) "
        f"hadden vóór de verkoop minstens label {minimum} (laatste label in de voorraad vóór de "
        f"verkoopdatum, gekoppeld op eenheidnummer); {fmt.num(below)} verkocht onder "
        f"label {minimum}{note}"
    )
    met = share.waarde >= norm - 1e-12
    return evaluation(
        doel,
        scope,
        periode,
        norm,
        waarde=share.waarde,
        basis=total,
        status=BEHAALD if met else NIET_BEHAALD,
        tekort=metingen.homes_short(share, norm, "min"),
        uitleg=text,
    )
