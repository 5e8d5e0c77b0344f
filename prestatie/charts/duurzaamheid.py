"""Duurzaamheid figures: the label distribution, the paths of the label targets against their
milestones, the energy index and the label transitions between two peildata.

Bars carry the official label colours (:data:`prestatie.labels.KLEUREN`); a target is a marker
in its status colour (:data:`prestatie.monitor.STATUS_KLEUREN`): a triangle pointing up for a
minimum, down for a maximum, on the target's year.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from prestatie import duurzaamheid, fmt, labels
from prestatie.charts import FONT, layout
from prestatie.monitor import STATUS_KLEUREN, STATUSES

HOOGTE = 560
PANELEN_PER_RIJ = 2
SYMBOOL = {"min": "triangle-up", "max": "triangle-down", "band": "diamond"}
RICHTING_WOORD = {"min": "minimaal", "max": "maximaal", "band": "tussen"}
PAD_KLEUR = "#555555"
OVERGANG_KLEUREN = {
    duurzaamheid.BETER: "rgba(26, 127, 55, 0.45)",
    duurzaamheid.GELIJK: "rgba(158, 158, 158, 0.35)",
    duurzaamheid.SLECHTER: "rgba(198, 40, 40, 0.55)",
    duurzaamheid.ONVERGELIJKBAAR: "rgba(158, 158, 158, 0.35)",
}
BUITEN_BEZIT_KLEUR = "#5d4037"


def text_colour(background: str) -> str:
    """Black on a light colour (C, D, E), white on a dark one: by relative luminance."""
    r, g, b = (int(background.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return "#000000" if 0.299 * r + 0.587 * g + 0.114 * b > 0.6 else "#ffffff"


def group_colour(klassen: tuple[str, ...] | list[str]) -> str:
    """The colour of a label group: that of its worst class (D, E, F, G is red)."""
    return labels.KLEUREN[max(klassen, key=labels.rank)]


def _direction_marker(richting: str, statuses) -> dict:
    return {
        "symbol": SYMBOOL.get(richting, "diamond"),
        "size": 18,
        "color": [STATUS_KLEUREN[s] for s in statuses],
        "line": {"width": 1.5, "color": "#222222"},
    }


def _legend(fig: go.Figure, mijlpalen: pd.DataFrame) -> None:
    """Legend entries (empty traces) that explain the target markers: the direction of each
    kind of target present (a black triangle) and the colour of each status present."""
    for richting in dict.fromkeys(mijlpalen["richting"]):
        fig.add_scatter(
            x=[None],
            y=[None],
            mode="markers",
            name=f"doel {RICHTING_WOORD.get(richting, richting)}",
            marker={"symbol": SYMBOOL.get(richting, "diamond"), "size": 16, "color": "#222222"},
            legendgroup="richting",
        )
    for status in STATUSES:
        if status in set(mijlpalen["status"]):
            fig.add_scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=status,
                marker={"symbol": "square", "size": 16, "color": STATUS_KLEUREN[status]},
                legendgroup="status",
            )


# ---- label distribution ----------------------------------------------------------------------


def label_distribution(counts: pd.DataFrame, title: str) -> go.Figure:
    """100% stacked bars per corporatie (and gemeente) and peildatum, best label at the bottom;
    onbekend on top in grey with hatching and its count written above each bar."""
    fig = go.Figure()
    if counts.empty:
        return layout(fig, f"{title}: geen gegevens")
    shares = duurzaamheid.label_shares(counts)
    index = counts.index.to_frame(index=False)
    x = [
        (index["corporatie"] + " " + index["gemeente"]).tolist(),
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
            text=[fmt.pct(v, 0) if v >= 0.06 else "" for v in shares[klasse]],
            textposition="inside",
            textangle=0,
            insidetextanchor="middle",
            textfont={"color": text_colour(kleur), "size": FONT - 2},
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


# ---- share targets: small multiples, one panel per label group --------------------------------


def share_paths(pads: list[duurzaamheid.Pad], title: str) -> go.Figure:
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
        subplot_titles=[f"label {duurzaamheid.group_name(p)}" for p in pads],
        horizontal_spacing=0.08,
        vertical_spacing=0.16 if rows > 1 else 0.1,
    )
    for i, pad in enumerate(pads):
        row, col = divmod(i, cols)
        _share_panel(fig, pad, row + 1, col + 1, first=i == 0)
    _legend(fig, pd.concat([p.mijlpalen for p in pads], ignore_index=True))
    years = [y for p in pads for y in (*p.gemeten["jaar"], *p.mijlpalen["tot"])]
    fig.update_annotations(font={"size": FONT})
    fig.update_xaxes(dtick=1, tickformat="d", range=[min(years) - 0.6, max(years) + 0.7])
    fig.update_yaxes(tickformat=".0%", rangemode="tozero")
    height = 420 * rows + 160
    return layout(fig, title, height=height, bargap=0.3).update_layout(
        legend={"y": -60 / height, "yanchor": "top"}
    )


def _share_panel(fig: go.Figure, pad: duurzaamheid.Pad, row: int, col: int, first: bool) -> None:
    gemeten = pad.gemeten
    kleur = group_colour(pad.doel.params["labels"])
    fig.add_bar(
        x=gemeten["jaar"],
        y=gemeten["waarde"],
        name="gerealiseerd",
        marker_color=kleur,
        text=[fmt.pct(v) for v in gemeten["waarde"]],
        textposition="inside",
        insidetextanchor="start",
        textangle=0,
        textfont={"size": FONT - 2, "color": text_colour(kleur)},
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
    _milestones(fig, pad.mijlpalen, fmt.pct, legend=first, row=row, col=col)


def _milestones(
    fig: go.Figure,
    mijlpalen: pd.DataFrame,
    show,
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
    words = [RICHTING_WOORD.get(r, r) for r in mijlpalen["richting"]]
    customdata = [
        [year, word, show(n), status]
        for year, word, n, status in zip(years, words, mijlpalen["norm"], statuses, strict=True)
    ]
    hover = "doel %{customdata[0]}: %{customdata[1]} %{customdata[2]} (%{customdata[3]})"
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
            "color": [STATUS_KLEUREN[s] for s in statuses],
            "line": {"width": 5, "color": [STATUS_KLEUREN[s] for s in statuses]},
        },
        customdata=customdata,
        hovertemplate=hover + "<extra></extra>",
        cliponaxis=False,
        showlegend=False,
        row=row,
        col=col,
    )
    fig.add_scatter(
        x=[year + 0.42 for year in years],
        y=ys,
        mode="markers+text" if text else "markers",
        text=text,
        textposition="top center",
        textfont={"size": FONT - 2},
        name="richting van het doel",
        marker=_direction_marker(mijlpalen["richting"].iloc[0], statuses),
        customdata=customdata,
        hovertemplate=hover + "<extra></extra>",
        cliponaxis=False,
        showlegend=False,
        row=row,
        col=col,
    )


def _year_range(gemeten: pd.DataFrame, mijlpalen: pd.DataFrame) -> list[float]:
    """The x range over the measured years and the milestones, with room for the triangles."""
    years = [*gemeten["jaar"], *mijlpalen["tot"]]
    return [min(years) - 0.6, max(years) + 0.7]


# ---- mean label --------------------------------------------------------------------------------


def mean_label(pad: duurzaamheid.Pad, title: str) -> go.Figure:
    """The ordinal mean label per year (better is up) against the limit of the norm class."""
    fig = go.Figure()
    gemeten = pad.gemeten.dropna(subset=["rang"])
    if gemeten.empty:
        return layout(fig, f"{title}: geen gegevens")
    norm = pad.mijlpalen["norm"].iloc[-1]
    limit = duurzaamheid.rank_limit(norm)
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
    _milestones(
        fig, pad.mijlpalen, lambda n: f"{n} of beter", y=[limit] * len(pad.mijlpalen), path=False
    )
    _legend(fig, pad.mijlpalen)
    ranks = [*gemeten["rang"], limit]
    low, high = math.floor(min(ranks)) - 1, math.ceil(max(ranks)) + 1
    ticks = [r for r in range(len(labels.KLASSEN)) if low <= r <= high]
    return layout(
        fig,
        title,
        height=HOOGTE - 80,
        xaxis={"dtick": 1, "tickformat": "d", "range": _year_range(gemeten, pad.mijlpalen)},
        yaxis={
            "range": [high, low],  # better labels (lower rank) at the top
            "tickvals": ticks,
            "ticktext": [labels.KLASSEN[r] for r in ticks],
            "title": "gemiddeld label (labelvolgorde)",
        },
    )


# ---- a count going to zero ---------------------------------------------------------------------


def to_zero(pad: duurzaamheid.Pad, title: str) -> go.Figure:
    """Homes per class of the group per year (stacked, label colours), the straight path from
    the first measurement to the norm at the deadline, and the milestone in its status colour."""
    fig = go.Figure()
    gemeten = pad.gemeten
    if gemeten.empty:
        return layout(fig, f"{title}: geen gegevens")
    for klasse in pad.doel.params["labels"]:
        fig.add_bar(
            x=gemeten["jaar"],
            y=gemeten[klasse],
            name=klasse,
            marker_color=labels.KLEUREN[klasse],
            text=[fmt.num(v) for v in gemeten[klasse]],
            textposition="inside",
            textangle=0,
            textfont={"color": text_colour(labels.KLEUREN[klasse])},
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
    path = duurzaamheid.path_to_zero(pad)
    fig.add_scatter(
        x=path["jaar"],
        y=path["aantal"],
        mode="lines",
        line={"dash": "dash", "color": PAD_KLEUR, "width": 3},
        name="recht pad naar de norm",
        hoverinfo="skip",
    )
    _milestones(fig, pad.mijlpalen, fmt.num, path=False)
    _legend(fig, pad.mijlpalen)
    return layout(
        fig,
        title,
        barmode="stack",
        height=HOOGTE - 40,
        xaxis={"dtick": 1, "tickformat": "d", "range": _year_range(gemeten, pad.mijlpalen)},
        yaxis={"title": "aantal woningen", "rangemode": "tozero"},
    )


# ---- homes that reached a label ----------------------------------------------------------------


def jumps(pad: duurzaamheid.Pad, title: str) -> go.Figure:
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
        text=[fmt.num(v) for v in gemeten["waarde"]],
        textposition="inside",
        textangle=0,
        textfont={"color": text_colour(labels.KLEUREN[minimum])},
        hovertemplate="%{x}: %{y} woningen<extra></extra>",
    )
    running = duurzaamheid.cumulative(pad)
    for periode, rows in running.groupby("periode", sort=False):
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
    _milestones(
        fig,
        mijlpalen,
        fmt.num,
        path=False,
        text=[
            f"{fmt.num(n)} in {p}"
            for n, p in zip(mijlpalen["norm"], mijlpalen["periode"], strict=True)
        ],
    )
    _legend(fig, mijlpalen)
    years = [*gemeten["jaar"], *mijlpalen["tot"]]
    return layout(
        fig,
        title if not gemeten.empty else f"{title}: geen gegevens",
        height=HOOGTE - 40,
        xaxis={"dtick": 1, "tickformat": "d", "range": [min(years) - 0.6, max(years) + 1.4]},
        yaxis={"title": "aantal woningen", "rangemode": "tozero"},
    )


# ---- energy index ------------------------------------------------------------------------------


def energy_index(trend: pd.DataFrame, title: str) -> go.Figure:
    """The mean energy index per corporatie and gemeente over the peildata (lower is better),
    labelled with the class of that mean; the hover says how many homes have an index."""
    fig = go.Figure()
    if trend.empty:
        return layout(fig, f"{title}: geen energie-index in de gegevens")
    series = list(trend.groupby(["corporatie", "gemeente"]))
    for i, ((corporatie, gemeente), rows) in enumerate(series):
        fig.add_scatter(
            x=rows["peildatum"],
            y=rows["gemiddelde"],
            mode="lines+markers+text",
            name=f"{corporatie} {gemeente}",
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


# ---- label transitions -------------------------------------------------------------------------


def transitions(counts: pd.DataFrame, van, naar, title: str) -> go.Figure:
    """Sankey from the labels on ``van`` (left) to those on ``naar`` (right), best label on top;
    a flow to a better label is green, to a worse one red, unchanged grey; homes that left or
    came are brown."""
    fig = go.Figure()
    if counts.empty:
        return layout(fig, f"{title}: geen woningen op deze peildata")
    order = (*labels.ALLE, duurzaamheid.NIEUW, duurzaamheid.UIT_BEZIT)
    left_sizes = counts.groupby("label_van")["aantal"].sum()
    right_sizes = counts.groupby("label_naar")["aantal"].sum()
    left = [k for k in order if k in left_sizes.index]
    right = [k for k in order if k in right_sizes.index]
    links = [
        OVERGANG_KLEUREN.get(_kind(a, b), "rgba(93, 64, 55, 0.35)")
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
                "hovertemplate": "%{label}: %{value} woningen<extra></extra>",
            },
            link={
                "source": [left.index(a) for a in counts["label_van"]],
                "target": [len(left) + right.index(b) for b in counts["label_naar"]],
                "value": counts["aantal"].tolist(),
                "color": links,
                "hovertemplate": (
                    "%{source.label} → %{target.label}: %{value} woningen<extra></extra>"
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


def _kind(label_van: str, label_naar: str) -> str | None:
    if duurzaamheid.UIT_BEZIT in (label_van, label_naar) or duurzaamheid.NIEUW in (
        label_van,
        label_naar,
    ):
        return None
    return duurzaamheid.direction(label_van, label_naar)


def _stacked_centres(sizes: pd.Series) -> list[float]:
    """Vertical node centres (0 top .. 1 bottom) in the given order, proportional to size."""
    total = float(sizes.sum()) or 1.0
    out, top = [], 0.0
    for size in sizes:
        share = float(size) / total
        out.append(min(max(top + share / 2, 0.001), 0.999))
        top += share
    return out
