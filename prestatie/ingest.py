"""Upload -> validated tables -> database: the one import path for the app, the CLI and the demo.

``parse`` reads and validates a file without touching the database and raises ImportRefused
(with every problem named by file, sheet, row, column and value) when anything stops it.
``save`` writes what ``parse`` accepted, all files of one upload in one transaction.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

from prestatie import kolommen, partijen, productielijst, store, voorraadlijst, woz
from prestatie.bestanden import read_sheets
from prestatie.detect import Layout, Meta, find_layout, find_meta
from prestatie.errors import Problem, refuse


@dataclass(frozen=True)
class Hints:
    """What the user chose or typed; each one overrides what the file says."""

    corporatie: str | None = None
    gemeente: str | None = None
    peildatum: date | None = None
    kind: str | None = None  # voorraad | productie | woz
    mapping: dict[str, int] | None = None  # field -> column position


@dataclass
class Parsed:
    """A validated upload, ready to be saved."""

    file: str
    sha256: str
    layout: Layout
    meta: Meta
    vhe: pd.DataFrame | None = None
    productie: pd.DataFrame | None = None
    warnings: list[Problem] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.layout.kind

    @property
    def rows(self) -> int:
        return sum(len(t) for t in (self.vhe, self.productie) if t is not None)

    def batch(self, demo: bool = False, gebruiker: str | None = None) -> store.Batch:
        vhe, prod = self.vhe, self.productie
        peildata = set(vhe["peildatum"]) if vhe is not None and len(vhe) else set()
        gemeenten = set().union(*(set(t["gemeente"]) for t in (vhe, prod) if t is not None))
        years = sorted(set(prod["jaar"])) if prod is not None and len(prod) else []
        if self.kind == kolommen.WOZ:
            years = [self.meta.jaar] if self.meta.jaar else years
        return store.Batch(
            bestand=self.file,
            sha256=self.sha256,
            soort=self.kind,
            corporatie=self.meta.corporatie,
            gemeente=next(iter(gemeenten)) if len(gemeenten) == 1 else None,
            peildatum=next(iter(peildata)) if len(peildata) == 1 else None,
            jaar_van=int(years[0]) if years else None,
            jaar_tot=int(years[-1]) if years else None,
            rijen=self.rows,
            waarschuwingen=len(self.warnings),
            demo=demo,
            gebruiker=gebruiker,
        )


def parse(file: str, data: bytes, hints: Hints | None = None) -> Parsed:
    """Read and validate one upload; raises ImportRefused, never writes."""
    hints = hints or Hints()
    name = Path(file).name
    sheets = read_sheets(name, data)
    layout = find_layout(name, sheets, hints.kind)
    meta = _meta(name, layout, hints)
    parsed = Parsed(name, hashlib.sha256(data).hexdigest(), layout, meta)
    if layout.kind == kolommen.WOZ:
        vhe, prod, warnings, skipped, year = woz.build(name, layout, meta, hints.peildatum)
        parsed.meta = replace(meta, jaar=year)
        parsed.vhe, parsed.productie = vhe, prod
    elif layout.kind == kolommen.PRODUCTIE:
        parsed.productie, warnings, skipped = productielijst.build(
            name, layout, meta, hints.mapping
        )
    else:
        parsed.vhe, warnings, skipped = voorraadlijst.build(name, layout, meta, hints.mapping)
    parsed.warnings, parsed.skipped = warnings, skipped
    if parsed.rows == 0:
        raise refuse(
            name,
            "er staan geen gegevensrijen onder de kolomnamen.",
            sheet=layout.sheet_name,
            row=layout.header_index + 1,
        )
    return parsed


def _meta(file: str, layout: Layout, hints: Hints) -> Meta:
    found = find_meta(file, layout.title)
    corporatie = found.corporatie
    if hints.corporatie:
        corporatie = partijen.corporatie(hints.corporatie)
        if corporatie is None:
            raise refuse(
                file,
                f"onbekende corporatie '{hints.corporatie}'; kies uit "
                f"{', '.join(partijen.CORPORATIES)}.",
            )
    gemeente = found.gemeente
    if hints.gemeente:
        gemeente = partijen.gemeente(hints.gemeente)
        if gemeente is None:
            raise refuse(file, f"onbekende gemeente '{hints.gemeente}'.")
    return Meta(corporatie, gemeente, hints.peildatum or found.peildatum, found.jaar)


def save(
    con: duckdb.DuckDBPyConnection,
    uploads: list[Parsed],
    demo: bool = False,
    gebruiker: str | None = None,
) -> list[store.WriteResult]:
    """Write accepted uploads, all in one transaction."""
    return store.write_batches(
        con, [(p.batch(demo, gebruiker), p.vhe, p.productie) for p in uploads]
    )


def import_paths(
    con: duckdb.DuckDBPyConnection,
    paths: list[Path],
    hints: Hints | None = None,
    demo: bool = False,
) -> list[tuple[Parsed, store.WriteResult]]:
    """Parse every file first, then write them together: one bad file writes nothing."""
    parsed = [parse(str(p), Path(p).read_bytes(), hints) for p in paths]
    return list(zip(parsed, save(con, parsed, demo), strict=True))
