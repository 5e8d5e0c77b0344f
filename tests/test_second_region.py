"""A second agreement region without code: an invented agreement of Zwolle (0193, Overijssel)
with deltaWonen and SWZ, two corporations of Zwolle in the list, put in a folder of its own,
loaded with sync_agreements, stock lists imported for both, and its targets judged.

Expected figures by hand: the 2e aftoppingsgrens in force on 31-12-2024 is € 697,07 (the
table of 2024), A1 counts rents strictly below it; L1 counts labels A and B.
- deltaWonen: rents 500, 600, 690, 800 -> 3 of 4 below = 75% (norm 75%: behaald);
  labels A, B, C, D -> 2 of 4 = 50% (norm 50%: behaald).
- SWZ: rents 650, 720, 750, 900 -> 1 of 4 = 25% (niet behaald, 2 homes short of 3);
  labels A, A, A, E -> 75% (behaald).
"""

from __future__ import annotations

from datetime import date

import pytest

from prestatie import dashboard
from prestatie.inlezen import ingest
from prestatie.referentie import partijen
from prestatie.toegang import rollen

AGREEMENT = """
[document]
id = "zwolle-2024"
titel = "Prestatieafspraken Zwolle 2024-2025 (verzonnen, voor de test)"
gemeente = "Zwolle"
partijen = ["Gemeente Zwolle", "deltaWonen", "SWZ", "Huurdersorganisaties Zwolle"]
periode = [2024, 2025]
bron = "verzonnen"
ondertekend = ""
themas = { A = "Betaalbaarheid en duurzaamheid" }

[[afspraak]]
nummer = "A1"
thema = "A"
tekst = "Minimaal 75% van de woningen onder de 2e aftoppingsgrens; de helft label A of B."
resultaat = ""
tijd = "2024"
trekker = "corporaties"
jaarschijf = ""
status = "loopt"

[[doel]]
id = "A1"
afspraak = "A1"
omschrijving = "Minimaal 75% onder de 2e aftoppingsgrens"
tekst = "Minimaal 75% van de woningen onder de 2e aftoppingsgrens."
soort = "aandeel_huur"
corporaties = ["deltaWonen", "SWZ"]
per_corporatie = true
kern = ""
richting = "min"
norm = { "2024" = 0.75 }
grens = "tweede_aftoppingsgrens"
inclusief = false
prijspeil = 2024
bedrag = 697.07
basis = "voorraad"

[[doel]]
id = "L1"
afspraak = "A1"
omschrijving = "Minimaal 50% label A of B"
tekst = "de helft van de woningen label A of B"
soort = "aandeel_label"
corporaties = ["deltaWonen", "SWZ"]
per_corporatie = true
richting = "min"
norm = { "2024" = 0.5 }
labels = ["A", "B"]
groepnaam = "A of B"
"""


def _stock(corporatie: str, rows: list[tuple[int, str]]) -> bytes:
    lines = [f"{corporatie} Zwolle", "Peildatum: 31-12-2024", "", "VHE;Huurprijs;Label"]
    lines += [
        f"{corporatie[:2].upper()}{i};{rent},00;{label}" for i, (rent, label) in enumerate(rows)
    ]
    return ("\n".join(lines) + "\n").encode()


DELTAWONEN = _stock("deltaWonen", [(500, "A"), (600, "B"), (690, "C"), (800, "D")])
SWZ = _stock("SWZ", [(650, "A"), (720, "A"), (750, "A"), (900, "E")])


@pytest.fixture
def con(tmp_path):
    folder = tmp_path / "afspraken"
    folder.mkdir()
    (folder / "zwolle-2024.toml").write_text(AGREEMENT, encoding="utf-8")
    connection = dashboard.open_database(tmp_path / "zwolle.duckdb", demo=False)
    assert dashboard.sync_agreements(connection, folder) == ["zwolle-2024"]
    uploads = [
        ingest.parse("voorraad deltaWonen.csv", DELTAWONEN),
        ingest.parse("voorraad SWZ.csv", SWZ),
    ]
    assert [(p.meta.corporatie, p.meta.gemeente) for p in uploads] == [
        ("deltaWonen", "Zwolle"),
        ("SWZ", "Zwolle"),
    ]
    dashboard.save_uploads(connection, uploads, rollen.lokaal())
    yield connection
    connection.close()


def test_the_corporations_are_in_the_list():
    assert partijen.corporatie("deltaWonen") == "deltaWonen"
    assert partijen.corporatie("SWZ") == "SWZ"
    assert partijen.gemeente_from_code("0193") == "Zwolle"
    assert partijen.provincie("Zwolle") == "Overijssel"


def test_the_targets_of_zwolle_are_judged(con):
    evaluations = [
        e for e in dashboard.evaluations(con, date(2025, 6, 1)) if e.document == "zwolle-2024"
    ]
    judged = {
        (e.doel, e.corporatie, e.jaar): (e.gemeente, round(e.waarde, 4), e.status, e.tekort)
        for e in evaluations
    }
    assert judged == {
        ("A1", "deltaWonen", 2024): ("Zwolle", 0.75, "behaald", 0),
        ("A1", "SWZ", 2024): ("Zwolle", 0.25, "niet behaald", 2),
        ("L1", "deltaWonen", 2024): ("Zwolle", 0.5, "behaald", 0),
        ("L1", "SWZ", 2024): ("Zwolle", 0.75, "behaald", 0),
    }


def test_the_sidebar_offers_zwolle_with_its_corporations_first(con):
    choices = dashboard.sidebar_choices(dashboard.dimensions(con), dashboard.agreements(con))
    assert choices.gemeenten[0] == "Zwolle"
    assert set(choices.gemeenten_without_data) == {"Borger-Odoorn", "Emmen"}
    zwolle = dashboard.sidebar_choices(
        dashboard.dimensions(con), dashboard.agreements(con), "Zwolle"
    )
    assert zwolle.corporaties == ("deltaWonen", "SWZ")
