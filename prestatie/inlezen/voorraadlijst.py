"""A stock list (one row per vhe with rent and label) -> the validated vhe table.

Errors stop the import: a missing or duplicate vhe number, an unreadable or negative rent, no
peildatum. Warnings are counted and the row is imported: an unknown label (counted as
onbekend), a rent of 0, a rent above € 3.000, a missing rent (never counted as below a limit),
a label derived from the energy index or EP2, an unreadable bouwjaar or yes/no.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from prestatie.inlezen import cell_values, column_names
from prestatie.inlezen.detect import Layout, Meta
from prestatie.inlezen.errors import WAARSCHUWING, Problem
from prestatie.inlezen.records import VHE_COLUMNS
from prestatie.inlezen.sheet_rows import (
    MAX_LISTED,
    Body,
    Built,
    Collector,
    body,
    column_name,
    frame,
    kernen,
    parties,
)
from prestatie.referentie import labels

HIGH_RENT_CENTS = 300_000
_EI_RANGE = (0.0, 10.0)  # an energy index outside this is not one
_EP2_RANGE = (0.0, 2000.0)
_MARKS = frozenset({"x", "v", "✓", "✔"})  # a column that marks only the yes-cells


def build(file: str, layout: Layout, meta: Meta, mapping: dict[str, int] | None = None):
    """The vhe table of a stock list, as a :class:`Built`; raises ImportRefused on errors."""
    mapping = mapping or layout.mapping
    second = column_names.rekenhuur_position(layout.headers, mapping.get("huur"))
    if second is not None:
        mapping = {**mapping, "rekenhuur": second}
    rows: Body = body(layout, mapping, key="vhe_id", unit="vhe")
    cells = rows.cells
    problems = Collector(file, layout.sheet_name, layout.headers, mapping)
    problems.formulas(rows)
    out = dict(parties(cells, meta, problems))
    out["bron_rij"] = pd.Series(cells.index.to_numpy(dtype="int64"), index=cells.index)
    out["peildatum"] = _peildatum(cells, meta, problems)
    out["vhe_id"] = vhe_ids(cells, problems, out["peildatum"])
    out["huur_cent"] = rents(cells, problems)
    out["rekenhuur_cent"] = rekenhuren(cells, problems)
    out["label"], out["label_bron"], out["energie_index"] = _labels(cells, problems)
    out["kern"] = kernen(_column(cells, "kern"), out["gemeente"])
    out["adres"] = adressen(cells)
    out["postcode"] = cell_values.texts(_column(cells, "postcode"))
    out["woningtype"] = cell_values.per_value(_column(cells, "woningtype"), woningtype)[0]
    out["levensloopgeschikt"] = yes_no(cells, "levensloopgeschikt", problems)
    out["bouwjaar"] = _bouwjaar(cells, problems)
    out["verkooplabel"] = yes_no(cells, "verkooplabel", problems)
    out["aantal"] = pd.Series(1.0, index=cells.index)
    problems.raise_errors()
    return Built(
        vhe=frame({name: out[name] for name in VHE_COLUMNS}, cells.index).reset_index(drop=True),
        warnings=problems.warnings,
        skipped=rows.skipped,
        blank_rows=rows.blank_rows,
        huur_kolom=problems.column("huur") if "huur" in mapping else None,
        notes=_rent_note(layout, mapping),
    )


def _column(cells: pd.DataFrame, name: str) -> pd.Series:
    if name not in cells.columns:
        return pd.Series(None, index=cells.index, dtype=object)
    return cells[name]


def _peildatum(cells: pd.DataFrame, meta: Meta, problems: Collector) -> pd.Series:
    if "peildatum" in cells.columns and cells["peildatum"].notna().any():
        parsed, bad = cell_values.dates(cells["peildatum"])
        problems.add(bad, cells["peildatum"], "peildatum", "onleesbare datum")
        if meta.peildatum:
            parsed = parsed.where(parsed.notna(), meta.peildatum)
    else:  # the file's one peildatum, on every row
        parsed = None
    unknown = meta.peildatum is None if parsed is None else parsed.isna().all()
    if len(cells) and unknown:
        problems.file_problem(
            "geen peildatum gevonden (geen kolom Peildatum, geen 'Peildatum: "
            "…' in de titelregels of de bestandsnaam); kies de peildatum."
        )
    if parsed is None:
        stamp = np.datetime64(meta.peildatum, "s") if meta.peildatum else np.datetime64("NaT", "s")
        return pd.Series(np.full(len(cells), stamp), index=cells.index)
    return cell_values.datetimes(parsed)


def vhe_ids(cells: pd.DataFrame, problems: Collector, peildata: pd.Series) -> pd.Series:
    """The vhe numbers as text; a missing or repeated number stops the import."""
    raw = _column(cells, "vhe_id")
    ids = cell_values.texts(raw)
    missing = ids.isna()
    problems.add(
        missing, None, "vhe_id", "eenheidnummer ontbreekt; elke woning heeft een eigen nummer nodig"
    )
    one_date = peildata.nunique(dropna=False) <= 1
    # numbers read as numbers are compared as numbers: cheaper than their text, and the same
    same = pd.Series(cell_values.numbers(raw)[0]) if cell_values.kind(raw) == "floating" else ids
    keyed = same if one_date else pd.DataFrame({"peildatum": peildata, "vhe": same})
    repeated = ~missing & keyed.duplicated(keep="first")
    if repeated.any():
        groups = [ids] if one_date else [peildata, ids]
        rows = pd.Series(ids.index, index=ids.index)
        first = rows.groupby(groups, dropna=False).transform("first")
        for row in repeated.index[repeated.to_numpy()][:MAX_LISTED]:
            problems.problems.append(_duplicate(problems, int(row), ids[row], int(first[row])))
        if repeated.sum() > MAX_LISTED:
            problems.file_problem(
                f"nog {repeated.sum() - MAX_LISTED} eenheidnummers die dubbel voorkomen"
            )
    return ids


def _duplicate(problems: Collector, row: int, vhe: str, first: int) -> Problem:
    return Problem(
        problems.file,
        f"eenheidnummer komt dubbel voor: in rij {first} en in rij {row}; een "
        "woning mag maar één keer meetellen",
        problems.sheet,
        row,
        problems.column("vhe_id"),
        vhe,
    )


def rekenhuren(cells: pd.DataFrame, problems: Collector) -> pd.Series:
    """The second rent where the file has one; an unreadable cell is a warning only."""
    if "rekenhuur" not in cells.columns:
        return pd.Series(pd.NA, index=cells.index, dtype="Int64")
    cents, bad = cell_values.amounts_to_cents(cells["rekenhuur"])
    problems.add(
        bad,
        cells["rekenhuur"],
        "rekenhuur",
        "onleesbare rekenhuur; voor deze woning geldt dan de kale huur",
        WAARSCHUWING,
    )
    return cents


def rents(cells: pd.DataFrame, problems: Collector) -> pd.Series:
    """Rent per month in whole cents, with the rent warnings; unreadable or negative: error."""
    if "huur" not in cells.columns:
        return pd.Series(pd.NA, index=cells.index, dtype="Int64")
    raw = cells["huur"]
    cents, bad = cell_values.amounts_to_cents(raw)
    problems.add(bad, raw, "huur", "onleesbaar huurbedrag")
    problems.add((cents < 0).fillna(False), raw, "huur", "negatieve huur")
    problems.add(
        cents.isna() & ~bad,
        None,
        "huur",
        "huur ontbreekt; deze woning telt niet mee als 'onder de grens'",
        WAARSCHUWING,
    )
    problems.add((cents == 0).fillna(False), raw, "huur", "huur is 0; klopt dat?", WAARSCHUWING)
    problems.add(
        (cents > HIGH_RENT_CENTS).fillna(False),
        raw,
        "huur",
        "huur boven € 3.000 per maand; mogelijk een typefout",
        WAARSCHUWING,
    )
    return cents


def label_classes(raw: pd.Series, problems: Collector) -> tuple[pd.Series, pd.Series]:
    """(canonical class, the label as written) of every cell; an unknown label is a warning
    and counts as onbekend."""
    column = cell_values.Distinct(raw)
    canonical = pd.Series(column.parse(labels.normalize), index=raw.index, dtype=object)
    unknown = canonical.isna() & ~column.empty()
    problems.add(unknown, raw, "label", "onbekend energielabel; telt als 'onbekend'", WAARSCHUWING)
    written = pd.Series(column.parse(cell_values.text), index=raw.index, dtype=object)
    return canonical.fillna(labels.ONBEKEND), written


def _labels(cells: pd.DataFrame, problems: Collector):
    raw = _column(cells, "label")
    canonical, source = label_classes(raw, problems)
    index = pd.Series(np.nan, index=cells.index)
    for name, derive, (low, high), method in (
        ("ep2", labels.van_ep2, _EP2_RANGE, "EP2, NTA 8800"),
        ("energie_index", labels.van_energie_index, _EI_RANGE, "energie-index, methode 2015-2020"),
    ):
        if name not in cells.columns:
            continue
        values, bad = cell_values.numbers(cells[name])
        if name == "energie_index":
            index = values
        usable = values.notna() & (values > low) & (values < high)
        problems.add(
            bad | (values.notna() & ~usable),
            cells[name],
            name,
            f"onleesbare {'EP2' if name == 'ep2' else 'energie-index'}; niet gebruikt",
            WAARSCHUWING,
        )
        todo = (canonical == labels.ONBEKEND) & usable
        if todo.any():
            derived, _ = cell_values.per_value(values[todo], derive)
            canonical[todo] = derived
            source[todo] = [f"{method}: {v:g}" for v in values[todo]]
            problems.add(
                todo,
                cells[name],
                name,
                f"label ontbreekt; afgeleid uit de {method}",
                WAARSCHUWING,
            )
    return canonical, source, index


def adressen(cells: pd.DataFrame) -> pd.Series:
    adres = cell_values.texts(_column(cells, "adres"))
    number = cell_values.texts(_column(cells, "huisnummer"))
    if number.isna().all():
        return adres
    both = adres.notna() & number.notna()
    out = adres.where(adres.notna(), number)
    out[both] = adres[both] + " " + number[both]
    return out


def yes_no(cells: pd.Series, name: str, problems: Collector) -> pd.Series:
    """Yes/no; in a column that only marks the yes-cells (`x`), an empty cell means no."""
    if name not in cells.columns:
        return pd.Series(pd.NA, index=cells.index, dtype="boolean")
    parsed, bad = cell_values.bools(cells[name], marks=_MARKS)
    problems.add(bad, cells[name], name, "verwacht ja of nee; telt als onbekend", WAARSCHUWING)
    return parsed


def _bouwjaar(cells: pd.DataFrame, problems: Collector) -> pd.Series:
    if "bouwjaar" not in cells.columns:
        return pd.Series(pd.NA, index=cells.index, dtype="Int64")
    parsed, bad = cell_values.years(cells["bouwjaar"])
    problems.add(bad, cells["bouwjaar"], "bouwjaar", "onleesbaar bouwjaar", WAARSCHUWING)
    return parsed


def _rent_note(layout: Layout, mapping: dict[str, int]) -> list[str]:
    if "huur" not in mapping:
        return [
            "Het bestand heeft geen huurkolom: de betaalbaarheid is voor deze woningen onbekend."
        ]
    others = [p for p in column_names.positions(layout.headers, column_names.VOORRAAD, "huur")]
    others = [p for p in others if p not in (mapping["huur"], mapping.get("rekenhuur"))]
    used = column_name(layout.headers, mapping["huur"])
    text = f"Huur gelezen uit kolom {used}"
    if "rekenhuur" in mapping:
        second = column_name(layout.headers, mapping["rekenhuur"])
        text += f"; rekenhuur uit kolom {second} (te kiezen op de pagina Betaalbaarheid)"
    if others:
        text += "; niet gebruikt: " + ", ".join(column_name(layout.headers, p) for p in others)
    return [text + "."]


def woningtype(value: object) -> str | None:
    """EGW (eengezinswoning), MGW (meergezinswoning) or the text as written."""
    if not value:
        return None
    text = str(value).lower()
    if "egw" in text or "eengezin" in text or "grondgebonden" in text:
        return "EGW"
    if any(w in text for w in ("mgw", "meergezin", "appartement", "flat", "etage", "portiek")):
        return "MGW"
    return str(value).strip()
