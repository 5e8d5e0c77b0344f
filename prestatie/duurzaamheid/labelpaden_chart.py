"""The paths of the label targets as figures: shares against the fasering, the mean label, a
count going to zero and homes that reached a label, each against its milestones
(:mod:`prestatie.duurzaamheid.mijlpalen_chart`).

Bars carry the official label colours (:data:`prestatie.referentie.labels.KLEUREN`); the paths come
from :func:`prestatie.duurzaamheid.labelpaden.paden`, nothing is computed here beyond placing them.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from prestatie import fmt
from prestatie.charts import FONT, empty, layout
from prestatie.charts.style import HOOGTE, PAD_KLEUR, inside_text, year_axis
from prestatie.duurzaamheid.labelpaden import Pad, cumulative, group_name, path_to_zero, rank_limit
from prestatie.duurzaamheid.mijlpalen_chart import marker_legend, milestones
from prestatie.referentie import labels

PANELEN_PER_RIJ = 2


def group_colour(klassen: tuple[str, ...] | list[str]) -> str:
    """The colour of a label group: that of its worst class (D, E, F, G is red)."""
    return labels.KLEUREN[max(klassen, key=labels.rank)]


def _years(pad: Pad) -> list[int]:
    """The measured years and the milestones' years of a path."""
    return [*pad.gemeten["jaar"], *pad.mijlpalen["tot"]]


# ---- share targets: small multiples, one panel per label group --------------------------------


def share_paths(pads: list[Pad], title: str) -> go.Figure:
    """One panel per aandeel_label target: the realised share per year as bars in the group's
    colour; each milestone as a target line across its year in the status colour with a
    triangle for min or max beside it; a dotted line through the milestones is the agreed
    path."""
    if not pads:
        return layout(go.Figure(), f"{title}: geen doelen")
    cols = min(len(pads), PANELEN_PER_RIJ)
    rows = math.ceil(len(pads) / cols)
    fig = make_subplots(
        rows=rows,
        cols=cols,
        subplot_titles=[fmt.figure_text(f"label {group_name(p)}") for p in pads],  # the file's
        horizontal_spacing=0.08,
        vertical_spacing=0.16 if rows > 1 else 0.1,
    )
    for i, pad in enumerate(pads):
        row, col = divmod(i, cols)
        _share_panel(fig, pad, row + 1, col + 1, first=i == 0)
    marker_legend(fig, pd.concat([p.mijlpalen for p in pads], ignore_index=True))
    fig.update_annotations(font={"size": FONT})
    fig.update_xaxes(**year_axis(y for p in pads for y in _years(p)))
    fig.update_yaxes(tickformat=".0%", rangemode="tozero")
    height = 420 * rows + 160
    return layout(fig, title, height=height, bargap=0.3).update_layout(
        legend={"y": -60 / height, "yanchor": "top"}
    )


def _share_panel(fig: go.Figure, pad: Pad, row: int, col: int, first: bool) -> None:
    gemeten = pad.gemeten
    kleur = group_colour(pad.doel.params["labels"])
    fig.add_bar(
        x=gemeten["jaar"],
        y=gemeten["waarde"],
        name="gerealiseerd",
        marker_color=kleur,
        **inside_text([fmt.pct(v) for v in gemeten["waarde"]], kleur, size=FONT - 2),
        insidetextanchor="start",
        customdata=[
            [fmt.num(d), fmt.num(t), fmt.num(u)]
            for d, t, u in zip(gemeten["deel"], gemeten["totaal"], gemeten["onbekend"], strict=True)
        ],
        hovertemplate=(
            "%{x}: %{text} (%{customdata[0]} van %{customdata[1]} woningen; "
            "%{customdata[2]} onbekend)<extra></extra>"
        ),
        showlegend=first,
        legendgroup="gerealiseerd",
        row=row,
        col=col,
    )
    milestones(fig, pad.mijlpalen, fmt.pct, legend=first, row=row, col=col)


# ---- mean label --------------------------------------------------------------------------------


def mean_label(pad: Pad, title: str) -> go.Figure:
    """The ordinal mean label per year (better is up) against the limit of the norm class."""
    fig = go.Figure()
    gemeten = pad.gemeten.dropna(subset=["rang"])
    if gemeten.empty:
        return empty(fig, f"{title}: geen gegevens")
    norm = pad.mijlpalen["norm"].iloc[-1]
    limit = rank_limit(norm)
    fig.add_scatter(
        x=gemeten["jaar"],
        y=gemeten["rang"],
        mode="lines+markers+text",
        name="gemiddeld label",
        line={"color": labels.KLEUREN[norm], "width": 4},
        marker={"size": 14, "color": [labels.KLEUREN[k] for k in gemeten["waarde"]]},
        text=[
            f"{k} ({fmt.num(r, 2)})"
            for k, r in zip(gemeten["waarde"], gemeten["rang"], strict=True)
        ],
        textposition="top center",
        hovertemplate="%{x}: gemiddelde rang %{y:.2f}<extra></extra>",
    )
    fig.add_hline(
        y=limit,
        line={"dash": "dash", "color": PAD_KLEUR},
        annotation_text=f"gemiddeld {norm} of beter: rang onder {fmt.num(limit, 1)}",
        annotation_position="bottom left",
        annotation_font={"size": FONT - 2},
    )
    milestones(
        fig, pad.mijlpalen, lambda n: f"{n} of beter", y=[limit] * len(pad.mijlpalen), path=False
    )
    marker_legend(fig, pad.mijlpalen)
    ranks = [*gemeten["rang"], limit]
    low, high = math.floor(min(ranks)) - 1, math.ceil(max(ranks)) + 1
    ticks = [r for r in range(len(labels.KLASSEN)) if low <= r <= high]
    return layout(
        fig,
        title,
        height=HOOGTE - 80,
        xaxis=year_axis([*gemeten["jaar"], *pad.mijlpalen["tot"]]),
        yaxis={
            "range": [high, low],  # better labels (lower rank) at the top
            "tickvals": ticks,
            "ticktext": [labels.KLASSEN[r] for r in ticks],
            "title": "gemiddeld label (labelvolgorde)",
        },
    )


# ---- a count going to zero ---------------------------------------------------------------------


def to_zero(pad: Pad, title: str) -> go.Figure:
    """Homes per class of the group per year (stacked, label colours), the straight path from
    the first measurement to the norm at the deadline, and the milestone in its status colour."""
    fig = go.Figure()
    gemeten = pad.gemeten
    if gemeten.empty:
        return empty(fig, f"{title}: geen gegevens")
    for klasse in pad.doel.params["labels"]:
        fig.add_bar(
            x=gemeten["jaar"],
            y=gemeten[klasse],
            name=klasse,
            marker_color=labels.KLEUREN[klasse],
            **inside_text([fmt.num(v) for v in gemeten[klasse]], labels.KLEUREN[klasse]),
            hovertemplate=f"%{{x}}: %{{y}} woningen met label {klasse}<extra></extra>",
        )
    fig.add_scatter(
        x=gemeten["jaar"],
        y=gemeten["waarde"],
        mode="text",
        text=[fmt.num(v) for v in gemeten["waarde"]],
        textposition="top center",
        textfont={"size": FONT},
        showlegend=False,
        hoverinfo="skip",
    )
    path = path_to_zero(pad)
    fig.add_scatter(
        x=path["jaar"],
        y=path["aantal"],
        mode="lines",
        line={"dash": "dash", "color": PAD_KLEUR, "width": 3},
        name="recht pad naar de norm",
        hoverinfo="skip",
    )
    milestones(fig, pad.mijlpalen, fmt.num, path=False)
    marker_legend(fig, pad.mijlpalen)
    return layout(
        fig,
        title,
        barmode="stack",
        height=HOOGTE - 40,
        xaxis=year_axis(_years(pad)),
        yaxis={"title": "aantal woningen", "rangemode": "tozero"},
    )


# ---- homes that reached a label ----------------------------------------------------------------


def jumps(pad: Pad, title: str) -> go.Figure:
    """Homes that reached the label per year (bars) and, per norm period, the running total
    (line) against the norm at the period's end (marker in its status colour)."""
    fig = go.Figure()
    gemeten = pad.gemeten
    minimum = pad.doel.params["label"]
    fig.add_bar(
        x=gemeten["jaar"],
        y=gemeten["waarde"],
        name=f"in het jaar naar {minimum} of beter",
        marker_color=labels.KLEUREN[minimum],
        **inside_text([fmt.num(v) for v in gemeten["waarde"]], labels.KLEUREN[minimum]),
        hovertemplate="%{x}: %{y:,.0f} woningen<extra></extra>",
    )
    for periode, rows in cumulative(pad).groupby("periode", sort=False):
        if rows["jaar"].nunique() > 1:
            fig.add_scatter(
                x=rows["jaar"],
                y=rows["totaal"],
                mode="lines+markers+text",
                # the first point is the bar below it; write only what was added up
                text=["", *(fmt.num(v) for v in rows["totaal"].iloc[1:])],
                textposition="top left",
                line={"color": "#1f3b73", "width": 3},
                name=f"opgeteld {periode}",
            )
    mijlpalen = pad.mijlpalen
    milestones(
        fig,
        mijlpalen,
        fmt.num,
        path=False,
        text=[
            f"{fmt.num(n)} in {p}"
            for n, p in zip(mijlpalen["norm"], mijlpalen["periode"], strict=True)
        ],
    )
    marker_legend(fig, mijlpalen)
    return layout(
        fig,
        title if not gemeten.empty else f"{title}: geen gegevens",
        height=HOOGTE - 40,
        xaxis=year_axis(_years(pad), right=1.4),
        yaxis={"title": "aantal woningen", "rangemode": "tozero"},
    )
