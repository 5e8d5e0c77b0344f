"""The database: the only module that speaks SQL.

One DuckDB file (default ``data/prestatie.duckdb``; ``PRESTATIE_DB`` or ``--db`` override it).
Every imported row carries the import batch it came from, so each figure can be traced back to
a file. A batch stays in the database when it is replaced or undone; the ``actief`` views show
only the batches in force. Writes go through :func:`write_batch` and :func:`undo_batch`, one
transaction each, serialised by a process-wide lock, so a reader never sees half an import.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb
import pandas as pd

DEFAULT_DB = Path(__file__).resolve().parents[1] / "data" / "prestatie.duckdb"

_write_lock = threading.Lock()

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

SCHEMA = """
CREATE SEQUENCE IF NOT EXISTS batch_seq START 1;
CREATE TABLE IF NOT EXISTS batch (
    id INTEGER PRIMARY KEY DEFAULT nextval('batch_seq'),
    bestand VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    soort VARCHAR NOT NULL,
    corporatie VARCHAR,
    gemeente VARCHAR,
    peildatum DATE,
    jaar_van INTEGER,
    jaar_tot INTEGER,
    rijen INTEGER NOT NULL,
    waarschuwingen INTEGER NOT NULL DEFAULT 0,
    huur_kolom VARCHAR,  -- the column the rent was read from, as the upload page showed it
    demo BOOLEAN NOT NULL DEFAULT false,
    gebruiker VARCHAR,
    ingelezen TIMESTAMP NOT NULL,
    vervangen_door INTEGER,
    ongedaan TIMESTAMP
);
CREATE TABLE IF NOT EXISTS vhe (
    batch_id INTEGER NOT NULL,
    bron_rij INTEGER NOT NULL,
    corporatie VARCHAR NOT NULL,
    gemeente VARCHAR NOT NULL,
    peildatum DATE NOT NULL,
    vhe_id VARCHAR NOT NULL,
    adres VARCHAR,
    postcode VARCHAR,
    kern VARCHAR,
    huur_cent BIGINT,
    rekenhuur_cent BIGINT,  -- a second rent where the file had one (see kolommen.REKENHUUR)
    label VARCHAR NOT NULL,
    label_bron VARCHAR,
    energie_index DOUBLE,
    woningtype VARCHAR,
    levensloopgeschikt BOOLEAN,
    bouwjaar INTEGER,
    aantal DOUBLE NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS productie (
    batch_id INTEGER NOT NULL,
    bron_rij INTEGER NOT NULL,
    corporatie VARCHAR NOT NULL,
    gemeente VARCHAR NOT NULL,
    kern VARCHAR,
    project VARCHAR,
    soort VARCHAR NOT NULL,
    jaar INTEGER NOT NULL,
    datum DATE,
    aantal INTEGER NOT NULL,
    vhe_id VARCHAR
);
CREATE TABLE IF NOT EXISTS afspraken_document (
    id VARCHAR PRIMARY KEY,
    inhoud VARCHAR NOT NULL,  -- the agreement file's TOML text
    geladen TIMESTAMP NOT NULL
);
-- Databases made by an earlier version get the columns added since.
ALTER TABLE vhe ADD COLUMN IF NOT EXISTS rekenhuur_cent BIGINT;
ALTER TABLE batch ADD COLUMN IF NOT EXISTS huur_kolom VARCHAR;
CREATE OR REPLACE VIEW actieve_batch AS
    SELECT * FROM batch WHERE vervangen_door IS NULL AND ongedaan IS NULL;
-- Which rows count. The key of the stock is corporatie × gemeente × peildatum; of production
-- corporatie × gemeente × jaar. For each key the rows of ONE import count: the newest stock
-- list, or where there is none the newest bezitstabel (a stock list has kern, type and
-- levensloopgeschikt); for production the newest production list that reports on that year,
-- or else the bezitstabel's mutations (a list has verduurzaming and zonnepanelen). Per key, not
-- per file: a newer file for one gemeente or one peildatum replaces exactly that part of an
-- older file that covered more. So no home is counted twice, and none is lost.
CREATE OR REPLACE VIEW actieve_vhe AS
    WITH rows AS (
        SELECT v.*, v.huur_cent / 100.0 AS huur, b.bestand, b.soort AS bron_soort
        FROM vhe v JOIN actieve_batch b ON b.id = v.batch_id
    ), winner AS (
        SELECT corporatie, gemeente, peildatum,
               arg_max(batch_id, batch_id + CASE bron_soort WHEN 'voorraad' THEN 1e12 ELSE 0 END)
                   AS batch_id
        FROM (SELECT DISTINCT corporatie, gemeente, peildatum, batch_id, bron_soort FROM rows)
        GROUP BY corporatie, gemeente, peildatum
    )
    SELECT rows.* FROM rows JOIN winner USING (corporatie, gemeente, peildatum, batch_id);
CREATE OR REPLACE VIEW productie_lijst AS
    SELECT DISTINCT b.id, b.corporatie, p.gemeente, b.jaar_van, b.jaar_tot
    FROM actieve_batch b JOIN productie p ON p.batch_id = b.id
    WHERE b.soort = 'productie';
CREATE OR REPLACE VIEW actieve_productie AS
    SELECT p.*, b.bestand, b.soort AS bron_soort
    FROM productie p JOIN actieve_batch b ON b.id = p.batch_id
    WHERE NOT EXISTS (
        SELECT 1 FROM productie_lijst l
        WHERE l.corporatie = p.corporatie AND l.gemeente = p.gemeente
          AND p.jaar BETWEEN l.jaar_van AND l.jaar_tot AND l.id <> p.batch_id
          AND (b.soort = 'woz' OR l.id > p.batch_id));
-- Progress per agreement per year as people set it (prestatie.store_register): append-only,
-- the entry with the highest id counts.
CREATE SEQUENCE IF NOT EXISTS afspraak_status_seq START 1;
CREATE TABLE IF NOT EXISTS afspraak_status (
    id INTEGER PRIMARY KEY DEFAULT nextval('afspraak_status_seq'),
    document VARCHAR NOT NULL,
    nummer VARCHAR NOT NULL,
    jaar INTEGER NOT NULL,
    status VARCHAR NOT NULL,
    notitie VARCHAR NOT NULL DEFAULT '',
    door VARCHAR,
    gezet TIMESTAMP NOT NULL
);
-- Every version of an agreement document put in force (prestatie.store_register); undo marks
-- the latest as ongedaan and puts the one before back into afspraken_document.
CREATE TABLE IF NOT EXISTS afspraken_versie (
    document VARCHAR NOT NULL,
    versie INTEGER NOT NULL,
    inhoud VARCHAR NOT NULL,
    bron VARCHAR NOT NULL,
    door VARCHAR,
    opgeslagen TIMESTAMP NOT NULL,
    ongedaan TIMESTAMP
);
"""


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


@dataclass(frozen=True)
class WriteResult:
    batch_id: int | None
    nieuw: bool  # False when the same file was already in force: nothing changed
    vervangen: tuple[int, ...]  # batches this one replaced


def db_path(explicit: str | os.PathLike | None = None) -> Path:
    """The database file: ``--db`` first, then ``PRESTATIE_DB``, then ``data/prestatie.duckdb``."""
    if explicit:
        return Path(explicit)
    if os.environ.get("PRESTATIE_DB"):
        return Path(os.environ["PRESTATIE_DB"])
    return DEFAULT_DB


def connect(path: str | os.PathLike | None = None) -> duckdb.DuckDBPyConnection:
    """Open (and create when needed) the database with its schema; ``":memory:"`` for tests."""
    target = ":memory:" if str(path) == ":memory:" else str(db_path(path))
    if target != ":memory:":
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(target)
    con.execute(SCHEMA)
    return con


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """One serialised write transaction: all of it or nothing."""
    with _write_lock:
        con.execute("BEGIN TRANSACTION")
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")


def _active_same_file(con, batch: Batch) -> int | None:
    row = con.execute(
        "SELECT id FROM actieve_batch WHERE sha256 = ? AND soort = ? "
        "AND corporatie IS NOT DISTINCT FROM ? AND gemeente IS NOT DISTINCT FROM ? "
        "AND peildatum IS NOT DISTINCT FROM ?",
        [batch.sha256, batch.soort, batch.corporatie, batch.gemeente, batch.peildatum],
    ).fetchone()
    return row[0] if row else None


def _superseded(con, batch: Batch) -> list[int]:
    """Active batches of the same kind and scope that a new batch replaces."""
    if batch.soort == "productie":
        sql = (
            "SELECT id FROM actieve_batch WHERE soort = 'productie' AND corporatie = ? "
            "AND gemeente IS NOT DISTINCT FROM ? AND jaar_van = ? AND jaar_tot = ?"
        )
        params = [batch.corporatie, batch.gemeente, batch.jaar_van, batch.jaar_tot]
    else:
        sql = (
            "SELECT id FROM actieve_batch WHERE soort = ? AND corporatie = ? "
            "AND gemeente IS NOT DISTINCT FROM ? AND peildatum = ?"
        )
        params = [batch.soort, batch.corporatie, batch.gemeente, batch.peildatum]
    return [r[0] for r in con.execute(sql, params).fetchall()]


def _insert_frame(con, table: str, columns: tuple[str, ...], batch_id: int, frame) -> None:
    """Insert a frame's rows; a column the frame lacks (an optional one) is left empty."""
    con.register("_prestatie_import", frame)
    try:
        cols = ", ".join(columns)
        values = ", ".join(c if c in frame.columns else f"NULL AS {c}" for c in columns)
        con.execute(
            f"INSERT INTO {table} (batch_id, {cols}) SELECT ?, {values} FROM _prestatie_import",
            [batch_id],
        )
    finally:
        con.unregister("_prestatie_import")


def write_batch(
    con: duckdb.DuckDBPyConnection,
    batch: Batch,
    vhe: pd.DataFrame | None = None,
    productie: pd.DataFrame | None = None,
) -> WriteResult:
    """Write one validated import as one transaction; see :func:`write_batches`."""
    return write_batches(con, [(batch, vhe, productie)])[0]


def write_batches(
    con: duckdb.DuckDBPyConnection,
    items: list[tuple[Batch, pd.DataFrame | None, pd.DataFrame | None]],
) -> list[WriteResult]:
    """Write validated imports (one upload of one or more files) as one transaction.

    The same file again changes nothing. A newer file of the same kind for the same
    corporatie, gemeente and peildatum (production: the same years) replaces the older one,
    which stays in the batch list as replaced.
    """
    results = []
    with transaction(con):
        for batch, vhe, productie in items:
            results.append(_write_one(con, batch, vhe, productie))
    return results


def _write_one(con, batch: Batch, vhe, productie) -> WriteResult:
    existing = _active_same_file(con, batch)
    if existing is not None:
        return WriteResult(existing, False, ())
    old = _superseded(con, batch)
    batch_id = con.execute(
        "INSERT INTO batch (bestand, sha256, soort, corporatie, gemeente, peildatum, "
        "jaar_van, jaar_tot, rijen, waarschuwingen, huur_kolom, demo, gebruiker, ingelezen) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        [
            batch.bestand,
            batch.sha256,
            batch.soort,
            batch.corporatie,
            batch.gemeente,
            batch.peildatum,
            batch.jaar_van,
            batch.jaar_tot,
            batch.rijen,
            batch.waarschuwingen,
            batch.huur_kolom,
            batch.demo,
            batch.gebruiker,
            datetime.now(),
        ],
    ).fetchone()[0]
    if vhe is not None and len(vhe):
        _insert_frame(con, "vhe", VHE_COLUMNS, batch_id, vhe)
    if productie is not None and len(productie):
        _insert_frame(con, "productie", PRODUCTIE_COLUMNS, batch_id, productie)
    if old:
        con.execute(
            "UPDATE batch SET vervangen_door = ? WHERE list_contains(?, id)", [batch_id, old]
        )
    return WriteResult(batch_id, True, tuple(old))


def undo_batch(con: duckdb.DuckDBPyConnection, batch_id: int) -> None:
    """Take a batch out of force; the batches it had replaced come back."""
    with transaction(con):
        con.execute("UPDATE batch SET ongedaan = ? WHERE id = ?", [datetime.now(), batch_id])
        con.execute("UPDATE batch SET vervangen_door = NULL WHERE vervangen_door = ?", [batch_id])


def clear_data(con: duckdb.DuckDBPyConnection) -> None:
    """Remove every imported row and batch (start with an empty database)."""
    with transaction(con):
        for table in ("vhe", "productie", "batch"):
            con.execute(f"DELETE FROM {table}")


def batches(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every import with its state: in force, replaced (by which) or undone."""
    return con.execute(
        "SELECT id, bestand, soort, corporatie, gemeente, peildatum, jaar_van, jaar_tot, rijen, "
        "waarschuwingen, huur_kolom, demo, gebruiker, ingelezen, vervangen_door, ongedaan, sha256, "
        "CASE WHEN ongedaan IS NOT NULL THEN 'ongedaan gemaakt' "
        "WHEN vervangen_door IS NOT NULL THEN 'vervangen door ' || vervangen_door "
        "ELSE 'actief' END AS stand FROM batch ORDER BY id DESC"
    ).df()


def has_demo_data(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(con.execute("SELECT count(*) FROM actieve_batch WHERE demo").fetchone()[0])


def has_data(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(con.execute("SELECT count(*) FROM actieve_batch").fetchone()[0])


def _where(filters: dict[str, object]) -> tuple[str, list]:
    clauses, params = [], []
    for column, value in filters.items():
        if value is None:
            continue
        if isinstance(value, list | tuple):
            clauses.append(f"list_contains(?, {column})")
        else:
            clauses.append(f"{column} = ?")
        params.append(list(value) if isinstance(value, list | tuple) else value)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def vhe_rows(
    con: duckdb.DuckDBPyConnection,
    corporatie: str | list[str] | None = None,
    gemeente: str | list[str] | None = None,
    peildatum: date | None = None,
) -> pd.DataFrame:
    """The vhe rows in force, with the file each came from."""
    where, params = _where({"corporatie": corporatie, "gemeente": gemeente, "peildatum": peildatum})
    return con.execute(
        "SELECT batch_id, bestand, bron_rij, corporatie, gemeente, peildatum, vhe_id, adres, "
        "postcode, kern, huur_cent, huur, rekenhuur_cent, label, label_bron, energie_index, "
        f"woningtype, levensloopgeschikt, bouwjaar, aantal FROM actieve_vhe{where} "
        "ORDER BY corporatie, gemeente, peildatum, vhe_id",
        params,
    ).df()


def productie_rows(
    con: duckdb.DuckDBPyConnection,
    corporatie: str | list[str] | None = None,
    gemeente: str | list[str] | None = None,
) -> pd.DataFrame:
    """The production rows in force, with the file each came from."""
    where, params = _where({"corporatie": corporatie, "gemeente": gemeente})
    return con.execute(
        "SELECT batch_id, bestand, bron_rij, corporatie, gemeente, kern, project, soort, jaar, "
        f"datum, aantal, vhe_id FROM actieve_productie{where} "
        "ORDER BY corporatie, gemeente, jaar, soort, bron_rij",
        params,
    ).df()


def productie_dekking(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Which (corporatie, gemeente, jaar) the production imports in force report on.

    A year without rows inside a reported range means nothing was realised; a year outside
    every range has no data.
    """
    return con.execute(
        "SELECT DISTINCT b.corporatie, coalesce(b.gemeente, p.gemeente) AS gemeente, "
        "unnest(range(b.jaar_van, b.jaar_tot + 1)) AS jaar "
        "FROM actieve_batch b LEFT JOIN (SELECT DISTINCT batch_id, gemeente FROM productie) p "
        "ON p.batch_id = b.id "
        "WHERE b.jaar_van IS NOT NULL AND coalesce(b.gemeente, p.gemeente) IS NOT NULL "
        "ORDER BY 1, 2, 3"
    ).df()


def dimensions(con: duckdb.DuckDBPyConnection) -> dict[str, list]:
    """The gemeenten, corporaties, peildata and production years in force, for the filters."""

    def column(sql: str) -> list:
        return [r[0] for r in con.execute(sql).fetchall()]

    both = "SELECT {0} FROM actieve_vhe UNION SELECT {0} FROM actieve_productie ORDER BY 1"
    return {
        "gemeenten": column(both.format("gemeente")),
        "corporaties": column(both.format("corporatie")),
        "peildata": column("SELECT DISTINCT peildatum FROM actieve_vhe ORDER BY 1"),
        "productiejaren": column("SELECT DISTINCT jaar FROM actieve_productie ORDER BY 1"),
    }


def save_documents(con: duckdb.DuckDBPyConnection, documents: dict[str, str]) -> None:
    """Store agreement documents (id -> TOML text) in the database, replacing same ids."""
    with transaction(con):
        for doc_id, content in documents.items():
            con.execute("DELETE FROM afspraken_document WHERE id = ?", [doc_id])
            con.execute(
                "INSERT INTO afspraken_document VALUES (?, ?, ?)", [doc_id, content, datetime.now()]
            )


def documents(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    rows = con.execute("SELECT id, inhoud FROM afspraken_document ORDER BY id").fetchall()
    return {r[0]: r[1] for r in rows}


def version(con: duckdb.DuckDBPyConnection) -> str:
    """A fingerprint of the batches in force and of the agreements, for caches."""
    row = con.execute(
        "SELECT count(*), max(id), count(ongedaan), count(vervangen_door), "
        "(SELECT max(geladen) FROM afspraken_document) FROM batch"
    ).fetchone()
    return "-".join(str(v) for v in row)


def undo_demo(con: duckdb.DuckDBPyConnection) -> int:
    """Take every demonstration batch out of force; returns how many."""
    with transaction(con):
        ids = [r[0] for r in con.execute("SELECT id FROM actieve_batch WHERE demo").fetchall()]
        con.execute(
            "UPDATE batch SET ongedaan = ? WHERE list_contains(?, id)", [datetime.now(), ids]
        )
    return len(ids)
