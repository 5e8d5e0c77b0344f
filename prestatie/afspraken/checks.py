"""De controle van één tabel uit een afsprakenbestand: sleutels en waarden, in het Nederlands.

:func:`lees_document`, :func:`lees_afspraak` en :func:`lees_doel` maken van één tabel (`[document]`,
één `[[afspraak]]`, één `[[doel]]`) een record uit :mod:`prestatie.afspraken.schema`, of melden wat
er niet klopt met :class:`Ongeldig`: een fout zonder plaats. :mod:`prestatie.afspraken.toml_reader`
zet bestand en afspraak/doel voor de melding.
"""

from __future__ import annotations

import re
from typing import Any

from prestatie.afspraken.schema import (
    AFSPRAAK_SLEUTELS,
    CORPORATIES,
    DOCUMENT_SLEUTELS,
    DOEL_SLEUTELS,
    KINDS,
    LABELS,
    PARAMS,
    RICHTINGEN,
    RICHTINGEN_PER_SOORT,
    STATUSSEN,
    Afspraak,
    Document,
    Doel,
    Norm,
    Param,
    Periode,
)


class Ongeldig(Exception):
    """Een fout zonder plaats; de aanroeper zet bestand en id ervoor."""


# --- document ----------------------------------------------------------------------------------


def lees_document(inhoud: dict[str, Any], stam: str) -> Document:
    """De tabel [document] uit de inhoud van het bestand; het id moet de bestandsnaam zijn."""
    if not isinstance(inhoud.get("document"), dict):
        raise Ongeldig("tabel [document] ontbreekt")
    tabel = inhoud["document"]
    _alleen(tabel, DOCUMENT_SLEUTELS)
    id = _tekst(tabel, "id")
    if id != stam:
        raise Ongeldig(f'id "{id}" moet gelijk zijn aan de bestandsnaam "{stam}"')
    return Document(
        id=id,
        titel=_tekst(tabel, "titel"),
        gemeente=_tekst(tabel, "gemeente"),
        partijen=_tekstlijst(tabel, "partijen"),
        periode=_jarenpaar(tabel, "periode"),
        bron=_tekst(tabel, "bron"),
        ondertekend=_tekst(tabel, "ondertekend", ""),
        themas=_themas(tabel),
    )


def _jarenpaar(tabel: dict[str, Any], sleutel: str) -> tuple[int, int]:
    waarde = _lees(tabel, sleutel, list)
    if len(waarde) != 2 or not all(_is(jaar, int) for jaar in waarde) or waarde[0] > waarde[1]:
        raise Ongeldig(f'"{sleutel}" moet [eerste jaar, laatste jaar] zijn, niet {waarde!r}')
    return waarde[0], waarde[1]


def _themas(tabel: dict[str, Any]) -> dict[str, str]:
    themas = _lees(tabel, "themas", dict)
    if not themas or not all(isinstance(naam, str) for naam in themas.values()):
        raise Ongeldig('"themas" moet per code een naam geven, zoals { A = "Duurzaamheid" }')
    return dict(themas)


# --- afspraak (het register) ---------------------------------------------------------------


def lees_afspraak(tabel: dict[str, Any], document: Document) -> Afspraak:
    """Eén [[afspraak]]; kwantitatief is nog False (de aanroeper kent de doelen)."""
    _alleen(tabel, AFSPRAAK_SLEUTELS)
    return Afspraak(
        document=document.id,
        nummer=_tekst(tabel, "nummer", verplicht_gevuld=True),
        thema=_keuze(tabel, "thema", tuple(document.themas)),
        tekst=_tekst(tabel, "tekst", verplicht_gevuld=True),
        resultaat=_tekst(tabel, "resultaat"),
        tijd=_tekst(tabel, "tijd"),
        trekker=_tekst(tabel, "trekker"),
        jaarschijf=_tekst(tabel, "jaarschijf"),
        status=_keuze(tabel, "status", STATUSSEN),
        toelichting=_tekst(tabel, "toelichting", ""),
        kwantitatief=False,
    )


# --- doel ----------------------------------------------------------------------------------


def lees_doel(tabel: dict[str, Any], document: Document, nummers: set[str]) -> Doel:
    """Eén [[doel]]; het moet verwijzen naar een van de afspraaknummers."""
    soort = _soort(tabel)
    _alleen(tabel, DOEL_SLEUTELS + tuple(PARAMS[soort]))
    richting = _keuze(tabel, "richting", RICHTINGEN_PER_SOORT.get(soort, RICHTINGEN))
    afspraak = _tekst(tabel, "afspraak", verplicht_gevuld=True)
    if afspraak not in nummers:
        raise Ongeldig(f'verwijst naar afspraak "{afspraak}", die niet in het bestand staat')
    return Doel(
        document=document.id,
        id=_tekst(tabel, "id", verplicht_gevuld=True),
        afspraak=afspraak,
        omschrijving=_tekst(tabel, "omschrijving", verplicht_gevuld=True),
        tekst=_tekst(tabel, "tekst", verplicht_gevuld=True),
        soort=soort,
        corporaties=_corporaties(tabel),
        per_corporatie=_lees(tabel, "per_corporatie", bool),
        gemeente=document.gemeente,
        kern=_tekst(tabel, "kern", "") or None,
        richting=richting,
        norm=_normen(tabel, soort, richting),
        params=_params(tabel, soort),
        toelichting=_tekst(tabel, "toelichting", ""),
    )


def _soort(tabel: dict[str, Any]) -> str:
    soort = _tekst(tabel, "soort")
    if soort not in KINDS:
        raise Ongeldig(f'onbekende soort "{soort}" (kies uit: {", ".join(KINDS)})')
    return soort


def _corporaties(tabel: dict[str, Any]) -> tuple[str, ...]:
    namen = _tekstlijst(tabel, "corporaties")
    for naam in namen:
        if naam not in CORPORATIES:
            raise Ongeldig(f'onbekende corporatie "{naam}" (kies uit: {", ".join(CORPORATIES)})')
    _geen_dubbele(namen, "corporaties")
    return namen


def _params(tabel: dict[str, Any], soort: str) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for sleutel, param in PARAMS[soort].items():
        if sleutel not in tabel and not param.verplicht:
            params[sleutel] = None
            continue
        waarde = _lees(tabel, sleutel, param.type)
        params[sleutel] = _paramwaarde(sleutel, waarde, param)
    return params


def _paramwaarde(sleutel: str, waarde: Any, param: Param) -> Any:
    if param.type is float:
        return float(waarde)
    if param.type is list:
        waarden = _tekstlijst({sleutel: waarde}, sleutel, verplicht_gevuld=True)
        for item in waarden:
            _moet_kiezen(sleutel, item, param.keuzes)
        _geen_dubbele(waarden, sleutel)
        return waarden
    if param.keuzes:
        _moet_kiezen(sleutel, waarde, param.keuzes)
    return waarde


# --- normen --------------------------------------------------------------------------------

_PERIODE = re.compile(r"(\d{4})(?:-(\d{4}))?")
_AANDELEN = ("aandeel_huur", "aandeel_label")
_AANTALLEN = ("jaarschijf", "labelsprong", "naar_nul")


def _normen(tabel: dict[str, Any], soort: str, richting: str) -> tuple[tuple[Periode, Norm], ...]:
    ruw = _lees(tabel, "norm", dict)
    if not ruw:
        raise Ongeldig('"norm" is leeg')
    normen: dict[Periode, Norm] = {}
    for sleutel, waarde in ruw.items():
        periode = _periode(sleutel)
        if periode in normen:
            raise Ongeldig(f'norm "{sleutel}": periode komt twee keer voor')
        normen[periode] = _normwaarde(waarde, soort, richting, sleutel)
    return tuple(sorted(normen.items(), key=lambda paar: paar[0]))


def _periode(sleutel: str) -> Periode:
    """'2023' wordt Periode(2023, 2023); '2021-2024' wordt Periode(2021, 2024)."""
    gevonden = _PERIODE.fullmatch(sleutel)
    if not gevonden:
        raise Ongeldig(f'norm "{sleutel}": geen jaar of reeks van jaren ("2023", "2021-2024")')
    van = int(gevonden.group(1))
    tot = int(gevonden.group(2) or van)
    if tot < van:
        raise Ongeldig(f'norm "{sleutel}": het laatste jaar ligt vóór het eerste')
    return Periode(van, tot)


def _normwaarde(waarde: Any, soort: str, richting: str, sleutel: str) -> Norm:
    try:
        if richting == "band":
            return _band(waarde, soort)
        if isinstance(waarde, list):
            raise Ongeldig(f'verwacht één waarde bij richting "{richting}", niet {waarde!r}')
        return _scalair(waarde, soort)
    except Ongeldig as fout:
        raise Ongeldig(f'norm "{sleutel}": {fout}') from None


def _band(waarde: Any, soort: str) -> tuple[float, float]:
    if not isinstance(waarde, list) or len(waarde) != 2:
        raise Ongeldig(f'verwacht [laag, hoog] bij richting "band", niet {waarde!r}')
    laag, hoog = (_scalair(grens, soort) for grens in waarde)
    if laag > hoog:
        raise Ongeldig(f"de ondergrens {laag} ligt boven de bovengrens {hoog}")
    return laag, hoog


def _scalair(waarde: Any, soort: str) -> float | str:
    if soort == "gemiddeld_label":
        if waarde not in LABELS:
            raise Ongeldig(f"{waarde!r} is geen energielabel (kies uit: {', '.join(LABELS)})")
        return waarde
    if soort in _AANDELEN:
        if not _is(waarde, float) or not 0 <= waarde <= 1:
            raise Ongeldig(f"{waarde!r} is geen aandeel tussen 0 en 1")
        return float(waarde)
    if not _is(waarde, int):
        raise Ongeldig(f"{waarde!r} is geen geheel aantal")
    if soort in _AANTALLEN and waarde < 0:
        raise Ongeldig(f"{waarde!r} is negatief; een aantal is 0 of meer")
    if soort == "naar_nul" and waarde != 0:
        raise Ongeldig(f"naar_nul verwacht norm 0, niet {waarde!r}")
    return waarde


# --- kleine lezers -------------------------------------------------------------------------

_ONTBREEKT = object()
_TYPENAMEN = {
    str: "tekst",
    bool: "true of false",
    int: "een geheel getal",
    float: "een getal",
    list: "een lijst",
    dict: "een tabel",
}


def _is(waarde: Any, soort: type) -> bool:
    if isinstance(waarde, bool):
        return soort is bool
    if soort is float:
        return isinstance(waarde, int | float)
    return isinstance(waarde, soort)


def _lees(tabel: dict[str, Any], sleutel: str, soort: type, standaard: Any = _ONTBREEKT) -> Any:
    if sleutel not in tabel:
        if standaard is _ONTBREEKT:
            raise Ongeldig(f'sleutel "{sleutel}" ontbreekt')
        return standaard
    waarde = tabel[sleutel]
    if not _is(waarde, soort):
        raise Ongeldig(f'"{sleutel}" moet {_TYPENAMEN[soort]} zijn, niet {waarde!r}')
    return waarde


def _tekst(
    tabel: dict[str, Any], sleutel: str, standaard: Any = _ONTBREEKT, verplicht_gevuld: bool = False
) -> str:
    waarde = _lees(tabel, sleutel, str, standaard)
    if verplicht_gevuld and not waarde.strip():
        raise Ongeldig(f'"{sleutel}" is leeg')
    return waarde


def _tekstlijst(
    tabel: dict[str, Any], sleutel: str, verplicht_gevuld: bool = False
) -> tuple[str, ...]:
    waarden = _lees(tabel, sleutel, list)
    if not all(isinstance(waarde, str) for waarde in waarden):
        raise Ongeldig(f'"{sleutel}" moet een lijst van teksten zijn, niet {waarden!r}')
    if verplicht_gevuld and not waarden:
        raise Ongeldig(f'"{sleutel}" is leeg')
    return tuple(waarden)


def _keuze(tabel: dict[str, Any], sleutel: str, keuzes: tuple[str, ...]) -> str:
    waarde = _tekst(tabel, sleutel)
    _moet_kiezen(sleutel, waarde, keuzes)
    return waarde


def _moet_kiezen(sleutel: str, waarde: str, keuzes: tuple[str, ...]) -> None:
    if waarde not in keuzes:
        raise Ongeldig(
            f'onbekende waarde "{waarde}" voor "{sleutel}" (kies uit: {", ".join(keuzes)})'
        )


def _alleen(tabel: dict[str, Any], toegestaan: tuple[str, ...]) -> None:
    for sleutel in tabel:
        if sleutel not in toegestaan:
            raise Ongeldig(f'onbekende sleutel "{sleutel}"')


def _geen_dubbele(waarden: tuple[str, ...], sleutel: str) -> None:
    for waarde in waarden:
        if waarden.count(waarde) > 1:
            raise Ongeldig(f'"{waarde}" staat twee keer in "{sleutel}"')
