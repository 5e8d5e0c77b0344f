"""Column names as corporations write them, matched to the fields the monitor needs.

Matching ignores case, accents, spaces and punctuation (`Kale huur`, `KALE_HUUR`, `kalehuur`).
The alias lists are the spellings met in exports; the upload page lets a user correct a match.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

VOORRAAD = "voorraad"
PRODUCTIE = "productie"
WOZ = "woz"


@dataclass(frozen=True)
class Field:
    name: str
    label: str  # Dutch, for the mapping table on the upload page
    aliases: tuple[str, ...]


STOCK_FIELDS: tuple[Field, ...] = (
    Field(
        "vhe_id",
        "Eenheidnummer (vhe)",
        (
            "eenheidnummer",
            "eenheidsnummer",
            "eenheidnr",
            "vhe",
            "vhenummer",
            "vhenr",
            "vhe nummer",
            "oge",
            "ogenummer",
            "oge nummer",
            "eenheidscode",
            "eenheid",
            "objectnummer",
            "objectnr",
            "eenheid id",
            "vhe id",
            "vhecode",
        ),
    ),
    Field(
        "huur",
        "Huur per maand",
        (
            "kale huur",
            "kalehuur",
            "netto huur",
            "nettohuur",
            "nettohuur per maand",
            "netto huur per maand",
            "nettohuur per maand ultimo verslagjaar",
            "huurprijs",
            "kale huurprijs",
            "rekenhuur",
            "huur",
            "contracthuur",
            "huur per maand",
        ),
    ),
    Field(
        "label",
        "Energielabel",
        (
            "energielabel",
            "label",
            "energieklasse",
            "labelklasse",
            "energie label",
            "definitief label",
        ),
    ),
    Field(
        "energie_index",
        "Energie-index",
        ("energie index", "energieindex", "ei", "energie-index", "ep2", "ep 2"),
    ),
    Field(
        "kern",
        "Kern / plaats",
        ("kern", "plaats", "woonplaats", "dorp", "wijk", "plaatsnaam", "bag woonplaats"),
    ),
    Field("adres", "Adres", ("adres", "straat en huisnummer", "volledig adres", "straat")),
    Field(
        "huisnummer", "Huisnummer", ("huisnummer", "huisnr", "bag huisnummer", "bag huisnummer nl")
    ),
    Field("postcode", "Postcode", ("postcode", "bag postcode", "bag postcode nl", "pc")),
    Field("gemeente", "Gemeente", ("gemeente", "gemeentenaam")),
    Field(
        "corporatie",
        "Corporatie",
        ("corporatie", "woningcorporatie", "eigenaar", "toegelaten instelling"),
    ),
    Field(
        "woningtype",
        "Woningtype (EGW/MGW)",
        ("woningtype", "type woning", "soort woonruimte", "woningsoort", "typologie", "type"),
    ),
    Field(
        "levensloopgeschikt",
        "Levensloopgeschikt",
        ("levensloopgeschikt", "levensloopbestendig", "nultredenwoning", "nultreden"),
    ),
    Field("bouwjaar", "Bouwjaar", ("bouwjaar",)),
    Field("peildatum", "Peildatum", ("peildatum", "datum")),
)

PRODUCTION_FIELDS: tuple[Field, ...] = (
    Field(
        "soort",
        "Activiteit",
        (
            "activiteit",
            "soort",
            "soort activiteit",
            "type activiteit",
            "mutatie",
            "mutatie verslagjaar",
            "ingreep",
            "categorie",
            "maatregel",
        ),
    ),
    Field(
        "aantal",
        "Aantal woningen",
        ("aantal", "aantal woningen", "aantal vhe", "woningen", "aantal eenheden", "vhe"),
    ),
    Field("jaar", "Jaar", ("jaar", "opleverjaar", "realisatiejaar", "uitvoeringsjaar")),
    Field(
        "datum",
        "Datum",
        (
            "datum",
            "opleverdatum",
            "datum oplevering",
            "realisatiedatum",
            "verkoopdatum",
            "sloopdatum",
            "datum gereed",
            "gereed",
        ),
    ),
    Field("project", "Project", ("project", "projectnaam", "omschrijving", "naam project")),
    Field("kern", "Kern / plaats", ("kern", "plaats", "woonplaats", "dorp", "wijk")),
    Field("gemeente", "Gemeente", ("gemeente", "gemeentenaam")),
    Field("corporatie", "Corporatie", ("corporatie", "woningcorporatie")),
    Field("vhe_id", "Eenheidnummer (vhe)", ("eenheidnummer", "vhe nummer", "oge", "eenheidscode")),
)

WOZ_REQUIRED = ("onderdeel", "eenheidscode", "aantal ultimo verslagjaar", "eenheidssoort")


def key(name: object) -> str:
    """A column name reduced to lowercase ascii letters and digits: accents and marks gone."""
    text = unicodedata.normalize("NFKD", str(name or "")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _index(fields: tuple[Field, ...]) -> dict[str, str]:
    index: dict[str, str] = {}
    for field in fields:
        for alias in (field.name, *field.aliases):
            index.setdefault(key(alias), field.name)
    return index


_STOCK_INDEX = _index(STOCK_FIELDS)
_PRODUCTION_INDEX = _index(PRODUCTION_FIELDS)


def fields_for(kind: str) -> tuple[Field, ...]:
    return PRODUCTION_FIELDS if kind == PRODUCTIE else STOCK_FIELDS


def match(headers: list[object], kind: str) -> dict[str, int]:
    """Field name -> column position, first match wins; unknown headers are left out."""
    index = _PRODUCTION_INDEX if kind == PRODUCTIE else _STOCK_INDEX
    found: dict[str, int] = {}
    for position, header in enumerate(headers):
        field = index.get(key(header))
        if field and field not in found:
            found[field] = position
    return found


def score(row: list[object]) -> tuple[int, int]:
    """How header-like a row is: (stock fields, production fields) recognised in it."""
    keys = [key(cell) for cell in row if cell is not None and str(cell).strip()]
    stock = len({_STOCK_INDEX[k] for k in keys if k in _STOCK_INDEX})
    production = len({_PRODUCTION_INDEX[k] for k in keys if k in _PRODUCTION_INDEX})
    return stock, production


def is_woz_header(row: list[object]) -> bool:
    keys = {key(cell) for cell in row}
    return all(key(name) in keys for name in WOZ_REQUIRED)
