"""Eén cel van het sjabloon: een waarde van een afspraak of doel als cel, en een cel terug.

Celwaarden: lijsten als "Lefier, Woonservice"; ja/nee voor waar/onwaar; een norm als
"2023=30; 2024=20", een bandbreedte als "2021=[-60, -10]", een aandeel als "90%" of "0,9".
Een cel die niet te lezen is geeft :class:`CelFout`; wie leest voegt blad, rij en kolom toe.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from prestatie.afspraken.schema import Doel

_JA_NEE = ("per_corporatie", "inclusief")
_GEHEEL = ("prijspeil", "basisjaar")
_GETAL = ("bedrag",)
_LIJST = ("corporaties", "labels", "activiteiten")
_AANDELEN = ("aandeel_huur", "aandeel_label")
_JA = ("ja", "j", "waar", "true", "1")
_NEE = ("nee", "n", "onwaar", "false", "0")


class CelFout(Exception):
    """A cell that cannot be read; the caller adds sheet, row and column."""


# --- value -> cell ---------------------------------------------------------------------------


def celwaarde(waarde: object) -> object:
    """A parameter as a cell: None -> "", True -> "ja", a tuple -> "a, b"."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return ja_nee(waarde)
    if isinstance(waarde, tuple):
        return ", ".join(waarde)
    return waarde


def ja_nee(waarde: bool) -> str:
    return "ja" if waarde else "nee"


def normtekst(doel: Doel) -> str:
    """The norm as a cell: "2023=30; 2024=20", "2021=[-60, -10]", "2023=90%"."""
    return "; ".join(
        f"{periode.label}={_normwaarde_tekst(norm, doel.soort)}" for periode, norm in doel.norm
    )


def _normwaarde_tekst(norm: object, soort: str) -> str:
    if isinstance(norm, tuple):
        return f"[{getal_tekst(norm[0], soort)}, {getal_tekst(norm[1], soort)}]"
    return getal_tekst(norm, soort)


def getal_tekst(waarde: object, soort: str) -> str:
    """A number as the template writes it: 678.66 -> "678,66"; a share (soort) as "90%"."""
    if isinstance(waarde, str | int):
        return str(waarde)
    exact = Decimal(repr(waarde)) * (100 if soort in _AANDELEN else 1)
    tekst = format(exact.normalize(), "f").replace(".", ",")
    return tekst + "%" if soort in _AANDELEN else tekst


# --- cell -> value ---------------------------------------------------------------------------


def cel(kolom: str, waarde: object) -> object:
    """One cell in the type its column needs; empty -> None (text columns: "")."""
    if isinstance(waarde, str):
        waarde = waarde.strip()
    if waarde is None or waarde == "":
        return {} if kolom == "norm" else ("" if _is_tekstkolom(kolom) else None)
    if kolom in _JA_NEE:
        return _ja_nee_lezen(waarde)
    if kolom in _GEHEEL:
        return _geheel_lezen(waarde)
    if kolom in _GETAL:
        return _getal_lezen(waarde)
    if kolom in _LIJST:
        return [deel.strip() for deel in re.split(r"[,;]", tekst(waarde)) if deel.strip()]
    if kolom == "norm":
        return norm_lezen(tekst(waarde))
    return tekst(waarde)


def _is_tekstkolom(kolom: str) -> bool:
    return kolom not in (*_JA_NEE, *_GEHEEL, *_GETAL, *_LIJST)


def tekst(waarde: object) -> str:
    """A cell as text: 12.0 -> "12", a date -> "2022-12-01", empty -> ""."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return ja_nee(waarde)
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    if isinstance(waarde, date):
        return waarde.isoformat()[:10]
    return str(waarde).strip()


def _ja_nee_lezen(waarde: object) -> bool:
    if isinstance(waarde, bool):
        return waarde
    woord = tekst(waarde).lower()
    if woord in _JA or woord in _NEE:
        return woord in _JA
    raise CelFout('verwacht "ja" of "nee"')


def _geheel_lezen(waarde: object) -> int:
    try:
        getal = _getal_lezen(waarde)
    except CelFout:
        getal = None
    if getal is None or not float(getal).is_integer():
        raise CelFout("verwacht een geheel getal (een jaar)")
    return int(getal)


def _getal_lezen(waarde: object) -> int | float:
    if isinstance(waarde, int | float) and not isinstance(waarde, bool):
        return waarde
    cijfers = tekst(waarde).replace("€", "").replace(" ", "")
    if "," in cijfers:
        cijfers = cijfers.replace(".", "").replace(",", ".")
    try:
        getal = Decimal(cijfers)
    except InvalidOperation:
        raise CelFout("verwacht een getal, zoals 678,66") from None
    if getal == getal.to_integral_value() and "." not in cijfers:
        return int(getal)
    return float(getal)


_NORMGETAL = r"-?\d+(?:[.,]\d+)?%?"
_BAND = re.compile(rf"\[\s*({_NORMGETAL})\s*,\s*({_NORMGETAL})\s*\]")


def norm_lezen(regel: str) -> dict[str, object]:
    """ "2023=30; 2024=20" -> {"2023": 30, "2024": 20}; "2021=[-60, -10]"; "2023=90%" -> 0.9."""
    normen: dict[str, object] = {}
    for deel in re.split(r"[;\n]", regel):
        if not deel.strip():
            continue
        sleutel, is_, waarde = (s.strip() for s in deel.partition("="))
        if not is_ or not sleutel or not waarde:
            raise CelFout(
                f'kan "{deel.strip()}" niet lezen; schrijf jaar=waarde, bijvoorbeeld '
                '"2023=30; 2024=20" of "2021=[-60, -10]"'
            )
        if sleutel in normen:
            raise CelFout(f"jaar {sleutel} staat twee keer in de norm")
        normen[sleutel] = _normwaarde(waarde)
    return normen


def _normwaarde(waarde: str) -> object:
    if waarde.startswith("["):
        band = _BAND.fullmatch(waarde)
        if not band:
            raise CelFout(f'kan "{waarde}" niet lezen; schrijf een bandbreedte als [laag, hoog]')
        return [_normgetal(band[1]), _normgetal(band[2])]
    if re.fullmatch(_NORMGETAL, waarde):
        return _normgetal(waarde)
    return waarde  # a label such as "B"; targets checks it


def _normgetal(getal: str) -> int | float:
    procent = getal.endswith("%")
    getal = getal.rstrip("%").replace(",", ".")
    if not procent and "." not in getal:
        return int(getal)
    return float(Decimal(getal) / 100 if procent else Decimal(getal))
