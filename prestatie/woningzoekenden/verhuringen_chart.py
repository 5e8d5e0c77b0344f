"""Figures of the page Woningzoekenden: a measure of the lettings per corporatie and year (bars
side by side), with the agreed norm as a line where there is one."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from prestatie import fmt
from prestatie.charts import FONT, empty, layout

COLOURS = ("#4a6fa5", "#7e57c2", "#00838f", "#6d4c41", "#546e7a")
NORM = "#222222"


def per_jaar(
    frame: pd.DataFrame,
    column: str,
    title: str,
    axis: str,
    share: bool = False,
    norm: float | None = None,
) -> go.Figure:
    """Per year a bar per corporatie of ``column`` of the summary
    (:func:`prestatie.woningzoekenden.verhuringen.summary`); ``norm`` a dashed line."""
    fig = go.Figure()
    rows = frame.dropna(subset=[column])
    if rows.empty:
        return empty(fig, f"{title}: geen gegevens")
    label = (lambda v: fmt.pct(v)) if share else (lambda v: fmt.num(v, 0 if v == int(v) else 1))
    many = frame["gemeente"].nunique() > 1  # then a bar per year and gemeente
    for i, (corporatie, group) in enumerate(rows.groupby("corporatie", sort=True)):
        group = group.sort_values(["jaar", "gemeente"])
        x = group["jaar"].astype(str)
        fig.add_bar(
            x=fmt.figure_texts(x + " " + group["gemeente"]) if many else x,
            y=group[column].astype(float),
            name=fmt.figure_text(corporatie),
            marker_color=COLOURS[i % len(COLOURS)],
            text=[label(v) for v in group[column]],
            textposition="outside",
            textfont={"size": FONT - 2},
            hovertemplate="%{fullData.name} %{x}: %{text}<extra></extra>",  # no text of a file
        )
    if norm is not None:
        fig.add_hline(
            y=norm,
            line={"color": NORM, "width": 3, "dash": "dash"},
            annotation_text=f"norm {fmt.pct(norm, 0)}",
            annotation_position="top left",
        )
    top = max([*rows[column].astype(float), norm or 0])
    yaxis = {"title": axis, "range": [0, top * 1.2 or 1]}
    if share:
        yaxis["tickformat"] = ".0%"
    return layout(fig, title, barmode="group", yaxis=yaxis, xaxis={"type": "category"},
                  height=460)  # fmt: skip
