"""Cell values as people type them: Dutch amounts, dates, years, yes/no.

Two layers. The scalar parsers (``decimal_number``, ``to_date`` …) read one cell. The column
parsers (``amounts_to_cents``, ``dates`` …) take a pandas Series of raw cells (numbers, text,
dates, None for empty, as read from a sheet) and return the parsed Series plus a boolean mask of
the cells that were filled but could not be read, so the importer can name those cells. They
take the fast road where there is one (a column that is all numbers is computed with numpy)
and otherwise call the scalar parser once per distinct value, not once per cell: a 100.000-row
list has a few dozen distinct labels, kernen or years.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd

_EXCEL_EPOCH = date(1899, 12, 30)
_THOUSANDS_ONLY = re.compile(r"^-?\d{1,3}(\.\d{3})+$")
_AMOUNT_JUNK = re.compile(r"[€\s\u00a0]|eur|euro", re.IGNORECASE)
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$")
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "jan"),
            ("februari", "feb"),
            ("maart", "mrt", "mar"),
            ("april", "apr"),
            ("mei",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("augustus", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[\s-]+([a-z]+)\.?[\s-]+(\d{4})$")
_YEAR_TEXT = re.compile(r"(1\d{3}|20\d{2}|21\d{2})(\.0+)?")
_YES = {"ja", "j", "yes", "y", "true", "waar", "1", "x", "v", "✓", "✔"}
_NO = {"nee", "n", "no", "false", "onwaar", "0", ""}
_NUMERIC = {"floating", "integer", "mixed-integer-float"}
_FIRST_YEAR, _LAST_YEAR = 1800, 2200
_MAX_AMOUNT = 1e12  # beyond this a number is not an amount (and not a count)


def is_empty(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and value != value:
        return True
    if value is pd.NaT or (isinstance(value, type(pd.NA)) and value is pd.NA):
        return True
    return isinstance(value, str) and value.strip() == ""


def _number_text(value: object) -> str:
    """Text of a Dutch or English number in Python's notation, junk and separators removed.

    With both separators the last one is the decimal mark; a lone comma is a decimal comma; a
    lone dot is a decimal point unless it groups thousands (`1.234`).
    """
    text = _AMOUNT_JUNK.sub("", str(value))
    if text.startswith("(") and text.endswith(")"):
        text = "-" + text[1:-1]
    if "," in text and "." in text:
        if text.rfind(",") > text.rfind("."):
            return text.replace(".", "").replace(",", ".")
        return text.replace(",", "")
    if "," in text:
        return text.replace(",", ".")
    if _THOUSANDS_ONLY.match(text):
        return text.replace(".", "")
    return text


def decimal_number(value: object) -> float | None:
    """A number cell or a text such as `1,35`, `€ 612,50`, `1.234,56`; None if unreadable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return None if value != value or abs(value) == float("inf") else float(value)
    try:
        number = float(_number_text(value))
    except ValueError:
        return None
    return None if number != number or abs(number) == float("inf") else number


def amount_to_cents(value: object) -> int | None:
    """An amount in whole cents, rounded half away from zero; None if unreadable."""
    number = decimal_number(value)
    if number is None or abs(number) >= _MAX_AMOUNT:
        return None
    return int(round(number * 100 + (1e-9 if number >= 0 else -1e-9)))


def to_date(value: object) -> date | None:
    """A date from a date cell, an Excel serial, `15-11-2023`, `15/11/23`, `2023-06-30` or
    `31 december 2023`; None when unreadable or outside 1800-2200 (a typo, not a date)."""
    found = _date(value)
    return found if found is None or _FIRST_YEAR <= found.year <= _LAST_YEAR else None


def _date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value != value or not 1 <= value < 2958466:
            return None
        return _EXCEL_EPOCH + timedelta(days=int(value))
    text = str(value).strip().lower()
    try:
        if m := _DMY.match(text):
            year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
            return date(year, int(m[2]), int(m[1]))
        if m := _YMD.match(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if (m := _DAY_MONTH_YEAR.match(text)) and m[2] in _MONTHS:
            return date(int(m[3]), _MONTHS[m[2]], int(m[1]))
    except ValueError:
        return None
    if re.fullmatch(r"\d{4,6}(\.0+)?", text):
        return _date(float(text))
    return None


def to_year(value: object) -> int | None:
    """A year from `2023`, `1850`, `2023.0`, a date, an Excel date serial or a date text."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value != value or not float(value).is_integer():
            return None
        if 1000 <= value <= 2200:
            return int(value)
        if value < 10_000:  # not a year, and too early for a date serial (before 1927)
            return None
    elif isinstance(value, str) and _YEAR_TEXT.fullmatch(value.strip()):
        return int(float(value.strip()))
    found = to_date(value)
    return found.year if found else None


def to_bool(value: object) -> bool | None:
    """`ja`/`nee`, `J`/`N`, `x`, 1/0, true/false -> bool; empty -> False; other -> None."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return None if value != value else bool(value)
    text = str(value).strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    return None


def whole_number(value: object) -> int | None:
    """A count such as `12`, `12,0`, 12.0; None for fractions and text."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value == value and value.is_integer() else None
    cents = amount_to_cents(value)
    if cents is None or cents % 100:
        return None
    return cents // 100


def text(value: object) -> str | None:
    """A cell as trimmed text; whole floats lose their `.0` (vhe numbers read as numbers)."""
    if is_empty(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# --- whole columns -------------------------------------------------------------------------


def kind(cells: pd.Series) -> str:
    """What a column of raw cells holds: 'floating', 'string', 'mixed', 'empty' …"""
    return pd.api.types.infer_dtype(cells, skipna=True)


class Distinct:
    """A column's distinct values (pandas' hash table), to parse each of them only once."""

    def __init__(self, cells: pd.Series):
        self.index = cells.index
        self.codes, self.uniques = pd.factorize(cells.to_numpy(dtype=object))
        # code -1 (None, NaN) is the last element of every lookup array
        blank = [is_empty(value) for value in self.uniques]
        self.blank = np.array([*blank, True], dtype=bool)  # per distinct value, NA last

    def empty(self) -> np.ndarray:
        return self.blank[self.codes]

    def parsed(self, parse: Callable[[object], object]) -> np.ndarray:
        """``parse`` of each distinct value (None for empty ones), the last one for NA."""
        found = np.full(len(self.uniques) + 1, None, dtype=object)
        for i, value in enumerate(self.uniques):
            if not self.blank[i]:
                found[i] = parse(value)
        return found

    def parse(self, parse: Callable[[object], object]) -> np.ndarray:
        """``parse`` of every cell as an object array; empty cells give None."""
        return self.parsed(parse)[self.codes]

    def take(self, per_value: np.ndarray) -> np.ndarray:
        """Spread an array with one element per distinct value (and NA last) over the cells."""
        return per_value[self.codes]


def per_value(cells: pd.Series, parse: Callable[[object], object]) -> tuple[pd.Series, pd.Series]:
    """(parse of every cell, mask of empty cells), calling ``parse`` once per distinct value.

    Empty cells (None, NaN, blank text) give None without calling ``parse``.
    """
    column = Distinct(cells)
    return (
        pd.Series(column.parse(parse), index=cells.index, dtype=object),
        pd.Series(column.empty(), index=cells.index),
    )


def _floats(cells: pd.Series) -> np.ndarray:
    return cells.to_numpy(dtype="float64", na_value=np.nan)


def texts(cells: pd.Series) -> pd.Series:
    """``text`` of every cell (object Series, None for empty)."""
    values = cells.to_numpy(dtype=object).tolist()
    if None in values:
        values = ["" if v is None else v for v in values]
    try:  # the common case, a column of texts, at C speed
        stripped = list(map(str.strip, values))
    except TypeError:  # numbers, dates or NaN among them
        return _other_texts(cells)
    out = np.empty(len(stripped), dtype=object)
    out[:] = stripped
    if not all(stripped):  # an empty text (after trimming) is an empty cell
        out[out == ""] = None
    return pd.Series(out, index=cells.index, dtype=object)


def _other_texts(cells: pd.Series) -> pd.Series:
    found = kind(cells)
    if found in _NUMERIC:
        numbers = _floats(cells)
        filled = ~np.isnan(numbers)
        whole = numbers[filled]
        if (whole == np.round(whole)).all() and (np.abs(whole) < 1e15).all():
            out = np.full(len(numbers), None, dtype=object)
            out[filled] = list(map(str, whole.astype(np.int64).tolist()))
            return pd.Series(out, index=cells.index, dtype=object)
    return per_value(cells, text)[0]


def _int64(values: np.ndarray, index: pd.Index) -> pd.Series:
    """Python ints and None (object array) -> nullable Int64, without per-cell conversion."""
    missing = pd.isna(values)
    filled = values.copy()
    filled[missing] = 0
    return pd.Series(pd.arrays.IntegerArray(filled.astype(np.int64), missing), index=index)


def numbers(cells: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Decimal numbers (float64, NaN for empty) and the mask of unreadable cells."""
    if kind(cells) in (*_NUMERIC, "empty"):
        values = _floats(cells)
        bad = np.isinf(values)
        values[bad] = np.nan
        return pd.Series(values, index=cells.index), pd.Series(bad, index=cells.index)
    parsed, blank = per_value(cells, decimal_number)
    return parsed.astype("float64"), parsed.isna() & ~blank


def amounts_to_cents(cells: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Parse a column of amounts to nullable whole cents, with the mask of unreadable cells."""
    if kind(cells) in (*_NUMERIC, "empty"):
        values = _floats(cells)
        bad = np.isinf(values) | (np.abs(values) >= _MAX_AMOUNT)
        values[bad] = np.nan
        cents = np.rint(values * 100 + np.where(values >= 0, 1e-9, -1e-9))
        return (
            pd.Series(pd.array(cents, dtype="Int64"), index=cells.index),
            pd.Series(bad, index=cells.index),
        )
    plain = _plain_amounts(cells)
    if plain is not None:
        return plain
    parsed, blank = per_value(cells, amount_to_cents)
    return parsed.astype("Int64"), parsed.isna() & ~blank


# An amount as a CSV writes it, in whole euros or with a decimal comma: 612 / 612,5 / -612,50.
_PLAIN_AMOUNT = r"-?[0-9]{1,9}(?:,[0-9]{1,2})?"


def _plain_amounts(cells: pd.Series) -> tuple[pd.Series, pd.Series] | None:
    """:func:`amounts_to_cents` at C speed when every filled cell is a plain amount
    (:data:`_PLAIN_AMOUNT`); None when any is not, to be read one distinct value at a time."""
    if kind(cells) != "string":
        return None
    stripped = pd.Series(cells.to_numpy(dtype=object), dtype="string[pyarrow]").str.strip()
    filled = (stripped.notna() & (stripped != "")).to_numpy(dtype=bool, na_value=False)
    text = stripped[filled]
    if not text.str.fullmatch(_PLAIN_AMOUNT).all():
        return None
    comma = text.str.find(",").to_numpy(dtype=np.int64)  # -1: whole euros
    decimals = np.where(comma < 0, 0, text.str.len().to_numpy(dtype=np.int64) - comma - 1)
    digits = text.str.replace(",", "", regex=False).astype("int64").to_numpy()
    out = np.zeros(len(stripped), dtype=np.int64)
    out[filled] = digits * np.array([100, 10, 1])[decimals]
    result = pd.Series(pd.arrays.IntegerArray(out, ~filled), index=cells.index)
    return result, pd.Series(False, index=cells.index)


def whole_numbers(cells: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Counts (nullable Int64) and the mask of cells that are filled but not a whole number."""
    if kind(cells) in (*_NUMERIC, "empty"):
        values = _floats(cells)
        bad = ~np.isnan(values) & (
            np.isinf(values) | (values != np.round(values)) | (np.abs(values) >= _MAX_AMOUNT)
        )
        values[bad] = np.nan
        return (
            pd.Series(pd.array(values, dtype="Int64"), index=cells.index),
            pd.Series(bad, index=cells.index),
        )
    parsed, blank = per_value(cells, whole_number)
    return parsed.astype("Int64"), parsed.isna() & ~blank


def years(cells: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Years (nullable Int64) and the mask of unreadable cells."""
    if kind(cells) in _NUMERIC:
        values = _floats(cells)
        filled = ~np.isnan(values)
        plain = values[filled]
        if ((plain == np.round(plain)) & (plain >= 1000) & (plain <= 2200)).all():
            return (
                pd.Series(pd.array(values, dtype="Int64"), index=cells.index),
                pd.Series(False, index=cells.index),
            )
    column = Distinct(cells)
    parsed = column.parse(to_year)
    bad = pd.isna(parsed) & ~column.empty()
    return _int64(parsed, cells.index), pd.Series(bad, index=cells.index)


def dates(cells: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Dates (object Series of ``date``, None for empty) and the mask of unreadable cells."""
    parsed, blank = per_value(cells, to_date)
    return parsed, parsed.isna() & ~blank


def bools(cells: pd.Series, marks: frozenset[str] = frozenset()) -> tuple[pd.Series, pd.Series]:
    """Yes/no (nullable boolean, NA for empty) and the mask of unreadable cells.

    When every filled cell is one of ``marks`` (a column that only marks the yes-cells with
    `x`), an empty cell means no.
    """
    column = Distinct(cells)
    found = column.parsed(to_bool)
    known = np.array([v is not None for v in found], dtype=bool)
    truth = np.array([v is True for v in found], dtype=bool)
    filled = [
        str(v).strip().lower()
        for v, b in zip(column.uniques, column.blank[:-1], strict=True)
        if not b
    ]
    if filled and set(filled) <= marks:
        known[column.blank] = True
    flags = pd.arrays.BooleanArray(column.take(truth), ~column.take(known))
    bad = ~column.take(known) & ~column.empty()
    return pd.Series(flags, index=cells.index), pd.Series(bad, index=cells.index)


def datetimes(cells: pd.Series) -> pd.Series:
    """Dates (``date`` objects or None) as datetime64, converting each distinct date once."""
    codes, uniques = pd.factorize(cells.to_numpy(dtype=object), use_na_sentinel=True)
    stamps = np.array([*uniques, None], dtype="datetime64[s]")  # None: NaT, for code -1
    return pd.Series(stamps[codes], index=cells.index)
