"""The dVi WOZ-bezitstabel -> stock at 31 December and the year's production.

Stock: rows of onderdeel 2.1A with Eenheidssoort Woonruimte and Aantal ultimo verslagjaar > 0,
counted by Aantal ultimo. Production: Woonruimte rows whose Mutatie verslagjaar is Nieuwbouw
(counted by Aantal ultimo), Sloop or Verkoop aan toekomstige bewoners / aan overigen (counted by
Aantal primo). The gemeente comes from the BAG verblijfsobject-id (its first four digits are the
CBS code; Excel drops the leading zero, leaving 15 digits; several ids are joined by `|`), in
any gemeente of the country: one table covering many gemeenten lands in each of them. The code
of a merged gemeente gives the gemeente that holds it now (a BAG id keeps the code of the
gemeente that issued it); for a gemeente that was split the largest part is assumed, with a
warning. A row without a usable id takes the gemeente the user chose (or the file name's), with
a warning; a row whose code no gemeente has is not read, with a warning naming it, and counted.
The verslagjaar comes from the file name or the user's peildatum. See docs in
shared/reference/woz-bezitstabel.md.
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
    gemeente, codes, elsewhere = _gemeenten(cells, meta, in_stock | produced, problems)
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
        notes=_notes(cells, in_stock, produced, mutation, ultimo, outside, gemeente, peil)
        + _merged_note(codes[in_stock | produced]),
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


_KINDS = {str: 1, int: 2, float: 2}  # the cells gemeentecodes reads at once (bool is no int here)


def gemeentecodes(cells: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(:func:`gemeentecode` of every cell, mask of empty cells) of a column of BAG ids.

    The usual forms at C speed, for the millions of rows of a national table: text of 13 to 16
    digits (a CSV; fewer than 16 when Excel dropped leading zeros) and whole numbers (Excel); the
    others (ids joined by "|", E-notation) one distinct value at a time.
    """
    values = cells.to_numpy(dtype=object)
    codes = np.full(len(values), None, dtype=object)
    blank = np.zeros(len(values), dtype=bool)
    kinds = np.fromiter((_KINDS.get(type(v), 0) for v in values), dtype=np.int8, count=len(values))
    done = np.zeros(len(values), dtype=bool)
    text = np.flatnonzero(kinds == 1)
    if len(text):
        texts = pd.Series(values[text], dtype="string[pyarrow]")  # C-speed string kernels
        plain = texts.str.fullmatch("[0-9]{16}").to_numpy(dtype=bool, na_value=False)
        codes[text[plain]] = texts[plain].str.slice(0, 4).to_numpy(dtype=object)
        done[text[plain]] = True
        # 13 to 15 digits: Excel dropped the leading zeros; the object type (01, 02, 03) follows
        short = texts.str.fullmatch("[0-9]{13,15}").to_numpy(dtype=bool, na_value=False)
        if short.any():
            padded = texts[short].str.zfill(16)
            typed = padded.str.slice(4, 6).isin(["01", "02", "03"]).to_numpy(dtype=bool)
            codes[text[short][typed]] = padded[typed].str.slice(0, 4).to_numpy(dtype=object)
            done[text[short]] = True
    number = np.flatnonzero(kinds == 2)
    if len(number):
        codes[number], blank[number] = _number_codes(values[number])
        done[number] = True
    rest = np.flatnonzero(~done)
    if len(rest):
        found, empty = cell_values.per_value(pd.Series(values[rest], dtype=object), gemeentecode)
        codes[rest], blank[rest] = found.to_numpy(dtype=object), empty.to_numpy(dtype=bool)
    return pd.Series(codes, index=cells.index, dtype=object), pd.Series(blank, index=cells.index)


def _number_codes(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(code or None, NaN mask) of BAG ids that are numbers, as :func:`gemeentecode` reads them."""
    number = values.astype("float64")
    whole = np.isfinite(number) & (np.floor(number) == number)
    usable = whole & (number >= 1e12) & (number < 1e16)
    digits = np.where(usable, number, 0).astype("int64")
    kind = (digits // 10**10) % 100  # 01 verblijfsobject, 02 ligplaats, 03 standplaats
    usable &= (digits >= 10**15) | np.isin(kind, (1, 2, 3))
    codes = np.char.zfill((digits // 10**12).astype(str), 4).astype(object)
    return np.where(usable, codes, None), np.isnan(number)


def _gemeenten(cells, meta: Meta, needed: pd.Series, problems: Collector):
    """(gemeente per row, code per row, mask of rows whose code no gemeente has)."""
    raw = _column(cells, "bag_id")
    codes, blank = gemeentecodes(raw)
    names = partijen.gemeenten_from_codes(codes)
    elsewhere = codes.notna() & names.isna()
    problems.add(
        needed & elsewhere,
        raw,
        "bag_id",
        "de gemeentecode van dit BAG verblijfsobject-id (de eerste vier cijfers) is van geen "
        "gemeente; de rij is niet ingelezen",
        WAARSCHUWING,
    )
    _split(codes, needed, raw, problems)
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
    return names, codes, elsewhere


def _split(codes: pd.Series, needed: pd.Series, raw: pd.Series, problems: Collector) -> None:
    """A warning for each row whose BAG id is of a gemeente that was split over several."""
    for code in codes[needed].dropna().unique():
        gone = partijen.opgeheven_gemeente(code)
        if gone and gone.ook_naar:
            over = ", ".join((gone.opgegaan_in, *gone.ook_naar[:-1])) + f" en {gone.ook_naar[-1]}"
            problems.add(
                needed & (codes == code),
                raw,
                "bag_id",
                f"BAG verblijfsobject-id van de opgeheven gemeente {gone.gemeente} ({code}), die "
                f"in {gone.opgeheven.year} is verdeeld over {over}; gemeente "
                f"{gone.opgegaan_in} aangenomen",
                WAARSCHUWING,
            )


def _merged_note(codes: pd.Series) -> list[str]:
    """What was read from BAG ids of merged gemeenten, and where it went."""
    counts = codes.value_counts()
    merged = [(partijen.opgeheven_gemeente(c), c, n) for c, n in counts.items()]
    parts = sorted(f"{g.gemeente} ({c}) → {g.opgegaan_in} {n}" for g, c, n in merged if g)
    if not parts:
        return []
    total = sum(n for g, _, n in merged if g)
    return [
        f"{_rows(total)} met een BAG-id van een opgeheven gemeente, ingelezen bij de gemeente "
        f"van nu: {', '.join(parts)}."
    ]


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
    frame["verkooplabel"] = pd.Series(pd.NA, index=index, dtype="boolean")
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
            f"{_rows(int(outside.sum()))} woonruimte met een gemeentecode in het BAG-id die van "
            "geen gemeente is: niet ingelezen (zie de waarschuwingen)."
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
