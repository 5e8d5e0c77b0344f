"""Figures of the Voorraadontwikkeling page: jaarschijven, the stock waterfall, bandwidths.

The rows come from :mod:`prestatie.voorraadontwikkeling`; nothing is computed here beyond
placing them. A projection is always hatched or dashed and named "prognose"; realised bars
carry the status colour of their year (a norm over several years has no status per year, so
those bars are neutral and the status shows on the cumulative line).
"""

from __future__ import annotations

import math
import textwrap

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from prestatie import fmt
from prestatie import voorraadontwikkeling as vo
from prestatie.charts import FONT, layout
from prestatie.monitor import STATUS_KLEUREN

PLAN_KLEUR = "#c9d6ea"
PLAN_LIJN = "#7f93b2"
NEUTRAAL = "#4a6fa5"
LIJN = "#222222"
GEEN = STATUS_KLEUREN["geen gegevens"]
ERBIJ, ERAF, TOTAAL = "#4a6fa5", "#b0603a", "#5f6b7a"
ROW_HEIGHT = 330


def _colour(row) -> str:
    single = row.periode and "-" not in row.periode
    return STATUS_KLEUREN.get(row.status, NEUTRAAL) if single else NEUTRAAL


def _plan_text(lo: float, hi: float) -> str:
    if math.isnan(lo):
        return ""
    return fmt.num(lo) if lo == hi else f"{fmt.num(lo)}–{fmt.num(hi)}"


def wrap(text: str, width: int) -> str:
    """Break a long title over lines (plotly does not wrap)."""
    return "<br>".join(textwrap.wrap(text, width)) or text


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
            fig.update_yaxes(range=[0, max(1.0, top) * 1.25], row=i, col=col)
    fig.update_annotations(font_size=FONT)
    fig.update_xaxes(type="category")
    fig.update_yaxes(tickformat=",d")
    height = ROW_HEIGHT * len(doelen) + 170
    layout(fig, title, barmode="group", height=height)
    return fig.update_layout(  # the legend between the title and the first row
        legend={"orientation": "h", "yanchor": "bottom", "y": 1 + 60 / (height - 180), "x": 0},
        margin={"l": 10, "r": 10, "t": 170, "b": 10},
    )


_YEAR_VALUES = ("plan_hoog", "gerealiseerd", "prognose")
_CUMULATIVE_VALUES = ("cum_plan_hoog", "cum_gerealiseerd", "cum_prognose")


def _legend(name: str, shown: set[str]) -> dict:
    first = name not in shown
    shown.add(name)
    return {"name": name, "legendgroup": name, "showlegend": first}


def _per_year(fig: go.Figure, rows: pd.DataFrame, row: int, shown: set[str]) -> None:
    x = rows["jaar"].astype(str)
    lo, hi = rows["plan_laag"], rows["plan_hoog"]
    texts = [_plan_text(a, b) for a, b in zip(lo, hi, strict=True)]
    fig.add_bar(
        x=x,
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
        row=row,
        col=1,
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
                "line": {"color": LIJN, "width": 2},
                "pattern": {"shape": "/", "fgcolor": LIJN, "size": 8, "solidity": 0.25},
            },
            hovertemplate="%{x}: prognose tot het jaareinde %{y:.0f}<extra></extra>",
            row=row,
            col=1,
            **_legend(vo.PROGNOSE, shown),
        )
        top = running[["prognose", "plan_hoog"]].max(axis=1)
        fig.add_scatter(
            x=running["jaar"].astype(str),
            y=top,
            mode="text",
            text=[f"prognose {fmt.num(v)}" for v in running["prognose"]],
            textposition="top center",
            textfont={"size": FONT - 2},
            hoverinfo="skip",
            showlegend=False,
            row=row,
            col=1,
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
        hovertemplate="%{x}: gerealiseerd %{y} (%{customdata})<extra></extra>",
        row=row,
        col=1,
        **_legend("gerealiseerd", shown),
    )
    missing = rows[rows["gerealiseerd"].isna() & (rows["status"] != vo.PLAN)]
    if not missing.empty:
        fig.add_scatter(
            x=missing["jaar"].astype(str),
            y=[0] * len(missing),
            mode="markers",
            marker={"symbol": "x", "size": 14, "color": GEEN},
            hovertemplate="%{x}: geen gegevens<extra></extra>",
            row=row,
            col=1,
            **_legend("geen gegevens", shown),
        )


def _cumulative(fig: go.Figure, rows: pd.DataFrame, row: int, shown: set[str]) -> None:
    rows = rows[rows["jaar"] >= rows["cum_vanaf"]]
    x = rows["jaar"].astype(str)
    lo, hi = rows["cum_plan_laag"], rows["cum_plan_hoog"]
    band = bool((hi - lo).fillna(0).gt(0).any())
    fig.add_scatter(
        x=x,
        y=lo,
        mode="lines+markers",
        line={"color": PLAN_LIJN, "width": 3},
        hovertemplate="%{x}: afgesproken t/m dit jaar %{y:.0f}<extra></extra>",
        row=row,
        col=2,
        **_legend("afspraak cumulatief", shown),
    )
    if band:
        fig.add_scatter(
            x=x,
            y=hi,
            mode="lines+markers",
            line={"color": PLAN_LIJN, "width": 3},
            fill="tonexty",
            fillcolor="rgba(127,147,178,0.25)",
            hovertemplate="%{x}: hoogstens %{y:.0f}<extra></extra>",
            showlegend=False,
            legendgroup="afspraak cumulatief",
            row=row,
            col=2,
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
        line={"color": LIJN, "width": 3},
        marker={"size": 14, "color": colours, "line": {"color": LIJN, "width": 1}},
        text=[fmt.num(v) for v in done["cum_gerealiseerd"]],
        textposition="top left",
        hovertemplate="%{x}: gerealiseerd t/m dit jaar %{y}<extra></extra>",
        row=row,
        col=2,
        **_legend("gerealiseerd cumulatief", shown),
    )
    for r in rows[rows["cum_prognose"].notna()].itertuples(index=False):
        before = done[done["jaar"] == r.jaar - 1]
        x = [str(r.jaar - 1), str(r.jaar)] if not before.empty else [str(r.jaar)]
        y = [*before["cum_gerealiseerd"].tolist(), r.cum_prognose]
        fig.add_scatter(
            x=x,
            y=y,
            mode="lines+markers+text",
            line={"color": LIJN, "width": 3, "dash": "dash"},
            marker={"size": 12, "symbol": "circle-open", "color": LIJN},
            text=[""] * (len(x) - 1) + [f"prognose {fmt.num(r.cum_prognose)}"],
            textposition="bottom center",
            hovertemplate="%{x}: prognose t/m het jaareinde %{y:.0f}<extra></extra>",
            row=row,
            col=2,
            **_legend(vo.PROGNOSE, shown),
        )
        fig.add_scatter(
            x=[str(r.jaar)],
            y=[r.cum_gerealiseerd],
            mode="markers",
            marker={"size": 14, "color": STATUS_KLEUREN.get(r.status, NEUTRAAL)},
            hovertemplate=f"%{{x}}: gerealiseerd tot {r.jaar} nu %{{y}}<extra></extra>",
            row=row,
            col=2,
            **_legend("tot nu", shown),
        )


# ---- waterfall -------------------------------------------------------------------------------


def waterfall(rows: pd.DataFrame, title: str) -> go.Figure:
    """Stock at the start, + nieuwbouw, − sloop, − verkoop, = stock at the end, year by year.

    A year whose counted stock differs from the computed one gets a bar "niet verklaard" with
    the difference, so the chain ends on the count; the count itself is a black diamond.
    """
    fig = go.Figure()
    if rows.empty:
        return layout(fig, f"{title}: geen gegevens")
    x_year, x_step, y, measure, text = [], [], [], [], []

    def step(year: int, name: str, value: float, kind: str, label: str) -> None:
        x_year.append(str(year))
        x_step.append(name)
        y.append(value)
        measure.append(kind)
        text.append(label)

    previous, levels = None, []
    for r in rows.itertuples(index=False):
        levels += [r.begin, r.begin + r.nieuwbouw, r.berekend, r.eind]
        if previous is None or previous.jaar != r.jaar - 1 or pd.isna(previous.eind):
            step(r.jaar, "begin", r.begin, "absolute", fmt.num(r.begin))
        step(r.jaar, "nieuwbouw", r.nieuwbouw, "relative", vo.signed(r.nieuwbouw))
        step(r.jaar, "sloop", -r.sloop, "relative", vo.signed(-r.sloop))
        step(r.jaar, "verkoop", -r.verkoop, "relative", vo.signed(-r.verkoop))
        if pd.notna(r.verschil) and r.verschil != 0:
            step(r.jaar, "niet verklaard", r.verschil, "relative", vo.signed(r.verschil))
        end = r.berekend if pd.isna(r.eind) else r.eind
        label = "eind" if pd.notna(r.eind) else ("tot nu" if r.lopend else "eind berekend")
        step(r.jaar, label, 0, "total", fmt.num(end))
        previous = r
    fig.add_trace(
        go.Waterfall(
            x=[x_year, x_step],
            y=y,
            measure=measure,
            text=text,
            textposition="outside",
            name="verloop",
            increasing={"marker": {"color": ERBIJ}},
            decreasing={"marker": {"color": ERAF}},
            totals={"marker": {"color": TOTAAL}},
            connector={"line": {"color": "#999", "width": 1}},
            hovertemplate="%{x}: %{text}<extra></extra>",
        )
    )
    counted = rows[rows["eind"].notna()]
    fig.add_scatter(
        x=[counted["jaar"].astype(str).tolist(), ["eind"] * len(counted)],
        y=counted["eind"],
        mode="markers",
        marker={"symbol": "diamond", "size": 16, "color": LIJN},
        name="geteld op de peildatum",
        hovertemplate="geteld: %{y}<extra></extra>",
    )
    known = [v for v in levels if pd.notna(v)]
    low, high = min(known), max(known)
    pad = max(10.0, (high - low) * 0.5)
    layout(
        fig,
        title,
        yaxis={"range": [low - pad, high + pad / 2], "title": "woningen (vhe)"},
        height=600,
        showlegend=True,
    )
    return fig.update_layout(
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
        margin={"l": 10, "r": 10, "t": 100, "b": 10},
    )


# ---- bandwidths ------------------------------------------------------------------------------


def band(pad: vo.Bandpad, title: str) -> go.Figure:
    """The realised change since the base year against the agreed band (straight path to it)."""
    fig = go.Figure()
    if pad.basis is None:
        return layout(fig, f"{title}: geen voorraadgegevens")
    norms = pad.normen
    if not norms.empty:
        final = norms.iloc[-1]
        lo, hi = final["laag"], final["hoog"]
        if pd.notna(lo) and pd.notna(hi):
            fig.add_scatter(
                x=[pad.basis, final["jaar"], final["jaar"], pad.basis],
                y=[0, lo, hi, 0],
                fill="toself",
                fillcolor="rgba(26,127,55,0.14)",
                line={"width": 0},
                mode="lines",
                name="recht pad naar de bandbreedte",
                hoverinfo="skip",
            )
        for edge in (lo, hi):
            if pd.notna(edge):
                fig.add_scatter(
                    x=[pad.basis, final["jaar"]],
                    y=[0, edge],
                    mode="lines",
                    line={"color": STATUS_KLEUREN["behaald"], "width": 1},
                    showlegend=False,
                    hoverinfo="skip",
                )
        for i, n in enumerate(norms.itertuples(index=False)):
            edges = [v for v in (n.laag, n.hoog) if pd.notna(v)]
            fig.add_scatter(
                x=[n.jaar] * len(edges),
                y=edges,
                mode="lines+markers+text",
                line={"color": STATUS_KLEUREN["behaald"], "width": 8},
                marker={"symbol": "line-ew-open", "size": 26, "line": {"width": 3}},
                text=[vo.signed(v) for v in edges],
                textposition="middle right",
                name="afgesproken bandbreedte",
                legendgroup="band",
                showlegend=i == 0,
                hovertemplate=f"{n.jaar}: %{{y:+.0f}}<extra></extra>",
            )
    path = pad.pad
    fig.add_scatter(
        x=path["jaar"],
        y=path["verandering"],
        mode="lines+markers+text",
        line={"color": LIJN, "width": 4},
        marker={"size": 12},
        text=[vo.signed(v) for v in path["verandering"]],
        textposition="bottom right",
        customdata=path["stand"],
        name=f"gerealiseerd sinds eind {pad.basis}",
        hovertemplate="eind %{x}: %{y:+.0f} (stand %{customdata})<extra></extra>",
    )
    fig.add_hline(y=0, line_color="#999", line_width=1)
    years = list(path["jaar"]) + list(norms["jaar"])
    return layout(
        fig,
        wrap(title, 60),
        xaxis={"dtick": 1, "range": [min(years) - 0.3, max(years) + 0.6], "tickformat": "d"},
        yaxis_title="verandering in woningen",
        height=520,
    )
