"""The Leefbaarometer's nine classes: their names, which are insufficient, and reading a class.

The classes live in `prestatie/referentie/data/leefbaarometer_klassen.csv`; its source is
named in `prestatie/referentie/data/README.md`.
"""

from __future__ import annotations

import re

from prestatie.referentie.tables import InvalidTable, read_table

_ROWS = read_table("leefbaarometer_klassen.csv", ("klasse", "naam", "onvoldoende", "kleur"))
KLASSEN: dict[int, str] = {int(r["klasse"]): r["naam"] for r in _ROWS}  # 1 (worst) .. 9
KLEUREN: dict[int, str] = {int(r["klasse"]): r["kleur"] for r in _ROWS}
ONVOLDOENDE: tuple[int, ...] = tuple(int(r["klasse"]) for r in _ROWS if r["onvoldoende"] == "ja")
if tuple(KLASSEN) != tuple(range(1, 10)):
    raise InvalidTable("leefbaarometer_klassen.csv: verwacht de klassen 1 tot en met 9")
# the lowest class that is not insufficient ("zwak"): the default of a leefbaarheid target
MINIMUM = max(ONVOLDOENDE) + 1
_BY_NAME = {re.sub(r"\W+", " ", naam).strip(): k for k, naam in KLASSEN.items()}


def naam(klasse: int) -> str:
    """'3 onvoldoende': the class as the Leefbaarometer names it, with its number."""
    return f"{klasse} {KLASSEN[klasse]}"


def klasse(value: object) -> int | None:
    """The class of a cell: 1 to 9 (also '3', 3.0, '3 onvoldoende') or its name
    ('ruim voldoende', 'Ruim Voldoende'); None when it is neither."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        number = float(value)
        return int(number) if number.is_integer() and int(number) in KLASSEN else None
    text = re.sub(r"\W+", " ", str(value).lower()).strip()
    if text in _BY_NAME:
        return _BY_NAME[text]
    if m := re.fullmatch(r"(\d)(?: 0)?(?: (.*))?", text):
        number = int(m[1])
        if number in KLASSEN and (m[2] is None or _BY_NAME.get(m[2]) == number):
            return number
    return None
