"""The huursomstijging as DuckDB counts it: the rent increase of the homes present at both
peildata, per corporatie × gemeente × verslagjaar, and the homes behind it.

A home counts in year ``jaar`` when its vhe number is in the stock per verslagjaar of ``jaar``
and of ``jaar - 1`` of the same corporatie and gemeente, with a rent above zero in the earlier
year and a rent in the later one, and the same number of homes on its row in both (a row of a
bezitstabel can stand for several). New build, bought, sold and demolished homes (on one of the
two dates only) and rows without a vhe number are left out and counted (``nieuw``, ``weg``), as
are homes on both dates without a usable rent (``zonder_huur``). The increase is the huursom's:
the sum of the later rents over the sum of the earlier ones, minus one.
"""

from __future__ import annotations

from collections.abc import Iterable

import duckdb
import pandas as pd

from prestatie.opslag.counts import _as_list, _filters

COLUMNS = (
    "corporatie",
    "gemeente",
    "jaar",
    "woningen",
    "huursom_van",
    "huursom_naar",
    "stijging",
    "nieuw",
    "weg",
    "zonder_huur",
)
DRILL_COLUMNS = (
    "corporatie",
    "gemeente",
    "jaar",
    "vhe_id",
    "adres",
    "kern",
    "huur_van",
    "huur_naar",
    "stijging",
)

_USABLE = "o.huur_cent > 0 AND n.huur_cent IS NOT NULL AND o.aantal = n.aantal"


def _pairs(where: str) -> str:
    """SQL: the rows of consecutive verslagjaren, matched by vhe number (FULL OUTER JOIN), only
    for corporatie × gemeente × jaar whose year before has stock too."""
    return (
        "WITH s AS (SELECT corporatie, gemeente, jaar, vhe_id, huur_cent, aantal "
        f"FROM stand_vhe{where}), "
        "jaren AS (SELECT DISTINCT corporatie, gemeente, jaar FROM s), "
        "paren AS (SELECT j.corporatie, j.gemeente, j.jaar FROM jaren j JOIN jaren v "
        "ON v.corporatie = j.corporatie AND v.gemeente = j.gemeente AND v.jaar = j.jaar - 1), "
        "n AS (SELECT s.* FROM s JOIN paren USING (corporatie, gemeente, jaar)), "
        "o AS (SELECT s.corporatie, s.gemeente, s.jaar + 1 AS jaar, s.vhe_id, s.huur_cent, "
        "s.aantal FROM s JOIN paren p ON p.corporatie = s.corporatie "
        "AND p.gemeente = s.gemeente AND p.jaar = s.jaar + 1) "
    )


def huursom(
    con: duckdb.DuckDBPyConnection,
    gemeenten: str | Iterable[str] | None = None,
    corporaties: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """Per corporatie × gemeente × verslagjaar (with stock in the year before): the homes on
    both peildata with a usable rent, their rent sums in cents a month before and after, the
    increase (a fraction), and the homes left out: ``nieuw`` (only in the later year, or
    without a number), ``weg`` (only in the earlier year), ``zonder_huur``."""
    where, params = _filters(_as_list(gemeenten), _as_list(corporaties))
    sql = _pairs(where) + (
        "SELECT coalesce(n.corporatie, o.corporatie) AS corporatie, "
        "coalesce(n.gemeente, o.gemeente) AS gemeente, coalesce(n.jaar, o.jaar) AS jaar, "
        f"coalesce(sum(n.aantal) FILTER (WHERE {_USABLE}), 0) AS woningen, "
        f"sum(o.huur_cent * n.aantal) FILTER (WHERE {_USABLE}) AS huursom_van, "
        f"sum(n.huur_cent * n.aantal) FILTER (WHERE {_USABLE}) AS huursom_naar, "
        "coalesce(sum(n.aantal) FILTER (WHERE o.vhe_id IS NULL), 0) AS nieuw, "
        "coalesce(sum(o.aantal) FILTER (WHERE n.vhe_id IS NULL), 0) AS weg, "
        "coalesce(sum(n.aantal) FILTER (WHERE n.vhe_id IS NOT NULL AND o.vhe_id IS NOT NULL "
        f"AND NOT coalesce({_USABLE}, false)), 0) AS zonder_huur "
        "FROM n FULL OUTER JOIN o ON n.corporatie = o.corporatie AND n.gemeente = o.gemeente "
        "AND n.jaar = o.jaar AND n.vhe_id = o.vhe_id "
        "GROUP BY ALL ORDER BY ALL"
    )
    out = con.execute(sql, params).df()
    out["stijging"] = out["huursom_naar"] / out["huursom_van"] - 1
    for column in ("woningen", "nieuw", "weg", "zonder_huur"):
        out[column] = out[column].astype(float)
    out["jaar"] = out["jaar"].astype(int)
    return out[list(COLUMNS)]


def largest_increases(
    con: duckdb.DuckDBPyConnection,
    gemeente: str,
    corporaties: Iterable[str],
    jaar: int,
    limit: int = 100,
) -> tuple[pd.DataFrame, int]:
    """The homes with the largest rent increase into ``jaar`` (the homes the huursomstijging
    counts), largest first, ``limit`` of them, and how many homes there are in all."""
    where, params = _filters([gemeente], list(corporaties), [jaar], prefix="n.")
    base = (
        "FROM stand_vhe n JOIN stand_vhe o ON o.corporatie = n.corporatie "
        "AND o.gemeente = n.gemeente AND o.vhe_id = n.vhe_id AND o.jaar = n.jaar - 1"
        f"{where} AND {_USABLE}"
    )
    total = con.execute(f"SELECT count(*) {base}", params).fetchone()[0]
    rows = con.execute(
        "SELECT n.corporatie, n.gemeente, n.jaar, n.vhe_id, n.adres, n.kern, "
        "o.huur_cent / 100.0 AS huur_van, n.huur_cent / 100.0 AS huur_naar, "
        f"n.huur_cent / o.huur_cent - 1 AS stijging {base} "
        f"ORDER BY stijging DESC, n.corporatie, n.vhe_id LIMIT {int(limit)}",
        params,
    ).df()
    return rows[list(DRILL_COLUMNS)], int(total)
