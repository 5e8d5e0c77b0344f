"""What the theme figures share beyond :func:`prestatie.charts.layout`: the ink and path
colours, the standard height, titles wrapped over lines, text readable on a coloured bar and a
year axis with room for the target markers."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from prestatie.fmt import FigureText, figure_text

INKT = "#222222"  # lines and outlines that must read on any fill
PAD_KLEUR = "#555555"  # an agreed path, drawn dotted or dashed
HOOGTE = 560  # the height of a full-width figure on a projector


def wrap(text: str, width: int) -> FigureText:
    """Break a long title over lines (plotly does not wrap), each line safe for the figure
    (:func:`prestatie.fmt.figure_text`) and joined with plotly's ``<br>``."""
    lines = textwrap.wrap(str(text), width) or [str(text)]
    return FigureText("<br>".join(figure_text(line) for line in lines))


def text_colour(background: str) -> str:
    """Black on a light colour (C, D, E), white on a dark one: by relative luminance."""
    r, g, b = (int(background.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return "#000000" if 0.299 * r + 0.587 * g + 0.114 * b > 0.6 else "#ffffff"


def inside_text(texts: list[str], background: str, **font) -> dict:
    """Bar arguments: ``texts`` written level inside the bars, readable on ``background``;
    ``font`` adds to the font (a size)."""
    return {
        "text": texts,
        "textposition": "inside",
        "textangle": 0,
        "textfont": {"color": text_colour(background), **font},
    }


def year_axis(years: Iterable[int], left: float = 0.6, right: float = 0.7) -> dict:
    """An axis of whole years over ``years``, with room left and right (for the triangles
    beside a target, the labels beside a point)."""
    years = list(years)
    return {"dtick": 1, "tickformat": "d", "range": [min(years) - left, max(years) + right]}
