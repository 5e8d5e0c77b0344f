"""The parties of the agreements: corporaties, gemeenten (with CBS codes) and their kernen.

Names are spelled as CBS and the corporations write them. The tables live in
`prestatie/referentie/data/corporaties.csv`, `gemeenten.csv` and `kernen.csv`; their sources are
named in `prestatie/referentie/data/README.md`. Look-ups ignore case, accents, spaces, hyphens and
punctuation.
"""

import numbers
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from prestatie.referentie.tables import InvalidTable, read_table

_ORDINALS = {"eerste": "1e", "tweede": "2e", "1ste": "1e", "2de": "2e"}
_GEMEENTE_PREFIXES = ("gemeente ", "gem ")


def _key(text: str) -> str:
    """The look-up key of a name: "2e Exloërmond", "Tweede exloermond" -> "2e exloermond"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("&", " en "))
    without_accents = "".join(char for char in decomposed if not unicodedata.combining(char))
    words = re.findall(r"\w+", without_accents.casefold())
    return " ".join(_ORDINALS.get(word, word) for word in words)


def _index(pairs: list[tuple[str, str]], file_name: str) -> dict[str, str]:
    """Key of each spelling -> canonical name; a spelling may not point at two names."""
    index: dict[str, str] = {}
    for spelling, canonical in pairs:
        if index.setdefault(_key(spelling), canonical) != canonical:
            raise InvalidTable(f"{file_name}: {spelling!r} hoort bij meer dan één naam")
    return index


_CORPORATIE_ROWS = read_table("corporaties.csv", ("corporatie", "alias"))
_GEMEENTE_ROWS = read_table("gemeenten.csv", ("code", "gemeente"))
_KERN_ROWS = read_table("kernen.csv", ("gemeente", "kern"))

CORPORATIES: tuple[str, ...] = tuple(dict.fromkeys(row["corporatie"] for row in _CORPORATIE_ROWS))
GEMEENTEN: tuple[str, ...] = tuple(row["gemeente"] for row in _GEMEENTE_ROWS)

_CORPORATIE_BY_KEY = _index(
    [(row["alias"], row["corporatie"]) for row in _CORPORATIE_ROWS]
    + [(name, name) for name in CORPORATIES],
    "corporaties.csv",
)
_GEMEENTE_BY_KEY = _index([(name, name) for name in GEMEENTEN], "gemeenten.csv")
_GEMEENTE_BY_CODE = {row["code"]: row["gemeente"] for row in _GEMEENTE_ROWS}
_KERNEN: dict[str, tuple[str, ...]] = {
    name: tuple(row["kern"] for row in _KERN_ROWS if row["gemeente"] == name) for name in GEMEENTEN
}


def corporatie(name: str) -> str | None:
    """The canonical name of a corporation ("Stichting Lefier", "LF" -> "Lefier"), else None."""
    if not isinstance(name, str):
        return None
    return _CORPORATIE_BY_KEY.get(_key(name))


def gemeente(name: str) -> str | None:
    """The canonical name of a Drenthe gemeente ("gemeente emmen", "borger odoorn"), else None."""
    return _canonical_gemeente(name)


def _canonical_gemeente(name: object) -> str | None:
    # Separate from gemeente() so functions with a parameter called gemeente can use it.
    if not isinstance(name, str):
        return None
    key = _key(name)
    for prefix in _GEMEENTE_PREFIXES:
        key = key.removeprefix(prefix)
    return _GEMEENTE_BY_KEY.get(key)


def gemeente_from_code(code: str | int) -> str | None:
    """The gemeente of a CBS code: "114", 114, "0114" and "GM0114" all give "Emmen"."""
    if isinstance(code, float) and code.is_integer():
        code = int(code)
    text = str(code).strip().upper().removeprefix("GM")
    if not re.fullmatch(r"[0-9]{1,4}", text):
        return None
    return _GEMEENTE_BY_CODE.get(text.zfill(4))


def gemeentecode_from_bag_id(bag_id: str | int | float) -> str | None:
    """The CBS gemeentecode (4 digits) in a BAG id, whether or not it is a Drenthe gemeente."""
    digits = _bag_digits(bag_id)
    return digits[:4] if digits else None


def gemeente_from_bag_id(bag_id: str | int | float) -> str | None:
    """The Drenthe gemeente of a BAG verblijfsobject-id (its first four digits), else None.

    Copes with what Excel does to the id: a dropped leading zero (15 digits), a number or a
    float such as 1.14010000123456e+14, and several ids joined by "|" (the first one counts).
    """
    code = gemeentecode_from_bag_id(bag_id)
    return gemeente_from_code(code) if code else None


def kernen(gemeente: str) -> tuple[str, ...]:
    """The kernen (woonplaatsen) of a gemeente; empty when the table holds none for it."""
    canonical = _canonical_gemeente(gemeente)
    return _KERNEN[canonical] if canonical else ()


def kern(name: str, gemeente: str | None = None) -> str | None:
    """The canonical spelling of a kern ("2e exloermond" -> "2e Exloërmond"), else None.

    With `gemeente` the kern must lie in that gemeente.
    """
    if not isinstance(name, str):
        return None
    gemeenten = GEMEENTEN if gemeente is None else (_canonical_gemeente(gemeente),)
    key = _key(name)
    for candidate in (k for g in gemeenten for k in _KERNEN.get(g, ())):
        if _key(candidate) == key:
            return candidate
    return None


def _bag_digits(bag_id: object) -> str | None:
    """The 16 digits of the (first) BAG id, with the leading zero restored; None if unusable."""
    text = _as_text(bag_id)
    if text is None:
        return None
    first = text.split("|")[0].strip()
    if not first.isascii() or not first.isdigit():
        first = _whole_number(first) or ""
    if not re.fullmatch(r"[0-9]{15,16}", first):
        return None
    return first.zfill(16)


def _as_text(bag_id: object) -> str | None:
    if isinstance(bag_id, str):
        return bag_id
    if isinstance(bag_id, bool):
        return None
    if isinstance(bag_id, numbers.Integral):
        return str(int(bag_id))
    if isinstance(bag_id, float) and bag_id.is_integer():
        return str(int(bag_id))
    return None


def _whole_number(text: str) -> str | None:
    """Digits of a whole number written as "1,14010000123456E+14" or "114010000123456.0"."""
    try:
        number = Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None
    if not number.is_finite() or number.adjusted() > 16 or number != number.to_integral_value():
        return None
    return str(int(number))
