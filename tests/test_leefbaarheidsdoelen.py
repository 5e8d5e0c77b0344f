"""The liveability target (kind ``leefbaarheid``, Emmen LW-2) on hand-computed cases: a wijk
with class onvoldoende, a wijk that declined, all fine, no data, only buurten read, the
class threshold from the agreement, and the checks of the agreement file."""

from __future__ import annotations

from datetime import date

import pytest

from prestatie import dashboard
from prestatie.afspraken.toml_reader import TargetFileError, parse_agreement
from prestatie.beoordeling import monitor
from prestatie.beoordeling.status import ACHTER, BEHAALD, GEEN_GEGEVENS, NIET_BEHAALD, OP_KOERS
from prestatie.inlezen import ingest
from prestatie.opslag import store
from tests.ingest_helpers import DATA, LBM_BUURTEN, LBM_WIJKEN

HEAD = """
[document]
id = "proef"
titel = "Proef"
gemeente = "Emmen"
partijen = ["Lefier"]
periode = [2019, 2024]
bron = "proef.txt"
ondertekend = "2019-01"
themas = { L = "Leefbaarheid" }

[[afspraak]]
nummer = "LW"
thema = "L"
tekst = "geen wijken met onvoldoende of dalende leefbaarheid"
resultaat = ""
tijd = "2019-2024"
trekker = "allen"
jaarschijf = ""
status = "loopt"

[[doel]]
id = "LW-doel"
afspraak = "LW"
omschrijving = "o"
tekst = "t"
soort = "leefbaarheid"
corporaties = []
per_corporatie = false
kern = ""
richting = "max"
"""


def doel(norm: str = '{ "2019-2020" = 0, "2021-2022" = 0 }', extra: str = ""):
    return parse_agreement(HEAD + f"norm = {norm}\n{extra}", "proef.toml").doelen[0]


def judge(con, d, today=date(2025, 6, 1)):
    facts = dashboard.facts(con, today, gemeenten=["Emmen"], doelen=[d])
    return monitor.evaluate([d], facts)


def load(con, *csv_texts: bytes, names=None):
    parsed = [ingest.parse(f"lbm{i}.csv", text) for i, text in enumerate(csv_texts)]
    store.save(con, parsed)


def test_a_wijk_with_class_onvoldoende_and_a_wijk_that_declined_are_named(con):
    store.import_paths(con, [DATA / LBM_WIJKEN])
    first, second = judge(con, doel())
    # 2019-2020: the measurement of 2020; Emmerhout 4 -> 3 (onvoldoende and down), 1 of 4
    assert (first.periode, first.jaar, first.waarde, first.basis) == ("2019-2020", 2020, 1, 4.0)
    assert first.status == NIET_BEHAALD and first.tekort == 1
    assert first.corporatie == "alle corporaties" and first.gemeente == "Emmen"
    assert (
        "Leefbaarometer 2020, per wijk: 1 van 4 wijken schiet tekort: Emmerhout (WK011402): "
        "klasse 3 onvoldoende en achteruit van 4 zwak naar 3 onvoldoende (sinds 2018)"
    ) in first.uitleg
    # 2021-2022: 2022; Emmerhout still 3, Angelslo 6 -> 5; Emmen-Centrum rose, Klazienaveen kept 7
    assert (second.jaar, second.waarde, second.basis, second.status) == (2022, 2, 4.0, NIET_BEHAALD)
    assert "2 van 4 wijken schieten tekort" in second.uitleg
    assert "Emmerhout (WK011402): klasse 3 onvoldoende;" in second.uitleg
    assert "Angelslo (WK011403): achteruit van 6 ruim voldoende naar 5 voldoende (sinds 2020)" in (
        second.uitleg
    )
    assert "Emmen-Centrum" not in second.uitleg and "Klazienaveen" not in second.uitleg
    assert f"bron: {LBM_WIJKEN}" in second.uitleg


def test_all_wijken_sufficient_and_not_declining_is_behaald(con):
    load(con, b"wk_code;wk_naam;jaar;kscore\nWK011401;A;2018;5\nWK011401;A;2020;5\n"
              b"WK011402;B;2018;4\nWK011402;B;2020;6\n")  # fmt: skip
    [e, later] = judge(con, doel())
    assert (e.waarde, e.basis, e.status, e.tekort) == (0, 2.0, BEHAALD, 0)
    assert (
        "0 van 2 wijken schieten tekort (geen klasse onder 4 zwak, geen achteruitgang)" in e.uitleg
    )
    # no measurement in 2021-2022: geen gegevens, and why
    assert (
        later.status == GEEN_GEGEVENS and later.uitleg == "geen Leefbaarometer-meting in 2021-2022"
    )


def test_no_scores_read_is_geen_gegevens(con):
    [e, _] = judge(con, doel())
    assert e.status == GEEN_GEGEVENS and e.waarde is None
    assert e.uitleg == "geen Leefbaarometer-scores ingelezen"


def test_only_buurten_read_judged_per_buurt_and_said_so(con):
    store.import_paths(con, [DATA / LBM_BUURTEN])
    [_, e] = judge(con, doel())
    # 2022: Centrum 5 -> 6 fine; Noord 5 -> 4 declined; Emmerhout-Noord 2 -> 3 still onvoldoende;
    # Emmerhout-Zuid 4 (first measurement) fine
    assert (e.jaar, e.waarde, e.basis) == (2022, 2, 4.0)
    assert "per buurt: 2 van 4 buurten schieten tekort" in e.uitleg
    assert "Noord (BU01140102): achteruit van 5 voldoende naar 4 zwak (sinds 2020)" in e.uitleg
    assert "Emmerhout-Noord (BU01140201): klasse 3 onvoldoende" in e.uitleg
    assert "alleen buurtscores ingelezen" in e.uitleg


def test_the_lowest_acceptable_class_is_the_agreements(con):
    store.import_paths(con, [DATA / LBM_WIJKEN])
    # from class 6: Emmen-Centrum 6, Emmerhout 3 (and down), Angelslo 5 (and down), Klazienaveen 7
    [_, e] = judge(con, doel(extra="klasse_minimaal = 6\n"))
    assert e.waarde == 2 and "Angelslo (WK011403): klasse 5 voldoende en achteruit" in e.uitleg


def test_without_classes_a_lower_score_is_a_decline(con):
    load(con, b"wk_code;jaar;lbm\nWK011401;2020;4,10\nWK011401;2022;4,05\n")
    [_, e] = judge(con, doel())
    assert e.waarde == 1 and "score daalde van 4,10 naar 4,05 (sinds 2020)" in e.uitleg


def test_a_running_period_is_op_koers_or_achter(con):
    store.import_paths(con, [DATA / LBM_WIJKEN])
    [e] = judge(con, doel('{ "2021-2024" = 0 }'), today=date(2023, 6, 1))
    assert (e.jaar, e.status, e.waarde) == (2024, ACHTER, 2)
    load(con, b"wk_code;jaar;kscore\nWK011402;2022;5\nWK011403;2022;6\n")
    [e] = judge(con, doel('{ "2021-2024" = 0 }'), today=date(2023, 6, 1))
    assert (e.status, e.waarde) == (OP_KOERS, 0)


def test_another_gemeentes_scores_do_not_count(con):
    load(con, b"wk_code;jaar;kscore\nWK001401;2020;2\n")  # Groningen
    [e, _] = judge(con, doel())
    assert e.status == GEEN_GEGEVENS


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('corporaties = ["Lefier"]\n', "niet per corporatie of kern"),
        ("klasse_minimaal = 12\n", '"klasse_minimaal" is een klasse van de Leefbaarometer'),
    ],
)
def test_the_agreement_file_is_checked(extra, message):
    head = HEAD.replace("corporaties = []\n", "") if "corporaties" in extra else HEAD
    text = head + 'norm = { "2020" = 0 }\n' + extra
    with pytest.raises(TargetFileError, match=message):
        parse_agreement(text, "proef.toml")


def test_emmen_lw2_is_a_target_of_the_agreement():
    from prestatie.afspraken.toml_reader import load_agreement

    agreement = load_agreement(DATA.parents[1] / "data" / "afspraken" / "emmen-2019-2024.toml")
    d = agreement.doel("LW-2-leefbaarheid")
    assert (d.soort, d.richting, d.corporaties, d.kern) == ("leefbaarheid", "max", (), None)
    assert agreement.afspraak("LW-2").kwantitatief


def test_the_conclusion_and_the_slide_name_the_wijken(con):
    import pandas as pd

    from prestatie.presenteren import conclusies, slides

    store.import_paths(con, [DATA / LBM_WIJKEN])
    evaluations = judge(con, doel('{ "2019-2022" = 0 }'))
    line = conclusies.leefbaarheid(evaluations)
    assert line == (
        "Leefbaarometer 2022: 2 van de 4 wijken schieten tekort (Emmerhout en Angelslo); "
        "afgesproken is geen enkele: niet behaald."
    )
    deck = slides.slides_for(evaluations, pd.DataFrame(), {}, dashboard.leefbaarheid(con, "Emmen"))
    [slide] = [s for s in deck if s.thema == "Leefbaarheid"]
    assert (slide.thema, slide.conclusion) == ("Leefbaarheid", line)
    [heatmap] = slide.figure.data
    assert list(heatmap.y) == ["Klazienaveen", "Emmerhout", "Emmen-Centrum", "Angelslo"]
    assert list(heatmap.x) == ["2018", "2020", "2022"]
    assert heatmap.text[1] == ["4 zwak", "3 onvoldoende", "3 onvoldoende"]
    # no scores: geen gegevens with the reason, and no slide
    empty = judge(store.connect(":memory:"), doel())
    assert (
        conclusies.leefbaarheid(empty[:1]) == "Geen gegevens: geen Leefbaarometer-scores ingelezen."
    )


def test_the_excel_of_the_monitor_has_the_target_with_the_wijken(con):
    import io

    from openpyxl import load_workbook

    from prestatie.beoordeling.selectie import Filters
    from prestatie.opslag import queries
    from prestatie.presenteren import monitor_excel

    store.import_paths(con, [DATA / LBM_WIJKEN])
    evaluations = judge(con, doel('{ "2019-2022" = 0 }'))
    data = monitor_excel.workbook_bytes(
        evaluations, [], [], queries.batches(con), Filters(), date(2025, 6, 1)
    )
    sheet = load_workbook(io.BytesIO(data))["Doelen"]
    cells = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    [row] = [r for r in cells if "LW-doel" in r]
    assert "niet behaald" in row and 2 in row
    assert any("Emmerhout (WK011402): klasse 3 onvoldoende" in str(c) for c in row)
