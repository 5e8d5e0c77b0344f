"""What the Betaalbaarheid page shows per rent target, computed per target: the judged counts,
the trend, the stand in the chosen year, the split per kern, their figures and the rows behind
them. Pure: the page lays it out (and caches it per data version and selection)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from prestatie.afspraken.schema import Doel
from prestatie.beoordeling import huurregel, verhuurdoelen
from prestatie.beoordeling.selectie import Rows
from prestatie.beoordeling.status import Evaluation
from prestatie.betaalbaarheid import huren_chart, huuraandelen, texts


@dataclass(frozen=True)
class Section:
    """One rent target on the page."""

    doel: Doel
    judged: pd.DataFrame
    trend: pd.DataFrame
    stand: pd.DataFrame
    rule_text: str
    kernen: pd.DataFrame
    jaar: int
    without_kern: float
    above_year: list[Rows]
    above_title: str
    above_all: list[Rows]
    above_all_title: str
    kern_rows: list[Rows]
    kern_title: str


def section(
    stock: pd.DataFrame,
    doel: Doel,
    evaluations: list[Evaluation],
    corporatie: str | None,
    jaar: int,
    peildatum: date,
    lezing: str,
    rekenhuur: bool,
) -> Section | None:
    """The Section of one rent target (None without stock for it): ``stock`` needs to hold only
    the target's gemeente, so a page can compute it once for every selection that shows it."""
    # a target on the offer judged on the lettings: those figures are not this page's stock
    evaluations = [e for e in evaluations if e.gemeten_op != verhuurdoelen.LETTINGS]
    scopes = huuraandelen.visible(huuraandelen.scopes(doel, stock), corporatie)
    if not scopes:
        return None
    judged = huuraandelen.judged_rows(stock, doel, scopes, lezing)
    trend = huuraandelen.with_status(huuraandelen.trend(judged, doel), doel, evaluations)
    if trend.empty:
        return None  # no stock for this target in the database at all
    stand = huuraandelen.stand(trend, [s.corporatie for s in scopes], jaar, doel)
    year_rows = judged[judged["jaar"] == jaar]
    return Section(
        doel,
        judged,
        trend,
        stand,
        texts.rule_text(huurregel.Regel.van(doel), judged, jaar, lezing),
        huuraandelen.per_kern(year_rows, doel),
        jaar,
        huuraandelen.without_kern(year_rows),
        huuraandelen.rows_above(judged, doel, jaar, rekenhuur),
        texts.above_title(doel, huuraandelen.measured(stand), peildatum),
        huuraandelen.rows_above(judged, doel, None, rekenhuur),
        texts.above_title(doel, huuraandelen.measured(trend)) + ", alle peildata",
        huuraandelen.rows_of(year_rows, doel, rekenhuur),
        f"woningen per kern, {', '.join(huuraandelen.measured(stand))}, {jaar}",
    )


# The figures of a section, one per tab, built only for the tab that is open.


def stand_figure(section: Section) -> go.Figure:
    doel = section.doel
    title = f"{doel.afspraak}: {texts.share_title(doel)}, {section.jaar}"
    return huren_chart.share_against_norm(section.stand, doel.richting, title)


def trend_figure(section: Section) -> go.Figure:
    doel = section.doel
    title = f"{doel.afspraak}: {texts.share_title(doel)}, alle peildata"
    return huren_chart.trend(section.trend, huurregel.norms(doel), title)


def kern_figure(section: Section) -> go.Figure:
    doel = section.doel
    return huren_chart.per_kern(
        section.kernen,
        huurregel.norm_in(doel, section.jaar),
        doel.richting,
        f"{doel.afspraak}: per kern, {section.jaar} (zwakste bovenaan)",
    )
