"""Label transitions: the same homes on two peildata, matched by vhe number, label from and to.

A home is its corporatie, gemeente and vhe number (VHE_SLEUTEL): the same number at another
corporatie is another home. A home on the first peildatum only left the stock (UIT_BEZIT), one on
the second only came in (NIEUW). Labels are read as classes
(:func:`prestatie.duurzaamheid.labelverdeling.canonical`).
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from prestatie.duurzaamheid.labelverdeling import canonical
from prestatie.referentie import labels

VHE_SLEUTEL = ["corporatie", "gemeente", "vhe_id"]
UIT_BEZIT = "uit bezit"  # on the first peildatum, not on the second (sold, demolished)
NIEUW = "nieuw in bezit"  # on the second peildatum only (built, bought)
BETER, GELIJK, SLECHTER, ONVERGELIJKBAAR = "beter", "gelijk", "slechter", "onbekend"
ORDER = (*labels.ALLE, NIEUW, UIT_BEZIT)


def peildata(stock: pd.DataFrame) -> list[date]:
    """The peildata in the stock, oldest first."""
    return sorted({_as_date(p) for p in stock["peildatum"]}) if not stock.empty else []


def _as_date(value) -> date:
    return value.date() if isinstance(value, pd.Timestamp) else value


def _on(stock: pd.DataFrame, peildatum: date) -> pd.DataFrame:
    return canonical(stock[stock["peildatum"] == pd.Timestamp(peildatum)])


def _labels_before(before: pd.DataFrame) -> pd.DataFrame:
    """The key of each home with its (canonical) label as ``label_van``."""
    return before[VHE_SLEUTEL + ["label"]].rename(columns={"label": "label_van"})


def transition_rows(stock: pd.DataFrame, van: date, naar: date) -> pd.DataFrame:
    """Every home on either peildatum with ``label_van`` and ``label_naar``, matched by
    corporatie, gemeente and vhe number; a home on one date only is NIEUW or UIT_BEZIT.

    The row's other columns come from ``naar`` (from ``van`` for a home that left).
    """
    before = _on(stock, van)
    after = _on(stock, naar)
    kept = after.merge(_labels_before(before), on=VHE_SLEUTEL, how="left")
    kept["label_van"] = kept["label_van"].fillna(NIEUW)
    gone = before[~before.set_index(VHE_SLEUTEL).index.isin(after.set_index(VHE_SLEUTEL).index)]
    gone = gone.assign(label_van=gone["label"], label=UIT_BEZIT)
    both = pd.concat([kept, gone], ignore_index=True) if len(gone) else kept
    return both.rename(columns={"label": "label_naar"})


def reached_rows(before: pd.DataFrame, after: pd.DataFrame, minimum: str) -> pd.DataFrame:
    """The rows of ``after`` that were below ``minimum`` (a known label) in ``before`` and now
    are at least ``minimum``: the homes :func:`metingen.reached_label` counts."""
    new = canonical(after).merge(_labels_before(canonical(before)), on=VHE_SLEUTEL, how="inner")
    was_below = new["label_van"].isin(labels.classes_below(minimum))
    now_at = new["label"].isin(labels.classes_at_least(minimum))
    return new[was_below & now_at]


def transitions(stock: pd.DataFrame, van: date, naar: date) -> pd.DataFrame:
    """Homes per (label_van, label_naar), in label order, only the pairs that occur."""
    rows = transition_rows(stock, van, naar)
    counts = rows.groupby(["label_van", "label_naar"])["aantal"].sum().reset_index()
    order = {k: i for i, k in enumerate(ORDER)}
    return counts.sort_values(
        ["label_van", "label_naar"], key=lambda s: s.map(order), ignore_index=True
    )


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


def moved(rows: pd.DataFrame, label_van: str, label_naar: str) -> pd.DataFrame:
    """The rows of :func:`transition_rows` that went from ``label_van`` to ``label_naar``."""
    return rows[(rows["label_van"] == label_van) & (rows["label_naar"] == label_naar)]
