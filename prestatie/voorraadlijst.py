"""A stock list (one row per vhe with rent and label) -> the validated vhe table.

Errors stop the import: a missing or duplicate vhe number, an unreadable rent, no peildatum.
Warnings are counted and the row is imported: an unknown label (counted as onbekend), a rent of
0, a rent above € 3.000, a missing rent (never counted as below a limit), a label derived from
the energy index.
"""

from __future__ import annotations

import pandas as pd

from prestatie import labels, partijen, waarden
from prestatie.detect import Layout, Meta
from prestatie.errors import WAARSCHUWING, Problem
from prestatie.rijen import Body, Collector, body, parties
from prestatie.store import VHE_COLUMNS

HIGH_RENT_CENTS = 300_000


def build(file: str, layout: Layout, meta: Meta, mapping: dict[str, int] | None = None):
    """(vhe table, warnings, skipped rows); raises ImportRefused on errors."""
    mapping = mapping or layout.mapping
    rows: Body = body(layout, mapping)
    cells = rows.cells
    problems = Collector(file, layout.sheet_name, layout.headers, mapping)
    out = parties(cells, meta, problems)
    out["bron_rij"] = cells.index.astype("int64")
    out["peildatum"] = _peildatum(cells, meta, problems)
    out["vhe_id"] = _vhe_ids(cells, problems)
    out["huur_cent"] = _rents(cells, problems)
    out["label"], out["label_bron"], out["energie_index"] = _labels(cells, problems)
    out["kern"] = _kern(cells, out["gemeente"])
    out["adres"] = _adres(cells)
    out["postcode"] = _text(cells, "postcode")
    out["woningtype"] = _text(cells, "woningtype").map(woningtype)
    out["levensloopgeschikt"] = _flag(cells, "levensloopgeschikt", problems)
    out["bouwjaar"] = (
        _text(cells, "bouwjaar").map(lambda v: waarden.to_year(v) if v else None).astype("Int64")
    )
    out["aantal"] = 1.0
    problems.raise_errors()
    return out[list(VHE_COLUMNS)].reset_index(drop=True), problems.warnings, rows.skipped


def _text(cells: pd.DataFrame, name: str) -> pd.Series:
    if name not in cells.columns:
        return pd.Series(None, index=cells.index, dtype=object)
    return cells[name].map(waarden.text)


def _peildatum(cells: pd.DataFrame, meta: Meta, problems: Collector) -> pd.Series:
    if "peildatum" in cells.columns and cells["peildatum"].notna().any():
        parsed, bad = waarden.dates(cells["peildatum"])
        problems.add(bad, cells["peildatum"], "peildatum", "onleesbare datum")
        if meta.peildatum:
            parsed = parsed.map(lambda d: d or meta.peildatum)
    else:
        parsed = pd.Series(meta.peildatum, index=cells.index, dtype=object)
    if len(parsed) and parsed.isna().all():
        problems.file_problem(
            "geen peildatum gevonden (geen kolom Peildatum, geen 'Peildatum: "
            "…' in de titelregels of de bestandsnaam); kies de peildatum."
        )
    return parsed


def _vhe_ids(cells: pd.DataFrame, problems: Collector) -> pd.Series:
    ids = _text(cells, "vhe_id")
    problems.add(
        ids.isna(),
        None,
        "vhe_id",
        "eenheidnummer ontbreekt; elke woning heeft een eigen nummer nodig",
    )
    duplicate = ids.notna() & ids.duplicated(keep=False)
    if duplicate.any():
        first = ids[duplicate].groupby(ids[duplicate]).transform(lambda s: s.index[0])
        for row in list(first.index)[:25]:
            if first[row] != row:
                problems.problems.append(_duplicate(problems, row, ids[row], int(first[row])))
    return ids


def _duplicate(problems: Collector, row: int, vhe: str, first: int) -> Problem:
    return Problem(
        problems.file,
        f"eenheidnummer komt dubbel voor (ook in rij {first}); een "
        "woning mag maar één keer meetellen",
        problems.sheet,
        int(row),
        problems.column("vhe_id"),
        vhe,
    )


def _rents(cells: pd.DataFrame, problems: Collector) -> pd.Series:
    if "huur" not in cells.columns:
        return pd.Series(pd.NA, index=cells.index, dtype="Int64")
    cents, bad = waarden.amounts_to_cents(cells["huur"])
    problems.add(bad, cells["huur"], "huur", "onleesbaar huurbedrag")
    problems.add(
        cents.isna() & ~bad,
        None,
        "huur",
        "huur ontbreekt; deze woning telt niet mee als 'onder de grens'",
        WAARSCHUWING,
    )
    problems.add(
        (cents == 0).fillna(False), cells["huur"], "huur", "huur is 0; klopt dat?", WAARSCHUWING
    )
    problems.add(
        (cents > HIGH_RENT_CENTS).fillna(False),
        cells["huur"],
        "huur",
        "huur boven € 3.000 per maand; mogelijk een typefout",
        WAARSCHUWING,
    )
    return cents


def _labels(cells: pd.DataFrame, problems: Collector):
    raw = _text(cells, "label")
    canonical = raw.map(lambda v: labels.normalize(v) if v is not None else labels.ONBEKEND)
    unknown = canonical.isna()
    problems.add(unknown, raw, "label", "onbekend energielabel; telt als 'onbekend'", WAARSCHUWING)
    canonical = canonical.fillna(labels.ONBEKEND)
    index = pd.Series(None, index=cells.index, dtype="float64")
    if "energie_index" in cells.columns:
        index = (
            cells["energie_index"]
            .map(lambda v: None if waarden.is_empty(v) else waarden.decimal_number(v))
            .astype("float64")
        )
        derive = (canonical == labels.ONBEKEND) & index.notna()
        if derive.any():
            canonical[derive] = index[derive].map(labels.van_energie_index)
            problems.add(
                derive,
                cells["energie_index"],
                "energie_index",
                "label ontbreekt; afgeleid uit de energie-index (methode 2015-2020)",
                WAARSCHUWING,
            )
    return canonical, raw, index


def _kern(cells: pd.DataFrame, gemeenten: pd.Series) -> pd.Series:
    raw = _text(cells, "kern")
    return pd.Series(
        [partijen.kern(k, g) or k if k else None for k, g in zip(raw, gemeenten, strict=True)],
        index=cells.index,
        dtype=object,
    )


def _adres(cells: pd.DataFrame) -> pd.Series:
    adres = _text(cells, "adres")
    number = _text(cells, "huisnummer")
    return pd.Series(
        [
            " ".join(p for p in (a, n) if isinstance(p, str)) or None
            for a, n in zip(adres, number, strict=True)
        ],
        index=cells.index,
        dtype=object,
    )


def _flag(cells: pd.DataFrame, name: str, problems: Collector) -> pd.Series:
    if name not in cells.columns:
        return pd.Series(pd.NA, index=cells.index, dtype="boolean")
    parsed = cells[name].map(lambda v: None if waarden.is_empty(v) else waarden.to_bool(v))
    problems.add(
        parsed.isna() & ~cells[name].map(waarden.is_empty), cells[name], name, "verwacht ja of nee"
    )
    return parsed.astype("boolean")


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
