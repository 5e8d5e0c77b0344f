"""Data -> plotly figures: the shared ones here, one module per theme beside it.

Large fonts and plain colours so a chart reads from the back of a room; status colours are
those of the scorecard (:data:`prestatie.beoordeling.status.STATUS_KLEUREN`); label colours the
official ones (:data:`prestatie.referentie.labels.KLEUREN`).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from prestatie import fmt
from prestatie.beoordeling.status import STATUS_KLEUREN, STATUSES
from prestatie.referentie import huurgrenzen, labels

FONT = 16

# The house template: plotly_white's layout (white background, light grid) without its defaults
# per trace type. Every figure starts from the default template, and building the full one
# cost ~12 ms a figure (a page has dozens); this one costs a fraction of a millisecond.
TEMPLATE = "prestatie"
pio.templates[TEMPLATE] = go.layout.Template(layout=pio.templates["plotly_white"].layout)
pio.templates.default = TEMPLATE


def layout(fig: go.Figure, title: str, **kw) -> go.Figure:
    """The house style: large type, Dutch separators, white background; ``kw`` overrides.
    The title is shown as text (:func:`prestatie.fmt.figure_text`): it may hold an agreement's
    or a corporation's name."""
    settings = {
        "title": {"text": fmt.figure_text(title), "font": {"size": FONT + 4}},
        "font": {"size": FONT},
        "separators": ",.",  # Dutch: decimal comma, thousands dot
        "margin": {"l": 10, "r": 10, "t": 60, "b": 10},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": -0.3},
    }
    fig.update_layout(**{**settings, **kw})
    return fig


def empty(fig: go.Figure, title: str) -> go.Figure:
    """A figure that has nothing to show says so in its title, without empty axes (that would
    run from -1 to 6) and without the room a chart takes."""
    return layout(fig, title, xaxis={"visible": False}, yaxis={"visible": False}, height=160)


def status_counts(evaluations: pd.DataFrame, by: str = "document_titel") -> go.Figure:
    """Stacked bars: how many evaluations per status, per document (its title) or corporatie."""
    fig = go.Figure()
    if evaluations.empty:
        return empty(fig, "Geen doelen om te tonen")
    counts = evaluations.groupby([by, "status"]).size().unstack(fill_value=0)
    for status in STATUSES:
        if status in counts.columns:
            fig.add_bar(
                y=fmt.figure_texts(counts.index),
                x=counts[status],
                name=status,
                orientation="h",
                marker_color=STATUS_KLEUREN[status],
                text=counts[status],
                textposition="inside",
            )
    return layout(fig, "Stand van de doelen", barmode="stack", xaxis_title="aantal doelen")


def share_against_norm(evaluations: pd.DataFrame, title: str) -> go.Figure:
    """Horizontal bars: each realised share in its status colour, the norm as a black mark."""
    fig = go.Figure()
    rows = evaluations.dropna(subset=["waarde"])
    if rows.empty:
        return empty(fig, f"{title}: geen gegevens")
    rows = rows.iloc[::-1]  # plotly draws the first bar at the bottom
    names = pd.Series(
        fmt.figure_texts(
            rows["afspraak"] + " · " + rows["corporatie"] + " " + rows["periode"].astype(str)
        ),
        index=rows.index,
    )
    fig.add_bar(
        y=names,
        x=rows["waarde"],
        orientation="h",
        name="gerealiseerd",
        marker_color=[STATUS_KLEUREN[s] for s in rows["status"]],
        text=[f"{fmt.pct(v)} ({s})" for v, s in zip(rows["waarde"], rows["status"], strict=True)],
        textposition="auto",  # outside a bar too short to hold it
        insidetextanchor="start",  # clear of the norm mark at the end of the bar
        hovertemplate="%{y}: %{x:.1%}<extra></extra>",
    )
    bands = rows[rows["norm"].map(lambda n: isinstance(n, tuple))]
    for edge in (0, 1):  # a band (a split of 40% to 60%): a mark at each edge
        fig.add_scatter(
            y=names[bands.index],
            x=[n[edge] for n in bands["norm"]],
            mode="markers",
            name="norm" if edge == 0 else None,
            showlegend=edge == 0 and not bands.empty,
            marker={"symbol": "line-ns-open", "size": 34, "line": {"width": 4}, "color": "#222"},
            hovertemplate="norm %{x:.0%}<extra></extra>",
        )
    norms = rows[rows["norm"].map(lambda n: isinstance(n, float | int))]
    fig.add_scatter(
        y=names[norms.index],
        x=norms["norm"],
        mode="markers",
        name="norm",
        marker={"symbol": "line-ns-open", "size": 34, "line": {"width": 4}, "color": "#222"},
        hovertemplate="norm %{x:.0%}<extra></extra>",
    )
    return layout(
        fig,
        title,
        xaxis={"tickformat": ".0%", "range": [0, 1]},
        height=max(320, 48 * len(rows) + 140),
        bargap=0.25,
    )


def rent_distribution(bins: pd.DataFrame, peildatum, title: str, breedte: int = 25) -> go.Figure:
    """Homes per rent band of ``breedte`` euros (from the homes per rent in cents DuckDB
    counted, ``van_cent`` and ``aantal``) with a labelled vertical line at each limit in force
    on the peildatum."""
    known = bins[bins["van_cent"].notna()]
    band = (known["van_cent"].astype("int64") // (breedte * 100)) * breedte
    bars = known["aantal"].astype(float).groupby(band).sum()
    fig = go.Figure()
    fig.add_bar(
        x=bars.index.to_numpy() + breedte / 2,
        y=bars.to_numpy(),
        width=breedte,
        marker_color="#4a6fa5",
        name="woningen",
        hovertemplate="€ %{x:,.2f}: %{y:,.0f} woningen<extra></extra>",
    )
    limits = huurgrenzen.in_force(peildatum) or {}  # none known for that year: no lines
    for i, (name, amount) in enumerate(limits.items()):
        fig.add_vline(x=float(amount), line_dash="dash", line_color="#c62828")
        fig.add_annotation(
            x=float(amount),
            yref="paper",
            y=1 - i * 0.07,
            showarrow=False,
            xanchor="left",
            font={"size": FONT - 2},
            text=f"{huurgrenzen.naam(name, peildatum.year)} {fmt.euro(amount)}",
        )
    return layout(
        fig,
        title,
        xaxis_title="huur per maand (€)",
        yaxis_title="aantal woningen",
        bargap=0.05,
        showlegend=False,
    )


def label_distribution(vhe: pd.DataFrame, title: str) -> go.Figure:
    """100% stacked bars per corporatie and peildatum in the label colours; onbekend apart."""
    fig = go.Figure()
    if vhe.empty:
        return empty(fig, f"{title}: geen gegevens")
    keys = (vhe["corporatie"] + " " + vhe["peildatum"].map(fmt.datum)).map(fmt.figure_text)
    table = vhe.assign(x=keys).groupby(["x", "label"])["aantal"].sum().unstack(fill_value=0)
    shares = table.div(table.sum(axis=1), axis=0)
    for klasse in labels.ALLE:
        if klasse in shares.columns:
            fig.add_bar(
                x=shares.index,
                y=shares[klasse],
                name=klasse,
                marker_color=labels.KLEUREN[klasse],
                customdata=table[klasse],
                hovertemplate=f"{klasse}: %{{y:.1%}} (%{{customdata}} woningen)<extra></extra>",
            )
    return layout(fig, title, barmode="stack", yaxis={"tickformat": ".0%"})


def jaarschijf(evaluations: pd.DataFrame, title: str) -> go.Figure:
    """Grouped bars: realised against the jaarschijf per year, per corporatie and activity."""
    fig = go.Figure()
    rows = evaluations[evaluations["norm"].map(lambda n: isinstance(n, int | float))]
    if rows.empty:
        return empty(fig, f"{title}: geen gegevens")
    x = [
        fmt.figure_texts(rows["corporatie"]),
        fmt.figure_texts(rows["omschrijving"].str.slice(0, 28) + " " + rows["periode"]),
    ]
    fig.add_bar(x=x, y=rows["norm"], name="afspraak", marker_color="#c9d6ea")
    fig.add_bar(
        x=x,
        y=rows["waarde"].fillna(0),
        name="gerealiseerd",
        marker_color=[STATUS_KLEUREN[s] for s in rows["status"]],
        text=rows["waarde"].map(lambda v: "–" if pd.isna(v) else fmt.num(v)),
        textposition="outside",
    )
    return layout(fig, title, barmode="group", yaxis_title="aantal woningen")


def rows_per_batch(batches: pd.DataFrame) -> go.Figure:
    fig = go.Figure()
    if batches.empty:
        return layout(fig, "Nog geen bestanden ingelezen")
    active = batches[batches["stand"] == "actief"]
    counts = active.groupby(["corporatie", "soort"])["rijen"].sum().unstack(fill_value=0)
    for soort in counts.columns:
        fig.add_bar(x=fmt.figure_texts(counts.index), y=counts[soort], name=soort)
    return layout(fig, "Ingelezen rijen per corporatie", barmode="stack", yaxis_title="rijen")


def register_status(register: pd.DataFrame, titels: dict[str, str] | None = None) -> go.Figure:
    """Agreements per document and status as people set it (niet gestart … vervallen)."""
    fig = go.Figure()
    if register.empty:
        return empty(fig, "Geen afspraken")
    colours = {
        "niet gestart": "#9e9e9e",
        "loopt": "#4a6fa5",
        "gereed": "#1a7f37",
        "vertraagd": "#f0a202",
        "vervallen": "#5d4037",
    }
    counts = register.groupby(["document", "status"]).size().unstack(fill_value=0)
    counts.index = [fmt.figure_text((titels or {}).get(d, d)) for d in counts.index]  # titles
    for status, colour in colours.items():
        if status in counts.columns:
            fig.add_bar(
                y=counts.index,
                x=counts[status],
                name=status,
                orientation="h",
                marker_color=colour,
                text=counts[status],
                textposition="inside",
            )
    return layout(fig, "Afspraken naar status", barmode="stack", xaxis_title="aantal afspraken")


def path_example() -> go.Figure:
    """How 'op koers' is decided, drawn: a share measured in 2022 and 2023 against the straight
    path from the 2021 milestone (60%) to the 2025 norm (80%); 2023 lies above the path."""
    fig = go.Figure()
    fig.add_scatter(
        x=[2021, 2025], y=[0.6, 0.8], mode="lines", line={"dash": "dash", "color": "#555"},
        name="recht pad naar de norm",
    )  # fmt: skip
    fig.add_scatter(
        x=[2021, 2022, 2023], y=[0.6, 0.64, 0.72], mode="lines+markers",
        marker={"size": 12, "color": STATUS_KLEUREN["op koers"]}, name="gemeten",
    )  # fmt: skip
    fig.add_scatter(
        x=[2025], y=[0.8], mode="markers", marker={"size": 16, "symbol": "star", "color": "#222"},
        name="norm op het doelmoment",
    )  # fmt: skip
    return layout(
        fig, "Op koers: de meting ligt op of boven het rechte pad", yaxis_tickformat=".0%",
        xaxis={"dtick": 1}, height=360,
    )  # fmt: skip
