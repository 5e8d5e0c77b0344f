"""Parties: CBS codes typed from shared/reference/woz-bezitstabel.md, names as CBS writes them."""

import pytest

from prestatie.referentie.partijen import (
    CORPORATIES,
    GEMEENTEN,
    corporatie,
    gemeente,
    gemeente_from_bag_id,
    gemeente_from_code,
    gemeentecode_from_bag_id,
    kern,
    kernen,
)


def test_corporaties() -> None:
    assert CORPORATIES == ("Domesta", "Lefier", "Woonservice")


@pytest.mark.parametrize(
    ("naam", "canoniek"),
    [
        ("Lefier", "Lefier"),
        ("lefier", "Lefier"),
        ("  LEFIER ", "Lefier"),
        ("Stichting Lefier", "Lefier"),
        ("LF", "Lefier"),
        ("Woonservice", "Woonservice"),
        ("Woonservice Drenthe", "Woonservice"),
        ("woonservice  drenthe", "Woonservice"),
        ("Stichting Woonservice Drenthe", "Woonservice"),
        ("WS", "Woonservice"),
        ("ws", "Woonservice"),
        ("Domesta", "Domesta"),
        ("Woningstichting Domesta", "Domesta"),
        ("Domesta Emmen", "Domesta"),
        ("DOMESTA", "Domesta"),
    ],
)
def test_corporatie(naam: str, canoniek: str) -> None:
    assert corporatie(naam) == canoniek


@pytest.mark.parametrize("naam", ["Acantus", "DO", "L", "", "Lefier Groningen", None])
def test_unknown_corporatie(naam: object) -> None:
    assert corporatie(naam) is None  # type: ignore[arg-type]


def test_gemeenten() -> None:
    assert GEMEENTEN == (
        "Aa en Hunze",
        "Assen",
        "Borger-Odoorn",
        "Coevorden",
        "De Wolden",
        "Emmen",
        "Hoogeveen",
        "Meppel",
        "Midden-Drenthe",
        "Noordenveld",
        "Tynaarlo",
        "Westerveld",
    )


@pytest.mark.parametrize(
    ("naam", "canoniek"),
    [
        ("Borger-Odoorn", "Borger-Odoorn"),
        ("borger odoorn", "Borger-Odoorn"),
        ("Borger - Odoorn", "Borger-Odoorn"),
        ("Gemeente Borger-Odoorn", "Borger-Odoorn"),
        ("gemeente Emmen", "Emmen"),
        ("EMMEN", "Emmen"),
        ("emmen ", "Emmen"),
        ("Aa & Hunze", "Aa en Hunze"),
        ("midden drenthe", "Midden-Drenthe"),
        ("de wolden", "De Wolden"),
    ],
)
def test_gemeente(naam: str, canoniek: str) -> None:
    assert gemeente(naam) == canoniek


@pytest.mark.parametrize("naam", ["Groningen", "Stadskanaal", "Exloo", "gemeente", "", None])
def test_unknown_gemeente(naam: object) -> None:
    assert gemeente(naam) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("code", "naam"),
    [
        ("114", "Emmen"),
        (114, "Emmen"),
        ("0114", "Emmen"),
        ("GM0114", "Emmen"),
        ("gm0114", "Emmen"),
        (" 0114 ", "Emmen"),
        ("1681", "Borger-Odoorn"),
        (1681, "Borger-Odoorn"),
        ("GM1681", "Borger-Odoorn"),
        ("0106", "Assen"),
        (106, "Assen"),
        ("0109", "Coevorden"),
        ("0118", "Hoogeveen"),
        ("0119", "Meppel"),
        ("1680", "Aa en Hunze"),
        ("1690", "De Wolden"),
        ("1699", "Noordenveld"),
        ("1701", "Westerveld"),
        ("1730", "Tynaarlo"),
        ("1731", "Midden-Drenthe"),
    ],
)
def test_gemeente_from_code(code: str | int, naam: str) -> None:
    assert gemeente_from_code(code) == naam


@pytest.mark.parametrize("code", ["0014", "14", "GM0363", "Emmen", "", "01140", "11 4", -114])
def test_gemeente_from_unknown_code(code: str | int) -> None:
    assert gemeente_from_code(code) is None


@pytest.mark.parametrize(
    ("bag_id", "naam"),
    [
        ("0114010000123456", "Emmen"),
        ("114010000123456", "Emmen"),  # leading zero dropped by Excel
        (114010000123456, "Emmen"),
        (1.14010000123456e14, "Emmen"),
        ("1.14010000123456E+14", "Emmen"),
        ("1,14010000123456E+14", "Emmen"),  # Dutch Excel
        ("114010000123456.0", "Emmen"),
        ("0114010000123456|0114010000123457", "Emmen"),
        ("0114010000123456 | 1681010000000001", "Emmen"),
        ("1681010000000001", "Borger-Odoorn"),
        (1681010000000001, "Borger-Odoorn"),
        (" 1681010000000001 ", "Borger-Odoorn"),
        ("0106010000000001", "Assen"),
        ("106010000000001", "Assen"),
    ],
)
def test_gemeente_from_bag_id(bag_id: str | int | float, naam: str) -> None:
    assert gemeente_from_bag_id(bag_id) == naam


@pytest.mark.parametrize(
    "bag_id",
    [
        "",
        "onbekend",
        "0114",
        "01140100001234567",  # 17 digits
        "11401000012345",  # 14 digits
        "0114-0100-0012-3456",
        "|0114010000123456",
        1.5,
        float("nan"),
        None,
        True,
        "1e999999999",
        "0363010000123456",  # Amsterdam: not in Drenthe
    ],
)
def test_gemeente_from_unusable_bag_id(bag_id: object) -> None:
    assert gemeente_from_bag_id(bag_id) is None  # type: ignore[arg-type]


def test_gemeentecode_from_bag_id() -> None:
    assert gemeentecode_from_bag_id("0114010000123456") == "0114"
    assert gemeentecode_from_bag_id(114010000123456) == "0114"
    assert gemeentecode_from_bag_id("0363010000123456") == "0363"
    assert gemeentecode_from_bag_id("garbage") is None


def test_kernen_borger_odoorn() -> None:
    assert kernen("Borger-Odoorn") == (
        "Borger",
        "Bronneger",
        "Bronnegerveen",
        "Buinen",
        "Buinerveen",
        "Drouwen",
        "Drouwenermond",
        "Drouwenerveen",
        "Ees",
        "Eesergroen",
        "Eeserveen",
        "Ellertshaar",
        "Exloo",
        "Exloërveen",
        "1e Exloërmond",
        "2e Exloërmond",
        "Klijndijk",
        "Nieuw-Buinen",
        "Odoorn",
        "Odoornerveen",
        "Valthe",
        "Valthermond",
        "2e Valthermond",
        "Westdorp",
        "Zandberg",
    )


def test_kernen_emmen() -> None:
    assert set(kernen("gemeente emmen")) == {
        "Emmen",
        "Barger-Compascuum",
        "Emmer-Compascuum",
        "Emmer-Erfscheidenveen",
        "Erica",
        "Klazienaveen",
        "Klazienaveen-Noord",
        "Nieuw-Amsterdam",
        "Nieuw-Dordrecht",
        "Nieuw-Schoonebeek",
        "Nieuw-Weerdinge",
        "Roswinkel",
        "Schoonebeek",
        "Veenoord",
        "Weerdinge",
        "Zandpol",
        "Zwartemeer",
    }


def test_kernen_without_a_list() -> None:
    assert kernen("Assen") == ()
    assert kernen("Groningen") == ()


@pytest.mark.parametrize(
    ("naam", "canoniek"),
    [
        ("2e exloermond", "2e Exloërmond"),
        ("2e Exloërmond", "2e Exloërmond"),
        ("Tweede Exloërmond", "2e Exloërmond"),
        ("tweede exloermond", "2e Exloërmond"),
        ("1e Exloermond", "1e Exloërmond"),
        ("Eerste Exloërmond", "1e Exloërmond"),
        ("exloerveen", "Exloërveen"),
        ("EXLOO", "Exloo"),
        ("nieuw buinen", "Nieuw-Buinen"),
        ("Tweede Valthermond", "2e Valthermond"),
        ("emmer compascuum", "Emmer-Compascuum"),
        ("Nieuw Amsterdam", "Nieuw-Amsterdam"),
        ("klazienaveen noord", "Klazienaveen-Noord"),
        ("Emmen", "Emmen"),
    ],
)
def test_kern(naam: str, canoniek: str) -> None:
    assert kern(naam) == canoniek


def test_kern_within_gemeente() -> None:
    assert kern("exloo", "Borger-Odoorn") == "Exloo"
    assert kern("exloo", "borger odoorn") == "Exloo"
    assert kern("Exloo", "Emmen") is None
    assert kern("Erica", "Emmen") == "Erica"
    assert kern("Erica", "Groningen") is None


@pytest.mark.parametrize("naam", ["Angelslo", "Stadskanaal", "Exloërmond", "", None])
def test_unknown_kern(naam: object) -> None:
    assert kern(naam) is None  # type: ignore[arg-type]
