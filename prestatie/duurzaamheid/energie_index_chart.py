"""The energy index over time as a figure: one line per corporatie and gemeente."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from prestatie import fmt
from prestatie.charts import empty, layout
from prestatie.charts.style import HOOGTE


def energy_index(trend: pd.DataFrame, title: str) -> go.Figure:
    """The mean energy index per corporatie and gemeente over the peildata (lower is better),
    labelled with the class of that mean; the hover says how many homes have an index."""
    fig = go.Figure()
    if trend.empty:
        return empty(fig, f"{title}: geen energie-index in de gegevens")
    series = list(trend.groupby(["corporatie", "gemeente"]))
    for i, ((corporatie, gemeente), rows) in enumerate(series):
        fig.add_scatter(
            x=rows["peildatum"],
            y=rows["gemiddelde"],
            mode="lines+markers+text",
            name=fmt.figure_text(f"{corporatie} {gemeente}"),
            text=[
                f"{fmt.num(v, 2)} ({k})"
                for v, k in zip(rows["gemiddelde"], rows["label"], strict=True)
            ],
            textposition="top center" if i % 2 == 0 else "bottom center",
            marker={"size": 12},
            line={"width": 3},
            customdata=[
                [fmt.datum(p), fmt.num(m), fmt.num(t)]
                for p, m, t in zip(
                    rows["peildatum"], rows["met_index"], rows["totaal"], strict=True
                )
            ],
            hovertemplate=(
                "%{customdata[0]}: gemiddeld %{y:.2f} over %{customdata[1]} van "
                "%{customdata[2]} woningen<extra></extra>"
            ),
        )
    dates = sorted(set(trend["peildatum"]))
    return layout(
        fig,
        title,
        height=HOOGTE - 80,
        xaxis={"tickvals": dates, "ticktext": [fmt.datum(d) for d in dates]},
        yaxis={"title": "gemiddelde energie-index (lager is beter)"},
    )
