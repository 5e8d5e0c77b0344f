"""Overzicht: the scorecard of every evaluated target, KPI tiles and the state per document."""

import streamlit as st

from prestatie import charts, dashboard, fmt
from prestatie.afspraken import register
from prestatie.beoordeling import monitor, scorecard, status
from ui import context, grafiek

context.frame()
st.title("Overzicht prestatieafspraken")
st.caption(
    "Elk doel uit de afspraken dat met de ingelezen gegevens te meten is, met de stand "
    "per corporatie en jaar. De kolom *Berekening* zegt uit welke woningen elk getal komt."
)

evaluations = context.evaluations()
counts = scorecard.counts(evaluations)
dims = context.dimensions()

tiles = st.columns(6)
judged = len(evaluations) - counts[status.GEEN_GEGEVENS]
tiles[0].metric(
    "Doelen beoordeeld",
    fmt.num(judged),
    border=True,
    help=f"{fmt.num(judged)} van {fmt.num(len(evaluations))} doelen; bij de andere ontbreken "
    "de gegevens (geen gegevens).",
)
for tile, name in zip(tiles[1:], status.STATUSES, strict=True):
    tile.metric(scorecard.STATUS_LABEL[name], fmt.num(counts[name]), border=True)
st.page_link("views/uitleg.py", label="Wat betekenen de statussen?", icon=":material/help:")

for note in register.period_notes(context.agreements(), context.filters().jaar,
                                  context.filters().gemeente):  # fmt: skip
    st.info(fmt.plain(note), icon=":material/event_busy:")  # names the document's title
frame = context.memo(monitor.to_frame, evaluations)
left, right = st.columns([3, 2])
with left:
    grafiek.toon(
        context.memo(charts.status_counts, frame, by="corporatie")
        if not frame.empty
        else charts.status_counts(frame),
        key="status_per_corporatie",
    )
with right:
    rent = [e for e in monitor.latest(evaluations) if e.soort == "aandeel_huur"]
    grafiek.toon(
        context.memo(
            charts.share_against_norm,
            context.memo(monitor.to_frame, rent),
            "Betaalbaarheid: laatste stand",
        ),
        key="betaalbaarheid_norm",
    )

st.subheader("Scorecard")
left, right = st.columns([3, 1])
status_filter = left.multiselect(
    "Toon status", status.STATUSES, default=list(status.STATUSES), placeholder="Kies statussen"
)
early = right.toggle("Ook jaren vóór de eerste gegevens", key="vroege_jaren")
shown, left_out = (evaluations, 0) if early else scorecard.before_first_data(evaluations)
table = scorecard.table([e for e in shown if e.status in status_filter])
if left_out:
    st.caption(
        f"{fmt.num(left_out)} doelen van jaren vóór de eerste gegevens staan niet in de tabel "
        "(allemaal geen gegevens); zet de schakelaar aan om ze te tonen."
    )
st.dataframe(
    table,
    hide_index=True,
    height=min(36 * (len(table) + 1) + 2, 720),
    column_config={
        "Berekening": st.column_config.TextColumn(width="large"),
        "Doel": st.column_config.TextColumn(width="medium"),
    },
)
st.caption(
    f"{len(dims['corporaties'])} corporaties, {len(dims['gemeenten'])} gemeenten, "
    f"peildata {', '.join(fmt.datum(d) for d in dims['peildata'])}."
)

st.subheader("Komende termijnen")
termijnen = register.upcoming_termijnen(
    context.agreements(),
    dashboard.status_history(context.cursor()),
    context.today(),
    context.filters().jaar,
    context.filters().gemeente,
)
st.markdown(f"**{termijnen.stand}** (voortgang bijhouden op de pagina *Afspraken*)")
if termijnen.termijnen.empty:
    st.caption("Geen termijnen uit een jaaragenda voor deze selectie.")
else:
    st.table(termijnen.termijnen, hide_index=True)

st.subheader("Laatste notities")
notes = register.recent_notes(
    dashboard.status_history(context.cursor()),
    context.agreements(),
    context.filters().jaar,
    context.filters().gemeente,
)
if notes.empty:
    st.caption("Nog geen notities bij de afspraken van deze selectie (zet ze op *Afspraken*).")
else:
    st.dataframe(notes, hide_index=True, column_config={"Notitie": {"width": "large"}})
