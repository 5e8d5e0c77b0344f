"""The register of agreements: status history (append-only, latest wins), document versions
with undo, the register table, the Overzicht block and the year-end workbook. Small documents
written here; expected values typed by hand."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest

from prestatie.afspraken import jaaragenda, register, schema, toml_reader
from prestatie.beoordeling.status import Evaluation
from prestatie.opslag import queries, register_store, store

TOML = """
[document]
id = "proef-2026"
titel = "Proefafspraken 2026"
gemeente = "Emmen"
partijen = ["Gemeente Emmen", "Lefier", "Woonservice Drenthe", "Huurdersvereniging X"]
periode = [2025, 2026]
bron = "hand"
themas = { A = "Betaalbaarheid", B = "Samenwerking" }

[[afspraak]]
nummer = "A1"
thema = "A"
tekst = "Minimaal 90% tot de aftoppingsgrens."
resultaat = "Betaalbare voorraad"
tijd = "2026"
trekker = "LF,WS"
jaarschijf = ""
status = "loopt"

[[afspraak]]
nummer = "B1"
thema = "B"
tekst = "Kwartaaloverleg wonen en zorg is operationeel."
resultaat = ""
tijd = "2026"
trekker = "gemeente"
jaarschijf = ""
status = "niet gestart"

[[afspraak]]
nummer = "B2"
thema = "B"
tekst = "Jaarlijkse evaluatie in februari."
resultaat = ""
tijd = "jaarlijks"
trekker = "allen"
jaarschijf = ""
status = "loopt"

[[doel]]
id = "A1"
afspraak = "A1"
omschrijving = "90% tot de grens"
tekst = "Minimaal 90% tot de aftoppingsgrens."
soort = "aandeel_huur"
corporaties = ["Lefier"]
per_corporatie = true
richting = "min"
norm = { "2026" = 0.9 }
grens = "tweede_aftoppingsgrens"
inclusief = false
prijspeil = 2026
bedrag = 700.0
basis = "voorraad"
"""


@pytest.fixture
def proef() -> schema.Agreement:
    return toml_reader.parse_agreement(TOML, "proef-2026.toml")


def evaluation(status: str, jaar: int = 2026, waarde: float = 0.903) -> Evaluation:
    return Evaluation(
        document="proef-2026",
        afspraak="A1",
        doel="A1",
        omschrijving="90% tot de grens",
        soort="aandeel_huur",
        corporatie="Lefier",
        gemeente="Emmen",
        jaar=jaar,
        periode=str(jaar),
        richting="min",
        norm=0.9,
        waarde=waarde,
        status=status,
    )


# --- status history --------------------------------------------------------------------------


def test_two_entries_both_kept_latest_wins(con, proef):
    register_store.set_status(con, "proef-2026", "B1", 2026, "loopt", "gestart", "Anna")
    register_store.set_status(con, "proef-2026", "B1", 2026, "gereed", "eerste overleg", "Bert")
    register_store.set_status(con, "proef-2026", "B1", 2025, "vertraagd", "", "Anna")
    history = register_store.status_history(con, "proef-2026")
    assert list(zip(history["jaar"], history["status"], history["door"], strict=True)) == [
        (2026, "loopt", "Anna"),
        (2026, "gereed", "Bert"),
        (2025, "vertraagd", "Anna"),
    ]
    standen = register.latest(history)
    b1 = proef.afspraak("B1")
    now = register.stand(b1, standen, 2026)
    assert (now.status, now.notitie, now.door) == ("gereed", "eerste overleg", "Bert")
    assert register.stand(b1, standen, 2025).status == "vertraagd"
    # no entry for 2024: the initial status of the document
    assert register.stand(b1, standen, 2024) == register.Stand("niet gestart")
    shown = register.afspraak_history(history, "proef-2026", "B1")
    assert list(shown["Status"]) == ["vertraagd", "gereed", "loopt"]  # newest first


def test_unknown_status_is_refused_and_nothing_written(con):
    with pytest.raises(ValueError, match='onbekende status "klaar"'):
        register_store.set_status(con, "proef-2026", "B1", 2026, "klaar")
    assert register_store.status_history(con).empty


# --- document versions -----------------------------------------------------------------------


def test_versions_keep_the_original_and_undo_restores_it(con):
    store.save_documents(con, {"proef-2026": "versie een"})
    assert register_store.save_version(con, "proef-2026", "versie twee", "sjabloon", "Anna") == 2
    assert register_store.save_version(con, "proef-2026", "versie twee", "sjabloon") is None
    assert register_store.save_version(con, "proef-2026", "versie drie", "tabel") == 3
    assert queries.documents(con) == {"proef-2026": "versie drie"}

    assert register_store.undo_version(con, "proef-2026") == 2
    assert queries.documents(con) == {"proef-2026": "versie twee"}
    assert register_store.undo_version(con, "proef-2026") == 1
    assert queries.documents(con) == {"proef-2026": "versie een"}
    assert register_store.undo_version(con, "proef-2026") is None  # nothing before version 1
    versions = register_store.versions(con, "proef-2026")
    assert list(versions["versie"]) == [3, 2, 1]
    assert list(versions["ongedaan"].notna()) == [True, True, False]
    assert versions["bron"].iloc[-1] == register_store.OORSPRONKELIJK


def test_a_new_version_after_an_undo_goes_back_past_the_undone_one(con):
    store.save_documents(con, {"d": "1"})
    register_store.save_version(con, "d", "2", "x")
    register_store.undo_version(con, "d")
    assert register_store.save_version(con, "d", "3", "x") == 3
    assert register_store.undo_version(con, "d") == 1  # version 2 was undone already
    assert queries.documents(con) == {"d": "1"}


# --- the register table ----------------------------------------------------------------------


def test_trekker_words_become_parties():
    corps = ("Lefier", "Woonservice")
    assert register.trekkers("LF,WS gemeente", corps) == ("Gemeente", "Lefier", "Woonservice")
    assert register.trekkers("WS / LF", corps) == ("Lefier", "Woonservice")
    assert register.trekkers("corporaties", corps) == corps
    assert register.trekkers("allen", corps) == (
        "Gemeente",
        "Lefier",
        "Woonservice",
        "Huurdersorganisaties",
    )
    assert register.trekkers("huurdersorganisaties", corps) == ("Huurdersorganisaties",)
    assert register.trekkers("", corps) == ()


def test_table_with_stand_and_measured_status(proef):
    standen = {("proef-2026", "B1", 2026): register.Stand("gereed", "klaar", "Bert")}
    evaluations = [evaluation("behaald"), evaluation("achter", 2025), evaluation("behaald", 2025)]
    table = register.table([proef], evaluations, standen, 2026)
    rows = table.set_index("nummer")
    assert list(rows["status"]) == ["loopt", "gereed", "loopt"]
    assert rows.loc["A1", "gemeten"] == "2× behaald, 1× achter"
    assert rows.loc["B1", "gemeten"] == "niet meetbaar"
    assert rows.loc["A1", "thema"] == "Betaalbaarheid"
    assert rows.loc["B2", "partijen"] == "Gemeente, Lefier, Woonservice, Huurdersorganisaties"
    assert register.per_status(table) == {
        "niet gestart": 0,
        "loopt": 2,
        "gereed": 1,
        "vertraagd": 0,
        "vervallen": 0,
    }
    assert register.stand_text(register.per_status(table), 2026) == (
        "Afspraken in 2026: 2 loopt · 1 gereed"
    )
    assert register.table([proef], [], {}, 2026, gemeente="Borger-Odoorn").empty


def test_selection_by_theme_party_status_and_words(proef):
    table = register.table([proef], [], {}, 2026)
    pick = register.selection
    assert list(pick(table, themas=["Samenwerking"])["nummer"]) == ["B1", "B2"]
    assert list(pick(table, partijen=["Lefier"])["nummer"]) == ["A1", "B2"]
    assert list(pick(table, statuses=["niet gestart"])["nummer"]) == ["B1"]
    assert list(pick(table, search="KWARTAALOVERLEG")["nummer"]) == ["B1"]
    assert list(pick(table, document="ander")["nummer"]) == []


def test_documents_of_a_gemeente(proef):
    assert list(register.documents([proef], None)) == ["proef-2026"]
    assert list(register.documents([proef], "Emmen")) == ["proef-2026"]
    assert register.documents([proef], "Borger-Odoorn") == {}


def test_summary_of_measured_statuses():
    assert register.summary(["behaald", "achter", "behaald"]) == "2× behaald, 1× achter"
    assert register.summary([]) == "geen gegevens"


def test_years_to_choose_and_the_default_year(proef):
    assert register.years([proef], date(2026, 11, 21)) == [2025, 2026]
    assert register.years([proef], date(2028, 1, 1)) == [2025, 2026, 2028]
    # a data year chosen in the sidebar outside the period and this year is offered too
    assert register.years([proef], date(2026, 11, 21), 2023) == [2023, 2025, 2026]
    assert register.status_year(None, date(2026, 11, 21)) == 2026
    assert register.status_year(2024, date(2026, 11, 21)) == 2024


# --- the Overzicht block -----------------------------------------------------------------------


def test_upcoming_deadlines_show_the_stand_of_their_agreement(con, proef):
    termijnen = (
        jaaragenda.Termijn("proef-2026", "B2", 2, None, "Evaluatie (februari)"),
        jaaragenda.Termijn("proef-2026", "B1", 12, 15, "Overleg (15 december)"),
        jaaragenda.Termijn("ander", "X1", 12, 1, "Niet van dit document"),
    )
    register_store.set_status(con, "proef-2026", "B1", 2026, "gereed", "", "Anna")
    block = register.upcoming_termijnen(
        [proef],
        register_store.status_history(con),
        date(2026, 11, 21),
        termijnen=termijnen,
    )
    assert block.termijnen.values.tolist() == [
        ["15-12-2026", "over 24 dagen", "Overleg (15 december)", "B1", "gereed"],
        ["28-02-2027", "over 99 dagen", "Evaluatie (februari)", "B2", "loopt"],
    ]
    assert block.stand == "Afspraken in 2026: 2 loopt · 1 gereed"
    other = register.upcoming_termijnen(
        [proef], register_store.status_history(con), date(2026, 11, 21), 2025, None, termijnen
    )
    assert other.stand == "Afspraken in 2025: 1 niet gestart · 2 loopt"
    assert other.termijnen["Status"].tolist() == ["gereed", "loopt"]  # the deadline's own year


# --- the year-end workbook ---------------------------------------------------------------------


def test_year_overview_workbook_has_dutch_headers_and_neutralised_text(proef):
    standen = {
        ("proef-2026", "B1", 2026): register.Stand("vertraagd", '=HYPERLINK("x")', "Bert"),
    }
    overview = register.year_overview(proef, [evaluation("behaald")], standen, 2026)
    measured = register.measurements(
        [evaluation("behaald"), evaluation("achter", 2025)], "proef-2026", 2026
    )
    data = register.year_overview_xlsx(proef.document.titel, overview, measured, 2026)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Afspraken 2026", "Metingen 2026"]
    sheet = book["Afspraken 2026"]
    assert sheet["A1"].value == "Jaaroverzicht 2026: Proefafspraken 2026"
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert rows[0] == (
        "Nummer",
        "Thema",
        "Afspraak",
        "Resultaat",
        "Trekker",
        "Status 2026",
        "Notitie",
        "Gezet door",
        "Gezet op",
        "Gemeten",
    )
    a1, b1, b2 = rows[1:]
    # 0,903 as a Dutch percentage with one decimal; the norm 0,9 with "at least".
    assert a1[5] == "loopt" and a1[9] == "90% tot de grens – Lefier: 90,3% (norm ≥ 90,0%), behaald"
    assert b1[5:8] == ("vertraagd", '\'=HYPERLINK("x")', "Bert")
    assert b2[9] == "niet meetbaar"
    scorecard = list(book["Metingen 2026"].iter_rows(min_row=3, values_only=True))
    assert len(scorecard) == 2  # header + the one evaluation of 2026
    assert scorecard[1][0] == "🟢 behaald" and scorecard[1][7] == "90,3%"
