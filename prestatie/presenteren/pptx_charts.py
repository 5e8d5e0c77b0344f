"""A plotly figure as a native PowerPoint chart (python-pptx chart objects): editable in the
meeting, with the numbers as Dutch PowerPoint shows them. Bar charts (horizontal or vertical,
grouped or stacked) and line charts over categories become charts; anything else (a Sankey, a
waterfall, markers and paths drawn as shapes) stays a picture, and :func:`add` says so by
returning False.
"""

from __future__ import annotations

import math

import plotly.graph_objects as go
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.util import Pt

from prestatie import fmt

FONT_SIZE = 14  # points: readable from the back of the room


def _values(values) -> list:
    if values is None:
        return []
    return list(values.tolist() if hasattr(values, "tolist") else values)


def _kind(figure: go.Figure) -> str | None:
    """'bar_h', 'bar_v' or 'line' when every trace can be one native chart, else None."""
    traces = list(figure.data)
    if not traces:
        return None
    if all(t.type == "bar" for t in traces):
        orientations = {t.orientation or "v" for t in traces}
        return f"bar_{orientations.pop()}" if len(orientations) == 1 else None
    if all(t.type == "scatter" and "lines" in (t.mode or "lines") for t in traces):
        return "line"
    return None


def chart_data(figure: go.Figure) -> tuple[XL_CHART_TYPE, CategoryChartData, str] | None:
    """The chart type, its data (categories and a series per trace) and the number format, or
    None when the figure is no plain bar or line chart."""
    kind = _kind(figure)
    if kind is None:
        return None
    horizontal = kind == "bar_h"
    categories: list = []
    series = []
    for trace in figure.data:
        cats = _values(trace.y if horizontal else trace.x)
        vals = _values(trace.x if horizontal else trace.y)
        if not cats or len(cats) != len(vals):
            return None
        for c in cats:
            if c not in categories:
                categories.append(c)
        name = fmt.from_figure_text(trace.name or "")  # PowerPoint shows text as text
        series.append((name, dict(zip(cats, vals, strict=True)), trace))
    data = CategoryChartData()
    data.categories = [fmt.from_figure_text(c) for c in categories]
    for name, points, _ in series:
        data.add_series(name, [_number(points.get(c)) for c in categories])
    axis = figure.layout.xaxis if horizontal else figure.layout.yaxis
    percent = "%" in str(axis.tickformat or "")
    number_format = "0.0%" if percent else "#,##0"
    stacked = figure.layout.barmode in ("stack", "relative")
    if kind == "line":
        return XL_CHART_TYPE.LINE_MARKERS, data, number_format
    if horizontal:
        chart_type = XL_CHART_TYPE.BAR_STACKED if stacked else XL_CHART_TYPE.BAR_CLUSTERED
    else:
        chart_type = XL_CHART_TYPE.COLUMN_STACKED if stacked else XL_CHART_TYPE.COLUMN_CLUSTERED
    return chart_type, data, number_format


def _number(value) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _rgb(colour) -> RGBColor | None:
    text = str(colour or "")
    if len(text) == 7 and text.startswith("#"):
        return RGBColor.from_string(text[1:].upper())
    return None


def add(slide, figure: go.Figure, left, top, width, height) -> bool:
    """Put ``figure`` on ``slide`` as a native chart; False when it cannot be one."""
    found = chart_data(figure)
    if found is None:
        return False
    chart_type, data, number_format = found
    chart = slide.shapes.add_chart(chart_type, left, top, width, height, data).chart
    chart.font.size = Pt(FONT_SIZE)
    chart.has_legend = len(figure.data) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    value_axis = chart.value_axis
    value_axis.tick_labels.number_format = number_format
    value_axis.tick_labels.number_format_is_linked = False
    value_axis.has_major_gridlines = True
    if number_format.endswith("%"):
        value_axis.minimum_scale = 0
        value_axis.maximum_scale = 1
    if chart_type in (XL_CHART_TYPE.BAR_CLUSTERED, XL_CHART_TYPE.BAR_STACKED):
        chart.category_axis.reverse_order = True  # first category on top, as plotly draws it
    for plot in chart.plots:
        if chart_type != XL_CHART_TYPE.LINE_MARKERS:
            plot.gap_width = 60
            plot.has_data_labels = True
            labels = plot.data_labels
            labels.number_format = number_format
            labels.number_format_is_linked = False
            labels.font.size = Pt(FONT_SIZE - 2)
        for series, trace in zip(plot.series, figure.data, strict=False):
            _colour(series, trace, chart_type)
    return True


def _colour(series, trace, chart_type) -> None:
    """The trace's colours on the series: one colour, or one per point (status colours)."""
    marker = getattr(trace, "marker", None)
    colour = getattr(marker, "color", None) if marker is not None else None
    if chart_type == XL_CHART_TYPE.LINE_MARKERS:
        line_colour = _rgb(getattr(getattr(trace, "line", None), "color", None) or colour)
        if line_colour is not None:
            series.format.line.color.rgb = line_colour
        return
    if isinstance(colour, str):
        rgb = _rgb(colour)
        if rgb is not None:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = rgb
        return
    for i, point_colour in enumerate(_values(colour)):
        rgb = _rgb(point_colour)
        if rgb is not None:
            point = series.points[i]
            point.format.fill.solid()
            point.format.fill.fore_color.rgb = rgb
