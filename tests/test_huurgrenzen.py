"""Huurgrenzen: expected amounts typed from shared/reference/huurgrenzen.md."""

from datetime import date
from decimal import Decimal

import pandas as pd
import pytest

from prestatie.beoordeling.huurregel import under_limit
from prestatie.inlezen.cell_values import amount_to_cents
from prestatie.referentie import huurgrenzen
from prestatie.referentie.huurgrenzen import (
    GRENZEN,
    NAMEN,
    UnknownLimit,
    UnknownYear,
    grens_op,
    grenzen_in_jaar,
    naam,
    tabel,
)


@pytest.mark.parametrize(
    ("jaar", "grens", "bedrag"),
    [
        (2015, "kwaliteitskortingsgrens", "403.06"),
        (2015, "liberalisatiegrens", "710.68"),
        (2016, "eerste_aftoppingsgrens", "586.68"),
        (2017, "tweede_aftoppingsgrens", "635.05"),
        (2018, "eerste_aftoppingsgrens", "597.30"),
        (2018, "tweede_aftoppingsgrens", "640.14"),
        (2019, "liberalisatiegrens", "720.42"),
        (2020, "kwaliteitskortingsgrens", "432.51"),
        (2021, "tweede_aftoppingsgrens", "678.66"),
        (2021, "liberalisatiegrens", "752.33"),
        (2022, "liberalisatiegrens", "763.47"),
        (2023, "eerste_aftoppingsgrens", "647.19"),
        (2023, "liberalisatiegrens", "808.06"),
        (2024, "kwaliteitskortingsgrens", "454.47"),
        (2024, "tweede_aftoppingsgrens", "697.07"),
        (2025, "eerste_aftoppingsgrens", "682.96"),
        (2025, "liberalisatiegrens", "900.07"),
        (2026, "kwaliteitskortingsgrens", "498.20"),
        (2026, "tweede_aftoppingsgrens", "764.14"),
        (2026, "liberalisatiegrens", "932.93"),
    ],
)
def test_amount_from_the_table(jaar: int, grens: str, bedrag: str) -> None:
    assert grenzen_in_jaar(jaar)[grens] == Decimal(bedrag)


def test_a_whole_year() -> None:
    assert grenzen_in_jaar(2019) == {
        "kwaliteitskortingsgrens": Decimal("424.44"),
        "eerste_aftoppingsgrens": Decimal("607.46"),
        "tweede_aftoppingsgrens": Decimal("651.03"),
        "liberalisatiegrens": Decimal("720.42"),
    }


def test_amounts_are_decimal_to_the_cent() -> None:
    waarde = grenzen_in_jaar(2018)["eerste_aftoppingsgrens"]
    assert isinstance(waarde, Decimal)
    assert str(waarde) == "597.30"


def test_2021_and_2022_equal_except_the_liberalisatiegrens() -> None:
    # Rents were frozen in 2021: the 2022 limits repeat 2021's, but the liberalisatiegrens moved.
    for grens in ("kwaliteitskortingsgrens", "eerste_aftoppingsgrens", "tweede_aftoppingsgrens"):
        assert grenzen_in_jaar(2021)[grens] == grenzen_in_jaar(2022)[grens]
    assert grenzen_in_jaar(2021)["liberalisatiegrens"] == Decimal("752.33")
    assert grenzen_in_jaar(2022)["liberalisatiegrens"] == Decimal("763.47")


def test_returned_dict_is_a_copy() -> None:
    grenzen_in_jaar(2020)["kwaliteitskortingsgrens"] = Decimal("0")
    assert grenzen_in_jaar(2020)["kwaliteitskortingsgrens"] == Decimal("432.51")


def test_grens_applies_from_1_january() -> None:
    assert grens_op(date(2022, 12, 31), "tweede_aftoppingsgrens") == Decimal("678.66")
    assert grens_op(date(2023, 1, 1), "tweede_aftoppingsgrens") == Decimal("693.60")
    assert grens_op(date(2023, 12, 31), "tweede_aftoppingsgrens") == Decimal("693.60")
    assert grens_op(date(2024, 1, 1), "liberalisatiegrens") == Decimal("879.66")
    assert grens_op(date(2015, 1, 1), "kwaliteitskortingsgrens") == Decimal("403.06")
    assert grens_op(date(2026, 12, 31), "eerste_aftoppingsgrens") == Decimal("713.02")


def test_unknown_year_message() -> None:
    with pytest.raises(UnknownYear) as fout:
        grenzen_in_jaar(2014)
    assert str(fout.value) == "Geen huurgrenzen bekend voor 2014 (tabel loopt van 2015 t/m 2026)"
    assert fout.value.jaar == 2014
    with pytest.raises(UnknownYear, match="Geen huurgrenzen bekend voor 2027"):
        grens_op(date(2027, 1, 1), "liberalisatiegrens")


def test_unknown_year_is_a_lookup_error() -> None:
    with pytest.raises(LookupError):
        grenzen_in_jaar(2030)


def test_unknown_grens_message() -> None:
    with pytest.raises(UnknownLimit) as fout:
        grens_op(date(2023, 6, 1), "aftoppingsgrens")
    assert str(fout.value) == (
        "Onbekende huurgrens 'aftoppingsgrens' (kies uit: kwaliteitskortingsgrens, "
        "eerste_aftoppingsgrens, tweede_aftoppingsgrens, liberalisatiegrens)"
    )


def onder_grens(huur, grens: Decimal, inclusief: bool = True) -> bool:
    """The one rule (huurregel.under_limit) on a rent read as the import reads it: whole cents."""
    cents = pd.Series([amount_to_cents(huur)], dtype="Int64")
    return bool(under_limit(cents, huurgrenzen.in_cents(grens), inclusief).iloc[0])


def test_exactly_on_the_grens_inclusive_and_exclusive() -> None:
    grens = Decimal("678.66")
    assert onder_grens(Decimal("678.66"), grens) is True
    assert onder_grens(Decimal("678.66"), grens, inclusief=True) is True
    assert onder_grens(Decimal("678.66"), grens, inclusief=False) is False
    assert onder_grens(Decimal("678.65"), grens, inclusief=False) is True
    assert onder_grens(Decimal("678.67"), grens, inclusief=True) is False


def test_float_from_text_equals_the_table() -> None:
    grens = grens_op(date(2022, 7, 1), "tweede_aftoppingsgrens")
    assert onder_grens(678.66, grens) is True
    assert onder_grens(678.66, grens, inclusief=False) is False
    assert onder_grens(678.67, grens) is False


def test_rounding_to_whole_cents_half_up() -> None:
    grens = Decimal("678.66")
    assert onder_grens(678.664, grens, inclusief=False) is False  # 678,66
    assert onder_grens(678.655, grens, inclusief=False) is False  # 678,66, not 678,65
    assert onder_grens(678.654, grens, inclusief=False) is True  # 678,65
    assert onder_grens(Decimal("678.665"), grens) is False  # 678,67


def test_whole_euros() -> None:
    assert onder_grens(596, Decimal("597.30")) is True
    assert onder_grens(598, Decimal("597.30")) is False


def test_no_huur_is_never_below_the_grens() -> None:
    assert onder_grens(None, Decimal("678.66")) is False
    assert onder_grens(float("nan"), Decimal("678.66")) is False


def test_namen() -> None:
    assert GRENZEN == (
        "kwaliteitskortingsgrens",
        "eerste_aftoppingsgrens",
        "tweede_aftoppingsgrens",
        "liberalisatiegrens",
    )
    assert NAMEN["eerste_aftoppingsgrens"] == "1e aftoppingsgrens"
    assert NAMEN["tweede_aftoppingsgrens"] == "2e aftoppingsgrens"
    assert naam("kwaliteitskortingsgrens", 2024) == "kwaliteitskortingsgrens"
    assert naam("tweede_aftoppingsgrens") == "2e aftoppingsgrens"
    assert naam("liberalisatiegrens", 2023) == "liberalisatiegrens"
    assert naam("liberalisatiegrens", 2024) == "DAEB-huurgrens"
    assert naam("liberalisatiegrens", 2026) == "DAEB-huurgrens"
    assert naam("liberalisatiegrens") == "liberalisatiegrens"


def test_tabel_for_display() -> None:
    rijen = tabel()
    assert len(rijen) == 12
    assert rijen[0] == {
        "jaar": 2015,
        "kwaliteitskortingsgrens": Decimal("403.06"),
        "eerste_aftoppingsgrens": Decimal("576.87"),
        "tweede_aftoppingsgrens": Decimal("618.24"),
        "liberalisatiegrens": Decimal("710.68"),
    }
    assert rijen[-1]["jaar"] == 2026
    assert [rij["jaar"] for rij in rijen] == list(range(2015, 2027))


def test_jaren() -> None:
    assert huurgrenzen.jaren() == range(2015, 2027)


def test_grenzen_increase_within_every_year() -> None:
    # Invariant: kwaliteitskortingsgrens < 1e < 2e aftoppingsgrens < liberalisatiegrens.
    for rij in tabel():
        bedragen = [rij[grens] for grens in GRENZEN]
        assert bedragen == sorted(bedragen), rij["jaar"]
