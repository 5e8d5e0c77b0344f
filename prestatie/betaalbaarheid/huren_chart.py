"""Figures of the Betaalbaarheid page: the rent distribution with the limits, the share per
corporatie against the norm, its trend over the peildata, and the split per kern.

The figures take what they draw as parameters (the homes per rent as DuckDB counted them and the
name of the rent column, the
frames of :mod:`prestatie.betaalbaarheid.huuraandelen` and
:mod:`prestatie.betaalbaarheid.huurverdeling`), so a choice among several rent columns can be wired
to them without changing them. Status colours are those of the scorecard.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from prestatie import fmt
from prestatie.beoordeling import scorecard
from prestatie.beoordeling.status import BEHAALD, NIET_BEHAALD, STATUS_KLEUREN, STATUSES
from prestatie.betaalbaarheid import huurverdeling, texts
from prestatie.charts import FONT, empty, layout

BAR = "#4a6fa5"
LIMIT = "#c62828"
DOCUMENT = "#5d4037"
NORM = "#222222"
NEUTRAL = "#4a6fa5"  # a measured point the monitor did not judge (no norm that year)
SCOPE_LINES = ("#37474f", "#7e57c2", "#00838f", "#6d4c41", "#546e7a")


def _colour(status: str | None) -> str:
    return STATUS_KLEUREN.get(status, NEUTRAL) if isinstance(status, str) else NEUTRAL


def rent_distribution(
    bins: pd.DataFrame,
    lijnen: list[huurverdeling.Grenslijn],
    titel: str,
    huurkolom: str = texts.HUURKOLOM,
    cumulatief: bool = False,
    breedte: int = 25,
) -> go.Figure:
    """Homes per rent band (or the cumulative share) with a labelled line at each limit."""
    fig = go.Figure()
    if cumulatief:
        curve = huurverdeling.cumulative(bins)
        fig.add_scatter(
            x=curve["huur"],
            y=curve["aandeel"],
            mode="lines",
            line={"shape": "hv", "width": 4, "color": BAR},
            name="aandeel t/m deze huur",
            customdata=[
                f"{fmt.euro(h)}: {fmt.pct(a)}"
                for h, a in zip(curve.huur, curve.aandeel, strict=True)
            ],
            hovertemplate="%{customdata} van de woningen t/m deze huur<extra></extra>",
        )
        yaxis = {
            "title": "aandeel woningen t/m deze huur",
            "tickformat": ".0%",
            "tickvals": [0, 0.2, 0.4, 0.6, 0.8, 1.0],
            "range": [0, 1.3],  # room above 100% for the labels of the limits
        }
    else:
        bands = huurverdeling.histogram(bins, breedte)
        fig.add_bar(
            x=bands["van"] + breedte / 2,
            y=bands["aantal"],
            width=breedte,
            marker={"color": BAR, "line": {"color": "white", "width": 1}},
            name="woningen",
            customdata=[
                f"{fmt.euro(v)} tot {fmt.euro(t)}: {fmt.aantal_woningen(round(n))}"
                for v, t, n in zip(bands.van, bands.tot, bands.aantal, strict=True)
            ],
            hovertemplate="%{customdata}<extra></extra>",
        )
        top = float(bands["aantal"].max()) if len(bands) else 1.0
        yaxis = {"title": "aantal woningen", "range": [0, top * 1.7]}
    _limit_lines(fig, lijnen, bins)
    return layout(
        fig,
        titel,
        xaxis={"title": fmt.figure_text(f"huur per maand ({huurkolom})"), "tickprefix": "€ "},
        yaxis=yaxis,
        bargap=0,
        showlegend=False,
        height=560,
    )


def _limit_lines(fig: go.Figure, lijnen: list[huurverdeling.Grenslijn], bins: pd.DataFrame) -> None:
    amounts = [float(line.bedrag) for line in lijnen]
    rents = bins["van_cent"].dropna()
    values = ([float(rents.min()) / 100, float(rents.max()) / 100] if len(rents) else []) + amounts
    if not values:
        return
    lo, hi = min(values), max(values)
    right_edge = hi - (hi - lo) * 0.3
    shapes, notes = [], []
    for i, line in enumerate(lijnen):
        x = float(line.bedrag)
        colour = DOCUMENT if line.document else LIMIT
        shapes.append(  # what add_vline draws, given at once (add_vline costs ~10 ms a line)
            {
                "type": "line",
                "xref": "x",
                "yref": "y domain",
                "x0": x,
                "x1": x,
                "y0": 0,
                "y1": 1,
                "line": {"dash": "dot" if line.document else "dash", "color": colour, "width": 3},
            }
        )
        notes.append(
            {
                "x": x,
                "yref": "paper",
                "y": 1 - (i % 4) * 0.1,
                "yanchor": "top",
                "showarrow": False,
                "xanchor": "right" if x > right_edge else "left",
                "align": "right" if x > right_edge else "left",
                "font": {"size": FONT, "color": colour},
                "bgcolor": "rgba(255,255,255,0.85)",
                "text": line.tekst,
            }
        )
    fig.update_layout(
        shapes=[*fig.layout.shapes, *shapes], annotations=[*fig.layout.annotations, *notes]
    )


def share_against_norm(stand: pd.DataFrame, richting: str, titel: str) -> go.Figure:
    """Per scope (corporatie) a horizontal bar of the share, coloured by the monitor's status,
    with the share, the homes and the gap written on it and the norm as a line."""
    fig = go.Figure()
    rows = stand.dropna(subset=["waarde"])
    if rows.empty:
        return empty(fig, f"{titel}: geen gegevens")
    scopes = fmt.figure_texts(rows["scope"])
    fig.add_bar(
        y=scopes,
        x=rows["waarde"],
        orientation="h",
        marker_color=[_colour(s) for s in rows["status"]],
        customdata=[texts.status_text(s, n) for s, n in zip(rows.status, rows.norm, strict=True)],
        hovertemplate="%{y}: %{x:.1%} (%{customdata})<extra></extra>",
        name="aandeel",
    )
    norms = sorted({float(n) for n in rows["norm"] if n is not None and not pd.isna(n)})
    for scope, r in zip(scopes, rows.itertuples(), strict=True):
        inside = r.waarde >= 0.5
        gap = scorecard.gap_sentence("aandeel_huur", r.tekort, richting)
        fig.add_annotation(
            x=0.01 if inside else max([r.waarde, *norms]) + 0.015,
            y=scope,
            xanchor="left",
            align="left",
            showarrow=False,
            font={"size": FONT + 2, "color": "white" if inside else NORM},
            text=f"<b>{fmt.pct(r.waarde)}</b> · {fmt.num(r.deel)} van {fmt.num(r.totaal)}"
            + (f"<br>{gap}" if gap else ""),
        )
    for norm in norms:
        _norm_line(fig, norm, richting)
    return layout(
        fig,
        titel,
        xaxis={"tickformat": ".0%", "range": [0, 1.0], "title": "aandeel woningen onder de grens"},
        yaxis={"autorange": "reversed", "tickfont": {"size": FONT + 2}},
        showlegend=False,
        height=190 + 80 * len(rows),
    ).update_layout(margin={"t": 110})


def _norm_line(fig: go.Figure, norm: float, richting: str) -> None:
    fig.add_vline(x=norm, line_color=NORM, line_width=4)
    fig.add_annotation(
        x=norm,
        yref="paper",
        y=1.0,
        yanchor="bottom",
        showarrow=False,
        font={"size": FONT + 2, "color": NORM},
        text=f"norm {texts.norm_text(norm, richting)}",
    )


def trend(trend_: pd.DataFrame, norms: pd.DataFrame, titel: str) -> go.Figure:
    """Per scope a line over the verslagjaren with its points in the monitor's status colours,
    and the norm of each year of the agreement (``norms``: jaar, norm) as a dashed line named
    'norm'."""
    fig = go.Figure()
    if trend_.empty:
        return empty(fig, f"{titel}: geen gegevens")
    for i, (scope, rows) in enumerate(trend_.groupby("scope", sort=True)):
        rows = rows.sort_values("jaar")
        colour = SCOPE_LINES[i % len(SCOPE_LINES)]
        fig.add_scatter(
            x=rows["jaar"],
            y=rows["waarde"],
            mode="lines",
            name=fmt.figure_text(scope),
            line={"color": colour, "width": 4},
            hoverinfo="skip",
        )
        fig.add_scatter(
            x=rows["jaar"],
            y=rows["waarde"],
            mode="markers+text",
            showlegend=False,
            marker={
                "size": 20,
                "color": [_colour(s) for s in rows["status"]],
                "line": {"color": "white", "width": 2},
            },
            text=[fmt.pct(v) for v in rows["waarde"]],
            textposition="top center",
            textfont={"size": FONT, "color": colour},
            customdata=[fmt.figure_text(_point_text(scope, r)) for r in rows.itertuples()],
            hovertemplate="%{customdata}<extra></extra>",
        )
    if not norms.empty:
        fig.add_scatter(
            x=norms["jaar"],
            y=norms["norm"].astype(float),
            mode="lines",
            name="norm",
            line={"color": NORM, "width": 4, "dash": "dash", "shape": "hvh"},
            hovertemplate="norm %{x}: %{y:.0%}<extra></extra>",
        )
    for status in STATUSES:
        if status in set(trend_["status"].dropna()):
            fig.add_scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=status,
                marker={"size": 16, "color": STATUS_KLEUREN[status]},
            )
    values = [*trend_["waarde"].dropna(), *norms["norm"].astype(float)]
    lo, hi = max(0.0, min(values) - 0.06), min(1.0, max(values) + 0.06)
    years = sorted({*map(int, trend_["jaar"]), *map(int, norms["jaar"])})
    return layout(
        fig,
        titel,
        xaxis={"tickmode": "array", "tickvals": years, "title": "verslagjaar"},
        yaxis={"tickformat": ".0%", "range": [lo, hi], "title": "aandeel onder de grens"},
        height=540,
    )


def _point_text(scope: str, r) -> str:
    text = (
        f"{scope}, peildatum {fmt.datum(r.peildatum)}: {fmt.pct(r.waarde)} "
        f"({fmt.num(r.deel)} van {fmt.num(r.totaal)}); {texts.status_text(r.status, r.norm)}"
    )
    gap = scorecard.gap_sentence("aandeel_huur", r.tekort)
    return f"{text}; {gap}" if gap else text


def per_kern(kernen: pd.DataFrame, norm: float | None, richting: str, titel: str) -> go.Figure:
    """Per kern a horizontal bar of the share, the weakest on top; green where the kern meets
    the norm, red where it does not, the norm as a line."""
    fig = go.Figure()
    if kernen.empty:
        return empty(fig, f"{titel}: geen kernen in de gegevens")
    colours = [
        NEUTRAL if ok is None else STATUS_KLEUREN[BEHAALD if ok else NIET_BEHAALD]
        for ok in kernen["haalt_norm"]
    ]
    fig.add_bar(
        y=fmt.figure_texts(kernen["naam"]),
        x=kernen["waarde"],
        orientation="h",
        marker_color=colours,
        text=[
            f"{fmt.pct(w)} ({fmt.num(d)} van {fmt.num(t)})"
            for w, d, t in zip(kernen.waarde, kernen.deel, kernen.totaal, strict=True)
        ],
        textposition="auto",
        insidetextanchor="start",
        textfont={"size": FONT},
        customdata=[
            scorecard.gap_sentence("aandeel_huur", g, richting) or "norm gehaald"
            for g in kernen["tekort"]
        ],
        hovertemplate="%{y}: %{x:.1%}; %{customdata}<extra></extra>",
    )
    if norm is not None:
        _norm_line(fig, norm, richting)
    return layout(
        fig,
        titel,
        xaxis={"tickformat": ".0%", "range": [0, 1.0], "title": "aandeel woningen onder de grens"},
        yaxis={"autorange": "reversed", "type": "category", "tickfont": {"size": FONT}},
        showlegend=False,
        height=160 + 38 * len(kernen),
    ).update_layout(margin={"t": 110})
