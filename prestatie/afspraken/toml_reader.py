"""Prestatieafspraken as data: the register and the measurable doelen from data/afspraken/*.toml.

An afspraken file describes one document (prestatieafspraken or a local akkoord): `[document]`
with the heading, `[[afspraak]]` for every afspraak of the document (the register) and
`[[doel]]` for every figure the monitor can test against the voorraadlijsten and
productielijsten delivered. This module reads such a file, checks it and returns frozen
dataclasses. Every error becomes a TargetFileError naming the file and the id, in Dutch.

Here is the reading of a whole file; the allowed words, keys and records are in
:mod:`prestatie.afspraken.schema`, the check of one table in :mod:`prestatie.afspraken.checks`.
Import them from this module: it is the front door.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from prestatie.afspraken.checks import InvalidEntry, read_afspraak, read_document, read_doel
from prestatie.afspraken.schema import (
    ACTIVITIES,
    AFSPRAAK_KEYS,
    AFSPRAAK_STATUSES,
    BASES,
    DIRECTIONS,
    DOEL_KEYS,
    GRENZEN,
    KINDS,
    LABELS,
    MEASURES,
    PARAM_KEYS,
    Afspraak,
    Agreement,
    Document,
    Doel,
    Norm,
    Periode,
)

__all__ = [
    "ACTIVITIES",
    "AFSPRAAK_KEYS",
    "AFSPRAAK_STATUSES",
    "BASES",
    "DIRECTIONS",
    "DOEL_KEYS",
    "GRENZEN",
    "KINDS",
    "LABELS",
    "MEASURES",
    "PARAM_KEYS",
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
    """An afspraken file is wrong; the message names the file and the line or id."""


# --- public functions ------------------------------------------------------------------------


def default_folder() -> Path:
    """The folder with the afspraken files shipped: <repo>/data/afspraken."""
    return Path(__file__).parents[2] / "data" / "afspraken"


def load_agreements(folder: Path) -> list[Agreement]:
    """Every *.toml in the folder, sorted by document id."""
    agreements = [load_agreement(path) for path in sorted(Path(folder).glob("*.toml"))]
    return sorted(agreements, key=lambda agreement: agreement.document.id)


def load_agreement(path: Path) -> Agreement:
    """Reads and checks one afspraken file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise TargetFileError(f"{path.name}: kan het bestand niet lezen ({error})") from None
    return parse_agreement(text, path.name)


def parse_agreement(text: str, file_name: str) -> Agreement:
    """Reads and checks an afspraken document from text (as stored in the database)."""
    try:
        content = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise TargetFileError(_toml_message(file_name, str(error))) from None
    for key in content:
        if key not in ("document", "afspraak", "doel"):
            raise TargetFileError(f'{file_name}: onbekende tabel "{key}"')
    document = _placed(
        file_name, "[document]", lambda: read_document(content, Path(file_name).stem)
    )
    afspraken = _afspraken(content, file_name, document)
    doelen = _doelen(content, file_name, document, {a.nummer for a in afspraken})
    linked = {doel.afspraak for doel in doelen}
    afspraken = tuple(replace(a, kwantitatief=a.nummer in linked) for a in afspraken)
    return Agreement(document=document, afspraken=afspraken, doelen=doelen)


# --- file and place --------------------------------------------------------------------------


_TOML_PLACE = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def _toml_message(file_name: str, message: str) -> str:
    """Puts the line and column of tomllib's message in front, as with the other errors."""
    place = _TOML_PLACE.search(message)
    if not place:
        return f"{file_name}: geen geldige TOML ({message})"
    reason = message[: place.start()]
    return f"{file_name}, regel {place[1]}, kolom {place[2]}: geen geldige TOML ({reason})"


def _placed(file_name: str, where: str, make: Callable[[], T]) -> T:
    """Calls make() and, on an error, puts the file and the place before the message."""
    try:
        return make()
    except InvalidEntry as error:
        raise TargetFileError(f"{file_name}, {where}: {error}") from None


def _name(kind: str, table: dict[str, Any], key: str, index: int) -> str:
    value = table.get(key)
    return f'{kind} "{value}"' if isinstance(value, str) else f"{kind} nr. {index + 1}"


def _tables(content: dict[str, Any], key: str, file_name: str) -> list[dict[str, Any]]:
    tables = content.get(key, [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise TargetFileError(f"{file_name}: [[{key}]] moet een lijst van tabellen zijn")
    return tables


# --- the lists: every afspraak and every doel once -------------------------------------------


def _afspraken(content: dict[str, Any], file_name: str, document: Document) -> tuple[Afspraak, ...]:
    afspraken: list[Afspraak] = []
    nummers: set[str] = set()
    for index, table in enumerate(_tables(content, "afspraak", file_name)):
        where = _name("afspraak", table, "nummer", index)
        afspraak = _placed(file_name, where, lambda t=table: read_afspraak(t, document))
        if afspraak.nummer in nummers:
            raise TargetFileError(f"{file_name}, {where}: nummer komt twee keer voor")
        nummers.add(afspraak.nummer)
        afspraken.append(afspraak)
    return tuple(afspraken)


def _doelen(
    content: dict[str, Any], file_name: str, document: Document, nummers: set[str]
) -> tuple[Doel, ...]:
    doelen: list[Doel] = []
    ids: set[str] = set()
    for index, table in enumerate(_tables(content, "doel", file_name)):
        where = _name("doel", table, "id", index)
        doel = _placed(file_name, where, lambda t=table: read_doel(t, document, nummers))
        if doel.id in ids:
            raise TargetFileError(f"{file_name}, {where}: id komt twee keer voor")
        ids.add(doel.id)
        doelen.append(doel)
    return tuple(doelen)
