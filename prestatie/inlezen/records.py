"""What an import produces: the columns of the validated tables and the record of the file.

The readers (:mod:`prestatie.inlezen.voorraadlijst`, :mod:`~prestatie.inlezen.productielijst`,
:mod:`~prestatie.inlezen.verhuringenlijst`, :mod:`~prestatie.inlezen.woz`,
:mod:`~prestatie.inlezen.leefbaarometer`) build frames with
exactly these columns; the store (:mod:`prestatie.opslag.store`) writes them as they are.
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
    "verkooplabel",  # in the verkoopvijver / has a verkooplabel; NA: the list does not say
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

# One row per letting. ``datum`` is the start of the contract, else the date of the toewijzing;
# ``jaar`` its year. ``route`` is one of toewijzingen.ROUTES, ``route_bron`` the word as written.
# ``zoekduur_maanden`` is in months; ``zoekduur_soort`` says what the file counted:
# 'inschrijfduur' (from a duration or a registration date) or 'zoekduur'.
VERHUUR_COLUMNS = (
    "bron_rij",
    "corporatie",
    "gemeente",
    "kern",
    "vhe_id",
    "adres",
    "datum",
    "jaar",
    "huur_cent",
    "rekenhuur_cent",
    "route",
    "route_bron",
    "zoekduur_maanden",
    "zoekduur_soort",
    "huishouden",
    "inkomensklasse",
    "passend",
    "aantal",
)

# One row per area and year of a Leefbaarometer download (prestatie.inlezen.leefbaarometer).
# ``code`` is the CBS code (WK011401, BU01140101), ``niveau`` wijk or buurt, ``wijk_code`` the
# wijk a buurt lies in (a wijk's own code for a wijk); ``score`` the lbm score, ``klasse`` the
# class 1 (zeer onvoldoende) .. 9 (uitstekend); either may be empty, not both. ``bron_kolom``
# is the column the figure was read from (a column per year in a wide file).
LEEFBAARHEID_COLUMNS = (
    "bron_rij",
    "bron_kolom",
    "gemeente",
    "niveau",
    "code",
    "naam",
    "wijk_code",
    "jaar",
    "score",
    "klasse",
)


@dataclass(frozen=True)
class Batch:
    """What a file import is: where it came from and what it holds."""

    bestand: str
    sha256: str
    soort: str  # voorraad | productie | woz | verhuur | leefbaarheid
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
