"""Tests of prestatie.afspraken.toml_reader: the loader, its error messages and the contents of
the afspraken files.

The expected figures are copied by hand from the two source documents (/work/shared/seeds) and
the checklist (/work/shared/reference/afspraken-checklist.md), not derived from the code or the
TOML files.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from prestatie.afspraken.schema import KINDS, Agreement, Doel, Periode
from prestatie.afspraken.toml_reader import (
    TargetFileError,
    default_folder,
    load_agreement,
    load_agreements,
)
from prestatie.referentie import partijen

A_OF_BETER = ("A++++", "A+++", "A++", "A+", "A")


# --- shared fixtures and helpers -----------------------------------------------------------


@pytest.fixture(scope="module")
def bo() -> Agreement:
    return load_agreement(default_folder() / "borger-odoorn-2023.toml")


@pytest.fixture(scope="module")
def emmen() -> Agreement:
    return load_agreement(default_folder() / "emmen-2019-2024.toml")


def _normen(doel: Doel) -> dict[str, object]:
    return {periode.label: waarde for periode, waarde in doel.norm}


def _enig(doelen: list[Doel]) -> Doel:
    assert len(doelen) == 1, [doel.id for doel in doelen]
    return doelen[0]


def _doelen(agreement: Agreement, soort: str, corporaties: tuple[str, ...]) -> list[Doel]:
    return [d for d in agreement.doelen if d.soort == soort and d.corporaties == corporaties]


def _jaarschijf(agreement: Agreement, corporatie: str, activiteit: str, kern: str) -> Doel:
    doelen = _doelen(agreement, "jaarschijf", (corporatie,))
    return _enig(
        [d for d in doelen if d.params["activiteiten"] == (activiteit,) and d.kern == kern]
    )


def _b6(agreement: Agreement, corporatie: str, activiteit: str) -> Doel:
    """A row of the jaarschijf tables under B6: the whole gemeente, five separate years."""
    doelen = _doelen(agreement, "jaarschijf", (corporatie,))
    return _enig(
        [
            d
            for d in doelen
            if d.params["activiteiten"] == (activiteit,) and d.kern is None and len(d.norm) == 5
        ]
    )


def _register(agreement: Agreement, woorden: str):
    """The one afspraak whose tekst or resultaat contains these words."""
    gevonden = [
        a
        for a in agreement.afspraken
        if woorden.lower() in a.tekst.lower() or woorden.lower() in a.resultaat.lower()
    ]
    assert len(gevonden) == 1, (woorden, [a.nummer for a in gevonden])
    return gevonden[0]


# --- loading the shipped files -------------------------------------------------------------


def test_default_folder_is_data_afspraken_in_the_repo():
    assert default_folder() == Path(__file__).parents[1] / "data" / "afspraken"
    assert default_folder().is_dir()


def test_both_files_load_sorted_by_document_id():
    agreements = load_agreements(default_folder())
    assert [a.document.id for a in agreements] == ["borger-odoorn-2023", "emmen-2019-2024"]


def test_load_agreements_sorts_by_id_and_reads_only_toml(tmp_path):
    (tmp_path / "zz.toml").write_text(_toml(document=DOCUMENT.replace('"proef"', '"zz"')))
    (tmp_path / "aa.toml").write_text(_toml(document=DOCUMENT.replace('"proef"', '"aa"')))
    (tmp_path / "lees-mij.txt").write_text("geen afspraken")
    assert [a.document.id for a in load_agreements(tmp_path)] == ["aa", "zz"]


def test_document_borger_odoorn(bo):
    document = bo.document
    assert document.gemeente == "Borger-Odoorn"
    assert document.periode == (2021, 2024)
    assert document.ondertekend == "2022-12"
    assert document.bron == "prestatieafspraken-borger-odoorn-2023.txt"
    assert set(document.themas) == {"A", "B", "C", "D"}
    assert "Huurdersvereniging 't Huurdertje" in document.partijen
    assert len(document.partijen) == 5


def test_document_emmen(emmen):
    document = emmen.document
    assert document.gemeente == "Emmen"
    assert document.periode == (2019, 2024)
    assert set(document.themas) == {"BB", "DZ", "WZ", "LW", "SW"}
    assert {"Domesta", "Lefier"} <= set(document.partijen)


def test_counts_of_afspraken_and_doelen(bo, emmen):
    assert (len(bo.afspraken), len(bo.doelen)) == (42, 23)
    assert (len(emmen.afspraken), len(emmen.doelen)) == (70, 18)


def test_dataclasses_are_frozen(bo):
    with pytest.raises(dataclasses.FrozenInstanceError):
        bo.doelen[0].id = "anders"
    with pytest.raises(dataclasses.FrozenInstanceError):
        bo.afspraken[0].status = "gereed"


def test_periode_label_and_order():
    assert Periode(2023, 2023).label == "2023"
    assert Periode(2021, 2024).label == "2021-2024"
    assert sorted([Periode(2023, 2025), Periode(2023, 2023), Periode(2021, 2024)]) == [
        Periode(2021, 2024),
        Periode(2023, 2023),
        Periode(2023, 2025),
    ]


# --- invariants over every doel ------------------------------------------------------------


@pytest.fixture(scope="module")
def alle_doelen() -> list[Doel]:
    return [doel for a in load_agreements(default_folder()) for doel in a.doelen]


def test_every_doel_belongs_to_a_quantitative_afspraak():
    for agreement in load_agreements(default_folder()):
        for doel in agreement.doelen:
            assert agreement.afspraak(doel.afspraak).kwantitatief, doel.id


def test_afspraken_without_a_doel_are_not_quantitative(bo):
    met_doel = {doel.afspraak for doel in bo.doelen}
    for afspraak in bo.afspraken:
        assert afspraak.kwantitatief == (afspraak.nummer in met_doel)


def test_shares_lie_between_0_and_1(alle_doelen):
    for doel in alle_doelen:
        if doel.soort.startswith("aandeel"):
            for _, waarde in doel.norm:
                assert 0 <= waarde <= 1, doel.id


def test_norms_are_sorted_and_plausible(alle_doelen):
    for doel in alle_doelen:
        perioden = [periode for periode, _ in doel.norm]
        assert perioden == sorted(perioden), doel.id
        assert all(2016 <= p.van <= p.tot <= 2030 for p in perioden), doel.id


def test_corporaties_of_doelen_are_partij_in_the_document():
    for agreement in load_agreements(default_folder()):
        partijen = " ".join(agreement.document.partijen)
        for doel in agreement.doelen:
            assert doel.soort in KINDS
            assert doel.gemeente == agreement.document.gemeente
            for corporatie in doel.corporaties:
                assert corporatie in partijen, (doel.id, corporatie)


# --- Borger-Odoorn: figures from the document ------------------------------------------------


def test_a1_at_least_90_percent_up_to_tweede_aftoppingsgrens_exclusive(bo):
    doel = bo.doel("A1")
    assert doel.soort == "aandeel_huur"
    assert doel.corporaties == ("Lefier", "Woonservice")
    assert doel.per_corporatie is True
    assert doel.kern is None
    assert doel.richting == "min"
    assert _normen(doel) == {"2021": 0.90, "2022": 0.90, "2023": 0.90, "2024": 0.90}
    assert doel.params == {
        "grens": "tweede_aftoppingsgrens",
        "inclusief": False,
        "prijspeil": 2022,
        "bedrag": 678.66,
        "basis": "voorraad",
        "tolerantie": None,
    }
    assert "< € 678,66 prijspeil 2022" in doel.tekst


def test_a5a_lefier_sloop_22_in_nieuw_buinen_and_verkoop_at_most_8(bo):
    sloop = _jaarschijf(bo, "Lefier", "sloop", "Nieuw-Buinen")
    assert _normen(sloop) == {"2021-2024": 22}
    assert sloop.afspraak == "A5a"
    verkoop = bo.doel("A5a-LF-verkoop")
    assert verkoop.richting == "max"  # "naar schatting circa 6 tot 8": an estimate, a ceiling
    assert _normen(verkoop) == {"2022": 8, "2023": 8, "2024": 8}


def test_a5b_woonservice_odoorn_and_valthermond_2023(bo):
    assert _normen(_jaarschijf(bo, "Woonservice", "sloop", "Odoorn")) == {"2023": 6}
    assert _normen(_jaarschijf(bo, "Woonservice", "nieuwbouw", "Odoorn")) == {"2023": 6}
    assert _normen(_jaarschijf(bo, "Woonservice", "nieuwbouw", "Valthermond")) == {"2023": 8}


def test_b1a_lefier_30_and_206_homes_to_label_a(bo):
    doel = bo.doel("B1a-LF-label-A")
    assert doel.params == {"label": "A", "verkooplabel": None}
    assert doel.richting == "min"
    assert _normen(doel) == {"2023": 30, "2023-2025": 206}


def test_b1a_lefier_no_e_f_g_left_before_2028(bo):
    doel = _enig(_doelen(bo, "naar_nul", ("Lefier",)))
    assert doel.params == {"labels": ("E", "F", "G")}
    assert doel.richting == "max"
    assert _normen(doel) == {"2027": 0}
    assert "2028" in doel.toelichting


# The jaarschijf tables under B6, typed over: columns 2023, 2024, 2025, 2026, 2027.
B6_LEFIER = {
    "nieuwbouw": (0, 0, 0, 0, 0),
    "sloop": (0, 0, 0, 7, 7),
    "verkoop": (3, 3, 3, 3, 3),
    "verduurzaming": (0, 69, 78, 21, 21),
    "zonnepanelen": (36, 60, 53, 53, 41),
}
B6_WOONSERVICE = {
    "nieuwbouw": (30, 20, 20, 12, 12),
    "sloop": (16, 30, 30, 12, 6),
    "verkoop": (4, 4, 4, 4, 4),
    "verduurzaming": (20, 20, 20, 20, 20),
    "zonnepanelen": (6, 6, 6, 6, 6),
}


@pytest.mark.parametrize(
    ("corporatie", "tabel"), [("Lefier", B6_LEFIER), ("Woonservice", B6_WOONSERVICE)]
)
def test_b6_jaarschijf_tables_all_25_numbers(bo, corporatie, tabel):
    jaren = ("2023", "2024", "2025", "2026", "2027")
    gevonden = 0
    for activiteit, aantallen in tabel.items():
        doel = _b6(bo, corporatie, activiteit)
        assert doel.richting == "min"
        assert doel.per_corporatie is True
        assert _normen(doel) == dict(zip(jaren, aantallen, strict=True)), doel.id
        gevonden += len(doel.norm)
    assert gevonden == 25


def test_woonservice_sloop_2024_is_30(bo):
    assert _normen(bo.doel("B6-WS-sloop"))["2024"] == 30


def test_register_borger_odoorn_holds_every_numbered_afspraak(bo):
    nummers = {a.nummer for a in bo.afspraken}
    verwacht = (
        {f"A{n}" for n in range(1, 12)}
        | {"A5a", "A5b", "B1a", "B1b", "B2a", "B2b", "B3", "B4", "B5", "B6"}
        | {f"C{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 10)}
        | {"D1a", "D1b", "D1c", "D1d"}
    )
    assert verwacht <= nummers
    for extra in ("A6-2", "A8-2", "B1a-2", "B1b-2", "B1b-3", "C2-2", "B6-2", "B6-3"):
        assert extra in nummers
        assert "toegekend door prestatie" in bo.afspraak(extra).toelichting


def test_register_borger_odoorn_follows_the_document_columns(bo):
    a1 = bo.afspraak("A1")
    assert (a1.thema, a1.tijd, a1.trekker, a1.jaarschijf) == (
        "A",
        "2021-2024",
        "LF WS",
        "Continueren",
    )
    assert a1.resultaat == "Betaalbare sociale huurvoorraad"
    assert bo.afspraak("C3").trekker == "LF,WS gemeente"
    assert bo.afspraak("D1d").status == "niet gestart"
    assert bo.afspraak("B1a").status == "loopt"


@pytest.mark.parametrize(
    ("nummer", "woorden"),
    [
        ("B4", "energieneutraal in 2040"),
        ("B1b", "circa 150 woningen"),
    ],
)
def test_unmeasurable_afspraken_borger_odoorn_are_register_with_a_reason(bo, nummer, woorden):
    afspraak = _register(bo, woorden)
    assert afspraak.nummer == nummer
    assert not afspraak.kwantitatief
    assert "Niet gemeten" in afspraak.toelichting


def test_63_verkooplabel_homes_are_in_the_register(bo):
    afspraak = bo.afspraak("B1a-2")
    assert "63 woningen met verkooplabel" in afspraak.jaarschijf
    assert "63 woningen" in afspraak.toelichting


def test_lefier_co2_neutral_2050_is_at_b4(bo):
    assert "2050 CO2 neutraal" in bo.afspraak("B4").resultaat


# --- Emmen: figures from the document --------------------------------------------------------

DOMESTA_FASERING = {
    # group: (richting, {year: share})
    ("A++++", "A+++", "A++", "A+", "A"): ("min", {"2021": 0.20, "2023": 0.25, "2026": 0.30}),
    ("B",): ("min", {"2021": 0.44, "2023": 0.47, "2026": 0.50}),
    ("C",): ("max", {"2021": 0.30, "2023": 0.25, "2026": 0.20}),
    ("D", "E", "F", "G"): ("max", {"2021": 0.05, "2023": 0.03, "2026": 0.0}),
}


@pytest.mark.parametrize(("labels", "verwacht"), list(DOMESTA_FASERING.items()))
def test_domesta_fasering(emmen, labels, verwacht):
    richting, normen = verwacht
    doelen = _doelen(emmen, "aandeel_label", ("Domesta",))
    doel = _enig([d for d in doelen if d.params["labels"] == labels])
    assert doel.richting == richting
    assert _normen(doel) == normen


def test_domesta_c_at_most_25_percent_in_2023(emmen):
    assert _normen(emmen.doel("DZ-9-fasering-C"))["2023"] == 0.25


def test_domesta_d_to_g_at_most_0_in_2026(emmen):
    doel = emmen.doel("DZ-9-fasering-DEFG")
    assert doel.richting == "max"
    assert _normen(doel)["2026"] == 0.0
    assert doel.params["groepnaam"] == "D, E, F, G"


def test_domesta_group_a_holds_nta8800_classes(emmen):
    doel = emmen.doel("DZ-9-fasering-A")
    assert doel.params == {"labels": A_OF_BETER, "groepnaam": "A++, A+, A"}


def test_domesta_gemiddeld_label_b_in_2026(emmen):
    doel = _enig(_doelen(emmen, "gemiddeld_label", ("Domesta",)))
    assert doel.richting == "max"
    assert _normen(doel) == {"2026": "B"}


def test_woonservice_at_least_65_percent_label_a_or_b_in_2023(emmen):
    doel = _enig(_doelen(emmen, "aandeel_label", ("Woonservice",)))
    assert doel.richting == "min"
    assert _normen(doel) == {"2023": 0.65}
    assert doel.params["labels"] == (*A_OF_BETER, "B")


def test_80_percent_aanbod_up_to_eerste_aftoppingsgrens_exclusive(emmen):
    doel = emmen.doel("BB-25-eerste-aftoppingsgrens")
    assert doel.params == {
        "grens": "eerste_aftoppingsgrens",
        "inclusief": False,
        "prijspeil": 2018,
        "bedrag": 596.0,
        "basis": "aanbod",
        "tolerantie": None,
    }
    assert set(_normen(doel).values()) == {0.80}
    assert "voorraad" in doel.toelichting
    assert "exclusief" in doel.toelichting


def test_10_percent_up_to_kwaliteitskortingsgrens(emmen):
    doel = emmen.doel("BB-25-kwaliteitskortingsgrens")
    assert doel.params["grens"] == "kwaliteitskortingsgrens"
    assert doel.params["bedrag"] == 417.0
    assert doel.params["prijspeil"] == 2018
    assert (doel.corporaties, doel.per_corporatie) == ((), False)
    assert set(_normen(doel).values()) == {0.10}


def test_voorraad_grows_no_more(emmen):
    doel = _enig([d for d in emmen.doelen if d.params.get("maat") == "vhe"])
    assert (doel.soort, doel.richting) == ("bandbreedte", "max")
    assert (doel.corporaties, doel.per_corporatie) == ((), False)
    assert _normen(doel) == {"2024": 0}
    assert doel.params["basisjaar"] is None


def test_eengezinswoningen_decrease(emmen):
    doel = _enig([d for d in emmen.doelen if d.params.get("maat") == "eengezins"])
    assert doel.richting == "band"
    assert _normen(doel) == {"2020": (-60, -10), "2025": (-325, -270)}  # tot 1-1-2021 / 2026


def test_levensloopgeschikte_homes_increase(emmen):
    doel = emmen.doel("BB-4-levensloopgeschikt")
    assert doel.params == {"maat": "levensloopgeschikt", "basisjaar": 2015, "basis_aantal": None}
    assert _normen(doel) == {"2020": (110, 150), "2025": (230, 270)}


def test_15_to_35_levensloopgeschikt_per_year_cumulative_from_2018(emmen):
    doel = emmen.doel("BB-15-levensloopgeschikt")
    assert doel.params == {"maat": "levensloopgeschikt", "basisjaar": 2018, "basis_aantal": None}
    normen = _normen(doel)
    for n, jaar in enumerate(range(2019, 2025), start=1):
        assert normen[str(jaar)] == (15 * n, 35 * n)


def test_200_homes_per_year_modernised(emmen):
    doel = emmen.doel("BB-15-modernisering")
    assert doel.params == {
        "activiteiten": ("nieuwbouw", "verduurzaming"),
        "gemiddeld": True,
        "slechte_labels": None,
    }
    assert (doel.corporaties, doel.per_corporatie) == ((), False)
    assert _normen(doel) == {str(jaar): 200 for jaar in range(2019, 2025)}


def test_lefier_35_homes_per_year_verduurzaming(emmen):
    doel = _enig(_doelen(emmen, "jaarschijf", ("Lefier",)))
    assert doel.params["activiteiten"] == ("verduurzaming",) and doel.params["gemiddeld"] is True
    assert _normen(doel) == {str(jaar): 35 for jaar in range(2019, 2025)}


def test_emmen_nummers_are_assigned_per_thema(emmen):
    for afspraak in emmen.afspraken:
        assert re.fullmatch(r"(BB|DZ|WZ|LW|SW)-\d+", afspraak.nummer)
        assert afspraak.nummer.startswith(afspraak.thema + "-")
        assert "toegekend door prestatie" in afspraak.toelichting


@pytest.mark.parametrize(
    "woorden",
    [
        "gemiddelde woonquote van 30%",
        "0 huisuitzettingen",
        "ieder jaar 4 woon- en leefbaarheidsvisies",
        "70% medewerking",
        "in 2050 'nul-op-de-meter'",
        "gemiddeld 170 woningen per jaar",
        "100 eenheden",
        "energieneutraal Emmerhout in 2027",
    ],
)
def test_unmeasurable_afspraken_emmen_are_register_with_a_reason(emmen, woorden):
    afspraak = _register(emmen, woorden)
    assert not afspraak.kwantitatief
    assert "Niet gemeten" in afspraak.toelichting


@pytest.mark.parametrize(
    "woorden",
    [
        "Tweede kwartaal: Vorbereiding van de eigen activiteitenoverzichten",
        "uiterlijk 15 november",
        "voor 15 december",
        "in februari de evaluatie",
        "uiterlijk 1 juli",
    ],
)
def test_jaaragenda_emmen_is_in_the_register(emmen, woorden):
    afspraak = _register(emmen, woorden)
    assert afspraak.thema == "SW"
    assert not afspraak.kwantitatief


# --- error messages on small, broken files -------------------------------------------------

DOCUMENT = """
[document]
id = "proef"
titel = "Proef"
gemeente = "Emmen"
partijen = ["Gemeente Emmen", "Lefier"]
periode = [2021, 2024]
bron = "proef.txt"
ondertekend = ""
themas = { A = "Betaalbaarheid" }
"""

AFSPRAAK = """
[[afspraak]]
nummer = "A1"
thema = "A"
tekst = "Minimaal 90% tot de 2e aftoppingsgrens."
resultaat = ""
tijd = "2021-2024"
trekker = "LF"
jaarschijf = ""
status = "loopt"
"""

DOEL = """
[[doel]]
id = "A1"
afspraak = "A1"
omschrijving = "Minimaal 90% tot de 2e aftoppingsgrens"
tekst = "Minimaal 90% tot de 2e aftoppingsgrens."
soort = "aandeel_huur"
corporaties = ["Lefier"]
per_corporatie = true
kern = ""
richting = "min"
norm = { "2024" = 0.9, "2021-2024" = 0.9 }
grens = "tweede_aftoppingsgrens"
inclusief = false
prijspeil = 2022
bedrag = 678.66
basis = "voorraad"
"""

LABELDOEL = """
[[doel]]
id = "L1"
afspraak = "A1"
omschrijving = "Minimaal 65% label A of B"
tekst = "minimaal 65% op energielabel A of B"
soort = "aandeel_label"
corporaties = ["Lefier"]
per_corporatie = true
richting = "min"
norm = { "2023" = 0.65 }
labels = ["A", "B"]
groepnaam = "A of B"
"""

NULDOEL = """
[[doel]]
id = "N1"
afspraak = "A1"
omschrijving = "Geen E, F, G meer"
tekst = "alle E, F en G woningen verbeteren voor 2028"
soort = "naar_nul"
corporaties = ["Lefier"]
per_corporatie = true
richting = "max"
norm = { "2027" = 0 }
labels = ["E", "F", "G"]
"""


def _toml(document: str = DOCUMENT, afspraak: str = AFSPRAAK, doel: str = DOEL) -> str:
    return document + afspraak + doel


def _laad(tmp_path: Path, tekst: str, naam: str = "proef.toml") -> Agreement:
    pad = tmp_path / naam
    pad.write_text(tekst, encoding="utf-8")
    return load_agreement(pad)


def _fout(tmp_path: Path, tekst: str) -> str:
    with pytest.raises(TargetFileError) as fout:
        _laad(tmp_path, tekst)
    return str(fout.value)


def test_the_sample_file_itself_is_valid(tmp_path):
    agreement = _laad(tmp_path, _toml(doel=DOEL + LABELDOEL + NULDOEL))
    doel = agreement.doel("A1")
    assert doel.kern is None
    assert doel.gemeente == "Emmen"
    assert [periode.label for periode, _ in doel.norm] == ["2021-2024", "2024"]
    assert agreement.afspraak("A1").kwantitatief is True
    assert agreement.afspraak("A1").toelichting == ""


def test_kern_is_kept(tmp_path):
    agreement = _laad(tmp_path, _toml(doel=DOEL.replace('kern = ""', 'kern = "Odoorn"')))
    assert agreement.doel("A1").kern == "Odoorn"


def test_unknown_soort(tmp_path):
    tekst = _toml(doel=DOEL.replace('soort = "aandeel_huur"', 'soort = "aandeel"'))
    assert _fout(tmp_path, tekst) == (
        'proef.toml, doel "A1": onbekende soort "aandeel" (kies uit: aandeel_huur, '
        "aandeel_label, gemiddeld_label, jaarschijf, bandbreedte, naar_nul, labelsprong, "
        "aandeel_toewijzing, verdeling_toewijzing, zoekduur, huurstijging, verkoop_label, "
        "leefbaarheid)"
    )


def test_unknown_richting(tmp_path):
    tekst = _toml(doel=DOEL.replace('richting = "min"', 'richting = "omhoog"'))
    assert _fout(tmp_path, tekst) == (
        'proef.toml, doel "A1": onbekende waarde "omhoog" voor "richting" '
        "(kies uit: min, max, band)"
    )


def test_missing_key_of_the_soort(tmp_path):
    tekst = _toml(doel=DOEL.replace('grens = "tweede_aftoppingsgrens"\n', ""))
    assert _fout(tmp_path, tekst) == 'proef.toml, doel "A1": sleutel "grens" ontbreekt'


def test_key_of_another_soort(tmp_path):
    tekst = _toml(doel=DOEL + 'labels = ["A"]\n')
    assert _fout(tmp_path, tekst) == 'proef.toml, doel "A1": onbekende sleutel "labels"'


def test_unknown_grens(tmp_path):
    tekst = _toml(doel=DOEL.replace('"tweede_aftoppingsgrens"', '"huurgrens"'))
    assert _fout(tmp_path, tekst).startswith(
        'proef.toml, doel "A1": onbekende waarde "huurgrens" voor "grens" (kies uit: '
    )


def test_inclusief_must_be_true_or_false(tmp_path):
    tekst = _toml(doel=DOEL.replace("inclusief = false", 'inclusief = "nee"'))
    assert _fout(tmp_path, tekst) == (
        'proef.toml, doel "A1": "inclusief" moet true of false zijn, niet \'nee\''
    )


def test_unknown_corporatie(tmp_path):
    # "Woonstad" is a spelling of Woonstad Rotterdam: a target names the corporation as
    # prestatie and the data write it, and the message offers that name
    tekst = _toml(doel=DOEL.replace('["Lefier"]', '["Lefier", "Woonstad"]'))
    assert _fout(tmp_path, tekst) == (
        'proef.toml, doel "A1": onbekende corporatie "Woonstad"; bedoelt u Woonstad Rotterdam?'
    )


def test_misspelt_corporatie_gets_a_suggestion(tmp_path):
    tekst = _toml(doel=DOEL.replace('["Lefier"]', '["Woonstadt"]'))
    assert _fout(tmp_path, tekst) == (
        'proef.toml, doel "A1": onbekende corporatie "Woonstadt"; bedoelt u Woonstad Rotterdam?'
    )
    tekst = _toml(doel=DOEL.replace('["Lefier"]', '["Acme"]'))
    assert _fout(tmp_path, tekst) == (
        'proef.toml, doel "A1": onbekende corporatie "Acme"; voeg een nieuwe corporatie toe '
        "met prestatie corporatie-toevoegen"
    )


def test_any_corporatie_and_gemeente_of_the_country(tmp_path):
    document = DOCUMENT.replace('gemeente = "Emmen"', 'gemeente = "Zwolle"')
    tekst = _toml(document=document, doel=DOEL.replace('["Lefier"]', '["deltaWonen", "SWZ"]'))
    doel = _laad(tmp_path, tekst).doel("A1")
    assert (doel.gemeente, doel.corporaties) == ("Zwolle", ("deltaWonen", "SWZ"))


def test_a_corporatie_a_user_added(tmp_path):
    tekst = _toml(doel=DOEL.replace('["Lefier"]', '["Zwolse Woonmaatschappij"]'))
    assert "onbekende corporatie" in _fout(tmp_path, tekst)
    partijen.use_added([("Zwolse Woonmaatschappij", "Zwolse Woonmaatschappij")])
    assert _laad(tmp_path, tekst).doel("A1").corporaties == ("Zwolse Woonmaatschappij",)


def test_gemeente_spelled_otherwise_or_unknown(tmp_path):
    document = DOCUMENT.replace('gemeente = "Emmen"', 'gemeente = "Den Haag"')
    assert _laad(tmp_path, _toml(document=document)).document.gemeente == "'s-Gravenhage"
    document = DOCUMENT.replace('gemeente = "Emmen"', 'gemeente = "Zwole"')
    assert _fout(tmp_path, _toml(document=document)).endswith(
        'onbekende gemeente "Zwole"; bedoelt u Zwolle?'
    )


def test_reference_to_an_unknown_afspraak(tmp_path):
    tekst = _toml(doel=DOEL.replace('afspraak = "A1"', 'afspraak = "A9"'))
    assert _fout(tmp_path, tekst) == (
        'proef.toml, doel "A1": verwijst naar afspraak "A9", die niet in het bestand staat'
    )


def test_duplicate_doel_id(tmp_path):
    assert (
        _fout(tmp_path, _toml(doel=DOEL + DOEL)) == 'proef.toml, doel "A1": id komt twee keer voor'
    )


def test_duplicate_afspraak_nummer(tmp_path):
    tekst = _toml(afspraak=AFSPRAAK + AFSPRAAK)
    assert _fout(tmp_path, tekst) == 'proef.toml, afspraak "A1": nummer komt twee keer voor'


def test_share_outside_0_to_1(tmp_path):
    tekst = _toml(doel=DOEL.replace('"2024" = 0.9', '"2024" = 90'))
    assert _fout(tmp_path, tekst) == (
        'proef.toml, doel "A1": norm "2024": 90 is geen aandeel tussen 0 en 1'
    )


def test_band_expects_two_bounds(tmp_path):
    tekst = _toml(doel=DOEL.replace('richting = "min"', 'richting = "band"'))
    assert _fout(tmp_path, tekst) == (
        'proef.toml, doel "A1": norm "2024": verwacht [laag, hoog] bij richting "band", niet 0.9'
    )


def test_band_with_lower_bound_above_upper_bound(tmp_path):
    doel = DOEL.replace('richting = "min"', 'richting = "band"').replace(
        'norm = { "2024" = 0.9, "2021-2024" = 0.9 }', 'norm = { "2024" = [0.9, 0.8] }'
    )
    assert _fout(tmp_path, _toml(doel=doel)) == (
        'proef.toml, doel "A1": norm "2024": de ondergrens 0.9 ligt boven de bovengrens 0.8'
    )


def test_min_expects_one_value(tmp_path):
    tekst = _toml(doel=DOEL.replace('"2024" = 0.9', '"2024" = [0.8, 0.9]'))
    assert _fout(tmp_path, tekst) == (
        'proef.toml, doel "A1": norm "2024": verwacht één waarde bij richting "min", '
        "niet [0.8, 0.9]"
    )


@pytest.mark.parametrize("sleutel", ["2021/2024", "23", "2021-", "jaar 2023"])
def test_unreadable_periode(tmp_path, sleutel):
    tekst = _toml(doel=DOEL.replace('"2024" = 0.9', f'"{sleutel}" = 0.9'))
    assert _fout(tmp_path, tekst) == (
        f'proef.toml, doel "A1": norm "{sleutel}": geen jaar of reeks van jaren '
        '("2023", "2021-2024")'
    )


def test_periode_backwards(tmp_path):
    tekst = _toml(doel=DOEL.replace('"2021-2024"', '"2024-2021"'))
    assert _fout(tmp_path, tekst) == (
        'proef.toml, doel "A1": norm "2024-2021": het laatste jaar ligt vóór het eerste'
    )


def test_empty_norm(tmp_path):
    tekst = _toml(doel=DOEL.replace('norm = { "2024" = 0.9, "2021-2024" = 0.9 }', "norm = {}"))
    assert _fout(tmp_path, tekst) == 'proef.toml, doel "A1": "norm" is leeg'


def test_unknown_label(tmp_path):
    tekst = _toml(doel=LABELDOEL.replace('["A", "B"]', '["A+++++", "B"]'))
    assert _fout(tmp_path, tekst).startswith(
        'proef.toml, doel "L1": onbekende waarde "A+++++" voor "labels" (kies uit: A++++, A+++'
    )


def test_label_in_lower_case_is_not_canonical(tmp_path):
    tekst = _toml(doel=LABELDOEL.replace('["A", "B"]', '["a", "B"]'))
    assert 'onbekende waarde "a" voor "labels"' in _fout(tmp_path, tekst)


def test_gemiddeld_label_must_be_a_label(tmp_path):
    doel = (
        LABELDOEL.replace('soort = "aandeel_label"', 'soort = "gemiddeld_label"')
        .replace('norm = { "2023" = 0.65 }', 'norm = { "2026" = "B-" }')
        .replace('labels = ["A", "B"]\ngroepnaam = "A of B"\n', "")
    )
    assert _fout(tmp_path, _toml(doel=doel)).startswith(
        'proef.toml, doel "L1": norm "2026": \'B-\' is geen energielabel (kies uit: A++++'
    )


def test_naar_nul_expects_zero_and_richting_max(tmp_path):
    vijf = _toml(doel=NULDOEL.replace('"2027" = 0', '"2027" = 5'))
    assert (
        _fout(tmp_path, vijf)
        == 'proef.toml, doel "N1": norm "2027": naar_nul verwacht norm 0, niet 5'
    )
    minimum = _toml(doel=NULDOEL.replace('richting = "max"', 'richting = "min"'))
    assert _fout(tmp_path, minimum) == (
        'proef.toml, doel "N1": onbekende waarde "min" voor "richting" (kies uit: max)'
    )


def test_jaarschijf_counts_whole_homes(tmp_path):
    doel = (
        NULDOEL.replace('soort = "naar_nul"', 'soort = "jaarschijf"')
        .replace('labels = ["E", "F", "G"]', 'activiteiten = ["sloop"]')
        .replace('richting = "max"', 'richting = "min"')
        .replace('"2027" = 0', '"2027" = 2.5')
    )
    assert _fout(tmp_path, _toml(doel=doel)) == (
        'proef.toml, doel "N1": norm "2027": 2.5 is geen geheel aantal'
    )
    onbekend = doel.replace('"2027" = 2.5', '"2027" = 2').replace('"sloop"', '"renovatie"')
    assert 'onbekende waarde "renovatie" voor "activiteiten"' in _fout(
        tmp_path, _toml(doel=onbekend)
    )


def test_unknown_status_of_afspraak(tmp_path):
    tekst = _toml(afspraak=AFSPRAAK.replace('status = "loopt"', 'status = "klaar"'))
    assert _fout(tmp_path, tekst) == (
        'proef.toml, afspraak "A1": onbekende waarde "klaar" voor "status" '
        "(kies uit: niet gestart, loopt, gereed, vertraagd, vervallen)"
    )


def test_unknown_thema_of_afspraak(tmp_path):
    tekst = _toml(afspraak=AFSPRAAK.replace('thema = "A"', 'thema = "Z"'))
    assert _fout(tmp_path, tekst) == (
        'proef.toml, afspraak "A1": onbekende waarde "Z" voor "thema" (kies uit: A)'
    )


def test_afspraak_without_nummer_is_named_by_position(tmp_path):
    tekst = _toml(afspraak=AFSPRAAK.replace('nummer = "A1"\n', ""))
    assert _fout(tmp_path, tekst) == 'proef.toml, afspraak nr. 1: sleutel "nummer" ontbreekt'


def test_document_id_must_be_the_file_name(tmp_path):
    tekst = _toml(document=DOCUMENT.replace('id = "proef"', 'id = "anders"'))
    assert _fout(tmp_path, tekst) == (
        'proef.toml, [document]: id "anders" moet gelijk zijn aan de bestandsnaam "proef"'
    )


def test_document_missing(tmp_path):
    assert _fout(tmp_path, AFSPRAAK + DOEL) == "proef.toml, [document]: tabel [document] ontbreekt"


def test_unknown_table(tmp_path):
    tekst = _toml() + '\n[[doelen]]\nid = "X"\n'
    assert _fout(tmp_path, tekst) == 'proef.toml: onbekende tabel "doelen"'


def test_invalid_toml_names_the_line(tmp_path):
    melding = _fout(tmp_path, DOCUMENT + "nummer = \n")
    assert melding == "proef.toml, regel 11, kolom 10: geen geldige TOML (Invalid value)"


def test_rent_increase_against_inflation_is_measured_in_both(bo, emmen):
    assert bo.afspraak("A2").kwantitatief and emmen.afspraak("BB-23").kwantitatief
    assert bo.doel("A2-huurstijging").afspraak == "A2"
    assert emmen.doel("BB-23-huursom").afspraak == "BB-23"


def test_sales_labels_and_poor_labels_are_measured_through_the_vhe_number(bo, emmen):
    for nummer in ("B2a", "B2b", "B1a-2"):
        assert bo.afspraak(nummer).kwantitatief
    b2a, b2b = bo.doel("B2a-LF-verkoop-label-C"), bo.doel("B2b-WS-verkoop-label-C")
    assert (b2a.soort, b2a.params, b2a.corporaties) == (
        "verkoop_label",
        {"label": "C"},
        ("Lefier",),
    )
    assert b2b.corporaties == ("Woonservice",) and set(_normen(b2b).values()) == {1.0}
    verkooplabel = bo.doel("B1a-LF-verkooplabel-C")
    assert verkooplabel.params == {"label": "C", "verkooplabel": True}
    assert _normen(verkooplabel) == {"2024": 63}
    dz8 = emmen.doel("DZ-8-LF-verduurzaming")
    assert dz8.params["slechte_labels"] == ("E", "F", "G")
    assert "slecht energielabel" in dz8.tekst
