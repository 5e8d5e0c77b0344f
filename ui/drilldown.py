"""Open a figure to the rows behind it: a table with address, rent, label and source file, and
a download of exactly those rows (CSV with `;` and decimal commas, as Dutch Excel opens it)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from prestatie import export

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


def rows(frame: pd.DataFrame, title: str, key: str, columns: dict[str, str] | None = None) -> None:
    """An expander with the rows and a download button; ``key`` must be unique on the page."""
    columns = columns or VHE_COLUMNS
    shown = frame[[c for c in columns if c in frame.columns]].rename(columns=columns)
    with st.expander(f"{title}: {len(shown)} rijen", icon=":material/table_view:"):
        st.dataframe(
            shown,
            hide_index=True,
            column_config={
                "Huur": st.column_config.NumberColumn(format="€ %.2f"),
            },
        )
        st.download_button(
            "Download deze rijen (CSV)",
            lambda: export.csv_bytes(shown),  # built on click, not on every rerun
            file_name=f"{key}.csv",
            mime="text/csv",
            key=f"download_{key}",
        )
