"""Betaalbaarheid: is the stock still affordable as agreed?

Rents against the limits in force on the peildatum, and per target the share of homes under its
limit against the agreed norm: per corporatie, over every peildatum, per kern. Every figure
opens to the vhe rows behind it.
"""

import streamlit as st

from prestatie import dashboard, fmt
from prestatie.beoordeling import huurregel, scorecard, selectie
from prestatie.betaalbaarheid import (
    huren_chart,
    huurstijging,
    huurstijging_chart,
    huurverdeling,
    sections,
    texts,
)
from prestatie.referentie.peildatum import verslagjaar
from ui import context, drilldown, grafiek

selection = context.frame()
st.title("Betaalbaarheid")
caption = st.empty()

DRILL_COLUMNS = drilldown.VHE_COLUMNS

gemeente_only = selectie.Filters(gemeente=selection.gemeente)
stock = context.stock(gemeente_only)
doelen = texts.rent_targets(context.doelen(), selection.gemeente)

left, right = st.columns([3, 2])
lezing = left.radio(
    "Welke huurgrens",
    [huurregel.INDEXED, huurregel.FIXED],
    horizontal=True,
    key="prijspeil",
    format_func={
        huurregel.INDEXED: "grens van het jaar van de peildatum (geïndexeerd)",
        huurregel.FIXED: "vast bedrag uit het document (prijspeil)",
    }.get,
    help="De afspraken noemen een bedrag met een prijspeil (€ 678,66 prijspeil 2022). "
    "Geïndexeerd: de grens met dezelfde naam die op de peildatum geldt. Vast: het bedrag "
    "uit het document, elk jaar hetzelfde.",
)
huur = huurregel.KALE_HUUR
if texts.has_rekenhuur(stock):
    huur = left.radio(
        "Welke huur",
        [huurregel.KALE_HUUR, huurregel.REKENHUUR],
        horizontal=True,
        key="huur",
        format_func={
            huurregel.KALE_HUUR: "kale/netto huur",
            huurregel.REKENHUUR: "rekenhuur (waar het bestand die had)",
        }.get,
        help="De rekenhuur is de kale huur plus de subsidiabele servicekosten: de huur die de "
        "huurtoeslag toetst. Woningen zonder rekenhuur in hun bestand tellen met hun kale huur.",
    )
huurtekst = texts.rent_text(huur, stock)
rekenhuur = huur == huurregel.REKENHUUR
if rekenhuur:
    stock = context.stock(gemeente_only, huur=huur)
if lezing == huurregel.FIXED:  # a document's own amount: counted from the rows, for this page
    stock = dashboard.with_fixed_amounts(context.cursor(), stock, doelen, huur)
caption.caption(
    "Is de voorraad nog betaalbaar zoals afgesproken? Het aandeel woningen onder de "
    "huurgrens tegen de norm uit de afspraken, en de huren tegen de huurgrenzen die op de "
    f"peildatum gelden. Huur: {huurtekst}."
)
evaluations = [
    e for e in context.evaluations(lezing, filtered=False, huur=huur) if e.soort == "aandeel_huur"
]
peildata = texts.peildata(stock, selection.corporatie, selection.jaar)
if not peildata:
    st.info("Geen voorraadgegevens voor deze selectie. Lees een voorraadlijst in op *Gegevens*.")
    st.subheader("Doelen")
    st.dataframe(
        scorecard.table([e for e in evaluations if dashboard.matches(e, selection)]),
        hide_index=True,
    )
    st.stop()
peil = right.selectbox(
    "Peildatum",
    peildata,
    format_func=fmt.datum,
    key="peildatum",
    help="Een peildatum 1 januari telt voor het jaar ervoor, maar de huurgrenzen zijn die "
    "van de peildatum zelf.",
)
jaar = verslagjaar(peil)
if note := texts.limits_missing(peil):
    st.warning(note)

# ---- per target: the stand per corporatie, the trend and the split per kern -----------------


_read: dict = {}  # this run's stock per gemeente


def _stock_of(gemeente: str):
    """The stock a target is judged on: its gemeente's, so that its section is computed once
    for every selection that shows it (the whole country or the gemeente)."""
    if gemeente == selection.gemeente:
        return stock
    if gemeente not in _read:
        own = context.stock(selectie.Filters(gemeente=gemeente), huur=huur)
        if lezing == huurregel.FIXED:
            own = dashboard.with_fixed_amounts(context.cursor(), own, doelen, huur)
        _read[gemeente] = own
    return _read[gemeente]


found = (
    context.memo(
        sections.section,
        _stock_of(doel.gemeente),
        doel,
        evaluations,
        selection.corporatie,
        jaar,
        peil,
        lezing,
        rekenhuur,
    )
    for doel in doelen
)
shown = [s for s in found if s is not None]

st.header(f"Stand {jaar} (peildatum {fmt.datum(peil)})")
if shown:
    st.dataframe(
        texts.overview_table([(s.doel, s.stand) for s in shown]),
        hide_index=True,
        column_config={"Doel": st.column_config.TextColumn(width="large")},
    )
else:
    st.info("Voor deze selectie is geen afspraak over het aandeel huren tot een grens.")

for section in shown:
    doel = section.doel
    key = f"{doel.document}_{doel.id}"
    st.subheader(
        f"{fmt.plain(doel.afspraak)} · {fmt.plain(doel.omschrijving)} ({fmt.plain(doel.gemeente)})"
    )
    st.caption(f"Gemeten: huur {section.rule_text}. Document: “{fmt.plain(doel.tekst)}”")
    with st.expander("Hoe dit doel gelezen wordt"):
        st.markdown(fmt.plain(doel.toelichting))
    if doel.params.get("basis") == "aanbod":
        st.info(
            "Dit doel meet het aanbod: de verhuringen van het jaar (pagina *Woningzoekenden*). "
            "Hier de voorraad ter vergelijking; een jaar zonder verhuringen meet de monitor op "
            "de voorraad en zegt dat ('gemeten op de voorraad, geen verhuringen ingelezen').",
            icon=":material/info:",
        )
    tab_stand, tab_trend, tab_kern = st.tabs(
        ["Per corporatie", "Ontwikkeling", "Per kern"], key=f"tabs_{key}", on_change="rerun"
    )
    if tab_stand.open:  # only the open tab is built
        with tab_stand:
            grafiek.toon(context.memo(sections.stand_figure, section), key=f"stand_{key}")
            drilldown.vhe(
                section.above_year,
                section.above_title,
                f"boven_{key}_{jaar}",
                DRILL_COLUMNS,
                order="hoogste_huur",
            )
    if tab_trend.open:
        with tab_trend:
            grafiek.toon(context.memo(sections.trend_figure, section), key=f"trend_{key}")
            drilldown.vhe(
                section.above_all,
                section.above_all_title,
                f"boven_{key}_alle",
                DRILL_COLUMNS,
                order="hoogste_huur",
            )
    if tab_kern.open:
        with tab_kern:
            grafiek.toon(context.memo(sections.kern_figure, section), key=f"kern_{key}")
            if section.without_kern:
                st.caption(
                    f"{fmt.aantal_woningen(round(section.without_kern))} zonder kern in het "
                    "bestand."
                )
            drilldown.vhe(section.kern_rows, section.kern_title, f"kern_{key}_{jaar}", order="kern")

# ---- the rent increase against inflation -----------------------------------------------------
stijgingsdoelen = huurstijging.targets(context.doelen(), selection.gemeente)
if stijgingsdoelen:
    st.header("Huurstijging tegen inflatie")
    st.caption(huurstijging.inflation_text())
    all_evaluations = context.evaluations(filtered=False)
for doel in stijgingsdoelen:
    st.subheader(
        f"{fmt.plain(doel.afspraak)} · {fmt.plain(doel.omschrijving)} ({fmt.plain(doel.gemeente)})"
    )
    st.caption(f"Document: “{fmt.plain(doel.tekst)}”")
    with st.expander("Hoe dit doel gelezen wordt"):
        st.markdown(fmt.plain(doel.toelichting))
    reeksen = context.memo(
        huurstijging.series, doel, context.huursom(doel.gemeente), selection.corporatie
    )
    for reeks in reeksen:
        key = f"stijging_{doel.document}_{doel.id}_{reeks.corporatie}"
        judged = huurstijging.evaluations_of(reeks, all_evaluations)
        statuses = {e.jaar: e.status for e in judged}
        st.plotly_chart(
            context.memo(
                huurstijging_chart.increase_against_inflation,
                reeks,
                statuses,
                f"{reeks.corporatie} in {doel.gemeente}: huursomstijging tegen inflatie",
            ),
            key=key,
        )
        st.caption(huurstijging.homes_text(reeks))
        st.dataframe(
            scorecard.table(judged),
            hide_index=True,
            column_config={"Berekening": st.column_config.TextColumn(width="large")},
        )
        if not reeks.reeks.empty:
            years = [int(j) for j in reeks.reeks["jaar"]]
            chosen = st.selectbox(
                "Woningen met de grootste stijging in", years[::-1], key=f"jaar_{key}"
            )
            top, total = context.largest_increases(doel.gemeente, reeks.corporaties, chosen)
            with st.expander(
                f"De {fmt.num(len(top))} woningen met de grootste huurstijging in {chosen} "
                f"(van {fmt.num(total)})",
                icon=":material/table_view:",
            ):
                st.dataframe(context.memo(huurstijging.drill_table, top), hide_index=True)

# ---- the distribution of the selected stock --------------------------------------------------
st.header("Huurverdeling")
rows = texts.at_peildatum(stock, selection.corporatie, peil)
bins = context.rent_bins(peil, selection.gemeente, selection.corporatie, huur)
vorm = st.radio("Weergave", ["verdeling", "cumulatief"], horizontal=True, key="huurverdeling_vorm")
document = huurverdeling.document_amounts(doelen) if lezing == huurregel.FIXED else ()
grafiek.toon(
    context.memo(
        huren_chart.rent_distribution,
        bins,
        huurverdeling.grenslijnen(bins, peil, document),
        f"Huurverdeling op {fmt.datum(peil)}: {selection.corporatie or 'alle corporaties'}, "
        f"{selection.gemeente or 'alle gemeenten'} "
        f"({fmt.aantal_woningen(round(rows['aantal'].sum()))})",
        huurtekst,
        cumulatief=vorm == "cumulatief",
    ),
    key="huurverdeling",
)
st.dataframe(
    huurverdeling.shares_per_limit_table(huurverdeling.shares_per_limit(rows, peil)),
    hide_index=True,
)
drilldown.vhe(
    [
        selectie.Rows(
            gemeente=selection.gemeente,
            corporaties=None if selection.corporatie is None else (selection.corporatie,),
            peildatum=peil,
        )
    ],
    f"woningen in de huurverdeling, {fmt.datum(peil)}",
    f"huurverdeling_{peil.isoformat()}",
)

st.subheader("Grensbedragen")
st.caption(
    "Beide lezingen van elke grens: de keuze bovenaan bepaalt welke meetelt. 'Woningen precies "
    "op de grens': huren gelijk aan de grens die op de peildatum geldt; 'tot' de grens is in "
    "beide documenten gelezen als onder de grens, dus die tellen niet mee."
)
st.dataframe(huurverdeling.limit_amounts(doelen, peil, stock), hide_index=True)

st.subheader("Doelen in de scorecard")
st.dataframe(
    scorecard.table([e for e in evaluations if dashboard.matches(e, selection)]),
    hide_index=True,
    column_config={"Berekening": st.column_config.TextColumn(width="large")},
)
