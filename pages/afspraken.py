"""Afspraken: the register of every agreement, measured or not."""

import streamlit as st

from prestatie import charts, dashboard
from ui import context

context.frame()
st.title("Afspraken")
st.caption(
    "Alle afspraken uit de documenten, ook die zonder getal. Bij meetbare afspraken staat "
    "de gemeten stand; bij de andere waarom ze niet uit de gegevens te meten zijn."
)

register = dashboard.register(context.cursor(), context.evaluations(filtered=False))
selection = context.filters()
if selection.gemeente and not register.empty:
    documents = {
        a.document.id
        for a in dashboard.agreements(context.cursor())
        if a.document.gemeente == selection.gemeente
    }
    register = register[register["document"].isin(documents)]
st.plotly_chart(charts.register_status(register), key="register_status")

search = st.text_input("Zoeken in de tekst", placeholder="bijv. zonnepanelen, statushouders")
if search:
    register = register[register["tekst"].str.contains(search, case=False, regex=False)]
st.dataframe(
    register,
    hide_index=True,
    column_config={
        "tekst": st.column_config.TextColumn("tekst", width="large"),
    },
)
