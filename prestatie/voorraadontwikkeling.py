"""Voorraadontwikkeling: jaarschijven year by year, the stock waterfall and the bandwidth paths.

Pure functions over the targets (:class:`prestatie.targets.Doel`), the monitor's evaluations,
and :class:`prestatie.monitor.Facts` (stock per verslagjaar, production rows in force and the
years the production imports report on). Nothing here reads the database or the clock: the
page passes ``today``.

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
- *Waterfall*: per corporatie and gemeente, the stock at the end of a year (the last peildatum
  of the verslagjaar) + nieuwbouw − sloop − verkoop of the next year, against the stock counted
  at the end of that year. A difference is kept and shown as ``verschil``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

import pandas as pd

from prestatie import fmt, metingen, monitor
from prestatie.dashboard import Filters
from prestatie.targets import Doel, Norm, Periode

PLAN, PROGNOSE = "plan", "prognose"
MUTATIES = ("nieuwbouw", "sloop", "verkoop")
SAMEN = "samen"

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
WATERFALL_COLUMNS = (
    "corporatie",
    "gemeente",
    "jaar",
    "begin",
    "nieuwbouw",
    "sloop",
    "verkoop",
    "berekend",
    "eind",
    "verschil",
    "peildatum_eind",
    "lopend",
)


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


# ---- jaarschijven ----------------------------------------------------------------------------


def status_lookup(evaluations: list[monitor.Evaluation]) -> dict[tuple[str, str, str, str], str]:
    """(document, doel, corporatie, periode) -> status."""
    return {(e.document, e.doel, e.corporatie, e.periode): e.status for e in evaluations}


def jaarschijf_series(
    doel: Doel,
    scope: monitor.Scope,
    facts: monitor.Facts,
    statuses: dict[tuple[str, str, str, str], str],
) -> pd.DataFrame:
    """One row per year of the doel: plan, realised, projection, status and the cumulatives."""
    first, last = span(doel)
    covered = covered_years(facts.dekking, doel.gemeente, scope.corporaties)
    covered = {y for y in covered if y <= facts.today.year}
    realised = realised_per_year(facts.productie, doel, scope.corporaties)
    rows = [
        _year(doel, scope, year, covered, realised, statuses, facts.today)
        for year in range(first, last + 1)
    ]
    start = min((y for y in range(first, last + 1) if y in covered), default=first)
    return _with_cumulatives(pd.DataFrame(rows), doel, start)


def _year(
    doel: Doel,
    scope: monitor.Scope,
    year: int,
    covered: set[int],
    realised: dict[int, int],
    statuses: dict[tuple[str, str, str, str], str],
    today: date,
) -> dict:
    found = _periode_of(doel, year)
    single = found is not None and found[0].van == found[0].tot
    lo, hi = plan_range(found[1]) if single else (float("nan"), float("nan"))
    label = found[0].label if found else ""
    value = float(realised.get(year, 0)) if year in covered else float("nan")
    running = year in covered and year == today.year
    if year > today.year:
        status = PLAN
    else:
        key = (doel.document, doel.id, scope.corporatie, label)
        status = statuses.get(key, monitor.GEEN_GEGEVENS)
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
        "status": status,
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


def selected(doel: Doel, scope: monitor.Scope, filters: Filters) -> bool:
    """The sidebar's selection: gemeente, a corporatie in the scope, a year the doel runs in."""
    if filters.gemeente and doel.gemeente != filters.gemeente:
        return False
    if filters.corporatie and filters.corporatie not in scope.corporaties:
        return False
    if filters.jaar:
        return any(p.van <= filters.jaar <= p.tot for p, _ in doel.norm)
    return True


def targets_in_scope(
    doelen: list[Doel], facts: monitor.Facts, soort: str, filters: Filters | None = None
) -> list[tuple[Doel, monitor.Scope]]:
    """Every (doel, scope) of a kind, as the monitor scopes them, within the selection."""
    filters = filters or Filters()
    return [
        (doel, scope)
        for doel in doelen
        if doel.soort == soort
        for scope in monitor.scopes(doel, facts)
        if selected(doel, scope, filters)
    ]


def projects(productie: pd.DataFrame, targets: list[tuple[Doel, monitor.Scope]]) -> pd.DataFrame:
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
    evaluations: list[monitor.Evaluation],
    filters: Filters | None = None,
) -> list[Groep]:
    """The jaarschijven in the selection, per gemeente and corporatie (alphabetical)."""
    statuses = status_lookup(evaluations)
    per_key: dict[tuple[str, str], list[tuple[Doel, monitor.Scope]]] = {}
    for doel, scope in targets_in_scope(doelen, facts, "jaarschijf", filters):
        per_key.setdefault((doel.gemeente, scope.corporatie), []).append((doel, scope))
    return [
        Groep(
            f"{corporatie} · {gemeente}",
            pd.concat(
                [jaarschijf_series(d, s, facts, statuses) for d, s in targets], ignore_index=True
            ),
            projects(facts.productie, targets),
        )
        for (gemeente, corporatie), targets in sorted(per_key.items())
    ]


# ---- waterfall -------------------------------------------------------------------------------


def stock_counts(vhe: pd.DataFrame) -> pd.DataFrame:
    """Homes per corporatie, gemeente and verslagjaar (rows of ``latest_per_year``)."""
    if vhe.empty:
        return pd.DataFrame(columns=["corporatie", "gemeente", "jaar", "peildatum", "vhe"])
    counts = vhe.groupby(["corporatie", "gemeente", "jaar"], as_index=False).agg(
        peildatum=("peildatum", "max"), vhe=("aantal", "sum")
    )
    return counts.astype({"jaar": "int64", "vhe": "float64"})


def mutations(productie: pd.DataFrame) -> pd.DataFrame:
    """Nieuwbouw, sloop and verkoop per corporatie, gemeente and year (0 when none)."""
    rows = productie[productie["soort"].isin(MUTATIES)]
    table = rows.pivot_table(
        index=["corporatie", "gemeente", "jaar"],
        columns="soort",
        values="aantal",
        aggfunc="sum",
        fill_value=0,
    )
    table = table.reindex(columns=list(MUTATIES), fill_value=0)
    out = table.reset_index()
    out.columns.name = None
    return out.astype({"jaar": "int64"} | {m: "float64" for m in MUTATIES})


def waterfall(facts: monitor.Facts) -> pd.DataFrame:
    """Per corporatie, gemeente and year with a stock the year before and production data.

    ``berekend`` = begin + nieuwbouw − sloop − verkoop; ``eind`` is the stock counted at the
    end of the year (NaN when not delivered yet); ``verschil`` = eind − berekend.
    """
    stock = stock_counts(facts.vhe).set_index(["corporatie", "gemeente", "jaar"])
    moves = mutations(facts.productie).set_index(["corporatie", "gemeente", "jaar"])
    rows = []
    for corporatie, gemeente, year in facts.dekking[["corporatie", "gemeente", "jaar"]].itertuples(
        index=False
    ):
        year = int(year)
        if year > facts.today.year or (corporatie, gemeente, year - 1) not in stock.index:
            continue
        begin = float(stock.loc[(corporatie, gemeente, year - 1), "vhe"])
        key = (corporatie, gemeente, year)
        moved = {m: float(moves.loc[key, m]) if key in moves.index else 0.0 for m in MUTATIES}
        computed = begin + moved["nieuwbouw"] - moved["sloop"] - moved["verkoop"]
        counted = float(stock.loc[key, "vhe"]) if key in stock.index else float("nan")
        rows.append(
            {
                "corporatie": corporatie,
                "gemeente": gemeente,
                "jaar": year,
                "begin": begin,
                **moved,
                "berekend": computed,
                "eind": counted,
                "verschil": counted - computed,
                "peildatum_eind": stock.loc[key, "peildatum"] if key in stock.index else None,
                "lopend": year == facts.today.year,
            }
        )
    frame = pd.DataFrame(rows, columns=list(WATERFALL_COLUMNS))
    return frame.sort_values(["gemeente", "corporatie", "jaar"], ignore_index=True)


def gemeente_totals(frame: pd.DataFrame) -> pd.DataFrame:
    """The corporaties of a gemeente together, for the years every one of them has a row.

    The corporatie column reads 'Domesta + Lefier + Woonservice'; ``eind`` is known only when
    every corporatie's is.
    """
    rows = []
    for gemeente, part in frame.groupby("gemeente"):
        members = sorted(set(part["corporatie"]))
        for year, group in part.groupby("jaar"):
            if sorted(group["corporatie"]) != members:
                continue
            sums = {c: float(group[c].sum()) for c in ("begin", *MUTATIES, "berekend")}
            counted = float(group["eind"].sum()) if group["eind"].notna().all() else float("nan")
            rows.append(
                {
                    "corporatie": " + ".join(members),
                    "gemeente": gemeente,
                    "jaar": int(year),
                    **sums,
                    "eind": counted,
                    "verschil": counted - sums["berekend"],
                    "peildatum_eind": group["peildatum_eind"].max(),
                    "lopend": bool(group["lopend"].any()),
                }
            )
    return pd.DataFrame(rows, columns=list(WATERFALL_COLUMNS))


def waterfalls(facts: monitor.Facts) -> pd.DataFrame:
    """:func:`waterfall` per corporatie and :func:`gemeente_totals`, the totals first."""
    per_corporatie = waterfall(facts)
    return pd.concat([gemeente_totals(per_corporatie), per_corporatie], ignore_index=True)


def waterfall_choices(frame: pd.DataFrame, filters: Filters | None = None) -> list[str]:
    """'Corporatie · gemeente' for each series in the selection; the joint ones first."""
    f = filters or Filters()
    if f.gemeente:
        frame = frame[frame["gemeente"] == f.gemeente]
    keys = frame[["corporatie", "gemeente"]].drop_duplicates()
    joint = keys["corporatie"].str.contains(" + ", regex=False)
    if f.corporatie:
        keys = keys[~joint & (keys["corporatie"] == f.corporatie)]
    else:
        keys = pd.concat([keys[joint], keys[~joint]])
    return [f"{c} · {g}" for c, g in keys.itertuples(index=False)]


def waterfall_of(frame: pd.DataFrame, choice: str) -> pd.DataFrame:
    corporatie, gemeente = choice.split(" · ", 1)
    rows = frame[(frame["corporatie"] == corporatie) & (frame["gemeente"] == gemeente)]
    return rows.sort_values("jaar", ignore_index=True)


def mismatches(frame: pd.DataFrame) -> list[str]:
    """A Dutch sentence for every year whose counted stock differs from the computed one."""
    off = frame[frame["verschil"].notna() & (frame["verschil"] != 0)]
    return [
        f"{r.corporatie}, {r.gemeente}, {r.jaar}: op de peildatum {fmt.datum(_day(r))} zijn "
        f"{fmt.num(r.eind)} woningen geteld; begin {fmt.num(r.begin)} + nieuwbouw "
        f"{fmt.num(r.nieuwbouw)} − sloop {fmt.num(r.sloop)} − verkoop {fmt.num(r.verkoop)} "
        f"= {fmt.num(r.berekend)}: verschil {signed(r.verschil)}."
        for r in off.itertuples(index=False)
    ]


def _day(row) -> date | None:
    value = row.peildatum_eind
    return value.date() if isinstance(value, pd.Timestamp) else value


def signed(x: float) -> str:
    """+3, −2 (a real minus sign), 0."""
    if x > 0:
        return f"+{fmt.num(x)}"
    if x < 0:
        return f"−{fmt.num(-x)}"
    return "0"


def waterfall_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The waterfall rows as a Dutch table; an empty cell where no count exists yet."""
    whole = "Int64"
    return pd.DataFrame(
        {
            "Jaar": frame["jaar"].astype("int64"),
            "Begin": frame["begin"].round().astype(whole),
            "+ nieuwbouw": frame["nieuwbouw"].round().astype(whole),
            "− sloop": frame["sloop"].round().astype(whole),
            "− verkoop": frame["verkoop"].round().astype(whole),
            "= eind berekend": frame["berekend"].round().astype(whole),
            "Eind geteld": frame["eind"].round().astype(whole),
            "Verschil": frame["verschil"].round().astype(whole),
            "Peildatum": [fmt.datum(_day(r)) for r in frame.itertuples(index=False)],
        }
    )


# ---- bandwidths ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bandpad:
    """The realised change of a stock measure against a bandwidth target."""

    doel: Doel
    corporatie: str
    basis: int | None  # the year the change is measured from; None: no stock at all
    indicatief: bool  # the agreed base year is missing: compared from the first year instead
    pad: pd.DataFrame  # jaar, stand, verandering
    normen: pd.DataFrame  # jaar, laag, hoog (NaN on an open side), as change since basis


def _scope_stock(doel: Doel, scope: monitor.Scope, vhe: pd.DataFrame) -> dict[int, pd.DataFrame]:
    """The stock in scope per year, only years every corporatie of the scope reported."""
    rows = vhe[(vhe["gemeente"] == doel.gemeente) & vhe["corporatie"].isin(scope.corporaties)]
    if doel.kern:
        rows = rows[rows["kern"] == doel.kern]
    per_corp = rows.groupby("corporatie")["jaar"].agg(set)
    if per_corp.empty or len(per_corp) != len(set(scope.corporaties)):
        return {}
    years = set.intersection(*per_corp.tolist())
    return {int(y): g for y, g in rows.groupby("jaar") if y in years}


def _edges(doel: Doel, norm: Norm) -> tuple[float, float]:
    nan = float("nan")
    if doel.richting == "band":
        return plan_range(norm)
    if doel.richting == "max":
        return nan, float(norm)
    return float(norm), nan


def band_path(doel: Doel, scope: monitor.Scope, facts: monitor.Facts) -> Bandpad:
    """Realised change since the base year against the band, as the monitor measures it.

    Without a ``basisjaar`` the base is the first year with stock (as in the monitor). When the
    agreed base year is not in the data, the change is shown from the first year with stock
    and the band from its norm there (``indicatief``): for 15-35 a year since 2018 that is
    15-35 a year since that first year; the monitor does not judge this reading.
    """
    stock = _scope_stock(doel, scope, facts.vhe)
    maat = doel.params["maat"]
    values = {y: metingen.stock_measure(rows, maat) for y, rows in sorted(stock.items())}
    agreed = doel.params.get("basisjaar")
    base = agreed if agreed in values else (min(values) if values else None)
    indicatief = agreed is not None and agreed not in values
    path = pd.DataFrame(
        {
            "jaar": list(values),
            "stand": list(values.values()),
            "verandering": [v - values[base] for v in values.values()] if values else [],
        },
        columns=["jaar", "stand", "verandering"],
    )
    edges = {p.tot: _edges(doel, n) for p, n in doel.norm}
    if base is not None and indicatief:
        if base in edges:
            lo0, hi0 = edges[base]
            edges = {y: (lo - lo0, hi - hi0) for y, (lo, hi) in edges.items()}
        else:
            edges = {}
    norms = pd.DataFrame(
        [
            {"jaar": y, "laag": lo, "hoog": hi}
            for y, (lo, hi) in sorted(edges.items())
            if base is not None and y > base
        ],
        columns=["jaar", "laag", "hoog"],
    )
    return Bandpad(doel, scope.corporatie, base, indicatief, path, norms)


def band_paths(
    doelen: list[Doel], facts: monitor.Facts, filters: Filters | None = None
) -> list[Bandpad]:
    return [
        band_path(doel, scope, facts)
        for doel, scope in targets_in_scope(doelen, facts, "bandbreedte", filters)
    ]
