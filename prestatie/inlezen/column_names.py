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
VERHUUR = "verhuur"
LEEFBAARHEID = "leefbaarheid"


@dataclass(frozen=True)
class Field:
    name: str
    label: str  # Dutch, for the mapping table on the upload page
    aliases: tuple[str, ...]


# Within a field the aliases are in order of preference: when a file has two rent columns
# (`Kale huur` and `Rekenhuur`), the one whose name comes first here is used.
STOCK_FIELDS: tuple[Field, ...] = (
    Field(
        "vhe_id",
        "Eenheidnummer (vhe)",
        (
            "eenheidnummer",
            "eenheidsnummer",
            "eenheidnr",
            "eenheid nr",
            "eenheidscode",
            "vhe",
            "vhenummer",
            "vhenr",
            "vhe nummer",
            "vhe id",
            "vhecode",
            "oge",
            "ogenummer",
            "oge nummer",
            "oge nr",
            "verhuureenheid",
            "huureenheid",
            "eenheid",
            "eenheid id",
            "objectnummer",
            "objectnr",
            "objectcode",
        ),
    ),
    Field(
        "huur",
        "Huur per maand",
        (
            "kale huur",
            "kale huur per maand",
            "kale huurprijs",
            "netto huur",
            "nettohuur",
            "nettohuur per maand",
            "netto huur per maand",
            "nettohuur per maand ultimo verslagjaar",
            "huurprijs",
            "huur",
            "huur per maand",
            "maandhuur",
            "contracthuur",
            "rekenhuur",
        ),
    ),
    Field(
        "label",
        "Energielabel",
        (
            "energielabel",
            "energie label",
            "definitief label",
            "energielabel definitief",
            "label",
            "energieklasse",
            "labelklasse",
        ),
    ),
    Field(
        "energie_index",
        "Energie-index (oud)",
        ("energie index", "energieindex", "ei", "energie-index"),
    ),
    Field(
        "ep2",
        "EP2 (kWh/m² per jaar)",
        ("ep2", "ep 2", "primair fossiel energiegebruik", "energieprestatie ep2"),
    ),
    Field(
        "kern",
        "Kern / plaats",
        (
            "kern",
            "woonkern",
            "woonplaats",
            "plaats",
            "plaatsnaam",
            "bag woonplaats",
            "dorp",
            "wijk",
        ),
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
    Field(
        "verkooplabel",
        "Verkooplabel / verkoopvijver",
        (
            "verkooplabel",
            "verkoopvijver",
            "in verkoopvijver",
            "verkoopkandidaat",
            "bestemd voor verkoop",
            "label verkoop",
            "te verkopen",
        ),
    ),
)

PRODUCTION_FIELDS: tuple[Field, ...] = (
    Field(
        "soort",
        "Activiteit",
        (
            "activiteit",
            "soort activiteit",
            "type activiteit",
            "soort",
            "mutatie",
            "mutatie verslagjaar",
            "ingreep",
            "maatregel",
            "categorie",
        ),
    ),
    Field(
        "aantal",
        "Aantal woningen",
        ("aantal woningen", "aantal", "aantal vhe", "aantal eenheden", "woningen", "vhe"),
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
    Field("project", "Project", ("project", "projectnaam", "naam project", "omschrijving")),
    Field("kern", "Kern / plaats", ("kern", "woonkern", "woonplaats", "plaats", "dorp", "wijk")),
    Field("gemeente", "Gemeente", ("gemeente", "gemeentenaam")),
    Field("corporatie", "Corporatie", ("corporatie", "woningcorporatie")),
    Field(
        "vhe_id",
        "Eenheidnummer (vhe)",
        ("eenheidnummer", "eenheidsnummer", "vhe nummer", "oge", "eenheidscode"),
    ),
)

# A lettings list (verhuringenlijst): one row per letting, as corporations keep them and regional
# letting systems (Thuiskompas, Woonnet) export them. The letting's date is the start of the
# contract, else the date of the toewijzing; a zoekduur or inschrijfduur column says in its name
# whether it counts days, months or years (`Zoekduur (dagen)`, `Inschrijfduur (mnd)`).
LETTING_FIELDS: tuple[Field, ...] = (
    Field(
        "datum",
        "Datum ingang contract",
        (
            "datum ingang contract",
            "ingangsdatum huurcontract",
            "ingangsdatum contract",
            "datum ingang huurcontract",
            "ingang contract",
            "ingangsdatum",
            "startdatum contract",
            "startdatum huurcontract",
            "contractdatum",
            "datum contract",
            "datum huurcontract",
            "datum verhuring",
            "verhuurdatum",
            "datum verhuur",
            "datum",
        ),
    ),
    Field(
        "datum_toewijzing",
        "Datum toewijzing",
        ("datum toewijzing", "toewijzingsdatum", "datum van toewijzing", "toegewezen op"),
    ),
    Field(
        "route",
        "Toewijzingsroute",
        (
            "toewijzingsroute",
            "route",
            "toewijzingswijze",
            "wijze van toewijzing",
            "soort toewijzing",
            "type toewijzing",
            "toewijzingstype",
            "toewijzingscategorie",
            "toewijzing",
            "verhuurroute",
            "verhuurcategorie",
            "aanbodvorm",
            "aanbodmodel",
        ),
    ),
    Field(
        "zoekduur",
        "Zoekduur",
        (
            "zoekduur",
            "zoekduur mnd",
            "zoekduur maanden",
            "zoekduur in maanden",
            "zoekduur dagen",
            "zoekduur in dagen",
            "zoekduur jaren",
            "zoekduur in jaren",
            "zoektijd",
            "zoektijd mnd",
            "zoektijd maanden",
            "zoektijd dagen",
        ),
    ),
    Field(
        "inschrijfduur",
        "Inschrijfduur",
        (
            "inschrijfduur",
            "inschrijfduur mnd",
            "inschrijfduur maanden",
            "inschrijfduur in maanden",
            "inschrijfduur dagen",
            "inschrijfduur in dagen",
            "inschrijfduur jaren",
            "inschrijfduur in jaren",
            "inschrijfduur jr",
            "inschrijvingsduur",
        ),
    ),
    Field(
        "inschrijfdatum",
        "Inschrijfdatum",
        (
            "inschrijfdatum",
            "datum inschrijving",
            "inschrijvingsdatum",
            "ingeschreven sinds",
            "inschrijfdatum woningzoekende",
        ),
    ),
    Field(
        "vhe_id",
        "Eenheidnummer (vhe)",
        (
            "eenheidnummer",
            "eenheidsnummer",
            "eenheidnr",
            "eenheidscode",
            "vhe",
            "vhenummer",
            "vhe nummer",
            "vhecode",
            "oge",
            "ogenummer",
            "oge nummer",
            "verhuureenheid",
            "huureenheid",
            "eenheid",
            "objectnummer",
        ),
    ),
    Field(
        "huur",
        "Huur bij verhuring",
        (
            "kale huur",
            "kale huurprijs",
            "kale aanvangshuur",
            "aanvangshuur",
            "netto huur",
            "nettohuur",
            "netto huur per maand",
            "huurprijs",
            "huur bij verhuring",
            "huur bij toewijzing",
            "huur",
            "huur per maand",
            "maandhuur",
            "contracthuur",
            "rekenhuur",
        ),
    ),
    Field(
        "huishouden",
        "Huishoudgrootte",
        (
            "huishoudgrootte",
            "huishoudengrootte",
            "huishoudensgrootte",
            "grootte huishouden",
            "aantal personen",
            "personen",
            "gezinsgrootte",
            "aantal bewoners",
            "huishouden",
        ),
    ),
    Field(
        "inkomensklasse",
        "Inkomensklasse",
        (
            "inkomensklasse",
            "inkomen passendheid",
            "inkomenscategorie",
            "inkomensgroep",
            "doelgroep inkomen",
            "inkomen",
        ),
    ),
    Field(
        "passend",
        "Passend toegewezen",
        (
            "passend toegewezen",
            "passend",
            "passend toewijzen",
            "passendheid",
            "toets passend toewijzen",
            "passend verhuurd",
        ),
    ),
    Field(
        "kern",
        "Kern / plaats",
        ("kern", "woonkern", "woonplaats", "plaats", "plaatsnaam", "dorp", "wijk"),
    ),
    Field("adres", "Adres", ("adres", "straat en huisnummer", "volledig adres", "straat")),
    Field("huisnummer", "Huisnummer", ("huisnummer", "huisnr")),
    Field("postcode", "Postcode", ("postcode", "pc")),
    Field("gemeente", "Gemeente", ("gemeente", "gemeentenaam")),
    Field("corporatie", "Corporatie", ("corporatie", "woningcorporatie", "verhuurder")),
)

# The Leefbaarometer's downloads per buurt or wijk (prestatie.inlezen.leefbaarometer): the CBS
# code of the area (bu_code, wk_code), its name, the year, the score (lbm) and the class (kscore).
LIVEABILITY_FIELDS: tuple[Field, ...] = (
    Field(
        "code",
        "CBS-code wijk of buurt",
        (
            "bu_code",
            "wk_code",
            "gwb_code",
            "gwb_code_10",
            "buurtcode",
            "wijkcode",
            "wijk en buurtcode",
            "wijken en buurten code",
            "gebiedscode",
            "gebiedcode",
            "code gebied",
            "cbs code",
            "cbscode",
            "regiocode",
        ),
    ),
    Field(
        "naam",
        "Naam wijk of buurt",
        (
            "bu_naam",
            "wk_naam",
            "gwb_naam",
            "buurtnaam",
            "wijknaam",
            "gebiedsnaam",
            "gebiednaam",
            "naam",
            "regionaam",
            "buurt",
            "wijk",
            "gebied",
            "wijken en buurten",
        ),
    ),
    Field("jaar", "Jaar (meting)", ("jaar", "meetjaar", "peiljaar", "jaar meting", "meting")),
    Field(
        "score",
        "Score (lbm)",
        (
            "lbm",
            "lbm score",
            "score",
            "totaalscore",
            "totaalscore leefbaarometer",
            "leefbaarheidsscore",
            "score leefbaarometer",
            "leefbaarometer score",
        ),
    ),
    Field(
        "klasse",
        "Klasse (kscore, 1-9)",
        (
            "kscore",
            "klasse",
            "scoreklasse",
            "klasse totaalscore",
            "leefbaarheidsklasse",
            "klasse leefbaarometer",
            "oordeel",
            "beoordeling",
        ),
    ),
)

WOZ_REQUIRED = ("onderdeel", "eenheidscode", "aantalultimo", "eenheidssoort")  # key prefixes

# The dVi WOZ-bezitstabel's columns: field -> the key its header starts with. Headers are read
# leniently: " NL" dropped, case changed ("Bag-postcode", "BAG-POSTCODE NL").
WOZ_COLUMNS = {
    "onderdeel": "onderdeel",
    "vhe_id": "eenheidscode",
    "postcode": "bagpostcode",
    "huisnummer": "baghuisnummer",
    "huisletter": "baghuisletter",
    "toevoeging": "baghuisnummertoevoeging",
    "bag_id": "bagverblijfsobjectid",
    "aantal_primo": "aantalprimo",
    "aantal_ultimo": "aantalultimo",
    "eenheidssoort": "eenheidssoort",
    "woonruimte": "soortwoonruimte",
    "mutatie": "mutatieverslagjaar",
    "huur": "nettohuur",
    "label": "energielabel",
    "bouwjaar": "bouwjaar",
}
# The 29 headers of the official template (columns A to AC), as the dVi guide writes them.
WOZ_HEADERS = (
    "Onderdeel", "Eenheidscode", "Bag-postcode NL", "Bag-huisnummer NL", "Bag-huisletter NL",
    "Bag-huisnummertoevoeging", "Bag-verblijfsobject-id", "Corporatie-adrestoevoeging",
    "Aantal primo verslagjaar", "Aantal ultimo verslagjaar", "Tak primo verslagjaar",
    "Tak ultimo verslagjaar", "Eenheidssoort", "Soort woonruimte",
    "Is de woonruimte zelfstandig?", "Lift aanwezig?", "Mutatie verslagjaar",
    "Nettohuur per maand ultimo verslagjaar", "Aantal WWS punten ultimo verslagjaar",
    "Energielabel", "Bouwjaar", "Renovatiejaar", "m2", "WOZ-waarde verslagjaar",
    "Marktwaarde ultimo verslagjaar", "Onderpand WSW inzet verslagjaar", "Naam zekerheidsnemer",
    "Type zekerheid", "Eigendomspercentage",
)  # fmt: skip

WOZ_LABELS = {
    "onderdeel": "Onderdeel",
    "vhe_id": "Eenheidscode",
    "postcode": "Bag-postcode",
    "huisnummer": "Bag-huisnummer",
    "huisletter": "Bag-huisletter",
    "toevoeging": "Bag-huisnummertoevoeging",
    "bag_id": "Bag-verblijfsobject-id",
    "aantal_primo": "Aantal primo verslagjaar",
    "aantal_ultimo": "Aantal ultimo verslagjaar",
    "eenheidssoort": "Eenheidssoort",
    "woonruimte": "Soort woonruimte",
    "mutatie": "Mutatie verslagjaar",
    "huur": "Nettohuur per maand ultimo verslagjaar",
    "label": "Energielabel",
    "bouwjaar": "Bouwjaar",
}

# Words around a column name that do not change what it holds: "Kale huur (€)",
# "Kale huur in euro's", "Kale huur per 1-1-2024", "Energielabel 2023".
_NOISE = re.compile(r"(?:in)?(?:euros?|eur)$|(?:per|op|ultimo|primo|peildatum)?\d{4,8}$")


def key(name: object) -> str:
    """A column name reduced to lowercase ascii letters and digits: accents and marks gone."""
    text = unicodedata.normalize("NFKD", str(name or "")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _index(fields: tuple[Field, ...]) -> dict[str, tuple[str, int]]:
    """Alias key -> (field, preference); a spelling belongs to the first field naming it."""
    index: dict[str, tuple[str, int]] = {}
    for field in fields:
        for rank, alias in enumerate((*field.aliases, field.name)):
            index.setdefault(key(alias), (field.name, rank))
    return index


_STOCK_INDEX = _index(STOCK_FIELDS)
_PRODUCTION_INDEX = _index(PRODUCTION_FIELDS)
_LETTING_INDEX = _index(LETTING_FIELDS)
_LIVEABILITY_INDEX = _index(LIVEABILITY_FIELDS)


def fields_for(kind: str) -> tuple[Field, ...]:
    return {
        PRODUCTIE: PRODUCTION_FIELDS,
        VERHUUR: LETTING_FIELDS,
        LEEFBAARHEID: LIVEABILITY_FIELDS,
    }.get(kind, STOCK_FIELDS)


def _index_for(kind: str) -> dict[str, tuple[str, int]]:
    return {
        PRODUCTIE: _PRODUCTION_INDEX,
        VERHUUR: _LETTING_INDEX,
        LEEFBAARHEID: _LIVEABILITY_INDEX,
    }.get(kind, _STOCK_INDEX)


def _lookup(header: object, index: dict[str, tuple[str, int]]) -> tuple[str, int] | None:
    k = key(header)
    if not k:
        return None
    for _ in range(3):
        if k in index:
            return index[k]
        shorter = _NOISE.sub("", k)
        if shorter == k or not shorter:
            return None
        k = shorter
    return None


def field_of(header: object, kind: str) -> str | None:
    """The field a column name stands for, or None."""
    hit = _lookup(header, _index_for(kind))
    return hit[0] if hit else None


def match(headers: list[object], kind: str) -> dict[str, int]:
    """Field name -> column position; of two columns for one field the preferred name wins
    (then the leftmost). Unknown headers are left out."""
    index = _index_for(kind)
    best: dict[str, tuple[int, int]] = {}
    for position, header in enumerate(headers):
        hit = _lookup(header, index)
        if hit and (hit[0] not in best or hit[1] < best[hit[0]][0]):
            best[hit[0]] = (hit[1], position)
    return {name: position for name, (_, position) in best.items()}


def positions(headers: list[object], kind: str, field: str) -> list[int]:
    """Every column whose name stands for ``field`` (to say which were left unused)."""
    return [i for i, h in enumerate(headers) if field_of(h, kind) == field]


def score(row: list[object]) -> tuple[int, int]:
    """How header-like a row is: (stock fields, production fields) recognised in it."""
    cells = [cell for cell in row if isinstance(cell, str) and cell.strip()]
    stock = {hit[0] for c in cells if (hit := _lookup(c, _STOCK_INDEX))}
    production = {hit[0] for c in cells if (hit := _lookup(c, _PRODUCTION_INDEX))}
    return len(stock), len(production)


def woz_match(headers: list[object]) -> dict[str, int]:
    """Field -> column position in a WOZ-bezitstabel; an exact name beats a longer one."""
    keys = [key(h) for h in headers]
    found: dict[str, int] = {}
    for name, prefix in WOZ_COLUMNS.items():
        exact = [i for i, k in enumerate(keys) if k in (prefix, prefix + "nl")]
        loose = [i for i, k in enumerate(keys) if k.startswith(prefix)]
        if exact or loose:
            found[name] = (exact or loose)[0]
    return found


# A second rent a stock list may carry beside the kale/netto huur: the rekenhuur (kale huur plus
# the subsidiable service costs, the rent the huurtoeslag tests). Kept as its own column so the
# Betaalbaarheid page can measure with either.
REKENHUUR = ("rekenhuur", "rekenhuur per maand", "subsidiabele huur", "huur incl servicekosten")


def rekenhuur_position(headers: list[object], huur: int | None) -> int | None:
    """The position of a rekenhuur column that is not already the rent read, or None."""
    wanted = {key(name) for name in REKENHUUR}
    for position, header in enumerate(headers):
        if position != huur and key(header) in wanted:
            return position
    return None


_YEAR_COLUMN = re.compile(r"^(lbm|score|totaalscore|kscore|klasse)?(19[89]\d|20\d{2})$")
_YEAR_WHAT = {"lbm": "score", "score": "score", "totaalscore": "score", "kscore": "klasse",
              "klasse": "klasse"}  # fmt: skip


def year_columns(headers: list[object]) -> dict[int, tuple[int, str | None]]:
    """The columns per year of a wide Leefbaarometer file (``2020``, ``kscore 2020``,
    ``lbm 2022``): position -> (year, 'score' | 'klasse' | None for a bare year)."""
    found = {}
    for position, header in enumerate(headers):
        if m := _YEAR_COLUMN.match(key(header)):
            found[position] = (int(m[2]), _YEAR_WHAT.get(m[1]) if m[1] else None)
    return found


def field_names(kind: str) -> dict[str, str]:
    """Field -> its Dutch label, for the fields a kind of file can have."""
    if kind == WOZ:
        return dict(WOZ_LABELS)
    return {f.name: f.label for f in fields_for(kind)}


def is_woz_header(row: list[object]) -> bool:
    """Whether a row is the header of a dVi WOZ-bezitstabel (names read leniently)."""
    keys = [key(cell) for cell in row if isinstance(cell, str)]
    return all(any(k.startswith(prefix) for k in keys) for prefix in WOZ_REQUIRED)
