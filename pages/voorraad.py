"""Voorraadontwikkeling: nieuwbouw, sloop, verkoop, verduurzaming, zonnepanelen per jaar."""

import streamlit as st

from prestatie import charts, dashboard, monitor, scorecard
from ui import context

context.frame()
st.title("Voorraadontwikkeling")
st.caption("Gerealiseerde productie tegen de jaarschijven en bandbreedtes uit de afspraken.")

evaluations = [e for e in context.evaluations() if e.soort in ("jaarschijf", "bandbreedte")]
frame = monitor.to_frame(evaluations)
jaarschijven = frame[frame["soort"] == "jaarschijf"] if not frame.empty else frame
st.plotly_chart(charts.jaarschijf(jaarschijven, "Gerealiseerd tegen de afspraak"), key="jaarschijf")
st.subheader("Doelen")
st.dataframe(scorecard.table(evaluations), hide_index=True)
st.subheader("Projecten")
projects = dashboard.production(context.cursor(), context.filters())
st.dataframe(projects.drop(columns=["batch_id"]), hide_index=True)
