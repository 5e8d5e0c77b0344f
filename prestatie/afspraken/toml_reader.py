"""Prestatieafspraken als data: het register en de meetbare doelen uit data/afspraken/*.toml.

Een afsprakenbestand beschrijft één document (prestatieafspraken of een lokaal akkoord):
`[document]` met de kop, `[[afspraak]]` voor elke afspraak uit het document (het register) en
`[[doel]]` voor elk getal dat de monitor uit aangeleverde voorraad- en productielijsten kan
toetsen. Dit module leest zo'n bestand, controleert het en geeft bevroren dataclasses terug.
Elke fout wordt een TargetFileError met bestand en id, in het Nederlands.

Hier staat het lezen van een heel bestand; de toegestane woorden, sleutels en records staan in
:mod:`prestatie.afspraken.schema`, de controle van één tabel in :mod:`prestatie.afspraken.checks`.
Importeer ze uit dit module: het is de voordeur.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from prestatie.afspraken.checks import Ongeldig, lees_afspraak, lees_document, lees_doel
from prestatie.afspraken.schema import (
    ACTIVITEITEN,
    AFSPRAAK_SLEUTELS,
    BASISSEN,
    CORPORATIES,
    DOEL_SLEUTELS,
    GRENZEN,
    KINDS,
    LABELS,
    MATEN,
    PARAM_SLEUTELS,
    RICHTINGEN,
    STATUSSEN,
    Afspraak,
    Agreement,
    Document,
    Doel,
    Norm,
    Periode,
)

__all__ = [
    "ACTIVITEITEN",
    "AFSPRAAK_SLEUTELS",
    "BASISSEN",
    "CORPORATIES",
    "DOEL_SLEUTELS",
    "GRENZEN",
    "KINDS",
    "LABELS",
    "MATEN",
    "PARAM_SLEUTELS",
    "RICHTINGEN",
    "STATUSSEN",
    "Afspraak",
    "Agreement",
    "Doel",
    "Document",
    "Norm",
    "Periode",
    "TargetFileError",
    "default_folder",
    "load_agreement",
    "load_agreements",
    "parse_agreement",
]

T = TypeVar("T")


class TargetFileError(ValueError):
    """Een afsprakenbestand klopt niet; de melding noemt bestand en regel/id."""


# --- publieke functies -----------------------------------------------------------------------


def default_folder() -> Path:
    """De map met de meegeleverde afsprakenbestanden: <repo>/data/afspraken."""
    return Path(__file__).parents[2] / "data" / "afspraken"


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
    document = _plaats(bestand, "[document]", lambda: lees_document(inhoud, Path(bestand).stem))
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
    except Ongeldig as fout:
        raise TargetFileError(f"{bestand}, {waar}: {fout}") from None


def _naam(soort: str, tabel: dict[str, Any], sleutel: str, index: int) -> str:
    waarde = tabel.get(sleutel)
    return f'{soort} "{waarde}"' if isinstance(waarde, str) else f"{soort} nr. {index + 1}"


def _tabellen(inhoud: dict[str, Any], sleutel: str, bestand: str) -> list[dict[str, Any]]:
    tabellen = inhoud.get(sleutel, [])
    if not isinstance(tabellen, list) or not all(isinstance(t, dict) for t in tabellen):
        raise TargetFileError(f"{bestand}: [[{sleutel}]] moet een lijst van tabellen zijn")
    return tabellen


# --- de lijsten: elke afspraak en elk doel één keer ------------------------------------------


def _afspraken(inhoud: dict[str, Any], bestand: str, document: Document) -> tuple[Afspraak, ...]:
    afspraken: list[Afspraak] = []
    nummers: set[str] = set()
    for index, tabel in enumerate(_tabellen(inhoud, "afspraak", bestand)):
        waar = _naam("afspraak", tabel, "nummer", index)
        afspraak = _plaats(bestand, waar, lambda t=tabel: lees_afspraak(t, document))
        if afspraak.nummer in nummers:
            raise TargetFileError(f"{bestand}, {waar}: nummer komt twee keer voor")
        nummers.add(afspraak.nummer)
        afspraken.append(afspraak)
    return tuple(afspraken)


def _doelen(
    inhoud: dict[str, Any], bestand: str, document: Document, nummers: set[str]
) -> tuple[Doel, ...]:
    doelen: list[Doel] = []
    ids: set[str] = set()
    for index, tabel in enumerate(_tabellen(inhoud, "doel", bestand)):
        waar = _naam("doel", tabel, "id", index)
        doel = _plaats(bestand, waar, lambda t=tabel: lees_doel(t, document, nummers))
        if doel.id in ids:
            raise TargetFileError(f"{bestand}, {waar}: id komt twee keer voor")
        ids.add(doel.id)
        doelen.append(doel)
    return tuple(doelen)
