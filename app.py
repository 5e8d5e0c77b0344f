"""prestatie: the dashboard of the prestatieafspraken. This file only navigates."""

import streamlit as st

from ui import fouten, toegang, verbinding, warm

st.set_page_config(
    page_title="prestatie · monitor prestatieafspraken", page_icon="🏘️", layout="wide"
)

PAGES = [
    st.Page("views/overzicht.py", title="Overzicht", icon=":material/dashboard:", default=True),
    st.Page("views/betaalbaarheid.py", title="Betaalbaarheid", icon=":material/euro:"),
    st.Page("views/woningzoekenden.py", title="Woningzoekenden", icon=":material/groups:"),
    st.Page("views/duurzaamheid.py", title="Duurzaamheid", icon=":material/eco:"),
    st.Page("views/voorraad.py", title="Voorraadontwikkeling", icon=":material/home_work:"),
    st.Page("views/leefbaarheid.py", title="Leefbaarheid", icon=":material/park:"),
    st.Page("views/afspraken.py", title="Afspraken", icon=":material/handshake:"),
    st.Page("views/gegevens.py", title="Gegevens", icon=":material/upload_file:"),
    st.Page("views/presenteren.py", title="Presenteren", icon=":material/slideshow:"),
    st.Page("views/uitleg.py", title="Uitleg", icon=":material/help:"),
]

page = st.navigation(PAGES)
# A Dutch message with a reference, the traceback to the log; the database is held only while
# the page runs, so the command line can import beside the app (ui/verbinding.py).
with fouten.guard(page.title), verbinding.database():
    toegang.gate()  # with login configured: the login screen, or the user and Uitloggen
    page.run()
warm.settle()  # once per process: the long-lived objects out of the collector's walks
