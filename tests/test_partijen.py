"""Parties: CBS codes typed from shared/reference/woz-bezitstabel.md and from the spot checks
of /work/refdata/SOURCES.md (CBS 2024 and PDOK 2026), names as CBS writes them."""

from datetime import date

import pytest

from prestatie.referentie.partijen import (
    CORPORATIES,
    GEMEENTEN,
    InvalidCorporatie,
    close_corporaties,
    close_gemeenten,
    corporatie,
    corporaties,
    gemeente,
    gemeente_from_bag_id,
    gemeente_from_code,
    gemeentecode_from_bag_id,
    kern,
    kernen,
    new_corporatie,
    opgeheven_gemeente,
    provincie,
    unknown_text,
    use_added,
)


def test_corporaties() -> None:
    # the reference list of toegelaten instellingen (322 rows, SOURCES.md); the three names of
    # the Drenthe agreements spelled exactly as before
    assert {"Domesta", "Lefier", "Woonservice"} <= set(CORPORATIES)
    assert len(CORPORATIES) == 322


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


@pytest.mark.parametrize("naam", ["Acme", "DO", "L", "", "Lefier Groningen", None])
def test_unknown_corporatie(naam: object) -> None:
    assert corporatie(naam) is None  # type: ignore[arg-type]


def test_gemeenten() -> None:
    assert len(GEMEENTEN) == 342
    assert tuple(g for g in GEMEENTEN if provincie(g) == "Drenthe") == (
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


@pytest.mark.parametrize("naam", ["Atlantis", "Exloo", "gemeente", "", None])
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


@pytest.mark.parametrize("code", ["0000", "9999", "GM9999", "Emmen", "", "01140", "11 4", -114])
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
        "9999010000123456",  # no gemeente has code 9999
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
    # the 25 dorpen the gemeente lists, each a BAG woonplaats; now in alphabetical order
    assert set(kernen("Borger-Odoorn")) == {
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
    }


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
        "Weiteveen",  # a BAG woonplaats of Emmen the hand-made list had missed
        "Zandpol",
        "Zwartemeer",
    }


def test_kernen_of_no_gemeente() -> None:
    assert kernen("Atlantis") == ()
    assert kernen("") == ()


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


@pytest.mark.parametrize("naam", ["Angelslo", "Exloërmond", "", None])
def test_unknown_kern(naam: object) -> None:
    assert kern(naam) is None  # type: ignore[arg-type]


# --- the whole country ---------------------------------------------------------------------

# The 20 spot checks of SOURCES.md (code, gemeente, provincie), typed from its table: CBS 2024
# (woningwaardering) and PDOK 2026 (YouNew) give the same code for each.
SPOT_CHECKS = [
    ("0014", "Groningen", "Groningen"),
    ("0114", "Emmen", "Drenthe"),
    ("1681", "Borger-Odoorn", "Drenthe"),
    ("0363", "Amsterdam", "Noord-Holland"),
    ("0599", "Rotterdam", "Zuid-Holland"),
    ("0344", "Utrecht", "Utrecht"),
    ("0193", "Zwolle", "Overijssel"),
    ("0518", "'s-Gravenhage", "Zuid-Holland"),
    ("1900", "Súdwest-Fryslân", "Fryslân"),
    ("1970", "Noardeast-Fryslân", "Fryslân"),
    ("0373", "Bergen (NH.)", "Noord-Holland"),
    ("0893", "Bergen (L.)", "Limburg"),
    ("1992", "Voorne aan Zee", "Zuid-Holland"),
    ("1979", "Eemsdelta", "Groningen"),
    ("1982", "Land van Cuijk", "Noord-Brabant"),
    ("1991", "Maashorst", "Noord-Brabant"),
    ("1980", "Dijk en Waard", "Noord-Holland"),
    ("0164", "Hengelo (O.)", "Overijssel"),
    ("0796", "'s-Hertogenbosch", "Noord-Brabant"),
    ("1966", "Het Hogeland", "Groningen"),
]


@pytest.mark.parametrize(("code", "naam", "prov"), SPOT_CHECKS)
def test_spot_checked_gemeente(code: str, naam: str, prov: str) -> None:
    assert gemeente_from_code(code) == naam
    assert gemeente_from_code(int(code)) == naam
    assert gemeente_from_bag_id(f"{code}010000000001") == naam
    assert gemeente(naam) == naam
    assert provincie(naam) == prov


@pytest.mark.parametrize(
    ("code", "nu"),
    [
        ("0007", "Westerwolde"),  # Bellingwedde, 2018
        ("0048", "Westerwolde"),  # Vlagtwedde, 2018
        ("0017", "Groningen"),  # Haren, 2019
        ("0009", "Groningen"),  # Ten Boer, 2019
        ("0457", "Amsterdam"),  # Weesp, 24-3-2022
        ("0282", "Berg en Dal"),  # Ubbergen -> Groesbeek (2015) -> Berg en Dal (2016)
        ("1921", "De Fryske Marren"),  # De Friese Meren, renamed with a new code in 2015
        ("0003", "Eemsdelta"),  # Appingedam, 2021
        ("0614", "Voorne aan Zee"),  # Westvoorne, 2023
    ],
)
def test_merged_gemeente_from_its_old_code(code: str, nu: str) -> None:
    assert gemeente_from_code(code) == nu
    assert gemeente_from_bag_id(f"{code}010000012345") == nu


def test_merged_gemeente_record() -> None:
    bellingwedde = opgeheven_gemeente("0007")
    assert bellingwedde is not None
    assert (bellingwedde.gemeente, bellingwedde.opgegaan_in) == ("Bellingwedde", "Westerwolde")
    assert bellingwedde.opgeheven == date(2018, 1, 1)
    assert bellingwedde.ook_naar == ()
    haaren = opgeheven_gemeente("0788")  # split over four gemeenten in 2021
    assert haaren is not None
    assert haaren.opgegaan_in == "Oisterwijk"
    assert set(haaren.ook_naar) == {"Vught", "Boxtel", "Tilburg"}
    assert opgeheven_gemeente("0114") is None


@pytest.mark.parametrize(
    ("naam", "canoniek"),
    [
        ("Den Haag", "'s-Gravenhage"),
        ("gemeente Den Haag", "'s-Gravenhage"),
        ("s-Gravenhage", "'s-Gravenhage"),
        ("Den Bosch", "'s-Hertogenbosch"),
        ("Hengelo", "Hengelo (O.)"),  # the only gemeente Hengelo
        ("Hengelo (O)", "Hengelo (O.)"),  # PDOK's spelling
        ("Bergen (NH)", "Bergen (NH.)"),
        ("Sudwest Fryslan", "Súdwest-Fryslân"),
        ("Bellingwedde", "Westerwolde"),  # a merged gemeente: where it lies now
        ("Hoogezand-Sappemeer", "Midden-Groningen"),
        ("Zwolle", "Zwolle"),
        ("GRONINGEN", "Groningen"),
    ],
)
def test_gemeente_everywhere(naam: str, canoniek: str) -> None:
    assert gemeente(naam) == canoniek


def test_bergen_is_two_gemeenten() -> None:
    assert gemeente("Bergen") is None
    assert close_gemeenten("Bergen")[:2] == ("Bergen (L.)", "Bergen (NH.)")


@pytest.mark.parametrize(
    ("naam", "canoniek"),
    [
        ("Woonstad", "Woonstad Rotterdam"),
        ("Stichting Woonstad Rotterdam", "Woonstad Rotterdam"),
        ("Stichting Portaal", "Portaal"),
        ("Portaal", "Portaal"),
        ("Eigen Haard Amsterdam", "Eigen Haard"),
        ("Woningstichting Eigen Haard", "Eigen Haard"),
        ("Ymere", "Ymere"),
        ("Stichting Ymere", "Ymere"),
        ("deltaWonen", "deltaWonen"),
        ("SWZ", "SWZ"),
        ("Woningstichting SWZ", "SWZ"),
        ("Woonstichting ’thuis", "'thuis"),
    ],
)
def test_corporatie_alias(naam: str, canoniek: str) -> None:
    assert corporatie(naam) == canoniek
    assert canoniek in corporaties()


@pytest.mark.parametrize(
    ("naam", "tekst"),
    [
        ("Woonstadt", "onbekende corporatie 'Woonstadt'; bedoelt u Woonstad Rotterdam?"),
        ("Ymre", "onbekende corporatie 'Ymre'; bedoelt u Ymere?"),
        ("Lefier Groningen", "onbekende corporatie 'Lefier Groningen'; bedoelt u Lefier?"),
        ("Acme", "onbekende corporatie 'Acme'"),
    ],
)
def test_unknown_corporatie_text(naam: str, tekst: str) -> None:
    assert unknown_text("corporatie", naam) == tekst


def test_unknown_text_with_advice_and_quotes() -> None:
    assert unknown_text("corporatie", "Acme", '"', "voeg haar toe") == (
        'onbekende corporatie "Acme"; voeg haar toe'
    )
    assert unknown_text("gemeente", "Zwole") == "onbekende gemeente 'Zwole'; bedoelt u Zwolle?"
    assert unknown_text("gemeente", "Atlantis") == "onbekende gemeente 'Atlantis'"
    # a known spelling that is not the canonical name: only that name is offered
    assert close_corporaties("stichting lefier") == ("Lefier",)


def test_a_short_name_shared_by_several_corporations_is_none_of_them() -> None:
    assert corporatie("Goed Wonen") is None
    assert set(close_corporaties("Goed Wonen")) == {
        "Goed Wonen (L1550)",
        "Goed Wonen (L1718)",
        "Goed Wonen (L1745)",
    }


def test_haren_is_a_kern_of_two_gemeenten() -> None:
    assert kern("Haren", "Oss") == "Haren"
    assert kern("Haren", "Groningen") == "Haren Gn"  # the BAG writes the province
    assert kern("Haren Gn", "Groningen") == "Haren Gn"
    assert kern("Haren Gn", "Oss") is None
    assert "Haren" in kernen("Oss") and "Haren Gn" in kernen("Groningen")


def test_kernen_are_the_woonplaatsen() -> None:
    assert set(kernen("Stadskanaal")) == {
        "Alteveer",
        "Mussel",
        "Musselkanaal",
        "Onstwedde",
        "Stadskanaal",
        "Vledderveen",
    }
    assert kern("stadskanaal", "Stadskanaal") == "Stadskanaal"
    assert kern("Stadskanaal", "Emmen") is None
    assert kern("Hengelo", "Bronckhorst") == "Hengelo (Gld)"
    assert "Cortelande" in kernen("Zuidplas")  # new in the CBS table of 2026


# --- corporations a user adds ----------------------------------------------------------------


def test_new_corporatie_and_its_aliases() -> None:
    assert corporatie("Woonbron Nieuw") is None
    pairs = new_corporatie("  Woonbron  Nieuw ", ["WBN", "wbn", "", "Woonbron Nieuw"])
    assert pairs == [("Woonbron Nieuw", "Woonbron Nieuw"), ("Woonbron Nieuw", "WBN")]
    use_added(pairs)
    assert corporatie("woonbron nieuw") == "Woonbron Nieuw"
    assert corporatie("WBN") == "Woonbron Nieuw"
    assert "Woonbron Nieuw" in corporaties() and "Woonbron Nieuw" not in CORPORATIES
    assert close_corporaties("Woonbron Nieuwe")[0] == "Woonbron Nieuw"
    assert new_corporatie("Woonbron Nieuw") == []  # nothing new
    use_added([])
    assert corporatie("WBN") is None


def test_an_alias_for_a_corporation_of_the_list() -> None:
    pairs = new_corporatie("Ymere", ["Ymere Amsterdam"])
    assert pairs == [("Ymere", "Ymere Amsterdam")]
    use_added(pairs)
    assert corporatie("Ymere Amsterdam") == "Ymere"
    assert corporaties().count("Ymere") == 1


@pytest.mark.parametrize(
    ("naam", "aliassen", "fout"),
    [
        ("", [], "geef de naam van de corporatie"),
        ("Stichting Lefier", [], "'Stichting Lefier' is al bekend als corporatie Lefier"),
        ("Nieuw Thuis", ["LF"], "de schrijfwijze 'LF' hoort al bij corporatie Lefier"),
    ],
)
def test_new_corporatie_refused(naam: str, aliassen: list[str], fout: str) -> None:
    with pytest.raises(InvalidCorporatie) as refused:
        new_corporatie(naam, aliassen)
    assert str(refused.value) == fout


def test_an_added_spelling_never_changes_the_list() -> None:
    use_added([("Nieuw Lefier", "Nieuw Lefier"), ("Nieuw Lefier", "Lefier")])
    assert corporatie("Lefier") == "Lefier"
    assert corporatie("Nieuw Lefier") == "Nieuw Lefier"
