"""Betaalbaarheid: rents against the limits and against the agreed shares.

Pure functions over the stock as ``dashboard.stock`` gives it (one row per vhe, the last
peildatum of each verslagjaar, column ``jaar``) and the ``aandeel_huur`` targets. The rules are
those of the monitor, so the page shows the scorecard's numbers:

- the limit is the one in force on the peildatum (each year's limits apply from 1 January, so a
  peildatum 1 January 2024 reports on 2023 but meets the 2024 limits), or with the FIXED reading
  the document's own amount;
- a rent exactly on the limit counts when the target says so (``inclusief``); a missing rent
  never counts as under a limit but stays in the total;
- a joint target (several corporaties together) is measured only in years every one reported;
- the gap in homes is :func:`prestatie.metingen.homes_short` (exact arithmetic).

The rent is the one column the store keeps per vhe (``huur_cent``): the rent as read from the
file, kale/netto huur. Functions take the rent as a parameter where a choice among several rent
columns could later be made.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pandas as pd

from prestatie import fmt, huurgrenzen, metingen, monitor
from prestatie.monitor import FIXED, GEEN_GEGEVENS, Evaluation, Scope
from prestatie.peildatum import verslagjaar
from prestatie.scorecard import STATUS_TEKEN
from prestatie.targets import Doel

HUURKOLOM = "huur zoals ingelezen: kale/netto huur"
TREND_COLUMNS = (
    "scope",
    "jaar",
    "peildatum",
    "grens_cent",
    "deel",
    "totaal",
    "waarde",
    "norm",
    "tekort",
    "status",
)
KERN_COLUMNS = ("scope", "kern", "naam", "deel", "totaal", "waarde", "tekort", "haalt_norm")


@dataclass(frozen=True)
class Regel:
    """How a rent target reads a rent: its limit, whether a rent on it counts, the document's
    own amount and the year (prijspeil) that amount refers to."""

    grens: str
    inclusief: bool
    bedrag: float | None = None
    prijspeil: int | None = None

    @classmethod
    def van(cls, doel: Doel) -> Regel:
        p = doel.params
        return cls(p["grens"], bool(p.get("inclusief", True)), p.get("bedrag"), p.get("prijspeil"))


def as_date(value) -> date:
    return value.date() if isinstance(value, pd.Timestamp) else value


def grens_cent(regel: Regel, peildatum: date, lezing: str) -> int:
    """The limit in whole cents: in force on the peildatum, or (FIXED) the document's amount."""
    vast = regel.bedrag if lezing == FIXED else None
    return metingen.limit_cents(regel.grens, peildatum, vast)


def onder(huur_cent: pd.Series, cents: int, inclusief: bool) -> pd.Series:
    """Per vhe whether its rent counts as under the limit (the comparison of
    :func:`metingen.share_up_to`); a missing rent never does."""
    below = (huur_cent <= cents) if inclusief else (huur_cent < cents)
    return below.astype("boolean").fillna(False).astype(bool)


def grens_tekst(regel: Regel, cents: int, peildatum: date, lezing: str) -> str:
    """'onder € 697,07 (2e aftoppingsgrens 2024)' or 'tot en met € 596,00 (document, …)'."""
    woord = "tot en met" if regel.inclusief else "onder"
    if lezing == FIXED and regel.bedrag is not None:
        bron = f"vast bedrag uit het document, prijspeil {regel.prijspeil}"
    else:
        bron = f"{huurgrenzen.naam(regel.grens, peildatum.year)} {peildatum.year}"
    return f"{woord} {fmt.euro(cents / 100)} ({bron})"


def norm_in(doel: Doel, jaar: int) -> float | None:
    """The norm of the period that holds ``jaar``, or None when the document has none."""
    for periode, norm in doel.norm:
        if periode.van <= jaar <= periode.tot and isinstance(norm, int | float):
            return float(norm)
    return None


# ---- which rows a target is judged on -------------------------------------------------------


def scopes(doel: Doel, stock: pd.DataFrame) -> list[Scope]:
    """The scopes of a rent target as the monitor forms them; a rent share reads only the stock."""
    return monitor.scopes_for(doel, monitor.present(doel, stock))


def visible(scopes_: list[Scope], corporatie: str | None) -> list[Scope]:
    """The scopes that concern the corporatie chosen in the sidebar (all when None)."""
    return [s for s in scopes_ if corporatie is None or corporatie in s.corporaties]


scope_stock = monitor.scope_stock


def judged_rows(stock: pd.DataFrame, doel: Doel, scopes_: list[Scope], lezing: str) -> pd.DataFrame:
    """Every stock row a target's scopes are judged on, every year, with the columns ``scope``,
    ``grens_peildatum`` (the peildatum whose limit applies), ``grens_cent`` and ``onder``."""
    regel = Regel.van(doel)
    parts = []
    for scope in scopes_:
        for _, rows in sorted(scope_stock(stock, doel, scope).items()):
            peil = as_date(rows["peildatum"].max())
            cents = grens_cent(regel, peil, lezing)
            parts.append(
                rows.assign(
                    scope=scope.corporatie,
                    grens_peildatum=peil,
                    grens_cent=cents,
                    onder=onder(rows["huur_cent"], cents, regel.inclusief),
                )
            )
    if not parts:
        empty = stock.iloc[:0]
        return empty.assign(scope="", grens_peildatum=None, grens_cent=0, onder=False)
    return pd.concat(parts, ignore_index=True)


# ---- shares, trend, gaps --------------------------------------------------------------------


def _aggregate(rows: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    weight_under = rows["aantal"].where(rows["onder"], 0.0)
    grouped = rows.assign(_onder=weight_under).groupby(by, sort=True)
    return grouped.agg(
        deel=("_onder", "sum"),
        totaal=("aantal", "sum"),
        peildatum=("grens_peildatum", "first"),
        grens_cent=("grens_cent", "first"),
    ).reset_index()


def gap(deel: float, totaal: float, norm: float | None, richting: str) -> int | None:
    if norm is None or not totaal:
        return None
    return metingen.homes_short(metingen.Share(deel, totaal), norm, richting)


def trend(judged: pd.DataFrame, doel: Doel) -> pd.DataFrame:
    """Per scope and verslagjaar: homes under the limit, the total, the share, the norm of that
    year and the homes short of it (``status`` left empty; see :func:`with_status`)."""
    if judged.empty:
        return pd.DataFrame(columns=list(TREND_COLUMNS))
    out = _aggregate(judged, ["scope", "jaar"])
    out["jaar"] = out["jaar"].astype(int)
    out["waarde"] = out["deel"] / out["totaal"]
    out["norm"] = [norm_in(doel, j) for j in out["jaar"]]
    out["tekort"] = [
        gap(d, t, n, doel.richting)
        for d, t, n in zip(out["deel"], out["totaal"], out["norm"], strict=True)
    ]
    out["status"] = None
    return out[list(TREND_COLUMNS)].astype({"norm": object, "tekort": object})


def with_status(trend_: pd.DataFrame, doel: Doel, evaluations: list[Evaluation]) -> pd.DataFrame:
    """The monitor's status on each point it judged on that year's own stock.

    An evaluation of a later deadline measured on an earlier year ("op koers", "achter") is not
    a point of its own and stays out; points without a judgement keep status None.
    """
    judged = {
        (e.corporatie, e.jaar): e.status
        for e in evaluations
        if e.doel == doel.id
        and e.document == doel.document
        and e.peildatum is not None
        and verslagjaar(e.peildatum) == e.jaar
    }
    status = [judged.get((s, int(j))) for s, j in zip(trend_["scope"], trend_["jaar"], strict=True)]
    return trend_.assign(status=pd.Series(status, index=trend_.index, dtype=object))


def stand(trend_: pd.DataFrame, scope_names: list[str], jaar: int, doel: Doel) -> pd.DataFrame:
    """One row per scope for one verslagjaar; a scope without data that year has waarde NaN and
    status 'geen gegevens'."""
    rows = []
    for name in scope_names:
        hit = trend_[(trend_["scope"] == name) & (trend_["jaar"] == jaar)]
        if hit.empty:
            rows.append(
                {
                    "scope": name,
                    "jaar": jaar,
                    "peildatum": None,
                    "grens_cent": None,
                    "deel": float("nan"),
                    "totaal": float("nan"),
                    "waarde": float("nan"),
                    "norm": norm_in(doel, jaar),
                    "tekort": None,
                    "status": GEEN_GEGEVENS,
                }
            )
        else:
            rows.append(hit.iloc[0].to_dict())
    return pd.DataFrame(rows, columns=list(TREND_COLUMNS)).astype({"norm": object})


def gap_text(tekort: int | None, richting: str = "min") -> str:
    """'nog 37 woningen boven de grens om de norm te halen' ('' when there is no gap)."""
    if _missing(tekort) or not tekort:
        return ""
    if richting == "max":
        return f"nog {fmt.aantal_woningen(tekort)} te veel onder de grens"
    return f"nog {fmt.aantal_woningen(tekort)} boven de grens om de norm te halen"


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value))


def norm_text(norm: float | None, richting: str) -> str:
    if _missing(norm):
        return "geen norm"
    return f"{ {'min': '≥', 'max': '≤'}.get(richting, '') } {fmt.pct(norm, 0)}".strip()


def status_text(status: str | None, norm: float | None) -> str:
    """'🔴 niet behaald' (the scorecard's sign), or why a point has no status."""
    if not _missing(status):
        return f"{STATUS_TEKEN[status]} {status}"
    return "geen norm dit jaar" if _missing(norm) else "niet beoordeeld"


def stand_table(stand_: pd.DataFrame, doel: Doel) -> pd.DataFrame:
    """The stand as Dutch text, one row per scope, for the page."""
    rows = [
        {
            "Corporatie": r.scope,
            "Peildatum": fmt.datum(r.peildatum),
            "Aandeel": fmt.pct(r.waarde),
            "Woningen onder de grens": _of(r.deel, r.totaal),
            "Norm": norm_text(r.norm, doel.richting),
            "Status": status_text(r.status, r.norm),
            "Verschil": gap_text(r.tekort, doel.richting),
        }
        for r in stand_.itertuples()
    ]
    return pd.DataFrame(
        rows,
        columns=[
            "Corporatie",
            "Peildatum",
            "Aandeel",
            "Woningen onder de grens",
            "Norm",
            "Status",
            "Verschil",
        ],
    )


def _of(deel: float, totaal: float) -> str:
    if pd.isna(totaal):
        return fmt.LEEG
    return f"{fmt.num(deel)} van {fmt.num(totaal)}"


# ---- per kern -------------------------------------------------------------------------------


def per_kern(judged_year: pd.DataFrame, doel: Doel) -> pd.DataFrame:
    """Share under the limit per scope and kern for one year, weakest first.

    Rows without a kern are left out (see :func:`without_kern`). The name is the kern, with the
    corporatie after it when the rows hold more than one scope.
    """
    rows = judged_year[judged_year["kern"].notna() & (judged_year["kern"] != "")]
    if rows.empty:
        return pd.DataFrame(columns=list(KERN_COLUMNS))
    out = _aggregate(rows, ["scope", "kern"])
    out["waarde"] = out["deel"] / out["totaal"]
    jaar = int(rows["jaar"].iloc[0])
    norm = norm_in(doel, jaar)
    out["tekort"] = [
        gap(d, t, norm, doel.richting) for d, t in zip(out.deel, out.totaal, strict=True)
    ]
    several = judged_year["scope"].nunique() > 1
    out["naam"] = [f"{k} ({s})" if several else k for k, s in zip(out.kern, out.scope, strict=True)]
    out["haalt_norm"] = [None if norm is None else not t for t in out["tekort"]]
    ascending = doel.richting != "max"
    out = out.sort_values(["waarde", "naam"], ascending=[ascending, True], kind="stable")
    return out[list(KERN_COLUMNS)].reset_index(drop=True).astype({"tekort": object})


def without_kern(judged_year: pd.DataFrame) -> float:
    """Homes in the rows that have no kern (bezitstabel rows carry none)."""
    missing = judged_year["kern"].isna() | (judged_year["kern"] == "")
    return float(judged_year.loc[missing, "aantal"].sum())


# ---- the selection on the page --------------------------------------------------------------


def peildata(stock: pd.DataFrame, corporatie: str | None, jaar: int | None) -> list[date]:
    """The peildata of the selection, latest first."""
    rows = _of_corporatie(stock, corporatie)
    if jaar is not None:
        rows = rows[rows["jaar"] == jaar]
    return sorted({as_date(d) for d in rows["peildatum"]}, reverse=True)


def at_peildatum(stock: pd.DataFrame, corporatie: str | None, peildatum: date) -> pd.DataFrame:
    rows = _of_corporatie(stock, corporatie)
    return rows[rows["peildatum"].map(as_date) == peildatum]


def _of_corporatie(stock: pd.DataFrame, corporatie: str | None) -> pd.DataFrame:
    return stock if corporatie is None else stock[stock["corporatie"] == corporatie]


def rent_targets(doelen: list[Doel], gemeente: str | None) -> list[Doel]:
    """The rent-share targets of the gemeente (every gemeente when None)."""
    return [d for d in doelen if d.soort == "aandeel_huur" and gemeente in (None, d.gemeente)]


# ---- the distribution and the limits --------------------------------------------------------


@dataclass(frozen=True)
class Grenslijn:
    """A vertical line in the rent distribution: a limit, its amount and the share up to it."""

    naam: str
    bedrag: Decimal
    aandeel: float | None  # share of homes with a rent up to and including the amount
    document: bool = False  # the document's own amount (fixed reading), drawn differently

    @property
    def tekst(self) -> str:
        share = "" if self.aandeel is None else f" · {fmt.pct(self.aandeel)} t/m"
        return f"{self.naam}<br>{fmt.euro(self.bedrag)}{share}"


def _cents(huur: pd.Series) -> pd.Series:
    return (huur.astype("Float64") * 100).round().astype("Int64")


def _weights(huur: pd.Series, aantal: pd.Series | None) -> pd.Series:
    return pd.Series(1.0, index=huur.index) if aantal is None else aantal.astype(float)


def share_up_to(huur: pd.Series, aantal: pd.Series | None, bedrag: Decimal | float) -> float | None:
    """Share of homes (weighted) with a rent up to and including ``bedrag``; missing rents stay
    in the total."""
    weights = _weights(huur, aantal)
    total = float(weights.sum())
    if not total:
        return None
    cents = int(Decimal(str(bedrag)).scaleb(2).to_integral_value())
    mask = onder(_cents(huur), cents, True)
    return float(weights[mask].sum()) / total


def grenslijnen(
    huur: pd.Series,
    aantal: pd.Series | None,
    peildatum: date,
    document: tuple[tuple[str, float], ...] = (),
) -> list[Grenslijn]:
    """The four limits in force on the peildatum, plus the document amounts given, each with
    the share of homes up to it; sorted by amount."""
    lines = [
        Grenslijn(huurgrenzen.naam(g, peildatum.year), b, share_up_to(huur, aantal, b))
        for g, b in huurgrenzen.grenzen_in_jaar(peildatum.year).items()
    ]
    for naam, bedrag in document:
        exact = Decimal(str(bedrag)).quantize(Decimal("0.01"))
        lines.append(Grenslijn(naam, exact, share_up_to(huur, aantal, exact), document=True))
    return sorted(lines, key=lambda line: (line.bedrag, line.document))


def document_amounts(doelen: list[Doel]) -> tuple[tuple[str, float], ...]:
    """(name, amount) for the fixed reading: 'document A1: 2e aftoppingsgrens (prijspeil 2022)'."""
    seen: dict[tuple[str, float], None] = {}
    for d in doelen:
        regel = Regel.van(d)
        if regel.bedrag is not None:
            naam = f"{d.afspraak}: {huurgrenzen.naam(regel.grens)} (prijspeil {regel.prijspeil})"
            seen.setdefault((naam, float(regel.bedrag)), None)
    return tuple(seen)


def histogram(huur: pd.Series, aantal: pd.Series | None, breedte: int = 25) -> pd.DataFrame:
    """Homes per rent band [van, tot) of ``breedte`` euros, weighted by ``aantal``; missing
    rents left out. Computed in whole cents, so € 700,00 falls in [700, 725)."""
    cents = _cents(huur)
    weights = _weights(huur, aantal)
    known = cents.notna()
    if not known.any():
        return pd.DataFrame({"van": [], "tot": [], "aantal": []})
    band = (cents[known] // (breedte * 100)).astype(int)
    counts = weights[known].groupby(band).sum().sort_index()
    van = counts.index.to_numpy() * breedte
    return pd.DataFrame({"van": van, "tot": van + breedte, "aantal": counts.to_numpy()})


def cumulative(huur: pd.Series, aantal: pd.Series | None) -> pd.DataFrame:
    """Per distinct rent the share of homes with a rent up to and including it (missing rents
    stay in the total, so the curve ends below 100% when rents are missing)."""
    weights = _weights(huur, aantal)
    total = float(weights.sum())
    cents = _cents(huur)
    known = cents.notna()
    if not total or not known.any():
        return pd.DataFrame({"huur": [], "aandeel": []})
    per_rent = weights[known].groupby(cents[known].astype(int)).sum().sort_index()
    return pd.DataFrame(
        {"huur": per_rent.index.to_numpy() / 100, "aandeel": per_rent.cumsum().to_numpy() / total}
    )


# ---- tables ---------------------------------------------------------------------------------


def shares_per_limit(rows: pd.DataFrame, peildatum: date) -> pd.DataFrame:
    """Per corporatie (and gemeente): homes, homes up to and including each limit in force on
    the peildatum, and homes without a rent. Long form: one row per group and limit."""
    limits = huurgrenzen.grenzen_in_jaar(peildatum.year)
    out = []
    for (corp, gem), group in rows.groupby(["corporatie", "gemeente"], sort=True):
        totaal = float(group["aantal"].sum())
        zonder = float(group.loc[group["huur_cent"].isna(), "aantal"].sum())
        for grens, bedrag in limits.items():
            share = metingen.share_up_to(group, int(bedrag * 100), True)
            out.append(
                {
                    "corporatie": corp,
                    "gemeente": gem,
                    "grens": grens,
                    "naam": huurgrenzen.naam(grens, peildatum.year),
                    "bedrag": bedrag,
                    "deel": share.deel,
                    "totaal": totaal,
                    "waarde": share.waarde,
                    "zonder_huur": zonder,
                }
            )
    return pd.DataFrame(
        out,
        columns=[
            "corporatie",
            "gemeente",
            "grens",
            "naam",
            "bedrag",
            "deel",
            "totaal",
            "waarde",
            "zonder_huur",
        ],
    )


def shares_per_limit_table(long: pd.DataFrame) -> pd.DataFrame:
    """One row per corporatie and gemeente, a column per limit: '88,3% (513)'."""
    if long.empty:
        return pd.DataFrame(columns=["Corporatie", "Gemeente", "Woningen"])
    rows = []
    for (corp, gem), group in long.groupby(["corporatie", "gemeente"], sort=True):
        row = {"Corporatie": corp, "Gemeente": gem, "Woningen": fmt.num(group["totaal"].iloc[0])}
        for r in group.itertuples():
            row[f"t/m {r.naam} ({fmt.euro(r.bedrag)})"] = f"{fmt.pct(r.waarde)} ({fmt.num(r.deel)})"
        row["Zonder huur"] = fmt.num(group["zonder_huur"].iloc[0])
        rows.append(row)
    return pd.DataFrame(rows)


def limit_amounts(doelen: list[Doel], peildatum: date) -> pd.DataFrame:
    """Per target both readings of its limit: in force on the peildatum and the document's
    amount, with the official limit of the document's prijspeil year beside it."""
    rows = []
    for d in doelen:
        regel = Regel.van(d)
        official = _official(regel.grens, regel.prijspeil)
        rows.append(
            {
                "Afspraak": d.afspraak,
                "Doel": d.omschrijving,
                "Gemeente": d.gemeente,
                "Grens": huurgrenzen.naam(regel.grens, peildatum.year),
                "Telt een huur op de grens mee?": "ja (tot en met)"
                if regel.inclusief
                else "nee (<)",
                f"Geïndexeerd: grens {peildatum.year}": fmt.euro(
                    huurgrenzen.grens_op(peildatum, regel.grens)
                ),
                "Vast: bedrag in het document": f"{fmt.euro(regel.bedrag)} "
                f"(prijspeil {regel.prijspeil})",
                "Officiële grens in het prijspeiljaar": fmt.euro(official),
            }
        )
    return pd.DataFrame(rows)


def _official(grens: str, jaar: int | None) -> Decimal | None:
    if jaar is None or jaar not in huurgrenzen.jaren():
        return None
    return huurgrenzen.grenzen_in_jaar(jaar)[grens]


# ---- the rows behind a figure ---------------------------------------------------------------


def above_title(doel: Doel, names: list[str], peildatum: date | None = None) -> str:
    """'woningen boven de 2e aftoppingsgrens, Lefier, 31-12-2024' (a rent exactly on an
    exclusive limit does not count, so then: 'op of boven')."""
    regel = Regel.van(doel)
    waar = "boven" if regel.inclusief else "op of boven"
    year = peildatum.year if peildatum else None
    parts = [f"woningen {waar} de {huurgrenzen.naam(regel.grens, year)}", ", ".join(names)]
    if peildatum:
        parts.append(fmt.datum(peildatum))
    return ", ".join(p for p in parts if p)


def rows_above(judged: pd.DataFrame, jaar: int | None = None) -> pd.DataFrame:
    """The judged rows that do not count as under the limit (missing rents included), highest
    rent first; one year or all."""
    rows = judged if jaar is None else judged[judged["jaar"] == jaar]
    rows = rows[~rows["onder"]]
    return with_verdict(rows).sort_values(
        ["jaar", "scope", "huur"], ascending=[False, True, False], na_position="first"
    )


def with_verdict(rows: pd.DataFrame) -> pd.DataFrame:
    """Adds ``grens`` (€) and ``onder_grens`` ('ja'/'nee') for the drill-down table."""
    return rows.assign(
        grens=rows["grens_cent"] / 100,
        onder_grens=rows["onder"].map({True: "ja", False: "nee"}),
    )


def rule_text(regel: Regel, judged: pd.DataFrame, jaar: int, lezing: str) -> str:
    """The limit a target was measured with in a year, e.g. 'onder € 697,07 (2e
    aftoppingsgrens 2024)'; several when the scopes' peildata fall in different years."""
    used = judged.loc[judged["jaar"] == jaar, ["grens_peildatum", "grens_cent"]]
    used = used.drop_duplicates().sort_values("grens_cent")
    if used.empty:
        woord = "tot en met" if regel.inclusief else "onder"
        return f"{woord} de {huurgrenzen.naam(regel.grens)} (geen gegevens over {jaar})"
    return " / ".join(
        grens_tekst(regel, int(c), as_date(p), lezing) for p, c in used.itertuples(index=False)
    )


def overview_table(items: list[tuple[Doel, pd.DataFrame]]) -> pd.DataFrame:
    """The stand of every target in view, one row per target and scope."""
    parts = [
        stand_table(stand_, doel).assign(
            Afspraak=doel.afspraak, Doel=doel.omschrijving, Gemeente=doel.gemeente
        )
        for doel, stand_ in items
    ]
    if not parts:
        return pd.DataFrame()
    table = pd.concat(parts, ignore_index=True)
    first = ["Afspraak", "Doel", "Gemeente"]
    return table[first + [c for c in table.columns if c not in first]]


def norms(doel: Doel) -> pd.DataFrame:
    """The norm of every year of the agreement's periods (jaar, norm), for the trend line."""
    rows = [
        (jaar, float(norm))
        for periode, norm in doel.norm
        if isinstance(norm, int | float)
        for jaar in range(periode.van, periode.tot + 1)
    ]
    return pd.DataFrame(sorted(rows), columns=["jaar", "norm"])


def share_title(doel: Doel) -> str:
    """'aandeel onder de 2e aftoppingsgrens' / 'aandeel tot en met de 1e aftoppingsgrens'."""
    regel = Regel.van(doel)
    woord = "tot en met" if regel.inclusief else "onder"
    return f"aandeel {woord} de {huurgrenzen.naam(regel.grens)}"


def measured(frame: pd.DataFrame) -> list[str]:
    """The scopes with a measured share in a stand or trend frame, in order of appearance."""
    return list(dict.fromkeys(frame.loc[frame["waarde"].notna(), "scope"]))
