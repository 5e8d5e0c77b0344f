"""Wat een afsprakenbestand mag bevatten: de woorden, de sleutels per tabel en de records.

De woorden zijn de toegestane waarden (soorten doelen, statussen, corporaties, labels, …); de
sleutels zeggen welke sleutels `[document]`, `[[afspraak]]` en `[[doel]]` kennen, per soort doel ook
de soort-specifieke; de bevroren dataclasses zijn wat :mod:`prestatie.afspraken.toml_reader`
teruggeeft. Iedereen importeert deze namen uit :mod:`prestatie.afspraken.toml_reader`; de controle
van één tabel staat in :mod:`prestatie.afspraken.checks`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# --- de woorden ----------------------------------------------------------------------------

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


# --- de records ----------------------------------------------------------------------------


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


# --- de sleutels per tabel -----------------------------------------------------------------

DOCUMENT_SLEUTELS = (
    "id",
    "titel",
    "gemeente",
    "partijen",
    "periode",
    "bron",
    "ondertekend",
    "themas",
)

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
class Param:
    """Een soort-specifieke sleutel: type, toegestane waarden en of hij verplicht is."""

    type: type
    keuzes: tuple[str, ...] = ()
    verplicht: bool = True


PARAMS: dict[str, dict[str, Param]] = {
    "aandeel_huur": {
        "grens": Param(str, GRENZEN),
        "inclusief": Param(bool),
        "prijspeil": Param(int),
        "bedrag": Param(float),
        "basis": Param(str, BASISSEN),
    },
    "aandeel_label": {"labels": Param(list, LABELS), "groepnaam": Param(str)},
    "gemiddeld_label": {},
    "jaarschijf": {"activiteiten": Param(list, ACTIVITEITEN)},
    "bandbreedte": {"maat": Param(str, MATEN), "basisjaar": Param(int, verplicht=False)},
    "naar_nul": {"labels": Param(list, LABELS)},
    "labelsprong": {"label": Param(str, LABELS)},
}

# Every kind-specific key, once, in the order of the kinds (the template's columns).
PARAM_SLEUTELS = tuple(dict.fromkeys(k for params in PARAMS.values() for k in params))

# The directions a kind allows when it does not allow all of RICHTINGEN.
RICHTINGEN_PER_SOORT = {"gemiddeld_label": ("min", "max"), "naar_nul": ("max",)}
