"""The slides for an overleg: per chart a title, the figure and one conclusion line.

Built for the selection in the sidebar (gemeente, corporatie, jaar) from the evaluations and
the stock, through the chart functions of :mod:`prestatie.charts`, in the order of the pages:
the state of all targets, betaalbaarheid, duurzaamheid, voorraadontwikkeling, woningzoekenden
(statushouders, zoekduur), leefbaarheid (the classes of the wijken by year). A chart without
data gets no slide (the state of the targets still counts what has none). Figures are made
larger for a projector and lose their own title: the slide carries it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property, partial

import pandas as pd
import plotly.graph_objects as go

from prestatie import charts, fmt
from prestatie.afspraken.schema import Agreement
from prestatie.beoordeling import monitor
from prestatie.beoordeling.selectie import Filters
from prestatie.beoordeling.status import GEEN_GEGEVENS, Evaluation
from prestatie.leefbaarheid import wijken_chart
from prestatie.presenteren import conclusies
from prestatie.referentie.peildatum import as_date

PROJECTOR_FONT = 22
TITLE = "Prestatieafspraken: stand van zaken"


@dataclass(frozen=True)
class Slide:
    """One slide: a stable key, the theme, a title, the figure and its conclusion. The figure
    is made when it is first asked for: the projector shows one slide at a time, and a rerun
    after another selection builds only the slide on screen (the deck asks for all)."""

    key: str
    thema: str
    title: str
    chart: go.Figure | Callable[[], go.Figure]  # the figure, or what makes it
    conclusion: str

    @cached_property
    def figure(self) -> go.Figure:
        return self.chart() if callable(self.chart) else self.chart

    @cached_property
    def on_screen(self) -> go.Figure:
        """The figure as the projector shows it (:func:`fill_height`), made once per slide."""
        return fill_height(self.figure)


@dataclass(frozen=True)
class TitleSlide:
    """What the title slide and the sources slide say about the deck."""

    title: str
    documents: tuple[str, ...]
    gemeente: str
    selection: str
    as_of: date
    sources: pd.DataFrame  # the imports in force for the selection (see :func:`sources`)
    demo: bool


def projector(fig: go.Figure) -> go.Figure:
    """Larger type for the back of the room; no title of its own (the slide has one)."""
    fig.update_layout(
        title={"text": ""},
        font={"size": PROJECTOR_FONT},
        margin={"l": 20, "r": 20, "t": 60, "b": 20},
        # above the plot: below it, large axis labels would run into it
        legend={
            "font": {"size": PROJECTOR_FONT - 2},
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.02,
            "x": 0,
        },
    )
    fig.update_annotations(font={"size": PROJECTOR_FONT - 4})
    return fig


def fill_height(fig: go.Figure) -> go.Figure:
    """A copy of a slide's figure without a height of its own: on the projector it takes the room
    the screen leaves under the title."""
    return go.Figure(fig).update_layout(height=None, autosize=True)


def latest_years(stock: pd.DataFrame) -> dict[str, int]:
    """Per gemeente its latest verslagjaar: the year the rent slide shows."""
    return {gemeente: int(rows["jaar"].max()) for gemeente, rows in _per_gemeente(stock)}


def _latest_peildatum(rows: pd.DataFrame) -> date:
    latest = rows[rows["jaar"] == rows["jaar"].max()]
    return as_date(latest["peildatum"].max())


def slides_for(
    evaluations: list[Evaluation],
    stock: pd.DataFrame,
    rent_bins: dict[str, pd.DataFrame],
    leefbaarheid: pd.DataFrame | None = None,
) -> list[Slide]:
    """Every slide for the selection: ``evaluations`` and ``stock`` are already narrowed to it
    (``dashboard.evaluations`` with filters, ``dashboard.stock``); ``rent_bins`` holds per
    gemeente the homes per rent in its :func:`latest_years` (``dashboard.rent_bins``);
    ``leefbaarheid`` the Leefbaarometer scores (``dashboard.leefbaarheid``), None: none."""
    return [
        *_overview(evaluations),
        *_huren(stock, rent_bins),
        *_per_doel(evaluations, "aandeel_huur", "Betaalbaarheid"),
        *_labels(stock),
        *_per_doel(evaluations, "aandeel_label", "Duurzaamheid"),
        *_jaarschijven(evaluations),
        *_per_doel(evaluations, "aandeel_toewijzing", "Woningzoekenden"),
        *_per_doel(evaluations, "verdeling_toewijzing", "Woningzoekenden"),
        *_per_doel(evaluations, "zoekduur", "Woningzoekenden"),
        *_leefbaarheid(evaluations, leefbaarheid),
    ]


def _leefbaarheid(evaluations: list[Evaluation], scores: pd.DataFrame | None) -> list[Slide]:
    """Per liveability target with a measurement: the classes of the gemeente's wijken (the
    level judged) by year."""
    out = []
    for (document, doel), rows in _groups(evaluations, "leefbaarheid").items():
        if scores is None or all(e.waarde is None for e in rows):
            continue
        own = scores[scores["gemeente"] == rows[0].gemeente]
        level = "wijk" if (own["niveau"] == "wijk").any() else "buurt"
        own = own[own["niveau"] == level]
        names = {
            c: (n if isinstance(n, str) and n else c)
            for c, n in zip(own["code"], own["naam"], strict=True)
        }
        title = f"{rows[0].omschrijving} ({rows[0].gemeente})"
        out.append(
            _slide(
                f"leefbaarheid:{document}:{doel}",
                "Leefbaarheid",
                title,
                partial(wijken_chart.overview, own, title, names),
                conclusies.leefbaarheid(rows),
            )
        )
    return out


def _slide(key: str, theme: str, title: str, make: Callable[[], go.Figure], line: str) -> Slide:
    return Slide(key, theme, title, lambda: projector(make()), line)


def _overview(evaluations: list[Evaluation]) -> list[Slide]:
    if all(e.status == GEEN_GEGEVENS for e in evaluations):
        return []  # nothing measured yet: a chart of grey bars tells a meeting nothing
    frame = monitor.to_frame(evaluations)
    return [
        _slide(
            "stand",
            "Overzicht",
            "Stand van de doelen per corporatie",
            partial(charts.status_counts, frame, by="corporatie"),
            conclusies.stand(evaluations),
        )
    ]


def _groups(evaluations: list[Evaluation], soort: str) -> dict[tuple[str, str], list[Evaluation]]:
    """The evaluations of one kind per (document, doel), in the order of the documents."""
    out: dict[tuple[str, str], list[Evaluation]] = {}
    for e in evaluations:
        if e.soort == soort:
            out.setdefault((e.document, e.doel), []).append(e)
    return out


def _per_doel(evaluations: list[Evaluation], soort: str, theme: str) -> list[Slide]:
    out = []
    for (document, doel), rows in _groups(evaluations, soort).items():
        if all(e.waarde is None for e in rows):
            continue
        title = f"{rows[0].omschrijving} ({rows[0].gemeente})"
        out.append(
            _slide(
                f"{soort}:{document}:{doel}",
                theme,
                title,
                partial(charts.share_against_norm, monitor.to_frame(rows), title),
                conclusies.lettings_target(rows),
            )
        )
    return out


def _per_gemeente(stock: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    if stock.empty:
        return []
    return [(g, rows) for g, rows in stock.groupby("gemeente", sort=True)]


def _whose(rows: pd.DataFrame, gemeente: str) -> str:
    """'Emmen', or 'Lefier in Emmen' when other corporaties of the selection did not report in
    the latest year: a figure of part of a gemeente is not called the gemeente's."""
    present, missing = conclusies.missing_corporaties(rows)
    return f"{conclusies.enumeration(present)} in {gemeente}" if missing else gemeente


def _huren(stock: pd.DataFrame, rent_bins: dict[str, pd.DataFrame]) -> list[Slide]:
    out = []
    for gemeente, rows in _per_gemeente(stock):
        year = int(rows["jaar"].max())
        peil = _latest_peildatum(rows)
        title = f"Huren tegen de huurgrenzen, {_whose(rows, gemeente)}, eind {year}"
        out.append(
            _slide(
                f"huren:{gemeente}",
                "Betaalbaarheid",
                title,
                partial(charts.rent_distribution, rent_bins[gemeente], peil, title),
                conclusies.huurverdeling(rows),
            )
        )
    return out


def _labels(stock: pd.DataFrame) -> list[Slide]:
    out = []
    for gemeente, rows in _per_gemeente(stock):
        title = f"Energielabels per corporatie en peildatum, {_whose(rows, gemeente)}"
        out.append(
            _slide(
                f"labels:{gemeente}",
                "Duurzaamheid",
                title,
                partial(charts.label_distribution, rows, title),
                conclusies.labelverdeling(rows),
            )
        )
    return out


def _jaarschijven(evaluations: list[Evaluation]) -> list[Slide]:
    """Per gemeente the jaarschijven of the latest year with a judgement (the chart shows the
    targets with one number as norm, so the conclusion counts those)."""
    rows = [
        e
        for e in evaluations
        if e.soort == "jaarschijf" and isinstance(e.norm, int | float) and e.waarde is not None
    ]
    out = []
    for gemeente in sorted({e.gemeente for e in rows}):
        mine = [e for e in rows if e.gemeente == gemeente]
        judged = [e.jaar for e in mine if e.status != GEEN_GEGEVENS]
        if not judged:
            continue
        year = max(judged)
        shown = [e for e in mine if e.jaar == year]
        title = f"Jaarschijven {gemeente} {year}: gerealiseerd tegen de afspraak"
        frame = monitor.to_frame(shown)
        frame["omschrijving"] = frame["omschrijving"].map(_short)
        out.append(
            _slide(
                f"jaarschijf:{gemeente}",
                "Voorraadontwikkeling",
                title,
                partial(charts.jaarschijf, frame, title),
                conclusies.jaarschijven(shown),
            )
        )
    return out


def _short(omschrijving: str) -> str:
    """ "Jaarschijf Lefier: nieuwbouw" -> "nieuwbouw": the chart groups by corporatie already."""
    head, sep, rest = omschrijving.partition(": ")
    return rest if sep and head.startswith("Jaarschijf ") else omschrijving


# ---- the title slide and the sources ----------------------------------------------------------


def selection_text(filters: Filters) -> str:
    """ "Borger-Odoorn · Lefier · 2024" or "alle gemeenten · alle corporaties · alle jaren"."""
    return " · ".join(
        (
            filters.gemeente or "alle gemeenten",
            filters.corporatie or "alle corporaties",
            str(filters.jaar) if filters.jaar else "alle jaren",
        )
    )


def sources(batches: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The imports in force for the selection, as people read them (newest first)."""
    rows = in_selection(batches[batches["stand"] == "actief"], filters)
    return pd.DataFrame(
        {
            "Import": [int(i) for i in rows["id"]],
            "Bestand": list(rows["bestand"]),
            "Soort": list(rows["soort"]),
            "Corporatie": [_text(v) for v in rows["corporatie"]],
            "Gemeente": [_text(v) for v in rows["gemeente"]],
            "Peildatum of jaren": [_when(r) for r in rows.itertuples()],
            "Rijen": [fmt.num(n) for n in rows["rijen"]],
            "Ingelezen": [fmt.datum(_day(d)) for d in rows["ingelezen"]],
        },
        columns=[
            "Import",
            "Bestand",
            "Soort",
            "Corporatie",
            "Gemeente",
            "Peildatum of jaren",
            "Rijen",
            "Ingelezen",
        ],
    )


def in_selection(batches: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The imports that concern the selection; one without a gemeente (a bezitstabel over
    several) concerns every gemeente."""
    rows = batches
    for column, wanted in (("gemeente", filters.gemeente), ("corporatie", filters.corporatie)):
        if wanted:
            rows = rows[rows[column].isna() | (rows[column] == wanted)]
    return rows


def _text(value) -> str:
    return fmt.MISSING if pd.isna(value) else str(value)


def _day(value) -> date | None:
    return None if pd.isna(value) else pd.Timestamp(value).date()


def _when(row) -> str:
    if not pd.isna(row.peildatum):
        return fmt.datum(_day(row.peildatum))
    if pd.isna(row.jaar_van):
        return fmt.MISSING
    first, last = int(row.jaar_van), int(row.jaar_tot)
    return str(first) if first == last else f"{first}-{last}"


def sources_text(sources: pd.DataFrame) -> str:
    """One line for the title slide: how many files from whom."""
    if sources.empty:
        return "Geen ingelezen bestanden voor deze selectie."
    corporaties = sorted(set(sources["Corporatie"]) - {fmt.MISSING})
    n = len(sources)
    files = "1 ingelezen bestand" if n == 1 else f"{n} ingelezen bestanden"
    return f"Gegevens: {files} van {conclusies.enumeration(corporaties)} (zie de laatste dia's)."


def title_slide(
    agreements: list[Agreement],
    evaluations: list[Evaluation],
    filters: Filters,
    today: date,
    batches: pd.DataFrame,
) -> TitleSlide:
    """The title slide of the selection: the documents whose targets are shown."""
    shown = {e.document for e in evaluations}
    documents = [
        a.document
        for a in agreements
        if a.document.id in shown or (not shown and filters.gemeente in (None, a.document.gemeente))
    ]
    gemeenten = sorted({d.gemeente for d in documents})
    demo = bool(batches.loc[batches["stand"] == "actief", "demo"].any()) if len(batches) else False
    return TitleSlide(
        title=TITLE,
        documents=tuple(d.titel for d in sorted(documents, key=lambda d: d.titel)),
        gemeente=filters.gemeente or conclusies.enumeration(gemeenten) or "alle gemeenten",
        selection=selection_text(filters),
        as_of=today,
        sources=sources(batches, filters),
        demo=demo,
    )
