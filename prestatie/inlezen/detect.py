"""Where the table starts in a sheet, what kind of list it is, and what its title rows say.

Exports put title rows, logos' alt text and blank rows above the header. The header is the row
among the first 40 in which most known column names are recognised. Corporatie, gemeente and
peildatum are taken from the title rows (`Peildatum: 01-01-2023`) or the file name when the
table has no such columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from prestatie.inlezen import cell_values, column_names
from prestatie.inlezen.errors import refuse
from prestatie.inlezen.uploads import Sheet
from prestatie.referentie import partijen

HEADER_SCAN = 40
# A lettings list has a letting date and a route or a search time: no stock or production list
# has both, so such a header is a lettings list even when it also names vhe, rent and label.
_LETTING_DATES = {"datum", "datum_toewijzing"}
_LETTING_FACTS = {"route", "zoekduur", "inschrijfduur", "inschrijfdatum"}
_LETTING_FIRST = 50
_LIVEABILITY_FIRST = 60
_PEILDATUM = re.compile(
    r"peildatum\s*[:=]?\s*(\d{1,2}[\s-]+[a-z]+\.?[\s-]+\d{4}|[0-9][0-9\-/.]{5,9}[0-9]|\d{5}\b)",
    re.IGNORECASE,
)
_ULTIMO = re.compile(r"\bultimo\s+(?:verslagjaar\s+)?(20\d{2})\b", re.IGNORECASE)
_ANY_DATE = re.compile(r"\b(\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{4}-\d{2}-\d{2})\b")
_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")


@dataclass(frozen=True)
class Layout:
    """The table found in an upload."""

    sheet: Sheet
    kind: str  # voorraad | productie | woz | verhuur | leefbaarheid
    header_index: int  # position in sheet.rows; Excel row = header_index + 1
    headers: list[str]
    mapping: dict[str, int]  # field -> column position
    title: str  # the text above the header

    @property
    def sheet_name(self) -> str | None:
        return self.sheet.name


@dataclass(frozen=True)
class Meta:
    corporatie: str | None = None
    gemeente: str | None = None
    peildatum: date | None = None
    jaar: int | None = None  # a year in the file name or title (verslagjaar of a bezitstabel)


def find_layout(
    file: str, sheets: list[Sheet], kind: str | None = None, chosen: set[str] | None = None
) -> Layout:
    """The best table of all sheets: the header row with the most recognised columns.

    ``chosen`` names the fields the user linked to a column by hand; they count as found.
    """
    best: tuple[int, Layout] | None = None
    for sheet in sheets:
        head = sheet.head(HEADER_SCAN)
        for index in range(len(head)):
            candidate = _candidate(sheet, head, index, kind, chosen or set())
            if candidate and (best is None or candidate[0] > best[0]):
                best = candidate
    if best is None:
        raise refuse(
            file,
            "geen tabel herkend: geen rij met kolomnamen als Eenheidnummer, Huur of Energielabel "
            "(voorraadlijst), Activiteit, Aantal en Jaar (productielijst) of Datum ingang "
            "contract en Toewijzingsroute (verhuringenlijst) of bu_code/wk_code en kscore "
            "(Leefbaarometer). Controleer de kolomnamen of wijs "
            "de kolommen aan op de pagina Gegevens.",
        )
    return best[1]


def _candidate(sheet: Sheet, head: list[list[object]], index: int, kind, chosen: set[str]):
    row = head[index]
    headers = ["" if c is None else str(c).strip() for c in row]
    title = _title(head[:index])
    if column_names.is_woz_header(row) and kind in (None, column_names.WOZ):
        mapping = column_names.woz_match(headers)
        return 100, Layout(sheet, column_names.WOZ, index, headers, mapping, title)
    stock, production = column_names.score(row)
    options = []
    if kind in (None, column_names.VOORRAAD):
        mapping = column_names.match(headers, column_names.VOORRAAD)
        found = mapping.keys() | chosen
        if "vhe_id" in found and ({"huur", "label", "energie_index", "ep2"} & found):
            options.append(
                (stock, Layout(sheet, column_names.VOORRAAD, index, headers, mapping, title))
            )
    if kind in (None, column_names.PRODUCTIE):
        mapping = column_names.match(headers, column_names.PRODUCTIE)
        found = mapping.keys() | chosen
        if "soort" in found and ({"jaar", "datum"} & found):
            options.append(
                (production, Layout(sheet, column_names.PRODUCTIE, index, headers, mapping, title))
            )
    if kind in (None, column_names.VERHUUR):
        mapping = column_names.match(headers, column_names.VERHUUR)
        found = mapping.keys() | chosen
        # chosen as the kind, a date is enough: a list of lettings without route or search time
        if _LETTING_DATES & found and (_LETTING_FACTS & found or kind == column_names.VERHUUR):
            options.append(
                (
                    _LETTING_FIRST + len(found),
                    Layout(sheet, column_names.VERHUUR, index, headers, mapping, title),
                )
            )
    if kind in (None, column_names.LEEFBAARHEID):
        mapping = column_names.match(headers, column_names.LEEFBAARHEID)
        found = mapping.keys() | chosen
        # a CBS wijk/buurt code with a score, a class or a column per year: no corporation's
        # list has those
        if "code" in found and ({"score", "klasse"} & found or column_names.year_columns(headers)):
            options.append(
                (
                    _LIVEABILITY_FIRST + len(found),
                    Layout(sheet, column_names.LEEFBAARHEID, index, headers, mapping, title),
                )
            )
    return max(options, key=lambda o: o[0], default=None)


def _title(rows: list[list[object]]) -> str:
    return " ".join(str(c) for row in rows for c in row if c is not None and c != "")


def _ngrams(text: str) -> list[str]:
    words = re.split(r"[\s_,;:()]+", text)
    return [" ".join(words[i : i + n]) for n in (3, 2, 1) for i in range(len(words) - n + 1)]


def find_meta(file: str, title: str) -> Meta:
    """Corporatie, gemeente, peildatum and year named in the title rows or the file name."""
    stem = file.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    text = f"{title} {stem.replace('_', ' ')}"
    grams = _ngrams(text)
    corporatie = next((c for g in grams if (c := partijen.corporatie(g))), None)
    gemeente = next((g2 for g in grams if (g2 := partijen.gemeente(g))), None)
    peildatum = None
    if m := _PEILDATUM.search(text):
        peildatum = cell_values.to_date(m[1])
    if peildatum is None and (m := _ANY_DATE.search(text)):
        peildatum = cell_values.to_date(m[1])
    if peildatum is None and (m := _ULTIMO.search(text)):
        peildatum = date(int(m[1]), 12, 31)
    year = int(m[1]) if (m := _YEAR.search(stem)) else None
    return Meta(corporatie, gemeente, peildatum, year)
