"""The database: its schema, its connection and every write.

One DuckDB file (default ``data/prestatie.duckdb``; ``PRESTATIE_DB`` or ``--db`` override it).
Every imported row carries the import batch it came from, so each figure can be traced back to
a file. A batch stays in the database when it is replaced or undone; the ``actief`` views
(``schema.sql``) show only the batches in force. Writes go through :func:`write_batch` and
:func:`undo_batch`, one transaction each, serialised by a process-wide lock, so a reader never
sees half an import. What is read is in :mod:`prestatie.opslag.queries`, the
agreement register's tables in :mod:`prestatie.opslag.register_store`: these three modules are the
only ones that speak SQL.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path

import duckdb
import pandas as pd

from prestatie.inlezen import ingest
from prestatie.inlezen.ingest import Parsed
from prestatie.inlezen.records import (
    LEEFBAARHEID_COLUMNS,
    PRODUCTIE_COLUMNS,
    VERHUUR_COLUMNS,
    VHE_COLUMNS,
    Batch,
)
from prestatie.opslag import wachten
from prestatie.referentie import huurgrenzen

DEFAULT_DB = Path(__file__).resolve().parents[2] / "data" / "prestatie.duckdb"

_write_lock = threading.RLock()
_in_transaction = threading.local()  # the connections this thread has a transaction open on


# The tables and the views that decide which rows are in force: SQL, kept as SQL.
SCHEMA = resources.files("prestatie.opslag").joinpath("schema.sql").read_text(encoding="utf-8")
# The stock counted per batch at import time: SQL with {bron} (the rows) and {filter} to fill in.
TELLING = resources.files("prestatie.opslag").joinpath("telling.sql").read_text(encoding="utf-8")


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


def connect(
    path: str | os.PathLike | None = None, timeout: float | None = None
) -> duckdb.DuckDBPyConnection:
    """Open (and create when needed) the database with its schema; ``":memory:"`` for tests.
    A file another process holds is tried again for ``timeout`` seconds (:mod:`wachten`)."""
    target = ":memory:" if str(path) == ":memory:" else str(db_path(path))
    if target != ":memory:":
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    con = wachten.connect(target, timeout)
    con.execute(SCHEMA)
    sync_reference(con)
    return con


def reconnect(path: str | os.PathLike, timeout: float | None = None) -> duckdb.DuckDBPyConnection:
    """Open a database this process opened with :func:`connect` before (schema and reference
    tables in place): no checks, so the app can open it for every script run."""
    return wachten.connect(str(db_path(path)), timeout)


def sync_reference(con: duckdb.DuckDBPyConnection) -> None:
    """Bring the database's derived tables up to date with the code's reference tables.

    The huurgrenzen (cents per year) are loaded into ``huurgrens``; when they differ from the
    ones the counts were made with (a new year added to huurgrenzen.csv), every count is made
    again from the vhe rows. A batch written by an earlier version without its keys and counts
    gets them. Both happen once, in one transaction, and change no figure."""
    limits = [
        (int(row["jaar"]), *(huurgrenzen.in_cents(row[g]) for g in huurgrenzen.GRENZEN))
        for row in huurgrenzen.tabel()
    ]
    fingerprint = repr(limits)
    stored = con.execute("SELECT waarde FROM meta WHERE sleutel = 'huurgrenzen'").fetchone()
    missing = [
        r[0]
        for r in con.execute(
            "SELECT DISTINCT batch_id FROM vhe EXCEPT SELECT DISTINCT batch_id FROM batch_sleutel"
        ).fetchall()
    ]
    keys_missing = con.execute(
        "SELECT (SELECT count(*) FROM sleutel_in_kracht) = 0 "
        "AND (SELECT count(*) FROM batch_sleutel) > 0"
    ).fetchone()[0]
    if stored and stored[0] == fingerprint and not missing and not keys_missing:
        return
    with transaction(con):
        if not stored or stored[0] != fingerprint:
            con.execute("DELETE FROM huurgrens")
            con.executemany("INSERT INTO huurgrens VALUES (?, ?, ?, ?, ?)", limits)
            con.execute("DELETE FROM vhe_telling")
            con.execute(TELLING.format(bron="vhe", filter=""))
            con.execute("INSERT OR REPLACE INTO meta VALUES ('huurgrenzen', ?)", [fingerprint])
        for batch_id in missing:
            _derive_keys(con, batch_id)
            if stored and stored[0] == fingerprint:
                _count_stock(con, batch_id)
        refresh_keys(con)


def refresh_keys(con: duckdb.DuckDBPyConnection) -> None:
    """Decide again which batch counts for each corporatie × gemeente × peildatum (table
    ``sleutel_in_kracht``), inside the caller's transaction: after every write that changes
    which batches are in force."""
    con.execute("DELETE FROM sleutel_in_kracht")
    con.execute(
        "INSERT INTO sleutel_in_kracht SELECT corporatie, gemeente, peildatum, batch_id, "
        "verslagjaar(peildatum) AS jaar, peildatum = max(peildatum) OVER "
        "(PARTITION BY corporatie, gemeente, verslagjaar(peildatum)) FROM berekende_sleutel"
    )


def _derive_keys(con: duckdb.DuckDBPyConnection, batch_id: int) -> None:
    """The corporatie × gemeente × peildatum keys a batch's vhe rows report on."""
    con.execute(
        "INSERT INTO batch_sleutel SELECT batch_id, corporatie, gemeente, peildatum, count(*) "
        "FROM vhe WHERE batch_id = ? GROUP BY ALL",
        [batch_id],
    )


def _count_stock(con: duckdb.DuckDBPyConnection, batch_id: int) -> None:
    """The counts of one batch's stock (telling.sql), inside the caller's transaction."""
    con.execute(TELLING.format(bron="vhe", filter="WHERE v.batch_id = ?"), [batch_id])


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """One serialised write transaction: all of it or nothing. Opened inside another one on
    the same connection it joins that one, so a change and its line in the log
    (:mod:`prestatie.opslag.logboek`) commit together or not at all."""
    inside = _in_transaction.__dict__.setdefault("connections", set())
    if id(con) in inside:
        yield con
        return
    with _write_lock:
        con.execute("BEGIN TRANSACTION")
        inside.add(id(con))
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        finally:
            inside.discard(id(con))
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
    if batch.soort == "leefbaarheid":  # public scores: no corporatie
        sql = (
            "SELECT id FROM actieve_batch WHERE soort = ? "
            "AND gemeente IS NOT DISTINCT FROM ? AND jaar_van = ? AND jaar_tot = ?"
        )
        params = [batch.soort, batch.gemeente, batch.jaar_van, batch.jaar_tot]
    elif batch.soort in ("productie", "verhuur"):
        sql = (
            "SELECT id FROM actieve_batch WHERE soort = ? AND corporatie = ? "
            "AND gemeente IS NOT DISTINCT FROM ? AND jaar_van = ? AND jaar_tot = ?"
        )
        params = [batch.soort, batch.corporatie, batch.gemeente, batch.jaar_van, batch.jaar_tot]
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


Tables = tuple[pd.DataFrame | None, ...]  # vhe, productie, verhuring[, leefbaarheid]
_TABLES = (
    ("vhe", VHE_COLUMNS),
    ("productie", PRODUCTIE_COLUMNS),
    ("verhuring", VERHUUR_COLUMNS),
    ("leefbaarheid", LEEFBAARHEID_COLUMNS),
)


def write_batch(
    con: duckdb.DuckDBPyConnection,
    batch: Batch,
    vhe: pd.DataFrame | None = None,
    productie: pd.DataFrame | None = None,
    verhuring: pd.DataFrame | None = None,
    leefbaarheid: pd.DataFrame | None = None,
) -> WriteResult:
    """Write one validated import as one transaction; see :func:`write_batches`."""
    return write_batches(con, [(batch, (vhe, productie, verhuring, leefbaarheid))])[0]


def write_batches(
    con: duckdb.DuckDBPyConnection, items: list[tuple[Batch, Tables]]
) -> list[WriteResult]:
    """Write validated imports (one upload of one or more files) as one transaction.

    Each item is a batch and its tables (vhe, productie, verhuring, leefbaarheid; None where
    a kind has none). The same file again changes nothing. A newer file of the same kind for
    the same corporatie, gemeente and peildatum (production and lettings: the same years;
    Leefbaarometer scores: the same gemeente and years) replaces the older one, which stays in
    the batch list as replaced.
    """
    results = []
    with transaction(con):
        for batch, tables in items:
            results.append(_write_one(con, batch, tables))
        refresh_keys(con)
    return results


def _write_one(con, batch: Batch, tables: Tables) -> WriteResult:
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
    for (table, columns), frame in zip(_TABLES, tables, strict=False):
        if frame is not None and len(frame):
            _insert_frame(con, table, columns, batch_id, frame)
    if tables[0] is not None and len(tables[0]):
        _derive_keys(con, batch_id)
        _count_stock(con, batch_id)
    if old:
        con.execute(
            "UPDATE batch SET vervangen_door = ? WHERE list_contains(?, id)", [batch_id, old]
        )
    return WriteResult(batch_id, True, tuple(old))


class UndoRefused(ValueError):
    """A batch that cannot be undone: unknown, undone before, or replaced by a newer one; the
    message says which in Dutch. Nothing is changed."""


def undo_batch(con: duckdb.DuckDBPyConnection, batch_id: int) -> None:
    """Take a batch out of force; the batches it had replaced come back. Raises
    :class:`UndoRefused` for a batch that is not in force."""
    with transaction(con):
        row = con.execute(
            "SELECT bestand, ongedaan, vervangen_door FROM batch WHERE id = ?", [batch_id]
        ).fetchone()
        if row is None:
            raise UndoRefused(f"Batch {batch_id} bestaat niet; er is niets ongedaan gemaakt.")
        bestand, ongedaan, door = row
        if ongedaan is not None:
            raise UndoRefused(
                f"Batch {batch_id} ({bestand}) was al ongedaan gemaakt op "
                f"{ongedaan:%d-%m-%Y %H:%M}; er is niets gewijzigd."
            )
        if door is not None:
            raise UndoRefused(
                f"Batch {batch_id} ({bestand}) telt al niet meer mee: batch {door} heeft haar "
                f"vervangen. Maak batch {door} ongedaan om batch {batch_id} terug te krijgen; "
                "er is niets gewijzigd."
            )
        con.execute("UPDATE batch SET ongedaan = ? WHERE id = ?", [datetime.now(), batch_id])
        con.execute("UPDATE batch SET vervangen_door = NULL WHERE vervangen_door = ?", [batch_id])
        refresh_keys(con)


def undo_demo(con: duckdb.DuckDBPyConnection) -> int:
    """Take every demonstration batch out of force; returns how many."""
    with transaction(con):
        ids = [r[0] for r in con.execute("SELECT id FROM actieve_batch WHERE demo").fetchall()]
        con.execute(
            "UPDATE batch SET ongedaan = ? WHERE list_contains(?, id)", [datetime.now(), ids]
        )
        refresh_keys(con)
    return len(ids)


DEMO_WANTED, DEMO_LOADED = "gevraagd", "ingelezen"


def demo_state(con: duckdb.DuckDBPyConnection) -> str | None:
    """Whether this database was created to hold the demo (:data:`DEMO_WANTED`) and has it
    (:data:`DEMO_LOADED`); None for a database created without it (or by an older version)."""
    row = con.execute("SELECT waarde FROM meta WHERE sleutel = 'demo'").fetchone()
    return row[0] if row else None


def set_demo_state(con: duckdb.DuckDBPyConnection, state: str) -> None:
    with transaction(con):
        con.execute("INSERT OR REPLACE INTO meta VALUES ('demo', ?)", [state])


def clear_data(con: duckdb.DuckDBPyConnection) -> None:
    """Remove every imported row and batch (start with an empty database)."""
    with transaction(con):
        for table in (
            "sleutel_in_kracht",
            "vhe_telling",
            "batch_sleutel",
            "vhe",
            "productie",
            "verhuring",
            "leefbaarheid",
            "batch",
        ):
            con.execute(f"DELETE FROM {table}")


def save_documents(con: duckdb.DuckDBPyConnection, texts: dict[str, str]) -> None:
    """Store agreement documents (id -> TOML text) in the database, replacing same ids."""
    with transaction(con):
        for doc_id, content in texts.items():
            put_document(con, doc_id, content)


def put_document(con: duckdb.DuckDBPyConnection, doc_id: str, content: str) -> None:
    """Put one document's text in force, inside the caller's :func:`transaction`."""
    con.execute("DELETE FROM afspraken_document WHERE id = ?", [doc_id])
    con.execute(
        "INSERT INTO afspraken_document VALUES (?, ?, ?)", [doc_id, content, datetime.now()]
    )


def save(
    con: duckdb.DuckDBPyConnection,
    uploads: list[Parsed],
    demo: bool = False,
    gebruiker: str | None = None,
) -> list[WriteResult]:
    """Write accepted uploads, all in one transaction."""
    return write_batches(con, [(p.batch(demo, gebruiker), p.tables) for p in uploads])


def import_paths(
    con: duckdb.DuckDBPyConnection,
    paths: list[Path],
    hints: ingest.Hints | None = None,
    demo: bool = False,
) -> list[tuple[Parsed, WriteResult]]:
    """Parse every file first, then write them together: one bad file writes nothing."""
    parsed = [ingest.parse(str(p), Path(p).read_bytes(), hints) for p in paths]
    return list(zip(parsed, save(con, parsed, demo), strict=True))


def add_corporatie(
    con: duckdb.DuckDBPyConnection, pairs: list[tuple[str, str]], door: str | None = None
) -> None:
    """Store the (corporatie, alias) pairs of a corporation a user added, in one transaction."""
    now = datetime.now()
    with transaction(con):
        for corporatie, alias in pairs:
            con.execute(
                "INSERT INTO corporatie_toegevoegd VALUES (?, ?, ?, ?)",
                [corporatie, alias, now, door],
            )
