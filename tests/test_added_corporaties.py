"""Corporations a user adds: kept in the database, known when it is opened again, and from then
on accepted by the import like any corporation of the list."""

from __future__ import annotations

import pytest

from prestatie import dashboard
from prestatie.inlezen import ingest
from prestatie.inlezen.errors import ImportRefused
from prestatie.opslag import queries
from prestatie.referentie import partijen
from prestatie.toegang.rollen import lokaal

LOKAAL = lokaal("Anna")

STOCK = b"Eenheidnummer;Kale huur;Energielabel\nZW1;500,00;A\nZW2;650,00;B\n"
FILE = "voorraad Zwolse Woonmaatschappij Zwolle 31-12-2023.csv"


def test_added_corporation_is_kept_and_known_again_on_open(tmp_path):
    db = tmp_path / "t.duckdb"
    con = dashboard.open_database(db, demo=False)
    with pytest.raises(ImportRefused, match="geen corporatie gevonden"):
        ingest.parse(FILE, STOCK)
    pairs = dashboard.add_corporatie(con, "Zwolse Woonmaatschappij", ["ZWM"], LOKAAL)
    assert pairs == [
        ("Zwolse Woonmaatschappij", "Zwolse Woonmaatschappij"),
        ("Zwolse Woonmaatschappij", "ZWM"),
    ]
    assert queries.added_corporaties(con) == pairs
    parsed = ingest.parse(FILE, STOCK)
    assert (parsed.meta.corporatie, parsed.meta.gemeente) == ("Zwolse Woonmaatschappij", "Zwolle")
    dashboard.save_uploads(con, [parsed], LOKAAL)
    con.close()

    partijen.use_added([])  # a new process knows only the list
    assert partijen.corporatie("ZWM") is None
    con = dashboard.open_database(db, demo=False)
    assert partijen.corporatie("ZWM") == "Zwolse Woonmaatschappij"
    assert "Zwolse Woonmaatschappij" in partijen.corporaties()
    assert dashboard.dimensions(con)["corporaties"] == ["Zwolse Woonmaatschappij"]
    con.close()


def test_another_database_does_not_know_it(tmp_path):
    con = dashboard.open_database(tmp_path / "a.duckdb", demo=False)
    dashboard.add_corporatie(con, "Zwolse Woonmaatschappij", [], LOKAAL)
    con.close()
    dashboard.open_database(tmp_path / "b.duckdb", demo=False).close()
    assert partijen.corporatie("Zwolse Woonmaatschappij") is None


def test_adding_a_known_name_or_spelling_is_refused(con):
    with pytest.raises(partijen.InvalidCorporatie, match="al bekend als corporatie Lefier"):
        dashboard.add_corporatie(con, "Stichting Lefier", [], LOKAAL)
    assert dashboard.add_corporatie(con, "Lefier", [], LOKAAL) == []
    assert queries.added_corporaties(con) == []


def test_a_spelling_of_a_listed_corporation(con):
    name = "YMR voorraad Amsterdam 31-12-2023.csv"
    with pytest.raises(ImportRefused, match="geen corporatie gevonden"):
        ingest.parse(name, STOCK)
    assert dashboard.add_corporatie(con, "Ymere", ["YMR"], LOKAAL) == [("Ymere", "YMR")]
    assert ingest.parse(name, STOCK).meta.corporatie == "Ymere"
    assert partijen.corporaties().count("Ymere") == 1
