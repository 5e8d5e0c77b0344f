"""Label transitions: the same homes on two peildata, matched by vhe number, label from and to.

A home is its corporatie, gemeente and vhe number: the same number at another corporatie is
another home; DuckDB matches them (:func:`prestatie.opslag.counts.transitions`). A home on the
first peildatum only left the stock (UIT_BEZIT), one on the second only came in (NIEUW).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd

from prestatie.beoordeling.selectie import Rows
from prestatie.referentie import labels

UIT_BEZIT = "uit bezit"  # on the first peildatum, not on the second (sold, demolished)
NIEUW = "nieuw in bezit"  # on the second peildatum only (built, bought)
BETER, GELIJK, SLECHTER, ONVERGELIJKBAAR = "beter", "gelijk", "slechter", "onbekend"
ORDER = (*labels.ALLE, NIEUW, UIT_BEZIT)


def peildata(stock: pd.DataFrame) -> list[date]:
    """The peildata in the stock, oldest first."""
    return sorted({_as_date(p) for p in stock["peildatum"]}) if not stock.empty else []


def _as_date(value) -> date:
    return value.date() if isinstance(value, pd.Timestamp) else value


def transitions(moved: pd.DataFrame) -> pd.DataFrame:
    """Homes per (label_van, label_naar) as DuckDB matched them
    (:func:`prestatie.opslag.counts.transitions`: no label_van for a home that came, no
    label_naar for one that left), in label order, only the pairs that occur."""
    counts = moved.assign(
        label_van=moved["label_van"].astype(object).fillna(NIEUW),
        label_naar=moved["label_naar"].astype(object).fillna(UIT_BEZIT),
    )
    counts = counts.groupby(["label_van", "label_naar"])["aantal"].sum().reset_index()
    order = {k: i for i, k in enumerate(ORDER)}
    return counts.sort_values(
        ["label_van", "label_naar"], key=lambda s: s.map(order), ignore_index=True
    )


def moved_rows(
    van: date,
    naar: date,
    label_van: str,
    label_naar: str,
    gemeente: str | None,
    corporaties: tuple[str, ...] | None,
) -> list[Rows]:
    """The homes that went from ``label_van`` on ``van`` to ``label_naar`` on ``naar``, for the
    drill-down: a home that came in is on ``naar`` only, one that left on ``van`` only."""
    base = Rows(gemeente=gemeente, corporaties=corporaties)
    if label_naar == UIT_BEZIT:
        return [replace(base, peildatum=van, labels=(label_van,), niet_op=naar)]
    before = () if label_van == NIEUW else (label_van,)
    return [
        replace(
            base, peildatum=naar, labels=(label_naar,), eerder_peildatum=van, eerder_labels=before
        )
    ]


def transition_table(counts: pd.DataFrame) -> pd.DataFrame:
    """From/to table: a row per label on the first peildatum, a column per label on the second."""
    table = counts.pivot_table(
        index="label_van", columns="label_naar", values="aantal", aggfunc="sum", fill_value=0
    )
    table = table.reindex(
        index=[k for k in ORDER if k in table.index],
        columns=[k for k in ORDER if k in table.columns],
    )
    return table.astype(float)


def direction(label_van: str, label_naar: str) -> str:
    """BETER, GELIJK or SLECHTER; ONVERGELIJKBAAR when either side is onbekend or no label."""
    if label_van not in labels.KLASSEN or label_naar not in labels.KLASSEN:
        return ONVERGELIJKBAAR
    step = labels.rank(label_naar) - labels.rank(label_van)
    return BETER if step < 0 else SLECHTER if step > 0 else GELIJK


def kind(label_van: str, label_naar: str) -> str | None:
    """The direction of a home that stayed; None for a home that left or came."""
    if {label_van, label_naar} & {UIT_BEZIT, NIEUW}:
        return None
    return direction(label_van, label_naar)


def _pairs(counts: pd.DataFrame):
    return zip(counts["label_van"], counts["label_naar"], counts["aantal"], strict=True)


def transition_summary(counts: pd.DataFrame) -> dict[str, float]:
    """Homes that got a better, the same, a worse label; unknown on either side; left; new."""
    out = dict.fromkeys((BETER, GELIJK, SLECHTER, ONVERGELIJKBAAR, UIT_BEZIT, NIEUW), 0.0)
    for van, naar, n in _pairs(counts):
        if naar == UIT_BEZIT:
            out[UIT_BEZIT] += n
        elif van == NIEUW:
            out[NIEUW] += n
        else:
            out[direction(van, naar)] += n
    return out


def largest(counts: pd.DataFrame, richting: str = BETER) -> tuple[str, str] | None:
    """The (label_van, label_naar) in ``richting`` with the most homes; None when there is none.
    A tie goes to the pair that comes first in label order."""
    pairs = [
        (n, van, naar)
        for van, naar, n in _pairs(counts)
        if van in labels.KLASSEN and naar in labels.KLASSEN and direction(van, naar) == richting
    ]
    if not pairs:
        return None
    _, van, naar = max(pairs, key=lambda p: (p[0], -labels.rank(p[1]), -labels.rank(p[2])))
    return van, naar
