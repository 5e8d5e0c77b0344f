"""What the pages and the command line ask of the database, in one place.

Opening the database: a new file gets the schema, the agreement documents from
``data/afspraken/`` and the demonstration data; an existing file is opened as it is (a user who
removed the demo data keeps an empty database). Agreements live in the database, loaded from
the files when a document is not there yet, so a new gemeente or year needs no code.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

from prestatie.afspraken import register as afspraakregister
from prestatie.afspraken import schema, toml_reader
from prestatie.beoordeling import metingen, monitor, status, voorraaddoelen
from prestatie.beoordeling.selectie import Filters, evaluation_selected
from prestatie.demo import demobestanden
from prestatie.opslag import queries, register_store, store
from prestatie.referentie import huurgrenzen, labels
from prestatie.referentie.peildatum import as_date, verslagjaar


def open_database(
    path: str | os.PathLike | None = None, demo: bool = True
) -> duckdb.DuckDBPyConnection:
    """Connect; on a new file, load the agreements and (``demo``) the demonstration data."""
    file = store.db_path(path) if str(path) != ":memory:" else None
    new = file is None or not file.exists()
    con = store.connect(":memory:" if file is None else file)
    sync_agreements(con)
    if new and demo:
        demobestanden.load(con)
    return con


def sync_agreements(con: duckdb.DuckDBPyConnection, folder: Path | None = None) -> list[str]:
    """Put every agreement file whose document is not yet in the database into it."""
    folder = folder or toml_reader.default_folder()
    have = queries.documents(con)
    new = {}
    for path in sorted(folder.glob("*.toml")):
        agreement = toml_reader.load_agreement(path)
        if agreement.document.id not in have:
            new[agreement.document.id] = path.read_text(encoding="utf-8")
    if new:
        store.save_documents(con, new)
    return sorted(new)


def agreements(con: duckdb.DuckDBPyConnection) -> list[schema.Agreement]:
    return [
        toml_reader.parse_agreement(text, f"{doc_id}.toml")
        for doc_id, text in queries.documents(con).items()
    ]


def evaluations(
    con: duckdb.DuckDBPyConnection,
    today: date,
    prijspeil: str = voorraaddoelen.INDEXED,
    filters: Filters | None = None,
    huur: str = metingen.KALE_HUUR,
) -> list[status.Evaluation]:
    """Every target judged on the data in force; ``huur`` chooses the rent measured."""
    doelen = [d for a in agreements(con) for d in a.doelen]
    result = monitor.evaluate(doelen, facts(con, today, huur), prijspeil)
    return [e for e in result if matches(e, filters)] if filters else result


def facts(
    con: duckdb.DuckDBPyConnection, today: date, huur: str = metingen.KALE_HUUR
) -> monitor.Facts:
    """What the monitor reads: the stock per verslagjaar, production and its coverage."""
    vhe = metingen.with_rent(queries.vhe_rows(con), huur)
    return monitor.Facts.build(
        vhe, queries.productie_rows(con), queries.productie_dekking(con), today
    )


def matches(e: status.Evaluation, f: Filters) -> bool:
    """Whether an evaluation belongs to the selection (a joint target shows for each member)."""
    return evaluation_selected(e, f)


def voorraad_summary(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Per corporatie × gemeente × peildatum: vhe, vhe up to each limit, vhe per label class.

    ``huur_tot`` counts rents up to and including the limit in force on the peildatum.
    """
    rows = queries.vhe_rows(con)
    out = []
    for (corp, gem, peil), group in rows.groupby(["corporatie", "gemeente", "peildatum"]):
        peil = as_date(peil)
        try:
            limits = huurgrenzen.grenzen_in_jaar(peil.year)
        except huurgrenzen.OnbekendJaar:
            limits = dict.fromkeys(huurgrenzen.GRENZEN)  # no table row yet: counts unknown
        counts = group.groupby("label")["aantal"].sum()
        out.append(
            {
                "corporatie": corp,
                "gemeente": gem,
                "peildatum": peil.isoformat(),
                "vhe": _whole(group["aantal"].sum()),
                "huur_tot": {
                    name: None
                    if limit is None
                    else _whole(metingen.share_up_to(group, int(limit * 100), True).deel)
                    for name, limit in limits.items()
                },
                "labels": {k: _whole(counts.get(k, 0)) for k in labels.ALLE},
            }
        )
    return out


def productie_summary(con: duckdb.DuckDBPyConnection) -> list[dict]:
    rows = queries.productie_rows(con)
    grouped = rows.groupby(["corporatie", "gemeente", "jaar", "soort"])["aantal"].sum()
    return [
        {"corporatie": c, "gemeente": g, "jaar": int(j), "soort": s, "aantal": int(n)}
        for (c, g, j, s), n in grouped.items()
    ]


def _whole(x: float) -> int | float:
    return int(x) if float(x).is_integer() else float(x)


def years(dimensions: dict[str, list]) -> list[int]:
    """The years the data reports on: stock verslagjaren and production years."""
    stock = {verslagjaar(d) for d in dimensions["peildata"]}
    return sorted(stock | {int(y) for y in dimensions["productiejaren"]})


def data_version(con: duckdb.DuckDBPyConnection) -> str:
    """Changes whenever an import, a replacement or an undo changes the data in force."""
    return queries.version(con)


def stock(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> pd.DataFrame:
    """The vhe rows of the selection: the last peildatum of each verslagjaar, column ``jaar``."""
    return select_stock(metingen.latest_per_year(queries.vhe_rows(con)), filters)


def select_stock(latest: pd.DataFrame, filters: Filters | None = None) -> pd.DataFrame:
    """The rows of a :func:`stock` frame that belong to the selection (None: all)."""
    f = filters or Filters()
    keep = pd.Series(True, index=latest.index)
    for column, value in (("gemeente", f.gemeente), ("corporatie", f.corporatie), ("jaar", f.jaar)):
        if value:
            keep &= latest[column] == value
    return latest[keep]


def production(con: duckdb.DuckDBPyConnection, filters: Filters | None = None) -> pd.DataFrame:
    f = filters or Filters()
    rows = queries.productie_rows(con, f.corporatie, f.gemeente)
    return rows[rows["jaar"] == f.jaar] if f.jaar else rows


def register(
    con: duckdb.DuckDBPyConnection,
    evaluations: list[status.Evaluation],
    jaar: int,
    gemeente: str | None = None,
) -> pd.DataFrame:
    """Every agreement with its stand in ``jaar`` and the measured status of the quantitative
    ones; see :func:`prestatie.afspraken.register.table`."""
    standen = afspraakregister.latest(register_store.status_history(con))
    return afspraakregister.table(agreements(con), evaluations, standen, jaar, gemeente)
