"""The small TOML writer of the agreement schema: exact text for hand-written cases, and
``tomllib`` (an independent reader) reading every seed file back to the same values."""

from __future__ import annotations

import tomllib
from datetime import date

import pytest

from prestatie.afspraken import toml_reader, toml_writer


def test_document_and_tables_are_written_in_order():
    inhoud = {
        "document": {"id": "proef-2026", "periode": [2025, 2026]},
        "afspraak": [{"nummer": "A1", "tekst": "Huren laag"}],
        "doel": [{"id": "A1", "per_corporatie": True, "norm": {"2026": 0.9}}],
    }
    assert toml_writer.toml_text(inhoud) == (
        "# Afsprakendocument, geschreven door prestatie uit het sjabloon.\n"
        "\n"
        "[document]\n"
        'id = "proef-2026"\n'
        "periode = [2025, 2026]\n"
        "\n"
        "[[afspraak]]\n"
        'nummer = "A1"\n'
        'tekst = "Huren laag"\n'
        "\n"
        "[[doel]]\n"
        'id = "A1"\n'
        "per_corporatie = true\n"
        'norm = { "2026" = 0.9 }\n'
    )


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (False, "false"),
        (-60, "-60"),
        (678.66, "678.66"),
        ([], "[]"),
        ({}, "{}"),
        ({"2021": [-60, -10], "2026": "B"}, '{ "2021" = [-60, -10], "2026" = "B" }'),
        ("tab\there", '"tab\\there"'),
        ("\x7f", '"\\u007F"'),
    ],
)
def test_values(value, text):
    assert toml_writer.value(value) == text


@pytest.mark.parametrize("value", [None, date(2023, 1, 1)])
def test_a_value_outside_the_schema_is_refused(value):
    with pytest.raises(TypeError):
        toml_writer.value(value)


@pytest.mark.parametrize("seed", ["borger-odoorn-2023", "emmen-2019-2024"])
def test_every_seed_file_reads_back_the_same(seed):
    original = tomllib.loads((toml_reader.default_folder() / f"{seed}.toml").read_text("utf-8"))
    assert tomllib.loads(toml_writer.toml_text(original)) == original
