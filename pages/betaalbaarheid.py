"""Betaalbaarheid: rents against the limits and the agreed shares."""

import streamlit as st

from prestatie import charts, dashboard, fmt, monitor, scorecard
from ui import context

context.frame()
st.title("Betaalbaarheid")
st.caption(
    "Huren tegen de huurgrenzen die op de peildatum gelden, en het aandeel woningen tot "
    "een grens tegen de afgesproken norm."
)

prijspeil = st.radio(
    "Huurgrens",
    [monitor.INDEXED, monitor.FIXED],
    horizontal=True,
    format_func={
        monitor.INDEXED: "grens van het jaar van de peildatum (geïndexeerd)",
        monitor.FIXED: "vast bedrag uit het document (prijspeil)",
    }.get,
)
evaluations = [e for e in context.evaluations(prijspeil) if e.soort == "aandeel_huur"]
st.plotly_chart(
    charts.share_against_norm(
        monitor.to_frame(evaluations), "Aandeel woningen tot de grens, tegen de norm"
    ),
    key="aandeel_norm",
)

stock = dashboard.stock(context.cursor(), context.filters())
if stock.empty:
    st.info("Geen voorraadgegevens voor deze selectie. Lees een voorraadlijst in op *Gegevens*.")
else:
    latest = stock[stock["peildatum"] == stock["peildatum"].max()]
    peil = latest["peildatum"].max()
    st.plotly_chart(
        charts.rent_distribution(
            latest["huur"],
            peil,
            f"Huurverdeling op {fmt.datum(peil)} ({fmt.aantal_woningen(len(latest))})",
        ),
        key="huurverdeling",
    )
st.subheader("Doelen")
st.dataframe(scorecard.table(evaluations), hide_index=True)
