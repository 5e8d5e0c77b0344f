"""Duurzaamheid: energy labels against the fasering and the label targets."""

import streamlit as st

from prestatie import charts, dashboard, monitor, scorecard
from ui import context

context.frame()
st.title("Duurzaamheid")
st.caption(
    "Labelverdeling per corporatie en peildatum in de officiële labelkleuren; "
    "'onbekend' staat apart en telt mee in het totaal."
)

stock = dashboard.stock(context.cursor(), context.filters())
st.plotly_chart(charts.label_distribution(stock, "Labelverdeling"), key="labelverdeling")

kinds = ("aandeel_label", "gemiddeld_label", "naar_nul", "labelsprong")
evaluations = [e for e in context.evaluations() if e.soort in kinds]
shares = monitor.to_frame(evaluations)
if not shares.empty:
    st.plotly_chart(
        charts.share_against_norm(
            shares[shares["soort"] == "aandeel_label"], "Aandeel per labelgroep tegen de norm"
        ),
        key="label_norm",
    )
st.subheader("Doelen")
st.dataframe(scorecard.table(evaluations), hide_index=True)
