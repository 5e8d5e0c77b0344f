"""One cell of the sjabloon: a value of an afspraak or doel as a cell, and a cell back.

Cell values: lists as "Lefier, Woonservice"; ja/nee for true/false; a norm as
"2023=30; 2024=20", a bandbreedte as "2021=[-60, -10]", a share as "90%" or "0,9".
A cell that cannot be read raises :class:`CellError`; the reader adds sheet, row and column.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from prestatie.afspraken.schema import SHARE_KINDS, Doel

_YES_NO = ("per_corporatie", "inclusief", "bestaande_voorraad", "gemiddeld", "verkooplabel")
_WHOLE = ("prijspeil", "basisjaar", "maanden", "basis_aantal", "jaren", "klasse_minimaal")
_NUMBER = ("bedrag", "tolerantie")
_LIST = ("corporaties", "labels", "activiteiten", "slechte_labels")
_SHARE_KINDS = SHARE_KINDS
_YES = ("ja", "j", "waar", "true", "1")
_NO = ("nee", "n", "onwaar", "false", "0")


class CellError(Exception):
    """A cell that cannot be read; the caller adds sheet, row and column."""


# --- value -> cell ---------------------------------------------------------------------------


def cell_value(value: object) -> object:
    """A parameter as a cell: None -> "", True -> "ja", a tuple -> "a, b"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, tuple):
        return ", ".join(value)
    return value


def yes_no(value: bool) -> str:
    return "ja" if value else "nee"


def norm_text(doel: Doel) -> str:
    """The norm as a cell: "2023=30; 2024=20", "2021=[-60, -10]", "2023=90%"."""
    return "; ".join(
        f"{periode.label}={_norm_value_text(norm, doel.soort)}" for periode, norm in doel.norm
    )


def _norm_value_text(norm: object, kind: str) -> str:
    if isinstance(norm, tuple):
        return f"[{number_text(norm[0], kind)}, {number_text(norm[1], kind)}]"
    return number_text(norm, kind)


def number_text(value: object, kind: str) -> str:
    """A number as the template writes it: 678.66 -> "678,66"; a share (kind) as "90%"."""
    if isinstance(value, str | int):
        return str(value)
    exact = Decimal(repr(value)) * (100 if kind in _SHARE_KINDS else 1)
    text = format(exact.normalize(), "f").replace(".", ",")
    return text + "%" if kind in _SHARE_KINDS else text


# --- cell -> value ---------------------------------------------------------------------------


def read_cell(column: str, value: object) -> object:
    """One cell in the type its column needs; empty -> None (text columns: "")."""
    if isinstance(value, str):
        value = value.strip()
    if value is None or value == "":
        return {} if column == "norm" else ("" if _is_text_column(column) else None)
    if column in _YES_NO:
        return _read_yes_no(value)
    if column in _WHOLE:
        return _read_whole(value)
    if column in _NUMBER:
        return _read_number(value)
    if column in _LIST:
        return [part.strip() for part in re.split(r"[,;]", text(value)) if part.strip()]
    if column == "norm":
        return read_norm(text(value))
    return text(value)


def _is_text_column(column: str) -> bool:
    return column not in (*_YES_NO, *_WHOLE, *_NUMBER, *_LIST)


def text(value: object) -> str:
    """A cell as text: 12.0 -> "12", a date -> "2022-12-01", empty -> ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):
        return value.isoformat()[:10]
    return str(value).strip()


def _read_yes_no(value: object) -> bool:
    if isinstance(value, bool):
        return value
    word = text(value).lower()
    if word in _YES or word in _NO:
        return word in _YES
    raise CellError('verwacht "ja" of "nee"')


def _read_whole(value: object) -> int:
    try:
        number = _read_number(value)
    except CellError:
        number = None
    if number is None or not float(number).is_integer():
        raise CellError("verwacht een geheel getal (een jaar)")
    return int(number)


def _read_number(value: object) -> int | float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    digits = text(value).replace("€", "").replace(" ", "")
    if "," in digits:
        digits = digits.replace(".", "").replace(",", ".")
    try:
        number = Decimal(digits)
    except InvalidOperation:
        raise CellError("verwacht een getal, zoals 678,66") from None
    if number == number.to_integral_value() and "." not in digits:
        return int(number)
    return float(number)


_NORM_NUMBER = r"-?\d+(?:[.,]\d+)?%?"
_BAND = re.compile(rf"\[\s*({_NORM_NUMBER})\s*,\s*({_NORM_NUMBER})\s*\]")


def read_norm(line: str) -> dict[str, object]:
    """ "2023=30; 2024=20" -> {"2023": 30, "2024": 20}; "2021=[-60, -10]"; "2023=90%" -> 0.9."""
    normen: dict[str, object] = {}
    for part in re.split(r"[;\n]", line):
        if not part.strip():
            continue
        key, equals, value = (s.strip() for s in part.partition("="))
        if not equals or not key or not value:
            raise CellError(
                f'kan "{part.strip()}" niet lezen; schrijf jaar=waarde, bijvoorbeeld '
                '"2023=30; 2024=20" of "2021=[-60, -10]"'
            )
        if key in normen:
            raise CellError(f"jaar {key} staat twee keer in de norm")
        normen[key] = _norm_value(value)
    return normen


def _norm_value(value: str) -> object:
    if value.startswith("["):
        band = _BAND.fullmatch(value)
        if not band:
            raise CellError(f'kan "{value}" niet lezen; schrijf een bandbreedte als [laag, hoog]')
        return [_norm_number(band[1]), _norm_number(band[2])]
    if re.fullmatch(_NORM_NUMBER, value):
        return _norm_number(value)
    return value  # a label such as "B"; toml_reader checks it


def _norm_number(number: str) -> int | float:
    percent = number.endswith("%")
    number = number.rstrip("%").replace(",", ".")
    if not percent and "." not in number:
        return int(number)
    return float(Decimal(number) / 100 if percent else Decimal(number))
