"""What is read from the database: the rows in force, the imports, the agreements.

The read side of :mod:`prestatie.opslag.store`, which creates the schema and does every write (and
re-exports these functions: callers write ``store.vhe_rows``). The rows in force come from the
views ``actieve_vhe``, ``actieve_productie``, ``actieve_verhuring`` and
``actieve_leefbaarheid`` that ``schema.sql`` defines.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from prestatie.inlezen.toewijzingen import ROUTES


def batches(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every import with its state: in force, replaced (by which) or undone."""
    return con.execute(
        "SELECT id, bestand, soort, corporatie, gemeente, peildatum, jaar_van, jaar_tot, rijen, "
        "waarschuwingen, huur_kolom, demo, gebruiker, ingelezen, vervangen_door, ongedaan, sha256, "
        "CASE WHEN ongedaan IS NOT NULL THEN 'ongedaan gemaakt' "
        "WHEN vervangen_door IS NOT NULL THEN 'vervangen door import ' || vervangen_door "
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
    every range has no data. Only production lists and bezitstabellen report on production.
    """
    return con.execute(
        "SELECT DISTINCT b.corporatie, coalesce(b.gemeente, p.gemeente) AS gemeente, "
        "unnest(range(b.jaar_van, b.jaar_tot + 1)) AS jaar "
        "FROM actieve_batch b LEFT JOIN (SELECT DISTINCT batch_id, gemeente FROM productie) p "
        "ON p.batch_id = b.id "
        "WHERE b.jaar_van IS NOT NULL AND coalesce(b.gemeente, p.gemeente) IS NOT NULL "
        "AND b.soort IN ('productie', 'woz') "
        "ORDER BY 1, 2, 3"
    ).df()


def verhuring_rows(
    con: duckdb.DuckDBPyConnection,
    corporatie: str | list[str] | None = None,
    gemeente: str | list[str] | None = None,
    jaar: int | None = None,
) -> pd.DataFrame:
    """The lettings in force (per corporatie × gemeente × jaar the newest lettings list), with
    the file and row each came from."""
    where, params = _where({"corporatie": corporatie, "gemeente": gemeente, "jaar": jaar})
    return con.execute(
        "SELECT batch_id, bestand, bron_rij, corporatie, gemeente, kern, vhe_id, adres, datum, "
        "jaar, huur_cent, rekenhuur_cent, route, route_bron, zoekduur_maanden, zoekduur_soort, "
        f"huishouden, inkomensklasse, passend, aantal FROM actieve_verhuring{where} "
        "ORDER BY corporatie, gemeente, jaar, datum, batch_id, bron_rij",
        params,
    ).df()


def verhuring_summary(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Per corporatie × gemeente × jaar of the lettings in force: aantal, the count per route
    (a column per route, and ``onbekend`` for lettings from a list without routes), the median
    zoekduur in months and what it counts (zoekduur or inschrijfduur)."""
    per_route = ", ".join(
        f"sum(aantal) FILTER (WHERE route = '{route}') AS \"{route}\"" for route in ROUTES
    )
    return con.execute(
        f"SELECT corporatie, gemeente, jaar, sum(aantal) AS aantal, {per_route}, "
        "sum(aantal) FILTER (WHERE route IS NULL) AS onbekend, "
        "median(zoekduur_maanden) AS zoekduur_mediaan, mode(zoekduur_soort) AS zoekduur_soort "
        "FROM actieve_verhuring GROUP BY corporatie, gemeente, jaar ORDER BY 1, 2, 3"
    ).df()


def leefbaarheid_rows(
    con: duckdb.DuckDBPyConnection, gemeente: str | list[str] | None = None
) -> pd.DataFrame:
    """The Leefbaarometer scores in force (per area and year the newest import), with the
    file, row and column each came from; a few hundred rows per gemeente."""
    where, params = _where({"gemeente": gemeente})
    return con.execute(
        "SELECT batch_id, bestand, bron_rij, bron_kolom, gemeente, niveau, code, naam, "
        f"wijk_code, jaar, score, klasse FROM actieve_leefbaarheid{where} "
        "ORDER BY gemeente, niveau, code, jaar",
        params,
    ).df()


def dimensions(con: duckdb.DuckDBPyConnection) -> dict[str, list]:
    """The gemeenten, corporaties, peildata and production years in force, for the filters, and
    per gemeente the corporations with data there (``corporaties_per_gemeente``)."""

    def column(sql: str) -> list:
        return [r[0] for r in con.execute(sql).fetchall()]

    # the stock's keys in force (a row per corporatie × gemeente × peildatum), not its rows
    both = (
        "SELECT DISTINCT {0} FROM sleutel_in_kracht UNION "
        "SELECT DISTINCT {0} FROM actieve_productie ORDER BY ALL"
    )
    pairs = con.execute(both.format("gemeente, corporatie")).fetchall()
    per_gemeente: dict[str, list[str]] = {}
    for gemeente, corporatie in pairs:
        per_gemeente.setdefault(gemeente, []).append(corporatie)
    return {
        "gemeenten": sorted(per_gemeente),
        "corporaties": sorted({c for _, c in pairs}),
        "peildata": column("SELECT DISTINCT peildatum FROM sleutel_in_kracht ORDER BY 1"),
        "productiejaren": column("SELECT DISTINCT jaar FROM actieve_productie ORDER BY 1"),
        "corporaties_per_gemeente": per_gemeente,
    }


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


def added_corporaties(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """The (corporatie, alias) pairs of the corporations a user added, oldest first."""
    return con.execute(
        "SELECT corporatie, alias FROM corporatie_toegevoegd ORDER BY toegevoegd, rowid"
    ).fetchall()
