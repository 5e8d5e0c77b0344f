"""Open a figure to the rows behind it: a table with address, rent, label and source file, and
a download of exactly those rows (CSV with `;` and decimal commas, as Dutch Excel opens it)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from prestatie import export, fmt
from ui import context

VHE_COLUMNS = {
    "vhe_id": "Eenheidnummer",
    "adres": "Adres",
    "postcode": "Postcode",
    "kern": "Kern",
    "corporatie": "Corporatie",
    "gemeente": "Gemeente",
    "peildatum": "Peildatum",
    "huur": "Huur",
    "label": "Label",
    "label_bron": "Label (zoals in bestand)",
    "woningtype": "Type",
    "levensloopgeschikt": "Levensloopgeschikt",
    "bestand": "Bronbestand",
    "bron_rij": "Rij in bestand",
    "batch_id": "Import",
}


PAGE = 200  # rows shown at a time

VERHUUR_COLUMNS = {
    "corporatie": "Corporatie",
    "gemeente": "Gemeente",
    "kern": "Kern",
    "vhe_id": "Eenheidnummer",
    "adres": "Adres",
    "datum": "Datum",
    "huur": "Huur",
    "rekenhuur": "Rekenhuur",
    "route": "Route",
    "route_bron": "Route (zoals in bestand)",
    "zoekduur_maanden": "Zoekduur (maanden)",
    "zoekduur_soort": "Gemeten als",
    "huishouden": "Huishouden",
    "inkomensklasse": "Inkomensklasse",
    "passend": "Passend toegewezen",
    "bestand": "Bronbestand",
    "bron_rij": "Rij in bestand",
}


def vhe(
    specs, title: str, key: str, columns: dict[str, str] | None = None, order: str = "vhe"
) -> None:
    """The vhe rows behind a figure, fetched from the database a page at a time, with their
    total; the download holds every row of the selection, built when clicked."""
    columns = columns or VHE_COLUMNS
    specs = list(specs)
    total = context.vhe_count(specs)
    box = st.expander(
        f"{fmt.plain(title)}: {fmt.num(total)} rijen",
        icon=":material/table_view:",
        key=f"open_{key}",
        on_change="rerun",
    )
    if not box.open:  # the rows are fetched only when the table is opened
        return
    with box:
        page = st.session_state.get(f"page_{key}", 1)
        frame, _ = context.vhe_rows(specs, limit=PAGE, offset=(page - 1) * PAGE, order=order)
        pages = max(1, -(-total // PAGE))
        if pages > 1:
            st.caption(f"Rij {fmt.num((page - 1) * PAGE + 1)} tot en met "
                       f"{fmt.num(min(total, page * PAGE))} van {fmt.num(total)}")  # fmt: skip
        _table(frame, columns)
        if pages > 1:
            st.number_input("Pagina", 1, pages, key=f"page_{key}", step=1)
        st.download_button(
            "Download deze rijen (CSV)",
            lambda: export.csv_bytes(
                _named(context.vhe_rows(specs, limit=None, order=order)[0], columns)
            ),
            file_name=f"{key}.csv",
            mime="text/csv",
            key=f"download_{key}",
        )


def _named(frame: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    return frame[[c for c in columns if c in frame.columns]].rename(columns=columns)


def _table(frame: pd.DataFrame, columns: dict[str, str]) -> None:
    readable = fmt.readable(
        frame,
        euros=("huur", "grens"),
        dates=("peildatum", "datum"),
        yes_no=("levensloopgeschikt",),
        counts=("bron_rij",),
    )
    st.dataframe(_named(readable, columns), hide_index=True)


def rows(frame: pd.DataFrame, title: str, key: str, columns: dict[str, str] | None = None) -> None:
    """An expander with the rows and a download button; ``key`` must be unique on the page."""
    columns = columns or VHE_COLUMNS
    shown = _named(frame, columns)
    with st.expander(f"{fmt.plain(title)}: {fmt.meervoud(len(shown), 'rij', 'rijen')}",
                     icon=":material/table_view:"):  # fmt: skip
        _table(frame, columns)
        st.download_button(
            "Download deze rijen (CSV)",
            lambda: export.csv_bytes(shown),  # built on click, not on every rerun
            file_name=f"{key}.csv",
            mime="text/csv",
            key=f"download_{key}",
        )


def verhuringen(title: str, key: str, **selection) -> None:
    """The lettings behind a figure (``selection``: gemeente, corporatie, jaar, route), fetched a
    page at a time when opened; the download holds every row of the selection."""
    selection = {k: v for k, v in selection.items() if v is not None}
    total = context.lettings_count(**selection)
    box = st.expander(f"{title}: {fmt.num(total)} rijen", icon=":material/table_view:",
                      key=f"open_{key}", on_change="rerun")  # fmt: skip
    if not box.open:
        return
    with box:
        page = st.session_state.get(f"page_{key}", 1)
        frame = context.lettings_rows(PAGE, (page - 1) * PAGE, **selection)
        pages = max(1, -(-total // PAGE))
        readable = fmt.readable(
            frame, euros=("huur", "rekenhuur"), dates=("datum",), yes_no=("passend",),
            counts=("bron_rij",),
        )  # fmt: skip
        st.dataframe(_named(readable, VERHUUR_COLUMNS), hide_index=True)
        if pages > 1:
            st.number_input("Pagina", 1, pages, key=f"page_{key}", step=1)
        st.download_button(
            "Download deze rijen (CSV)",
            lambda: export.csv_bytes(
                _named(context.lettings_rows(None, **selection), VERHUUR_COLUMNS)
            ),
            file_name=f"{key}.csv",
            mime="text/csv",
            key=f"download_{key}",
        )
