"""The command line's contract: JSON shapes, exit codes, Dutch messages, database untouched."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from prestatie.opslag import store

STOCK = (
    "Woonservice Drenthe\n"
    "Peildatum: 31-12-2023\n"
    "\n"
    "Eenheidnummer;Plaats;Kale huur;Energielabel\n"
    "WS1;Emmen;€ 450,00;Label a\n"  # under every limit of 2023
    "WS2;Emmen;647,19;B\n"  # exactly on the 1e aftoppingsgrens 2023
    "WS3;Erica;693,61;C\n"  # one cent above the 2e aftoppingsgrens 2023 (€ 693,60)
    "WS4;Erica;900,00;onbekend\n"  # above the liberalisatiegrens 2023 (€ 808,06)
    "Totaal;;2690,80;\n"
)
PRODUCTION = (
    "Project;Kern;Activiteit;Aantal;Opleverdatum\n"
    "Odoorn fase 1;Odoorn;Nieuwbouw;6;15-11-2023\n"
    "Zon op dak;Exloo;Zon-PV;12;2023-06-30\n"
    "Zon op dak 2;Exloo;zonnepanelen;3;2024-02-01\n"
)


LOCAL_NOTICE = (
    "Geen gebruiker opgegeven (--als of PRESTATIE_GEBRUIKER): de opdracht schrijft als lokale "
    "beheerder."
)


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "prestatie.cli", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.fixture
def files(tmp_path):
    stock = tmp_path / "voorraad_woonservice_emmen.csv"
    stock.write_bytes(STOCK.encode("cp1252"))
    production = tmp_path / "productie Woonservice Borger-Odoorn.csv"
    production.write_text(PRODUCTION, encoding="utf-8-sig")
    return stock, production


def test_import_then_voorraad_and_productie_json(tmp_path, files):
    db = tmp_path / "t.duckdb"
    done = run("import", *files, "--db", db, "--nieuw")
    assert done.returncode == 0, done.stderr
    assert "4 rijen" in done.stdout and "1 overgeslagen" in done.stdout
    [row] = json.loads(run("voorraad", "--json", "--db", db).stdout)
    assert row == {
        "corporatie": "Woonservice",
        "gemeente": "Emmen",
        "peildatum": "2023-12-31",
        "vhe": 4,
        "huur_tot": {
            "kwaliteitskortingsgrens": 1,
            "eerste_aftoppingsgrens": 2,
            "tweede_aftoppingsgrens": 2,
            "liberalisatiegrens": 3,
        },
        "labels": {
            "A++++": 0,
            "A+++": 0,
            "A++": 0,
            "A+": 0,
            "A": 1,
            "B": 1,
            "C": 1,
            "D": 0,
            "E": 0,
            "F": 0,
            "G": 0,
            "onbekend": 1,
        },
    }
    production = json.loads(run("productie", "--json", "--db", db).stdout)
    assert sorted((r["jaar"], r["soort"], r["aantal"]) for r in production) == [
        (2023, "nieuwbouw", 6),
        (2023, "zonnepanelen", 12),
        (2024, "zonnepanelen", 3),
    ]
    assert {r["gemeente"] for r in production} == {"Borger-Odoorn"}


def test_same_file_twice_changes_nothing(tmp_path, files):
    db = tmp_path / "t.duckdb"
    assert run("import", files[0], "--db", db, "--nieuw").returncode == 0
    again = run("import", files[0], "--db", db)
    assert again.returncode == 0 and "al ingelezen" in again.stdout
    assert json.loads(run("voorraad", "--json", "--db", db).stdout)[0]["vhe"] == 4


def test_aliases_and_overrides(tmp_path):
    path = tmp_path / "lijst.csv"
    path.write_text('VHE,Huurprijs,Label\n1,500,A\n2,"612,50",B\n', encoding="utf-8")
    db = tmp_path / "t.duckdb"
    done = run(
        "import",
        path,
        "--db",
        db,
        "--nieuw",
        "--corporatie",
        "WS",
        "--gemeente",
        "borger odoorn",
        "--peildatum",
        "01-01-2024",
    )
    assert done.returncode == 0, done.stderr
    [row] = json.loads(run("voorraad", "--json", "--db", db).stdout)
    assert (row["corporatie"], row["gemeente"], row["peildatum"]) == (
        "Woonservice",
        "Borger-Odoorn",
        "2024-01-01",
    )


def test_bad_input_exits_non_zero_in_dutch_and_leaves_the_database(tmp_path, files):
    db = tmp_path / "t.duckdb"
    assert run("import", files[0], "--db", db, "--nieuw").returncode == 0
    before = store.connect(db).execute("SELECT count(*) FROM vhe").fetchone()
    bad = tmp_path / "kapot.xlsx"
    bad.write_bytes(b"%PDF-1.4 not a spreadsheet")
    done = run("import", files[1], bad, "--db", db)
    assert done.returncode == 2
    assert "kapot.xlsx" in done.stderr and "PDF" in done.stderr and "niet gewijzigd" in done.stderr
    con = store.connect(db)
    assert con.execute("SELECT count(*) FROM vhe").fetchone() == before
    assert con.execute("SELECT count(*) FROM productie").fetchone() == (0,)  # good file not kept


def test_monitor_json_contract(demo_db):
    records = json.loads(run("monitor", "--json", "--db", demo_db, "--datum", "2026-11-21").stdout)
    assert records
    keys = {
        "document",
        "afspraak",
        "omschrijving",
        "corporatie",
        "gemeente",
        "jaar",
        "norm",
        "waarde",
        "status",
    }
    assert all(keys <= r.keys() for r in records)
    assert {r["status"] for r in records} <= {
        "behaald",
        "op koers",
        "achter",
        "niet behaald",
        "geen gegevens",
    }
    shares = [r for r in records if r["soort"] == "aandeel_huur" and r["waarde"] is not None]
    assert shares and all(0 <= r["waarde"] <= 1 for r in shares)
    a1 = [r for r in records if r["afspraak"] == "A1" and r["corporatie"] == "Woonservice"]
    assert {r["jaar"] for r in a1} == {2021, 2022, 2023, 2024}
    assert all(r["norm"] == 0.9 for r in a1)
    dated = [r for r in records if r.get("peildatum")]
    assert all(len(r["peildatum"]) == 10 and r["peildatum"][4] == "-" for r in dated)


def test_voorraad_counts_equal_the_rows_imported(demo_db):
    summary = json.loads(run("voorraad", "--json", "--db", demo_db).stdout)
    con = store.connect(demo_db)
    total = con.execute("SELECT sum(aantal) FROM actieve_vhe").fetchone()[0]
    assert sum(r["vhe"] for r in summary) == total
    for r in summary:
        assert sum(r["labels"].values()) == r["vhe"]
        limits = r["huur_tot"]
        assert (
            limits["kwaliteitskortingsgrens"]
            <= limits["eerste_aftoppingsgrens"]
            <= limits["tweede_aftoppingsgrens"]
            <= limits["liberalisatiegrens"]
            <= r["vhe"]
        )


def test_verhuringen_json_per_corporatie_gemeente_and_year(tmp_path):
    db = tmp_path / "t.duckdb"
    data = Path(__file__).resolve().parent / "data"
    files = [
        data / "Domesta verhuringen Emmen 2023.xlsx",
        data / "Lefier verhuringen Borger-Odoorn 2024.csv",
        data / "Woonservice verhuringen Emmen 2022.csv",
    ]
    done = run("import", *files, "--db", db, "--nieuw")
    assert done.returncode == 0, done.stderr
    assert "verhuur, Domesta, 12 rijen, 6 waarschuwingen, 1 overgeslagen" in done.stdout
    routes = ("regulier", "urgent", "statushouder", "bemiddeling", "doorstroming", "overig")

    def per_route(*counts):
        return dict(zip((*routes, "onbekend"), counts, strict=True))

    # counted by hand from tests/data/README.md
    assert json.loads(run("verhuringen", "--json", "--db", db).stdout) == [
        {
            "corporatie": "Domesta",
            "gemeente": "Emmen",
            "jaar": 2023,
            "aantal": 12,
            "per_route": per_route(2, 2, 3, 1, 1, 3, 0),
            "zoekduur_mediaan_maanden": 11.5,  # (8 + 15) / 2 of ten inschrijfduren
            "zoekduur_soort": "inschrijfduur",
        },
        {
            "corporatie": "Lefier",
            "gemeente": "Borger-Odoorn",
            "jaar": 2024,
            "aantal": 8,
            "per_route": per_route(2, 2, 2, 1, 1, 0, 0),
            "zoekduur_mediaan_maanden": 6.75,  # (1,5 + 12) / 2 of six zoekduren
            "zoekduur_soort": "zoekduur",
        },
        {
            "corporatie": "Woonservice",
            "gemeente": "Emmen",
            "jaar": 2022,
            "aantal": 5,
            "per_route": per_route(2, 0, 1, 1, 1, 0, 0),
            "zoekduur_mediaan_maanden": 8.5,  # of 24, 1 and 8,5
            "zoekduur_soort": "inschrijfduur",
        },
    ]


def test_verhuringen_without_zoekduur(tmp_path):
    path = tmp_path / "Lefier verhuringen Emmen 2023.csv"
    text = "VHE;Datum ingang contract;Route\nL1;01-03-2023;Urgent\nL2;01-04-2023;iets\n"
    path.write_text(text, encoding="utf-8")
    db = tmp_path / "t.duckdb"
    done = run("import", path, "--db", db, "--nieuw")
    assert done.returncode == 0, done.stderr
    assert "toewijzingsroute niet herkend" in done.stdout  # the warning, and the row imported
    [record] = json.loads(run("verhuringen", "--json", "--db", db).stdout)
    assert (record["aantal"], record["per_route"]["urgent"], record["per_route"]["overig"]) == (
        2,
        1,
        1,
    )
    assert (record["zoekduur_mediaan_maanden"], record["zoekduur_soort"]) == (None, None)


def test_corporatie_toevoegen_then_import(tmp_path):
    db = tmp_path / "t.duckdb"
    stock = tmp_path / "voorraad Zwolse Woonmaatschappij Zwolle 31-12-2023.csv"
    stock.write_text("Eenheidnummer;Kale huur;Energielabel\nZW1;500,00;A\n", encoding="utf-8")
    refused = run("import", stock, "--db", db, "--nieuw")
    assert refused.returncode == 2
    assert "geen corporatie gevonden" in refused.stderr
    done = run("corporatie-toevoegen", "Zwolse Woonmaatschappij", "--alias", "ZWM", "--db", db)
    assert done.returncode == 0, done.stderr
    notice, said = done.stderr.strip().splitlines()
    assert notice == LOCAL_NOTICE
    assert said == "Corporatie Zwolse Woonmaatschappij toegevoegd, met de schrijfwijzen ZWM."
    assert run("import", stock, "--db", db).returncode == 0
    [row] = json.loads(run("voorraad", "--json", "--db", db).stdout)
    assert (row["corporatie"], row["gemeente"], row["vhe"]) == (
        "Zwolse Woonmaatschappij",
        "Zwolle",
        1,
    )
    # the alias works for a file named by it, in a new run of the command
    other = tmp_path / "ZWM bezit Zwolle 31-12-2024.csv"
    other.write_text("Eenheidnummer;Kale huur;Energielabel\nZW1;510,00;A\n", encoding="utf-8")
    assert run("import", other, "--db", db).returncode == 0


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["Stichting Lefier"],
            2,
            "Niet toegevoegd: 'Stichting Lefier' is al bekend als corporatie Lefier.",
        ),
        (
            ["Nieuwe Corporatie", "--alias", "WS"],
            2,
            "Niet toegevoegd: de schrijfwijze 'WS' hoort al bij corporatie Woonservice.",
        ),
        (["Lefier"], 0, "Lefier is al bekend; er is niets toegevoegd."),
        (
            ["Ymere", "--alias", "Ymere Amsterdam"],
            0,
            "Schrijfwijzen van Ymere toegevoegd: Ymere Amsterdam.",
        ),
    ],
)
def test_corporatie_toevoegen_refused_or_nothing_new(tmp_path, args, code, message):
    done = run("corporatie-toevoegen", *args, "--db", tmp_path / "t.duckdb", "--nieuw")
    assert done.returncode == code
    assert done.stderr.strip().splitlines() == [LOCAL_NOTICE, message]


def test_a_missing_database_is_refused_unless_new_is_asked(tmp_path, files):
    typo = tmp_path / "prestatie.duckbd"
    done = run("voorraad", "--json", "--db", typo)
    assert done.returncode == 2
    assert f"Database niet gevonden: {typo}" in done.stderr and "--nieuw" in done.stderr
    assert not typo.exists()  # nothing created
    assert run("import", files[0], "--db", typo).returncode == 2 and not typo.exists()
    assert run("import", files[0], "--db", typo, "--nieuw").returncode == 0
    assert json.loads(run("voorraad", "--json", "--db", typo).stdout)[0]["vhe"] == 4


def test_undo_of_an_unknown_batch_exits_2_and_says_so(tmp_path, files):
    db = tmp_path / "t.duckdb"
    assert run("import", files[0], "--db", db, "--nieuw").returncode == 0
    done = run("ongedaan", "9999", "--db", db)
    assert done.returncode == 2
    assert "Batch 9999 bestaat niet; er is niets ongedaan gemaakt." in done.stderr
    assert json.loads(run("voorraad", "--json", "--db", db).stdout)[0]["vhe"] == 4


def test_undo_twice_and_undo_of_a_replaced_batch_say_so(tmp_path, files):
    db = tmp_path / "t.duckdb"
    assert run("import", files[0], "--db", db, "--nieuw").returncode == 0  # batch 1
    newer = tmp_path / "voorraad_woonservice_emmen_correctie.csv"
    newer.write_bytes(STOCK.replace("WS4;Erica;900,00", "WS4;Erica;950,00").encode("cp1252"))
    assert "vervangt batch 1" in run("import", newer, "--db", db).stdout  # batch 2
    replaced = run("ongedaan", "1", "--db", db)
    assert replaced.returncode == 2
    assert "batch 2 heeft haar vervangen" in replaced.stderr
    assert "Maak batch 2 ongedaan om batch 1 terug te krijgen" in replaced.stderr
    assert run("ongedaan", "2", "--db", db).returncode == 0  # batch 1 in force again
    again = run("ongedaan", "2", "--db", db)
    assert again.returncode == 2 and "was al ongedaan gemaakt op" in again.stderr
    batches = {b["id"]: b["stand"] for b in json.loads(run("batches", "--json", "--db", db).stdout)}
    assert batches == {1: "actief", 2: "ongedaan gemaakt"}


def test_import_leefbaarometer_then_monitor_json_names_the_wijken(tmp_path):
    db = tmp_path / "lbm.duckdb"
    source = (
        Path(__file__).resolve().parent / "data" / "Leefbaarometer 3.0 wijken Emmen 2018-2022.csv"
    )
    done = run("import", source, "--db", db, "--nieuw")
    assert done.returncode == 0, done.stderr
    assert "leefbaarheid, -, 12 rijen, 0 waarschuwingen, 2 overgeslagen" in done.stdout
    records = json.loads(run("monitor", "--json", "--db", db, "--datum", "2026-06-01").stdout)
    [lw2] = [r for r in records if r["doel"] == "LW-2-leefbaarheid"]
    assert (lw2["status"], lw2["waarde"], lw2["norm"], lw2["jaar"]) == ("niet behaald", 2, 0, 2024)
    assert (lw2["soort"], lw2["corporatie"]) == ("leefbaarheid", "alle corporaties")
    assert "Emmerhout (WK011402): klasse 3 onvoldoende" in lw2["uitleg"]
