"""Targets on the lettings, on small hand-computed cases: the offer up to a rent limit (a rent
exactly on the limit, the limit of the letting's own year, a year without lettings measured on
the stock and said so), the statushouders' share and split (a corporation without statushouders),
and the search time (median, share within 12 months, what was measured)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from prestatie import dashboard
from prestatie.afspraken import schema
from prestatie.afspraken.toml_reader import TargetFileError, parse_agreement
from prestatie.beoordeling import monitor, verhuurmetingen
from prestatie.inlezen import toewijzingen
from prestatie.inlezen.records import PRODUCTIE_COLUMNS, VERHUUR_COLUMNS, Batch
from prestatie.opslag import store
from tests import counting
from tests.test_monitor import vhe

HEAD = """
[document]
id = "proef"
titel = "Proef"
gemeente = "{gemeente}"
partijen = ["Lefier", "Woonservice", "Domesta"]
periode = [2021, 2026]
bron = "proef.txt"
ondertekend = "2020-12"
themas = {{ A = "Alles" }}

[[afspraak]]
nummer = "X1"
thema = "A"
tekst = "proef"
resultaat = ""
tijd = "2021-2026"
trekker = "LF"
jaarschijf = ""
status = "loopt"
"""

AANBOD = """
soort = "aandeel_huur"
corporaties = ["Lefier"]
per_corporatie = true
kern = ""
richting = "min"
norm = {{ "2022" = 0.80, "2023" = 0.80, "2024" = 0.80 }}
grens = "eerste_aftoppingsgrens"
inclusief = {inclusief}
prijspeil = 2018
bedrag = 596.0
basis = "aanbod"
"""


def doel(body: str, gemeente: str = "Emmen"):
    text = HEAD.format(gemeente=gemeente)
    text += '\n[[doel]]\nid = "D1"\nafspraak = "X1"\nomschrijving = "o"\ntekst = "t"\n'
    return parse_agreement(text + body, "proef.toml").doelen[0]


def letting(
    corporatie,
    datum,
    huur=None,
    route="regulier",
    zoekduur=None,
    soort="zoekduur",
    vhe_id=None,
    gemeente="Emmen",
):
    return {
        "corporatie": corporatie,
        "gemeente": gemeente,
        "datum": pd.Timestamp(datum),
        "jaar": pd.Timestamp(datum).year,
        "huur_cent": None if huur is None else round(huur * 100),
        "route": route,
        "zoekduur_maanden": zoekduur,
        "zoekduur_soort": None if zoekduur is None else soort,
        "vhe_id": vhe_id,
    }


def write_lettings(con, rows: list[dict]) -> None:
    frame = pd.DataFrame(rows)
    for i, ((corp, gem), group) in enumerate(frame.groupby(["corporatie", "gemeente"])):
        table = group.reset_index(drop=True).copy()
        table["bron_rij"] = range(2, len(table) + 2)
        table["aantal"] = 1
        for column in VERHUUR_COLUMNS:
            if column not in table.columns:
                table[column] = None
        batch = Batch(
            f"verhuringen {corp}.csv",
            f"v{i}",
            "verhuur",
            corp,
            gem,
            None,
            int(table["jaar"].min()),
            int(table["jaar"].max()),
            len(table),
        )
        store.write_batch(con, batch, verhuring=table[list(VERHUUR_COLUMNS)])


def judge(con, doelen, today=date(2026, 6, 1)):
    gemeenten = sorted({d.gemeente for d in doelen})
    known = dashboard.facts(con, today, gemeenten=gemeenten, doelen=doelen)
    return {(e.corporatie, e.periode): e for e in monitor.evaluate(doelen, known)}


# ---- the offer up to the limit --------------------------------------------------------------

# 2023: 1e aftoppingsgrens € 647,19; 2024: € 650,43 (huurgrenzen.csv, from 1 January).
LETTINGS_2023 = [
    letting("Lefier", "2023-03-01", 647.19),  # exactly on the limit
    letting("Lefier", "2023-05-01", 647.20),  # one cent above
    letting("Lefier", "2023-07-01", 500.00),
    letting("Lefier", "2023-09-01", None),  # no rent: in the total, never under
]
# on 2 January 2024 € 650,00 is above the 2023 limit but under the 2024 one
LETTINGS_2024 = [letting("Lefier", "2024-01-02", 650.00), letting("Lefier", "2024-06-01", 700.0)]


def test_a_rent_on_the_limit_counts_when_inclusive():
    con = counting.database([])
    write_lettings(con, LETTINGS_2023 + LETTINGS_2024)
    target = doel(AANBOD.format(inclusief="true"))
    got = judge(con, [target])
    e = got[("Lefier", "2023")]
    assert e.waarde == pytest.approx(2 / 4)  # 647,19 and 500,00
    assert e.status == "niet behaald"
    assert e.basis == 4
    assert e.tekort == 2  # 80% of 4 = 3,2 -> 4 under the limit needed, 2 are
    assert "2 van 4 verhuringen (50,0%) met huur tot en met € 647,19" in e.uitleg
    assert "1e aftoppingsgrens 2023" in e.uitleg
    assert "gemeten op de voorraad" not in e.uitleg
    # the letting of 2 January 2024 meets the 2024 limit
    e24 = got[("Lefier", "2024")]
    assert e24.waarde == pytest.approx(1 / 2)
    assert "€ 650,43 (1e aftoppingsgrens 2024)" in e24.uitleg


def test_a_rent_on_the_limit_does_not_count_when_exclusive():
    con = counting.database([])
    write_lettings(con, LETTINGS_2023)
    got = judge(con, [doel(AANBOD.format(inclusief="false"))])
    e = got[("Lefier", "2023")]
    assert e.waarde == pytest.approx(1 / 4)  # only 500,00
    assert "onder € 647,19" in e.uitleg


def test_a_year_without_lettings_is_measured_on_the_stock_and_says_so():
    # stock at the end of 2022: 3 of 4 homes up to € 633,25 (1e aftoppingsgrens 2022), lettings
    # only in 2023
    rows = vhe(
        "Lefier",
        date(2022, 12, 31),
        [("a", 633.25, "B"), ("b", 600.0, "C"), ("c", 400.0, "A"), ("d", 700.0, "D")],
    )
    con = counting.database(pd.DataFrame(rows))
    write_lettings(con, LETTINGS_2023)
    got = judge(con, [doel(AANBOD.format(inclusief="true"))])
    e22 = got[("Lefier", "2022")]
    assert e22.uitleg.startswith("gemeten op de voorraad, geen verhuringen ingelezen over 2022")
    assert e22.waarde == pytest.approx(3 / 4)
    assert e22.status == "niet behaald"
    e23 = got[("Lefier", "2023")]
    assert e23.waarde == pytest.approx(2 / 4)
    assert e23.uitleg.startswith("verhuringen 2023: 2 van 4 verhuringen")


def test_without_any_lettings_the_stock_reading_is_labelled():
    rows = vhe("Lefier", date(2023, 12, 31), [("a", 600.0, "B"), ("b", 700.0, "C")])
    con = counting.database(pd.DataFrame(rows))
    got = judge(con, [doel(AANBOD.format(inclusief="true"))])
    e = got[("Lefier", "2023")]
    assert e.waarde == pytest.approx(1 / 2)
    assert e.uitleg.startswith("gemeten op de voorraad, geen verhuringen ingelezen over 2023; ")
    assert "1 van 2 woningen" in e.uitleg


def test_a_running_year_is_op_koers_or_achter():
    con = counting.database([])
    write_lettings(con, LETTINGS_2023)
    got = judge(con, [doel(AANBOD.format(inclusief="true"))], today=date(2023, 10, 1))
    e = got[("Lefier", "2023")]
    assert e.status == "achter"
    assert "lopende periode, verhuringen t/m 01-09-2023" in e.uitleg


# ---- statushouders --------------------------------------------------------------------------

STATUSHOUDERS = """
soort = "aandeel_toewijzing"
corporaties = ["Domesta", "Lefier"]
per_corporatie = false
kern = ""
richting = "max"
norm = { "2022" = 0.10, "2023" = 0.10 }
route = "statushouder"
bestaande_voorraad = true
"""


def test_statushouders_in_the_existing_stock_leave_out_first_lettings_of_new_homes():
    con = counting.database([])
    rows = [letting("Lefier", "2023-02-01", route="statushouder", vhe_id="N1")]  # new home
    rows += [letting("Lefier", "2023-03-01", route="statushouder", vhe_id="B1")]
    rows += [letting("Lefier", f"2023-04-{d:02d}", vhe_id=f"R{d}") for d in range(1, 5)]
    rows += [letting("Domesta", f"2023-05-{d:02d}", vhe_id=f"D{d}") for d in range(1, 6)]
    write_lettings(con, rows)
    productie = pd.DataFrame(
        [
            {
                "bron_rij": 2,
                "corporatie": "Lefier",
                "gemeente": "Emmen",
                "kern": "Emmen",
                "project": "p",
                "soort": "nieuwbouw",
                "jaar": 2022,
                "datum": None,
                "aantal": 1,
                "vhe_id": "N1",
            }
        ]
    )[list(PRODUCTIE_COLUMNS)]
    batch = Batch("productie.csv", "p1", "productie", "Lefier", "Emmen", None, 2022, 2022, 1)
    store.write_batch(con, batch, productie=productie)
    got = judge(con, [doel(STATUSHOUDERS)])
    e = got[("Domesta + Lefier", "2023")]
    # existing stock: B1 of 10 lettings (N1 left out): exactly 10%, at most 10% -> behaald
    assert e.waarde == pytest.approx(1 / 10)
    assert e.status == "behaald"
    assert "1 van 10 toewijzingen in de bestaande voorraad (10,0%) aan statushouders" in e.uitleg
    assert "Domesta 0, Lefier 1" in e.uitleg  # Domesta housed no statushouders
    assert "1 eerste verhuringen van nieuwbouw niet meegeteld" in e.uitleg
    # 2022 has no lettings: geen gegevens with the reason
    e22 = got[("Domesta + Lefier", "2022")]
    assert e22.status == "geen gegevens"
    assert e22.uitleg == "geen verhuringen ingelezen over 2022"


def test_a_list_without_routes_cannot_measure_statushouders():
    con = counting.database([])
    write_lettings(
        con, [letting("Lefier", "2023-03-01", route=None), letting("Domesta", "2023-03-01")]
    )
    e = judge(con, [doel(STATUSHOUDERS)])[("Domesta + Lefier", "2023")]
    assert e.status == "geen gegevens"
    assert "de verhuringenlijst van Lefier zegt niet per verhuring de route" in e.uitleg


SPLIT = """
soort = "verdeling_toewijzing"
corporaties = ["Lefier", "Woonservice"]
per_corporatie = true
kern = ""
richting = "band"
norm = { "2023" = [0.4, 0.6] }
route = "statushouder"
"""


def test_the_split_of_statushouders_with_a_corporation_without_any():
    con = counting.database([])
    rows = [
        letting("Woonservice", f"2023-0{m}-01", route="statushouder", gemeente="Borger-Odoorn")
        for m in (2, 3, 4)
    ]
    rows += [letting("Lefier", "2023-05-01", gemeente="Borger-Odoorn")]  # Lefier: none
    write_lettings(con, rows)
    got = judge(con, [doel(SPLIT, "Borger-Odoorn")])
    lf, ws = got[("Lefier", "2023")], got[("Woonservice", "2023")]
    assert lf.waarde == 0 and lf.status == "niet behaald"
    assert ws.waarde == 1 and ws.status == "niet behaald"
    # 40% of 3 = 1,2: Lefier needs 2 more; 60% of 3 = 1,8: Woonservice 2 fewer
    assert lf.tekort == 2 and ws.tekort == 2
    assert "Lefier 0 van 3 toewijzingen aan statushouders (0,0%; Lefier 0, Woonservice 3)" in (
        lf.uitleg
    )


def test_a_split_without_any_statushouders_is_not_judged():
    con = counting.database([])
    write_lettings(
        con,
        [
            letting("Lefier", "2023-05-01", gemeente="Borger-Odoorn"),
            letting("Woonservice", "2023-05-01", gemeente="Borger-Odoorn"),
        ],
    )
    e = judge(con, [doel(SPLIT, "Borger-Odoorn")])[("Lefier", "2023")]
    assert e.status == "geen gegevens"
    assert "geen toewijzingen aan statushouders (Lefier 0, Woonservice 0)" in e.uitleg


def test_the_split_needs_lettings_of_both_corporations():
    con = counting.database([])
    write_lettings(
        con, [letting("Lefier", "2023-05-01", route="statushouder", gemeente="Borger-Odoorn")]
    )
    e = judge(con, [doel(SPLIT, "Borger-Odoorn")])[("Lefier", "2023")]
    assert e.status == "geen gegevens"
    assert e.uitleg == "geen verhuringen ingelezen over 2023"


# ---- search time ----------------------------------------------------------------------------

ZOEKDUUR = """
soort = "zoekduur"
corporaties = ["Domesta", "Lefier"]
per_corporatie = false
kern = ""
richting = "min"
norm = { "2023" = 1.0 }
maanden = 12
"""


def test_search_time_median_and_share_within_a_year_say_what_was_measured():
    con = counting.database([])
    rows = [letting("Lefier", "2023-03-01", zoekduur=z) for z in (3.0, 12.0, None)]
    rows += [
        letting("Domesta", "2023-03-01", zoekduur=z, soort="inschrijfduur") for z in (13.0, 30.0)
    ]
    write_lettings(con, rows)
    e = judge(con, [doel(ZOEKDUUR)])[("Domesta + Lefier", "2023")]
    # known: 3, 12, 13, 30 -> median (12 + 13) / 2 = 12,5; within 12 months: 3 and 12 -> 2 of 4
    assert e.waarde == pytest.approx(0.5)
    assert e.status == "niet behaald"
    assert e.tekort == 2
    assert "mediaan 12,5 maanden; 2 van 4 verhuringen (50,0%) binnen 12 maanden" in e.uitleg
    assert "inschrijfduur (de tijd sinds inschrijving, niet de zoekduur" in e.uitleg
    assert "bij Domesta en zoekduur bij Lefier" in e.uitleg
    assert "1 verhuringen zonder zoekduur niet meegeteld" in e.uitleg


def test_search_time_without_durations_is_not_judged():
    con = counting.database([])
    write_lettings(con, [letting("Lefier", "2023-03-01"), letting("Domesta", "2023-04-01")])
    e = judge(con, [doel(ZOEKDUUR)])[("Domesta + Lefier", "2023")]
    assert e.status == "geen gegevens"
    assert "geen zoekduur, inschrijfduur of inschrijfdatum" in e.uitleg


@pytest.mark.parametrize(
    ("values", "median"),
    [([1, 1, 2, 10], 1.5), ([5, 1, 3], 3.0), ([7], 7.0), ([2, 2, 2, 9, 9], 2.0)],
)
def test_weighted_median_of_a_histogram(values, median):
    hist = pd.Series(values).value_counts().rename_axis("zoekduur_maanden")
    hist = hist.reset_index(name="aantal")
    assert verhuurmetingen.weighted_median(hist) == median


def test_the_schema_knows_the_routes_the_import_reads():
    assert schema.ROUTES == toewijzingen.ROUTES


def test_a_split_target_must_name_two_corporations():
    body = SPLIT.replace('["Lefier", "Woonservice"]', '["Lefier"]')
    with pytest.raises(TargetFileError, match="ten minste twee corporaties"):
        doel(body, "Borger-Odoorn")


# ---- the agreements' entries and the demo ---------------------------------------------------


def test_the_documents_targets_on_the_lettings_follow_their_words():
    from prestatie.afspraken.toml_reader import default_folder, load_agreements

    by_id = {a.document.id: a for a in load_agreements(default_folder())}
    emmen, bo = by_id["emmen-2019-2024"], by_id["borger-odoorn-2023"]
    bb18 = emmen.doel("BB-18-statushouders")
    assert (bb18.soort, bb18.richting, bb18.params["route"]) == (
        "aandeel_toewijzing",
        "max",
        "statushouder",
    )
    assert bb18.params["bestaande_voorraad"] is True
    assert {p.label: n for p, n in bb18.norm} == {str(y): 0.10 for y in range(2019, 2025)}
    assert "maximaal 10% van de toewijzingen in de bestaande woningvoorraad" in bb18.tekst
    bb1 = emmen.doel("BB-1-zoekduur")
    assert (bb1.soort, bb1.params["maanden"], bb1.norm[0][0].label, bb1.norm[0][1]) == (
        "zoekduur",
        12,
        "2023",
        1.0,
    )
    assert "binnen een jaar" in bb1.tekst
    c3 = bo.doel("C3-statushouders")
    assert (c3.soort, c3.corporaties, c3.per_corporatie) == (
        "verdeling_toewijzing",
        ("Lefier", "Woonservice"),
        True,
    )
    assert c3.norm[0][1] == (0.4, 0.6)
    assert "50-50" in c3.tekst and "In principe 50-50" in c3.toelichting
    assert emmen.doel("BB-25-eerste-aftoppingsgrens").params["basis"] == "aanbod"


def test_on_the_demo_every_target_on_the_lettings_is_judged(demo_db):
    con = dashboard.open_database(demo_db)
    evaluations = dashboard.evaluations(con, date(2026, 6, 1))
    judged = {(e.doel, e.periode) for e in evaluations if e.status != "geen gegevens"}
    for key in [
        ("BB-18-statushouders", "2023"),
        ("BB-1-zoekduur", "2023"),
        ("C3-statushouders", "2023"),
        ("BB-25-eerste-aftoppingsgrens", "2023"),
    ]:
        assert key in judged, key
    offer = [
        e for e in evaluations if e.doel == "BB-25-eerste-aftoppingsgrens" and e.periode == "2023"
    ]
    assert len(offer) == 3 and all("verhuringen" in e.uitleg for e in offer)
    assert not any("gemeten op de voorraad" in e.uitleg for e in offer)


def test_uploading_a_lettings_list_of_emmen_turns_the_80_percent_into_the_offer(tmp_path):
    """tests/data/README.md: Domesta's list of Emmen 2023 has 12 lettings, 7 of them below
    € 647,19 (the 1e aftoppingsgrens 2023; BB-25 reads "tot" as under the limit) and 3 to
    statushouders."""
    from pathlib import Path

    from prestatie.inlezen import ingest
    from prestatie.toegang import rollen

    con = dashboard.open_database(tmp_path / "leeg.duckdb", demo=False)
    rows = vhe("Domesta", date(2023, 12, 31), [("a", 600.0, "B"), ("b", 700.0, "C")])
    counting.write(con, pd.DataFrame(rows))

    def offer():
        return {
            e.periode: e
            for e in dashboard.evaluations(con, date(2026, 6, 1))
            if e.doel == "BB-25-eerste-aftoppingsgrens" and e.corporatie == "Domesta"
        }["2023"]

    before = offer()
    assert before.uitleg.startswith("gemeten op de voorraad, geen verhuringen ingelezen over 2023")
    assert before.waarde == pytest.approx(1 / 2)  # the stock: € 600 of € 600 and € 700
    data = (Path(__file__).parent / "data" / "Domesta verhuringen Emmen 2023.xlsx").read_bytes()
    dashboard.save_uploads(
        con, [ingest.parse("Domesta verhuringen Emmen 2023.xlsx", data)], rollen.lokaal()
    )
    after = offer()
    assert after.waarde == pytest.approx(7 / 12)
    assert after.gemeten_op == "verhuringen"
    assert after.uitleg.startswith("verhuringen 2023: 7 van 12 verhuringen (58,3%) met huur onder")
    con.close()


def test_a_target_on_the_lettings_is_for_the_whole_gemeente():
    body = STATUSHOUDERS.replace('kern = ""', 'kern = "Emmen"')
    with pytest.raises(TargetFileError, match="niet per kern; laat kern leeg"):
        doel(body)
    with pytest.raises(TargetFileError, match="niet per kern"):
        doel(AANBOD.format(inclusief="true").replace('kern = ""', 'kern = "Emmen"'))
