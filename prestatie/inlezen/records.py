"""What an import produces: the columns of the validated tables and the record of the file.

The readers (:mod:`prestatie.inlezen.voorraadlijst`, :mod:`~prestatie.inlezen.productielijst`,
:mod:`~prestatie.inlezen.woz`) build frames with exactly these columns; the store
(:mod:`prestatie.opslag.store`) writes them as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

VHE_COLUMNS = (
    "bron_rij",
    "corporatie",
    "gemeente",
    "peildatum",
    "vhe_id",
    "adres",
    "postcode",
    "kern",
    "huur_cent",
    "rekenhuur_cent",
    "label",
    "label_bron",
    "energie_index",
    "woningtype",
    "levensloopgeschikt",
    "bouwjaar",
    "aantal",
)

PRODUCTIE_COLUMNS = (
    "bron_rij",
    "corporatie",
    "gemeente",
    "kern",
    "project",
    "soort",
    "jaar",
    "datum",
    "aantal",
    "vhe_id",
)


@dataclass(frozen=True)
class Batch:
    """What a file import is: where it came from and what it holds."""

    bestand: str
    sha256: str
    soort: str  # voorraad | productie | woz
    corporatie: str | None
    gemeente: str | None
    peildatum: date | None
    jaar_van: int | None
    jaar_tot: int | None
    rijen: int
    waarschuwingen: int = 0
    huur_kolom: str | None = None
    demo: bool = False
    gebruiker: str | None = None
