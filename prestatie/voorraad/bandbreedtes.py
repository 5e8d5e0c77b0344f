"""Bandwidth targets as a path: the realised change of a stock measure against the agreed band.

Pure functions over the targets of kind ``bandbreedte`` and
:class:`prestatie.beoordeling.monitor.Facts`; the change is measured as the monitor measures it
(:mod:`prestatie.beoordeling.voorraaddoelen`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from prestatie.afspraken.schema import Doel, Norm
from prestatie.beoordeling import metingen, monitor, status
from prestatie.beoordeling.selectie import Selectie, targets_in_scope
from prestatie.beoordeling.voorraaddoelen import band


@dataclass(frozen=True)
class Bandpad:
    """The realised change of a stock measure against a bandwidth target."""

    doel: Doel
    corporatie: str
    basis: int | None  # the year the change is measured from; None: no stock at all
    indicatief: bool  # the agreed base year is missing: compared from the first year instead
    pad: pd.DataFrame  # jaar, stand, verandering
    normen: pd.DataFrame  # jaar, laag, hoog (NaN on an open side), as change since basis


def _scope_stock(doel: Doel, scope: status.Scope, vhe: pd.DataFrame) -> dict[int, pd.DataFrame]:
    """The monitor's stock in scope per year, but only when every corporatie of the scope has
    stock there: a joint band is not drawn from some of its corporaties."""
    stock = monitor.scope_stock(vhe, doel, scope)
    wanted = set(scope.corporaties)
    return stock if all(wanted <= set(rows["corporatie"]) for rows in stock.values()) else {}


def _edges(doel: Doel, norm: Norm) -> tuple[float, float]:
    """The norm's band as (low, high), NaN on an open side (a minimum or a maximum)."""
    lo, hi = band(doel.richting, norm)
    return (lo if math.isfinite(lo) else math.nan), (hi if math.isfinite(hi) else math.nan)


def band_path(doel: Doel, scope: status.Scope, facts: monitor.Facts) -> Bandpad:
    """Realised change since the base year against the band, as the monitor measures it.

    Without a ``basisjaar`` the base is the first year with stock (as in the monitor). When the
    agreed base year is not in the data, the file's ``basis_aantal`` is the base when it has one
    (as in the monitor); without it the change is shown from the first year with stock
    and the band from its norm there (``indicatief``): for 15-35 a year since 2018 that is
    15-35 a year since that first year; the monitor does not judge this reading.
    """
    stock = _scope_stock(doel, scope, facts.vhe)
    maat = doel.params["maat"]
    values = {y: metingen.stock_measure(rows, maat) for y, rows in sorted(stock.items())}
    agreed = doel.params.get("basisjaar")
    count = doel.params.get("basis_aantal")
    start = dict(values)
    if agreed is not None and agreed not in values and count is not None and values:
        start[agreed] = float(count)  # the file's count in the base year the data lacks
    base = agreed if agreed in start else (min(values) if values else None)
    indicatief = agreed is not None and agreed not in start
    path = pd.DataFrame(
        {
            "jaar": list(values),
            "stand": list(values.values()),
            "verandering": [v - start[base] for v in values.values()] if values else [],
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


def band_targets(doelen: list[Doel], facts: monitor.Facts, selectie: Selectie | None = None):
    """(doel, scope) of every bandwidth target in the selection: a page computes each
    :func:`band_path` once for every selection that shows it."""
    return targets_in_scope(doelen, facts, "bandbreedte", selectie)


def note(pad: Bandpad) -> str:
    """What the page says under a band: the toelichting, and when the agreed base year is not
    in the data how the figure reads it instead."""
    if not pad.indicatief:
        return pad.doel.toelichting
    agreed = pad.doel.params["basisjaar"]
    if pad.normen.empty:
        how = (
            f"Het afgesproken basisjaar {agreed} ontbreekt in de gegevens en het "
            "afsprakenbestand noemt geen basis_aantal: de gerealiseerde verandering staat hier "
            f"vanaf eind {pad.basis}, zonder bandbreedte; de monitor toetst dit doel niet."
        )
    else:
        how = (
            f"Het afgesproken basisjaar {agreed} ontbreekt in de gegevens; hier vergeleken "
            f"vanaf eind {pad.basis} met de afgesproken toename per jaar: een indicatie, "
            "geen toetsing."
        )
    return f"{how} {pad.doel.toelichting}"
