"""The stock as DuckDB counts it: what every page, the monitor and the CLI read.

Every function aggregates in SQL and returns a small frame: counts of homes per group, never the
vhe rows (drill-down pages through the rows a figure shows: :func:`vhe_page`). The counts come
from ``vhe_telling``, made at import time (``telling.sql``), through the views of the rows in
force (``schema.sql``): ``stand_telling`` holds the stock per verslagjaar (the last peildatum of
each year per corporatie and gemeente), ``actieve_telling`` every peildatum in force.

A frame of counts has the group columns asked for (:data:`KEYS`) and these measures:
``aantal`` (homes), ``rijen`` (rows in the files), ``huur_bekend`` (homes with a rent),
``tot_<grens>`` and ``onder_<grens>`` (homes with a rent up to and including / strictly under each
limit in force on the peildatum, :data:`prestatie.referentie.huurgrenzen.GRENZEN`),
``grenzen_bekend`` (false when a peildatum lies beyond the huurgrenzen table), ``ei_som`` and
``ei_aantal`` (the energy index weighted by homes, and the homes that have one),
``rekenhuur_rijen`` (rows whose file had a rekenhuur). With ``rekenhuur`` the rent measures use
the rekenhuur where the file had one, else the kale/netto huur.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

import duckdb
import pandas as pd

from prestatie.beoordeling.selectie import Rows
from prestatie.referentie import huurgrenzen, labels

KEYS = (
    "corporatie",
    "gemeente",
    "peildatum",
    "jaar",
    "kern",
    "label",
    "eengezins",
    "levensloopgeschikt",
)
RENT_MEASURES = tuple(f"{w}_{g}" for g in huurgrenzen.GRENZEN for w in ("tot", "onder"))
MEASURES = ("aantal", "rijen", "huur_bekend", *RENT_MEASURES, "ei_som", "ei_aantal")
PER_PEILDATUM = ("corporatie", "gemeente", "peildatum", "jaar")


def _in(column: str, values: Iterable | None, clauses: list[str], params: list) -> None:
    if values is None:
        return
    values = list(values)
    if not values:
        clauses.append("false")
        return
    clauses.append(f"{column} IN ({', '.join('?' for _ in values)})")
    params.extend(values)


def _filters(
    gemeenten: Iterable[str] | None,
    corporaties: Iterable[str] | None,
    jaren: Iterable[int] | None = None,
    peildata: Iterable[date] | None = None,
    kern: str | None = None,
    prefix: str = "",
) -> tuple[str, list]:
    clauses: list[str] = []
    params: list = []
    _in(f"{prefix}gemeente", gemeenten, clauses, params)
    _in(f"{prefix}corporatie", corporaties, clauses, params)
    _in(f"{prefix}jaar", jaren, clauses, params)
    _in(f"{prefix}peildatum", peildata, clauses, params)
    if kern is not None:
        clauses.append(f"{prefix}kern = ?")
        params.append(kern)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _as_list(value: str | Iterable[str] | None) -> list[str] | None:
    return [value] if isinstance(value, str) else (None if value is None else list(value))


def stock(
    con: duckdb.DuckDBPyConnection,
    gemeenten: str | Iterable[str] | None = None,
    corporaties: str | Iterable[str] | None = None,
    jaren: Iterable[int] | None = None,
    *,
    by: Sequence[str] = KEYS,
    rekenhuur: bool = False,
    every_peildatum: bool = False,
) -> pd.DataFrame:
    """Counts of the stock per group ``by`` (a subset of :data:`KEYS`): the stock per verslagjaar,
    or with ``every_peildatum`` every peildatum in force. None: no filter on that column."""
    by = list(by)
    unknown = set(by) - set(KEYS)
    if unknown:
        raise ValueError(f"onbekende groepering {sorted(unknown)}")
    rent = "rek" if rekenhuur else "huur"
    measures = [
        "sum(aantal) AS aantal",
        "sum(rijen) AS rijen",
        f"sum({rent}_bekend) AS huur_bekend",
        *(f"sum({rent}_{m}) AS {m}" for m in RENT_MEASURES),
        "bool_and(grenzen_bekend) AS grenzen_bekend",
        "sum(ei_som) AS ei_som",
        "sum(ei_aantal) AS ei_aantal",
        "sum(rekenhuur_rijen) AS rekenhuur_rijen",
    ]
    where, params = _filters(_as_list(gemeenten), _as_list(corporaties), jaren)
    view = "actieve_telling" if every_peildatum else "stand_telling"
    keys = ", ".join(by)
    sql = f"SELECT {keys + ', ' if by else ''}{', '.join(measures)} FROM {view}{where}" + (
        f" GROUP BY {keys} ORDER BY {keys}" if by else ""
    )
    frame = con.execute(sql, params).df()
    if not by and frame["aantal"].isna().all():
        frame = frame.iloc[:0]
    return _typed(frame)


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Labels as a category in label order (best first, onbekend last)."""
    if "label" in frame.columns:
        frame["label"] = pd.Categorical(frame["label"], categories=labels.ALLE)
    return frame


# The vhe rows of the stock per verslagjaar with the group columns of vhe_telling.
_STAND_VHE = (
    "(SELECT * REPLACE (coalesce(levensloopgeschikt, false) AS levensloopgeschikt), "
    "coalesce(woningtype = 'EGW', false) AS eengezins FROM stand_vhe)"
)


def fixed_amounts(
    con: duckdb.DuckDBPyConnection,
    bedragen_cent: Iterable[int],
    gemeenten: str | Iterable[str] | None = None,
    corporaties: str | Iterable[str] | None = None,
    *,
    by: Sequence[str] = ("corporatie", "gemeente", "peildatum", "jaar", "kern"),
    rekenhuur: bool = False,
) -> pd.DataFrame:
    """Homes of the stock per verslagjaar with a rent up to (``tot_vast_<cents>``) and under
    (``onder_vast_<cents>``) amounts that are no official limit: a document's own amount, read
    as written (the FIXED reading). Counted from the vhe rows, as the import counts the limits."""
    amounts = sorted({int(c) for c in bedragen_cent})
    rent = "coalesce(rekenhuur_cent, huur_cent)" if rekenhuur else "huur_cent"
    measures = ["sum(aantal) AS aantal"] + [
        f"coalesce(sum(aantal) FILTER ({rent} {op} {c}), 0) AS {w}_vast_{c}"
        for c in amounts
        for w, op in (("tot", "<="), ("onder", "<"))
    ]
    where, params = _filters(_as_list(gemeenten), _as_list(corporaties))
    keys = ", ".join(by)
    return _typed(
        con.execute(
            f"SELECT {keys}, {', '.join(measures)} FROM {_STAND_VHE}{where} GROUP BY {keys} "
            f"ORDER BY {keys}",
            params,
        ).df()
    )


def consecutive_transitions(
    con: duckdb.DuckDBPyConnection, gemeenten: str | Iterable[str] | None = None
) -> pd.DataFrame:
    """Homes (rows, as the files list them) per corporatie × gemeente × verslagjaar by their kern
    and label at the end of the year before and at the end of the year, matched by vhe number
    within corporatie and gemeente: what a labelsprong target counts."""
    where, params = _filters(_as_list(gemeenten), None)
    return con.execute(
        "WITH s AS (SELECT corporatie, gemeente, jaar, vhe_id, kern, label, verkooplabel "
        f"FROM stand_vhe{where}) "
        "SELECT n.corporatie, n.gemeente, n.jaar, o.kern AS kern_van, n.kern AS kern_naar, "
        "o.label AS label_van, n.label AS label_naar, "
        "CASE WHEN o.verkooplabel IS NULL AND n.verkooplabel IS NULL THEN NULL "
        "ELSE coalesce(o.verkooplabel, false) OR coalesce(n.verkooplabel, false) END "
        "AS verkooplabel, count(*) AS rijen "
        "FROM s n JOIN s o ON o.corporatie = n.corporatie "
        "AND o.gemeente = n.gemeente AND o.vhe_id = n.vhe_id AND o.jaar = n.jaar - 1 "
        "GROUP BY ALL ORDER BY ALL",
        params,
    ).df()


def transitions(
    con: duckdb.DuckDBPyConnection,
    van: date,
    naar: date,
    gemeenten: str | Iterable[str] | None = None,
    corporaties: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """Homes per (label_van, label_naar) between two peildata of the stock per verslagjaar,
    matched by corporatie, gemeente and vhe number; a home on one date only is 'nieuw in bezit'
    (label_van) or 'uit bezit' (label_naar), with the caller's words."""
    where, params = _filters(_as_list(gemeenten), _as_list(corporaties))
    return con.execute(
        "WITH s AS (SELECT corporatie, gemeente, vhe_id, label, aantal, peildatum "
        f"FROM stand_vhe{where}), "
        "a AS (SELECT * FROM s WHERE peildatum = ?), b AS (SELECT * FROM s WHERE peildatum = ?) "
        "SELECT a.label AS label_van, b.label AS label_naar, "
        "sum(coalesce(b.aantal, a.aantal)) AS aantal "
        "FROM a FULL OUTER JOIN b USING (corporatie, gemeente, vhe_id) GROUP BY ALL",
        [*params, van, naar],
    ).df()


def rent_bins(
    con: duckdb.DuckDBPyConnection,
    peildatum: date | None,
    gemeenten: str | Iterable[str] | None = None,
    corporaties: str | Iterable[str] | None = None,
    *,
    jaar: int | None = None,
    width_cents: int = 1,
    rekenhuur: bool = False,
) -> pd.DataFrame:
    """Homes of one peildatum (or, with ``jaar``, of the stock per verslagjaar of that year) per
    rent band [van, van + width) in cents (``van_cent``), missing rents apart (``van_cent``
    null): the distribution, counted by DuckDB."""
    rent = "coalesce(rekenhuur_cent, huur_cent)" if rekenhuur else "huur_cent"
    if jaar is not None:
        where, params = _filters(_as_list(gemeenten), _as_list(corporaties), [jaar])
        view = "stand_vhe"
    else:
        where, params = _filters(_as_list(gemeenten), _as_list(corporaties), peildata=[peildatum])
        view = "actieve_vhe"
    return con.execute(
        f"SELECT ({rent} // {int(width_cents)}) * {int(width_cents)} AS van_cent, "
        f"sum(aantal) AS aantal FROM {view}{where} GROUP BY ALL ORDER BY 1 NULLS LAST",
        params,
    ).df()


def peildata(
    con: duckdb.DuckDBPyConnection,
    gemeenten: str | Iterable[str] | None = None,
    corporaties: str | Iterable[str] | None = None,
) -> list[date]:
    """The peildata of the stock per verslagjaar in the selection, oldest first."""
    where, params = _filters(_as_list(gemeenten), _as_list(corporaties))
    rows = con.execute(
        f"SELECT DISTINCT peildatum FROM stand_sleutel{where} ORDER BY 1", params
    ).fetchall()
    return [r[0] for r in rows]


VHE_COLUMNS = (
    "corporatie",
    "gemeente",
    "peildatum",
    "jaar",
    "vhe_id",
    "adres",
    "postcode",
    "kern",
    "huur",
    "huur_cent",
    "rekenhuur_cent",
    "label",
    "label_bron",
    "energie_index",
    "woningtype",
    "levensloopgeschikt",
    "bouwjaar",
    "aantal",
    "bestand",
    "bron_rij",
)


def rows_where(specs: Iterable[Rows]) -> tuple[str, list]:
    """SQL over :data:`VHE_COLUMNS` for the rows any of ``specs`` describes."""
    parts, params = [], []
    for spec in specs:
        clause, p = _filters(
            None if spec.gemeente is None else [spec.gemeente],
            spec.corporaties,
            spec.jaren,
            None if spec.peildatum is None else [spec.peildatum],
            spec.kern,
        )
        clauses = [clause.removeprefix(" WHERE ")] if clause else []
        if spec.zonder_kern:
            clauses.append("(kern IS NULL OR kern = '')")
        if spec.labels is not None:
            clauses.append(f"label IN ({', '.join('?' for _ in spec.labels)})")
            p.extend(spec.labels)
        if spec.boven_cent is not None:
            rent = "coalesce(rekenhuur_cent, huur_cent)" if spec.rekenhuur else "huur_cent"
            op = ">" if spec.inclusief else ">="
            clauses.append(f"({rent} IS NULL OR {rent} {op} ?)")
            p.append(int(spec.boven_cent))
        if spec.eerder_labels is not None:
            when, value = (
                ("o.jaar = ?", spec.eerder_jaar)
                if spec.eerder_jaar is not None
                else ("o.peildatum = ?", spec.eerder_peildatum)
            )
            same = (
                "SELECT 1 FROM stand_vhe o WHERE o.corporatie = s.corporatie "
                f"AND o.gemeente = s.gemeente AND o.vhe_id = s.vhe_id AND {when}"
            )
            if spec.eerder_labels:
                labels_in = ", ".join("?" for _ in spec.eerder_labels)
                clauses.append(f"EXISTS ({same} AND o.label IN ({labels_in}))")
                p.extend([value, *spec.eerder_labels])
            else:
                clauses.append(f"NOT EXISTS ({same})")
                p.append(value)
        if spec.niet_op is not None:
            clauses.append(
                "NOT EXISTS (SELECT 1 FROM stand_vhe o WHERE o.corporatie = s.corporatie "
                "AND o.gemeente = s.gemeente AND o.vhe_id = s.vhe_id AND o.peildatum = ?)"
            )
            p.append(spec.niet_op)
        parts.append("(" + (" AND ".join(clauses) or "true") + ")")
        params.extend(p)
    return (" OR ".join(parts) if parts else "false"), params


# The orders a drill-down can ask for, by name.
ORDERS = {
    "vhe": "corporatie, gemeente, peildatum, vhe_id",
    "hoogste_huur": "jaar DESC, corporatie, huur_cent DESC NULLS FIRST, vhe_id",
    "kern": "kern NULLS LAST, huur_cent NULLS FIRST, vhe_id",
}


def vhe_count(con: duckdb.DuckDBPyConnection, specs: Iterable[Rows]) -> int:
    """How many vhe rows of the stock per verslagjaar ``specs`` describe."""
    where, params = rows_where(specs)
    return int(con.execute(f"SELECT count(*) FROM stand_vhe s WHERE {where}", params).fetchone()[0])


def vhe_page(
    con: duckdb.DuckDBPyConnection,
    specs: Iterable[Rows],
    *,
    limit: int | None = 500,
    offset: int = 0,
    order: str = "vhe",
) -> tuple[pd.DataFrame, int]:
    """One page of the vhe rows of the stock per verslagjaar that ``specs`` describe, and how
    many match in all (``limit`` None: every row, for a download)."""
    where, params = rows_where(specs)
    clause = f" WHERE {where}"
    total = con.execute(f"SELECT count(*) FROM stand_vhe s{clause}", params).fetchone()[0]
    page = "" if limit is None else f" LIMIT {int(limit)} OFFSET {int(offset)}"
    rows = con.execute(
        f"SELECT {', '.join(VHE_COLUMNS)} FROM stand_vhe s{clause} ORDER BY {ORDERS[order]}{page}",
        params,
    ).df()
    return rows, int(total)
