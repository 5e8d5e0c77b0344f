"""The label distribution: homes per energy label class, per corporatie, gemeente and peildatum.

Pure functions over the vhe rows of ``dashboard.stock`` (one row per vhe per peildatum, weight
``aantal``). Every label is read through :func:`prestatie.referentie.labels.normalize`, so a raw
spelling or a VERA code (``AP3``) counts as its class and anything that is not a housing label
counts as *onbekend*: never dropped, always in the total.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import pandas as pd

from prestatie.referentie import labels

PER_PEILDATUM = ("corporatie", "gemeente", "peildatum")


@lru_cache(maxsize=512)
def _klasse(value: object) -> str:
    return labels.normalize(value) or labels.ONBEKEND


def canonical(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows with ``label`` as a canonical class; a non-label (``H``, ``12``) is onbekend."""
    if rows.empty:
        return rows
    return rows.assign(label=rows["label"].astype(object).map(_klasse))


def label_counts(rows: pd.DataFrame, by: Iterable[str] = PER_PEILDATUM) -> pd.DataFrame:
    """Homes per class (columns ``labels.ALLE``: best first, onbekend last) for each group."""
    by = list(by)
    rows = canonical(rows)
    if rows.empty:
        return pd.DataFrame(
            columns=list(labels.ALLE), index=pd.MultiIndex.from_tuples([], names=by)
        )
    table = rows.pivot_table(
        index=by, columns="label", values="aantal", aggfunc="sum", fill_value=0, observed=True
    )
    return table.reindex(columns=list(labels.ALLE), fill_value=0).astype(float)


def label_shares(counts: pd.DataFrame) -> pd.DataFrame:
    """Each class as a fraction of all homes in its row, onbekend included: rows sum to 1."""
    return counts.div(counts.sum(axis=1), axis=0)


def rows_with_labels(rows: pd.DataFrame, klassen: Iterable[str]) -> pd.DataFrame:
    """The rows whose label is one of ``klassen`` (onbekend included when asked for)."""
    rows = canonical(rows)
    return rows[rows["label"].isin(list(klassen))] if not rows.empty else rows
