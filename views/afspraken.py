"""Afspraken: the register of a document, progress per year, the year-end overview, and
changing the agreements and targets without code (template or table in the app), with undo."""

from functools import partial

import streamlit as st

from prestatie import charts, dashboard, fmt
from prestatie.afspraken import register, schema, sjabloon, sjabloon_layout, version_diff
from prestatie.inlezen.errors import ImportRefused
from prestatie.toegang import rechten
from ui import confirm, context, grafiek, toegang

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

context.frame()
st.title("Afspraken")
st.caption(
    "Alle afspraken uit de documenten, ook die zonder getal. Per jaar houdt u de voortgang bij "
    "(de geschiedenis blijft bewaard); bij meetbare afspraken staat de stand uit de monitor."
)
if message := st.session_state.pop("afspraken_melding", None):
    st.success(message)

con = context.cursor()
selection = context.filters()
today = context.today()
every = register.documents(context.agreements(), None)
documents = register.documents(list(every.values()), selection.gemeente)
if not documents:
    st.info("Er is geen afsprakendocument voor deze gemeente.")
    st.stop()

left, right = st.columns([3, 1])
doc_id = left.selectbox(
    "Document",
    list(documents),
    format_func=lambda i: documents[i].document.titel,
    key="afspraken_document",
)
agreement = documents[doc_id]
years = register.years(list(documents.values()), today, selection.jaar)
jaar = right.selectbox(
    "Voortgang in jaar",
    years,
    index=years.index(register.status_year(selection.jaar, today, agreement.document.periode)),
)
evaluations = context.evaluations(filtered=False)
rows = register.selection(
    dashboard.register_table(con, evaluations, jaar, plans=context.agreements()), document=doc_id
)

tab_register, tab_status, tab_jaar, tab_document = st.tabs(
    ["Register", "Voortgang bijhouden", "Jaaroverzicht", "Document aanpassen"],
    key="afspraken_tabs",  # a keyed tab stays open when a question appears inside it
)

with tab_register:
    grafiek.toon(
        context.memo(charts.register_status, rows, {doc_id: agreement.document.titel}),
        key="register_status",
    )
    cols = st.columns(3)
    themas = cols[0].multiselect(
        "Thema", list(agreement.document.themas.values()), placeholder="Alle thema's"
    )
    partijen = cols[1].multiselect(
        "Partij (trekker)",
        [register.GEMEENTE, *register.corporaties(agreement), register.HUURDERS],
        placeholder="Alle partijen",
    )
    statussen = cols[2].multiselect(
        "Status", schema.AFSPRAAK_STATUSES, placeholder="Alle statussen"
    )
    zoek = st.text_input("Zoeken", placeholder="bijv. zonnepanelen, statushouders, kwartaaloverleg")
    shown = register.selection(rows, None, themas, partijen, statussen, zoek)
    st.caption(f"{len(shown)} van {len(rows)} afspraken · status in {jaar}")
    st.dataframe(
        shown,
        hide_index=True,
        # what is read first comes first: the stand beside the number, the text wide
        column_order=register.SHOWN_COLUMNS,
        column_config={
            name: st.column_config.TextColumn(label, width=register.WIDE.get(name))
            for name, label in register.COLUMN_LABELS.items()
        },
        key="register_tabel",
    )

with tab_status:
    texts = dict(zip(rows["nummer"], rows["tekst"], strict=True))
    nummer = st.selectbox(
        "Afspraak",
        list(texts),
        format_func=lambda n: register.label(n, texts[n]),
        key="status_afspraak",
    )
    current = rows[rows["nummer"] == nummer].iloc[0]
    st.markdown(
        f"Status in {jaar}: **{fmt.plain(current['status'])}**"
        + (
            f" (gezet door {fmt.plain(current['door'])} op {fmt.plain(current['gezet'])})"
            if current["door"]
            else ""
        )
    )
    # The choice lives under a key of its own per agreement and year, so another session's save
    # cannot reset it; the entry seen when the form was first shown decides whether a save
    # crosses one made since (then nothing is written and both are shown).
    form_key = f"{doc_id}_{nummer}_{jaar}"
    seen_key = f"status_gezien_{form_key}"
    if seen_key not in st.session_state:
        st.session_state[seen_key] = dashboard.latest_status_id(con, doc_id, nummer, jaar)
    may_set = toegang.may(rechten.STATUS, gemeente=agreement.document.gemeente)
    if outside := register.status_year_refused(agreement, jaar):
        st.info(outside)
    elif not may_set:
        st.info(
            "Een status zetten kan alleen de beheerder of de gemeente "
            f"{agreement.document.gemeente}; u kunt de geschiedenis hieronder bekijken."
        )
    else:
        with st.form("status_form"):
            status = st.selectbox(
                "Nieuwe status",
                schema.AFSPRAAK_STATUSES,
                index=schema.AFSPRAAK_STATUSES.index(current["status"]),
                key=f"status_keuze_{form_key}",
            )
            note = st.text_area(
                "Notitie", placeholder="Wat is er gebeurd, wat is de volgende stap?"
            )
            door = st.text_input("Uw naam") if toegang.local() else toegang.user().wie
            if st.form_submit_button(f"Status {jaar} opslaan", type="primary"):
                if not door.strip():
                    st.error("Vul uw naam in: de geschiedenis houdt bij wie een status zet.")
                else:
                    try:
                        dashboard.set_status(
                            con, doc_id, nummer, jaar, status, note, toegang.acting(door),
                            seen=st.session_state[seen_key],
                        )  # fmt: skip
                    except dashboard.NotPermitted as not_permitted:
                        st.error(fmt.plain(not_permitted))
                    except dashboard.StatusCrossed as crossed:
                        st.session_state[seen_key] = dashboard.latest_status_id(
                            con, doc_id, nummer, jaar
                        )
                        st.error(f"{fmt.plain(crossed)} U koos “{status}”.")
                    else:
                        del st.session_state[seen_key]
                        st.session_state["afspraken_melding"] = (
                            f"Afspraak {nummer}: status in {jaar} is nu “{status}”."
                        )
                        st.rerun()
    st.caption("Geschiedenis van deze afspraak (alle jaren, nieuwste eerst)")
    st.dataframe(
        register.afspraak_history(dashboard.status_history(con, doc_id), doc_id, nummer),
        hide_index=True,
    )

with tab_jaar:
    standen = register.latest(dashboard.status_history(con, doc_id))
    overview = register.year_overview(agreement, evaluations, standen, jaar)
    measured = register.measurements(evaluations, doc_id, jaar)
    st.download_button(
        f"Jaaroverzicht {jaar} downloaden (Excel)",
        partial(register.year_overview_xlsx, agreement.document.titel, overview, measured, jaar),
        file_name=f"jaaroverzicht-{doc_id}-{jaar}.xlsx",
        mime=XLSX,
        icon=":material/download:",
        on_click="ignore",
    )
    st.dataframe(overview, hide_index=True, key="jaaroverzicht")


def propose(new: sjabloon.Imported, source: str, key: str) -> None:
    """What a checked new version changes, and the button that stores it."""
    doc = new.agreement.document
    found = dashboard.check_agreement_version(con, doc_id, new.agreement)
    for reason in found.refused:
        st.error(f"**Kan niet worden opgeslagen:** {fmt.plain(reason)}")
    if found.refused:
        return
    changes = version_diff.changes(every.get(doc_id), new.agreement)
    if not changes:
        st.info("Geen wijzigingen ten opzichte van de versie die nu geldt.")
        return
    st.markdown(
        f"**{fmt.plain(doc.titel)}** ({fmt.plain(doc.id)}), gecontroleerd: "
        f"{len(new.agreement.afspraken)} afspraken, {len(new.agreement.doelen)} doelen. "
        "Wijzigingen:\n\n" + "\n".join(f"- {fmt.plain(c)}" for c in changes[:60])
    )
    for warning in found.warnings:
        st.warning(fmt.plain(warning))
    confirmed = True
    if found.confirm:
        st.warning(fmt.plain(found.confirm))
        confirmed = st.checkbox("Ja, sla deze versie zonder doelen op", key=f"bevestig_{key}")
    who = (
        st.text_input("Uw naam (komt bij de versie)", key=f"door_{key}")
        if toegang.local()
        else None
    )
    if st.button(
        "Opslaan als nieuwe versie", key=f"opslaan_{key}", type="primary", disabled=not confirmed
    ):
        try:
            version = dashboard.save_agreement_version(
                con, doc_id, new.toml, source, toegang.acting(who), confirmed=confirmed
            )
        except dashboard.VersionRefused as refused_:
            st.error(fmt.plain(refused_))
            return
        st.session_state["afspraken_melding"] = (
            f"{fmt.plain(doc.titel)}: versie {version} geldt nu."
        )
        st.session_state["afspraken_ronde"] = st.session_state.get("afspraken_ronde", 0) + 1
        st.rerun()


def refused(exc: ImportRefused) -> None:
    st.error(
        "**Geweigerd; er is niets opgeslagen.**\n\n"
        + "\n".join(f"- {fmt.plain(p)}" for p in exc.problems[:40])
    )


with tab_document:
    round_ = st.session_state.get("afspraken_ronde", 0)
    st.markdown(
        "Pas afspraken en doelen aan in het sjabloon (bladen *Document*, *Afspraken*, *Doelen*; "
        "blad *Uitleg* beschrijft elke kolom) en lees het weer in, of wijzig de tabel hieronder. "
        "Alles wordt gecontroleerd voordat er iets wordt opgeslagen; elke versie blijft bewaard."
    )
    st.download_button(
        "Sjabloon met dit document downloaden (Excel)",
        partial(sjabloon.write, agreement),
        file_name=f"{doc_id}.xlsx",
        mime=XLSX,
        icon=":material/download:",
        on_click="ignore",
    )
    may_edit = toegang.may(rechten.AFSPRAKEN)
    if not may_edit:
        st.info("Alleen de beheerder kan afspraken en doelen wijzigen.")
    else:
        upload = st.file_uploader("Ingevuld sjabloon", type=["xlsx"], key=f"sjabloon_{round_}")
        if upload is not None:
            try:
                propose(
                    sjabloon.read(upload.name, upload.getvalue()), f"sjabloon {upload.name}", "upl"
                )
            except ImportRefused as exc:
                refused(exc)

        st.subheader("In de app aanpassen")
        sheet = st.segmented_control(
            "Blad",
            [sjabloon_layout.DOELEN, sjabloon_layout.AFSPRAKEN],
            default=sjabloon_layout.DOELEN,
            required=True,
        )
        original = sjabloon.table(agreement, sheet)
        edited = st.data_editor(
            original, num_rows="dynamic", key=f"editor_{doc_id}_{sheet}_{round_}", height=420
        )
        if not edited.equals(original):
            try:
                propose(
                    sjabloon.with_table(agreement, sheet, edited), f"tabel {sheet} in de app", "tab"
                )
            except ImportRefused as exc:
                refused(exc)

    st.subheader("Versies")
    versions = dashboard.agreement_versions(con, doc_id)
    if versions.empty:
        st.caption("Dit document is nog niet gewijzigd: de versie uit data/afspraken geldt.")
    else:
        st.dataframe(versions, hide_index=True)
        if may_edit and confirm.confirmed(
            "Laatste wijziging ongedaan maken",
            key=f"versie_terug_{doc_id}",
            question="De laatste versie van dit document ongedaan maken? De versie ervoor geldt "
            "dan weer.",
            yes="Ja, ongedaan maken",
        ):
            back = dashboard.undo_agreement_version(con, doc_id, toegang.acting(None))
            st.session_state["afspraken_melding"] = (
                f"Versie {back} geldt weer." if back else "Er is geen eerdere versie."
            )
            st.session_state["afspraken_ronde"] = round_ + 1
            st.rerun()
