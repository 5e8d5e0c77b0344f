"""Wat een nieuwe versie van een afsprakendocument verandert, in woorden, voor de gebruiker
die haar opslaat: toegevoegde, verwijderde en gewijzigde afspraken en doelen."""

from __future__ import annotations

from dataclasses import fields

from prestatie.afspraken.schema import Agreement


def wijzigingen(oud: Agreement | None, nieuw: Agreement) -> list[str]:
    """In words, what a new version changes: added, removed and changed agreements and targets."""
    if oud is None:
        return [
            f"nieuw document met {len(nieuw.afspraken)} afspraken en {len(nieuw.doelen)} doelen"
        ]
    regels = []
    if oud.document != nieuw.document:
        regels.append("kop van het document gewijzigd: " + _velden(oud.document, nieuw.document))
    for soort, sleutel, oude, nieuwe in (
        ("afspraak", "nummer", oud.afspraken, nieuw.afspraken),
        ("doel", "id", oud.doelen, nieuw.doelen),
    ):
        voor = {getattr(x, sleutel): x for x in oude}
        na = {getattr(x, sleutel): x for x in nieuwe}
        regels += [f"{soort} {k} toegevoegd" for k in na if k not in voor]
        regels += [f"{soort} {k} verwijderd" for k in voor if k not in na]
        regels += [
            f"{soort} {k} gewijzigd: {_velden(voor[k], na[k])}"
            for k in na
            if k in voor and voor[k] != na[k]
        ]
    return regels


def _velden(oud: object, nieuw: object) -> str:
    return ", ".join(f.name for f in fields(oud) if getattr(oud, f.name) != getattr(nieuw, f.name))
