"""The jaaragenda of the Lokaal Akkoord Emmen as upcoming deadlines; days counted by hand."""

from __future__ import annotations

from datetime import date

from prestatie.afspraken import jaaragenda

EMMEN = "emmen-2019-2024"


def test_the_data_holds_the_five_deadlines_of_the_akkoord():
    # Seed, "Jaaragenda" and the quarters: evaluation in February, activiteitenoverzichten in
    # the second quarter, volkshuisvestingsverslag by 1 July, agreements ready 15 November,
    # signed before 15 December.
    assert {(t.afspraak, t.maand, t.dag) for t in jaaragenda.TERMIJNEN} == {
        ("SW-5", 2, None),
        ("SW-2", 6, 30),
        ("SW-6", 7, 1),
        ("SW-3", 11, 15),
        ("SW-4", 12, 15),
    }
    assert {t.document for t in jaaragenda.TERMIJNEN} == {EMMEN}


def test_next_deadlines_after_21_november_2026():
    komend = jaaragenda.upcoming(jaaragenda.TERMIJNEN, date(2026, 11, 21))
    # 21 Nov -> 15 Dec: 9 days left in November + 15 = 24; -> 28 Feb 2027: 24 + 16 (rest of
    # December) + 31 + 28 = 99; -> 30 Jun: 99 + 31 + 30 + 31 + 30 = 221; 1 Jul: 222;
    # -> 15 Nov 2027: 365 days after 21 Nov 2026 is 21 Nov 2027, so 365 - 6 = 359.
    assert [(k.when, k.days, k.termijn.afspraak) for k in komend] == [
        (date(2026, 12, 15), 24, "SW-4"),
        (date(2027, 2, 28), 99, "SW-5"),
        (date(2027, 6, 30), 221, "SW-2"),
        (date(2027, 7, 1), 222, "SW-6"),
        (date(2027, 11, 15), 359, "SW-3"),
    ]


def test_a_deadline_today_counts_and_february_follows_leap_years():
    today = jaaragenda.upcoming(jaaragenda.TERMIJNEN, date(2026, 12, 15))[0]
    assert (today.when, today.days, jaaragenda.in_days(today.days)) == (
        date(2026, 12, 15),
        0,
        "vandaag",
    )
    komend = jaaragenda.upcoming(jaaragenda.TERMIJNEN, date(2027, 12, 1))
    evaluatie = next(k for k in komend if k.termijn.afspraak == "SW-5")
    assert (evaluatie.when, evaluatie.days) == (date(2028, 2, 29), 30 + 31 + 29)


def test_only_the_chosen_documents():
    assert jaaragenda.upcoming(jaaragenda.TERMIJNEN, date(2026, 1, 1), {"borger-odoorn-2023"}) == []
    assert len(jaaragenda.upcoming(jaaragenda.TERMIJNEN, date(2026, 1, 1), {EMMEN})) == 5


def test_days_in_words():
    assert [jaaragenda.in_days(n) for n in (0, 1, 24)] == ["vandaag", "morgen", "over 24 dagen"]
