"""Data the monitor cannot judge gives *geen gegevens* with the reason, never *behaald* or *niet
behaald*: every label unknown, every rent empty. (Before: every label onbekend made "E, F, G
naar 0" behaald; every rent empty made A1 niet behaald with 0,0%.)"""

from __future__ import annotations

from datetime import date

from prestatie.beoordeling import huurregel, monitor
from tests.test_monitor import RENT, doel, facts, vhe

NAAR_NUL = """soort = "naar_nul"
corporaties = ["Lefier"]
per_corporatie = true
richting = "max"
norm = { "2023" = 0 }
labels = ["E", "F", "G"]
"""
LABEL_SHARE = """soort = "aandeel_label"
corporaties = ["Lefier"]
per_corporatie = true
richting = "min"
norm = { "2023" = 0.5 }
labels = ["A", "B"]
groepnaam = "A, B"
"""
LABELSPRONG = """soort = "labelsprong"
corporaties = ["Lefier"]
per_corporatie = true
richting = "min"
norm = { "2023" = 0 }
label = "A"
"""
END_2023 = date(2023, 12, 31)


def unknown_labels(peildatum):
    return vhe("Lefier", peildatum, [(f"v{i}", 500, "onbekend") for i in range(5)])


def test_every_label_unknown_is_not_judged_for_a_count_to_zero():
    [e] = monitor.evaluate([doel(NAAR_NUL)], facts([unknown_labels(END_2023)]))
    assert e.status == "geen gegevens"
    assert e.waarde is None and e.tekort is None
    assert "alle labels onbekend" in e.uitleg


def test_every_label_unknown_is_not_judged_for_a_label_share():
    [e] = monitor.evaluate([doel(LABEL_SHARE)], facts([unknown_labels(END_2023)]))
    assert (e.status, e.waarde) == ("geen gegevens", None)
    assert "alle labels onbekend" in e.uitleg


def test_every_label_unknown_before_the_deadline_is_not_on_course():
    # a path towards 2023 measured on 2022 with labels all unknown: no judgement either
    d = doel(NAAR_NUL.replace('"2023"', '"2024"'))
    [e] = monitor.evaluate([d], facts([unknown_labels(date(2022, 12, 31))], today=END_2023))
    assert e.status == "geen gegevens"


def test_label_jumps_between_years_with_unknown_labels_are_not_counted_as_zero():
    # a norm of 0 homes would be "behaald" with 0 counted; with no known label, nothing is judged
    stock = [unknown_labels(date(2022, 12, 31)), unknown_labels(END_2023)]
    [e] = monitor.evaluate([doel(LABELSPRONG)], facts(stock, today=date(2024, 3, 1)))
    assert e.status == "geen gegevens"


def test_one_known_label_is_judged_again():
    rows = vhe("Lefier", END_2023, [("v1", 500, "onbekend"), ("v2", 500, "C")])
    [e] = monitor.evaluate([doel(NAAR_NUL)], facts([rows]))
    assert (e.status, e.waarde) == ("behaald", 0)


def test_every_rent_empty_is_not_judged():
    rows = vhe("Lefier", date(2022, 12, 31), [(f"v{i}", None, "B") for i in range(4)])
    d = doel(RENT.replace("{incl}", "false"))
    for reading in (huurregel.INDEXED, huurregel.FIXED):
        known = facts([rows], prijspeil=reading, doelen=[d])
        [e] = monitor.evaluate([d], known, reading)
        assert (e.status, e.waarde, e.tekort) == ("geen gegevens", None, None), reading
        assert "geen huren bekend" in e.uitleg


def test_one_rent_known_is_judged_with_the_empty_ones_in_the_total():
    rows = vhe("Lefier", date(2022, 12, 31), [("v1", 500, "B"), ("v2", None, "B")])
    [e] = monitor.evaluate([doel(RENT.replace("{incl}", "false"))], facts([rows]))
    assert (e.status, e.waarde, e.tekort) == ("niet behaald", 0.5, 1)  # 1 of 2; 0,6 × 2 -> 2
