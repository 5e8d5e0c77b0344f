"""A production list (one row per project or per unit) -> the validated production table.

Each row has an activity (nieuwbouw, sloop, verkoop, verduurzaming, zonnepanelen, as people
write them), a year or a date, and a count (1 per row when the list has no count column).
An activity that cannot be read, or that names two kinds at once (`Sloop/nieuwbouw`), stops the
import: split such a row into one row per activity.
"""

from __future__ import annotations

import pandas as pd

from prestatie import activiteiten, partijen, waarden
from prestatie.detect import Layout, Meta
from prestatie.rijen import Collector, body, parties
from prestatie.store import PRODUCTIE_COLUMNS


def build(file: str, layout: Layout, meta: Meta, mapping: dict[str, int] | None = None):
    """(production table, warnings, skipped rows); raises ImportRefused on errors."""
    mapping = mapping or layout.mapping
    rows = body(layout, mapping)
    cells = rows.cells
    problems = Collector(file, layout.sheet_name, layout.headers, mapping)
    out = parties(cells, meta, problems)
    out["bron_rij"] = cells.index.astype("int64")
    raw = cells["soort"]
    out["soort"] = raw.map(activiteiten.soort)
    problems.add(
        out["soort"].isna(),
        raw,
        "soort",
        "activiteit niet herkend; gebruik nieuwbouw, sloop, verkoop, verduurzaming of "
        "zonnepanelen (één activiteit per rij)",
    )
    out["datum"], out["jaar"] = _when(cells, problems)
    out["aantal"] = _counts(cells, problems)
    out["project"] = _column(cells, "project").map(waarden.text)
    out["vhe_id"] = _column(cells, "vhe_id").map(waarden.text)
    kern = _column(cells, "kern").map(waarden.text)
    out["kern"] = [
        partijen.kern(k, g) or k if k else None for k, g in zip(kern, out["gemeente"], strict=True)
    ]
    problems.raise_errors()
    return out[list(PRODUCTIE_COLUMNS)].reset_index(drop=True), problems.warnings, rows.skipped


def _column(cells: pd.DataFrame, name: str) -> pd.Series:
    if name in cells.columns:
        return cells[name]
    return pd.Series(None, index=cells.index, dtype=object)


def _when(cells: pd.DataFrame, problems: Collector) -> tuple[pd.Series, pd.Series]:
    dates, bad_dates = waarden.dates(_column(cells, "datum"))
    problems.add(bad_dates, cells.get("datum"), "datum", "onleesbare datum")
    years = _column(cells, "jaar").map(
        lambda v: None if waarden.is_empty(v) else waarden.to_year(v)
    )
    bad_years = years.isna() & ~_column(cells, "jaar").map(waarden.is_empty)
    problems.add(bad_years, cells.get("jaar"), "jaar", "onleesbaar jaar")
    years = years.fillna(dates.map(lambda d: d.year if d else None))
    problems.add(
        years.isna() & ~bad_years & ~bad_dates,
        None,
        "jaar",
        "geen jaar en geen datum; de activiteit kan niet aan een jaar worden toegekend",
    )
    return dates, years.astype("Int64")


def _counts(cells: pd.DataFrame, problems: Collector) -> pd.Series:
    if "aantal" not in cells.columns:
        return pd.Series(1, index=cells.index, dtype="Int64")
    counts = cells["aantal"].map(lambda v: None if waarden.is_empty(v) else waarden.whole_number(v))
    problems.add(counts.isna(), cells["aantal"], "aantal", "aantal ontbreekt of is geen heel getal")
    problems.add((counts.fillna(1) < 0), cells["aantal"], "aantal", "negatief aantal")
    return counts.astype("Int64")
