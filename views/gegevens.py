"""Gegevens: upload files, see what was recognised, correct, confirm; every import and undo."""

import streamlit as st

from prestatie import charts, dashboard, fmt
from prestatie.inlezen import ingest
from prestatie.inlezen.errors import ImportRefused
from prestatie.presenteren import tabellen
from ui import confirm, context, upload

context.frame()
st.title("Gegevens")
st.caption(
    "Lees voorraadlijsten, productielijsten, verhuringenlijsten en WOZ-bezitstabellen in (xlsx, "
    "xlsm, xls, csv). U ziet eerst per bestand wat er herkend is en kunt het verbeteren; pas na "
    "*Inlezen* verandert de database, en dan voor alle bestanden tegelijk of voor geen enkel."
)

con = context.cursor()
round_ = st.session_state.setdefault("upload_round", 0)
files = st.file_uploader(
    "Bestanden",
    type=["xlsx", "xlsm", "xls", "csv"],
    accept_multiple_files=True,
    key=f"uploader_{round_}",
)
if not files:
    upload.forget()  # the readings of files no longer chosen
if files:
    results = upload.parse_all(files)
    for file in files:
        result = results[upload.file_key(file)]
        with st.container(border=True):
            if isinstance(result, ImportRefused):
                upload.show_refused(result)
            else:
                upload.show_parsed(result)
            with st.expander("Herkenning verbeteren", expanded=upload.needs_corporatie(result)):
                upload.corrections(file, result)
                upload.new_corporatie(con, file, result)
    accepted = [r for r in results.values() if isinstance(r, ingest.Parsed)]
    refused = len(results) - len(accepted)
    user = st.text_input("Uw naam (komt in de lijst van imports)", key="gebruiker")
    if refused:
        st.info(
            f"{fmt.meervoud(refused, 'bestand', 'bestanden')} geweigerd. Verbeter of verwijder "
            "ze; er wordt pas ingelezen als alle gekozen bestanden in orde zijn."
        )
    elif st.button(
        f"Inlezen ({fmt.meervoud(len(accepted), 'bestand', 'bestanden')})", type="primary"
    ):
        with st.spinner("Inlezen …"):
            written = dashboard.save_uploads(con, accepted, gebruiker=user or None)
        upload.remember_written(written)
        new = sum(w.nieuw for w in written)
        warnings = sum(len(p.warnings) for p in accepted)
        skipped = sum(len(p.skipped) for p in accepted)
        again = len(written) - new
        done = (
            f"{fmt.meervoud(new, 'bestand', 'bestanden')} ingelezen"
            if new == len(written)
            else f"{new} van {fmt.meervoud(len(written), 'bestand', 'bestanden')} ingelezen; "
            + fmt.meervoud(len(written) - new, "bestand was", "bestanden waren")
            + " al ingelezen en niet nog eens geteld"
        )
        st.session_state["upload_message"] = (
            f"{done}: {fmt.meervoud(sum(p.rows for p in accepted), 'rij', 'rijen')}, "
            f"{fmt.meervoud(warnings, 'waarschuwing', 'waarschuwingen')}, "
            f"{fmt.meervoud(skipped, 'rij', 'rijen')} overgeslagen."
            + (" De andere pagina's tonen de nieuwe gegevens." if new else "")
            + upload.replaced_text(dashboard.batches(con), written)
        )
        st.session_state["upload_round"] = round_ + 1
        st.rerun()

if message := st.session_state.pop("upload_message", None):
    st.success(message)

batches = dashboard.batches(con)
for text in upload.replaced_by_others(batches):
    st.info(text, icon=":material/swap_horiz:")
st.subheader("Ingelezen bestanden")
st.plotly_chart(charts.rows_per_batch(batches), key="rijen_per_batch")
st.dataframe(tabellen.import_list(batches), hide_index=True)

active = batches[batches["stand"] == "actief"]
left, right = st.columns(2)
with left:
    names = dict(zip(active["id"], active["bestand"], strict=True))
    choice = st.selectbox(
        "Import ongedaan maken",
        list(names),
        index=None,
        format_func=lambda i: f"{i}: {names[i]}",
        placeholder="kies een import",
    )
    if choice is not None and confirm.confirmed(
        "Ongedaan maken",
        key=f"ongedaan_{choice}",
        question=f"Import {choice} ({names[choice]}) ongedaan maken? Zijn rijen tellen dan niet "
        "meer mee; een import die hij had vervangen, telt weer.",
        yes="Ja, ongedaan maken",
    ):
        dashboard.undo_import(con, int(choice))
        st.session_state["upload_message"] = f"Import {choice} is ongedaan gemaakt."
        st.rerun()
with right:
    if dashboard.has_demo_data(con) and confirm.confirmed(
        "Demonstratiegegevens verwijderen",
        key="demo_weg",
        question="Alle demonstratie-imports verwijderen? Uw eigen imports blijven.",
        yes="Ja, verwijderen",
    ):
        removed = dashboard.remove_demo(con)
        st.session_state["upload_message"] = (
            f"{removed} demonstratie-imports verwijderd; de database is nu leeg op uw eigen "
            "imports na."
        )
        st.rerun()
