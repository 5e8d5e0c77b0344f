"""Every chart on a page: plotly's own tool bar in Dutch, and *Grafiek opslaan (PNG)* saving the
chart as a picture named after its title, at twice the screen's resolution for a document."""

from __future__ import annotations

import re

import plotly.graph_objects as go
import streamlit as st

# plotly.js's words (its locale dictionary) as a Dutch user reads them
WORDS = {
    "Download plot as a PNG": "Grafiek opslaan (PNG)",
    "Download plot as a png": "Grafiek opslaan (PNG)",
    "Fullscreen": "Volledig scherm",
    "Exit fullscreen": "Volledig scherm sluiten",
    "Close fullscreen": "Volledig scherm sluiten",
    "Download plot": "Grafiek opslaan",
    "Zoom": "Inzoomen op een gebied",
    "Pan": "Verschuiven",
    "Zoom in": "Inzoomen",
    "Zoom out": "Uitzoomen",
    "Autoscale": "Alles tonen",
    "Reset axes": "Assen herstellen",
    "Toggle Spike Lines": "Hulplijnen aan of uit",
    "Show closest data on hover": "Dichtstbijzijnde waarde tonen",
    "Compare data on hover": "Waarden vergelijken",
    "Box Select": "Selecteren met een rechthoek",
    "Lasso Select": "Selecteren met een lasso",
    "Click to enter Colorscale title": "Klik voor de titel van de kleurschaal",
    "Click to enter Plot title": "Klik voor de titel",
    "Double-click to zoom back out": "Dubbelklik om terug te zoomen",
    "Snapshot succeeded": "Grafiek opgeslagen",
    "Taking snapshot - this may take a few seconds": "Grafiek wordt opgeslagen …",
}
FORMAT = {
    "decimal": ",",
    "thousands": ".",
    "days": ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
    "shortDays": ["zo", "ma", "di", "wo", "do", "vr", "za"],
    "months": [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],  # fmt: skip
    "shortMonths": [
        "jan",
        "feb",
        "mrt",
        "apr",
        "mei",
        "jun",
        "jul",
        "aug",
        "sep",
        "okt",
        "nov",
        "dec",
    ],  # fmt: skip
    "date": "%d-%m-%Y",
}


def file_name(fig: go.Figure) -> str:
    """The chart's title as a file name: 'Energielabels per corporatie, Emmen' ->
    'energielabels-per-corporatie-emmen'."""
    title = fig.layout.title.text or "grafiek"
    words = re.sub(r"<[^>]+>|&#?\w+;", " ", title)  # <br>, <sup>, &lt; of a name as text
    return re.sub(r"[^0-9a-z]+", "-", words.lower()).strip("-")[:80] or "grafiek"


def config(fig: go.Figure) -> dict:
    return {
        "locale": "nl",
        "locales": {"nl": {"dictionary": WORDS, "format": FORMAT}},
        "displaylogo": False,
        "modeBarButtonsToRemove": ["lasso2d", "select2d", "toggleSpikelines"],
        "toImageButtonOptions": {"format": "png", "scale": 2, "filename": file_name(fig)},
    }


def toon(fig: go.Figure, key: str, **kw) -> None:
    """``st.plotly_chart`` with the Dutch tool bar; ``kw`` as for ``st.plotly_chart``."""
    st.plotly_chart(fig, key=key, config={**config(fig), **kw.pop("config", {})}, **kw)
