"""The label distribution as a figure: 100% stacked bars in the official label colours
(:data:`prestatie.referentie.labels.KLEUREN`), onbekend apart on top."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from prestatie import fmt
from prestatie.charts import FONT, empty, layout
from prestatie.charts.style import HOOGTE, inside_text
from prestatie.duurzaamheid.labelverdeling import label_shares
from prestatie.referentie import labels


def label_distribution(counts: pd.DataFrame, title: str) -> go.Figure:
    """100% stacked bars per corporatie (and gemeente) and peildatum, best label at the bottom;
    onbekend on top in grey with hatching and its count written above each bar."""
    fig = go.Figure()
    if counts.empty:
        return empty(fig, f"{title}: geen gegevens")
    shares = label_shares(counts)
    index = counts.index.to_frame(index=False)
    x = [
        fmt.figure_texts(index["corporatie"] + " " + index["gemeente"]),
        [fmt.datum(p) for p in index["peildatum"]],
    ]
    for klasse in labels.ALLE:
        if not counts[klasse].any():
            continue
        kleur = labels.KLEUREN[klasse]
        onbekend = klasse == labels.ONBEKEND
        fig.add_bar(
            x=x,
            y=shares[klasse].tolist(),
            name=f"{klasse} (apart)" if onbekend else klasse,
            marker={
                "color": kleur,
                "line": {"width": 0.5, "color": "#ffffff"},
                "pattern": {"shape": "/", "fgcolor": "#ffffff"} if onbekend else {},
            },
            **inside_text(
                [fmt.pct(v, 0) if v >= 0.06 else "" for v in shares[klasse]], kleur, size=FONT - 2
            ),
            insidetextanchor="middle",
            customdata=[
                [fmt.pct(v), fmt.num(n)]
                for v, n in zip(shares[klasse], counts[klasse], strict=True)
            ],
            hovertemplate=(
                f"{klasse}: %{{customdata[0]}} (%{{customdata[1]}} woningen)<extra></extra>"
            ),
        )
    fig.add_scatter(
        x=x,
        y=[1.015] * len(counts),
        mode="text",
        text=[f"? {fmt.num(n)}" for n in counts[labels.ONBEKEND]],
        textposition="top center",
        textfont={"size": FONT - 3, "color": "#555555"},
        name="aantal met label onbekend",
        hoverinfo="skip",
        showlegend=False,
    )
    return layout(
        fig,
        title,
        barmode="stack",
        bargap=0.15,
        height=HOOGTE,
        yaxis={"tickformat": ".0%", "range": [0, 1.09], "title": "aandeel van alle woningen"},
    ).update_layout(
        # beside the bars, best label at the bottom as in the stack
        legend={"orientation": "v", "x": 1.01, "y": 1, "yanchor": "top", "traceorder": "reversed"},
        xaxis={"automargin": True},
    )
