"""The register's part of the database: status history and document versions.

Besides :mod:`prestatie.opslag.store` and :mod:`prestatie.opslag.queries`, the only module that
speaks SQL; its tables (``afspraak_status`` and ``afspraken_versie``) are created by ``schema.sql``.
Writes go through :func:`prestatie.opslag.store.transaction`.

- ``afspraak_status`` is append-only: setting a status adds a row and never changes one, so
  the history of who set what, when, and why is kept. The current status of an agreement in
  a year is the row with the highest id (:func:`prestatie.afspraken.register.latest`).
- ``afspraken_versie`` keeps every version of an agreement document that was put in force. A
  new version and the document in force (``afspraken_document``) change in one transaction
  (``store.put_document`` inside this module's transaction: ``store.save_documents`` opens its
  own, and the write lock does not nest). Undo marks the latest version *ongedaan* and puts the
  version before it back in force.
"""

from __future__ import annotations

from datetime import datetime

import duckdb
import pandas as pd

from prestatie.afspraken.schema import AFSPRAAK_STATUSES
from prestatie.opslag.store import put_document, transaction

OORSPRONKELIJK = "oorspronkelijk (data/afspraken)"


class StatusCrossed(Exception):
    """Another status was saved for the same agreement and year since the form was shown."""

    def __init__(self, status: str, door: str | None, gezet) -> None:
        self.status, self.door, self.gezet = status, door, gezet
        super().__init__(
            f"Inmiddels gezet op “{status}” door {door or 'onbekend'} ({gezet:%d-%m-%Y %H:%M}); "
            "uw keuze is niet opgeslagen. Kies opnieuw als die toch moet gelden."
        )


def latest_status_id(
    con: duckdb.DuckDBPyConnection, document: str, nummer: str, jaar: int
) -> int | None:
    """The id of the latest status entry of (document, nummer, jaar), None when none yet."""
    row = con.execute(
        "SELECT max(id) FROM afspraak_status WHERE document = ? AND nummer = ? AND jaar = ?",
        [document, nummer, int(jaar)],
    ).fetchone()
    return row[0]


def set_status(
    con: duckdb.DuckDBPyConnection,
    document: str,
    nummer: str,
    jaar: int,
    status: str,
    notitie: str = "",
    door: str | None = None,
    seen: int | None | type(...) = ...,
) -> int:
    """Add a status entry for (document, nummer, jaar); returns its id. Nothing is overwritten.

    ``seen`` is the latest entry the user saw (:func:`latest_status_id` when the form was shown;
    None: none yet): when another entry was saved since, nothing is written and
    :class:`StatusCrossed` names it, so two people saving at once never store one's choice under
    the other's name. Left out (``...``): no check."""
    if status not in AFSPRAAK_STATUSES:
        raise ValueError(f'onbekende status "{status}" (kies uit: {", ".join(AFSPRAAK_STATUSES)})')
    with transaction(con):
        if seen is not ...:
            now = latest_status_id(con, document, nummer, jaar)
            if now != seen:
                status_, door_, gezet = con.execute(
                    "SELECT status, door, gezet FROM afspraak_status WHERE id = ?", [now]
                ).fetchone()
                raise StatusCrossed(status_, door_, gezet)
        return con.execute(
            "INSERT INTO afspraak_status (document, nummer, jaar, status, notitie, door, gezet) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
            [document, nummer, int(jaar), status, notitie or "", door, datetime.now()],
        ).fetchone()[0]


def status_history(
    con: duckdb.DuckDBPyConnection, document: str | None = None, nummer: str | None = None
) -> pd.DataFrame:
    """Every status entry (of a document, of one agreement), oldest first."""
    clauses = [c for c, v in (("document = ?", document), ("nummer = ?", nummer)) if v]
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    return con.execute(
        "SELECT id, document, nummer, jaar, status, notitie, door, gezet "
        f"FROM afspraak_status{where} ORDER BY id",
        [v for v in (document, nummer) if v],
    ).df()


def save_version(
    con: duckdb.DuckDBPyConnection, document: str, inhoud: str, bron: str, door: str | None = None
) -> int | None:
    """Put a new version of a document in force; None when it equals the version in force.

    The first time a document changes, the text it had (the seed from data/afspraken) is kept
    as version 1, so undo can always go back to it.
    """
    with transaction(con):
        current = _in_force(con, document)
        if current == inhoud:
            return None
        versie = _last_version(con, document)
        if versie == 0 and current is not None:
            versie = _add_version(con, document, 1, current, OORSPRONKELIJK, None)
        versie = _add_version(con, document, versie + 1, inhoud, bron, door)
        put_document(con, document, inhoud)
    return versie


def versions(con: duckdb.DuckDBPyConnection, document: str) -> pd.DataFrame:
    """The versions of a document, newest first, with whether each was undone."""
    return con.execute(
        "SELECT versie, bron, door, opgeslagen, ongedaan FROM afspraken_versie "
        "WHERE document = ? ORDER BY versie DESC",
        [document],
    ).df()


def undo_version(con: duckdb.DuckDBPyConnection, document: str) -> int | None:
    """Undo the latest version: the one before it is in force again. Returns that version,
    or None when there is no earlier version to go back to."""
    with transaction(con):
        rows = con.execute(
            "SELECT versie, inhoud FROM afspraken_versie WHERE document = ? AND ongedaan IS NULL "
            "ORDER BY versie DESC LIMIT 2",
            [document],
        ).fetchall()
        if len(rows) < 2:
            return None
        (latest, _), (previous, inhoud) = rows
        con.execute(
            "UPDATE afspraken_versie SET ongedaan = ? WHERE document = ? AND versie = ?",
            [datetime.now(), document, latest],
        )
        put_document(con, document, inhoud)
    return previous


def _in_force(con, document: str) -> str | None:
    row = con.execute("SELECT inhoud FROM afspraken_document WHERE id = ?", [document]).fetchone()
    return row[0] if row else None


def _last_version(con, document: str) -> int:
    return con.execute(
        "SELECT coalesce(max(versie), 0) FROM afspraken_versie WHERE document = ?", [document]
    ).fetchone()[0]


def _add_version(con, document: str, versie: int, inhoud: str, bron: str, door) -> int:
    con.execute(
        "INSERT INTO afspraken_versie (document, versie, inhoud, bron, door, opgeslagen) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [document, versie, inhoud, bron, door, datetime.now()],
    )
    return versie
