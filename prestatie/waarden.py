"""Cell values as people type them: Dutch amounts, dates, yes/no.

Each parser takes a pandas Series of raw cells (numbers, text, dates, empties as read from a
sheet) and returns the parsed Series plus a boolean mask of the cells that were filled but could
not be read, so the importer can name those cells.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pandas as pd

_EXCEL_EPOCH = date(1899, 12, 30)
_THOUSANDS_ONLY = re.compile(r"^-?\d{1,3}(\.\d{3})+$")
_AMOUNT_JUNK = re.compile(r"[€\s\u00a0]|eur|euro", re.IGNORECASE)
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$")
_YES = {"ja", "j", "yes", "y", "true", "waar", "1", "x"}
_NO = {"nee", "n", "no", "false", "onwaar", "0", ""}


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
        return None if value != value else float(value)
    try:
        return float(_number_text(value))
    except ValueError:
        return None


def amount_to_cents(value: object) -> int | None:
    """An amount in whole cents, rounded half away from zero; None if unreadable."""
    number = decimal_number(value)
    if number is None:
        return None
    return int(round(number * 100 + (1e-9 if number >= 0 else -1e-9)))


def amounts_to_cents(cells: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Parse a column of amounts to nullable whole cents, with the mask of unreadable cells."""
    empty = cells.map(is_empty)
    cents = cells.map(lambda v: None if is_empty(v) else amount_to_cents(v))
    return cents.astype("Int64"), cents.isna() & ~empty


def to_date(value: object) -> date | None:
    """A date from a date cell, an Excel serial, `15-11-2023`, `15/11/2023` or `2023-06-30`."""
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
    text = str(value).strip()
    try:
        if m := _DMY.match(text):
            return date(int(m[3]), int(m[2]), int(m[1]))
        if m := _YMD.match(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    if re.fullmatch(r"\d{4,6}(\.0+)?", text):
        return to_date(float(text))
    return None


def dates(cells: pd.Series) -> tuple[pd.Series, pd.Series]:
    parsed = cells.map(lambda v: None if is_empty(v) else to_date(v))
    bad = parsed.isna() & ~cells.map(is_empty)
    return parsed, bad


def to_year(value: object) -> int | None:
    """A year from `2023`, `2023.0`, a date or a date text."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value == value and 1900 <= value <= 2100 and float(value).is_integer():
            return int(value)
    text = str(value).strip()
    if re.fullmatch(r"(19|20)\d{2}", text):
        return int(text)
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
