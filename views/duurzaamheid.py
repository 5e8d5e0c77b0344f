"""Duurzaamheid: is each corporatie on the agreed path to a sustainable stock?"""

import streamlit as st

from prestatie import fmt
from prestatie.beoordeling import scorecard, selectie
from prestatie.duurzaamheid import (
    energie_index,
    energie_index_chart,
    labelovergangen,
    labelovergangen_chart,
    labelpaden,
    labelpaden_chart,
    labeltelling,
    labelverdeling,
    labelverdeling_chart,
    verkooplabels,
)
from prestatie.referentie import labels
from ui import context, drilldown, grafiek

selection = context.frame()
st.title("Duurzaamheid")
st.caption(
    "Energielabels tegen de afgesproken paden: de fasering van Domesta, het aandeel label A of "
    "B van Woonservice, de E-, F- en G-woningen en de woningen naar label A van Lefier. Een "
    "doel is een streep op het doeljaar in de kleur van zijn status, met een driehoekje ernaast "
    "(▲ minimaal, ▼ maximaal); de stippellijn is het afgesproken pad. Het jaarfilter geldt "
    "voor de labelverdeling en de doelentabel; de paden tonen altijd alle jaren."
)

doelen = context.doelen()
pads = labelpaden.select(
    context.memo(labelpaden.paden, doelen, context.facts(), context.evaluations(filtered=False)),
    selection,
)
of_kind = {soort: [p for p in pads if p.doel.soort == soort] for soort in labelpaden.SOORTEN}
history = context.stock(
    selectie.Filters(gemeente=selection.gemeente, corporatie=selection.corporatie),
    by=("corporatie", "gemeente", "peildatum", "jaar"),
)

# ---- label distribution ----
st.header("Labelverdeling")
stock = context.stock(selection, by=("corporatie", "gemeente", "peildatum", "jaar", "label"))
grafiek.toon(
    context.memo(
        labelverdeling_chart.label_distribution,
        context.memo(labelverdeling.label_counts, stock),
        "Labelverdeling per corporatie en peildatum",
    ),
    key="labelverdeling",
)
st.caption(
    "Aandeel van alle woningen per labelklasse, in de officiële labelkleuren. Woningen met "
    "label *onbekend* staan apart bovenaan (grijs gearceerd; hun aantal staat boven de balk "
    "achter het vraagteken) en tellen mee in het totaal."
)
drilldown.vhe(
    [
        selectie.Rows(
            gemeente=selection.gemeente,
            corporaties=None if selection.corporatie is None else (selection.corporatie,),
            jaren=None if selection.jaar is None else (selection.jaar,),
            labels=(labels.ONBEKEND,),
        )
    ],
    "Woningen met label onbekend",
    key="labels_onbekend",
)

# ---- shares against the fasering ----
st.header("Aandeel per labelgroep tegen de afspraak")
if not of_kind["aandeel_label"]:
    st.info("Geen labelaandeel-doelen voor deze selectie.")
for i, group in enumerate(labelpaden.by_agreement(of_kind["aandeel_label"])):
    first = group[0]
    grafiek.toon(
        context.memo(
            labelpaden_chart.share_paths,
            group,
            f"{first.titel}: aandeel per labelgroep ({first.doel.afspraak})",
        ),
        key=f"aandeel_{i}",
    )
    st.dataframe(labelpaden.milestone_table(group), hide_index=True)
    chosen = st.selectbox(
        "Woningen tonen van labelgroep",
        range(len(group)),
        format_func=lambda j, g=group: labelpaden.group_name(g[j]),
        key=f"aandeel_groep_{i}",
    )
    pad = group[chosen]
    drilldown.vhe(
        labelpaden.latest_rows(pad),
        f"{pad.titel}, label {labelpaden.group_name(pad)}, eind {pad.laatste_jaar or '–'}",
        key=f"aandeel_rijen_{i}",
    )


# ---- mean label, a count to zero, homes that reached a label: one section per target ----
def section(pad, kind: str, i: int, header: str, figure, rows_title: str | None) -> None:
    """Header, the path's figure, one status line per milestone, and the rows behind it."""
    st.header(f"{header}: {fmt.plain(pad.titel)}")
    grafiek.toon(figure, key=f"{kind}_{i}")
    for e in pad.evaluaties:
        st.caption(
            f"{scorecard.STATUS_TEKEN[e.status]} {e.periode}: {e.status}. {fmt.plain(e.uitleg)}."
        )
    if rows_title:
        drilldown.vhe(labelpaden.latest_rows(pad), rows_title, key=f"{kind}_rijen_{i}")


for i, pad in enumerate(of_kind["gemiddeld_label"]):
    title = f"{pad.titel}: gemiddeld label ({pad.doel.afspraak})"
    section(
        pad,
        "gemiddeld",
        i,
        "Gemiddeld label",
        context.memo(labelpaden_chart.mean_label, pad, title),
        None,
    )

for i, pad in enumerate(of_kind["naar_nul"]):
    group = ", ".join(pad.doel.params["labels"])
    title = f"{pad.titel}: woningen met label {group} ({pad.doel.afspraak})"
    rows_title = f"Woningen met label {group}, {pad.titel}, eind {pad.laatste_jaar or '–'}"
    section(
        pad,
        "naar_nul",
        i,
        f"Label {group} naar nul",
        context.memo(labelpaden_chart.to_zero, pad, title),
        rows_title,
    )

for i, pad in enumerate(of_kind["labelsprong"]):
    minimum = pad.doel.params["label"]
    title = f"{pad.titel}: woningen naar label {minimum} ({pad.doel.afspraak})"
    rows_title = (
        f"Woningen die in {pad.laatste_jaar or '–'} naar {minimum} of beter gingen, {pad.titel}"
    )
    section(
        pad,
        "sprong",
        i,
        f"Woningen naar label {minimum}",
        context.memo(labelpaden_chart.jumps, pad, title),
        rows_title,
    )

# ---- homes sold with at least a label, linked through the vhe number ----
sale_targets = verkooplabels.targets(doelen, selection.gemeente, selection.corporatie)
if sale_targets:
    st.header("Verkochte woningen en hun label")
    st.caption(
        "Elke verkoop in de productielijst met een eenheidnummer, gekoppeld aan het laatste "
        "label van die woning in de voorraadlijst vóór de verkoopdatum. Verkopen die niet te "
        "koppelen zijn (geen eenheidnummer, of een nummer dat niet in de voorraad staat) worden "
        "geteld en genoemd, niet geraden."
    )
for doel in sale_targets:
    st.subheader(
        f"{fmt.plain(doel.afspraak)} · {fmt.plain(doel.omschrijving)} ({fmt.plain(doel.gemeente)})"
    )
    st.caption(f"Document: “{fmt.plain(doel.tekst)}”")
    with st.expander("Hoe dit doel gelezen wordt"):
        st.markdown(fmt.plain(doel.toelichting))
    st.dataframe(
        scorecard.table(verkooplabels.of_target(doel, context.evaluations(filtered=False))),
        hide_index=True,
        column_config={"Berekening": st.column_config.TextColumn(width="large")},
    )
    corporaties = doel.corporaties or ((selection.corporatie,) if selection.corporatie else ())
    key = f"verkoop_{doel.document}_{doel.id}"
    sold_below, n_below = context.linked_production(
        doel.gemeente, corporaties, "verkoop", verkooplabels.years(doel), verkooplabels.below(doel)
    )
    all_sales, n_sales = context.linked_production(
        doel.gemeente, corporaties, "verkoop", verkooplabels.years(doel), None
    )
    with st.expander(
        f"Verkocht onder label {doel.params['label']}: "
        f"{fmt.meervoud(n_below, 'woning', 'woningen')}",
        icon=":material/table_view:",
    ):
        st.dataframe(verkooplabels.sales_table(sold_below), hide_index=True)
    with st.expander(
        f"Alle verkopen en hun koppeling: {fmt.meervoud(n_sales, 'rij', 'rijen')}",
        icon=":material/table_view:",
    ):
        st.dataframe(verkooplabels.sales_table(all_sales), hide_index=True)

# ---- energy index ----
st.header("Energie-index")
trend = context.memo(energie_index.energy_index_trend, history)
if trend.empty:
    st.info("De ingelezen voorraadlijsten van deze selectie hebben geen energie-index.")
else:
    grafiek.toon(
        context.memo(
            energie_index_chart.energy_index, trend, "Gemiddelde energie-index per peildatum"
        ),
        key="energie_index",
    )
    st.caption(
        "Gemiddeld over de woningen met een energie-index (het aantal staat bij elk punt); "
        f"tussen haakjes het label van dat gemiddelde volgens de tabel "
        f"{energie_index.INDEX_TABEL}. Een EP2 (NTA 8800) bewaart de database niet."
    )

# ---- transitions ----
st.header("Labelovergangen tussen twee peildata")
dates = labelovergangen.peildata(history)
if len(dates) < 2:
    st.info("Voor labelovergangen zijn voorraadlijsten op minstens twee peildata nodig.")
else:
    left, right = st.columns(2)
    van = left.selectbox(
        "Van peildatum", dates[:-1], index=len(dates) - 2, format_func=fmt.datum, key="van"
    )
    later = [d for d in dates if d > van]
    naar = right.selectbox(
        "Naar peildatum", later, index=len(later) - 1, format_func=fmt.datum, key="naar"
    )
    counts = context.memo(
        labelovergangen.transitions,
        context.transitions(van, naar, selection.gemeente, selection.corporatie),
    )
    summary = labelovergangen.transition_summary(counts)
    st.markdown(
        f"Van de woningen op beide peildata (vergeleken per eenheidnummer) kregen "
        f"**{fmt.aantal_woningen(summary[labelovergangen.BETER])}** een beter label, "
        f"{fmt.aantal_woningen(summary[labelovergangen.GELIJK])} hetzelfde en "
        f"**{fmt.aantal_woningen(summary[labelovergangen.SLECHTER])}** een slechter; bij "
        f"{fmt.aantal_woningen(summary[labelovergangen.ONVERGELIJKBAAR])} is het label op een "
        f"van beide peildata onbekend. {fmt.aantal_woningen(summary[labelovergangen.UIT_BEZIT])} "
        f"gingen uit bezit, {fmt.aantal_woningen(summary[labelovergangen.NIEUW])} kwamen erbij."
    )
    grafiek.toon(
        context.memo(
            labelovergangen_chart.transitions,
            counts,
            van,
            naar,
            f"Labels op {fmt.datum(van)} en op {fmt.datum(naar)}",
        ),
        key="overgangen",
    )
    st.dataframe(labelovergangen.transition_table(counts).map(fmt.num), key="overgangstabel")
    st.caption("Rijen: label op de eerste peildatum; kolommen: label op de tweede.")
    classes = [*labels.ALLE, labelovergangen.NIEUW, labelovergangen.UIT_BEZIT]
    first, then = labelovergangen.largest(counts) or ("D", "B")
    left, right = st.columns(2)
    van_label = left.selectbox(
        "Van label", classes[:-1], index=classes.index(first), key="van_label"
    )
    naar_label = right.selectbox(
        "Naar label", classes[:-2] + classes[-1:], index=classes.index(then), key="naar_label"
    )
    columns = drilldown.VHE_COLUMNS
    drilldown.vhe(
        labelovergangen.moved_rows(
            van,
            naar,
            van_label,
            naar_label,
            selection.gemeente,
            None if selection.corporatie is None else (selection.corporatie,),
        ),
        f"Woningen van {van_label} naar {naar_label}",
        key="overgang_rijen",
        columns=columns,
    )

# ---- how labels are counted ----
st.header("Hoe de labels worden geteld")
st.markdown("\n".join(f"- {note}" for note in labeltelling.method_notes()))

st.header("Doelen")
evaluations = [e for e in context.evaluations() if e.soort in labelpaden.SOORTEN]
st.dataframe(scorecard.table(evaluations), hide_index=True)
