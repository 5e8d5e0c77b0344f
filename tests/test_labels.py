"""Energy labels: expected classes typed from shared/reference/energielabels.md."""

import math

import pandas as pd
import pytest

from prestatie.referentie.labels import (
    ALLE,
    GROEPEN,
    KLASSEN,
    KLEUREN,
    ONBEKEND,
    at_least,
    gemiddeld,
    groep_van,
    normalize,
    rank,
    van_energie_index,
    van_ep2,
)


@pytest.mark.parametrize(
    ("spelling", "klasse"),
    [
        ("A", "A"),
        ("a", "A"),
        ("A ", "A"),
        ("  b  ", "B"),
        ("Label b", "B"),
        ("label B", "B"),
        ("LABEL  G", "G"),
        ("Label: D", "D"),
        ("Energielabel C", "C"),
        ("energielabel a+", "A+"),
        ("A+", "A+"),
        ("a++", "A++"),
        ("A+ +", "A++"),
        ("a + + +", "A+++"),
        ("A+++", "A+++"),
        ("A++++", "A++++"),
        ("A\uff0b", "A+"),  # fullwidth plus
        ("A\u207a\u207a", "A++"),  # superscript plus
        ("A\u2795", "A+"),  # heavy plus sign
        ("A\u00a0", "A"),  # non-breaking space from Excel
        ("F", "F"),
        ("e", "E"),
    ],
)
def test_spellings(spelling: str, klasse: str) -> None:
    assert normalize(spelling) == klasse


@pytest.mark.parametrize(
    ("code", "klasse"),
    [
        ("A", "A"),
        ("AP", "A+"),
        ("APP", "A++"),
        ("AP3", "A+++"),
        ("AP4", "A++++"),
        ("ap", "A+"),
        ("app ", "A++"),
        ("B", "B"),
        ("G", "G"),
    ],
)
def test_vera_codes(code: str, klasse: str) -> None:
    assert normalize(code) == klasse


@pytest.mark.parametrize(
    "waarde",
    [
        None,
        float("nan"),
        pd.NA,
        "",
        "  ",
        "onbekend",
        "Onbekend",
        "ONBEKEND ",
        "geen",
        "geen label",
        "Geen Label",
        "n.v.t.",
        "N.v.t.",
        "-",
        "?",
        "Label onbekend",
    ],
)
def test_unknown(waarde: object) -> None:
    assert normalize(waarde) == "onbekend"


@pytest.mark.parametrize("waarde", ["X", "H", "12", "A+++++", "B+", "AB", "label", "AP5", 12, 1.5])
def test_no_label(waarde: object) -> None:
    assert normalize(waarde) is None


def test_canonical_klassen_stay_the_same() -> None:
    for klasse in ALLE:
        assert normalize(klasse) == klasse


def test_klassen() -> None:
    assert KLASSEN == ("A++++", "A+++", "A++", "A+", "A", "B", "C", "D", "E", "F", "G")
    assert ONBEKEND == "onbekend"
    assert ALLE[-1] == "onbekend"
    assert len(ALLE) == 12


def test_rank() -> None:
    assert rank("A++++") == 0
    assert rank("A+++") == 1
    assert rank("A") == 4
    assert rank("B") == 5
    assert rank("G") == 10
    assert rank("A+") < rank("A") < rank("B") < rank("C")


def test_rank_of_onbekend_is_an_error() -> None:
    with pytest.raises(ValueError, match="Geen energielabelklasse: 'onbekend'"):
        rank("onbekend")
    with pytest.raises(ValueError):
        rank("a")


def test_at_least() -> None:
    assert at_least("A+", "A") is True
    assert at_least("A", "A") is True
    assert at_least("A++++", "B") is True
    assert at_least("B", "A") is False
    assert at_least("G", "F") is False
    assert at_least("onbekend", "G") is False


def test_groepen() -> None:
    assert GROEPEN["A++, A+, A"] == ("A++++", "A+++", "A++", "A+", "A")
    assert "A+++" in GROEPEN["A++, A+, A"]
    assert GROEPEN["B"] == ("B",)
    assert GROEPEN["C"] == ("C",)
    assert GROEPEN["D, E, F, G"] == ("D", "E", "F", "G")
    assert GROEPEN["A of B"] == ("A++++", "A+++", "A++", "A+", "A", "B")
    assert GROEPEN["E, F, G"] == ("E", "F", "G")


@pytest.mark.parametrize(
    ("klasse", "groep"),
    [
        ("A++++", "A++, A+, A"),
        ("A+++", "A++, A+, A"),
        ("A++", "A++, A+, A"),
        ("A", "A++, A+, A"),
        ("B", "B"),
        ("C", "C"),
        ("D", "D, E, F, G"),
        ("G", "D, E, F, G"),
        ("onbekend", "onbekend"),
    ],
)
def test_groep_van_domesta(klasse: str, groep: str) -> None:
    assert groep_van(klasse) == groep
    assert groep_van(klasse, "domesta") == groep


def test_groep_van_errors() -> None:
    with pytest.raises(ValueError, match="Onbekende labelindeling 'lefier'"):
        groep_van("A", "lefier")
    with pytest.raises(ValueError, match="Geen energielabelklasse: 'X'"):
        groep_van("X")


def test_gemiddeld() -> None:
    # Ranks A=4, B=5, C=6: mean 5.0, which is B; onbekend does not count.
    assert gemiddeld(["A", "B", "C", "onbekend"]) == (5.0, "B")
    # A+=3, A=4: mean 3.5 rounds half up to 4, which is A.
    assert gemiddeld(["A+", "A"]) == (3.5, "A")
    # A=4, B=5: mean 4.5 rounds half up to 5, which is B.
    assert gemiddeld(["A", "B"]) == (4.5, "B")
    # B=5, B=5, G=10: mean 20/3 = 6.67, rounds to 7, which is D.
    gemiddelde, klasse = gemiddeld(["B", "B", "G"])
    assert gemiddelde == pytest.approx(6.6667, abs=1e-4)
    assert klasse == "D"
    assert gemiddeld(["A++++"]) == (0.0, "A++++")


def test_gemiddeld_without_known_labels() -> None:
    assert gemiddeld([]) is None
    assert gemiddeld(["onbekend", "onbekend"]) is None


@pytest.mark.parametrize(
    ("ei", "klasse"),
    [
        (0.30, "A++"),
        (0.60, "A++"),
        (0.61, "A+"),
        (0.80, "A+"),
        (0.81, "A"),
        (1.20, "A"),
        (1.204, "A"),
        (1.205, "B"),  # 1,21 after rounding
        (1.21, "B"),
        (1.40, "B"),
        (1.41, "C"),
        (1.80, "C"),
        (1.81, "D"),
        (2.10, "D"),
        (2.11, "E"),
        (2.40, "E"),
        (2.41, "F"),
        (2.70, "F"),
        (2.71, "G"),
        (3.50, "G"),
    ],
)
def test_energie_index_2015_2020(ei: float, klasse: str) -> None:
    assert van_energie_index(ei) == klasse
    assert van_energie_index(ei, "2015-2020") == klasse


@pytest.mark.parametrize(
    ("ei", "klasse"),
    [
        (0.50, "A++"),
        (0.51, "A+"),
        (0.70, "A+"),
        (0.71, "A"),
        (1.05, "A"),
        (1.06, "B"),
        (1.30, "B"),
        (1.31, "C"),
        (1.60, "C"),
        (1.61, "D"),
        (2.00, "D"),
        (2.01, "E"),
        (2.40, "E"),
        (2.41, "F"),
        (2.90, "F"),
        (2.91, "G"),
    ],
)
def test_energie_index_before_2015(ei: float, klasse: str) -> None:
    assert van_energie_index(ei, "voor 2015") == klasse


def test_energie_index_errors_and_empty() -> None:
    with pytest.raises(ValueError, match="Onbekende methode '2021'"):
        van_energie_index(1.0, "2021")
    assert van_energie_index(None) == "onbekend"
    assert van_energie_index(math.nan) == "onbekend"


@pytest.mark.parametrize(
    ("ep2", "klasse"),
    [
        (-12.0, "A++++"),
        (0.0, "A++++"),
        (0.004, "A++++"),
        (0.01, "A+++"),
        (50.00, "A+++"),
        (50.01, "A++"),
        (75.00, "A++"),
        (75.01, "A+"),
        (105.00, "A+"),
        (105.01, "A"),
        (160.00, "A"),
        (160.01, "B"),
        (190.00, "B"),
        (190.01, "C"),
        (250.00, "C"),
        (250.01, "D"),
        (290.00, "D"),
        (290.01, "E"),
        (335.00, "E"),
        (335.01, "F"),
        (380.00, "F"),
        (380.01, "G"),
        (612.3, "G"),
    ],
)
def test_ep2(ep2: float, klasse: str) -> None:
    assert van_ep2(ep2) == klasse


def test_ep2_empty() -> None:
    assert van_ep2(None) == "onbekend"


def test_kleuren() -> None:
    assert set(KLEUREN) == set(ALLE)
    assert KLEUREN["onbekend"] == "#9e9e9e"
    assert KLEUREN["A++++"] == "#00602b"
    assert KLEUREN["G"] == "#ed1c24"
    for kleur in KLEUREN.values():
        assert kleur.startswith("#") and len(kleur) == 7
