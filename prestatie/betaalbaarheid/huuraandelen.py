"""The share of homes under a rent target's limit per scope and verslagjaar, per kern, and the
homes short of the norm: the scorecard's numbers, with every row behind them.

Pure functions over the counts of the stock per verslagjaar as ``dashboard.stock`` gives them
(homes per corporatie, gemeente, jaar, kern, label … with the homes under each limit; see
:mod:`prestatie.opslag.counts`). The rules are the monitor's, used from where they live: the
scopes (:func:`prestatie.beoordeling.monitor.scopes_for`,
:func:`~prestatie.beoordeling.monitor.present`), the stock of a scope per year, only years every
corporatie in it reported (:func:`~prestatie.beoordeling.monitor.scope_stock`), the share
(:func:`prestatie.beoordeling.metingen.rent_share`) and the gap in homes
(:func:`prestatie.beoordeling.metingen.homes_short`, exact arithmetic). How the target reads a rent:
:mod:`prestatie.beoordeling.huurregel`.
"""

from __future__ import annotations

import pandas as pd

from prestatie.afspraken.schema import Doel
from prestatie.beoordeling import metingen, monitor
from prestatie.beoordeling.huurregel import Regel, norm_in
from prestatie.beoordeling.selectie import Rows
from prestatie.beoordeling.status import GEEN_GEGEVENS, Evaluation, Scope
from prestatie.referentie.peildatum import as_date, verslagjaar

TREND_COLUMNS = (
    "scope",
    "jaar",
    "peildatum",
    "grens_cent",
    "deel",
    "totaal",
    "waarde",
    "norm",
    "tekort",
    "status",
)
KERN_COLUMNS = ("scope", "kern", "naam", "deel", "totaal", "waarde", "tekort", "haalt_norm")


# ---- which rows a target is judged on -------------------------------------------------------


def scopes(doel: Doel, stock: pd.DataFrame) -> list[Scope]:
    """The scopes of a rent target as the monitor forms them; a rent share reads only the stock."""
    return monitor.scopes_for(doel, monitor.present(doel, stock))


def visible(scopes_: list[Scope], corporatie: str | None) -> list[Scope]:
    """The scopes that concern the corporatie chosen in the sidebar (all when None)."""
    return [s for s in scopes_ if corporatie is None or corporatie in s.corporaties]


def judged_rows(stock: pd.DataFrame, doel: Doel, scopes_: list[Scope], lezing: str) -> pd.DataFrame:
    """Every count of the stock a target's scopes are judged on, every year, with the columns
    ``scope``, ``grens_peildatum`` (the peildatum whose limit applies), ``grens_cent`` and
    ``deel`` (the homes that count under the limit, :meth:`Regel.kolom`). A year whose limits are
    not known (beyond the huurgrenzen table) is left out; the page says so."""
    regel = Regel.van(doel)
    kolom = regel.kolom(lezing)
    parts = []
    for scope in scopes_:
        for _, rows in sorted(monitor.scope_stock(stock, doel, scope).items()):
            peil = as_date(rows["peildatum"].max())
            cents = regel.cents(peil, lezing)
            if cents is None or kolom not in rows.columns:
                continue
            parts.append(
                rows.assign(scope=scope.corporatie, grens_peildatum=peil, grens_cent=cents).assign(
                    deel=rows[kolom]
                )
            )
    if not parts:
        empty = stock.iloc[:0]
        return empty.assign(scope="", grens_peildatum=None, grens_cent=0, deel=0.0)
    return pd.concat(parts, ignore_index=True)


# ---- shares, trend, gaps --------------------------------------------------------------------


def _shares(judged: pd.DataFrame, by: list[str], doel: Doel) -> pd.DataFrame:
    """Per group of judged counts (one limit each): homes under it and the total, measured by
    :func:`metingen.rent_share` as the monitor measures them."""
    out = []
    for key, rows in judged.groupby(by, sort=True, observed=True):
        cents = int(rows["grens_cent"].iloc[0])
        share = metingen.rent_share(rows, "deel")
        out.append(
            {
                **dict(zip(by, key, strict=True)),
                "deel": share.deel,
                "totaal": share.totaal,
                "peildatum": rows["grens_peildatum"].iloc[0],
                "grens_cent": cents,
            }
        )
    return pd.DataFrame(out, columns=[*by, "deel", "totaal", "peildatum", "grens_cent"])


def gap(
    deel: float, totaal: float, norm: float | None, richting: str, tolerantie: float | None = None
) -> int | None:
    """Homes short of the norm (:func:`metingen.homes_short`); None without a norm or homes.
    With a ``tolerantie`` ("ca. 10%") the norm is the band norm ± tolerantie, as the monitor
    reads it (:func:`prestatie.beoordeling.voorraaddoelen.approximate`)."""
    if norm is None or pd.isna(norm) or not totaal:  # no norm that year (NaN in a frame)
        return None
    if tolerantie is not None:
        norm, richting = (round(norm - tolerantie, 10), round(norm + tolerantie, 10)), "band"
    return metingen.homes_short(metingen.Share(deel, totaal), norm, richting)


def trend(judged: pd.DataFrame, doel: Doel) -> pd.DataFrame:
    """Per scope and verslagjaar: homes under the limit, the total, the share, the norm of that
    year and the homes short of it (``status`` left empty; see :func:`with_status`)."""
    if judged.empty:
        return pd.DataFrame(columns=list(TREND_COLUMNS))
    out = _shares(judged, ["scope", "jaar"], doel)
    out["jaar"] = out["jaar"].astype(int)
    out["waarde"] = out["deel"] / out["totaal"]
    out["norm"] = [norm_in(doel, j) for j in out["jaar"]]
    out["tekort"] = [
        gap(d, t, n, doel.richting, doel.params.get("tolerantie"))
        for d, t, n in zip(out["deel"], out["totaal"], out["norm"], strict=True)
    ]
    out["status"] = None
    return out[list(TREND_COLUMNS)].astype({"norm": object, "tekort": object})


def with_status(trend_: pd.DataFrame, doel: Doel, evaluations: list[Evaluation]) -> pd.DataFrame:
    """The monitor's status, share and gap on each point it judged on that year's own stock:
    where the monitor judged a point, the page shows the monitor's figures.

    An evaluation of a later deadline measured on an earlier year ("op koers", "achter") is not
    a point of its own and stays out; points without a judgement keep status None.
    """
    judged = {
        (e.corporatie, e.jaar): e
        for e in evaluations
        if e.doel == doel.id
        and e.document == doel.document
        and e.peildatum is not None
        and verslagjaar(e.peildatum) == e.jaar
    }
    out = trend_.copy()
    out["status"] = pd.Series([None] * len(out), index=out.index, dtype=object)
    out = out.astype({"tekort": object})
    for i, (scope, jaar) in zip(
        out.index, zip(out["scope"], out["jaar"], strict=True), strict=True
    ):
        e = judged.get((scope, int(jaar)))
        if e is None:
            continue
        out.at[i, "status"] = e.status
        if e.waarde is None:  # not judged (every rent empty): no share shown either
            out.at[i, "waarde"] = float("nan")
            out.at[i, "tekort"] = None
        elif isinstance(e.waarde, float) and e.basis:
            out.at[i, "waarde"] = e.waarde
            out.at[i, "totaal"] = e.basis
            out.at[i, "tekort"] = e.tekort
    return out


def stand(trend_: pd.DataFrame, scope_names: list[str], jaar: int, doel: Doel) -> pd.DataFrame:
    """One row per scope for one verslagjaar; a scope without data that year has waarde NaN and
    status 'geen gegevens'."""
    rows = []
    for name in scope_names:
        hit = trend_[(trend_["scope"] == name) & (trend_["jaar"] == jaar)]
        if hit.empty:
            rows.append(
                {
                    "scope": name,
                    "jaar": jaar,
                    "peildatum": None,
                    "grens_cent": None,
                    "deel": float("nan"),
                    "totaal": float("nan"),
                    "waarde": float("nan"),
                    "norm": norm_in(doel, jaar),
                    "tekort": None,
                    "status": GEEN_GEGEVENS,
                }
            )
        else:
            rows.append(hit.iloc[0].to_dict())
    return pd.DataFrame(rows, columns=list(TREND_COLUMNS)).astype({"norm": object})


def measured(frame: pd.DataFrame) -> list[str]:
    """The scopes with a measured share in a stand or trend frame, in order of appearance."""
    return list(dict.fromkeys(frame.loc[frame["waarde"].notna(), "scope"]))


# ---- per kern -------------------------------------------------------------------------------


def per_kern(judged_year: pd.DataFrame, doel: Doel) -> pd.DataFrame:
    """Share under the limit per scope and kern for one year, weakest first.

    Rows without a kern are left out (see :func:`without_kern`). The name is the kern, with the
    corporatie after it when the rows hold more than one scope.
    """
    rows = judged_year[judged_year["kern"].notna() & (judged_year["kern"] != "")]
    if rows.empty:
        return pd.DataFrame(columns=list(KERN_COLUMNS))
    out = _shares(rows, ["scope", "kern"], doel)
    out["waarde"] = out["deel"] / out["totaal"]
    jaar = int(rows["jaar"].iloc[0])
    norm = norm_in(doel, jaar)
    out["tekort"] = [
        gap(d, t, norm, doel.richting, doel.params.get("tolerantie"))
        for d, t in zip(out.deel, out.totaal, strict=True)
    ]
    several = judged_year["scope"].nunique() > 1
    out["naam"] = [f"{k} ({s})" if several else k for k, s in zip(out.kern, out.scope, strict=True)]
    out["haalt_norm"] = [None if norm is None else not t for t in out["tekort"]]
    ascending = doel.richting != "max"
    out = out.sort_values(["waarde", "naam"], ascending=[ascending, True], kind="stable")
    return out[list(KERN_COLUMNS)].reset_index(drop=True).astype({"tekort": object})


def without_kern(judged_year: pd.DataFrame) -> float:
    """Homes in the rows that have no kern (bezitstabel rows carry none)."""
    missing = judged_year["kern"].isna() | (judged_year["kern"] == "")
    return float(judged_year.loc[missing, "aantal"].sum())


# ---- the rows behind a figure ---------------------------------------------------------------


def rows_above(
    judged: pd.DataFrame, doel: Doel, jaar: int | None = None, rekenhuur: bool = False
) -> list[Rows]:
    """The homes of the judged counts that do not count as under the limit (missing rents
    included), one year or all: one description of rows per scope and year, for the drill-down."""
    rows = judged if jaar is None else judged[judged["jaar"] == jaar]
    inclusief = Regel.van(doel).inclusief
    keys = rows[["scope", "jaar", "grens_cent", "corporatie"]].drop_duplicates()
    out = []
    for (_, year, cents), group in keys.groupby(["scope", "jaar", "grens_cent"], sort=True):
        out.append(
            Rows(
                gemeente=doel.gemeente,
                corporaties=tuple(sorted(group["corporatie"])),
                jaren=(int(year),),
                kern=doel.kern,
                boven_cent=int(cents),
                inclusief=inclusief,
                rekenhuur=rekenhuur,
            )
        )
    return out


def rows_of(judged_year: pd.DataFrame, doel: Doel, rekenhuur: bool = False) -> list[Rows]:
    """Every home of the judged counts of a year, for the drill-down per kern."""
    keys = judged_year[["jaar", "corporatie"]].drop_duplicates()
    return (
        [
            Rows(
                gemeente=doel.gemeente,
                corporaties=tuple(sorted(keys["corporatie"])),
                jaren=tuple(sorted({int(j) for j in keys["jaar"]})),
                kern=doel.kern,
                rekenhuur=rekenhuur,
            )
        ]
        if not keys.empty
        else []
    )
