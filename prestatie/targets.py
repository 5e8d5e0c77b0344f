"""Prestatieafspraken als data: het register en de meetbare doelen uit data/afspraken/*.toml.

Een afsprakenbestand beschrijft één document (prestatieafspraken of een lokaal akkoord):
`[document]` met de kop, `[[afspraak]]` voor elke afspraak uit het document (het register) en
`[[doel]]` voor elk getal dat de monitor uit aangeleverde voorraad- en productielijsten kan
toetsen. Dit module leest zo'n bestand, controleert het en geeft bevroren dataclasses terug.
Elke fout wordt een TargetFileError met bestand en id, in het Nederlands.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

KINDS = (
    "aandeel_huur",
    "aandeel_label",
    "gemiddeld_label",
    "jaarschijf",
    "bandbreedte",
    "naar_nul",
    "labelsprong",
)
RICHTINGEN = ("min", "max", "band")
STATUSSEN = ("niet gestart", "loopt", "gereed", "vertraagd", "vervallen")
CORPORATIES = ("Lefier", "Woonservice", "Domesta")
LABELS = ("A++++", "A+++", "A++", "A+", "A", "B", "C", "D", "E", "F", "G")
GRENZEN = (
    "kwaliteitskortingsgrens",
    "eerste_aftoppingsgrens",
    "tweede_aftoppingsgrens",
    "liberalisatiegrens",
)
ACTIVITEITEN = ("nieuwbouw", "sloop", "verkoop", "verduurzaming", "zonnepanelen")
MATEN = ("vhe", "eengezins", "levensloopgeschikt")
BASISSEN = ("voorraad", "aanbod")

Norm = float | str | tuple[float, float]
T = TypeVar("T")


class TargetFileError(ValueError):
    """Een afsprakenbestand klopt niet; de melding noemt bestand en regel/id."""


class _Ongeldig(Exception):
    """Een fout zonder plaats; de aanroeper zet bestand en id ervoor."""


@dataclass(frozen=True)
class Document:
    id: str
    titel: str
    gemeente: str
    partijen: tuple[str, ...]
    periode: tuple[int, int]
    bron: str
    ondertekend: str
    themas: dict[str, str] = field(hash=False)


@dataclass(frozen=True)
class Afspraak:
    document: str
    nummer: str
    thema: str
    tekst: str
    resultaat: str
    tijd: str
    trekker: str
    jaarschijf: str
    status: str
    toelichting: str
    kwantitatief: bool


@dataclass(frozen=True, order=True)
class Periode:
    """Sleutel van een norm: één jaar ("2023") of een aaneengesloten reeks ("2021-2024")."""

    van: int
    tot: int

    @property
    def label(self) -> str:
        return str(self.van) if self.van == self.tot else f"{self.van}-{self.tot}"


@dataclass(frozen=True)
class Doel:
    document: str
    id: str
    afspraak: str
    omschrijving: str
    tekst: str
    soort: str
    corporaties: tuple[str, ...]
    per_corporatie: bool
    gemeente: str
    kern: str | None
    richting: str
    norm: tuple[tuple[Periode, Norm], ...]
    params: dict[str, Any] = field(hash=False)
    toelichting: str


@dataclass(frozen=True)
class Agreement:
    document: Document
    afspraken: tuple[Afspraak, ...]
    doelen: tuple[Doel, ...]

    def afspraak(self, nummer: str) -> Afspraak:
        """De afspraak met dit nummer; KeyError als die er niet is."""
        for afspraak in self.afspraken:
            if afspraak.nummer == nummer:
                return afspraak
        raise KeyError(nummer)

    def doel(self, id: str) -> Doel:
        """Het doel met dit id; KeyError als dat er niet is."""
        for doel in self.doelen:
            if doel.id == id:
                return doel
        raise KeyError(id)


# --- publieke functies -----------------------------------------------------------------------


def default_folder() -> Path:
    """De map met de meegeleverde afsprakenbestanden: <repo>/data/afspraken."""
    return Path(__file__).parents[1] / "data" / "afspraken"


def load_agreements(folder: Path) -> list[Agreement]:
    """Alle *.toml in de map, gesorteerd op document-id."""
    agreements = [load_agreement(pad) for pad in sorted(Path(folder).glob("*.toml"))]
    return sorted(agreements, key=lambda agreement: agreement.document.id)


def load_agreement(path: Path) -> Agreement:
    """Leest en controleert één afsprakenbestand."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as fout:
        raise TargetFileError(f"{path.name}: kan het bestand niet lezen ({fout})") from None
    return parse_agreement(text, path.name)


def parse_agreement(text: str, bestand: str) -> Agreement:
    """Leest en controleert een afsprakendocument uit tekst (zoals bewaard in de database)."""
    try:
        inhoud = tomllib.loads(text)
    except tomllib.TOMLDecodeError as fout:
        raise TargetFileError(_toml_melding(bestand, str(fout))) from None
    for sleutel in inhoud:
        if sleutel not in ("document", "afspraak", "doel"):
            raise TargetFileError(f'{bestand}: onbekende tabel "{sleutel}"')
    document = _plaats(bestand, "[document]", lambda: _document(inhoud, Path(bestand).stem))
    afspraken = _afspraken(inhoud, bestand, document)
    doelen = _doelen(inhoud, bestand, document, {a.nummer for a in afspraken})
    gekoppeld = {doel.afspraak for doel in doelen}
    afspraken = tuple(replace(a, kwantitatief=a.nummer in gekoppeld) for a in afspraken)
    return Agreement(document=document, afspraken=afspraken, doelen=doelen)


# --- bestand en plaats -----------------------------------------------------------------------


_TOML_PLAATS = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def _toml_melding(bestand: str, melding: str) -> str:
    """Zet de regel en kolom uit de melding van tomllib vooraan, zoals bij de andere fouten."""
    plaats = _TOML_PLAATS.search(melding)
    if not plaats:
        return f"{bestand}: geen geldige TOML ({melding})"
    reden = melding[: plaats.start()]
    return f"{bestand}, regel {plaats[1]}, kolom {plaats[2]}: geen geldige TOML ({reden})"


def _plaats(bestand: str, waar: str, maak: Callable[[], T]) -> T:
    """Roept maak() aan en zet bij een fout bestand en plaats voor de melding."""
    try:
        return maak()
    except _Ongeldig as fout:
        raise TargetFileError(f"{bestand}, {waar}: {fout}") from None


def _naam(soort: str, tabel: dict[str, Any], sleutel: str, index: int) -> str:
    waarde = tabel.get(sleutel)
    return f'{soort} "{waarde}"' if isinstance(waarde, str) else f"{soort} nr. {index + 1}"


def _tabellen(inhoud: dict[str, Any], sleutel: str, bestand: str) -> list[dict[str, Any]]:
    tabellen = inhoud.get(sleutel, [])
    if not isinstance(tabellen, list) or not all(isinstance(t, dict) for t in tabellen):
        raise TargetFileError(f"{bestand}: [[{sleutel}]] moet een lijst van tabellen zijn")
    return tabellen


# --- document ----------------------------------------------------------------------------------

_DOCUMENT_SLEUTELS = (
    "id",
    "titel",
    "gemeente",
    "partijen",
    "periode",
    "bron",
    "ondertekend",
    "themas",
)


def _document(inhoud: dict[str, Any], stam: str) -> Document:
    if not isinstance(inhoud.get("document"), dict):
        raise _Ongeldig("tabel [document] ontbreekt")
    tabel = inhoud["document"]
    _alleen(tabel, _DOCUMENT_SLEUTELS)
    id = _tekst(tabel, "id")
    if id != stam:
        raise _Ongeldig(f'id "{id}" moet gelijk zijn aan de bestandsnaam "{stam}"')
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
        raise _Ongeldig(f'"{sleutel}" moet [eerste jaar, laatste jaar] zijn, niet {waarde!r}')
    return waarde[0], waarde[1]


def _themas(tabel: dict[str, Any]) -> dict[str, str]:
    themas = _lees(tabel, "themas", dict)
    if not themas or not all(isinstance(naam, str) for naam in themas.values()):
        raise _Ongeldig('"themas" moet per code een naam geven, zoals { A = "Duurzaamheid" }')
    return dict(themas)


# --- afspraken (het register) --------------------------------------------------------------

AFSPRAAK_SLEUTELS = (
    "nummer",
    "thema",
    "tekst",
    "resultaat",
    "tijd",
    "trekker",
    "jaarschijf",
    "status",
    "toelichting",
)


def _afspraken(inhoud: dict[str, Any], bestand: str, document: Document) -> tuple[Afspraak, ...]:
    afspraken: list[Afspraak] = []
    nummers: set[str] = set()
    for index, tabel in enumerate(_tabellen(inhoud, "afspraak", bestand)):
        waar = _naam("afspraak", tabel, "nummer", index)
        afspraak = _plaats(bestand, waar, lambda t=tabel: _afspraak(t, document))
        if afspraak.nummer in nummers:
            raise TargetFileError(f"{bestand}, {waar}: nummer komt twee keer voor")
        nummers.add(afspraak.nummer)
        afspraken.append(afspraak)
    return tuple(afspraken)


def _afspraak(tabel: dict[str, Any], document: Document) -> Afspraak:
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


# --- doelen --------------------------------------------------------------------------------

DOEL_SLEUTELS = (
    "id",
    "afspraak",
    "omschrijving",
    "tekst",
    "soort",
    "corporaties",
    "per_corporatie",
    "kern",
    "richting",
    "norm",
    "toelichting",
)


@dataclass(frozen=True)
class _Param:
    """Een soort-specifieke sleutel: type, toegestane waarden en of hij verplicht is."""

    type: type
    keuzes: tuple[str, ...] = ()
    verplicht: bool = True


_PARAMS: dict[str, dict[str, _Param]] = {
    "aandeel_huur": {
        "grens": _Param(str, GRENZEN),
        "inclusief": _Param(bool),
        "prijspeil": _Param(int),
        "bedrag": _Param(float),
        "basis": _Param(str, BASISSEN),
    },
    "aandeel_label": {"labels": _Param(list, LABELS), "groepnaam": _Param(str)},
    "gemiddeld_label": {},
    "jaarschijf": {"activiteiten": _Param(list, ACTIVITEITEN)},
    "bandbreedte": {"maat": _Param(str, MATEN), "basisjaar": _Param(int, verplicht=False)},
    "naar_nul": {"labels": _Param(list, LABELS)},
    "labelsprong": {"label": _Param(str, LABELS)},
}

# Every kind-specific key, once, in the order of the kinds (the template's columns).
PARAM_SLEUTELS = tuple(dict.fromkeys(k for params in _PARAMS.values() for k in params))

_RICHTINGEN_PER_SOORT = {"gemiddeld_label": ("min", "max"), "naar_nul": ("max",)}


def _doelen(
    inhoud: dict[str, Any], bestand: str, document: Document, nummers: set[str]
) -> tuple[Doel, ...]:
    doelen: list[Doel] = []
    ids: set[str] = set()
    for index, tabel in enumerate(_tabellen(inhoud, "doel", bestand)):
        waar = _naam("doel", tabel, "id", index)
        doel = _plaats(bestand, waar, lambda t=tabel: _doel(t, document, nummers))
        if doel.id in ids:
            raise TargetFileError(f"{bestand}, {waar}: id komt twee keer voor")
        ids.add(doel.id)
        doelen.append(doel)
    return tuple(doelen)


def _doel(tabel: dict[str, Any], document: Document, nummers: set[str]) -> Doel:
    soort = _soort(tabel)
    _alleen(tabel, DOEL_SLEUTELS + tuple(_PARAMS[soort]))
    richting = _keuze(tabel, "richting", _RICHTINGEN_PER_SOORT.get(soort, RICHTINGEN))
    afspraak = _tekst(tabel, "afspraak", verplicht_gevuld=True)
    if afspraak not in nummers:
        raise _Ongeldig(f'verwijst naar afspraak "{afspraak}", die niet in het bestand staat')
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
        raise _Ongeldig(f'onbekende soort "{soort}" (kies uit: {", ".join(KINDS)})')
    return soort


def _corporaties(tabel: dict[str, Any]) -> tuple[str, ...]:
    namen = _tekstlijst(tabel, "corporaties")
    for naam in namen:
        if naam not in CORPORATIES:
            raise _Ongeldig(f'onbekende corporatie "{naam}" (kies uit: {", ".join(CORPORATIES)})')
    _geen_dubbele(namen, "corporaties")
    return namen


def _params(tabel: dict[str, Any], soort: str) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for sleutel, param in _PARAMS[soort].items():
        if sleutel not in tabel and not param.verplicht:
            params[sleutel] = None
            continue
        waarde = _lees(tabel, sleutel, param.type)
        params[sleutel] = _paramwaarde(sleutel, waarde, param)
    return params


def _paramwaarde(sleutel: str, waarde: Any, param: _Param) -> Any:
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
        raise _Ongeldig('"norm" is leeg')
    normen: dict[Periode, Norm] = {}
    for sleutel, waarde in ruw.items():
        periode = _periode(sleutel)
        if periode in normen:
            raise _Ongeldig(f'norm "{sleutel}": periode komt twee keer voor')
        normen[periode] = _normwaarde(waarde, soort, richting, sleutel)
    return tuple(sorted(normen.items(), key=lambda paar: paar[0]))


def _periode(sleutel: str) -> Periode:
    """'2023' wordt Periode(2023, 2023); '2021-2024' wordt Periode(2021, 2024)."""
    gevonden = _PERIODE.fullmatch(sleutel)
    if not gevonden:
        raise _Ongeldig(f'norm "{sleutel}": geen jaar of reeks van jaren ("2023", "2021-2024")')
    van = int(gevonden.group(1))
    tot = int(gevonden.group(2) or van)
    if tot < van:
        raise _Ongeldig(f'norm "{sleutel}": het laatste jaar ligt vóór het eerste')
    return Periode(van, tot)


def _normwaarde(waarde: Any, soort: str, richting: str, sleutel: str) -> Norm:
    try:
        if richting == "band":
            return _band(waarde, soort)
        if isinstance(waarde, list):
            raise _Ongeldig(f'verwacht één waarde bij richting "{richting}", niet {waarde!r}')
        return _scalair(waarde, soort)
    except _Ongeldig as fout:
        raise _Ongeldig(f'norm "{sleutel}": {fout}') from None


def _band(waarde: Any, soort: str) -> tuple[float, float]:
    if not isinstance(waarde, list) or len(waarde) != 2:
        raise _Ongeldig(f'verwacht [laag, hoog] bij richting "band", niet {waarde!r}')
    laag, hoog = (_scalair(grens, soort) for grens in waarde)
    if laag > hoog:
        raise _Ongeldig(f"de ondergrens {laag} ligt boven de bovengrens {hoog}")
    return laag, hoog


def _scalair(waarde: Any, soort: str) -> float | str:
    if soort == "gemiddeld_label":
        if waarde not in LABELS:
            raise _Ongeldig(f"{waarde!r} is geen energielabel (kies uit: {', '.join(LABELS)})")
        return waarde
    if soort in _AANDELEN:
        if not _is(waarde, float) or not 0 <= waarde <= 1:
            raise _Ongeldig(f"{waarde!r} is geen aandeel tussen 0 en 1")
        return float(waarde)
    if not _is(waarde, int):
        raise _Ongeldig(f"{waarde!r} is geen geheel aantal")
    if soort in _AANTALLEN and waarde < 0:
        raise _Ongeldig(f"{waarde!r} is negatief; een aantal is 0 of meer")
    if soort == "naar_nul" and waarde != 0:
        raise _Ongeldig(f"naar_nul verwacht norm 0, niet {waarde!r}")
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
            raise _Ongeldig(f'sleutel "{sleutel}" ontbreekt')
        return standaard
    waarde = tabel[sleutel]
    if not _is(waarde, soort):
        raise _Ongeldig(f'"{sleutel}" moet {_TYPENAMEN[soort]} zijn, niet {waarde!r}')
    return waarde


def _tekst(
    tabel: dict[str, Any], sleutel: str, standaard: Any = _ONTBREEKT, verplicht_gevuld: bool = False
) -> str:
    waarde = _lees(tabel, sleutel, str, standaard)
    if verplicht_gevuld and not waarde.strip():
        raise _Ongeldig(f'"{sleutel}" is leeg')
    return waarde


def _tekstlijst(
    tabel: dict[str, Any], sleutel: str, verplicht_gevuld: bool = False
) -> tuple[str, ...]:
    waarden = _lees(tabel, sleutel, list)
    if not all(isinstance(waarde, str) for waarde in waarden):
        raise _Ongeldig(f'"{sleutel}" moet een lijst van teksten zijn, niet {waarden!r}')
    if verplicht_gevuld and not waarden:
        raise _Ongeldig(f'"{sleutel}" is leeg')
    return tuple(waarden)


def _keuze(tabel: dict[str, Any], sleutel: str, keuzes: tuple[str, ...]) -> str:
    waarde = _tekst(tabel, sleutel)
    _moet_kiezen(sleutel, waarde, keuzes)
    return waarde


def _moet_kiezen(sleutel: str, waarde: str, keuzes: tuple[str, ...]) -> None:
    if waarde not in keuzes:
        raise _Ongeldig(
            f'onbekende waarde "{waarde}" voor "{sleutel}" (kies uit: {", ".join(keuzes)})'
        )


def _alleen(tabel: dict[str, Any], toegestaan: tuple[str, ...]) -> None:
    for sleutel in tabel:
        if sleutel not in toegestaan:
            raise _Ongeldig(f'onbekende sleutel "{sleutel}"')


def _geen_dubbele(waarden: tuple[str, ...], sleutel: str) -> None:
    for waarde in waarden:
        if waarden.count(waarde) > 1:
            raise _Ongeldig(f'"{waarde}" staat twee keer in "{sleutel}"')
