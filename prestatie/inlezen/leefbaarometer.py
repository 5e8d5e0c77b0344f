"""A Leefbaarometer download (scores per wijk or buurt) -> the validated leefbaarheid table.

The Leefbaarometer 3.x of the ministerie van BZK publishes per area and year the score (``lbm``)
and its class (``kscore``: 1 zeer onvoldoende .. 9 uitstekend, see
:mod:`prestatie.referentie.leefbaarheid`), with the area's CBS code (``bu_code`` BU01140101 or
``wk_code`` WK011401). Two layouts are read: *long*, one row per area and year (a column
``jaar``), and *wide*, one row per area with a column per year (``2018``, ``kscore 2020``,
``lbm 2022``). A bare year column holds classes when every value is a whole 1 to 9 or a class
name, else scores. The gemeente is the four digits after WK or BU; a buurt's wijk is its first
six digits.

Errors stop the import: a code that is no wijk or buurt code, a gemeentecode no gemeente has, an
unreadable year, class or score, the same area and year twice. Left out and said so: a row
without score and class (the Leefbaarometer gives none for areas with few homes) and rows of a
whole gemeente (GM0114: not a wijk or buurt). In a wide file an empty cell is no measurement.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from prestatie.inlezen import cell_values, column_names
from prestatie.inlezen.detect import Layout, Meta
from prestatie.inlezen.records import LEEFBAARHEID_COLUMNS
from prestatie.inlezen.sheet_rows import Built, Collector, body, column_name
from prestatie.referentie import leefbaarheid, partijen

WIJK, BUURT = "wijk", "buurt"
_CODE = re.compile(r"^(WK|BU)(\d{4})(\d{2})(\d{2})?$")
_GEMEENTE_CODE = re.compile(r"^GM\d{4}$")
NO_FIGURE = (
    "geen score en geen klasse (de Leefbaarometer geeft die niet voor gebieden met weinig woningen)"
)
CODE_HINT = "verwacht een CBS-code van een wijk (WK011401) of buurt (BU01140101)"


def build(file: str, layout: Layout, meta: Meta, mapping: dict[str, int] | None = None):
    """The leefbaarheid table of a Leefbaarometer file, as a :class:`Built`; raises
    ImportRefused."""
    mapping = dict(mapping or layout.mapping)
    wide = {
        p: w
        for p, w in column_names.year_columns(layout.headers).items()
        if p != mapping.get("code")
    }
    if wide:  # "lbm 2020" reads as the field score too: in a wide file such columns are years
        mapping = {f: p for f, p in mapping.items() if p not in wide}
    fields = {**mapping, **{f"_jaar{p}": p for p in wide}}
    rows = body(layout, fields, key="code", unit="wijk of buurt")
    cells = rows.cells
    problems = Collector(file, layout.sheet_name, layout.headers, fields)
    problems.formulas(rows)
    if "code" not in cells.columns:
        problems.file_problem(f"geen kolom met de CBS-code (bu_code of wk_code); {CODE_HINT}.")
        problems.raise_errors()
    codes = cell_values.texts(cells["code"]).str.upper().str.replace(r"\s", "", regex=True)
    whole_gemeente = codes.fillna("").str.match(_GEMEENTE_CODE.pattern)
    skipped = list(rows.skipped)
    skipped += [(int(r), "score van de hele gemeente, geen wijk of buurt") for r in
                cells.index[whole_gemeente.to_numpy()]]  # fmt: skip
    cells, codes = cells[~whole_gemeente], codes[~whole_gemeente]
    areas = _areas(codes, cells, problems)
    names = cell_values.texts(cells["naam"]) if "naam" in cells.columns else None
    if wide:
        table = _wide(cells, layout.headers, wide, problems)
    else:
        table = _long(cells, layout.headers, mapping, problems)
    problems.raise_errors()
    empty = table["score"].isna() & table["klasse"].isna()
    if not wide:
        skipped += [(int(r), NO_FIGURE) for r in table.loc[empty, "bron_rij"]]
    table = table[~empty]
    table = table.join(areas, on="bron_rij")
    table["naam"] = None if names is None else table["bron_rij"].map(names)
    _duplicates(table, cells, problems)
    problems.raise_errors()
    return Built(
        leefbaarheid=table[list(LEEFBAARHEID_COLUMNS)].reset_index(drop=True),
        warnings=problems.warnings,
        skipped=sorted(skipped),
        blank_rows=rows.blank_rows,
        notes=_notes(layout.headers, mapping, wide, table),
    )


def _areas(codes: pd.Series, cells: pd.DataFrame, problems: Collector) -> pd.DataFrame:
    """Per row (Excel row number) its gemeente, niveau, code and wijk_code; bad codes are
    errors."""
    parts = codes.fillna("").str.extract(_CODE.pattern)
    bad = parts[0].isna()
    problems.add(
        bad & codes.notna(), cells["code"], "code", f"geen wijk- of buurtcode; {CODE_HINT}"
    )
    problems.add(codes.isna(), None, "code", f"CBS-code ontbreekt; {CODE_HINT}")
    gemeenten = partijen.gemeenten_from_codes(parts[1].where(~bad))
    problems.add(
        ~bad & gemeenten.isna(),
        cells["code"],
        "code",
        "de gemeentecode in deze CBS-code (de vier cijfers na WK of BU) hoort bij geen gemeente",
    )
    niveau = parts[0].map({"WK": WIJK, "BU": BUURT})
    wijk = ("WK" + parts[1] + parts[2]).where(~bad)
    return pd.DataFrame(
        {"gemeente": gemeenten, "niveau": niveau, "code": codes, "wijk_code": wijk},
        index=cells.index,
    )


def _long(cells, headers, mapping, problems: Collector) -> pd.DataFrame:
    if "jaar" not in cells.columns:
        problems.file_problem(
            "geen kolom jaar en geen kolommen per jaar (2020, kscore 2022); kies de kolom bij "
            "'Herkenning verbeteren'."
        )
        return _frame(cells.index, None, None, None, None)
    if not {"score", "klasse"} & set(cells.columns):
        problems.file_problem("geen kolom met de score (lbm) of de klasse (kscore).")
        return _frame(cells.index, None, None, None, None)
    years, bad = cell_values.years(cells["jaar"])
    problems.add(bad, cells["jaar"], "jaar", "onleesbaar jaar")
    problems.add(years.isna() & ~bad, None, "jaar", "jaar ontbreekt")
    score = _scores(cells, "score", problems)
    klasse = _classes(cells, "klasse", problems)
    source = problems.column("klasse" if "klasse" in cells.columns else "score")
    return _frame(cells.index, source, years, score, klasse)


def _wide(cells, headers, wide, problems: Collector) -> pd.DataFrame:
    parts = []
    per_year: dict[int, dict[str, int]] = {}
    for position, (year, what) in wide.items():
        name = f"_jaar{position}"
        if what is None:
            what = "klasse" if _all_classes(cells[name]) else "score"
        if what in per_year.setdefault(year, {}):
            problems.file_problem(
                f"twee kolommen met de {what} van {year}: "
                f"{column_name(headers, per_year[year][what])} en {column_name(headers, position)}"
            )
        per_year[year][what] = position
    for year, columns in sorted(per_year.items()):
        score = klasse = None
        if "score" in columns:
            score = _scores(cells, f"_jaar{columns['score']}", problems)
        if "klasse" in columns:
            klasse = _classes(cells, f"_jaar{columns['klasse']}", problems)
        source = column_name(headers, columns.get("klasse", columns.get("score")))
        years = pd.Series(year, index=cells.index, dtype="Int64")
        parts.append(_frame(cells.index, source, years, score, klasse))
    return pd.concat(parts) if parts else _frame(cells.index, None, None, None, None)


def _frame(index, source, years, score, klasse) -> pd.DataFrame:
    nothing = pd.Series(np.nan, index=index)
    return pd.DataFrame(
        {
            "bron_rij": index.to_numpy(dtype="int64"),
            "bron_kolom": source,
            "jaar": years if years is not None else pd.Series(pd.NA, index=index, dtype="Int64"),
            "score": nothing if score is None else score,
            "klasse": pd.Series(pd.NA, index=index, dtype="Int64") if klasse is None else klasse,
        },
        index=index,
    )


def _all_classes(raw: pd.Series) -> bool:
    parsed, blank = cell_values.per_value(raw, leefbaarheid.klasse)
    return bool((parsed.notna() | blank).all())


def _scores(cells: pd.DataFrame, name: str, problems: Collector) -> pd.Series:
    if name not in cells.columns:
        return pd.Series(np.nan, index=cells.index)
    values, bad = cell_values.numbers(cells[name])
    problems.add(bad, cells[name], name, "onleesbare score; verwacht een getal (4,12)")
    return values


def _classes(cells: pd.DataFrame, name: str, problems: Collector) -> pd.Series:
    if name not in cells.columns:
        return pd.Series(pd.NA, index=cells.index, dtype="Int64")
    parsed, blank = cell_values.per_value(cells[name], leefbaarheid.klasse)
    names = ", ".join(leefbaarheid.naam(k) for k in leefbaarheid.KLASSEN)
    problems.add(
        parsed.isna() & ~blank,
        cells[name],
        name,
        f"onleesbare klasse; verwacht 1 tot en met 9 of de naam ({names})",
    )
    return parsed.astype("Int64")


def _duplicates(table: pd.DataFrame, cells: pd.DataFrame, problems: Collector) -> None:
    twice = table.duplicated(["code", "jaar"], keep="first") & table["code"].notna()
    for row in table[twice].itertuples():
        first = table[(table["code"] == row.code) & (table["jaar"] == row.jaar)].iloc[0]
        mask = pd.Series(False, index=cells.index)
        mask[row.bron_rij] = True
        problems.add(
            mask,
            cells["code"],
            "code",
            f"{row.code} staat voor {row.jaar} twee keer in het bestand (ook in rij "
            f"{int(first['bron_rij'])}); laat één van de twee weg",
        )


def _notes(headers, mapping, wide, table: pd.DataFrame) -> list[str]:
    levels = table["niveau"].value_counts()
    counted = " en ".join(
        f"{int(levels[n])} {'metingen van wijken' if n == WIJK else 'metingen van buurten'}"
        for n in (WIJK, BUURT)
        if n in levels
    )
    years = sorted({int(y) for y in table["jaar"].dropna()})
    notes = [f"Leefbaarometer: {counted or 'geen metingen'}"
             + (f" over {', '.join(map(str, years))}." if years else ".")]  # fmt: skip
    if wide:
        notes.append(
            "Een kolom per jaar: "
            + ", ".join(column_name(headers, p) for p in sorted(wide))
            + "; een lege cel is geen meting."
        )
    if "klasse" not in mapping and not any(w == "klasse" for _, w in wide.values()):
        if table["klasse"].isna().all():
            notes.append(
                "Het bestand heeft geen klasse (kscore): zonder klasse kan niet worden gezegd of "
                "een wijk onvoldoende scoort; een daling wordt op de score gemeten."
            )
    return notes
