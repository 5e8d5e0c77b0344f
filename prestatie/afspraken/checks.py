"""The check of one table of an afspraken file: keys and values, with messages in Dutch.

:func:`read_document`, :func:`read_afspraak` and :func:`read_doel` turn one table (`[document]`,
one `[[afspraak]]`, one `[[doel]]`) into a record of :mod:`prestatie.afspraken.schema`, or report
what is wrong with :class:`InvalidEntry`: an error without a place.
:mod:`prestatie.afspraken.toml_reader` puts the file and the afspraak/doel before the message.
"""

from __future__ import annotations

import re
from typing import Any

from prestatie.afspraken.schema import (
    AFSPRAAK_KEYS,
    AFSPRAAK_STATUSES,
    DIRECTIONS,
    DIRECTIONS_PER_KIND,
    DOCUMENT_KEYS,
    DOEL_KEYS,
    KINDS,
    LABELS,
    PARAMS,
    SHARE_KINDS,
    Afspraak,
    Document,
    Doel,
    Norm,
    Param,
    Periode,
)
from prestatie.referentie import partijen

ADD_CORPORATIE = "voeg een nieuwe corporatie toe met prestatie corporatie-toevoegen"


class InvalidEntry(Exception):
    """An error without a place; the caller puts the file and the id before it."""


# Sane bounds, as strict as an upload's: a value outside them is a typing error, and would
# otherwise reach every page (an amount of 1e308 broke the formatting of every figure).
YEARS = (2000, 2100)  # periode, a norm's years, prijspeil, basisjaar
MAX_BEDRAG = 10_000.0  # euros a month: above every rent limit
MAX_AANTAL = 1_000_000  # homes: more than any gemeente has
YEAR_PARAMS = ("prijspeil", "basisjaar")


# --- document ----------------------------------------------------------------------------------


def read_document(content: dict[str, Any], stem: str) -> Document:
    """The table [document] from the file's content; its id must be the file name."""
    if not isinstance(content.get("document"), dict):
        raise InvalidEntry("tabel [document] ontbreekt")
    table = content["document"]
    _only(table, DOCUMENT_KEYS)
    id = _text(table, "id")
    if id != stem:
        raise InvalidEntry(f'id "{id}" moet gelijk zijn aan de bestandsnaam "{stem}"')
    return Document(
        id=id,
        titel=_text(table, "titel"),
        gemeente=_gemeente(table),
        partijen=_text_list(table, "partijen"),
        periode=_year_pair(table, "periode"),
        bron=_text(table, "bron"),
        ondertekend=_text(table, "ondertekend", ""),
        themas=_themas(table),
    )


def _gemeente(table: dict[str, Any]) -> str:
    """Today's name of the document's gemeente, as the data names it ("Den Haag" ->
    "'s-Gravenhage"); an unknown name is refused with the closest known ones."""
    name = _text(table, "gemeente")
    found = partijen.gemeente(name)
    if found is None:
        raise InvalidEntry(partijen.unknown_text("gemeente", name, '"'))
    return found


def _year_pair(table: dict[str, Any], key: str) -> tuple[int, int]:
    value = _read(table, key, list)
    if len(value) != 2 or not all(_is(year, int) for year in value) or value[0] > value[1]:
        raise InvalidEntry(f'"{key}" moet [eerste jaar, laatste jaar] zijn, niet {value!r}')
    for year in value:
        _year(key, year)
    return value[0], value[1]


def _year(key: str, year: int) -> int:
    if not YEARS[0] <= year <= YEARS[1]:
        raise InvalidEntry(f'"{key}": {year} is geen jaar van {YEARS[0]} tot en met {YEARS[1]}')
    return year


def _themas(table: dict[str, Any]) -> dict[str, str]:
    themas = _read(table, "themas", dict)
    if not themas or not all(isinstance(name, str) for name in themas.values()):
        raise InvalidEntry('"themas" moet per code een naam geven, zoals { A = "Duurzaamheid" }')
    return dict(themas)


# --- afspraak (the register) ---------------------------------------------------------------


def read_afspraak(table: dict[str, Any], document: Document) -> Afspraak:
    """One [[afspraak]]; kwantitatief is still False (the caller knows the doelen)."""
    _only(table, AFSPRAAK_KEYS)
    return Afspraak(
        document=document.id,
        nummer=_text(table, "nummer", non_empty=True),
        thema=_choice(table, "thema", tuple(document.themas)),
        tekst=_text(table, "tekst", non_empty=True),
        resultaat=_text(table, "resultaat"),
        tijd=_text(table, "tijd"),
        trekker=_text(table, "trekker"),
        jaarschijf=_text(table, "jaarschijf"),
        status=_choice(table, "status", AFSPRAAK_STATUSES),
        toelichting=_text(table, "toelichting", ""),
        kwantitatief=False,
    )


# --- doel ----------------------------------------------------------------------------------


def read_doel(table: dict[str, Any], document: Document, nummers: set[str]) -> Doel:
    """One [[doel]]; it must refer to one of the afspraak nummers."""
    kind = _kind(table)
    _only(table, DOEL_KEYS + tuple(PARAMS[kind]))
    direction = _choice(table, "richting", DIRECTIONS_PER_KIND.get(kind, DIRECTIONS))
    afspraak = _text(table, "afspraak", non_empty=True)
    if afspraak not in nummers:
        raise InvalidEntry(f'verwijst naar afspraak "{afspraak}", die niet in het bestand staat')
    if kind == "verdeling_toewijzing" and (
        not _read(table, "per_corporatie", bool) or len(_corporaties(table)) < 2
    ):
        raise InvalidEntry(
            "verdeling_toewijzing verdeelt over corporaties: schrijf per_corporatie = true en "
            "ten minste twee corporaties"
        )
    on_lettings = kind in ("aandeel_toewijzing", "verdeling_toewijzing", "zoekduur") or (
        kind == "aandeel_huur" and table.get("basis") == "aanbod"
    )
    if kind == "leefbaarheid" and (_corporaties(table) or _text(table, "kern", "")):
        raise InvalidEntry(
            "leefbaarheid wordt per wijk van de hele gemeente gemeten, niet per corporatie of "
            "kern; laat corporaties en kern leeg"
        )
    if on_lettings and _text(table, "kern", ""):
        raise InvalidEntry(
            "de verhuringen worden per gemeente geteld, niet per kern; laat kern leeg"
        )
    return Doel(
        document=document.id,
        id=_text(table, "id", non_empty=True),
        afspraak=afspraak,
        omschrijving=_text(table, "omschrijving", non_empty=True),
        tekst=_text(table, "tekst", non_empty=True),
        soort=kind,
        corporaties=_corporaties(table),
        per_corporatie=_read(table, "per_corporatie", bool),
        gemeente=document.gemeente,
        kern=_text(table, "kern", "") or None,
        richting=direction,
        norm=_normen(table, kind, direction),
        params=_params(table, kind),
        toelichting=_text(table, "toelichting", ""),
        document_titel=document.titel,
    )


def _kind(table: dict[str, Any]) -> str:
    kind = _text(table, "soort")
    if kind not in KINDS:
        raise InvalidEntry(f'onbekende soort "{kind}" (kies uit: {", ".join(KINDS)})')
    return kind


def _corporaties(table: dict[str, Any]) -> tuple[str, ...]:
    names = _text_list(table, "corporaties")
    for name in names:  # spelled as prestatie names it, as the data is matched on that name
        if partijen.corporatie(name) != name:
            raise InvalidEntry(partijen.unknown_text("corporatie", name, '"', ADD_CORPORATIE))
    _no_duplicates(names, "corporaties")
    return names


def _params(table: dict[str, Any], kind: str) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for key, param in PARAMS[kind].items():
        if key not in table and not param.required:
            params[key] = None
            continue
        value = _read(table, key, param.type)
        params[key] = _param_value(key, value, param)
    return params


def _param_value(key: str, value: Any, param: Param) -> Any:
    if key == "bedrag":  # euros a month
        if not 0 < value <= MAX_BEDRAG:  # NaN and infinity fail too
            raise InvalidEntry(
                f'"{key}" moet een bedrag groter dan € 0 en tot € 10.000 zijn, niet {value!r}'
            )
        return float(value)
    if param.type is float:
        if not 0 <= value <= MAX_AANTAL:  # NaN and infinity fail too
            raise InvalidEntry(f'"{key}": {value!r} ligt niet tussen 0 en 1.000.000')
        return float(value)
    if key in YEAR_PARAMS:
        return _year(key, value)
    if key == "klasse_minimaal" and not 1 <= value <= 9:
        raise InvalidEntry(
            f'"{key}" is een klasse van de Leefbaarometer, 1 tot en met 9, niet {value!r}'
        )
    if param.type is int and not 0 <= value <= MAX_AANTAL:
        raise InvalidEntry(f'"{key}": {value!r} ligt niet tussen 0 en 1.000.000')
    if param.type is list:
        values = _text_list({key: value}, key, non_empty=True)
        for item in values:
            _must_choose(key, item, param.choices)
        _no_duplicates(values, key)
        return values
    if param.choices:
        _must_choose(key, value, param.choices)
    return value


# --- norms ---------------------------------------------------------------------------------

_PERIODE = re.compile(r"(\d{4})(?:-(\d{4}))?")
_SHARE_KINDS = SHARE_KINDS
_COUNT_KINDS = ("jaarschijf", "labelsprong", "naar_nul", "leefbaarheid")


def _normen(table: dict[str, Any], kind: str, direction: str) -> tuple[tuple[Periode, Norm], ...]:
    raw = _read(table, "norm", dict)
    if not raw:
        raise InvalidEntry('"norm" is leeg')
    normen: dict[Periode, Norm] = {}
    for key, value in raw.items():
        periode = _periode(key)
        if periode in normen:
            raise InvalidEntry(f'norm "{key}": periode komt twee keer voor')
        normen[periode] = _norm_value(value, kind, direction, key)
    return tuple(sorted(normen.items(), key=lambda pair: pair[0]))


def _periode(key: str) -> Periode:
    """'2023' becomes Periode(2023, 2023); '2021-2024' becomes Periode(2021, 2024)."""
    match = _PERIODE.fullmatch(key)
    if not match:
        raise InvalidEntry(f'norm "{key}": geen jaar of reeks van jaren ("2023", "2021-2024")')
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if last < first:
        raise InvalidEntry(f'norm "{key}": het laatste jaar ligt vóór het eerste')
    for year in (first, last):
        if not YEARS[0] <= year <= YEARS[1]:
            raise InvalidEntry(f'norm "{key}": {year} ligt niet in {YEARS[0]}-{YEARS[1]}')
    return Periode(first, last)


def _norm_value(value: Any, kind: str, direction: str, key: str) -> Norm:
    try:
        if direction == "band":
            return _band(value, kind)
        if isinstance(value, list):
            raise InvalidEntry(f'verwacht één waarde bij richting "{direction}", niet {value!r}')
        return _scalar(value, kind)
    except InvalidEntry as error:
        raise InvalidEntry(f'norm "{key}": {error}') from None


def _band(value: Any, kind: str) -> tuple[float, float]:
    if not isinstance(value, list) or len(value) != 2:
        raise InvalidEntry(f'verwacht [laag, hoog] bij richting "band", niet {value!r}')
    low, high = (_scalar(bound, kind) for bound in value)
    if low > high:
        raise InvalidEntry(f"de ondergrens {low} ligt boven de bovengrens {high}")
    return low, high


def _scalar(value: Any, kind: str) -> float | str:
    if kind == "gemiddeld_label":
        if value not in LABELS:
            raise InvalidEntry(f"{value!r} is geen energielabel (kies uit: {', '.join(LABELS)})")
        return value
    if kind in _SHARE_KINDS:
        if not _is(value, float) or not 0 <= value <= 1:
            raise InvalidEntry(f"{value!r} is geen aandeel tussen 0 en 1")
        return float(value)
    if not _is(value, int):
        raise InvalidEntry(f"{value!r} is geen geheel aantal")
    if abs(value) > MAX_AANTAL:
        raise InvalidEntry(f"{value!r} is meer dan 1.000.000 woningen; een tikfout?")
    if kind in _COUNT_KINDS and value < 0:
        raise InvalidEntry(f"{value!r} is negatief; een aantal is 0 of meer")
    if kind == "naar_nul" and value != 0:
        raise InvalidEntry(f"naar_nul verwacht norm 0, niet {value!r}")
    return value


# --- small readers -------------------------------------------------------------------------

_MISSING = object()
_TYPE_NAMES = {
    str: "tekst",
    bool: "true of false",
    int: "een geheel getal",
    float: "een getal",
    list: "een lijst",
    dict: "een tabel",
}


def _is(value: Any, kind: type) -> bool:
    if isinstance(value, bool):
        return kind is bool
    if kind is float:
        return isinstance(value, int | float)
    return isinstance(value, kind)


def _read(table: dict[str, Any], key: str, kind: type, default: Any = _MISSING) -> Any:
    if key not in table:
        if default is _MISSING:
            raise InvalidEntry(f'sleutel "{key}" ontbreekt')
        return default
    value = table[key]
    if not _is(value, kind):
        raise InvalidEntry(f'"{key}" moet {_TYPE_NAMES[kind]} zijn, niet {value!r}')
    return value


def _text(table: dict[str, Any], key: str, default: Any = _MISSING, non_empty: bool = False) -> str:
    value = _read(table, key, str, default)
    if non_empty and not value.strip():
        raise InvalidEntry(f'"{key}" is leeg')
    return value


def _text_list(table: dict[str, Any], key: str, non_empty: bool = False) -> tuple[str, ...]:
    values = _read(table, key, list)
    if not all(isinstance(value, str) for value in values):
        raise InvalidEntry(f'"{key}" moet een lijst van teksten zijn, niet {values!r}')
    if non_empty and not values:
        raise InvalidEntry(f'"{key}" is leeg')
    return tuple(values)


def _choice(table: dict[str, Any], key: str, choices: tuple[str, ...]) -> str:
    value = _text(table, key)
    _must_choose(key, value, choices)
    return value


def _must_choose(key: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise InvalidEntry(
            f'onbekende waarde "{value}" voor "{key}" (kies uit: {", ".join(choices)})'
        )


def _only(table: dict[str, Any], allowed: tuple[str, ...]) -> None:
    for key in table:
        if key not in allowed:
            raise InvalidEntry(f'onbekende sleutel "{key}"')


def _no_duplicates(values: tuple[str, ...], key: str) -> None:
    for value in values:
        if values.count(value) > 1:
            raise InvalidEntry(f'"{value}" staat twee keer in "{key}"')
