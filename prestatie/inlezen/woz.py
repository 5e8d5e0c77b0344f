"""The dVi WOZ-bezitstabel -> stock at 31 December and the year's production.

Stock: rows of onderdeel 2.1A with Eenheidssoort Woonruimte and Aantal ultimo verslagjaar > 0,
counted by Aantal ultimo. Production: Woonruimte rows whose Mutatie verslagjaar is Nieuwbouw
(counted by Aantal ultimo), Sloop or Verkoop aan toekomstige bewoners / aan overigen (counted by
Aantal primo). The gemeente comes from the BAG verblijfsobject-id (its first four digits are the
CBS code; Excel drops the leading zero, leaving 15 digits; several ids are joined by `|`). A row
without a usable id takes the gemeente the user chose (or the file name's), with a warning; a
row in a gemeente outside Drenthe is left out and counted. The verslagjaar comes from the file
name or the user's peildatum. See docs in shared/reference/woz-bezitstabel.md.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from prestatie.inlezen import cell_values, column_names
from prestatie.inlezen.detect import Layout, Meta
from prestatie.inlezen.errors import WAARSCHUWING
from prestatie.inlezen.records import PRODUCTIE_COLUMNS, VHE_COLUMNS
from prestatie.inlezen.sheet_rows import Built, Collector, body
from prestatie.inlezen.voorraadlijst import label_classes, rents, vhe_ids, woningtype
from prestatie.referentie import partijen

# Mutatie verslagjaar (key of the value) -> production kind; other mutations are not counted.
MUTATIES = {
    "nieuwbouw": "nieuwbouw",
    "sloop": "sloop",
    "verkoopaantoekomstigebewoners": "verkoop",
    "verkoopaanoverigen": "verkoop",
}
_OTHER_MUTATIONS = {
    "samenvoeging",
    "aankoop",
    "splitsing",
    "vanvoorraad",
    "naarvoorraad",
    "geenmutatie",
}
_REQUIRED = ("onderdeel", "vhe_id", "aantal_ultimo", "eenheidssoort")


def build(file: str, layout: Layout, meta: Meta, peildatum: date | None = None):
    """Stock and production of a bezitstabel, as a :class:`Built`; raises ImportRefused."""
    columns = layout.mapping
    rows = body(layout, columns, key="vhe_id", unit="eenheid")
    cells = rows.cells
    problems = Collector(file, layout.sheet_name, layout.headers, columns)
    problems.formulas(rows)
    year = peildatum.year if peildatum else meta.jaar
    _check_file(columns, year, meta, problems)

    woonruimte = _keys(cells["eenheidssoort"]) == "woonruimte"
    ultimo = _count(cells, "aantal_ultimo", problems)
    primo = _count(cells, "aantal_primo", problems)
    in_stock = _keys(cells["onderdeel"]).str.startswith("21a") & woonruimte & (ultimo > 0)
    mutation = _mutations(cells, woonruimte, problems)
    produced = woonruimte & mutation.notna()
    gemeente, elsewhere = _gemeenten(cells, meta, in_stock | produced, problems)
    outside = (in_stock | produced) & elsewhere
    in_stock &= ~elsewhere
    produced &= ~elsewhere
    problems.raise_errors()

    peil = date(year, 12, 31)
    vhe = _stock(cells[in_stock.to_numpy()], gemeente, ultimo, meta, peil, problems)
    production = _production(cells[produced.to_numpy()], gemeente, mutation, primo, ultimo, meta)
    production["jaar"] = year
    problems.raise_errors()
    return Built(
        vhe=vhe,
        productie=production[list(PRODUCTIE_COLUMNS)],
        warnings=problems.warnings,
        skipped=rows.skipped,
        blank_rows=rows.blank_rows,
        huur_kolom=problems.column("huur") if "huur" in columns else None,
        notes=_notes(cells, in_stock, produced, mutation, ultimo, outside, gemeente, peil),
        jaar=year,
    )


def _check_file(columns: dict[str, int], year: int | None, meta: Meta, problems: Collector):
    for name in _REQUIRED:
        if name not in columns:
            problems.file_problem(f"de kolom {column_names.WOZ_LABELS[name]} ontbreekt.")
    if year is None:
        problems.file_problem(
            "geen verslagjaar: zet het jaar in de bestandsnaam "
            "(bijv. bezitstabel_2023.csv) of kies de peildatum bij het inlezen."
        )
    if not meta.corporatie:
        problems.file_problem("geen corporatie gevonden in de bestandsnaam; kies de corporatie.")
    problems.raise_errors()


def _mutations(cells: pd.DataFrame, woonruimte: pd.Series, problems: Collector) -> pd.Series:
    """The production kind of each row's Mutatie verslagjaar (None for other mutations)."""
    keys = _keys(_column(cells, "mutatie"))
    mutation = cell_values.per_value(keys.where(keys != "", None), _mutation)[0]
    unknown = mutation.isna() & keys.ne("") & ~keys.isin(_OTHER_MUTATIONS)
    problems.add(
        unknown & woonruimte,
        cells.get("mutatie"),
        "mutatie",
        "onbekende mutatie; telt niet mee als productie",
        WAARSCHUWING,
    )
    return mutation


def _mutation(key: str) -> str | None:
    return MUTATIES.get(key) or ("verkoop" if key.startswith("verkoop") else None)


def _column(cells: pd.DataFrame, name: str) -> pd.Series:
    if name in cells.columns:
        return cells[name]
    return pd.Series(None, index=cells.index, dtype=object)


def _keys(cells: pd.Series) -> pd.Series:
    """Each cell as a bare lowercase key ("2.1A" -> "21a", "Woonruimte" -> "woonruimte")."""
    return cell_values.per_value(cells, column_names.key)[0].fillna("")


def _count(cells: pd.DataFrame, name: str, problems: Collector) -> pd.Series:
    if name not in cells.columns:
        return pd.Series(1.0, index=cells.index)
    values, bad = cell_values.numbers(cells[name])
    problems.add(bad, cells[name], name, "onleesbaar aantal")
    return values


def gemeentecode(value: object) -> str | None:
    """The CBS gemeentecode (4 digits) in a BAG verblijfsobject-id, None when unusable.

    Copes with what Excel does to the id: a number (1.14010000123456e+14) or text that lost
    its leading zeros (15 digits for Emmen's 0114; 14 for Groningen's 0014), and several ids
    joined by "|" (the first one counts). A shortened id must still show the object type
    (01 verblijfsobject, 02 ligplaats, 03 standplaats) after the restored code.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        digits = str(int(value)) if value.is_integer() and value > 0 else ""
    elif isinstance(value, int):
        digits = str(value)
    else:
        first = str(value).split("|", 1)[0].strip()
        if not first.isdigit():
            number = (
                cell_values.decimal_number(first.replace("E", "e"))
                if "e" in first.lower()
                else None
            )
            first = str(int(number)) if number and number.is_integer() else ""
        digits = first
    if not 13 <= len(digits) <= 16 or not digits.isascii():
        return None
    if len(digits) < 16:
        digits = digits.zfill(16)
        if digits[4:6] not in ("01", "02", "03"):
            return None
    return digits[:4]


def _gemeenten(cells, meta: Meta, needed: pd.Series, problems: Collector):
    """(gemeente per row, mask of rows in a gemeente outside Drenthe)."""
    raw = _column(cells, "bag_id")
    codes, blank = cell_values.per_value(raw, gemeentecode)
    names = cell_values.per_value(codes, partijen.gemeente_from_code)[0]
    elsewhere = codes.notna() & names.isna()
    usable = codes.notna()
    fallback = meta.gemeente
    problem_rows = needed & ~usable & ~elsewhere
    if fallback:
        names = names.where(usable, fallback)
        problems.add(
            problem_rows & blank,
            None,
            "bag_id",
            f"geen BAG verblijfsobject-id; gemeente {fallback} aangenomen",
            WAARSCHUWING,
        )
        problems.add(
            problem_rows & ~blank,
            raw,
            "bag_id",
            f"onleesbaar BAG verblijfsobject-id; gemeente {fallback} aangenomen",
            WAARSCHUWING,
        )
    else:
        problems.add(
            problem_rows,
            raw,
            "bag_id",
            "geen bruikbaar BAG verblijfsobject-id, dus geen gemeente; kies de gemeente bij "
            "het inlezen",
        )
    return names, elsewhere


def _stock(cells, gemeente, ultimo, meta: Meta, peildatum: date, problems: Collector):
    index = cells.index
    frame = pd.DataFrame(index=index)
    frame["bron_rij"] = index.to_numpy(dtype="int64")
    frame["corporatie"] = meta.corporatie
    frame["gemeente"] = gemeente[index]
    frame["peildatum"] = pd.Series(np.datetime64(peildatum, "s"), index=index)
    frame["vhe_id"] = vhe_ids(cells, problems, frame["peildatum"])
    number = [
        cell_values.texts(_column(cells, name)).fillna("")
        for name in ("huisnummer", "huisletter", "toevoeging")
    ]
    adres = (number[0] + number[1] + np.where(number[2] != "", "-", "") + number[2]).str.strip()
    frame["adres"] = adres.where(adres != "", None)
    frame["postcode"] = cell_values.texts(_column(cells, "postcode"))
    frame["kern"] = None
    frame["huur_cent"] = rents(cells, problems)
    frame["rekenhuur_cent"] = pd.Series(pd.NA, index=frame.index, dtype="Int64")
    frame["label"], frame["label_bron"] = label_classes(_column(cells, "label"), problems)
    frame["energie_index"] = np.nan
    frame["woningtype"] = cell_values.per_value(_column(cells, "woonruimte"), woningtype)[0]
    frame["levensloopgeschikt"] = pd.Series(pd.NA, index=index, dtype="boolean")
    frame["bouwjaar"] = cell_values.years(_column(cells, "bouwjaar"))[0]
    frame["aantal"] = ultimo[index].astype("float64")
    return frame[list(VHE_COLUMNS)].reset_index(drop=True)


def _production(cells, gemeente, mutation, primo, ultimo, meta: Meta) -> pd.DataFrame:
    index = cells.index
    soort = mutation[index]
    counts = ultimo[index].where(soort == "nieuwbouw", primo[index]).fillna(1).round()
    frame = pd.DataFrame(index=index)
    frame["bron_rij"] = index.to_numpy(dtype="int64")
    frame["corporatie"] = meta.corporatie
    frame["gemeente"] = gemeente[index]
    frame["kern"] = None
    frame["project"] = cell_values.texts(_column(cells, "mutatie"))
    frame["soort"] = soort
    frame["jaar"] = 0
    frame["datum"] = pd.Series(pd.NaT, index=index, dtype="datetime64[s]")
    frame["aantal"] = counts.astype("int64")
    frame["vhe_id"] = cell_values.texts(_column(cells, "vhe_id"))
    return frame.reset_index(drop=True)


def _notes(cells, in_stock, produced, mutation, ultimo, outside, gemeente, peil) -> list[str]:
    stock = int(in_stock.sum())
    units = f"{float(ultimo[in_stock].sum()):g}".replace(".", ",")
    where = ", ".join(sorted(gemeente[in_stock].dropna().unique()))
    notes = [
        f"Voorraad op {peil:%d-%m-%Y}: {_rows(stock)} woonruimte in exploitatie (2.1A, aantal "
        f"ultimo > 0), samen {units} vhe" + (f" in {where}." if stock else ".")
    ]
    if produced.any():
        counts = mutation[produced].value_counts()
        kinds = ", ".join(f"{k} {counts.get(k, 0)}" for k in ("nieuwbouw", "sloop", "verkoop"))
        notes.append(f"Productie in het verslagjaar (rijen): {kinds}.")
    if outside.any():
        notes.append(
            f"{_rows(int(outside.sum()))} woonruimte in een gemeente buiten Drenthe (volgens "
            "het BAG-id): niet ingelezen."
        )
    rest = len(cells) - int((in_stock | produced | outside).sum())
    if rest:
        notes.append(
            f"{_rows(rest)} zonder betekenis voor de monitor: geen woonruimte, niet in "
            "exploitatie (2.1B-D), niet meer in bezit op 31 december of een mutatie die geen "
            "productie is."
        )
    return notes


def _rows(count: int) -> str:
    return f"{count} rij" if count == 1 else f"{count} rijen"
