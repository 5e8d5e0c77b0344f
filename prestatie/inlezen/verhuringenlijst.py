"""A lettings list (one row per letting) -> the validated verhuring table.

Each row is one home let: its date (the start of the contract, else the date of the
toewijzing), the route it went by (:mod:`prestatie.inlezen.toewijzingen`), the rent at letting,
how long the new tenant searched or was registered, the household and whether the letting was
passend. The same vhe may be let twice in a year: a repeated vhe number is no error.

Errors stop the import: a letting without a date, an unreadable date, an unreadable or negative
rent. Warnings are counted and the row is imported: an unknown or missing route (counted as
overig), an unreadable zoekduur, inschrijfduur or inschrijfdatum (zoekduur unknown), an
unreadable household size or yes/no, the rent warnings of a stock list, and a year with only a
few lettings in a list about other years (the list then counts for that year too).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from prestatie.inlezen import cell_values, column_names, toewijzingen
from prestatie.inlezen.detect import Layout, Meta
from prestatie.inlezen.errors import WAARSCHUWING
from prestatie.inlezen.records import VERHUUR_COLUMNS
from prestatie.inlezen.sheet_rows import Built, Collector, body, column_name, frame, kernen, parties
from prestatie.inlezen.voorraadlijst import adressen, rekenhuren, rents, yes_no

INSCHRIJFDUUR = "inschrijfduur"
ZOEKDUUR = "zoekduur"
_DATES = ("datum", "datum_toewijzing")
_STRAY_YEAR = 10  # a year with a tenth or less of the lettings of the main year


def build(file: str, layout: Layout, meta: Meta, mapping: dict[str, int] | None = None):
    """The verhuring table of a lettings list, as a :class:`Built`; raises ImportRefused."""
    mapping = mapping or layout.mapping
    second = column_names.rekenhuur_position(layout.headers, mapping.get("huur"))
    if second is not None:
        mapping = {**mapping, "rekenhuur": second}
    key = next((name for name in (*_DATES, "vhe_id") if name in mapping), "datum")
    rows = body(layout, mapping, key=key, unit="verhuring")
    cells = rows.cells
    problems = Collector(file, layout.sheet_name, layout.headers, mapping)
    problems.formulas(rows)
    out = dict(parties(cells, meta, problems))
    out["bron_rij"] = pd.Series(cells.index.to_numpy(dtype="int64"), index=cells.index)
    out["datum"], out["jaar"] = _when(cells, problems)
    out["vhe_id"] = cell_values.texts(_column(cells, "vhe_id"))
    out["adres"] = adressen(cells)
    out["kern"] = kernen(_column(cells, "kern"), out["gemeente"])
    out["huur_cent"] = rents(cells, problems)
    out["rekenhuur_cent"] = rekenhuren(cells, problems)
    out["route"], out["route_bron"] = _routes(cells, problems)
    units = {f: toewijzingen.unit_of(layout.headers[p]) for f, p in mapping.items()}
    out["zoekduur_maanden"], out["zoekduur_soort"] = _zoekduur(cells, out["datum"], units, problems)
    out["huishouden"] = _huishouden(cells, problems)
    out["inkomensklasse"] = cell_values.texts(_column(cells, "inkomensklasse"))
    out["passend"] = yes_no(cells, "passend", problems)
    out["aantal"] = pd.Series(1, index=cells.index, dtype="Int64")
    problems.raise_errors()
    _stray_years(out["jaar"], cells, problems)
    table = frame({name: out[name] for name in VERHUUR_COLUMNS}, cells.index)
    return Built(
        verhuring=table.reset_index(drop=True),
        warnings=problems.warnings,
        skipped=rows.skipped,
        blank_rows=rows.blank_rows,
        huur_kolom=problems.column("huur") if "huur" in mapping else None,
        notes=_notes(layout.headers, mapping),
    )


def _column(cells: pd.DataFrame, name: str) -> pd.Series:
    if name not in cells.columns:
        return pd.Series(None, index=cells.index, dtype=object)
    return cells[name]


def _when(cells: pd.DataFrame, problems: Collector) -> tuple[pd.Series, pd.Series]:
    """(the letting's date as datetime64, its year): the contract's start, else the
    toewijzing. A date that cannot be read, or no date at all, stops the import."""
    found = [name for name in _DATES if name in cells.columns]
    if not found:
        problems.file_problem(
            "geen kolom met de ingangsdatum van het huurcontract of de datum van toewijzing; "
            "kies de kolom bij 'Herkenning verbeteren'."
        )
    parsed = pd.Series(None, index=cells.index, dtype=object)
    unreadable = pd.Series(False, index=cells.index)
    for name in found:
        dates, bad = cell_values.dates(cells[name])
        problems.add(bad, cells[name], name, "onleesbare datum")
        parsed = parsed.where(parsed.notna(), dates)
        unreadable |= bad
    if found:
        problems.add(
            parsed.isna() & ~unreadable,
            None,
            found[0],
            "datum ontbreekt; de verhuring kan niet aan een jaar worden toegekend",
        )
    years = pd.Series(
        [d.year if pd.notna(d) else None for d in parsed], index=cells.index, dtype="Int64"
    )
    return cell_values.datetimes(parsed), years


def _routes(cells: pd.DataFrame, problems: Collector) -> tuple[pd.Series, pd.Series]:
    """(canonical route, the route as written); unknown or missing: overig, with a warning."""
    if "route" not in cells.columns:
        empty = pd.Series(None, index=cells.index, dtype=object)
        return empty, empty.copy()
    raw = cells["route"]
    canonical, blank = cell_values.per_value(raw, toewijzingen.route)
    problems.add(
        canonical.isna() & ~blank,
        raw,
        "route",
        "toewijzingsroute niet herkend; telt als 'overig' (herkend worden regulier, urgent, "
        "statushouder, bemiddeling en doorstroming)",
        WAARSCHUWING,
    )
    problems.add(
        blank, None, "route", "toewijzingsroute ontbreekt; telt als 'overig'", WAARSCHUWING
    )
    return canonical.fillna(toewijzingen.OVERIG), cell_values.texts(raw)


def _zoekduur(
    cells: pd.DataFrame, datum: pd.Series, units: dict[str, str], problems: Collector
) -> tuple[pd.Series, pd.Series]:
    """(months, what they count): a zoekduur column when the file has one, else the
    inschrijfduur, from its own column or from the registration date to the letting's date."""
    months = pd.Series(np.nan, index=cells.index)
    if "zoekduur" in cells.columns:
        soort = ZOEKDUUR
        months = _durations(cells, "zoekduur", units["zoekduur"], problems)
    elif "inschrijfduur" in cells.columns or "inschrijfdatum" in cells.columns:
        soort = INSCHRIJFDUUR
        if "inschrijfduur" in cells.columns:
            months = _durations(cells, "inschrijfduur", units["inschrijfduur"], problems)
        if "inschrijfdatum" in cells.columns:
            months = months.fillna(_months_since(cells, datum, months.isna(), problems))
    else:
        soort = None
    return months, pd.Series(soort, index=cells.index, dtype=object)


def _durations(cells: pd.DataFrame, name: str, unit: str, problems: Collector) -> pd.Series:
    raw = cells[name]
    parsed, blank = cell_values.per_value(raw, lambda v: toewijzingen.months(v, unit))
    problems.add(
        parsed.isna() & ~blank, raw, name, f"onleesbare {name}; telt als onbekend", WAARSCHUWING
    )
    return parsed.astype("float64")


def _months_since(
    cells: pd.DataFrame, datum: pd.Series, wanted: pd.Series, problems: Collector
) -> pd.Series:
    """Calendar months from the registration date to the letting's date, to one decimal."""
    raw = cells["inschrijfdatum"]
    dates, bad = cell_values.dates(raw)
    problems.add(
        bad & wanted,
        raw,
        "inschrijfdatum",
        "onleesbare inschrijfdatum; inschrijfduur onbekend",
        WAARSCHUWING,
    )
    start = pd.to_datetime(cell_values.datetimes(dates))
    end = pd.to_datetime(datum)
    months = (
        (end.dt.year - start.dt.year) * 12
        + (end.dt.month - start.dt.month)
        + (end.dt.day - start.dt.day) / toewijzingen.DAYS_PER_MONTH
    ).round(1)
    later = (months < 0) & wanted
    problems.add(
        later,
        raw,
        "inschrijfdatum",
        "inschrijfdatum ligt na de datum van de verhuring; inschrijfduur onbekend",
        WAARSCHUWING,
    )
    return months.where(months >= 0).astype("float64")


def _huishouden(cells: pd.DataFrame, problems: Collector) -> pd.Series:
    if "huishouden" not in cells.columns:
        return pd.Series(pd.NA, index=cells.index, dtype="Int64")
    raw = cells["huishouden"]
    sizes, blank = cell_values.per_value(raw, toewijzingen.huishoudgrootte)
    problems.add(
        sizes.isna() & ~blank,
        raw,
        "huishouden",
        "onleesbare huishoudgrootte; telt als onbekend",
        WAARSCHUWING,
    )
    return sizes.astype("Int64")


def _stray_years(years: pd.Series, cells: pd.DataFrame, problems: Collector) -> None:
    """A warning on each letting in a year the list hardly covers: the list counts for every
    year it has lettings in, and would replace that year of an older list."""
    counts = years.value_counts()
    if len(counts) < 2:
        return
    main, most = int(counts.idxmax()), int(counts.max())
    for year, count in counts.items():
        if count * _STRAY_YEAR <= most:
            problems.add(
                years == year,
                _column(cells, "datum" if "datum" in cells.columns else "datum_toewijzing"),
                "datum" if "datum" in cells.columns else "datum_toewijzing",
                f"verhuring in {year}, terwijl de lijst over {main} gaat ({count} tegen "
                f"{most}); zo vervangt deze lijst ook de verhuringen van {year} uit eerdere "
                "lijsten. Klopt de datum?",
                WAARSCHUWING,
            )


def _notes(headers: list[str], mapping: dict[str, int]) -> list[str]:
    """What was read from where, in Dutch, for the upload page."""

    def named(field: str) -> str:
        return column_name(headers, mapping[field])

    notes = []
    dates = [name for name in _DATES if name in mapping]
    if len(dates) == 2:
        notes.append(
            f"Datum van de verhuring uit kolom {named('datum')}; waar die leeg is de datum "
            f"van toewijzing uit kolom {named('datum_toewijzing')}."
        )
    if "huur" in mapping:
        text = f"Huur bij verhuring gelezen uit kolom {named('huur')}"
        if "rekenhuur" in mapping:
            text += f"; rekenhuur uit kolom {named('rekenhuur')}"
        notes.append(text + ".")
    else:
        notes.append("Het bestand heeft geen huurkolom: de huur bij verhuring is onbekend.")
    if "zoekduur" in mapping:
        unit = toewijzingen.unit_of(headers[mapping["zoekduur"]])
        notes.append(f"Zoekduur gelezen uit kolom {named('zoekduur')}, in {unit}.")
        unused = [f for f in ("inschrijfduur", "inschrijfdatum") if f in mapping]
        if unused:
            notes[-1] += " Niet gebruikt: " + ", ".join(named(f) for f in unused) + "."
    elif "inschrijfduur" in mapping:
        unit = toewijzingen.unit_of(headers[mapping["inschrijfduur"]])
        notes.append(f"Inschrijfduur gelezen uit kolom {named('inschrijfduur')}, in {unit}.")
    elif "inschrijfdatum" in mapping:
        notes.append(
            f"Inschrijfduur berekend van de inschrijfdatum (kolom {named('inschrijfdatum')}) "
            "tot de datum van de verhuring."
        )
    else:
        notes.append("Het bestand heeft geen zoekduur of inschrijfduur.")
    return notes
