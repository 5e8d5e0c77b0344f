"""The user's own column choice (the kolomkeuze, ``Hints.mapping``): it overrides detection, can
unlink a field, makes an unknown header usable, and a bad choice is refused in words."""

from __future__ import annotations

import pytest

from prestatie.inlezen import ingest
from prestatie.inlezen.errors import ImportRefused
from prestatie.referentie import labels
from tests.ingest_helpers import DOMESTA, parse, problem_texts

# --- the user's own column choice ---------------------------------------------------------------


def test_user_mapping_overrides_detection_and_is_reported():
    parsed = parse(DOMESTA, ingest.Hints(mapping={"huur": 7}))
    assert parsed.huur_kolom == "H (Rekenhuur)"
    assert parsed.layout.mapping["huur"] == 7
    assert parsed.vhe.set_index("vhe_id").loc["10001", "huur_cent"] == 64000
    assert "niet gebruikt: G (Kale huur)" in parsed.notes[0]


def test_user_mapping_can_unlink_a_field():
    parsed = parse(DOMESTA, ingest.Hints(mapping={"energie_index": None}))
    assert "energie_index" not in parsed.layout.mapping
    assert parsed.vhe["label"].value_counts()[labels.ONBEKEND] == 4


@pytest.mark.parametrize(
    ("mapping", "words"),
    [
        ({"huur": 40}, "kolom AO (nummer 40) voor 'Huur per maand' bestaat niet"),
        ({"huur": -1}, "is geen kolomnummer"),
        ({"huurprijs": 6}, "onbekend veld 'huurprijs'"),
        ({"huur": 6, "label": 6}, "kolom G (Kale huur) is aan meer dan één veld gekoppeld"),
        ({"vhe_id": None}, "het veld Eenheidnummer (vhe) is aan geen kolom gekoppeld"),
    ],
)
def test_user_mapping_is_checked(mapping, words):
    with pytest.raises(ImportRefused) as refused:
        parse(DOMESTA, ingest.Hints(mapping=mapping))
    assert words in problem_texts(refused.value.problems)
    assert refused.value.problems[0].row == 4  # the header row


def test_user_mapping_makes_an_unknown_header_usable():
    data = b"Nummer;Huur;Label\nA1;612,50;B\nA2;598,00;C\n"
    name = "Domesta Emmen 31-12-2023.csv"
    with pytest.raises(ImportRefused, match="geen tabel herkend"):
        ingest.parse(name, data)
    parsed = ingest.parse(name, data, ingest.Hints(mapping={"vhe_id": 0}))
    assert parsed.vhe["vhe_id"].tolist() == ["A1", "A2"]
