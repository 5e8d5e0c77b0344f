"""The milestones of a label target on its figure: a target line across the target's year in
its status colour (:data:`prestatie.beoordeling.status.STATUS_KLEUREN`) with a triangle beside it,
up for a minimum and down for a maximum, and the legend that explains them."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

from prestatie.beoordeling.status import STATUS_KLEUREN, STATUSES
from prestatie.charts import FONT
from prestatie.charts.style import INKT, PAD_KLEUR

SYMBOOL = {"min": "triangle-up", "max": "triangle-down", "band": "diamond"}
RICHTING_WOORD = {"min": "minimaal", "max": "maximaal", "band": "tussen"}


def milestones(
    fig: go.Figure,
    mijlpalen: pd.DataFrame,
    show: Callable[[object], str],
    *,
    y=None,
    path: bool = True,
    legend: bool = True,
    text: list[str] | None = None,
    row: int | None = None,
    col: int | None = None,
) -> None:
    """Each milestone as a target line across its year in the status colour, with a triangle
    beside it (up: minimum, down: maximum); ``path`` draws the agreed path through them dotted.
    ``show`` writes a norm for the hover; ``y`` places the markers elsewhere than at the norm;
    ``text`` is written beside the triangles."""
    ys = list(mijlpalen["norm"] if y is None else y)
    years = list(mijlpalen["tot"])
    statuses = list(mijlpalen["status"])
    colours = [STATUS_KLEUREN[s] for s in statuses]
    words = [RICHTING_WOORD.get(r, r) for r in mijlpalen["richting"]]
    hover = "doel %{customdata[0]}: %{customdata[1]} %{customdata[2]} (%{customdata[3]})"
    marker_args = {
        "customdata": [
            [year, word, show(n), status]
            for year, word, n, status in zip(years, words, mijlpalen["norm"], statuses, strict=True)
        ],
        "hovertemplate": hover + "<extra></extra>",
        "cliponaxis": False,
        "showlegend": False,
        "row": row,
        "col": col,
    }
    if path:
        fig.add_scatter(
            x=years,
            y=ys,
            mode="lines",
            line={"dash": "dot", "color": PAD_KLEUR, "width": 2},
            name="afgesproken pad",
            hoverinfo="skip",
            showlegend=legend,
            legendgroup="pad",
            row=row,
            col=col,
        )
    fig.add_scatter(
        x=years,
        y=ys,
        mode="markers",
        name="doel",
        marker={
            "symbol": "line-ew",
            "size": 40,
            "color": colours,
            "line": {"width": 5, "color": colours},
        },
        **marker_args,
    )
    fig.add_scatter(
        x=[year + 0.42 for year in years],
        y=ys,
        mode="markers+text" if text else "markers",
        text=text,
        textposition="top center",
        textfont={"size": FONT - 2},
        name="richting van het doel",
        marker={
            "symbol": SYMBOOL.get(mijlpalen["richting"].iloc[0], "diamond"),
            "size": 18,
            "color": colours,
            "line": {"width": 1.5, "color": INKT},
        },
        **marker_args,
    )


def marker_legend(fig: go.Figure, mijlpalen: pd.DataFrame) -> None:
    """Legend entries (empty traces) that explain the target markers: the direction of each
    kind of target present (a black triangle) and the colour of each status present."""
    for richting in dict.fromkeys(mijlpalen["richting"]):
        _legend_entry(
            fig,
            f"doel {RICHTING_WOORD.get(richting, richting)}",
            "richting",
            SYMBOOL.get(richting, "diamond"),
            INKT,
        )
    for status in STATUSES:
        if status in set(mijlpalen["status"]):
            _legend_entry(fig, status, "status", "square", STATUS_KLEUREN[status])


def _legend_entry(fig: go.Figure, name: str, group: str, symbol: str, colour: str) -> None:
    fig.add_scatter(
        x=[None],
        y=[None],
        mode="markers",
        name=name,
        marker={"symbol": symbol, "size": 16, "color": colour},
        legendgroup=group,
    )
