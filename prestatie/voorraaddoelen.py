"""Targets measured on the stock: a share up to a rent limit or in a label group, the mean
label, a count that must reach zero, a change within a band.

The value of the deadline year's stock decides behaald / niet behaald; before the deadline the
latest stock is compared with a straight path to the norm (op koers / achter).
"""

from __future__ import annotations

from dataclasses import dataclass

from prestatie import fmt, huurgrenzen, labels, metingen
from prestatie.peildatum import as_date
from prestatie.status import (
    ACHTER,
    BEHAALD,
    NIET_BEHAALD,
    OP_KOERS,
    Evaluation,
    evaluation,
    no_data,
)

KINDS = ("aandeel_huur", "aandeel_label", "gemiddeld_label", "naar_nul", "bandbreedte")
INDEXED, FIXED = "geindexeerd", "vast"


@dataclass(frozen=True)
class BandPath:
    """A bandwidth target part of the way: ``fraction`` of the time from base to deadline."""

    fraction: float
    final: object  # the norm at the deadline: (lo, hi) or a scalar


def evaluate(doel, scope, stock, periode, norm, today, prijspeil) -> Evaluation | None:
    deadline = periode.tot
    if deadline in stock:
        value, met, short, basis, peil, text = _measure(doel, stock, deadline, norm, prijspeil)
        if value is None:
            return no_data(doel, scope, periode, norm, text, peil)
        return evaluation(
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
        return no_data(doel, scope, periode, norm, f"geen voorraadgegevens over {deadline}")
    latest = max(earlier)
    path_norm = _path_norm(doel, stock, periode, norm, latest)
    if path_norm is None:
        return no_data(doel, scope, periode, norm, "geen basismeting vóór het doeljaar")
    value, met, short, basis, peil, text = _measure(doel, stock, latest, path_norm, prijspeil)
    if value is None:
        return no_data(doel, scope, periode, norm, text, peil)
    if doel.soort == "naar_nul" and value == 0:
        status = BEHAALD
    else:
        status = OP_KOERS if met else ACHTER
    text += (
        f"; stand eind {latest}, tussendoel op weg naar {deadline}: {_fmt_norm(doel, path_norm)}"
    )
    return evaluation(
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
        return BandPath((year - base) / (periode.tot - base), norm)
    return norm


def _measure(doel, stock, year, norm, prijspeil):
    """(value, met, homes short, basis, peildatum, explanation) for one year's stock."""
    rows = stock[year]
    peil = max(rows["peildatum"])
    peil = as_date(peil)
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
    try:
        cents = metingen.limit_cents(grens, peil, fixed)
    except huurgrenzen.OnbekendJaar as unknown:
        return None, False, None, None, peil, f"{unknown}; vul de tabel aan in huurgrenzen.csv"
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
    if isinstance(norm, BandPath):
        lo, hi = band(doel.richting, norm.final)
        met = _on_path(change, lo, hi, norm.fraction)
    else:
        lo, hi = band(doel.richting, norm)
        met = lo <= change <= hi
    text = (
        f"{_MAAT[maat]}: {fmt.num(start)} eind {base}, {fmt.num(now)} eind {year}: "
        f"verandering {fmt.signed(change)}"
    )
    return change, met, None, now, peil, text


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
