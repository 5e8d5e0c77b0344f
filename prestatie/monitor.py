"""Targets + data -> evaluations with a status, the value against the norm and the gap in homes.

Statuses, the same on every page:
- behaald: the target's moment has data and the norm is met (for a count in a running period:
  the norm is already reached);
- op koers: the moment lies ahead and the latest data is on the path to the norm (a straight
  line from the previous milestone, the first measurement, or zero for counts);
- achter: the moment lies ahead and the latest data is behind that path;
- niet behaald: the moment has data and the norm is not met;
- geen gegevens: the data needed is not in the database.
Every evaluation says in ``uitleg`` how its value was computed, so it can be traced.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from prestatie import fmt, huurgrenzen, labels, metingen
from prestatie.targets import Doel, Periode

BEHAALD, OP_KOERS, ACHTER, NIET_BEHAALD, GEEN_GEGEVENS = (
    "behaald",
    "op koers",
    "achter",
    "niet behaald",
    "geen gegevens",
)
STATUSES = (BEHAALD, OP_KOERS, ACHTER, NIET_BEHAALD, GEEN_GEGEVENS)
STATUS_KLEUREN = {
    BEHAALD: "#1a7f37",
    OP_KOERS: "#6cc24a",
    ACHTER: "#f0a202",
    NIET_BEHAALD: "#c62828",
    GEEN_GEGEVENS: "#9e9e9e",
}
STOCK_KINDS = ("aandeel_huur", "aandeel_label", "gemiddeld_label", "naar_nul", "bandbreedte")
INDEXED, FIXED = "geindexeerd", "vast"


@dataclass(frozen=True)
class Evaluation:
    document: str
    afspraak: str
    doel: str
    omschrijving: str
    soort: str
    corporatie: str
    gemeente: str
    jaar: int
    periode: str
    richting: str
    norm: object
    waarde: object
    status: str
    tekort: int | None = None  # homes short of the norm (or of the path, when on the way)
    basis: float | None = None  # homes the value is measured over
    peildatum: date | None = None
    uitleg: str = ""


@dataclass(frozen=True)
class Facts:
    """What the evaluation reads: the stock per verslagjaar, production, and its coverage."""

    vhe: pd.DataFrame  # from metingen.latest_per_year: has column jaar
    productie: pd.DataFrame
    dekking: pd.DataFrame  # corporatie, gemeente, jaar reported on by production imports
    today: date

    @classmethod
    def build(
        cls, vhe: pd.DataFrame, productie: pd.DataFrame, dekking: pd.DataFrame, today: date
    ) -> Facts:
        return cls(metingen.latest_per_year(vhe), productie, dekking, today)


@dataclass(frozen=True)
class Scope:
    corporatie: str  # name shown: one corporatie, "Lefier + Woonservice" or "alle corporaties"
    corporaties: tuple[str, ...]


def evaluate(doelen: list[Doel], facts: Facts, prijspeil: str = INDEXED) -> list[Evaluation]:
    out: list[Evaluation] = []
    for doel in doelen:
        for scope in scopes(doel, facts):
            out.extend(evaluate_one(doel, scope, facts, prijspeil))
    return out


def scopes(doel: Doel, facts: Facts) -> list[Scope]:
    present = sorted(
        set(facts.vhe.loc[facts.vhe["gemeente"] == doel.gemeente, "corporatie"])
        | set(facts.productie.loc[facts.productie["gemeente"] == doel.gemeente, "corporatie"])
    )
    corps = list(doel.corporaties) or present
    if doel.per_corporatie:
        return [Scope(c, (c,)) for c in corps]
    name = " + ".join(corps) if doel.corporaties else "alle corporaties"
    return [Scope(name, tuple(corps))] if corps else []


def evaluate_one(doel: Doel, scope: Scope, facts: Facts, prijspeil: str) -> list[Evaluation]:
    if doel.soort in STOCK_KINDS:
        rows = _stock(doel, scope, facts)
        return [
            e
            for e in (
                _stock_eval(doel, scope, rows, p, n, facts.today, prijspeil) for p, n in doel.norm
            )
            if e
        ]
    if doel.soort == "jaarschijf":
        return [e for p, n in doel.norm if (e := _jaarschijf(doel, scope, facts, p, n))]
    if doel.soort == "labelsprong":
        rows = _stock(doel, scope, facts)
        return [e for p, n in doel.norm if (e := _labelsprong(doel, scope, rows, p, n, facts))]
    raise ValueError(f"onbekende soort doel '{doel.soort}'")


def _stock(doel: Doel, scope: Scope, facts: Facts) -> dict[int, pd.DataFrame]:
    """The stock in scope per verslagjaar, only for years every corporatie in scope reported."""
    vhe = facts.vhe
    rows = vhe[(vhe["gemeente"] == doel.gemeente) & vhe["corporatie"].isin(scope.corporaties)]
    if doel.kern:
        rows = rows[rows["kern"] == doel.kern]
    per_corp = rows.groupby("corporatie")["jaar"].agg(set)
    if per_corp.empty:
        return {}
    years = set.intersection(*per_corp.tolist())
    return {int(y): g for y, g in rows.groupby("jaar") if y in years}


def _base(doel, scope, periode: Periode, norm, **kw) -> Evaluation:
    return Evaluation(
        doel.document,
        doel.afspraak,
        doel.id,
        doel.omschrijving,
        doel.soort,
        scope.corporatie,
        doel.gemeente,
        periode.tot,
        periode.label,
        doel.richting,
        norm,
        **kw,
    )


# ---- stock targets: a share, a mean label, a count to zero, a change within a band ----------


def _stock_eval(doel, scope, stock, periode, norm, today, prijspeil) -> Evaluation | None:
    deadline = periode.tot
    if deadline in stock:
        value, met, short, basis, peil, text = _measure(doel, stock, deadline, norm, prijspeil)
        if value is None:
            return _base(
                doel,
                scope,
                periode,
                norm,
                waarde=None,
                status=GEEN_GEGEVENS,
                peildatum=peil,
                uitleg=text,
            )
        return _base(
            doel,
            scope,
            periode,
            norm,
            waarde=value,
            basis=basis,
            peildatum=peil,
            status=BEHAALD if met else NIET_BEHAALD,
            tekort=short,
            uitleg=text,
        )
    earlier = [y for y in stock if y < deadline]
    if deadline < today.year or not earlier:
        return _base(
            doel,
            scope,
            periode,
            norm,
            waarde=None,
            status=GEEN_GEGEVENS,
            uitleg=f"geen voorraadgegevens over {deadline}",
        )
    latest = max(earlier)
    path_norm = _path_norm(doel, stock, periode, norm, latest)
    if path_norm is None:
        return _base(
            doel,
            scope,
            periode,
            norm,
            waarde=None,
            status=GEEN_GEGEVENS,
            uitleg="geen basismeting vóór het doeljaar",
        )
    value, met, short, basis, peil, text = _measure(doel, stock, latest, path_norm, prijspeil)
    if value is None:
        return _base(
            doel,
            scope,
            periode,
            norm,
            waarde=None,
            status=GEEN_GEGEVENS,
            peildatum=peil,
            uitleg=text,
        )
    if doel.soort == "naar_nul" and value == 0:
        status = BEHAALD
    else:
        status = OP_KOERS if met else ACHTER
    text += (
        f"; stand eind {latest}, tussendoel op weg naar {deadline}: {_fmt_norm(doel, path_norm)}"
    )
    return _base(
        doel,
        scope,
        periode,
        norm,
        waarde=value,
        basis=basis,
        peildatum=peil,
        status=status,
        tekort=short,
        uitleg=text,
    )


def _path_norm(doel, stock, periode, norm, year):
    """The norm at an intermediate year on a straight line towards the deadline."""
    if doel.soort in ("aandeel_huur", "aandeel_label"):
        before = [(p.tot, n) for p, n in doel.norm if p.tot < periode.tot]
        if not before:
            return norm
        y0, n0 = max(before)
        if year <= y0:
            return n0
        return round(n0 + (norm - n0) * (year - y0) / (periode.tot - y0), 10)
    if doel.soort == "naar_nul":
        first = min(stock)
        start = metingen.count_in_labels(stock[first], tuple(doel.params["labels"]))
        if year == first:
            return start
        return start * (periode.tot - year) / (periode.tot - first)
    if doel.soort == "bandbreedte":
        base = doel.params.get("basisjaar") or min(stock)
        if base not in stock or year <= base:
            return None
        return ("pad", (year - base) / (periode.tot - base), norm)
    return norm


def _measure(doel, stock, year, norm, prijspeil):
    """(value, met, homes short, basis, peildatum, explanation) for one year's stock."""
    rows = stock[year]
    peil = max(rows["peildatum"])
    peil = peil.date() if isinstance(peil, pd.Timestamp) else peil
    if doel.soort == "aandeel_huur":
        return _rent_share(doel, rows, peil, norm, prijspeil)
    if doel.soort == "aandeel_label":
        share = metingen.share_in_labels(rows, tuple(doel.params["labels"]))
        met = _meets(share.waarde, norm, doel.richting)
        unknown = metingen.count_in_labels(rows, (labels.ONBEKEND,))
        text = (
            f"{fmt.num(share.deel)} van {fmt.num(share.totaal)} woningen "
            f"({fmt.pct(share.waarde)}) met label {doel.params.get('groepnaam', '')}"
            f"{_unknown_note(unknown)}, peildatum {fmt.datum(peil)}"
        )
        return (
            share.waarde,
            met,
            metingen.homes_short(share, norm, doel.richting),
            share.totaal,
            peil,
            text,
        )
    if doel.soort == "gemiddeld_label":
        mean = metingen.mean_label(rows)
        if mean is None:
            return None, False, None, None, peil, "geen bekende labels"
        met = labels.rank(mean[1]) <= labels.rank(norm)
        text = (
            f"gemiddeld label {mean[1]} (gemiddelde labelrang {fmt.num(mean[0], 2)}; "
            f"A++++ = 0 … G = 10, onbekend niet meegeteld), peildatum {fmt.datum(peil)}"
        )
        return mean[1], met, None, float(rows["aantal"].sum()), peil, text
    if doel.soort == "naar_nul":
        group = tuple(doel.params["labels"])
        count = metingen.count_in_labels(rows, group)
        text = (
            f"{fmt.aantal_woningen(round(count))} met label {', '.join(group)}, "
            f"peildatum {fmt.datum(peil)}"
        )
        return (
            count,
            count <= norm,
            max(0, round(count - norm)),
            float(rows["aantal"].sum()),
            peil,
            text,
        )
    if doel.soort == "bandbreedte":
        return _band_change(doel, stock, year, norm, peil)
    raise ValueError(doel.soort)


def _rent_share(doel, rows, peil, norm, prijspeil):
    grens = doel.params["grens"]
    fixed = doel.params.get("bedrag") if prijspeil == FIXED else None
    cents = metingen.limit_cents(grens, peil, fixed)
    inclusief = bool(doel.params.get("inclusief", True))
    share = metingen.share_up_to(rows, cents, inclusief)
    met = _meets(share.waarde, norm, doel.richting)
    name = huurgrenzen.naam(grens, peil.year)
    reading = (
        f"vast bedrag uit het document (prijspeil {doel.params.get('prijspeil')})"
        if fixed is not None
        else f"{name} {peil.year}"
    )
    stated = doel.params.get("bedrag")
    text = (
        f"{fmt.num(share.deel)} van {fmt.num(share.totaal)} woningen ({fmt.pct(share.waarde)}) "
        f"met huur {'tot en met' if inclusief else 'onder'} {fmt.euro(cents / 100)} "
        f"({reading}; document: {fmt.euro(stated)} prijspeil {doel.params.get('prijspeil')}), "
        f"peildatum {fmt.datum(peil)}"
    )
    return (
        share.waarde,
        met,
        metingen.homes_short(share, norm, doel.richting),
        share.totaal,
        peil,
        text,
    )


def _band_change(doel, stock, year, norm, peil):
    maat = doel.params["maat"]
    base = doel.params.get("basisjaar") or min(stock)
    if base not in stock or year <= base:
        return None, False, None, None, peil, "geen basismeting vóór het doeljaar"
    start = metingen.stock_measure(stock[base], maat)
    now = metingen.stock_measure(stock[year], maat)
    change = now - start
    if isinstance(norm, tuple) and norm and norm[0] == "pad":
        _, fraction, final = norm
        lo, hi = _band(doel.richting, final)
        met = _on_path(change, lo, hi, fraction)
    else:
        lo, hi = _band(doel.richting, norm)
        met = lo <= change <= hi
    text = (
        f"{_MAAT[maat]}: {fmt.num(start)} eind {base}, {fmt.num(now)} eind {year}: "
        f"verandering {change:+,.0f}".replace(",", ".")
    )
    return change, met, None, now, peil, text


_MAAT = {
    "vhe": "alle woningen",
    "eengezins": "eengezinswoningen (niet levensloopgeschikt)",
    "levensloopgeschikt": "levensloopgeschikte woningen",
}


def _band(richting: str, norm) -> tuple[float, float]:
    if richting == "band":
        return float(norm[0]), float(norm[1])
    if richting == "max":
        return float("-inf"), float(norm)
    return float(norm), float("inf")


def _on_path(change: float, lo: float, hi: float, fraction: float) -> bool:
    """On the way into a band: far enough along a straight line, and not past its far edge."""
    if lo <= 0 <= hi:
        return lo <= change <= hi
    if lo > 0:
        return lo * fraction <= change <= hi
    return lo <= change <= hi * fraction


def _meets(value, norm, richting) -> bool:
    if value is None:
        return False
    lo, hi = _band(richting, norm)
    return lo - 1e-12 <= value <= hi + 1e-12


def _unknown_note(unknown: float) -> str:
    return f"; {fmt.num(unknown)} met onbekend label tellen mee in het totaal" if unknown else ""


def _fmt_norm(doel, norm) -> str:
    if isinstance(norm, tuple):
        return "recht pad naar de bandbreedte"
    if doel.soort in ("aandeel_huur", "aandeel_label"):
        return fmt.pct(norm)
    if isinstance(norm, float):
        return fmt.num(norm)
    return str(norm)


# ---- counts over a year or a range: jaarschijven and homes that reached a label --------------


def _judge_count(
    doel, scope, periode, norm, realised, covered: set[int], today: date, text: str
) -> Evaluation | None:
    if periode.van > today.year:
        return None  # not begun: nothing to judge yet
    years = range(periode.van, periode.tot + 1)
    done = [y for y in years if y in covered]
    lo, hi = _band(doel.richting, norm)
    if not done or any(y not in covered for y in range(periode.van, max(done) + 1)):
        return _base(
            doel,
            scope,
            periode,
            norm,
            waarde=None,
            status=GEEN_GEGEVENS,
            uitleg=f"geen volledige gegevens over {periode.label}",
        )
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
    return _base(
        doel, scope, periode, norm, waarde=realised, status=status, tekort=short, uitleg=text
    )


def _jaarschijf(doel, scope, facts, periode, norm) -> Evaluation | None:
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


def _labelsprong(doel, scope, stock, periode, norm, facts) -> Evaluation | None:
    minimum = doel.params["label"]
    covered = {y for y in stock if y - 1 in stock}
    years = [y for y in range(periode.van, periode.tot + 1) if y in covered]
    realised = sum(metingen.reached_label(stock[y - 1], stock[y], minimum) for y in years)
    text = (
        f"{fmt.aantal_woningen(realised)} van onder label {minimum} naar minstens {minimum} "
        f"(vergelijking per eenheidnummer tussen opeenvolgende peildata) in {periode.label}"
    )
    return _judge_count(doel, scope, periode, norm, realised, covered, facts.today, text)


def to_frame(evaluations: list[Evaluation]) -> pd.DataFrame:
    return pd.DataFrame([e.__dict__ for e in evaluations])


def to_json_records(evaluations: list[Evaluation]) -> list[dict]:
    """The CLI's contract: fractions 0..1, dates YYYY-MM-DD, plus the fields behind them."""
    out = []
    for e in evaluations:
        norm = list(e.norm) if isinstance(e.norm, tuple) else e.norm
        waarde = e.waarde
        if (
            isinstance(waarde, float)
            and waarde.is_integer()
            and e.soort not in ("aandeel_huur", "aandeel_label")
        ):
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
