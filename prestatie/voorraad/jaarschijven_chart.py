"""Jaarschijven as a figure: per doel, realised against plan per year and cumulatively.

The rows come from :func:`prestatie.voorraad.jaarschijven.jaarschijf_series`; nothing is computed
here beyond placing them. A projection is always hatched or dashed and named "prognose"; realised
bars carry the status colour of their year (a norm over several years has no status per year,
so those bars are neutral and the status shows on the cumulative line).
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from prestatie import fmt
from prestatie.beoordeling.status import GEEN_GEGEVENS, STATUS_KLEUREN
from prestatie.charts import FONT, layout
from prestatie.charts.style import INKT, wrap
from prestatie.voorraad.jaarschijven import PLAN, PROGNOSE

PLAN_KLEUR = "#c9d6ea"
PLAN_LIJN = "#7f93b2"
NEUTRAAL = "#4a6fa5"
ROW_HEIGHT = 330
_YEAR_VALUES = ("plan_hoog", "gerealiseerd", "prognose")
_CUMULATIVE_VALUES = ("cum_plan_hoog", "cum_gerealiseerd", "cum_prognose")


def _colour(row) -> str:
    single = row.periode and "-" not in row.periode
    return STATUS_KLEUREN.get(row.status, NEUTRAAL) if single else NEUTRAAL


def _plan_text(lo: float, hi: float) -> str:
    if math.isnan(lo):
        return ""
    return fmt.num(lo) if lo == hi else f"{fmt.num(lo)}–{fmt.num(hi)}"


def jaarschijven(frame: pd.DataFrame, title: str) -> go.Figure:
    """Per doel one row: left realised against plan per year, right cumulative since the start."""
    if frame.empty:
        return layout(go.Figure(), f"{title}: geen jaarschijven")
    doelen = list(dict.fromkeys(frame["doel"]))
    titles = []
    for doel in doelen:
        rows = frame[frame["doel"] == doel]
        titles += [
            wrap(rows["omschrijving"].iloc[0], 40),
            f"cumulatief vanaf {rows['cum_vanaf'].iloc[0]}",
        ]
    fig = make_subplots(
        rows=len(doelen),
        cols=2,
        subplot_titles=titles,
        vertical_spacing=min(0.12, 0.5 / len(doelen)),
        horizontal_spacing=0.08,
    )
    shown: set[str] = set()
    for i, doel in enumerate(doelen, start=1):
        rows = frame[frame["doel"] == doel].sort_values("jaar")
        _per_year(fig, rows, i, shown)
        _cumulative(fig, rows, i, shown)
        for col, columns in ((1, _YEAR_VALUES), (2, _CUMULATIVE_VALUES)):
            top = rows[list(columns)].max().max()
            top = 1.0 if pd.isna(top) else max(1.0, float(top))
            # whole homes only: a small axis steps by 1 (not 0; 0,5; 1 shown as "0, 1, 1")
            step = {"dtick": 1} if top <= 5 else {}
            fig.update_yaxes(range=[0, top * 1.25], row=i, col=col, **step)
    fig.update_annotations(font_size=FONT)
    fig.update_xaxes(type="category")
    fig.update_yaxes(tickformat=",d")
    height = ROW_HEIGHT * len(doelen) + 170
    layout(fig, title, barmode="group", height=height)
    return fig.update_layout(  # the legend between the title and the first row
        legend={"orientation": "h", "yanchor": "bottom", "y": 1 + 60 / (height - 180), "x": 0},
        margin={"l": 10, "r": 10, "t": 170, "b": 10},
    )


def _legend(name: str, shown: set[str]) -> dict:
    """Trace arguments: one legend entry per name over all rows of the figure."""
    first = name not in shown
    shown.add(name)
    return {"name": name, "legendgroup": name, "showlegend": first}


def _per_year(fig: go.Figure, rows: pd.DataFrame, row: int, shown: set[str]) -> None:
    at = {"row": row, "col": 1}
    lo, hi = rows["plan_laag"], rows["plan_hoog"]
    texts = [_plan_text(a, b) for a, b in zip(lo, hi, strict=True)]
    fig.add_bar(
        x=rows["jaar"].astype(str),
        y=lo,
        marker_color=PLAN_KLEUR,
        offsetgroup="plan",
        error_y={
            "type": "data",
            "symmetric": False,
            "array": (hi - lo).fillna(0),
            "arrayminus": [0] * len(rows),
            "visible": bool(((hi - lo).fillna(0) > 0).any()),
            "color": PLAN_LIJN,
            "thickness": 3,
            "width": 12,
        },
        text=texts,
        textposition="inside",
        insidetextanchor="end",
        customdata=texts,
        hovertemplate="%{x}: afgesproken %{customdata}<extra></extra>",
        **at,
        **_legend("afspraak", shown),
    )
    running = rows[rows["lopend"]]
    if not running.empty:
        fig.add_bar(
            x=running["jaar"].astype(str),
            y=running["prognose"],
            offsetgroup="gerealiseerd",
            marker={
                "color": "rgba(255,255,255,0)",
                "line": {"color": INKT, "width": 2},
                "pattern": {"shape": "/", "fgcolor": INKT, "size": 8, "solidity": 0.25},
            },
            hovertemplate="%{x}: prognose tot het jaareinde %{y:,.0f}<extra></extra>",
            **at,
            **_legend(PROGNOSE, shown),
        )
        fig.add_scatter(
            x=running["jaar"].astype(str),
            y=running[["prognose", "plan_hoog"]].max(axis=1),
            mode="text",
            text=[f"prognose {fmt.num(v)}" for v in running["prognose"]],
            textposition="top center",
            textfont={"size": FONT - 2},
            hoverinfo="skip",
            showlegend=False,
            **at,
        )
    done = rows[rows["gerealiseerd"].notna()]
    fig.add_bar(
        x=done["jaar"].astype(str),
        y=done["gerealiseerd"],
        offsetgroup="gerealiseerd",
        marker_color=[_colour(r) for r in done.itertuples(index=False)],
        text=[fmt.num(v) for v in done["gerealiseerd"]],
        textposition=["inside" if r else "outside" for r in done["lopend"]],
        insidetextanchor="end",
        textangle=0,
        customdata=done["status"],
        hovertemplate="%{x}: gerealiseerd %{y:,.0f} (%{customdata})<extra></extra>",
        **at,
        **_legend("gerealiseerd", shown),
    )
    missing = rows[rows["gerealiseerd"].isna() & (rows["status"] != PLAN)]
    if not missing.empty:
        fig.add_scatter(
            x=missing["jaar"].astype(str),
            y=[0] * len(missing),
            mode="markers",
            marker={"symbol": "x", "size": 14, "color": STATUS_KLEUREN[GEEN_GEGEVENS]},
            hovertemplate="%{x}: geen gegevens<extra></extra>",
            **at,
            **_legend(GEEN_GEGEVENS, shown),
        )


def _cumulative(fig: go.Figure, rows: pd.DataFrame, row: int, shown: set[str]) -> None:
    at = {"row": row, "col": 2}
    rows = rows[rows["jaar"] >= rows["cum_vanaf"]]
    x = rows["jaar"].astype(str)
    lo, hi = rows["cum_plan_laag"], rows["cum_plan_hoog"]
    plan_line = {"mode": "lines+markers", "line": {"color": PLAN_LIJN, "width": 3}}
    fig.add_scatter(
        x=x,
        y=lo,
        **plan_line,
        hovertemplate="%{x}: afgesproken t/m dit jaar %{y:,.0f}<extra></extra>",
        **at,
        **_legend("afspraak cumulatief", shown),
    )
    if bool((hi - lo).fillna(0).gt(0).any()):
        fig.add_scatter(
            x=x,
            y=hi,
            **plan_line,
            fill="tonexty",
            fillcolor="rgba(127,147,178,0.25)",
            hovertemplate="%{x}: hoogstens %{y:,.0f}<extra></extra>",
            showlegend=False,
            legendgroup="afspraak cumulatief",
            **at,
        )
    done = rows[rows["cum_gerealiseerd"].notna() & ~rows["lopend"]]
    period_end = done["periode"].map(lambda p: p.split("-")[-1] if p else "")
    colours = [
        STATUS_KLEUREN.get(s, NEUTRAAL) if end == str(y) else NEUTRAAL
        for s, end, y in zip(done["status"], period_end, done["jaar"], strict=True)
    ]
    fig.add_scatter(
        x=done["jaar"].astype(str),
        y=done["cum_gerealiseerd"],
        mode="lines+markers+text",
        line={"color": INKT, "width": 3},
        marker={"size": 14, "color": colours, "line": {"color": INKT, "width": 1}},
        text=[fmt.num(v) for v in done["cum_gerealiseerd"]],
        textposition="top left",
        hovertemplate="%{x}: gerealiseerd t/m dit jaar %{y:,.0f}<extra></extra>",
        **at,
        **_legend("gerealiseerd cumulatief", shown),
    )
    for r in rows[rows["cum_prognose"].notna()].itertuples(index=False):
        _running_year(fig, r, done, at, shown)


def _running_year(fig: go.Figure, r, done: pd.DataFrame, at: dict, shown: set[str]) -> None:
    """The cumulative prognose of a running year, dashed from the year before, and the
    cumulative realised so far as a point in its status colour."""
    before = done[done["jaar"] == r.jaar - 1]
    x = [str(r.jaar - 1), str(r.jaar)] if not before.empty else [str(r.jaar)]
    fig.add_scatter(
        x=x,
        y=[*before["cum_gerealiseerd"].tolist(), r.cum_prognose],
        mode="lines+markers+text",
        line={"color": INKT, "width": 3, "dash": "dash"},
        marker={"size": 12, "symbol": "circle-open", "color": INKT},
        text=[""] * (len(x) - 1) + [f"prognose {fmt.num(r.cum_prognose)}"],
        textposition="bottom center",
        hovertemplate="%{x}: prognose t/m het jaareinde %{y:,.0f}<extra></extra>",
        **at,
        **_legend(PROGNOSE, shown),
    )
    fig.add_scatter(
        x=[str(r.jaar)],
        y=[r.cum_gerealiseerd],
        mode="markers",
        marker={"size": 14, "color": STATUS_KLEUREN.get(r.status, NEUTRAAL)},
        hovertemplate=f"%{{x}}: gerealiseerd tot {r.jaar} nu %{{y}}<extra></extra>",
        **at,
        **_legend("tot nu", shown),
    )
