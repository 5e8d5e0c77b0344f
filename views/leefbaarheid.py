"""Leefbaarheid: the Leefbaarometer scores per wijk over the years, the wijken that fall short
(a class onvoldoende or a decline) and the target on them (Emmen LW-2); the rows behind every
figure, with file, row and column."""

import streamlit as st

from prestatie import dashboard, fmt
from prestatie.beoordeling import scorecard
from prestatie.leefbaarheid import wijken, wijken_chart
from prestatie.presenteren import conclusies
from ui import context, drilldown, grafiek

selection = context.frame()
st.title("Leefbaarheid")
st.caption(
    "De leefbaarheid per wijk volgens de Leefbaarometer van het ministerie van BZK: per meting "
    "een klasse van 1 (zeer onvoldoende) tot en met 9 (uitstekend). Een wijk schiet tekort met "
    "een klasse onvoldoende of lager, of met een lagere klasse dan bij de meting ervoor. Lees de "
    "download per wijk of buurt (met de CBS-code) in op de pagina Gegevens."
)

doelen = wijken.targets(context.doelen(), selection.gemeente)
shown = [
    e
    for e in wijken.evaluations(context.evaluations(filtered=False))
    if dashboard.matches(e, selection)
]
rows = context.leefbaarheid(selection.gemeente)
minimum = wijken.minimum(doelen)

st.header("Doelen op de leefbaarheid")
if shown:
    for e in shown:
        st.markdown(
            f"**{fmt.plain(e.afspraak)} · {fmt.plain(e.omschrijving)}** ({e.periode}): "
            f"{scorecard.STATUS_LABEL[e.status]}. {fmt.plain(conclusies.leefbaarheid([e]))}"
        )
        st.caption(f"Berekening: {fmt.plain(e.uitleg)}")
else:
    st.info("Voor deze selectie is geen afspraak over de leefbaarheid per wijk.")

if rows.empty:
    where = f" voor {fmt.plain(selection.gemeente)}" if selection.gemeente else ""
    st.info(
        f"Geen Leefbaarometer-scores ingelezen{where}. Lees de download per wijk of "
        "buurt in op de pagina Gegevens."
    )
    st.stop()

for gemeente, own in rows.groupby("gemeente", sort=True):
    jaar = wijken.latest_year(own, selection.jaar)
    niveau, words = wijken.level_words(own)
    st.header(f"{fmt.plain(gemeente)}: per {niveau}")
    if jaar is None:
        st.info(f"Geen meting in {selection.jaar} of eerder.")
        continue
    table = wijken.judged(own, minimum, jaar)
    st.markdown(wijken.conclusion(table, jaar, minimum, words))
    lines = wijken.short_lines(table)
    if lines:
        st.markdown("\n".join(f"- {fmt.plain(line)}" for line in lines))
    if niveau == "buurt":
        st.caption("Alleen buurtscores ingelezen: beoordeeld per buurt.")
    columns = st.columns(3)
    for i, (_, area) in enumerate(table.iterrows()):
        with columns[i % 3]:
            grafiek.toon(
                context.memo(wijken_chart.per_area, rows, gemeente, area["code"], minimum),
                key=f"leefbaarheid_{area['code']}",
            )
            if area["tekort"]:
                st.caption(f":red[Schiet tekort:] {fmt.plain(area['reden'])}")
    st.subheader("Klassen per jaar")
    st.dataframe(wijken.per_year_table(own), hide_index=True)
    drilldown.rows(
        wijken.source_rows(own),
        f"Leefbaarometer-scores van {gemeente}",
        f"leefbaarheid_rijen_{gemeente}",
        columns=wijken.ROW_COLUMNS,
    )
