"""A production list (one row per project or per unit) -> the validated production table.

Each row has an activity (nieuwbouw, sloop, verkoop, verduurzaming, zonnepanelen, as people
write them), a year or a date, and a count (1 per row when the list has no count column).
An activity that cannot be read, or that names two kinds at once (`Sloop/nieuwbouw`), stops the
import: split such a row into one row per activity.
"""

from __future__ import annotations

import pandas as pd

from prestatie.inlezen import activiteiten, cell_values
from prestatie.inlezen.detect import Layout, Meta
from prestatie.inlezen.records import PRODUCTIE_COLUMNS
from prestatie.inlezen.sheet_rows import Built, Collector, body, kernen, parties


def build(file: str, layout: Layout, meta: Meta, mapping: dict[str, int] | None = None):
    """The production table of a production list, as a :class:`Built`; raises ImportRefused."""
    mapping = mapping or layout.mapping
    rows = body(layout, mapping, key="soort", unit="activiteit")
    cells = rows.cells
    problems = Collector(file, layout.sheet_name, layout.headers, mapping)
    problems.formulas(rows)
    out = pd.DataFrame(parties(cells, meta, problems), index=cells.index)
    out["bron_rij"] = cells.index.to_numpy(dtype="int64")
    raw = _column(cells, "soort")
    out["soort"], _ = cell_values.per_value(raw, activiteiten.soort)
    problems.add(
        out["soort"].isna(),
        raw,
        "soort",
        "activiteit niet herkend; gebruik nieuwbouw, sloop, verkoop, verduurzaming of "
        "zonnepanelen (één activiteit per rij)",
    )
    out["datum"], out["jaar"] = _when(cells, problems)
    out["aantal"] = _counts(cells, problems)
    out["project"] = cell_values.texts(_column(cells, "project"))
    out["vhe_id"] = cell_values.texts(_column(cells, "vhe_id"))
    out["kern"] = kernen(_column(cells, "kern"), out["gemeente"])
    problems.raise_errors()
    return Built(
        productie=out[list(PRODUCTIE_COLUMNS)].reset_index(drop=True),
        warnings=problems.warnings,
        skipped=rows.skipped,
        blank_rows=rows.blank_rows,
    )


def _column(cells: pd.DataFrame, name: str) -> pd.Series:
    if name in cells.columns:
        return cells[name]
    return pd.Series(None, index=cells.index, dtype=object)


def _when(cells: pd.DataFrame, problems: Collector) -> tuple[pd.Series, pd.Series]:
    dates, bad_dates = cell_values.dates(_column(cells, "datum"))
    problems.add(bad_dates, cells.get("datum"), "datum", "onleesbare datum")
    years, bad_years = cell_values.years(_column(cells, "jaar"))
    problems.add(bad_years, cells.get("jaar"), "jaar", "onleesbaar jaar")
    from_dates = pd.Series(
        [d.year if d is not None else None for d in dates], index=cells.index, dtype="Int64"
    )
    years = years.fillna(from_dates)
    problems.add(
        years.isna() & ~bad_years & ~bad_dates,
        None,
        "jaar" if "jaar" in cells.columns else "datum",
        "geen jaar en geen datum; de activiteit kan niet aan een jaar worden toegekend",
    )
    return cell_values.datetimes(dates), years


def _counts(cells: pd.DataFrame, problems: Collector) -> pd.Series:
    if "aantal" not in cells.columns:
        return pd.Series(1, index=cells.index, dtype="Int64")
    counts, bad = cell_values.whole_numbers(cells["aantal"])
    problems.add(counts.isna(), cells["aantal"], "aantal", "aantal ontbreekt of is geen heel getal")
    problems.add((counts < 0).fillna(False), cells["aantal"], "aantal", "negatief aantal")
    return counts
