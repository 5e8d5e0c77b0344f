"""The stock waterfall as a figure: stock at the start, + nieuwbouw, − sloop, − verkoop, = end.

The rows come from :func:`prestatie.voorraad.voorraadverloop.waterfall_of`; nothing is computed here
beyond placing them.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from prestatie import fmt
from prestatie.charts import empty, layout
from prestatie.charts.style import INKT

ERBIJ, ERAF, TOTAAL = "#4a6fa5", "#b0603a", "#5f6b7a"


def waterfall(rows: pd.DataFrame, title: str) -> go.Figure:
    """Stock at the start, + nieuwbouw, − sloop, − verkoop, = stock at the end, year by year.

    A year whose counted stock differs from the computed one gets a bar "niet verklaard" with
    the difference, so the chain ends on the count; the count itself is a black diamond.
    """
    fig = go.Figure()
    if rows.empty:
        return empty(fig, f"{title}: geen gegevens")
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
        step(r.jaar, "nieuwbouw", r.nieuwbouw, "relative", fmt.signed(r.nieuwbouw))
        step(r.jaar, "sloop", -r.sloop, "relative", fmt.signed(-r.sloop))
        step(r.jaar, "verkoop", -r.verkoop, "relative", fmt.signed(-r.verkoop))
        if pd.notna(r.verschil) and r.verschil != 0:
            step(r.jaar, "niet verklaard", r.verschil, "relative", fmt.signed(r.verschil))
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
        marker={"symbol": "diamond", "size": 16, "color": INKT},
        name="geteld op de peildatum",
        hovertemplate="geteld: %{y:,.0f}<extra></extra>",
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
