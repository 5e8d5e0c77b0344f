"""Gegevens: upload files, see what was recognised, correct, confirm; every import and undo."""

import streamlit as st

from prestatie import charts, dashboard, fmt
from prestatie.inlezen import ingest
from prestatie.inlezen.errors import ImportRefused
from prestatie.presenteren import tabellen
from prestatie.toegang import rechten, rollen
from ui import confirm, context, grafiek, logboek, toegang, upload

context.frame()
st.title("Gegevens")
st.caption(
    "Lees voorraadlijsten, productielijsten, verhuringenlijsten, WOZ-bezitstabellen en de "
    "Leefbaarometer-scores per wijk of buurt in (xlsx, "
    "xlsm, xls, ods, csv). U ziet eerst per bestand wat er herkend is en kunt het verbeteren; "
    "pas na *Inlezen* verandert de database, en dan voor alle bestanden tegelijk of voor geen "
    "enkel."
)

con = context.cursor()
round_ = st.session_state.setdefault("upload_round", 0)
user = toegang.user()
files = None
if toegang.may(rechten.IMPORT):
    files = st.file_uploader(
        "Bestanden",
        type=["xlsx", "xlsm", "xls", "ods", "csv"],
        accept_multiple_files=True,
        key=f"uploader_{round_}",
    )
else:
    st.info(
        f"U bent {rollen.describe(user)}: u kunt alles bekijken en downloaden, maar geen "
        "bestanden inlezen."
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
                if not toegang.may(rechten.IMPORT, corporatie=result.meta.corporatie or ""):
                    st.error(upload.role_refusal(user, result))
            with st.expander("Herkenning verbeteren", expanded=upload.needs_corporatie(result)):
                upload.corrections(file, result)
                if toegang.may(rechten.CORPORATIE):
                    upload.new_corporatie(con, file, result)
    accepted = [r for r in results.values() if isinstance(r, ingest.Parsed)]
    refused = len(results) - len(accepted)
    refused += sum(
        not toegang.may(rechten.IMPORT, corporatie=p.meta.corporatie or "") for p in accepted
    )
    naam = None
    if toegang.local():
        naam = st.text_input("Uw naam (komt in de lijst van imports)", key="gebruiker")
    else:
        st.caption(f"U leest in als {user.wie} ({rollen.describe(user)}).")
    if refused:
        st.info(
            f"{fmt.meervoud(refused, 'bestand', 'bestanden')} geweigerd. Verbeter of verwijder "
            "ze; er wordt pas ingelezen als alle gekozen bestanden in orde zijn."
        )
    elif st.button(
        f"Inlezen ({fmt.meervoud(len(accepted), 'bestand', 'bestanden')})", type="primary"
    ):
        try:
            with st.spinner("Inlezen …"):
                written = dashboard.save_uploads(con, accepted, toegang.acting(naam))
        except dashboard.NotPermitted as not_permitted:
            st.error(fmt.plain(not_permitted))
            st.stop()
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

batches = context.batches()
for text in upload.replaced_by_others(batches):
    st.info(text, icon=":material/swap_horiz:")
st.subheader("Ingelezen bestanden")
grafiek.toon(context.memo(charts.rows_per_batch, batches), key="rijen_per_batch")
st.dataframe(tabellen.import_list(batches), hide_index=True)

active = batches[batches["stand"] == "actief"]
active = active[[toegang.may(rechten.ONGEDAAN, corporatie=c or "") for c in active["corporatie"]]]
left, right = st.columns(2)
if not active.empty:
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
            question=f"Import {choice} ({fmt.plain(names[choice])}) ongedaan maken? Zijn rijen "
            "tellen dan niet meer mee; een import die hij had vervangen, telt weer.",
            yes="Ja, ongedaan maken",
        ):
            wie = toegang.acting(st.session_state.get("gebruiker"))
            try:
                dashboard.undo_import(con, int(choice), wie)
            except dashboard.UndoRefused as refused:  # another session undid or replaced it
                st.error(fmt.plain(refused))
            else:
                st.session_state["upload_message"] = f"Import {choice} is ongedaan gemaakt."
                st.rerun()
with right:
    if (
        toegang.may(rechten.DEMO)
        and dashboard.has_demo_data(con)
        and confirm.confirmed(
            "Demonstratiegegevens verwijderen",
            key="demo_weg",
            question="Alle demonstratie-imports verwijderen? Uw eigen imports blijven.",
            yes="Ja, verwijderen",
        )
    ):
        removed = dashboard.remove_demo(con, toegang.acting(st.session_state.get("gebruiker")))
        st.session_state["upload_message"] = (
            f"{removed} demonstratie-imports verwijderd; de database is nu leeg op uw eigen "
            "imports na."
        )
        st.rerun()

# ---- agreement versions: undone here too, without reading or drawing any agreement -----------
st.subheader("Versies van afsprakendocumenten")
for doc_id, reason in context.unreadable_agreements().items():
    st.error(
        f"Document {fmt.plain(doc_id)} kan niet gelezen worden en telt nu niet mee: "
        f"{fmt.plain(reason)}. Maak de "
        "laatste versie hieronder ongedaan."
    )
changed = {
    doc_id: versions
    for doc_id in dashboard.document_ids(con)
    if not (versions := dashboard.agreement_versions(con, doc_id)).empty
}
if not changed:
    st.caption("Geen document is in de app gewijzigd: de versies uit data/afspraken gelden.")
elif toegang.may(rechten.AFSPRAKEN):
    document = st.selectbox(
        "Laatste versie ongedaan maken van",
        list(changed),
        index=None,
        placeholder="kies een document",
        key="versie_document",
    )
    if document is not None:
        st.dataframe(changed[document], hide_index=True)
        if confirm.confirmed(
            "Laatste versie ongedaan maken",
            key="versie_ongedaan",
            question=f"De laatste versie van {document} ongedaan maken? De versie ervoor geldt "
            "dan weer.",
            yes="Ja, ongedaan maken",
        ):
            back = dashboard.undo_agreement_version(con, document, toegang.acting(None))
            st.session_state["upload_message"] = (
                f"{document}: versie {back} geldt weer."
                if back
                else f"{document} heeft geen eerdere versie; er is niets gewijzigd."
            )
            st.rerun()

logboek.log_section(con)
logboek.roles_section(con)
