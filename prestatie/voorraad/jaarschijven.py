"""Jaarschijven year by year: plan against realised, cumulatively, with a running year's prognose.

Pure functions over the targets (:class:`prestatie.afspraken.schema.Doel`), the monitor's
evaluations and :class:`prestatie.beoordeling.monitor.Facts` (production rows in force and the years
the production imports report on). Nothing here reads the database or the clock: the page passes
``today``.

How the numbers are read:

- *Realised in a year*: the production rows of the doel's gemeente, corporaties, kern and
  activities in that year, the same rows the monitor counts. A year has data only when every
  corporatie of the doel reported on it; a reported year without rows realised 0.
- *Plan*: a norm for one year is that year's plan (a band ``[6, 8]`` stays a band). A norm over
  several years (22 over 2021-2024) has no plan for a single year; cumulatively it is spread
  evenly over its years, the straight path the monitor's *op koers* uses.
- *Cumulative*: from the first year of the doel that has data (the start of the agreement when
  that year has data), plan and realised over the same years; it stops at the first year
  without data.
- *A year still running* (``today``'s year, with data): realised so far, and a projection to
  the end of the year at the same pace, realised × days in the year / days passed (today
  included). The data is taken as complete up to today. Marked ``prognose``, never a status.
- *Future years*: plan only, status ``plan``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

import pandas as pd

from prestatie.afspraken.schema import Doel, Norm, Periode
from prestatie.beoordeling import aantaldoelen, monitor, status
from prestatie.beoordeling.selectie import Selectie, targets_in_scope

PLAN, PROGNOSE = "plan", "prognose"

PROJECT_COLUMNS = {
    "project": "Project",
    "kern": "Kern",
    "soort": "Activiteit",
    "aantal": "Aantal",
    "datum": "Datum",
    "jaar": "Jaar",
    "corporatie": "Corporatie",
    "gemeente": "Gemeente",
    "bestand": "Bronbestand",
    "bron_rij": "Rij in bestand",
}

JAARSCHIJF_COLUMNS = (
    "document",
    "doel",
    "omschrijving",
    "activiteit",
    "corporatie",
    "gemeente",
    "kern",
    "jaar",
    "periode",
    "plan_laag",
    "plan_hoog",
    "gerealiseerd",
    "lopend",
    "prognose",
    "status",
    "cum_vanaf",
    "cum_plan_laag",
    "cum_plan_hoog",
    "cum_gerealiseerd",
    "cum_prognose",
)

Statuses = dict[tuple[str, str, str, str], str]


# ---- small readings --------------------------------------------------------------------------


def plan_range(norm: Norm) -> tuple[float, float]:
    """A norm as (low, high): 30 -> (30, 30); [6, 8] -> (6, 8)."""
    if isinstance(norm, tuple):
        return float(norm[0]), float(norm[1])
    return float(norm), float(norm)


def year_passed(today: date) -> Fraction:
    """The part of ``today``'s year that has passed, today included: 10 April 2025 -> 100/365."""
    start = date(today.year, 1, 1)
    days = (date(today.year + 1, 1, 1) - start).days
    return Fraction((today - start).days + 1, days)


def projection(realised: float, today: date) -> float:
    """Year-end total at the pace so far: 8 by 10 April 2025 -> 8 × 365 / 100 = 29,2."""
    return float(Fraction(str(realised)) / year_passed(today))


def covered_years(dekking: pd.DataFrame, gemeente: str, corporaties: tuple[str, ...]) -> set[int]:
    """The years every corporatie reported production on, in the gemeente."""
    rows = dekking[(dekking["gemeente"] == gemeente) & dekking["corporatie"].isin(corporaties)]
    per_corp = rows.groupby("corporatie")["jaar"].agg(set)
    if not corporaties or len(per_corp) != len(set(corporaties)):
        return set()
    return {int(y) for y in set.intersection(*per_corp.tolist())}


def doel_rows(productie: pd.DataFrame, doel: Doel, corporaties: tuple[str, ...]) -> pd.DataFrame:
    """The production rows a jaarschijf counts: gemeente, corporaties, kern and activities."""
    rows = productie[
        (productie["gemeente"] == doel.gemeente)
        & productie["corporatie"].isin(corporaties)
        & productie["soort"].isin(doel.params["activiteiten"])
    ]
    return rows[rows["kern"] == doel.kern] if doel.kern else rows


def realised_per_year(
    productie: pd.DataFrame, doel: Doel, corporaties: tuple[str, ...]
) -> dict[int, int]:
    counts = doel_rows(productie, doel, corporaties).groupby("jaar")["aantal"].sum()
    return {int(y): int(n) for y, n in counts.items()}


def poor_per_year(doel: Doel, scope: status.Scope, facts: monitor.Facts) -> dict[int, int]:
    """Homes per year whose last label in the stock before the work was one of the doel's
    ``slechte_labels`` (linked by vhe number), as the monitor counts them."""
    links = aantaldoelen.production_links(doel, scope, facts)
    poor = links[
        (links["koppeling"] == aantaldoelen.GEKOPPELD)
        & links["label_voor"].isin(doel.params["slechte_labels"])
    ]
    return {int(y): int(n) for y, n in poor.groupby("jaar")["aantal"].sum().items()}


def poor_label_notes(
    doelen: list[Doel], facts: monitor.Facts, selectie: Selectie | None = None
) -> list[str]:
    """Per jaarschijf that counts only poor labels: which labels, and the homes that could not
    be linked to a label before the work."""
    out = []
    for doel, scope in targets_in_scope(doelen, facts, "jaarschijf", selectie):
        if not doel.params.get("slechte_labels"):
            continue
        links = aantaldoelen.production_links(doel, scope, facts)
        apart = links[links["koppeling"] != aantaldoelen.GEKOPPELD]
        counts = apart.groupby("koppeling")["aantal"].sum()
        words = "; ".join(f"{int(n)} {k}" for k, n in counts.items()) or "geen"
        out.append(
            f"{doel.afspraak} ({scope.corporatie}): alleen woningen met vooraf label "
            f"{', '.join(doel.params['slechte_labels'])} (slechte_labels in het "
            "afsprakenbestand; het laatste label in de voorraad vóór het werk, gekoppeld op "
            f"eenheidnummer). Niet te koppelen: {words}."
        )
    return out


def span(doel: Doel) -> tuple[int, int]:
    """The first and last year of a doel's norms."""
    return min(p.van for p, _ in doel.norm), max(p.tot for p, _ in doel.norm)


def _periode_of(doel: Doel, year: int) -> tuple[Periode, Norm] | None:
    return next(((p, n) for p, n in doel.norm if p.van <= year <= p.tot), None)


def cumulative_plan(doel: Doel, start: int, year: int) -> tuple[float, float]:
    """Planned from the start of ``start`` to the end of ``year``; a range spread evenly."""
    low = high = Fraction(0)
    for periode, norm in doel.norm:
        overlap = min(periode.tot, year) - max(periode.van, start) + 1
        if overlap > 0:
            lo, hi = plan_range(norm)
            share = Fraction(overlap, periode.tot - periode.van + 1)
            low += Fraction(str(lo)) * share
            high += Fraction(str(hi)) * share
    return float(low), float(high)


# ---- one jaarschijf, year by year ------------------------------------------------------------


def status_lookup(evaluations: list[status.Evaluation]) -> Statuses:
    """(document, doel, corporatie, periode) -> status; a target judged as an average
    ("2021-2023" for the year 2023) also under its last year."""
    out = {(e.document, e.doel, e.corporatie, e.periode): e.status for e in evaluations}
    for e in evaluations:
        out.setdefault((e.document, e.doel, e.corporatie, str(e.jaar)), e.status)
    return out


def jaarschijf_series(
    doel: Doel, scope: status.Scope, facts: monitor.Facts, statuses: Statuses
) -> pd.DataFrame:
    """One row per year of the doel: plan, realised, projection, status and the cumulatives."""
    first, last = span(doel)
    covered = covered_years(facts.dekking, doel.gemeente, scope.corporaties)
    realised = realised_per_year(facts.productie, doel, scope.corporaties)
    if doel.params.get("slechte_labels"):  # only the homes with a poor label before the work
        covered = aantaldoelen.covered_years(doel, scope, facts)
        realised = poor_per_year(doel, scope, facts)
    covered = {y for y in covered if y <= facts.today.year}
    rows = [
        _year(doel, scope, year, covered, realised, statuses, facts.today)
        for year in range(first, last + 1)
    ]
    start = min((y for y in range(first, last + 1) if y in covered), default=first)
    return _with_cumulatives(pd.DataFrame(rows), doel, start)


def _year(
    doel: Doel,
    scope: status.Scope,
    year: int,
    covered: set[int],
    realised: dict[int, int],
    statuses: Statuses,
    today: date,
) -> dict:
    found = _periode_of(doel, year)
    single = found is not None and found[0].van == found[0].tot
    lo, hi = plan_range(found[1]) if single else (float("nan"), float("nan"))
    label = found[0].label if found else ""
    value = float(realised.get(year, 0)) if year in covered else float("nan")
    running = year in covered and year == today.year
    if year > today.year:
        state = PLAN
    else:
        key = (doel.document, doel.id, scope.corporatie, label)
        state = statuses.get(key, status.GEEN_GEGEVENS)
    return {
        "document": doel.document,
        "doel": doel.id,
        "omschrijving": doel.omschrijving,
        "activiteit": ", ".join(doel.params["activiteiten"]),
        "corporatie": scope.corporatie,
        "gemeente": doel.gemeente,
        "kern": doel.kern or "",
        "jaar": year,
        "periode": label,
        "plan_laag": lo,
        "plan_hoog": hi,
        "gerealiseerd": value,
        "lopend": running,
        "prognose": projection(value, today) if running else float("nan"),
        "status": state,
    }


def _with_cumulatives(frame: pd.DataFrame, doel: Doel, start: int) -> pd.DataFrame:
    """Plan and realised added up from ``start``; realised stops at the first year without data."""
    counted = frame["jaar"] >= start
    plans = [
        cumulative_plan(doel, start, y) if c else (float("nan"), float("nan"))
        for y, c in zip(frame["jaar"], counted, strict=True)
    ]
    realised = frame["gerealiseerd"].where(counted)
    broken = (counted & realised.isna()).cumsum() > 0
    total = realised.fillna(0).cumsum().where(counted & ~broken)
    out = frame.assign(
        cum_vanaf=start,
        cum_plan_laag=[lo for lo, _ in plans],
        cum_plan_hoog=[hi for _, hi in plans],
        cum_gerealiseerd=total,
        cum_prognose=(total - realised + frame["prognose"]).where(frame["lopend"]),
    )
    cumulatives = ("cum_plan_laag", "cum_plan_hoog", "cum_gerealiseerd", "cum_prognose")
    return out[list(JAARSCHIJF_COLUMNS)].astype({c: "float64" for c in cumulatives})


# ---- the jaarschijven of the selection, per corporatie and gemeente ----------------------------


def projects(productie: pd.DataFrame, targets: list[tuple[Doel, status.Scope]]) -> pd.DataFrame:
    """The production rows behind the given jaarschijven, in their years, each row once."""
    parts = [
        rows[rows["jaar"].between(*span(doel))]
        for doel, scope in targets
        if not (rows := doel_rows(productie, doel, scope.corporaties)).empty
    ]
    if not parts:
        return productie.iloc[:0]
    rows = pd.concat(parts).drop_duplicates(subset=["batch_id", "bron_rij"])
    return rows.sort_values(["corporatie", "gemeente", "jaar", "soort", "bron_rij"])


@dataclass(frozen=True)
class Groep:
    """The jaarschijven of one corporatie (or the corporaties together) in one gemeente."""

    label: str  # 'Lefier · Borger-Odoorn'
    rijen: pd.DataFrame  # rows of jaarschijf_series
    projecten: pd.DataFrame  # the production rows behind them


def groepen(
    doelen: list[Doel],
    facts: monitor.Facts,
    evaluations: list[status.Evaluation],
    selectie: Selectie | None = None,
) -> list[Groep]:
    """The jaarschijven in the selection, per gemeente and corporatie (alphabetical)."""
    return [
        groep(gemeente, corporatie, targets, facts, evaluations)
        for (gemeente, corporatie), targets in groep_targets(doelen, facts, selectie)
    ]


def groep_targets(
    doelen: list[Doel], facts: monitor.Facts, selectie: Selectie | None = None
) -> list[tuple[tuple[str, str], list[tuple[Doel, status.Scope]]]]:
    """The jaarschijf targets in the selection per (gemeente, corporatie), alphabetical."""
    per_key: dict[tuple[str, str], list[tuple[Doel, status.Scope]]] = {}
    for doel, scope in targets_in_scope(doelen, facts, "jaarschijf", selectie):
        per_key.setdefault((doel.gemeente, scope.corporatie), []).append((doel, scope))
    return sorted(per_key.items())


def groep(
    gemeente: str,
    corporatie: str,
    targets: list[tuple[Doel, status.Scope]],
    facts: monitor.Facts,
    evaluations: list[status.Evaluation],
) -> Groep:
    """The jaarschijven of one corporatie in one gemeente: the same for every selection that
    shows it, so a page computes it once."""
    statuses = status_lookup(evaluations)
    return Groep(
        f"{corporatie} · {gemeente}",
        pd.concat(
            [jaarschijf_series(d, s, facts, statuses) for d, s in targets], ignore_index=True
        ),
        projects(facts.productie, targets),
    )
