"""The lettings as DuckDB counts them: what the targets on the offer, the statushouders and the
search time read (:mod:`prestatie.beoordeling.verhuurdoelen`), and the page Woningzoekenden.

Every function aggregates the lettings in force (view ``actieve_verhuring``, per corporatie ×
gemeente × jaar the newest lettings list) and returns a small frame; the rows themselves are
read only for drill-down (:func:`prestatie.opslag.queries.verhuring_rows`).

:func:`lettings` counts per corporatie × gemeente × jaar × route × nieuwbouw: ``aantal``
(lettings), ``huur_bekend``, ``tot_<grens>`` and ``onder_<grens>`` (lettings with a rent up to and
including / strictly under each limit in force on the letting's date: each year's limits apply
from 1 January, so a letting counts against the limits of its own year), ``grenzen_bekend``
(false when the year lies beyond the huurgrenzen table), and with ``bedragen_cent`` the same
against a document's own amounts (``tot_vast_<cents>``). The comparison is the one of
:mod:`prestatie.beoordeling.huurregel` and of ``telling.sql``: whole cents, a missing rent never
under a limit. ``route`` is ``onbekend`` for a list without a route column. ``nieuwbouw`` is true
for the first lettings of a new home: a vhe a production list of the same corporatie and gemeente
reports as nieuwbouw in the letting's year or the year before.

:func:`zoekduren` counts the lettings per corporatie × gemeente × jaar × zoekduur_soort ×
zoekduur in months (a histogram: the median of any group of corporations is read from it).
"""

from __future__ import annotations

from collections.abc import Iterable

import duckdb
import pandas as pd

from prestatie.referentie import huurgrenzen

ONBEKEND = "onbekend"
RENT_MEASURES = tuple(f"{w}_{g}" for g in huurgrenzen.GRENZEN for w in ("tot", "onder"))
_SHORT = {
    "kwaliteitskortingsgrens": "g.kwaliteitskortingsgrens",
    "eerste_aftoppingsgrens": "g.eerste_aftoppingsgrens",
    "tweede_aftoppingsgrens": "g.tweede_aftoppingsgrens",
    "liberalisatiegrens": "g.liberalisatiegrens",
}


def _where(gemeenten: str | Iterable[str] | None, prefix: str = "v.") -> tuple[str, list]:
    if gemeenten is None:
        return "", []
    values = [gemeenten] if isinstance(gemeenten, str) else list(gemeenten)
    if not values:
        return " WHERE false", []
    return f" WHERE {prefix}gemeente IN ({', '.join('?' for _ in values)})", values


def lettings(
    con: duckdb.DuckDBPyConnection,
    gemeenten: str | Iterable[str] | None = None,
    *,
    rekenhuur: bool = False,
    bedragen_cent: Iterable[int] = (),
) -> pd.DataFrame:
    """Lettings per corporatie × gemeente × jaar × route × nieuwbouw with the rent measures
    (see the module's docstring); ``rekenhuur``: the rekenhuur where the file had one."""
    rent = "coalesce(v.rekenhuur_cent, v.huur_cent)" if rekenhuur else "v.huur_cent"
    measures = [f"coalesce(sum(v.aantal) FILTER ({rent} IS NOT NULL), 0) AS huur_bekend"]
    for grens, column in _SHORT.items():
        for word, op in (("tot", "<="), ("onder", "<")):
            measures.append(
                f"coalesce(sum(v.aantal) FILTER ({rent} {op} {column}), 0) AS {word}_{grens}"
            )
    for cents in sorted({int(c) for c in bedragen_cent}):
        for word, op in (("tot", "<="), ("onder", "<")):
            measures.append(
                f"coalesce(sum(v.aantal) FILTER ({rent} {op} {cents}), 0) AS {word}_vast_{cents}"
            )
    where, params = _where(gemeenten)
    sql = (
        "SELECT v.corporatie, v.gemeente, v.jaar, "
        f"coalesce(v.route, '{ONBEKEND}') AS route, "
        "EXISTS (SELECT 1 FROM actieve_productie p WHERE p.soort = 'nieuwbouw' "
        "AND p.vhe_id = v.vhe_id AND p.corporatie = v.corporatie AND p.gemeente = v.gemeente "
        "AND v.jaar BETWEEN p.jaar AND p.jaar + 1) AS nieuwbouw, "
        "sum(v.aantal) AS aantal, "
        f"{', '.join(measures)}, "
        "bool_and(g.jaar IS NOT NULL) AS grenzen_bekend, "
        "min(v.datum) AS datum_van, max(v.datum) AS datum_tot "
        f"FROM actieve_verhuring v LEFT JOIN huurgrens g ON g.jaar = year(v.datum){where} "
        "GROUP BY ALL ORDER BY ALL"
    )
    frame = con.execute(sql, params).df()
    for column in ("aantal", "huur_bekend", *RENT_MEASURES):
        frame[column] = frame[column].astype("int64")
    return frame


def zoekduren(
    con: duckdb.DuckDBPyConnection, gemeenten: str | Iterable[str] | None = None
) -> pd.DataFrame:
    """Lettings per corporatie × gemeente × jaar × zoekduur_soort × zoekduur_maanden (NULL: not
    known), a histogram small enough to read medians of any group from."""
    where, params = _where(gemeenten)
    return con.execute(
        "SELECT v.corporatie, v.gemeente, v.jaar, v.zoekduur_soort, v.zoekduur_maanden, "
        f"sum(v.aantal)::BIGINT AS aantal FROM actieve_verhuring v{where} "
        "GROUP BY ALL ORDER BY ALL",
        params,
    ).df()


def empty_lettings() -> pd.DataFrame:
    """A lettings frame without rows, with the columns :func:`lettings` gives."""
    columns = ["corporatie", "gemeente", "jaar", "route", "nieuwbouw", "aantal", "huur_bekend",
               *RENT_MEASURES, "grenzen_bekend", "datum_van", "datum_tot"]  # fmt: skip
    return pd.DataFrame(columns=columns)


def _row_filter(gemeente, corporatie, jaar, route) -> tuple[str, list]:
    clauses, params = [], []
    for column, value in (("gemeente", gemeente), ("corporatie", corporatie), ("jaar", jaar),
                          ("route", route)):  # fmt: skip
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def row_count(con, gemeente=None, corporatie=None, jaar=None, route=None) -> int:
    """How many lettings in force stand behind a selection (drill-down)."""
    where, params = _row_filter(gemeente, corporatie, jaar, route)
    return int(con.execute(f"SELECT count(*) FROM actieve_verhuring{where}", params).fetchone()[0])


def rows_page(
    con, gemeente=None, corporatie=None, jaar=None, route=None, limit=200, offset=0
) -> pd.DataFrame:
    """A page of the lettings in force of a selection, with the file and row each came from
    (``limit`` None: every row, for a download)."""
    where, params = _row_filter(gemeente, corporatie, jaar, route)
    page = "" if limit is None else f" LIMIT {int(limit)} OFFSET {int(offset)}"
    return con.execute(
        "SELECT corporatie, gemeente, kern, vhe_id, adres, datum, jaar, huur_cent / 100 AS huur, "
        "rekenhuur_cent / 100 AS rekenhuur, route, route_bron, zoekduur_maanden, zoekduur_soort, "
        f"huishouden, inkomensklasse, passend, bestand, bron_rij FROM actieve_verhuring{where} "
        f"ORDER BY corporatie, gemeente, datum, bestand, bron_rij{page}",
        params,
    ).df()
