"""Woningzoekenden: who gets which home? The lettings per corporatie and year, the share of the
offer under each rent limit against the norm, the statushouders and the search time, and the
targets on them; every figure opens to the lettings behind it."""

import streamlit as st

from prestatie import dashboard
from prestatie.beoordeling import huurregel, scorecard
from prestatie.presenteren import conclusies
from prestatie.woningzoekenden import verhuringen, verhuringen_chart
from ui import context, drilldown, grafiek

selection = context.frame()
st.title("Woningzoekenden")
st.caption(
    "Wie krijgt welke woning? Uit de verhuringenlijsten van de corporaties: het aantal "
    "verhuringen, het aandeel van het aanbod onder de huurgrenzen (de grens die op de datum van "
    "verhuur gold), de toewijzingen aan statushouders en hoe lang de nieuwe huurders zochten."
)

doelen = verhuringen.lettings_targets(context.doelen(), selection.gemeente)
evaluations = verhuringen.lettings_evaluations(context.evaluations(filtered=False), doelen)
shown = [e for e in evaluations if dashboard.matches(e, selection)]
lettings, zoekduren = context.lettings(selection.gemeente)
summary = context.memo(
    verhuringen.summary, lettings, zoekduren, selection.gemeente, selection.corporatie
)
if selection.jaar is not None:
    summary = summary[summary["jaar"] == selection.jaar]
where = {"gemeente": selection.gemeente, "corporatie": selection.corporatie,
         "jaar": selection.jaar}  # fmt: skip


def norm_of(soort: str, offer: bool = False) -> float | None:
    """The norm of the gemeente's target of this kind (one gemeente chosen), for the line."""
    if selection.gemeente is None:
        return None
    for doel in doelen:
        if doel.soort == soort and (not offer or doel.params.get("basis") == "aanbod"):
            years = [p.tot for p, _ in doel.norm]
            return huurregel.norm_in(doel, selection.jaar or max(years))
    return None


if summary.empty:
    st.info(verhuringen.no_lettings_text(selection.gemeente, selection.corporatie))
else:
    st.header("Verhuringen per corporatie en jaar")
    st.markdown(conclusies.verhuringen(summary))
    grafiek.toon(
        context.memo(
            verhuringen_chart.per_jaar, summary, "aantal", "Verhuringen per jaar", "verhuringen"
        ),  # fmt: skip
        key="verhuringen_aantal",
    )
    st.dataframe(verhuringen.summary_table(summary), hide_index=True)
    drilldown.verhuringen("verhuringen van de selectie", "verhuringen_selectie", **where)


kolom, woorden = verhuringen.offer_rule(doelen)
st.header("Aanbod onder de huurgrenzen")
st.caption(
    f"Het aandeel verhuringen met een huur {woorden} die op de datum van verhuur gold (de "
    "grenzen gelden vanaf 1 januari), zoals het doel een huur op de grens leest. Een verhuring "
    "zonder huur telt mee in het totaal en nooit onder de grens. De tabel bovenaan geeft elke "
    "grens (tot en met)."
)
for line in verhuringen.offer_lines(shown, doelen, selection.jaar):
    st.markdown(f"- {line}")
if not summary.empty:
    grafiek.toon(
        context.memo(
            verhuringen_chart.per_jaar,
            summary,
            kolom,
            f"Aanbod met een huur {woorden}",
            "aandeel van de verhuringen",
            share=True,
            norm=norm_of("aandeel_huur", offer=True),
        ),
        key="verhuringen_aanbod",
    )

if not summary.empty:
    st.header("Statushouders")
    grafiek.toon(
        context.memo(
            verhuringen_chart.per_jaar,
            summary,
            "aandeel_statushouders",
            "Aandeel toewijzingen aan statushouders",
            "aandeel van de verhuringen",
            share=True,
            norm=norm_of("aandeel_toewijzing"),
        ),
        key="verhuringen_statushouders",
    )
    st.caption("De statushouders per corporatie en het deel van elk (verdeling tussen hen):")
    st.dataframe(verhuringen.split_table(summary), hide_index=True)
    drilldown.verhuringen(
        "toewijzingen aan statushouders", "verhuringen_statushouders", route="statushouder",
        **where,
    )  # fmt: skip

    st.header("Zoekduur")
    st.caption(
        "Hoe lang de nieuwe huurders zochten: de mediaan en het aandeel dat binnen 12 maanden "
        "een woning vond. Wat gemeten is staat in de tabel: de zoekduur, of waar een lijst "
        "alleen die heeft de inschrijfduur (de tijd sinds inschrijving; meestal langer)."
    )
    left, right = st.columns(2)
    with left:
        grafiek.toon(
            context.memo(
                verhuringen_chart.per_jaar,
                summary,
                "zoekduur_mediaan",
                "Mediane zoekduur",
                "maanden",
            ),  # fmt: skip
            key="verhuringen_zoekduur",
        )
    with right:
        grafiek.toon(
            context.memo(
                verhuringen_chart.per_jaar,
                summary,
                "binnen_12",
                "Binnen 12 maanden een woning",
                "aandeel van de verhuringen",
                share=True,
                norm=norm_of("zoekduur"),
            ),
            key="verhuringen_binnen",
        )

st.header("Doelen op de verhuringen")
if shown:
    for rows in verhuringen.per_target(shown):
        line = conclusies.lettings_target(rows)
        st.markdown(f"**{rows[0].afspraak} · {rows[0].omschrijving}**: {line}")
    st.dataframe(
        scorecard.table(shown),
        hide_index=True,
        column_config={"Berekening": st.column_config.TextColumn(width="large")},
    )
else:
    st.info("Voor deze selectie is geen afspraak over het aanbod, statushouders of zoekduur.")
