"""Figures of the page Leefbaarheid: one wijk (or buurt) over the years, its Leefbaarometer
class per measurement as a line, the insufficient classes shaded."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from prestatie import fmt
from prestatie.charts import FONT, empty, layout
from prestatie.leefbaarheid import wijken
from prestatie.referentie import leefbaarheid

SHORT = "#c62828"
LINE = "#4a6fa5"


def per_area(rows: pd.DataFrame, gemeente: str, code: str, klasse_minimaal: int) -> go.Figure:
    """:func:`per_wijk` of the area ``code`` of ``gemeente`` (``rows``: the scores in force, of
    one gemeente or more), titled with its name."""
    own = wijken.of_level(rows[rows["gemeente"] == gemeente])
    history = own[own["code"] == code]
    title = wijken.area_name(history.sort_values("jaar").iloc[-1]) if not history.empty else code
    return per_wijk(history, title, klasse_minimaal)


def per_wijk(rows: pd.DataFrame, title: str, klasse_minimaal: int) -> go.Figure:
    """The class of one area per year (``rows``: its rows of the Leefbaarometer table); where
    the file gave no class, the score on its own axis."""
    fig = go.Figure()
    rows = rows.sort_values("jaar")
    if rows.empty:
        return empty(fig, f"{title}: geen gegevens")
    x = rows["jaar"].astype(int).astype(str)
    if rows["klasse"].isna().all():
        fig.add_scatter(
            x=x, y=rows["score"].astype(float), mode="lines+markers+text",
            text=[fmt.num(s, 2) for s in rows["score"]], textposition="top center",
            line={"color": LINE, "width": 3}, name="score",
            hovertemplate="%{x}: score %{text}<extra></extra>",
        )  # fmt: skip
        return layout(fig, title, height=280, showlegend=False,
                      yaxis={"title": "score (lbm)"}, xaxis={"type": "category"})  # fmt: skip
    klassen = rows["klasse"].astype("Int64")
    fig.add_hrect(y0=0.5, y1=klasse_minimaal - 0.5, fillcolor=SHORT, opacity=0.12, line_width=0)
    fig.add_scatter(
        x=x,
        y=klassen.astype(float),
        mode="lines+markers+text",
        text=[leefbaarheid.KLASSEN[int(k)] if pd.notna(k) else "" for k in klassen],
        textposition="top center",
        textfont={"size": FONT - 3},
        marker={
            "size": 14,
            "color": [
                leefbaarheid.KLEUREN.get(int(k), LINE) if pd.notna(k) else LINE for k in klassen
            ],
            "line": {"color": "#333333", "width": 1},
        },  # fmt: skip
        line={"color": LINE, "width": 3},
        name="klasse",
        customdata=[fmt.num(s, 2) for s in rows["score"]],
        hovertemplate="%{x}: klasse %{y} %{text} (score %{customdata})<extra></extra>",
    )
    yaxis = {
        "title": "klasse",
        "range": [0.5, 9.8],
        "tickvals": list(leefbaarheid.KLASSEN),
        "ticktext": [str(k) for k in leefbaarheid.KLASSEN],
    }
    margin = {"l": 10, "r": 10, "t": 50, "b": 10}
    return layout(fig, title, height=300, showlegend=False, yaxis=yaxis,
                  xaxis={"type": "category"}, margin=margin)  # fmt: skip


def overview(rows: pd.DataFrame, title: str, names: dict[str, str]) -> go.Figure:
    """Every wijk (rows, ``names``: code -> the name shown) by year, coloured by its class,
    the class written in each cell: the slide for the overleg."""
    fig = go.Figure()
    rows = rows.dropna(subset=["klasse"])
    if rows.empty:
        return empty(fig, f"{title}: geen gegevens")
    wide = rows.pivot_table(index="code", columns="jaar", values="klasse", aggfunc="first")
    wide = wide.loc[sorted(wide.index, key=lambda c: names.get(c, c), reverse=True)]
    years = [str(int(y)) for y in wide.columns]
    steps = sorted(leefbaarheid.KLEUREN)
    scale = []
    for i, k in enumerate(steps):  # a discrete colour per class over 1..9
        low, high = i / len(steps), (i + 1) / len(steps)
        scale += [[low, leefbaarheid.KLEUREN[k]], [high, leefbaarheid.KLEUREN[k]]]
    text = [[leefbaarheid.naam(int(v)) if pd.notna(v) else "" for v in row] for row in wide.values]
    fig.add_heatmap(
        z=wide.values.astype(float), x=years, y=[names.get(c, c) for c in wide.index],
        zmin=0.5, zmax=9.5, colorscale=scale, showscale=False, text=text,
        texttemplate="%{text}", textfont={"size": FONT - 4}, xgap=3, ygap=3,
        hovertemplate="%{y} %{x}: klasse %{text}<extra></extra>",
    )  # fmt: skip
    return layout(fig, title, height=max(320, 40 * len(wide) + 120), xaxis={"type": "category"})
