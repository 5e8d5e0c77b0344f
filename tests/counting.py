"""Hand-typed vhe rows through the real store, so the pure functions get what DuckDB counts.

The tests type their homes row by row (one row per vhe, as a stock list has them); this writes
them with :func:`prestatie.opslag.store.write_batch` (one batch per corporatie × gemeente ×
peildatum, as imports are) and reads back the counts the pages and the monitor read. The expected
figures in the tests stay the ones worked out by hand from the rows.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from prestatie import dashboard
from prestatie.inlezen.records import VHE_COLUMNS, Batch
from prestatie.opslag import counts, store
from prestatie.referentie import labels


def database(rows: pd.DataFrame | list[pd.DataFrame]):
    """An in-memory database holding ``rows`` (vhe rows; missing columns stay empty)."""
    return write(store.connect(":memory:"), rows)


def write(con, rows: pd.DataFrame | list[pd.DataFrame]):
    """Write ``rows`` (vhe rows) into ``con``, one batch per corporatie × gemeente × peildatum."""
    if isinstance(rows, list):
        if not rows:
            return con
        rows = pd.concat(rows, ignore_index=True)
    frame = rows
    if frame.empty:
        return con
    frame = frame.copy()
    frame["peildatum"] = pd.to_datetime(frame["peildatum"]).dt.date
    if "huur_cent" not in frame.columns and "huur" in frame.columns:
        frame["huur_cent"] = (frame["huur"].astype("Float64") * 100).round().astype("Int64")
    if "aantal" not in frame.columns:
        frame["aantal"] = 1.0
    if "bron_rij" not in frame.columns:
        frame["bron_rij"] = range(2, len(frame) + 2)
    if "vhe_id" not in frame.columns:
        frame["vhe_id"] = [f"V{i}" for i in range(len(frame))]
    # labels as the import reads them: a spelling or VERA code as its class, else onbekend
    raw = frame["label"] if "label" in frame.columns else pd.Series(None, index=frame.index)
    frame["label"] = [labels.normalize(v) or labels.ONBEKEND for v in raw]
    keep = [c for c in VHE_COLUMNS if c in frame.columns]
    for i, ((corp, gem, peil), group) in enumerate(
        frame.groupby(["corporatie", "gemeente", "peildatum"], sort=True)
    ):
        batch = Batch(f"lijst {corp} {peil}.csv", f"sha{i}", "voorraad", corp, gem, peil, None,
                      None, len(group))  # fmt: skip
        store.write_batch(con, batch, group[keep].reset_index(drop=True))
    return con


def stock(rows, **kwargs) -> pd.DataFrame:
    """The counts of the stock per verslagjaar of ``rows`` (:func:`counts.stock`)."""
    return counts.stock(database(rows), **kwargs)


def facts(rows, productie=None, dekking=None, today=date(2025, 6, 1), **kwargs):
    """What the monitor reads about ``rows`` (:func:`dashboard.facts`), with the production and
    coverage given as frames."""
    con = database(rows)
    known = dashboard.facts(con, today, **kwargs)
    empty_prod = pd.DataFrame(columns=["corporatie", "gemeente", "kern", "soort", "jaar", "aantal"])
    return known.__class__(
        known.vhe,
        productie if productie is not None else empty_prod,
        dekking
        if dekking is not None
        else pd.DataFrame(columns=["corporatie", "gemeente", "jaar"]),
        today,
        known.overgangen,
        huursom=known.huursom,
        koppelingen=known.koppelingen,
    )
