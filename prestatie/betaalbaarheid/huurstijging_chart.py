"""The rent increase against inflation: bars of the yearly huursomstijging in the status colour
of that year's judgement, a line of the inflation it is compared with, and for an average
target both averages dashed."""

from __future__ import annotations

import plotly.graph_objects as go

from prestatie import fmt
from prestatie.beoordeling.status import STATUS_KLEUREN
from prestatie.betaalbaarheid.huurstijging import Reeks
from prestatie.charts import empty, layout
from prestatie.charts.style import HOOGTE, INKT, PAD_KLEUR, year_axis

BAR = "#4a6fa5"


def increase_against_inflation(reeks: Reeks, statuses: dict[int, str], title: str) -> go.Figure:
    """``statuses``: the monitor's status per year (a bar without one is drawn neutral)."""
    fig = go.Figure()
    rows = reeks.reeks
    if rows.empty:
        return empty(fig, f"{title}: geen gegevens")
    years = [int(j) for j in rows["jaar"]]
    fig.add_bar(
        x=years,
        y=rows["stijging"],
        name="huursomstijging",
        marker_color=[STATUS_KLEUREN.get(statuses.get(j), BAR) for j in years],
        text=[fmt.pct(v) for v in rows["stijging"]],
        textposition="outside",
        customdata=[fmt.num(w) for w in rows["woningen"]],
        hovertemplate="%{x}: %{y:.1%} over %{customdata} woningen<extra></extra>",
    )
    fig.add_scatter(
        x=years,
        y=rows["inflatie"],
        mode="lines+markers",
        name="inflatie (CPI, jaar ervoor)",
        line={"color": INKT, "width": 3},
        hovertemplate="inflatie %{y:.1%}<extra></extra>",
    )
    if reeks.jaren > 1:
        fig.add_scatter(
            x=years,
            y=rows["gemiddelde_stijging"],
            mode="lines",
            name=f"stijging, gemiddeld over {reeks.jaren} jaar",
            line={"color": BAR, "width": 3, "dash": "dash"},
        )
        fig.add_scatter(
            x=years,
            y=rows["gemiddelde_inflatie"],
            mode="lines",
            name=f"inflatie, gemiddeld over {reeks.jaren} jaar",
            line={"color": PAD_KLEUR, "width": 3, "dash": "dot"},
        )
    return layout(
        fig,
        title,
        xaxis=year_axis(years),
        yaxis={"tickformat": ".1%", "title": "stijging per jaar", "rangemode": "tozero"},
        height=HOOGTE,
    )
