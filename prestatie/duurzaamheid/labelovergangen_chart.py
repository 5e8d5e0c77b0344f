"""Label transitions between two peildata as a Sankey: labels on the first peildatum left,
on the second right, best label on top, in the official label colours."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from prestatie import fmt
from prestatie.charts import FONT, empty, layout
from prestatie.charts.style import HOOGTE
from prestatie.duurzaamheid.labelovergangen import (
    BETER,
    GELIJK,
    ONVERGELIJKBAAR,
    ORDER,
    SLECHTER,
    kind,
)
from prestatie.referentie import labels

OVERGANG_KLEUREN = {
    BETER: "rgba(26, 127, 55, 0.45)",
    GELIJK: "rgba(158, 158, 158, 0.35)",
    SLECHTER: "rgba(198, 40, 40, 0.55)",
    ONVERGELIJKBAAR: "rgba(158, 158, 158, 0.35)",
}
BUITEN_BEZIT_KLEUR = "#5d4037"  # a home that left or came: node
BUITEN_BEZIT_STROOM = "rgba(93, 64, 55, 0.35)"  # and its flow


def transitions(counts: pd.DataFrame, van, naar, title: str) -> go.Figure:
    """Sankey from the labels on ``van`` (left) to those on ``naar`` (right), best label on top;
    a flow to a better label is green, to a worse one red, unchanged grey; homes that left or
    came are brown."""
    fig = go.Figure()
    if counts.empty:
        return empty(fig, f"{title}: geen woningen op deze peildata")
    left_sizes = counts.groupby("label_van")["aantal"].sum()
    right_sizes = counts.groupby("label_naar")["aantal"].sum()
    left = [k for k in ORDER if k in left_sizes.index]
    right = [k for k in ORDER if k in right_sizes.index]
    links = [
        OVERGANG_KLEUREN.get(kind(a, b), BUITEN_BEZIT_STROOM)
        for a, b in zip(counts["label_van"], counts["label_naar"], strict=True)
    ]
    fig.add_trace(
        go.Sankey(
            arrangement="fixed",
            node={
                "label": [*left, *right],
                "color": [labels.KLEUREN.get(k, BUITEN_BEZIT_KLEUR) for k in (*left, *right)],
                "x": [0.001] * len(left) + [0.999] * len(right),
                "y": _stacked_centres(left_sizes[left]) + _stacked_centres(right_sizes[right]),
                "pad": 10,
                "thickness": 24,
                "line": {"color": "#444444", "width": 0.5},
                "hovertemplate": "%{label}: %{value:,.0f} woningen<extra></extra>",
            },
            link={
                "source": [left.index(a) for a in counts["label_van"]],
                "target": [len(left) + right.index(b) for b in counts["label_naar"]],
                "value": counts["aantal"].tolist(),
                "color": links,
                "hovertemplate": (
                    "%{source.label} → %{target.label}: %{value:,.0f} woningen<extra></extra>"
                ),
            },
            textfont={"size": FONT - 2},
        )
    )
    for x, anchor, day in ((0, "left", van), (1, "right", naar)):
        fig.add_annotation(
            x=x,
            y=1.06,
            xref="paper",
            yref="paper",
            xanchor=anchor,
            showarrow=False,
            text=f"<b>{fmt.datum(day)}</b>",
            font={"size": FONT},
        )
    return layout(fig, title, height=HOOGTE + 80).update_layout(margin={"t": 100})


def _stacked_centres(sizes: pd.Series) -> list[float]:
    """Vertical node centres (0 top .. 1 bottom) in the given order, proportional to size."""
    total = float(sizes.sum()) or 1.0
    out, top = [], 0.0
    for size in sizes:
        share = float(size) / total
        out.append(min(max(top + share / 2, 0.001), 0.999))
        top += share
    return out
