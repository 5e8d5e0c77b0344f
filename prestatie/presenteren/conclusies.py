"""One plain Dutch line per chart: what the meeting should take away, written from the data.

Deterministic: the same evaluations and stock give the same words (scopes in the order they
come, ties broken by name). Each function belongs to one kind of chart:

- :func:`stand` — the state of all targets (``charts.status_counts``);
- :func:`aandeel` — one share target against its norm (``charts.share_against_norm``), e.g.
  "Stand 2024: Woonservice haalt met 91,3% de norm van 90% (14 woningen boven de grens meer
  dan vorig jaar)";
- :func:`jaarschijven` — realised against the jaarschijven (``charts.jaarschijf``);
- :func:`labelverdeling` — the labels of the latest year (``charts.label_distribution``);
- :func:`huurverdeling` — rents against the 2e aftoppingsgrens (``charts.rent_distribution``).

The figures are those of the monitor: a share's homes are ``round(waarde × basis)`` of
``basis``; a year is the verslagjaar of the peildatum (1 January reports on the year before).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from prestatie import fmt
from prestatie.beoordeling import huurregel, metingen, scorecard
from prestatie.beoordeling.status import (
    ACHTER,
    BEHAALD,
    GEEN_GEGEVENS,
    NIET_BEHAALD,
    OP_KOERS,
    STATUSES,
    Evaluation,
)
from prestatie.referentie import huurgrenzen, labels
from prestatie.referentie.peildatum import as_date, verslagjaar

A_OR_BETTER = ("A++++", "A+++", "A++", "A+", "A")
EFG = ("E", "F", "G")
HUURGRENS = "tweede_aftoppingsgrens"


# ---- shared wording ---------------------------------------------------------------------------


def enumeration(items: Sequence[str]) -> str:
    """["a", "b", "c"] -> "a, b en c"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} en {items[-1]}"


def norm_pct(norm: float) -> str:
    """A norm as people write it: 0.9 -> "90%", 0.475 -> "47,5%"."""
    whole = abs(round(norm * 100) - norm * 100) < 1e-9
    return fmt.pct(norm, 0 if whole else 1)


def _norm(e: Evaluation) -> str:
    if isinstance(e.norm, tuple):
        return f"{norm_pct(e.norm[0])} tot {norm_pct(e.norm[1])}"
    return norm_pct(float(e.norm))


def _homes(n: int) -> str:
    return "1 woning" if n == 1 else f"{fmt.num(n)} woningen"


def _difference(change: int, what: str, year: int, before: int) -> str:
    """ "14 woningen boven de grens meer dan vorig jaar" / "evenveel … als in 2021"."""
    when = "vorig jaar" if before == year - 1 else f"in {before}"
    if change == 0:
        return f"evenveel woningen {what} als {when}"
    more = "meer" if change > 0 else "minder"
    return f"{_homes(abs(change))} {what} {more} dan {when}"


# ---- the state of all targets -----------------------------------------------------------------


def stand(evaluations: Sequence[Evaluation]) -> str:
    """ "Van 12 doelen: 7 behaald, 1 op koers, 3 niet behaald en 1 zonder gegevens; …"."""
    if not evaluations:
        return "Geen doelen om te beoordelen in deze selectie."
    counts = {s: sum(e.status == s for e in evaluations) for s in STATUSES}
    parts = [
        f"{n} {'zonder gegevens' if s == GEEN_GEGEVENS else s}" for s, n in counts.items() if n
    ]
    line = f"Van {len(evaluations)} doelen: {enumeration(parts)}"
    missed: dict[str, int] = {}
    for e in evaluations:
        if e.status == NIET_BEHAALD:
            missed[e.corporatie] = missed.get(e.corporatie, 0) + 1
    if missed and len({e.corporatie for e in evaluations}) > 1:
        most = max(missed.values())
        names = [who(c) for c in sorted(c for c, n in missed.items() if n == most)]
        each = "elk " if len(names) > 1 else ""
        line += f"; de meeste niet behaald bij {enumeration(names)} ({each}{most})"
    return line + "."


# ---- one share target -------------------------------------------------------------------------


def _homes_in(e: Evaluation) -> int:
    return round(float(e.waarde) * float(e.basis))


def _measured(e: Evaluation) -> bool:
    return e.waarde is not None and e.basis is not None and e.peildatum is not None


def _current(rows: list[Evaluation]) -> Evaluation:
    """The freshest measurement; of two on the same data, the nearest deadline."""
    return max(rows, key=lambda e: (e.peildatum, -e.jaar))


def _previous(rows: list[Evaluation], current: Evaluation) -> Evaluation | None:
    earlier = [e for e in rows if verslagjaar(e.peildatum) < verslagjaar(current.peildatum)]
    return _current(earlier) if earlier else None


def _change(current: Evaluation, previous: Evaluation | None) -> str:
    """Against the previous measurement: homes above the limit, or homes in the label group."""
    if previous is None:
        return ""
    year, before = verslagjaar(current.peildatum), verslagjaar(previous.peildatum)
    if current.soort not in ("aandeel_huur", "aandeel_label"):
        return ""  # a share of lettings: the change in homes says nothing
    if current.soort == "aandeel_huur":
        above_now = round(current.basis) - _homes_in(current)
        above_then = round(previous.basis) - _homes_in(previous)
        return _difference(above_now - above_then, "boven de grens", year, before)
    change = _homes_in(current) - _homes_in(previous)
    return _difference(change, "in deze labelgroep", year, before)


def who(corporatie: str) -> str:
    """The scope as a subject: "Lefier", "Lefier en Woonservice samen", "de corporaties samen"."""
    if corporatie == "alle corporaties":
        return "de corporaties samen"
    names = corporatie.split(" + ")
    return f"{enumeration(names)} samen" if len(names) > 1 else corporatie


def _judgement(e: Evaluation, subject: str) -> str:
    value, norm = fmt.pct(e.waarde), _norm(e)
    plural = subject.endswith(" samen")
    meets, lies = ("halen", "liggen") if plural else ("haalt", "ligt")
    if e.status == BEHAALD:
        return f"{subject} {meets} met {value} de norm van {norm}"
    if e.status == NIET_BEHAALD:
        return f"{subject} {meets} met {value} de norm van {norm} niet"
    if e.status == OP_KOERS:
        return f"{subject} {lies} met {value} op koers naar {norm} in {e.jaar}"
    return f"{subject} {lies} met {value} achter op de weg naar {norm} in {e.jaar}"


def _scope_line(rows: list[Evaluation], with_year: bool) -> str:
    current = _current(rows)
    gap = scorecard.gap_text(current) if current.status in (NIET_BEHAALD, ACHTER) else ""
    notes = [n for n in (gap, _change(current, _previous(rows, current))) if n]
    subject = who(current.corporatie)
    line = _judgement(current, f"{subject} ({_year(current)})" if with_year else subject)
    return f"{line} ({', '.join(notes)})" if notes else line


def _year(e: Evaluation) -> int:
    return verslagjaar(e.peildatum)


def aandeel(evaluations: Sequence[Evaluation]) -> str:
    """The latest measurement per scope of one share target, against its norm."""
    measured = [e for e in evaluations if _measured(e)]
    if not measured:
        what = evaluations[0].omschrijving if evaluations else "dit doel"
        return f"Geen gegevens om te beoordelen: {what}."
    scopes: dict[str, list[Evaluation]] = {}
    for e in measured:
        scopes.setdefault(e.corporatie, []).append(e)
    years = {_year(_current(rows)) for rows in scopes.values()}
    lines = [_scope_line(rows, with_year=len(years) > 1) for rows in scopes.values()]
    prefix = f"Stand {years.pop()}: " if len(years) == 1 else ""
    return _sentence(f"{prefix}{'; '.join(lines)}.")


def _sentence(text: str) -> str:
    """A sentence starts with a capital."""
    return text[:1].upper() + text[1:]


# ---- jaarschijven -----------------------------------------------------------------------------


def _count_norm(e: Evaluation) -> str:
    if isinstance(e.norm, tuple):
        return f"{fmt.num(e.norm[0])} tot {fmt.num(e.norm[1])}"
    return fmt.num(e.norm)


def jaarschijven(evaluations: Sequence[Evaluation]) -> str:
    """How many jaarschijven are met, and the largest shortfall."""
    judged = [e for e in evaluations if e.status != GEEN_GEGEVENS]
    if not judged:
        return "Nog geen gerealiseerde aantallen om met de jaarschijven te vergelijken."
    counts = {s: sum(e.status == s for e in judged) for s in STATUSES if s != BEHAALD}
    others = [f"{n} {s}" for s, n in counts.items() if n]
    behaald = sum(e.status == BEHAALD for e in judged)
    years = {e.jaar for e in judged}
    prefix = f"{years.pop()}: " if len(years) == 1 else ""
    line = f"{prefix}{behaald} van {len(judged)} jaarschijven behaald"
    if others:
        line += f", {enumeration(others)}"
    short = [e for e in judged if e.status in (NIET_BEHAALD, ACHTER) and e.tekort]
    if short:
        worst = min(short, key=lambda e: (-e.tekort, e.omschrijving, e.corporatie, e.periode))
        line += (
            f"; grootste tekort: {worst.omschrijving} ({worst.periode}), "
            f"{fmt.num(worst.waarde)} van {_count_norm(worst)}, "
            f"{_homes(worst.tekort)} te weinig"
        )
    missing = len(evaluations) - len(judged)
    if missing:
        line += f"; {missing} zonder gegevens"
    return line + "."


# ---- the stock: labels and rents --------------------------------------------------------------


def _latest_two(stock: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame | None, int]:
    """The rows of the latest verslagjaar and, when the same corporaties and gemeenten
    reported the year before, the rows of that year."""
    year = int(stock["jaar"].max())
    now = stock[stock["jaar"] == year]
    before = stock[stock["jaar"] == year - 1]

    def reporters(rows: pd.DataFrame) -> set:
        return set(zip(rows["corporatie"], rows["gemeente"], strict=True))

    return now, (before if not before.empty and reporters(before) == reporters(now) else None), year


def missing_corporaties(stock: pd.DataFrame) -> tuple[list[str], list[str]]:
    """(corporaties in the latest verslagjaar, corporaties with stock in the selection in an
    earlier year but not in that one): a figure of the latest year holds only the first."""
    if stock.empty:
        return [], []
    year = stock["jaar"].max()
    present = sorted(set(stock.loc[stock["jaar"] == year, "corporatie"]))
    missing = sorted(set(stock["corporatie"]) - set(present))
    return present, missing


def completeness(stock: pd.DataFrame) -> str:
    """'' when every corporatie of the selection reported in the latest year, else which did
    not: 'Alleen Lefier; Domesta en Woonservice ontbreken voor 2025.'"""
    present, missing = missing_corporaties(stock)
    if not missing:
        return ""
    verb = "ontbreekt" if len(missing) == 1 else "ontbreken"
    return (
        f"Alleen {enumeration(present)}; {enumeration(missing)} {verb} voor "
        f"{int(stock['jaar'].max())}. "
    )


def labelverdeling(stock: pd.DataFrame) -> str:
    """The share with label A or better and with E, F or G in the latest year."""
    if stock.empty:
        return "Geen voorraadgegevens in deze selectie."
    now, before, year = _latest_two(stock)
    a = metingen.share_in_labels(now, A_OR_BETTER)
    efg = metingen.share_in_labels(now, EFG)
    line = f"Eind {year} heeft {fmt.pct(a.waarde)} van {_homes(round(a.totaal))} label A of beter"
    if before is not None:
        line += f" ({year - 1}: {fmt.pct(metingen.share_in_labels(before, A_OR_BETTER).waarde)})"
    line += f"; {fmt.pct(efg.waarde)} heeft label E, F of G"
    unknown = round(metingen.count_in_labels(now, (labels.ONBEKEND,)))
    if unknown:
        line += f"; van {_homes(unknown)} is het label onbekend"
    return completeness(stock) + line + "."


def _up_to_limit(rows: pd.DataFrame) -> metingen.Share | None:
    """Homes with a rent up to and including the limit in force on their own peildatum, from the
    counts of the stock; None when a peildatum lies in a year without known limits."""
    if not rows["grenzen_bekend"].all():
        return None
    return metingen.rent_share(rows, huurregel.limit_column(HUURGRENS, True))


def huurverdeling(stock: pd.DataFrame) -> str:
    """Homes up to the 2e aftoppingsgrens in the latest year, and the change in homes above."""
    if stock.empty:
        return "Geen voorraadgegevens in deze selectie."
    now, before, year = _latest_two(stock)
    share = _up_to_limit(now)
    peildata = sorted({as_date(p) for p in now["peildatum"]})
    if share is None:
        return f"Huren niet te toetsen: {huurgrenzen.unknown_text(peildata[-1].year)}."
    amounts = {huurgrenzen.grens_op(p, HUURGRENS) for p in peildata}
    limit = f" van {fmt.euro(amounts.pop())}" if len(amounts) == 1 else ""
    verb = "heeft" if round(share.deel) == 1 else "hebben"
    line = (
        f"Eind {year} {verb} {fmt.num(share.deel)} van {_homes(round(share.totaal))} "
        f"({fmt.pct(share.waarde)}) een huur tot en met de "
        f"{huurgrenzen.naam(HUURGRENS)}{limit}"
    )
    then = None if before is None else _up_to_limit(before)
    if then is not None:
        change = round(share.totaal - share.deel) - round(then.totaal - then.deel)
        line += f"; {_difference(change, 'boven de grens', year, year - 1)}"
    return completeness(stock) + line + "."


# ---- lettings: the split of a route between corporations ---------------------------------------


def verdeling(evaluations: Sequence[Evaluation]) -> str:
    """The split of a route (statushouders) in the latest judged year, with the numbers:
    '2023: Lefier huisvestte 4 en Woonservice 10 van de 14 statushouders (29% en 71%);
    afgesproken is 40% tot 60% elk: niet behaald.'"""
    measured = [e for e in evaluations if e.waarde is not None and e.basis]
    if not measured:
        what = evaluations[0].omschrijving if evaluations else "dit doel"
        return f"Geen gegevens om te beoordelen: {what}."
    year = max(e.jaar for e in measured)
    rows = sorted((e for e in measured if e.jaar == year), key=lambda e: e.corporatie)
    total = round(rows[0].basis)
    counts = [f"{e.corporatie} {fmt.num(round(e.waarde * e.basis))}" for e in rows]
    parts = [fmt.pct(e.waarde, 0) for e in rows]
    met = all(e.status == BEHAALD for e in rows)
    return _sentence(
        f"{year}: van de {fmt.num(total)} toewijzingen aan statushouders huisvestte "
        f"{enumeration(counts)} ({enumeration(parts)}); afgesproken is {_norm(rows[0])} elk: "
        f"{'behaald' if met else 'niet behaald'}."
    )


def verhuringen(summary: pd.DataFrame) -> str:
    """The lettings of the latest year per gemeente in one sentence: '2024: Domesta, Lefier en
    Woonservice verhuurden 254 woningen in Emmen, 24 aan statushouders (9,4%).' (the rows of
    ``woningzoekenden.verhuringen.summary``)."""
    if summary.empty:
        return "Nog geen verhuringen ingelezen."
    lines = []
    for gemeente, rows in summary.groupby("gemeente", sort=True):
        year = int(rows["jaar"].max())
        latest = rows[rows["jaar"] == year]
        names = sorted(latest["corporatie"])
        total = int(latest["aantal"].sum())
        verb = "verhuurden" if len(names) > 1 else "verhuurde"
        line = f"{year}: {enumeration(names)} {verb} {_homes(total)} in {gemeente}"
        known = latest.dropna(subset=["statushouders"])
        if len(known) == len(latest) and total:
            status = int(known["statushouders"].sum())
            line += f", {fmt.num(status)} aan statushouders ({fmt.pct(status / total)})"
        lines.append(line)
    return _sentence("; ".join(lines) + ".")


_WITHIN = re.compile(r"binnen (\d+) maanden")
_MEDIAN = re.compile(r"mediaan ([\d.,]+) maanden")


def zoekduur(evaluations: Sequence[Evaluation]) -> str:
    """The search time in the latest judged year, from the monitor's figures and explanation
    (:mod:`prestatie.beoordeling.verhuurdoelen`): 'Stand 2023: van de nieuwe huurders van
    Domesta, Lefier en Woonservice samen vond 31,9% binnen 12 maanden een woning (mediaan 19,5
    maanden); afgesproken is 100%: niet behaald.'"""
    measured = [e for e in evaluations if e.waarde is not None]
    if not measured:
        what = evaluations[0].omschrijving if evaluations else "dit doel"
        return f"Geen gegevens om te beoordelen: {what}."
    year = max(e.jaar for e in measured)
    lines = []
    for e in (e for e in measured if e.jaar == year):
        within, median = _WITHIN.search(e.uitleg), _MEDIAN.search(e.uitleg)
        months = f"binnen {within[1]} maanden" if within else "binnen de afgesproken tijd"
        line = f"van de nieuwe huurders van {who(e.corporatie)} vond {fmt.pct(e.waarde)} {months} "
        line += "een woning" + (f" (mediaan {median[1]} maanden)" if median else "")
        lines.append(f"{line}; afgesproken is {_norm(e)}: {e.status}")
    return _sentence(f"Stand {year}: {'; '.join(lines)}.")


def lettings_target(evaluations: Sequence[Evaluation]) -> str:
    """The conclusion of one target on the lettings, in the words of its kind."""
    soort = evaluations[0].soort if evaluations else ""
    if soort == "verdeling_toewijzing":
        return verdeling(evaluations)
    if soort == "zoekduur":
        return zoekduur(evaluations)
    return aandeel(evaluations)


# ---- leefbaarheid -----------------------------------------------------------------------------

_MEASUREMENT = re.compile(r"Leefbaarometer (\d{4}), per (wijk|buurt)")
_AREA = re.compile(r"(?:: |; )([^:;]+?) \((?:WK|BU)\d{6,8}\):")


def leefbaarheid(evaluations: Sequence[Evaluation]) -> str:
    """The latest Leefbaarometer judgement of a liveability target: 'Leefbaarometer 2024: 2 van
    de 12 wijken schieten tekort (Emmerhout, Bargeres); afgesproken is geen enkele: niet
    behaald.'"""
    measured = [e for e in evaluations if e.waarde is not None]
    if not measured:
        why = evaluations[-1].uitleg if evaluations else ""
        return _sentence(f"geen gegevens: {why or 'dit doel is niet te beoordelen'}.")
    e = max(measured, key=lambda m: m.jaar)
    found = _MEASUREMENT.search(e.uitleg)
    year, level = (found[1], found[2]) if found else (e.periode, "wijk")
    words = "wijken" if level == "wijk" else "buurten"
    short = int(e.waarde)
    names = _AREA.findall(e.uitleg.split("; bron:")[0])
    verb = "schiet" if short == 1 else "schieten"
    counted = f"{fmt.num(short)} van de {fmt.num(e.basis or 0)} {words}"
    line = f"Leefbaarometer {year}: {counted} {verb} tekort"
    if names:
        line += f" ({enumeration(names)})"
    agreed = "geen enkele" if not e.norm else f"ten hoogste {fmt.num(e.norm)}"
    return _sentence(f"{line}; afgesproken is {agreed}: {e.status}.")
