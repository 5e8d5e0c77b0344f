"""Targets measured on the stock: a share up to a rent limit or in a label group, the mean
label, a count that must reach zero, a change within a band.

The value of the deadline year's stock decides behaald / niet behaald; before the deadline the
latest stock is compared with a straight path to the norm (op koers / achter).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from prestatie import fmt
from prestatie.beoordeling import metingen
from prestatie.beoordeling.huurregel import FIXED, Regel
from prestatie.beoordeling.status import (
    ACHTER,
    BEHAALD,
    NIET_BEHAALD,
    OP_KOERS,
    Evaluation,
    evaluation,
    no_data,
)
from prestatie.referentie import huurgrenzen, labels
from prestatie.referentie.peildatum import as_date

KINDS = ("aandeel_huur", "aandeel_label", "gemiddeld_label", "naar_nul", "bandbreedte")


@dataclass(frozen=True)
class BandPath:
    """A bandwidth target part of the way: ``fraction`` of the time from base to deadline."""

    fraction: float
    final: object  # the norm at the deadline: (lo, hi) or a scalar


@dataclass(frozen=True)
class Measure:
    """One year's stock measured against a norm; ``value`` None: could not be measured."""

    value: object
    met: bool
    peildatum: date
    text: str
    short: int | None = None  # homes short of the norm
    basis: float | None = None  # homes the value is measured over


def evaluate(doel, scope, stock, periode, norm, today, prijspeil) -> Evaluation | None:
    if doel.params.get("tolerantie") is not None:
        doel, norm = approximate(doel, norm)
    deadline = periode.tot
    if deadline in stock:
        m = _measure(doel, stock, deadline, norm, prijspeil)
        return _judged(doel, scope, periode, norm, m, BEHAALD if m.met else NIET_BEHAALD)
    earlier = [y for y in stock if y < deadline]
    if deadline < today.year or not earlier:
        return no_data(doel, scope, periode, norm, f"geen voorraadgegevens over {deadline}")
    latest = max(earlier)
    path_norm = _path_norm(doel, stock, periode, norm, latest)
    if path_norm is None:
        base = doel.params.get("basisjaar") if doel.soort == "bandbreedte" else None
        text = "geen basismeting vóór het doeljaar"
        if base is not None and base < latest:
            text = _no_base_text(doel, base)
        return no_data(doel, scope, periode, norm, text)
    m = _measure(doel, stock, latest, path_norm, prijspeil)
    reached = doel.soort == "naar_nul" and m.value == 0
    status = BEHAALD if reached else OP_KOERS if m.met else ACHTER
    text = (
        f"{m.text}; stand eind {latest}, tussendoel op weg naar {deadline}: "
        f"{_fmt_norm(doel, path_norm)}"
    )
    return _judged(doel, scope, periode, norm, replace(m, text=text), status)


def approximate(doel, norm):
    """A share that is an approximation ("ca. 10%", ``tolerantie`` 0.025): the target read as
    the band norm - tolerantie … norm + tolerantie, each year's norm alike."""
    tol = doel.params["tolerantie"]

    def widen(n):
        return n if isinstance(n, tuple) else (round(n - tol, 10), round(n + tol, 10))

    wide = replace(doel, richting="band", norm=tuple((p, widen(n)) for p, n in doel.norm))
    return wide, widen(norm)


def _judged(doel, scope, periode, norm, m: Measure, status: str) -> Evaluation:
    if m.value is None:
        return no_data(doel, scope, periode, norm, m.text, m.peildatum)
    return evaluation(
        doel,
        scope,
        periode,
        norm,
        waarde=m.value,
        basis=m.basis,
        peildatum=m.peildatum,
        status=status,
        tekort=m.short,
        uitleg=m.text,
    )


def _path_norm(doel, stock, periode, norm, year):
    """The norm at an intermediate year on a straight line towards the deadline."""
    if doel.soort in ("aandeel_huur", "aandeel_label"):
        before = [(p.tot, n) for p, n in doel.norm if p.tot < periode.tot]
        if not before or isinstance(norm, tuple):
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
        if _band_start(doel, stock, base) is None or year <= base:
            return None
        return BandPath((year - base) / (periode.tot - base), norm)
    return norm


def _measure(doel, stock, year, norm, prijspeil) -> Measure:
    """One year's stock of the target's scope against a norm, with its explanation."""
    rows = stock[year]
    peil = rows["peildatum"].max()
    peil = as_date(peil)
    if doel.soort == "aandeel_huur":
        return _rent_share(doel, rows, peil, norm, prijspeil)
    if doel.soort in ("aandeel_label", "naar_nul") and not metingen.known_labels(rows):
        return Measure(None, False, peil, f"alle labels onbekend, peildatum {fmt.datum(peil)}")
    if doel.soort == "aandeel_label":
        share = metingen.share_in_labels(rows, tuple(doel.params["labels"]))
        unknown = metingen.count_in_labels(rows, (labels.ONBEKEND,))
        text = (
            f"{fmt.num(share.deel)} van {fmt.num(share.totaal)} woningen "
            f"({fmt.pct(share.waarde)}) met label {doel.params.get('groepnaam', '')}"
            f"{_unknown_note(unknown)}, peildatum {fmt.datum(peil)}"
        )
        return _share_measure(share, norm, doel.richting, peil, text)
    if doel.soort == "gemiddeld_label":
        mean = metingen.mean_label(rows)
        if mean is None:
            return Measure(None, False, peil, "geen bekende labels")
        text = (
            f"gemiddeld label {mean[1]} (gemiddelde labelrang {fmt.num(mean[0], 2)}; "
            f"A++++ = 0 … G = 10, onbekend niet meegeteld), peildatum {fmt.datum(peil)}"
        )
        met = labels.rank(mean[1]) <= labels.rank(norm)
        return Measure(mean[1], met, peil, text, basis=float(rows["aantal"].sum()))
    if doel.soort == "naar_nul":
        group = tuple(doel.params["labels"])
        count = metingen.count_in_labels(rows, group)
        text = (
            f"{fmt.aantal_woningen(round(count))} met label {', '.join(group)}, "
            f"peildatum {fmt.datum(peil)}"
        )
        short = max(0, round(count - norm))
        return Measure(count, count <= norm, peil, text, short, float(rows["aantal"].sum()))
    if doel.soort == "bandbreedte":
        return _band_change(doel, stock, year, norm, peil)
    raise ValueError(doel.soort)


def _rent_share(doel, rows, peil, norm, prijspeil):
    regel = Regel.van(doel)
    cents = regel.cents(peil, prijspeil)
    if cents is None:
        return Measure(None, False, peil, huurgrenzen.unknown_text(peil.year))
    if not float(rows["huur_bekend"].sum()):  # every rent empty: nothing to judge
        return Measure(None, False, peil, f"geen huren bekend, peildatum {fmt.datum(peil)}")
    share = metingen.rent_share(rows, regel.kolom(prijspeil))
    name = huurgrenzen.naam(regel.grens, peil.year)
    reading = (
        f"vast bedrag uit het document (prijspeil {regel.prijspeil})"
        if prijspeil == FIXED and regel.bedrag is not None
        else f"{name} {peil.year}"
    )
    text = (
        f"{fmt.num(share.deel)} van {fmt.num(share.totaal)} woningen ({fmt.pct(share.waarde)}) "
        f"met huur {regel.woord} {fmt.euro(cents / 100)} "
        f"({reading}; document: {fmt.euro(regel.bedrag)} prijspeil {regel.prijspeil}), "
        f"peildatum {fmt.datum(peil)}"
    )
    return _share_measure(share, norm, doel.richting, peil, text)


def _share_measure(share: metingen.Share, norm, richting: str, peil: date, text: str) -> Measure:
    met = _meets(share.waarde, norm, richting)
    short = metingen.homes_short(share, norm, richting)
    return Measure(share.waarde, met, peil, text, short, share.totaal)


def _band_start(doel, stock, base: int) -> float | None:
    """The stock measure in the base year: counted from the data, else the file's
    ``basis_aantal``; None when neither has it (never the first peildatum instead)."""
    if base in stock:
        return metingen.stock_measure(stock[base], doel.params["maat"])
    count = doel.params.get("basis_aantal")
    return None if count is None else float(count)


def _no_base_text(doel, base: int) -> str:
    if doel.params.get("basisjaar") is None:
        return "geen basismeting vóór het doeljaar"
    return (
        f"geen voorraad in het basisjaar {base} en geen basis_aantal in het afsprakenbestand; "
        "de monitor telt niet vanaf de eerste peildatum in de data"
    )


def _band_change(doel, stock, year, norm, peil):
    maat = doel.params["maat"]
    base = doel.params.get("basisjaar") or min(stock)
    start = _band_start(doel, stock, base)
    if start is None:
        return Measure(None, False, peil, _no_base_text(doel, base))
    if year <= base:
        return Measure(None, False, peil, "geen basismeting vóór het doeljaar")
    now = metingen.stock_measure(stock[year], maat)
    change = now - start
    if isinstance(norm, BandPath):
        lo, hi = band(doel.richting, norm.final)
        met = _on_path(change, lo, hi, norm.fraction)
    else:
        lo, hi = band(doel.richting, norm)
        met = lo <= change <= hi
    source = "" if base in stock else " (basis_aantal uit het afsprakenbestand)"
    text = (
        f"{_MAAT[maat]}: {fmt.num(start)} eind {base}{source}, {fmt.num(now)} eind {year}: "
        f"verandering {fmt.signed(change)}"
    )
    return Measure(change, met, peil, text, basis=now)


_MAAT = {
    "vhe": "alle woningen",
    "eengezins": "eengezinswoningen (niet levensloopgeschikt)",
    "levensloopgeschikt": "levensloopgeschikte woningen",
}


def band(richting: str, norm) -> tuple[float, float]:
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
    lo, hi = band(richting, norm)
    return lo - 1e-12 <= value <= hi + 1e-12


def _unknown_note(unknown: float) -> str:
    return f"; {fmt.num(unknown)} met onbekend label tellen mee in het totaal" if unknown else ""


def _fmt_norm(doel, norm) -> str:
    if isinstance(norm, BandPath):
        lo, hi = band(doel.richting, norm.final)
        edges = [f"{edge * norm.fraction:+.0f}" for edge in (lo, hi) if abs(edge) != float("inf")]
        return f"{' tot '.join(edges)} ({fmt.pct(norm.fraction, 0)} van de weg naar de bandbreedte)"
    if doel.soort in ("aandeel_huur", "aandeel_label"):
        return fmt.pct(norm)
    if isinstance(norm, float):
        return fmt.num(norm)
    return str(norm)
