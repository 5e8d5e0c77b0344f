"""What every page looks like beyond Streamlit's defaults: Streamlit's own English widget texts
in Dutch where its API has no parameter for them (the upload button and its size line, the
"Press Enter" hint), and a print view (no sidebar, charts fit A4 landscape)."""

from __future__ import annotations

import streamlit as st

CSS = """
<style>
/* the upload box: "Upload" and "60MB per file" are Streamlit's words; ours replace them */
[data-testid="stFileUploaderDropzone"] button p { font-size: 0; visibility: hidden; }
[data-testid="stFileUploaderDropzone"] button p::after {
    content: "Bestanden kiezen"; font-size: 1rem; visibility: visible;
}
[data-testid="stFileUploaderDropzoneInstructions"] span { font-size: 0; visibility: hidden; }
[data-testid="stFileUploaderDropzoneInstructions"] span::after {
    content: "of sleep ze hierheen · xlsx, xls, ods of csv, tot 60 MB per bestand";
    font-size: 0.875rem; visibility: visible;
}
/* "Press Enter to submit form" / "to apply": the form's button says what it does */
[data-testid="InputInstructions"] { display: none; }
@media print {
    @page { size: A4 landscape; margin: 12mm; }
    [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
    [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stBottom"],
    [data-testid="stExpander"], [data-testid="stDownloadButton"], [data-testid="stFileUploader"],
    button { display: none !important; }
    [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: 100% !important; }
    [data-testid="stPlotlyChart"], .js-plotly-plot, .plot-container {
        max-width: 100% !important; break-inside: avoid; page-break-inside: avoid;
    }
    [data-testid="stElementContainer"] { break-inside: avoid; }
}
</style>
"""


def apply() -> None:
    """Put the house style on the page (once per run, before anything else is drawn)."""
    st.html(CSS)
