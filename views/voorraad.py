"""Voorraadontwikkeling: nieuwbouw, sloop, verkoop, verduurzaming, zonnepanelen per jaar."""

import streamlit as st

from prestatie import dashboard, fmt
from prestatie.beoordeling import scorecard
from prestatie.voorraad import (
    bandbreedtes,
    bandbreedtes_chart,
    jaarschijven,
    jaarschijven_chart,
    voorraadverloop,
    voorraadverloop_chart,
)
from ui import context, drilldown, grafiek

selection = context.frame()
st.title("Voorraadontwikkeling")
st.caption(
    "Bouwen, slopen, verkopen en verbeteren de corporaties wat is afgesproken? Gerealiseerd "
    "tegen de jaarschijven en bandbreedtes uit de afspraken, jaar voor jaar. Het jaarfilter "
    "kiest de doelen die in dat jaar lopen en de projecten van dat jaar."
)

con = context.cursor()
today = context.today()
facts = context.facts()
doelen = context.doelen()
evaluations = context.evaluations(filtered=False)

st.header("Jaarschijven")
groepen = [  # each group once for every selection that shows it
    context.memo(jaarschijven.groep, gemeente, corporatie, targets, facts, evaluations)
    for (gemeente, corporatie), targets in context.memo(
        jaarschijven.groep_targets, doelen, facts, selection
    )
]
if not groepen:
    st.info("Geen jaarschijven voor deze selectie.")
else:
    st.caption(
        "Links per jaar: de afspraak (lichtblauw; een bandbreedte als streep erboven) en het "
        "gerealiseerde aantal in de kleur van de status. Een ✕ is een jaar zonder gegevens; "
        "latere jaren zijn nog plan. Rechts opgeteld vanaf het eerste jaar met gegevens. "
        f"Een lopend jaar ({today.year}) krijgt een gearceerde balk en een gestreepte lijn: de "
        "**prognose** tot het jaareinde in het tempo tot vandaag."
    )
    for note in context.memo(jaarschijven.poor_label_notes, doelen, facts, selection):
        st.caption(note)
    tabs = st.tabs([g.label for g in groepen], key="jaarschijf_tabs", on_change="rerun")
    for i, (tab, groep) in enumerate(zip(tabs, groepen, strict=True)):
        if not tab.open:  # only the open tab is built
            continue
        with tab:
            grafiek.toon(
                context.memo(
                    jaarschijven_chart.jaarschijven,
                    groep.rijen,
                    f"{groep.label}: gerealiseerd tegen de afspraak",
                ),
                key=f"jaarschijf_{i}",
            )
            for r in groep.rijen[groep.rijen["lopend"]].itertuples(index=False):
                st.caption(
                    f"**Prognose** {fmt.plain(r.omschrijving)}, {r.jaar}: "
                    f"{fmt.num(r.gerealiseerd)} tot "
                    f"{fmt.datum(today)}, in dit tempo {fmt.num(r.prognose)} aan het jaareinde."
                )
            drilldown.rows(
                groep.projecten,
                f"Projecten achter deze jaarschijven ({groep.label})",
                key=f"projecten_{i}",
                columns=jaarschijven.PROJECT_COLUMNS,
            )

st.header("Netto verandering van de huurvoorraad")
st.caption(
    "Voorraad aan het begin van het jaar (de telling op de laatste peildatum van het jaar "
    "ervoor) + nieuwbouw − sloop − verkoop uit de productielijsten = voorraad aan het eind, "
    "naast de telling op de peildatum. Een verschil blijft zichtbaar als 'niet verklaard'."
)
stromen = context.memo(voorraadverloop.waterfalls, context.stock_flow(selection.gemeente))
choices = voorraadverloop.waterfall_choices(stromen, selection)
if not choices:
    st.info("Geen voorraad met productie erna voor deze selectie.")
else:
    choice = st.selectbox("Corporatie en gemeente", choices, key="waterval_keuze")
    rows = context.memo(voorraadverloop.waterfall_of, stromen, choice)
    grafiek.toon(
        context.memo(voorraadverloop_chart.waterfall, rows, f"Huurvoorraad {choice}"),
        key="waterval",
    )
    problems = voorraadverloop.mismatches(rows)
    for text in problems:
        st.error(text, icon=":material/difference:")
    counted = rows["eind"].notna().sum()
    if counted and not problems:
        st.success(
            f"De tellingen op {counted} peildata sluiten precies aan op begin + nieuwbouw − "
            "sloop − verkoop.",
            icon=":material/check:",
        )
    st.dataframe(voorraadverloop.waterfall_table(rows), hide_index=True)

paden = [  # each path once for every selection that shows it
    context.memo(bandbreedtes.band_path, doel, scope, facts)
    for doel, scope in context.memo(bandbreedtes.band_targets, doelen, facts, selection)
]
if paden:
    st.header("Bandbreedtes")
    for i, pad in enumerate(paden):
        title = pad.doel.omschrijving
        if pad.indicatief:
            title += f" (indicatief, vanaf eind {pad.basis})"
        grafiek.toon(context.memo(bandbreedtes_chart.band, pad, title), key=f"band_{i}")
        st.caption(fmt.plain(bandbreedtes.note(pad)))  # the document's toelichting
    band_evaluations = [e for e in context.evaluations() if e.soort == "bandbreedte"]
    st.dataframe(scorecard.table(band_evaluations), hide_index=True)

st.header("Projecten")
drilldown.rows(
    dashboard.production(con, selection),
    "Projecten in de selectie",
    key="projecten",
    columns=jaarschijven.PROJECT_COLUMNS,
)
