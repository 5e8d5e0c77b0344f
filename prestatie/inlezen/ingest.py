"""Upload -> validated tables: the one reading path for the app, the CLI and the demo.

``parse`` reads and validates a file without touching the database and raises ImportRefused
(with every problem named by file, sheet, row, column and value) when anything stops it.
Writing what ``parse`` accepted is :func:`prestatie.opslag.store.save`; reading files from disk
and writing them together is :func:`prestatie.opslag.store.import_paths`.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import pandas as pd

from prestatie.inlezen import (
    column_names,
    leefbaarometer,
    productielijst,
    verhuringenlijst,
    voorraadlijst,
    woz,
)
from prestatie.inlezen.detect import Layout, Meta, find_layout, find_meta
from prestatie.inlezen.errors import (
    ADD_CORPORATIE,
    WAARSCHUWING,
    ImportRefused,
    Problem,
    refuse,
)
from prestatie.inlezen.records import Batch
from prestatie.inlezen.sheet_rows import Built, column_letter, column_name
from prestatie.inlezen.uploads import read_sheets
from prestatie.referentie import partijen


@dataclass(frozen=True)
class Hints:
    """What the user chose or typed.

    Corporatie, gemeente and peildatum override the title rows and the file name; a column
    in the table (a Gemeente column, the BAG id of a bezitstabel) still decides for its own
    rows, and the choice fills the rows where it is empty. ``mapping`` corrects the detected
    columns: the fields named in it are linked to the given position (0 = column A) or, with
    None, unlinked; the other fields keep what was detected.
    """

    corporatie: str | None = None
    gemeente: str | None = None
    peildatum: date | None = None
    kind: str | None = None  # voorraad | productie | woz | verhuur | leefbaarheid
    # field -> column position (0 = A) as the user corrected it; None unlinks a field
    mapping: dict[str, int | None] | None = None


@dataclass
class Parsed:
    """A validated upload, ready to be saved, and what the import made of it."""

    file: str
    sha256: str
    layout: Layout
    meta: Meta
    vhe: pd.DataFrame | None = None
    productie: pd.DataFrame | None = None
    verhuring: pd.DataFrame | None = None
    leefbaarheid: pd.DataFrame | None = None
    warnings: list[Problem] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (Excel row, reason)
    blank_rows: int = 0  # empty rows under the header, left out
    huur_kolom: str | None = None  # the rent column used, "G (Kale huur)"
    notes: list[str] = field(default_factory=list)  # what was read from where, in Dutch

    @property
    def kind(self) -> str:
        return self.layout.kind

    @property
    def tables(self) -> tuple[pd.DataFrame | None, ...]:
        """(vhe, productie, verhuring, leefbaarheid): what :func:`prestatie.opslag.store.save`
        writes."""
        return self.vhe, self.productie, self.verhuring, self.leefbaarheid

    @property
    def rows(self) -> int:
        return sum(len(t) for t in self.tables if t is not None)

    def batch(self, demo: bool = False, gebruiker: str | None = None) -> Batch:
        vhe, prod, lets, scores = self.tables
        peildata = _dates(vhe["peildatum"]) if vhe is not None and len(vhe) else set()
        gemeenten = set().union(*(set(t["gemeente"]) for t in self.tables if t is not None))
        dated = next((t for t in (prod, lets, scores) if t is not None), None)
        years = sorted(set(dated["jaar"])) if dated is not None and len(dated) else []
        if self.kind == column_names.WOZ:
            years = [self.meta.jaar] if self.meta.jaar else years
        return Batch(
            bestand=self.file,
            sha256=self.sha256,
            soort=self.kind,
            corporatie=None if self.kind == column_names.LEEFBAARHEID else self.meta.corporatie,
            gemeente=next(iter(gemeenten)) if len(gemeenten) == 1 else None,
            peildatum=next(iter(peildata)) if len(peildata) == 1 else None,
            jaar_van=int(years[0]) if years else None,
            jaar_tot=int(years[-1]) if years else None,
            rijen=self.rows,
            waarschuwingen=len(self.warnings),
            huur_kolom=self.huur_kolom,
            demo=demo,
            gebruiker=gebruiker,
        )


def _dates(column: pd.Series) -> set[date]:
    return {pd.Timestamp(d).date() for d in column.dropna().unique()}


def parse(file: str, data: bytes, hints: Hints | None = None) -> Parsed:
    """Read and validate one upload; raises ImportRefused, never writes."""
    hints = hints or Hints()
    name = Path(file).name
    with ThreadPoolExecutor(max_workers=1) as pool:  # hashlib lets go of the GIL
        digest = pool.submit(lambda: hashlib.sha256(data).hexdigest())
        sheets = read_sheets(name, data)
        try:
            layout, meta, built = _build(name, sheets, hints)
        finally:  # the tables are made (or refused): the raw cells are not needed any more
            for sheet in sheets:
                sheet.release()
        parsed = _parsed(name, digest.result(), layout, meta, built)
    if future := _future_peildatum(name, layout, meta, date.today()):
        parsed.warnings.insert(0, future)
    if parsed.rows == 0:
        woz_notes = " ".join(built.notes) if layout.kind == column_names.WOZ else ""
        raise refuse(
            name,
            "er staan geen gegevensrijen onder de kolomnamen"
            + (f" die meetellen. {woz_notes}" if woz_notes else "."),
            sheet=layout.sheet_name,
            row=layout.header_index + 1,
        )
    return parsed


def _future_peildatum(name: str, layout: Layout, meta: Meta, today: date) -> Problem | None:
    """A warning for a stock list dated after today (or a bezitstabel of a year not yet
    begun): most often a typing error, and a date no rent limit may be known for yet."""
    peil = meta.peildatum
    if peil is None or layout.kind not in (column_names.VOORRAAD, column_names.WOZ):
        return None
    if layout.kind == column_names.WOZ and peil.year <= today.year:
        return None
    if peil <= today:
        return None
    return Problem(
        file=name,
        message=f"de peildatum {peil:%d-%m-%Y} ligt in de toekomst (vandaag is het "
        f"{today:%d-%m-%Y}); klopt die datum? De lijst wordt wel ingelezen",
        sheet=layout.sheet_name,
        severity=WAARSCHUWING,
    )


def _build(name: str, sheets: list, hints: Hints) -> tuple[Layout, Meta, Built]:
    try:
        layout = find_layout(name, sheets, hints.kind, set(hints.mapping or ()))
    except ImportRefused as refused:
        raise _with_formula_hint(refused, sheets) from None
    if hints.mapping:
        layout = replace(layout, mapping=_corrected(name, layout, hints.mapping))
    meta = _meta(name, layout, hints)
    if layout.kind == column_names.WOZ:
        built = woz.build(name, layout, meta, hints.peildatum)
        meta = replace(meta, jaar=built.jaar, peildatum=date(built.jaar, 12, 31))
    elif layout.kind == column_names.PRODUCTIE:
        built = productielijst.build(name, layout, meta)
    elif layout.kind == column_names.VERHUUR:
        built = verhuringenlijst.build(name, layout, meta)
    elif layout.kind == column_names.LEEFBAARHEID:
        built = leefbaarometer.build(name, layout, meta)
    else:
        built = voorraadlijst.build(name, layout, meta)
    return layout, meta, built


def _parsed(name: str, sha256: str, layout: Layout, meta: Meta, built: Built) -> Parsed:
    return Parsed(
        file=name,
        sha256=sha256,
        layout=layout,
        meta=meta,
        vhe=built.vhe,
        productie=built.productie,
        verhuring=built.verhuring,
        leefbaarheid=built.leefbaarheid,
        warnings=built.warnings,
        skipped=built.skipped,
        blank_rows=built.blank_rows,
        huur_kolom=built.huur_kolom,
        notes=built.notes,
    )


def _with_formula_hint(refused: ImportRefused, sheets) -> ImportRefused:
    if not any(sheet.uncached for sheet in sheets):
        return refused
    extra = Problem(
        refused.problems[0].file,
        "de werkmap bevat formules zonder berekende waarde (mogelijk ook in de kolomnamen); "
        "open het bestand in Excel en sla het opnieuw op.",
    )
    return ImportRefused([*refused.problems, extra])


def _corrected(file: str, layout: Layout, chosen: dict[str, int | None]) -> dict[str, int]:
    """The detected mapping with the user's corrections; a bad correction is refused."""
    names = column_names.field_names(layout.kind)
    width = len(layout.headers)
    problems = []
    for name, position in chosen.items():
        if name not in names:
            problems.append(
                f"onbekend veld '{name}' in de kolomkeuze; kies uit {', '.join(names)}."
            )
        elif position is not None and (
            isinstance(position, bool) or not isinstance(position, int) or position < 0
        ):
            problems.append(f"kolom voor '{names[name]}' is geen kolomnummer: {position!r}.")
        elif position is not None and position >= width:
            problems.append(
                f"kolom {column_letter(position)} (nummer {position}) voor '{names[name]}' bestaat "
                f"niet: de kolomnamen in rij {layout.header_index + 1} lopen van A tot en met "
                f"{column_letter(width - 1)}."
            )
    linked = [p for p in chosen.values() if p is not None]
    for position in sorted({p for p in linked if linked.count(p) > 1}, key=str):
        fields = [names.get(n, n) for n, p in chosen.items() if p == position]
        problems.append(
            f"kolom {column_name(layout.headers, position)} is aan meer dan één veld "
            f"gekoppeld ({', '.join(fields)}); kies één veld per kolom."
        )
    if problems:
        raise ImportRefused(
            [Problem(file, m, layout.sheet_name, layout.header_index + 1) for m in problems]
        )
    taken = set(linked)
    mapping = {
        name: position
        for name, position in layout.mapping.items()
        if name not in chosen and position not in taken
    }
    mapping |= {name: position for name, position in chosen.items() if position is not None}
    required = {
        "voorraad": ("vhe_id",),
        "productie": ("soort",),
        "woz": ("vhe_id",),
        "leefbaarheid": ("code",),
    }
    missing = [names[n] for n in required.get(layout.kind, ()) if n not in mapping]
    if missing:
        raise refuse(
            file,
            f"het veld {', '.join(missing)} is aan geen kolom gekoppeld; kies de kolom.",
            sheet=layout.sheet_name,
            row=layout.header_index + 1,
        )
    return mapping


def _meta(file: str, layout: Layout, hints: Hints) -> Meta:
    found = find_meta(file, layout.title)
    corporatie = found.corporatie
    if hints.corporatie:
        corporatie = partijen.corporatie(hints.corporatie)
        if corporatie is None:
            text = partijen.unknown_text("corporatie", hints.corporatie, advice=ADD_CORPORATIE)
            raise refuse(file, _sentence(text))
    gemeente = found.gemeente
    if hints.gemeente:
        gemeente = partijen.gemeente(hints.gemeente)
        if gemeente is None:
            raise refuse(file, _sentence(partijen.unknown_text("gemeente", hints.gemeente)))
    return Meta(corporatie, gemeente, hints.peildatum or found.peildatum, found.jaar)


def _sentence(text: str) -> str:
    return text if text.endswith("?") else f"{text}."
