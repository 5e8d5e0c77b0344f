"""Targets measured on the lettings: the share of the offer up to a rent limit (``aandeel_huur``
with ``basis = "aanbod"``), the share of the toewijzingen by a route (``aandeel_toewijzing``:
Emmen, at most 10% to statushouders in the existing stock), the split of a route between the
corporations (``verdeling_toewijzing``: Borger-Odoorn C3, statushouders 50/50) and the search
time (``zoekduur``: the share of lettings within a number of months, with the median).

The lettings of a year count for that year; a norm over a range of years counts the lettings of
all its years together. A scope is measured in the years every corporatie in it has lettings of.
A finished period is behaald or niet behaald; a running one (its last year not over yet) is op
koers when the lettings so far meet the norm, else achter. A period without lettings gives no
evaluation here (None): the monitor then says 'geen gegevens' with the reason, or, for the offer,
measures the stock and labels it :data:`OP_DE_VOORRAAD`, never silently.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from prestatie import fmt
from prestatie.beoordeling import metingen, verhuurmetingen
from prestatie.beoordeling.huurregel import FIXED, Regel
from prestatie.beoordeling.status import (
    ACHTER,
    BEHAALD,
    NIET_BEHAALD,
    OP_KOERS,
    Evaluation,
    Scope,
    evaluation,
    no_data,
)
from prestatie.referentie import huurgrenzen

KINDS = ("aandeel_toewijzing", "verdeling_toewijzing", "zoekduur")
OP_DE_VOORRAAD = "gemeten op de voorraad, geen verhuringen ingelezen"
LETTINGS = "verhuringen"  # Evaluation.gemeten_op of an evaluation on the lettings
ONBEKEND = "onbekend"  # the route of a letting from a list without routes
ROUTE_WORDS = {
    "statushouder": "statushouders",
    "urgent": "urgenten",
    "regulier": "reguliere woningzoekenden",
    "bemiddeling": "bemiddeling",
    "doorstroming": "doorstromers",
    "overig": "overige routes",
}


@dataclass(frozen=True)
class Measure:
    """The lettings of a scope in some years measured against a norm; ``value`` None: could
    not be measured, ``text`` says why."""

    value: float | None
    met: bool
    text: str
    short: int | None = None
    basis: float | None = None


def on_offer(doel) -> bool:
    """Whether a rent target measures the offer (the lettings), not the stock."""
    return doel.soort == "aandeel_huur" and doel.params.get("basis") == "aanbod"


def per_year(lettings: pd.DataFrame | None, doel, corporaties: tuple[str, ...]) -> dict:
    """The lettings counts of the corporaties in the target's gemeente per year, only years
    every one of them has lettings of."""
    if lettings is None or lettings.empty or not corporaties:
        return {}
    rows = lettings[
        (lettings["gemeente"] == doel.gemeente) & lettings["corporatie"].isin(corporaties)
    ]
    per_corp = rows.groupby("corporatie")["jaar"].agg(set)
    if len(per_corp) < len(set(corporaties)):
        return {}
    years = set.intersection(*per_corp.tolist())
    return {int(y): g for y, g in rows.groupby("jaar") if y in years}


def evaluate(doel, scope: Scope, facts, periode, norm, prijspeil) -> Evaluation | None:
    """One target on the lettings for one scope and period; None when there are none."""
    corporaties = scope.corporaties
    if doel.soort == "verdeling_toewijzing":  # the share of one of the corporations together
        corporaties = tuple(doel.corporaties) or _present(facts.verhuringen, doel.gemeente)
    years = per_year(facts.verhuringen, doel, corporaties)
    if doel.soort == "aandeel_huur":
        measure = _rent_measure(doel, prijspeil)
    elif doel.soort == "aandeel_toewijzing":
        measure = _route_measure(doel)
    elif doel.soort == "verdeling_toewijzing":
        measure = _split_measure(doel, scope, corporaties)
    elif doel.soort == "zoekduur":
        measure = _search_measure(doel, facts.zoekduren, corporaties)
    else:
        raise ValueError(doel.soort)
    return _judge(doel, scope, periode, norm, years, facts.today, measure)


def _present(lettings: pd.DataFrame | None, gemeente: str) -> tuple[str, ...]:
    if lettings is None:
        return ()
    return tuple(sorted(set(lettings.loc[lettings["gemeente"] == gemeente, "corporatie"])))


def no_lettings(doel, scope: Scope, periode, norm) -> Evaluation:
    return no_data(doel, scope, periode, norm, f"geen verhuringen ingelezen over {periode.label}")


def _judge(doel, scope, periode, norm, years: dict, today: date, measure) -> Evaluation | None:
    inside = sorted(y for y in years if periode.van <= y <= periode.tot)
    running = periode.tot >= today.year
    if not inside:
        earlier = [y for y in years if y < periode.van]
        if not (running and earlier):
            return None
        inside, ahead = [max(earlier)], True
    else:
        ahead = False
    rows = pd.concat([years[y] for y in inside], ignore_index=True)
    m = measure(rows, inside, norm)
    last = max(pd.Timestamp(d) for d in rows["datum_tot"]).date()
    if m.value is None:
        return replace(no_data(doel, scope, periode, norm, m.text, last), gemeten_op=LETTINGS)
    text = f"verhuringen {_years_text(inside)}: {m.text}"
    missing = [y for y in range(periode.van, min(periode.tot, today.year) + 1) if y not in years]
    if missing and not ahead:
        text += f"; geen verhuringen over {_years_text(missing)}"
    if ahead:
        status = OP_KOERS if m.met else ACHTER
        text += f"; stand {inside[0]}, het doeljaar {periode.label} ligt nog voor ons"
    elif running:
        status = OP_KOERS if m.met else ACHTER
        text += f"; lopende periode, verhuringen t/m {fmt.datum(last)}"
    else:
        status = BEHAALD if m.met else NIET_BEHAALD
    return evaluation(
        doel, scope, periode, norm, waarde=m.value, basis=m.basis, peildatum=last,
        status=status, tekort=m.short, uitleg=text, gemeten_op=LETTINGS,
    )  # fmt: skip


def _years_text(years: list[int]) -> str:
    years = sorted(years)
    if len(years) > 2 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}-{years[-1]}"
    return ", ".join(str(y) for y in years)


def _meets(value: float, norm, richting: str) -> bool:
    lo, hi = _bounds(norm, richting)
    return lo - 1e-12 <= value <= hi + 1e-12


def _bounds(norm, richting: str) -> tuple[float, float]:
    if richting == "band":
        return float(norm[0]), float(norm[1])
    if richting == "max":
        return float("-inf"), float(norm)
    return float(norm), float("inf")


def _share_measure(share: metingen.Share, norm, richting: str, text: str) -> Measure:
    if share.waarde is None:
        return Measure(None, False, text)
    lo, hi = _bounds(norm, richting)
    short = verhuurmetingen.short_of_band(share, max(lo, 0.0), min(hi, 1.0))
    return Measure(share.waarde, _meets(share.waarde, norm, richting), text, short, share.totaal)


# ---- the offer up to a rent limit ------------------------------------------------------------


def _rent_measure(doel, prijspeil: str):
    regel = Regel.van(doel)
    kolom = regel.kolom(prijspeil)

    def measure(rows: pd.DataFrame, years: list[int], norm) -> Measure:
        unknown = [y for y in years if regel.cents(date(y, 1, 1), prijspeil) is None]
        if unknown or not rows["grenzen_bekend"].astype(bool).all():
            return Measure(None, False, huurgrenzen.unknown_text(max(unknown or years)))
        if kolom not in rows.columns:
            return Measure(None, False, f"geen telling van de verhuringen onder {kolom}")
        share = verhuurmetingen.rent_share(rows, kolom)
        limits = " / ".join(_limit_text(regel, y, prijspeil) for y in years)
        text = (
            f"{fmt.num(share.deel)} van {fmt.num(share.totaal)} verhuringen "
            f"({fmt.pct(share.waarde)}) met huur {regel.woord} {limits}; document: "
            f"{fmt.euro(regel.bedrag)} prijspeil {regel.prijspeil}{_no_rent_note(rows)}"
        )
        return _share_measure(share, norm, doel.richting, text)

    return measure


def _limit_text(regel: Regel, jaar: int, prijspeil: str) -> str:
    cents = regel.cents(date(jaar, 1, 1), prijspeil)
    if prijspeil == FIXED and regel.bedrag is not None:
        return f"{fmt.euro(cents / 100)} (vast bedrag uit het document)"
    return f"{fmt.euro(cents / 100)} ({huurgrenzen.naam(regel.grens, jaar)} {jaar})"


def _no_rent_note(rows: pd.DataFrame) -> str:
    missing = int(rows["aantal"].sum() - rows["huur_bekend"].sum())
    if not missing:
        return ""
    return f"; {fmt.num(missing)} zonder huur tellen mee in het totaal, nooit onder de grens"


# ---- the toewijzingen by a route -------------------------------------------------------------


def _routes_missing(rows: pd.DataFrame) -> list[str]:
    """The corporaties whose lettings have no route at all (a list without a route column)."""
    known = rows[rows["route"] != ONBEKEND].groupby("corporatie")["aantal"].sum()
    return sorted(c for c in set(rows["corporatie"]) if known.get(c, 0) == 0)


def _no_routes_text(names: list[str]) -> str:
    return (
        f"de verhuringenlijst van {', '.join(names)} zegt niet per verhuring de route "
        "(regulier, urgent, statushouder, …)"
    )


def _route_measure(doel):
    route = doel.params["route"]
    existing = bool(doel.params.get("bestaande_voorraad"))
    word = ROUTE_WORDS.get(route, route)

    def measure(rows: pd.DataFrame, years: list[int], norm) -> Measure:
        if missing := _routes_missing(rows):
            return Measure(None, False, _no_routes_text(missing))
        share = verhuurmetingen.route_share(rows, route, existing)
        per_corp = verhuurmetingen.split(
            rows[~rows["nieuwbouw"].astype(bool)] if existing else rows,
            route,
            tuple(sorted(set(rows["corporatie"]))),
        )
        where = " in de bestaande voorraad" if existing else ""
        text = (
            f"{fmt.num(share.deel)} van {fmt.num(share.totaal)} toewijzingen{where} "
            f"({fmt.pct(share.waarde)}) aan {word}"
        )
        if len(per_corp) > 1:
            text += " (" + ", ".join(f"{c} {fmt.num(n)}" for c, n in per_corp.items()) + ")"
        if existing:
            new = int(rows.loc[rows["nieuwbouw"].astype(bool), "aantal"].sum())
            text += (
                f"; {fmt.num(new)} eerste verhuringen van nieuwbouw niet meegeteld"
                if new
                else "; geen eerste verhuringen van nieuwbouw herkend (nieuwbouw in een "
                "productielijst met hetzelfde eenheidnummer), alle verhuringen geteld"
            )
        return _share_measure(share, norm, doel.richting, text)

    return measure


def _split_measure(doel, scope: Scope, corporaties: tuple[str, ...]):
    route = doel.params["route"]
    word = ROUTE_WORDS.get(route, route)

    def measure(rows: pd.DataFrame, years: list[int], norm) -> Measure:
        if missing := _routes_missing(rows):
            return Measure(None, False, _no_routes_text(missing))
        counts = verhuurmetingen.split(rows, route, corporaties)
        total = sum(counts.values())
        parts = ", ".join(f"{c} {fmt.num(n)}" for c, n in counts.items())
        if not total:
            return Measure(None, False, f"geen toewijzingen aan {word} ({parts})")
        own = counts.get(scope.corporatie, 0)
        share = metingen.Share(float(own), float(total))
        text = (
            f"{scope.corporatie} {fmt.num(own)} van {fmt.num(total)} toewijzingen aan {word} "
            f"({fmt.pct(share.waarde)}; {parts})"
        )
        return _share_measure(share, norm, doel.richting, text)

    return measure


# ---- the search time --------------------------------------------------------------------------


def _search_measure(doel, zoekduren: pd.DataFrame | None, corporaties: tuple[str, ...]):
    maanden = doel.params["maanden"]

    def measure(rows: pd.DataFrame, years: list[int], norm) -> Measure:
        if zoekduren is None:
            return Measure(None, False, "geen zoekduren geteld")
        hist = zoekduren[
            (zoekduren["gemeente"] == doel.gemeente)
            & zoekduren["corporatie"].isin(corporaties)
            & zoekduren["jaar"].isin(years)
        ]
        share = verhuurmetingen.within(hist, maanden)
        if not share.totaal:
            return Measure(
                None,
                False,
                "de verhuringenlijst heeft geen zoekduur, inschrijfduur of inschrijfdatum",
            )
        median = verhuurmetingen.weighted_median(hist)
        text = (
            f"mediaan {fmt.num(median, 1)} maanden; {fmt.num(share.deel)} van "
            f"{fmt.num(share.totaal)} verhuringen ({fmt.pct(share.waarde)}) binnen "
            f"{fmt.num(maanden)} maanden; {measured_text(verhuurmetingen.soorten(hist))}"
        )
        if without := verhuurmetingen.without_zoekduur(hist):
            text += f"; {fmt.num(without)} verhuringen zonder zoekduur niet meegeteld"
        return _share_measure(share, norm, doel.richting, text)

    return measure


def measured_text(per_soort: dict[str, list[str]]) -> str:
    """What the search time is: 'gemeten als zoekduur' or, where a file had only the
    registration, 'gemeten als inschrijfduur (de tijd sinds inschrijving, niet de zoekduur)',
    naming the corporaties when they differ."""
    words = {
        verhuurmetingen.ZOEKDUUR: "zoekduur",
        verhuurmetingen.INSCHRIJFDUUR: "inschrijfduur (de tijd sinds inschrijving, niet de "
        "zoekduur; meestal langer)",
    }
    if len(per_soort) == 1:
        (soort,) = per_soort
        return f"gemeten als {words.get(soort, soort)}"
    parts = [f"{words.get(s, s)} bij {', '.join(names)}" for s, names in sorted(per_soort.items())]
    return "gemeten als " + " en ".join(parts)
