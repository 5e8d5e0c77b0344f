"""How the monitor decides, in words for the page *Uitleg*: what each status means and how each
kind of target is measured. The texts are data (``data/uitleg.csv``, written for this app from
the rules in :mod:`prestatie.beoordeling.status`, :mod:`~prestatie.beoordeling.voorraaddoelen`,
:mod:`~prestatie.beoordeling.aantaldoelen` and :mod:`~prestatie.beoordeling.huurregel`); a test
keeps them complete: every status and every kind of target has its text."""

from __future__ import annotations

from functools import cache

from prestatie.referentie.tables import read_table

COLUMNS = ("onderwerp", "sleutel", "tekst")


@cache
def _texts() -> dict[tuple[str, str], str]:
    rows = read_table("uitleg.csv", COLUMNS, "prestatie.beoordeling")
    return {(r["onderwerp"], r["sleutel"]): r["tekst"] for r in rows}


def text(onderwerp: str, sleutel: str) -> str | None:
    """The explanation of a status ('status', 'op koers') or a kind ('soort', 'aandeel_huur')."""
    return _texts().get((onderwerp, sleutel))


def of(onderwerp: str) -> list[tuple[str, str]]:
    """Every (sleutel, tekst) of one subject, in the order of the file."""
    return [(k, t) for (o, k), t in _texts().items() if o == onderwerp]
