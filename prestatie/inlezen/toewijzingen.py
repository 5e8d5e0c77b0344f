"""Lettings as people write them: the route of a toewijzing, a zoekduur, a household's size.

The routes are the ways a home reaches its tenant that the agreements speak of: the ordinary
offer (``regulier``), urgency (``urgent``), the statushouders a gemeente must house
(``statushouder``), direct placement of special groups (``bemiddeling``), and moving on within
the social stock to free a home (``doorstroming``); anything else is ``overig``.
"""

from __future__ import annotations

import re
import unicodedata

from prestatie.inlezen.cell_values import decimal_number
from prestatie.inlezen.column_names import key

REGULIER = "regulier"
URGENT = "urgent"
STATUSHOUDER = "statushouder"
BEMIDDELING = "bemiddeling"
DOORSTROMING = "doorstroming"
OVERIG = "overig"
ROUTES = (REGULIER, URGENT, STATUSHOUDER, BEMIDDELING, DOORSTROMING, OVERIG)

# Word stems looked for anywhere in the text (accents, spaces and marks removed), the most
# specific route first: `Urgentie statushouder` is a statushouder, `Bemiddeling urgent` urgent.
_STEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        STATUSHOUDER,
        (
            "statushouder",
            "vergunninghouder",
            "vergunningshouder",
            "asielgerechtigd",
            "taakstelling",
        ),
    ),
    (URGENT, ("urgent", "urgentie", "noodwoning", "calamiteit")),
    (
        BEMIDDELING,
        (
            "bemiddel",
            "maatwerk",
            "bijzonderedoelgroep",
            "contingent",
            "uitstroom",
            "beschermdwonen",
            "zorgindicatie",
            "indicatie",
        ),
    ),
    (DOORSTROMING, ("doorstro", "woningruil", "huurruil")),
    (
        REGULIER,
        (
            "regulier",
            "aanbod",
            "advertentie",
            "loting",
            "inschrijfduur",
            "zoekduur",
            "optiemodel",
            "directtehuur",
            "eerstereageerder",
            "vrijetoewijzing",
        ),
    ),
    (OVERIG, ("overig", "anders", "andere")),
)
# Short codes that only count as a whole word (`VG - statushouder`, `VG`, `DB`).
_WORDS: dict[str, str] = {"vg": STATUSHOUDER, "db": BEMIDDELING}


def route(text: object) -> str | None:
    """The route of a cell: `VG - statushouder`, `Vergunninghouder` -> statushouder,
    `urgentie` -> urgent, `Directe bemiddeling` -> bemiddeling, `Doorstromer` ->
    doorstroming, `Reguliere toewijzing` -> regulier, `Overig` -> overig; None when the text
    names no route."""
    k = key(text)
    if not k:
        return None
    for name, stems in _STEMS:
        if any(stem in k for stem in stems):
            return name
    return next((_WORDS[w] for w in _words(text) if w in _WORDS), None)


def _words(text: object) -> list[str]:
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.findall(r"[a-z0-9]+", plain.lower())


# --- zoekduur -------------------------------------------------------------------------------

DAYS_PER_MONTH = 365.25 / 12  # 30,4375: a month as the average of a year
# unit of a duration column -> months per unit, recognised in the column's name
UNITS = {"dagen": 1 / DAYS_PER_MONTH, "weken": 7 / DAYS_PER_MONTH, "maanden": 1.0, "jaren": 12.0}
_UNIT_WORDS = (
    ("dagen", ("dagen", "dag", "dgn")),
    ("weken", ("weken", "week", "wk", "wkn")),
    ("jaren", ("jaren", "jaar", "jr")),
    ("maanden", ("maanden", "maand", "mnd", "mndn", "mnden")),
)
_TEXT_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*([a-z]+)")
_TEXT_GLUE = re.compile(r"(?:\s|,|\+|\ben\b)*")
_TEXT_UNITS = {
    "j": "jaren", "jr": "jaren", "jaar": "jaren", "jaren": "jaren",
    "m": "maanden", "mnd": "maanden", "mnden": "maanden", "maand": "maanden",
    "maanden": "maanden",
    "w": "weken", "wk": "weken", "week": "weken", "weken": "weken",
    "d": "dagen", "dg": "dagen", "dgn": "dagen", "dag": "dagen", "dagen": "dagen",
}  # fmt: skip


def unit_of(header: str) -> str:
    """The unit a duration column counts in, from its name: `Zoekduur (dagen)` -> dagen;
    months when the name says nothing (`Inschrijfduur`)."""
    words = _words(header)
    for unit, names in _UNIT_WORDS:
        if any(w in names for w in words):
            return unit
    return "maanden"


def months(value: object, unit: str) -> float | None:
    """A duration in months, rounded to one decimal: a number in ``unit``, or a text with its
    own units (`2 jaar en 3 maanden`, `3j 4m`, `400 dagen`); None when unreadable or negative."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
        if number != number or number < 0 or number == float("inf"):
            return None
        return round(number * UNITS[unit], 1)
    text = str(value).strip().lower()
    parts = _TEXT_PART.findall(text)
    if parts and all(u in _TEXT_UNITS for _, u in parts):
        if _TEXT_GLUE.fullmatch(_TEXT_PART.sub(" ", text)):
            total = sum(float(n.replace(",", ".")) * UNITS[_TEXT_UNITS[u]] for n, u in parts)
            return round(total, 1)
    number = decimal_number(text)
    return None if number is None else months(number, unit)


# --- huishouden -----------------------------------------------------------------------------

_COUNT_WORDS = {
    "een": 1, "eenpersoons": 1, "alleenstaand": 1, "alleenstaande": 1,
    "twee": 2, "tweepersoons": 2, "drie": 3, "driepersoons": 3,
    "vier": 4, "vierpersoons": 4, "vijf": 5, "vijfpersoons": 5,
    "zes": 6, "zespersoons": 6,
}  # fmt: skip
_LEADING_COUNT = re.compile(r"^(\d{1,2})\s*(?:-|\s)?\s*(?:pers(?:oon|onen|oons)?\.?|p)?\s*\+?$")


def huishoudgrootte(value: object) -> int | None:
    """The number of people in a household: `3`, 3.0, `2 personen`, `1-persoons`, `4+`,
    `Eenpersoons`, `alleenstaande`; None when unreadable or not at least 1."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if value != value or not float(value).is_integer() or not 1 <= value <= 99:
            return None
        return int(value)
    text = str(value).strip().lower()
    if m := _LEADING_COUNT.match(text):
        count = int(m[1])
        return count if count >= 1 else None
    first = _words(text)[:1]
    return _COUNT_WORDS.get(first[0]) if first else None
