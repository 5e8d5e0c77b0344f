"""The log of writes and the saved versions of the roles: their SQL.

Every write through :mod:`prestatie.dashboard` adds one row per thing it changed (who, role,
when, what, whose corporatie, which gemeente), in the change's own transaction (the facade opens
it around both; :func:`write` joins it), and one for a refused write; nothing is ever changed or
removed here.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import duckdb
import pandas as pd

from prestatie.opslag.store import transaction

COLUMNS = ("tijd", "gebruiker", "rol", "handeling", "corporatie", "gemeente", "omschrijving")


def write(con: duckdb.DuckDBPyConnection, entries: list[dict]) -> None:
    """Add entries (dicts with :data:`COLUMNS`, ``geweigerd`` optional) in one transaction, or
    in the caller's when one is open (the change they describe)."""
    if not entries:
        return
    now = datetime.now()
    with transaction(con):
        for e in entries:
            con.execute(
                "INSERT INTO logboek (tijd, gebruiker, rol, handeling, corporatie, gemeente, "
                "omschrijving, geweigerd) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    e.get("tijd") or now,
                    e["gebruiker"],
                    e["rol"],
                    e["handeling"],
                    e.get("corporatie"),
                    e.get("gemeente"),
                    e["omschrijving"],
                    bool(e.get("geweigerd", False)),
                ],
            )


def entries(
    con: duckdb.DuckDBPyConnection,
    gebruikers: list[str] | None = None,
    handelingen: list[str] | None = None,
    van: date | None = None,
    tot: date | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """The log, newest first, narrowed to users, kinds and days (``tot`` inclusive)."""
    where, params = ["true"], []
    if gebruikers:
        where.append("list_contains(?, gebruiker)")
        params.append(list(gebruikers))
    if handelingen:
        where.append("list_contains(?, handeling)")
        params.append(list(handelingen))
    if van is not None:
        where.append("tijd >= ?")
        params.append(datetime.combine(van, datetime.min.time()))
    if tot is not None:
        where.append("tijd < ?")
        params.append(datetime.combine(tot + timedelta(days=1), datetime.min.time()))
    sql = (
        f"SELECT {', '.join(COLUMNS)}, geweigerd FROM logboek WHERE {' AND '.join(where)} "
        "ORDER BY id DESC" + (f" LIMIT {int(limit)}" if limit else "")
    )
    return con.execute(sql, params).df()


def choices(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """The users and kinds of write in the log, for its filters."""
    return {
        name: [
            r[0] for r in con.execute(f"SELECT DISTINCT {name} FROM logboek ORDER BY 1").fetchall()
        ]
        for name in ("gebruiker", "handeling")
    }


def roles_text(con: duckdb.DuckDBPyConnection) -> str | None:
    """The roles in force as saved in the app (TOML), None when none was saved."""
    row = con.execute("SELECT inhoud FROM rollen_versie ORDER BY versie DESC LIMIT 1").fetchone()
    return row[0] if row else None


def save_roles(con: duckdb.DuckDBPyConnection, text: str, door: str) -> int:
    """Put a new version of the roles in force; returns its number."""
    with transaction(con):
        versie = con.execute("SELECT coalesce(max(versie), 0) + 1 FROM rollen_versie").fetchone()[0]
        con.execute(
            "INSERT INTO rollen_versie VALUES (?, ?, ?, ?)", [versie, text, door, datetime.now()]
        )
    return versie
