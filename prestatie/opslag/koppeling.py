"""Production rows linked through the vhe number to the stock: the last label a home had in
the stock before a sale or a verduurzaming.

A row of the production list in force (``actieve_productie``) with a vhe number is joined to the
stock rows in force (``actieve_vhe``) of the same corporatie, gemeente and vhe number whose
peildatum lies on or before the row's date (its year's 31 December when it has no date); the
latest of those gives ``label_voor``. A row that cannot be linked is never guessed: it is
counted by why (``koppeling``): no vhe number, or a number with no stock before the date.
"""

from __future__ import annotations

from collections.abc import Iterable

import duckdb
import pandas as pd

from prestatie.opslag.counts import _as_list, _filters

GEKOPPELD, ZONDER_NUMMER, NIET_IN_VOORRAAD = (
    "gekoppeld",
    "geen eenheidnummer",
    "nummer niet in de voorraad vóór de datum",
)
SOORTEN = ("verkoop", "verduurzaming")
COLUMNS = ("corporatie", "gemeente", "kern", "soort", "jaar", "label_voor", "koppeling", "aantal")
ROW_COLUMNS = (
    "corporatie",
    "gemeente",
    "jaar",
    "datum",
    "project",
    "kern",
    "vhe_id",
    "adres",
    "label_voor",
    "peildatum_voor",
    "koppeling",
    "aantal",
    "bestand",
    "bron_rij",
)


def _linked(where: str) -> str:
    return (
        "WITH p AS (SELECT batch_id, bron_rij, corporatie, gemeente, kern, project, soort, jaar, "
        f"datum, aantal, vhe_id, bestand FROM actieve_productie{where}), "
        "l AS (SELECT p.batch_id, p.bron_rij, any_value(p.corporatie) AS corporatie, "
        "any_value(p.gemeente) AS gemeente, any_value(p.kern) AS kern, "
        "any_value(p.project) AS project, any_value(p.soort) AS soort, any_value(p.jaar) AS jaar, "
        "any_value(p.datum) AS datum, any_value(p.aantal) AS aantal, "
        "any_value(p.vhe_id) AS vhe_id, any_value(p.bestand) AS bestand, "
        "arg_max(v.label, v.peildatum) AS label_voor, max(v.peildatum) AS peildatum_voor, "
        "arg_max(v.adres, v.peildatum) AS adres "
        "FROM p LEFT JOIN actieve_vhe v ON v.corporatie = p.corporatie "
        "AND v.gemeente = p.gemeente AND v.vhe_id = p.vhe_id "
        "AND v.peildatum <= coalesce(p.datum, make_date(p.jaar, 12, 31)) "
        "GROUP BY p.batch_id, p.bron_rij), "
        "k AS (SELECT *, CASE WHEN vhe_id IS NULL OR vhe_id = '' THEN ? "
        "WHEN peildatum_voor IS NULL THEN ? ELSE ? END AS koppeling FROM l) "
    )


def _where(gemeenten, corporaties, soorten) -> tuple[str, list]:
    where, params = _filters(_as_list(gemeenten), _as_list(corporaties))
    values = list(soorten)
    clause = f"soort IN ({', '.join('?' for _ in values)})"
    where = f"{where} AND {clause}" if where else f" WHERE {clause}"
    return where, [*params, *values, ZONDER_NUMMER, NIET_IN_VOORRAAD, GEKOPPELD]


def productie_labels(
    con: duckdb.DuckDBPyConnection,
    gemeenten: str | Iterable[str] | None = None,
    soorten: Iterable[str] = SOORTEN,
) -> pd.DataFrame:
    """Homes of the production rows per corporatie × gemeente × kern × soort × jaar by the label
    before (``label_voor``, null when not linked) and how the row was linked (``koppeling``)."""
    where, params = _where(gemeenten, None, soorten)
    sql = _linked(where) + (
        "SELECT corporatie, gemeente, kern, soort, jaar, label_voor, koppeling, "
        "sum(aantal) AS aantal FROM k GROUP BY ALL ORDER BY ALL"
    )
    out = con.execute(sql, params).df()
    out["aantal"] = out["aantal"].astype(float)
    return out[list(COLUMNS)]


def linked_rows(
    con: duckdb.DuckDBPyConnection,
    gemeente: str,
    corporaties: Iterable[str],
    soort: str,
    jaren: Iterable[int],
    labels: Iterable[str] | None = None,
    limit: int = 500,
) -> tuple[pd.DataFrame, int]:
    """The production rows behind a linked count (``labels``: only those whose label before is
    one of them; None: every row, linked or not), ``limit`` of them, and how many in all."""
    where, params = _where([gemeente], list(corporaties), [soort])
    years = list(jaren)
    filters = [f"jaar IN ({', '.join('?' for _ in years)})"] if years else ["false"]
    params += years
    if labels is not None:
        values = list(labels)
        filters.append(f"label_voor IN ({', '.join('?' for _ in values)})" if values else "false")
        params += values
    cond = " WHERE " + " AND ".join(filters)
    total = con.execute(_linked(where) + f"SELECT count(*) FROM k{cond}", params).fetchone()[0]
    rows = con.execute(
        _linked(where) + f"SELECT {', '.join(ROW_COLUMNS)} FROM k{cond} "
        f"ORDER BY jaar, corporatie, datum NULLS LAST, vhe_id LIMIT {int(limit)}",
        params,
    ).df()
    return rows, int(total)
