"""Uitleg: how the monitor decides: the statuses, 'op koers', each kind of target, the rent and
the limit, what counts as a home."""

import streamlit as st

from prestatie import charts
from prestatie.afspraken import schema
from prestatie.beoordeling import scorecard, status, uitleg
from ui import context, grafiek

context.frame()
st.title("Uitleg: hoe de monitor beoordeelt")
st.caption(
    "Elk doel uit de afspraken krijgt per jaar een status. Hier staat hoe die wordt bepaald; "
    "bij elk doel staat daarnaast in de kolom *Berekening* wat er precies is gemeten."
)

st.header("De statussen")
for name in status.STATUSES:
    st.markdown(f"**{scorecard.STATUS_TEKEN[name]} {name}**: {uitleg.text('status', name)}")

st.header("Op koers of achter")
grafiek.toon(charts.path_example(), key="pad_voorbeeld")
st.caption(
    "Voor een doelmoment in de toekomst vergelijkt de monitor de laatste meting met het rechte "
    "pad van de vorige mijlpaal naar de norm. In dit voorbeeld: 72% in 2023 ligt boven het pad "
    "(70% in 2023), dus op koers."
)

st.header("Hoe elk soort doel wordt gemeten")
for kind in schema.KINDS:
    st.markdown(f"**{kind.replace('_', ' ')}**: {uitleg.text('soort', kind)}")

st.header("Welke huur, welke grens, wat is een woning")
st.markdown(uitleg.text("huur", "huur"))
st.markdown(uitleg.text("woning", "woning"))
