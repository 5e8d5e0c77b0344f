"""Gegevens: upload files, see what was recognised, confirm; the list of imports and undo."""

import streamlit as st

from prestatie import charts, ingest, store
from ui import context, upload

context.frame()
st.title("Gegevens")
st.caption(
    "Lees voorraadlijsten, productielijsten en WOZ-bezitstabellen in (xlsx, xls, csv). "
    "U ziet eerst wat er herkend is; pas na *Inlezen* verandert de database."
)

con = context.cursor()
files = st.file_uploader(
    "Bestanden", type=["xlsx", "xlsm", "xls", "csv"], accept_multiple_files=True
)
hints = upload.hints_form()
if files:
    parsed, refused = upload.parse_all(files, hints)
    for exc in refused:
        upload.show_refused(exc)
    for p in parsed:
        upload.show_parsed(p)
    if parsed and not refused and st.button("Inlezen", type="primary"):
        results = ingest.save(con, parsed)
        new = sum(r.nieuw for r in results)
        st.success(
            f"{new} van {len(results)} bestanden ingelezen"
            + ("" if new == len(results) else "; de andere waren al ingelezen")
            + "."
        )
    elif refused:
        st.info(
            "Verbeter de geweigerde bestanden of laat ze weg; er wordt pas ingelezen als "
            "alle gekozen bestanden in orde zijn."
        )

batches = store.batches(con)
st.plotly_chart(charts.rows_per_batch(batches), key="rijen_per_batch")
st.subheader("Ingelezen bestanden")
st.dataframe(batches.drop(columns=["sha256"]), hide_index=True)

active = batches[batches["stand"] == "actief"]
cols = st.columns(2)
with cols[0]:
    choice = st.selectbox(
        "Import ongedaan maken",
        active["id"].tolist(),
        format_func=lambda i: f"{i}: {active.set_index('id').at[i, 'bestand']}",
    )
    if choice is not None and st.button("Ongedaan maken"):
        store.undo_batch(con, int(choice))
        st.rerun()
with cols[1]:
    if store.has_demo_data(con) and st.button("Demonstratiegegevens verwijderen"):
        store.undo_demo(con)
        st.rerun()
