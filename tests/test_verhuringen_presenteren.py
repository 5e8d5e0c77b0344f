"""The lettings in the overleg: the page's summary per corporatie and year, the conclusions in
plain Dutch, the slides of the targets on the lettings and the Excel sheet Verhuringen; figures
by hand."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pandas as pd
import pytest

from prestatie import dashboard
from prestatie.beoordeling.selectie import Filters
from prestatie.beoordeling.status import Evaluation
from prestatie.presenteren import conclusies, monitor_excel, slides
from prestatie.woningzoekenden import verhuringen
from tests import counting
from tests.test_verhuurdoelen import letting, write_lettings


def split_evaluation(corporatie: str, own: int, total: int, status: str) -> Evaluation:
    return Evaluation(
        "borger-odoorn-2023", "C3", "C3-statushouders", "Statushouders 50-50",
        "verdeling_toewijzing", corporatie, "Borger-Odoorn", 2023, "2023", "band", (0.4, 0.6),
        own / total, status, basis=float(total), peildatum=date(2023, 12, 20),
        uitleg="", gemeten_op="verhuringen",
    )  # fmt: skip


def test_the_split_conclusion_names_the_numbers():
    rows = [
        split_evaluation("Lefier", 4, 14, "niet behaald"),
        split_evaluation("Woonservice", 10, 14, "niet behaald"),
    ]
    assert conclusies.verdeling(rows) == (
        "2023: van de 14 toewijzingen aan statushouders huisvestte Lefier 4 en Woonservice 10 "
        "(29% en 71%); afgesproken is 40% tot 60% elk: niet behaald."
    )


@pytest.fixture
def summary():
    con = counting.database([])
    rows = [
        letting("Lefier", "2023-03-01", 600.0, "statushouder", 6.0),
        letting("Lefier", "2023-04-01", 647.19, zoekduur=14.0),
        letting("Lefier", "2023-05-01", None, zoekduur=30.0),
        letting("Domesta", "2023-06-01", 700.0, zoekduur=20.0, soort="inschrijfduur"),
    ]
    write_lettings(con, rows)
    return verhuringen.summary(*dashboard.lettings_facts(con, ["Emmen"]))


def test_summary_per_corporatie_and_year(summary):
    lefier = summary[summary["corporatie"] == "Lefier"].iloc[0]
    assert (lefier["aantal"], lefier["statushouders"]) == (3, 1)
    assert lefier["aandeel_statushouders"] == pytest.approx(1 / 3)
    # € 600,00 and € 647,19 are up to and including the 1e aftoppingsgrens 2023 (€ 647,19);
    # the letting without a rent counts in the total only
    assert lefier["aandeel_tot_eerste_aftoppingsgrens"] == pytest.approx(2 / 3)
    assert lefier["aandeel_tot_kwaliteitskortingsgrens"] == 0  # € 452,20
    assert lefier["zoekduur_mediaan"] == 14.0  # 6, 14, 30
    assert lefier["binnen_12"] == pytest.approx(1 / 3)
    assert lefier["gemeten"] == "zoekduur"
    domesta = summary[summary["corporatie"] == "Domesta"].iloc[0]
    assert (domesta["statushouders"], domesta["gemeten"]) == (0, "inschrijfduur")
    table = verhuringen.summary_table(summary)
    row = table[table["Corporatie"] == "Lefier"].iloc[0]
    assert (row["Statushouders"], row["Mediane zoekduur"], row["t/m 1e aftoppingsgrens"]) == (
        "1 (33,3%)", "14,0 mnd", "66,7%")  # fmt: skip


def test_the_lettings_conclusion(summary):
    assert conclusies.verhuringen(summary) == (
        "2023: Domesta en Lefier verhuurden 4 woningen in Emmen, 1 aan statushouders (25,0%)."
    )
    assert conclusies.verhuringen(summary.iloc[:0]) == "Nog geen verhuringen ingelezen."


def test_the_excel_has_a_sheet_of_lettings_narrowed_to_the_selection(summary):
    data = monitor_excel.workbook_bytes(
        [], [], [], pd.DataFrame(columns=["id", "soort", "corporatie", "gemeente"]),
        Filters(corporatie="Lefier"), date(2026, 6, 1), summary.to_dict("records"),
    )  # fmt: skip
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Verhuringen"]
    header = [c.value for c in sheet[1]]
    assert header[:6] == ["Corporatie", "Gemeente", "Jaar", "Verhuringen", "Statushouders",
                          "Aandeel statushouders"]  # fmt: skip
    assert sheet.max_row == 2  # Lefier only
    row = {h: sheet.cell(2, i + 1) for i, h in enumerate(header)}
    assert row["Verhuringen"].value == 3 and row["Statushouders"].value == 1
    assert row["t/m 1e aftoppingsgrens"].value == pytest.approx(2 / 3)
    assert row["t/m 1e aftoppingsgrens"].number_format == "0.0%"
    assert row["Gemeten als"].value == "zoekduur"


def test_the_deck_has_a_slide_per_target_on_the_lettings(demo_db):
    con = dashboard.open_database(demo_db)
    evaluations = dashboard.evaluations(con, date(2026, 6, 1))
    deck = slides.slides_for(evaluations, pd.DataFrame(), {})
    keys = {s.key: s for s in deck}
    split = keys["verdeling_toewijzing:borger-odoorn-2023:C3-statushouders"]
    assert split.thema == "Woningzoekenden"
    assert split.conclusion.startswith("2023: van de ")
    assert "aandeel_toewijzing:emmen-2019-2024:BB-18-statushouders" in keys
    assert "zoekduur:emmen-2019-2024:BB-1-zoekduur" in keys
    offer = keys["aandeel_huur:emmen-2019-2024:BB-25-eerste-aftoppingsgrens"]
    assert offer.thema == "Betaalbaarheid"


def test_the_search_time_conclusion_says_median_and_months():
    e = Evaluation(
        "emmen-2019-2024", "BB-1", "BB-1-zoekduur", "Binnen een jaar", "zoekduur",
        "Domesta + Lefier", "Emmen", 2023, "2023", "min", 1.0, 0.5, "niet behaald",
        tekort=2, basis=4.0, peildatum=date(2023, 12, 1),
        uitleg="verhuringen 2023: mediaan 12,5 maanden; 2 van 4 verhuringen (50,0%) binnen 12 "
        "maanden; gemeten als zoekduur", gemeten_op="verhuringen",
    )  # fmt: skip
    assert conclusies.lettings_target([e]) == (
        "Stand 2023: van de nieuwe huurders van Domesta en Lefier samen vond 50,0% binnen 12 "
        "maanden een woning (mediaan 12,5 maanden); afgesproken is 100%: niet behaald."
    )


def test_the_offer_chart_reads_a_rent_as_the_target_does(summary):
    from prestatie.afspraken.toml_reader import default_folder, load_agreements

    doelen = [d for a in load_agreements(default_folder()) for d in a.doelen]
    column, words = verhuringen.offer_rule([d for d in doelen if d.gemeente == "Emmen"])
    emmen = next(d for d in doelen if d.id == "BB-25-eerste-aftoppingsgrens")
    inclusief = emmen.params["inclusief"]
    assert column == f"aandeel_{'tot' if inclusief else 'onder'}_eerste_aftoppingsgrens"
    assert words == f"{'tot en met' if inclusief else 'onder'} de 1e aftoppingsgrens"
    lefier = summary[summary["corporatie"] == "Lefier"].iloc[0]
    # € 647,19 is on the 2023 limit: under it only € 600,00 of the three lettings
    assert lefier["aandeel_onder_eerste_aftoppingsgrens"] == pytest.approx(1 / 3)
    assert verhuringen.offer_rule([])[0] == "aandeel_tot_eerste_aftoppingsgrens"
