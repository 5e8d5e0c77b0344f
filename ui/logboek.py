"""Two sections of the Gegevens page: the *Logboek* (who changed what and when, filterable, as
CSV) for everyone, and *Gebruikers en rollen* for a beheerder (the roles as a table to edit)."""

from __future__ import annotations

import streamlit as st

from prestatie import dashboard, export, fmt
from prestatie.presenteren import tabellen
from prestatie.toegang import rechten, rollen
from ui import toegang


def log_section(con) -> None:
    st.subheader("Logboek")
    st.caption(
        "Elke wijziging (import, vervanging, ongedaan maken, status, afspraakversie, demo "
        "verwijderen, rollen) met wie en wanneer; ook geweigerde pogingen."
    )
    choices = dashboard.log_choices(con)
    cols = st.columns(3)
    who = cols[0].multiselect(
        "Gebruiker", choices["gebruiker"], placeholder="Alle gebruikers", key="log_gebruiker"
    )
    kinds = cols[1].multiselect(
        "Handeling", choices["handeling"], placeholder="Alle handelingen", key="log_handeling"
    )
    period = cols[2].date_input("Periode", value=(), format="DD-MM-YYYY", key="log_periode")
    van = period[0] if len(period) > 0 else None
    tot = period[1] if len(period) > 1 else van
    table = tabellen.log_table(dashboard.log_entries(con, who, kinds, van, tot))
    st.caption(fmt.meervoud(len(table), "regel", "regels"))
    st.dataframe(table, hide_index=True, key="logboek_tabel")
    st.download_button(
        "Logboek downloaden (CSV)",
        export.csv_bytes(table),
        file_name="logboek.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
    )


def roles_section(con) -> None:
    """The roles as a table a beheerder edits; saved as a new version (checked first)."""
    if not toegang.may(rechten.ROLLEN):
        return
    st.subheader("Gebruikers en rollen")
    st.caption(
        "Per e-mailadres of domein (@emmen.nl) een rol: beheerder, invoerder (met de "
        "corporaties, met komma's ertussen), gemeente (met de gemeente) of lezer. Een eigen "
        "adres gaat voor het domein."
        + (
            " Zonder inlog gelden de rollen nog niet: iedereen is beheerder."
            if toegang.local()
            else ""
        )  # fmt: skip
    )
    if not st.toggle("Rollen bewerken", key="rollen_bewerken"):
        return  # the editor only when asked for: the page stays light for everyday imports
    current = dashboard.roles(con)
    round_ = st.session_state.get("rollen_ronde", 0)
    edited = st.data_editor(
        rollen.rules_table(current),
        num_rows="dynamic",
        hide_index=True,
        key=f"rollen_{round_}",
        column_config={
            "rol": st.column_config.SelectboxColumn("rol", options=list(rollen.ROLLEN)),
        },
    )
    onbekend = st.radio(
        "Aangemelde gebruikers die niet in de lijst staan",
        [rollen.LEZER, rollen.GEEN],
        index=[rollen.LEZER, rollen.GEEN].index(current.onbekend),
        format_func={rollen.LEZER: "lezer", rollen.GEEN: "geen toegang"}.get,
        horizontal=True,
        key=f"rollen_onbekend_{round_}",
    )
    naam = st.text_input("Uw naam", key="rollen_naam") if toegang.local() else None
    if st.button("Rollen opslaan", key="rollen_opslaan"):
        try:
            new = rollen.rules_from_table(edited, onbekend)
            version = dashboard.save_roles(con, new, toegang.acting(naam))
        except rollen.InvalidRoles as invalid:
            st.error(f"Niet opgeslagen: {invalid}.")
        except dashboard.NotPermitted as refused:
            st.error(str(refused))
        else:
            st.session_state["rollen_ronde"] = round_ + 1
            st.session_state["upload_message"] = f"Rollen opgeslagen (versie {version})."
            st.rerun()
