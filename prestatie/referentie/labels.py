"""Energy label classes: spelling, order, the groupings the agreements use, and conversions.

The class boundaries and colours live in `prestatie/referentie/data/labelklassen.csv`; its source is
named in `prestatie/referentie/data/README.md`.
"""

import re
import unicodedata
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import cache
from math import floor

import pandas as pd

from prestatie.referentie.tables import InvalidTable, read_table

KLASSEN = ("A++++", "A+++", "A++", "A+", "A", "B", "C", "D", "E", "F", "G")  # best first
ONBEKEND = "onbekend"
ALLE = KLASSEN + (ONBEKEND,)

_A_KLASSEN = ("A++++", "A+++", "A++", "A+", "A")
GROEPEN: dict[str, tuple[str, ...]] = {
    # Domesta's fasering writes "A++, A+, A"; NTA 8800's A+++ and A++++ belong in it too.
    "A++, A+, A": _A_KLASSEN,
    "B": ("B",),
    "C": ("C",),
    "D, E, F, G": ("D", "E", "F", "G"),
    "A of B": _A_KLASSEN + ("B",),
    "E, F, G": ("E", "F", "G"),
}
INDELINGEN: dict[str, tuple[str, ...]] = {
    "domesta": ("A++, A+, A", "B", "C", "D, E, F, G"),
}
METHODEN = {"2015-2020": "ei_2015_2020_tot_en_met", "voor 2015": "ei_voor_2015_tot_en_met"}

_ONBEKEND_GESCHREVEN = frozenset(
    {"", "onbekend", "geen", "geen label", "n.v.t.", "n.v.t", "nvt", "-", "–", "—", "?", "nan"}
)
_VOORVOEGSEL = re.compile(r"^(energielabel|energieklasse|label)\s*:?\s*")
_PLUSACHTIG = str.maketrans({"\u2795": "+", "\u02d6": "+", "\u2064": "+"})
_VERA = {"ap": "A+", "app": "A++", "ap3": "A+++", "ap4": "A++++"}
_KOLOMMEN = ("klasse", "ep2_tot_en_met", *METHODEN.values(), "kleur")
_HONDERDSTE = Decimal("0.01")


def normalize(value: object) -> str | None:
    """The canonical class of any spelling; ONBEKEND for empty cells; None for a non-label.

    Accepts "a", "Label b", "Energielabel C", "A+ +", VERA codes "AP" … "AP4" and unicode
    plus signs, regardless of case and spaces. "A+++++" (utility buildings only), "H" or "12"
    are not a housing label: None, so the importer can warn.
    """
    if not isinstance(value, str):
        return ONBEKEND if _leeg(value) else None
    tekst = " ".join(unicodedata.normalize("NFKC", value).translate(_PLUSACHTIG).casefold().split())
    zonder_voorvoegsel = _VOORVOEGSEL.sub("", tekst)
    # "Label onbekend" is unknown too, but a bare "Label" is not a label at all.
    if tekst in _ONBEKEND_GESCHREVEN or zonder_voorvoegsel in _ONBEKEND_GESCHREVEN - {""}:
        return ONBEKEND
    code = zonder_voorvoegsel.replace(" ", "")
    if code in _VERA:
        return _VERA[code]
    return code.upper() if code.upper() in KLASSEN else None


def rank(klasse: str) -> int:
    """0 for A++++ up to 10 for G; ValueError for onbekend or a non-class."""
    try:
        return KLASSEN.index(klasse)
    except ValueError:
        raise ValueError(f"Geen energielabelklasse: {klasse!r}") from None


def at_least(klasse: str, minimum: str) -> bool:
    """Whether `klasse` is `minimum` or better; an onbekend label never is."""
    if klasse == ONBEKEND:
        return False
    return rank(klasse) <= rank(minimum)


def classes_at_least(minimum: str) -> tuple[str, ...]:
    """The known classes at least as good as ``minimum`` ("A" -> A++++ … A)."""
    return tuple(k for k in KLASSEN if at_least(k, minimum))


def classes_below(minimum: str) -> tuple[str, ...]:
    """The known classes worse than ``minimum`` ("A" -> B … G); onbekend is neither."""
    return tuple(k for k in KLASSEN if not at_least(k, minimum))


def groep_van(klasse: str, indeling: str = "domesta") -> str:
    """The group name of a class in an agreement's grouping (default Domesta's fasering)."""
    if indeling not in INDELINGEN:
        raise ValueError(
            f"Onbekende labelindeling {indeling!r} (kies uit: {', '.join(INDELINGEN)})"
        )
    if klasse == ONBEKEND:
        return ONBEKEND
    for groep in INDELINGEN[indeling]:
        if klasse in GROEPEN[groep]:
            return groep
    raise ValueError(f"Geen energielabelklasse: {klasse!r}")


def gemiddeld(klassen: Iterable[str]) -> tuple[float, str] | None:
    """The ordinal mean label: the mean of `rank` over the known labels, ignoring onbekend.

    This is a mean over the label order (A++++ = 0 … G = 10), not over the energy index or EP2.
    Returns the mean rank and the class at that mean rounded half up (4.5 lies between A and B
    and gives B). None when there is no known label.
    """
    rangen = [rank(klasse) for klasse in klassen if klasse != ONBEKEND]
    if not rangen:
        return None
    gemiddelde = Fraction(sum(rangen), len(rangen))
    return float(gemiddelde), KLASSEN[floor(gemiddelde + Fraction(1, 2))]


def gemiddeld_gewogen(aantallen: dict[str, int]) -> tuple[float, str] | None:
    """:func:`gemiddeld` of ``n`` times each class (class -> n): the same mean, counted."""
    known = {k: n for k, n in aantallen.items() if k != ONBEKEND and n > 0}
    total = sum(known.values())
    if not total:
        return None
    gemiddelde = Fraction(sum(rank(k) * n for k, n in known.items()), total)
    return float(gemiddelde), KLASSEN[floor(gemiddelde + Fraction(1, 2))]


def van_energie_index(ei: float | None, methode: str = "2015-2020") -> str:
    """The label of an energy index under the "2015-2020" or "voor 2015" table.

    The index is rounded to 2 decimals (half up) first; the table's upper bounds are inclusive,
    so 1,20 is A and 1,21 is B under 2015-2020. A missing index (None, NaN) gives onbekend.
    """
    if methode not in METHODEN:
        raise ValueError(f"Onbekende methode {methode!r} (kies uit: {', '.join(METHODEN)})")
    if ei is None or _leeg(ei):
        return ONBEKEND
    return _klasse_tot_en_met(_op_honderdsten(ei), METHODEN[methode])


def van_ep2(ep2: float | None) -> str:
    """The NTA 8800 label of a primary fossil energy use EP2 in kWh/m²·jr (2 decimals, half up).

    The table's upper bounds are inclusive: 0,00 is A++++, 50,00 is A+++, 50,01 is A++. A missing
    value (None, NaN) gives onbekend.
    """
    if ep2 is None or _leeg(ep2):
        return ONBEKEND
    return _klasse_tot_en_met(_op_honderdsten(ep2), "ep2_tot_en_met")


@cache
def _rijen() -> tuple[dict[str, str], ...]:
    rijen = read_table("labelklassen.csv", _KOLOMMEN)
    if tuple(rij["klasse"] for rij in rijen) != KLASSEN:
        raise InvalidTable(f"labelklassen.csv: de klassen staan niet als {KLASSEN}")
    return tuple(rijen)


@cache
def _grenzen(kolom: str) -> tuple[tuple[str, Decimal], ...]:
    # An empty cell: the class is not on this scale (A+++ and A++++ have no energy index).
    return tuple((rij["klasse"], Decimal(rij[kolom])) for rij in _rijen() if rij[kolom])


def _klasse_tot_en_met(waarde: Decimal, kolom: str) -> str:
    return next(klasse for klasse, grens in _grenzen(kolom) if waarde <= grens)


def _op_honderdsten(getal: float | Decimal) -> Decimal:
    return Decimal(str(getal)).quantize(_HONDERDSTE, rounding=ROUND_HALF_UP)


def _leeg(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or array is not one cell
        return False


# Defined last because it reads the table through _rijen().
KLEUREN: dict[str, str] = {rij["klasse"]: rij["kleur"] for rij in _rijen()} | {ONBEKEND: "#9e9e9e"}
