"""A bandwidth target as a figure: the realised change since the base year against the band.

The path comes from :func:`prestatie.voorraad.bandbreedtes.band_path`; nothing is computed here
beyond placing it.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from prestatie import fmt
from prestatie.beoordeling.status import BEHAALD, STATUS_KLEUREN
from prestatie.charts import empty, layout
from prestatie.charts.style import INKT, wrap, year_axis
from prestatie.voorraad.bandbreedtes import Bandpad

BAND_KLEUR = STATUS_KLEUREN[BEHAALD]


def band(pad: Bandpad, title: str) -> go.Figure:
    """The realised change since the base year against the agreed band (straight path to it)."""
    fig = go.Figure()
    if pad.basis is None:
        return empty(fig, f"{title}: geen voorraadgegevens")
    norms = pad.normen
    if not norms.empty:
        _band(fig, pad.basis, norms)
    path = pad.pad
    fig.add_scatter(
        x=path["jaar"],
        y=path["verandering"],
        mode="lines+markers+text",
        line={"color": INKT, "width": 4},
        marker={"size": 12},
        text=[fmt.signed(v) for v in path["verandering"]],
        textposition="bottom right",
        customdata=path["stand"],
        name=f"gerealiseerd sinds eind {pad.basis}",
        hovertemplate="eind %{x}: %{y:+.0f} (stand %{customdata})<extra></extra>",
    )
    fig.add_hline(y=0, line_color="#999", line_width=1)
    return layout(
        fig,
        wrap(title, 60),
        xaxis=year_axis([*path["jaar"], *norms["jaar"]], left=0.3, right=0.6),
        yaxis_title="verandering in woningen",
        height=520,
    )


def _band(fig: go.Figure, basis: int, norms: pd.DataFrame) -> None:
    """The straight path from the base to the final band, and each agreed band as a bar."""
    final = norms.iloc[-1]
    lo, hi = final["laag"], final["hoog"]
    if pd.notna(lo) and pd.notna(hi):
        fig.add_scatter(
            x=[basis, final["jaar"], final["jaar"], basis],
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
                x=[basis, final["jaar"]],
                y=[0, edge],
                mode="lines",
                line={"color": BAND_KLEUR, "width": 1},
                showlegend=False,
                hoverinfo="skip",
            )
    for i, n in enumerate(norms.itertuples(index=False)):
        edges = [v for v in (n.laag, n.hoog) if pd.notna(v)]
        fig.add_scatter(
            x=[n.jaar] * len(edges),
            y=edges,
            mode="lines+markers+text",
            line={"color": BAND_KLEUR, "width": 8},
            marker={"symbol": "line-ew-open", "size": 26, "line": {"width": 3}},
            text=[fmt.signed(v) for v in edges],
            textposition="middle right",
            name="afgesproken bandbreedte",
            legendgroup="band",
            showlegend=i == 0,
            hovertemplate=f"{n.jaar}: %{{y:+.0f}}<extra></extra>",
        )
