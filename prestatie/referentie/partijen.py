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

from prestatie.referentie.tables import OngeldigeTabel, lees_tabel

_RANGTELWOORDEN = {"eerste": "1e", "tweede": "2e", "1ste": "1e", "2de": "2e"}
_GEMEENTE_VOORVOEGSEL = ("gemeente ", "gem ")


def _sleutel(tekst: str) -> str:
    """The look-up key of a name: "2e Exloërmond", "Tweede exloermond" -> "2e exloermond"."""
    ontleed = unicodedata.normalize("NFKD", tekst.replace("&", " en "))
    zonder_accenten = "".join(teken for teken in ontleed if not unicodedata.combining(teken))
    woorden = re.findall(r"\w+", zonder_accenten.casefold())
    return " ".join(_RANGTELWOORDEN.get(woord, woord) for woord in woorden)


def _index(paren: list[tuple[str, str]], bestand: str) -> dict[str, str]:
    """Key of each spelling -> canonical name; a spelling may not point at two names."""
    index: dict[str, str] = {}
    for spelling, canoniek in paren:
        if index.setdefault(_sleutel(spelling), canoniek) != canoniek:
            raise OngeldigeTabel(f"{bestand}: {spelling!r} hoort bij meer dan één naam")
    return index


_CORPORATIE_RIJEN = lees_tabel("corporaties.csv", ("corporatie", "alias"))
_GEMEENTE_RIJEN = lees_tabel("gemeenten.csv", ("code", "gemeente"))
_KERN_RIJEN = lees_tabel("kernen.csv", ("gemeente", "kern"))

CORPORATIES: tuple[str, ...] = tuple(dict.fromkeys(rij["corporatie"] for rij in _CORPORATIE_RIJEN))
GEMEENTEN: tuple[str, ...] = tuple(rij["gemeente"] for rij in _GEMEENTE_RIJEN)

_CORPORATIE_VAN = _index(
    [(rij["alias"], rij["corporatie"]) for rij in _CORPORATIE_RIJEN]
    + [(naam, naam) for naam in CORPORATIES],
    "corporaties.csv",
)
_GEMEENTE_VAN = _index([(naam, naam) for naam in GEMEENTEN], "gemeenten.csv")
_GEMEENTE_VAN_CODE = {rij["code"]: rij["gemeente"] for rij in _GEMEENTE_RIJEN}
_KERNEN: dict[str, tuple[str, ...]] = {
    naam: tuple(rij["kern"] for rij in _KERN_RIJEN if rij["gemeente"] == naam) for naam in GEMEENTEN
}


def corporatie(naam: str) -> str | None:
    """The canonical name of a corporation ("Stichting Lefier", "LF" -> "Lefier"), else None."""
    if not isinstance(naam, str):
        return None
    return _CORPORATIE_VAN.get(_sleutel(naam))


def gemeente(naam: str) -> str | None:
    """The canonical name of a Drenthe gemeente ("gemeente emmen", "borger odoorn"), else None."""
    return _canonieke_gemeente(naam)


def _canonieke_gemeente(naam: object) -> str | None:
    # Separate from gemeente() so functions with a parameter called gemeente can use it.
    if not isinstance(naam, str):
        return None
    sleutel = _sleutel(naam)
    for voorvoegsel in _GEMEENTE_VOORVOEGSEL:
        sleutel = sleutel.removeprefix(voorvoegsel)
    return _GEMEENTE_VAN.get(sleutel)


def gemeente_van_code(code: str | int) -> str | None:
    """The gemeente of a CBS code: "114", 114, "0114" and "GM0114" all give "Emmen"."""
    if isinstance(code, float) and code.is_integer():
        code = int(code)
    tekst = str(code).strip().upper().removeprefix("GM")
    if not re.fullmatch(r"[0-9]{1,4}", tekst):
        return None
    return _GEMEENTE_VAN_CODE.get(tekst.zfill(4))


def gemeentecode_van_bag_id(bag_id: str | int | float) -> str | None:
    """The CBS gemeentecode (4 digits) in a BAG id, whether or not it is a Drenthe gemeente."""
    cijfers = _bag_cijfers(bag_id)
    return cijfers[:4] if cijfers else None


def gemeente_van_bag_id(bag_id: str | int | float) -> str | None:
    """The Drenthe gemeente of a BAG verblijfsobject-id (its first four digits), else None.

    Copes with what Excel does to the id: a dropped leading zero (15 digits), a number or a
    float such as 1.14010000123456e+14, and several ids joined by "|" (the first one counts).
    """
    code = gemeentecode_van_bag_id(bag_id)
    return gemeente_van_code(code) if code else None


def kernen(gemeente: str) -> tuple[str, ...]:
    """The kernen (woonplaatsen) of a gemeente; empty when the table holds none for it."""
    canoniek = _canonieke_gemeente(gemeente)
    return _KERNEN[canoniek] if canoniek else ()


def kern(naam: str, gemeente: str | None = None) -> str | None:
    """The canonical spelling of a kern ("2e exloermond" -> "2e Exloërmond"), else None.

    With `gemeente` the kern must lie in that gemeente.
    """
    if not isinstance(naam, str):
        return None
    gemeenten = GEMEENTEN if gemeente is None else (_canonieke_gemeente(gemeente),)
    sleutel = _sleutel(naam)
    for kandidaat in (k for g in gemeenten for k in _KERNEN.get(g, ())):
        if _sleutel(kandidaat) == sleutel:
            return kandidaat
    return None


def _bag_cijfers(bag_id: object) -> str | None:
    """The 16 digits of the (first) BAG id, with the leading zero restored; None if unusable."""
    tekst = _als_tekst(bag_id)
    if tekst is None:
        return None
    eerste = tekst.split("|")[0].strip()
    if not eerste.isascii() or not eerste.isdigit():
        eerste = _geheel_getal(eerste) or ""
    if not re.fullmatch(r"[0-9]{15,16}", eerste):
        return None
    return eerste.zfill(16)


def _als_tekst(bag_id: object) -> str | None:
    if isinstance(bag_id, str):
        return bag_id
    if isinstance(bag_id, bool):
        return None
    if isinstance(bag_id, numbers.Integral):
        return str(int(bag_id))
    if isinstance(bag_id, float) and bag_id.is_integer():
        return str(int(bag_id))
    return None


def _geheel_getal(tekst: str) -> str | None:
    """Digits of a whole number written as "1,14010000123456E+14" or "114010000123456.0"."""
    try:
        getal = Decimal(tekst.replace(",", "."))
    except InvalidOperation:
        return None
    if not getal.is_finite() or getal.adjusted() > 16 or getal != getal.to_integral_value():
        return None
    return str(int(getal))
