"""The template of agreements and targets: round trip, cell formats, and refusals that name the
sheet, the row as Excel shows it and the column. Expected cells are typed from the seed TOML."""

from __future__ import annotations

import dataclasses
import io
import tomllib

import openpyxl
import pytest

from prestatie.afspraken import schema, sjabloon, toml_reader, toml_writer, version_diff
from prestatie.afspraken import sjabloon_cells as cells
from prestatie.inlezen.errors import ImportRefused

SEEDS = ("borger-odoorn-2023", "emmen-2019-2024")


@pytest.fixture(scope="module")
def bo() -> schema.Agreement:
    return toml_reader.load_agreement(toml_reader.default_folder() / "borger-odoorn-2023.toml")


def edited(agreement: schema.Agreement, *changes: tuple[str, str, object]) -> bytes:
    """The template of ``agreement`` with cells changed (sheet, cell, value), as Excel would."""
    book = openpyxl.load_workbook(io.BytesIO(sjabloon.write(agreement)))
    for sheet, cell, value in changes:
        book[sheet][cell] = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def refusal(data: bytes) -> list[str]:
    with pytest.raises(ImportRefused) as caught:
        sjabloon.read("ingevuld.xlsx", data)
    return [str(p) for p in caught.value.problems]


# --- round trip -----------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_template_round_trip_gives_the_same_agreement(seed):
    path = toml_reader.default_folder() / f"{seed}.toml"
    original = toml_reader.load_agreement(path)
    read = sjabloon.read(f"{seed}.xlsx", sjabloon.write(original))
    assert read.agreement == original
    assert toml_reader.parse_agreement(read.toml, f"{seed}.toml") == original


def test_template_cells_are_written_as_the_uitleg_describes(bo):
    book = openpyxl.load_workbook(io.BytesIO(sjabloon.write(bo)))
    assert book.sheetnames == ["Document", "Afspraken", "Doelen", "Uitleg"]
    document = {r[0]: r[1] for r in book["Document"].iter_rows(min_row=2, values_only=True)}
    assert document["periode"] == "2021-2024"
    assert document["thema B"] == "Duurzaamheid"
    doelen = book["Doelen"]
    header = [c.value for c in doelen[1]]
    a1 = dict(zip(header, [c.value for c in doelen[2]], strict=True))
    # data/afspraken/borger-odoorn-2023.toml, [[doel]] id = "A1"
    assert a1["id"] == "A1"
    assert a1["corporaties"] == "Lefier, Woonservice"
    assert a1["per_corporatie"] == "ja"
    assert a1["norm"] == "2021=90%; 2022=90%; 2023=90%; 2024=90%"
    assert (a1["grens"], a1["inclusief"], a1["prijspeil"], a1["bedrag"]) == (
        "tweede_aftoppingsgrens",
        "nee",
        2022,
        678.66,
    )
    assert a1["labels"] is None  # a parameter of another soort stays empty
    described = {r[1] for r in book["Uitleg"].iter_rows(min_row=2, values_only=True)}
    assert "norm" in described and "per_corporatie" in described


def test_norm_cells_of_every_kind():
    emmen = toml_reader.load_agreement(toml_reader.default_folder() / "emmen-2019-2024.toml")
    # emmen-2019-2024.toml: BB-3-eengezins, a band; the Domesta label targets 0.20/0.25/0.30
    # and average label "B".
    assert cells.norm_text(emmen.doel("BB-3-eengezins")) == "2020=[-60, -10]; 2025=[-325, -270]"
    labels = [d for d in emmen.doelen if d.soort == "aandeel_label"]
    assert "2021=20%; 2023=25%; 2026=30%" in [cells.norm_text(d) for d in labels]
    average = next(d for d in emmen.doelen if d.soort == "gemiddeld_label")
    assert cells.norm_text(average) == "2026=B"


@pytest.mark.parametrize(
    ("cell", "norm"),
    [
        ("2023=30; 2024=20", {"2023": 30, "2024": 20}),
        ("2021=[-60,-10]", {"2021": [-60, -10]}),
        ("2021-2024=22", {"2021-2024": 22}),
        ("2023=90%", {"2023": 0.9}),
        ("2023=0,9", {"2023": 0.9}),
        ("2023=3,3%", {"2023": 0.033}),
        ("2021=[2,5%, 3%]", {"2021": [0.025, 0.03]}),
        ("2026=B\n2030=A", {"2026": "B", "2030": "A"}),
    ],
)
def test_norm_cell_is_read(cell, norm):
    assert cells.read_norm(cell) == norm


def test_text_that_looks_like_a_formula_stays_text(bo):
    first = dataclasses.replace(bo.afspraken[0], tekst="=1+1 is geen formule", trekker="-LF")
    agreement = dataclasses.replace(bo, afspraken=(first, *bo.afspraken[1:]))
    data = sjabloon.write(agreement)
    cell = openpyxl.load_workbook(io.BytesIO(data))["Afspraken"]["C2"]
    assert (cell.value, cell.data_type) == ("=1+1 is geen formule", "s")
    assert sjabloon.read("x.xlsx", data).agreement == agreement


def test_toml_strings_are_escaped():
    tricky = 'a "quote" \\ back\nnew\ttab \x01 é ’'
    text = toml_writer.toml_text({"document": {"titel": tricky}, "afspraak": [], "doel": []})
    assert tomllib.loads(text)["document"]["titel"] == tricky


# --- changes -------------------------------------------------------------------------------


def test_changed_norm_is_read_and_reported(bo):
    # Doelen row 2 is doel A1; column J is norm.
    new = sjabloon.read("x.xlsx", edited(bo, ("Doelen", "J2", "2021=80%; 2024=85%")))
    assert [(p.label, n) for p, n in new.agreement.doel("A1").norm] == [
        ("2021", 0.8),
        ("2024", 0.85),
    ]
    assert version_diff.changes(bo, new.agreement) == ["doel A1 gewijzigd: norm"]


def test_table_edited_in_the_app_is_checked_like_an_upload(bo):
    frame = sjabloon.table(bo, "Afspraken")
    assert frame.loc[2, "nummer"] == "A1"  # the index is the row as in the sheet
    frame.loc[2, "status"] = "vertraagd"
    new = sjabloon.with_table(bo, "Afspraken", frame)
    assert new.agreement.afspraak("A1").status == "vertraagd"
    assert version_diff.changes(bo, new.agreement) == ["afspraak A1 gewijzigd: status"]
    frame.loc[3, "thema"] = "Q"
    with pytest.raises(ImportRefused) as caught:
        sjabloon.with_table(bo, "Afspraken", frame)
    assert str(caught.value.problems[0]).startswith(
        "bestand tabel Afspraken, blad Afspraken, rij 3, kolom B (thema): onbekende waarde "
        '"Q" voor "thema"'
    )


def test_a_new_document_is_reported_as_new(bo):
    new = sjabloon.read("x.xlsx", edited(bo, ("Document", "B2", "borger-odoorn-2027")))
    assert new.agreement.document.id == "borger-odoorn-2027"
    assert version_diff.changes(None, new.agreement) == [
        "nieuw document met 42 afspraken en 23 doelen"
    ]


# --- refusals: sheet, row, column ----------------------------------------------------------


def test_unreadable_norm_names_the_cell(bo):
    assert refusal(edited(bo, ("Doelen", "J2", "2023:30"))) == [
        'bestand ingevuld.xlsx, blad Doelen, rij 2, kolom J (norm): kan "2023:30" niet lezen; '
        'schrijf jaar=waarde, bijvoorbeeld "2023=30; 2024=20" of "2021=[-60, -10]" '
        "(waarde: 2023:30)"
    ]


def test_unknown_status_from_targets_is_placed_in_its_cell(bo):
    (problem,) = refusal(edited(bo, ("Afspraken", "H3", "klaar")))
    assert problem.startswith(
        'bestand ingevuld.xlsx, blad Afspraken, rij 3, kolom H (status): onbekende waarde "klaar"'
    )
    assert problem.endswith("(waarde: klaar)")


def test_target_pointing_at_a_missing_agreement(bo):
    (problem,) = refusal(edited(bo, ("Doelen", "B3", "Z9")))
    assert problem.startswith("bestand ingevuld.xlsx, blad Doelen, rij 3, kolom B (afspraak): ")
    assert 'verwijst naar afspraak "Z9"' in problem


def test_several_cell_problems_are_reported_together(bo):
    problems = refusal(
        edited(
            bo,
            ("Afspraken", "A3", "A1"),  # row 2 is A1 already
            ("Doelen", "G2", "misschien"),
            ("Doelen", "M2", "twee"),
        )
    )
    assert problems == [
        "bestand ingevuld.xlsx, blad Afspraken, rij 3, kolom A (nummer): nummer A1 staat ook in "
        "rij 2 (waarde: A1)",
        'bestand ingevuld.xlsx, blad Doelen, rij 2, kolom G (per_corporatie): verwacht "ja" of '
        '"nee" (waarde: misschien)',
        "bestand ingevuld.xlsx, blad Doelen, rij 2, kolom M (prijspeil): verwacht een geheel "
        "getal (een jaar) (waarde: twee)",
    ]


def test_missing_parameter_and_unknown_column(bo):
    (problem,) = refusal(edited(bo, ("Doelen", "K2", None)))  # A1 without grens
    assert problem.startswith("bestand ingevuld.xlsx, blad Doelen, rij 2")
    assert 'sleutel "grens" ontbreekt' in problem
    assert refusal(edited(bo, ("Doelen", "X1", "opmerking"))) == [
        'bestand ingevuld.xlsx, blad Doelen, rij 1, kolom X: onbekende kolom "opmerking"'
    ]


def test_missing_sheet_and_bad_periode(bo):
    book = openpyxl.load_workbook(io.BytesIO(sjabloon.write(bo)))
    del book["Doelen"]
    buffer = io.BytesIO()
    book.save(buffer)
    assert refusal(buffer.getvalue()) == [
        'bestand ingevuld.xlsx: blad "Doelen" ontbreekt; gebruik het sjabloon van de app'
    ]
    # Document: header, id, titel, gemeente, the five partijen in rows 5-9, periode in row 10.
    row = 10
    assert refusal(edited(bo, ("Document", f"B{row}", "vanaf 2021"))) == [
        f"bestand ingevuld.xlsx, blad Document, rij {row}, kolom B (waarde): periode: schrijf "
        "eerste en laatste jaar, bijvoorbeeld 2021-2024 (waarde: vanaf 2021)"
    ]
