"""Dutch formatting: expected strings typed by hand."""

from datetime import date, datetime
from decimal import Decimal

import pandas as pd
import pytest

from prestatie import fmt
from prestatie.fmt import aantal_woningen, datum, datum_lang, euro, num, pct


@pytest.mark.parametrize(
    ("bedrag", "tekst"),
    [
        (678.66, "€ 678,66"),
        (Decimal("678.66"), "€ 678,66"),
        (1234.5, "€ 1.234,50"),
        (0, "€ 0,00"),
        (5, "€ 5,00"),
        (1234567.891, "€ 1.234.567,89"),
        (-678.66, "€ -678,66"),  # CLDR nl puts the minus after the euro sign
        (-1234.5, "€ -1.234,50"),
    ],
)
def test_euro(bedrag: Decimal | float | int, tekst: str) -> None:
    assert euro(bedrag) == tekst


def test_euro_ordinary_space() -> None:
    assert "\u00a0" not in euro(678.66)


def test_euro_without_cents() -> None:
    assert euro(678.66, 0) == "€ 679"
    assert euro(1234.5, 0) == "€ 1.235"
    assert euro(596, 0) == "€ 596"


def test_euro_rounds_half_up() -> None:
    # babel alone would round half to even: 0,025 -> 0,02.
    assert euro(0.025) == "€ 0,03"
    assert euro(0.015) == "€ 0,02"
    assert euro(2.675) == "€ 2,68"  # the float 2.675 is 2.67499..., read as written
    assert euro(-0.025) == "€ -0,03"  # half away from zero
    assert euro(-0.001) == "€ 0,00"  # no negative zero


@pytest.mark.parametrize(
    ("fractie", "tekst"),
    [
        (0.903, "90,3%"),
        (0.9, "90,0%"),
        (1, "100,0%"),
        (0, "0,0%"),
        (-0.05, "-5,0%"),
        (Decimal("0.5"), "50,0%"),
        (0.9035, "90,4%"),
        (0.9045, "90,5%"),  # babel alone: "90,4%" (half to even)
        (0.9025, "90,3%"),  # babel alone: "90,2%"
        (-0.0004, "0,0%"),
    ],
)
def test_pct(fractie: Decimal | float, tekst: str) -> None:
    assert pct(fractie) == tekst


def test_pct_decimals() -> None:
    assert pct(0.903, 0) == "90%"
    assert pct(0.905, 0) == "91%"
    assert pct(0.12345, 2) == "12,35%"
    assert pct(12.5) == "1.250,0%"


@pytest.mark.parametrize(
    ("getal", "decimalen", "tekst"),
    [
        (12345, 0, "12.345"),
        (1234567, 0, "1.234.567"),
        (2.5, 1, "2,5"),
        (2.5, 0, "3"),
        (0.5, 0, "1"),
        (2.25, 1, "2,3"),
        (12345, 1, "12.345,0"),
        (-1234.5, 1, "-1.234,5"),
        (-1234.5, 0, "-1.235"),
        (7, 0, "7"),
    ],
)
def test_num(getal: float, decimalen: int, tekst: str) -> None:
    assert num(getal, decimalen) == tekst


def test_num_defaults_to_no_decimals() -> None:
    assert num(12345.4) == "12.345"


@pytest.mark.parametrize("leeg", [None, float("nan"), pd.NA])
def test_missing_value(leeg: object) -> None:
    assert euro(leeg) == "–"  # type: ignore[arg-type]
    assert pct(leeg) == "–"  # type: ignore[arg-type]
    assert num(leeg) == "–"  # type: ignore[arg-type]
    assert aantal_woningen(leeg) == "–"  # type: ignore[arg-type]


def test_datum() -> None:
    assert datum(date(2023, 1, 1)) == "01-01-2023"
    assert datum(date(2024, 12, 31)) == "31-12-2024"
    assert datum(datetime(2023, 5, 9, 14, 30)) == "09-05-2023"
    assert datum(pd.Timestamp("2023-05-09")) == "09-05-2023"
    assert datum(None) == "–"
    assert datum(pd.NaT) == "–"


def test_datum_lang() -> None:
    assert datum_lang(date(2023, 1, 1)) == "1 januari 2023"
    assert datum_lang(date(2024, 3, 15)) == "15 maart 2024"
    assert datum_lang(date(2022, 12, 31)) == "31 december 2022"
    assert datum_lang(None) == "–"


@pytest.mark.parametrize(
    ("aantal", "tekst"),
    [
        (0, "0 woningen"),
        (1, "1 woning"),
        (2, "2 woningen"),
        (37, "37 woningen"),
        (1234, "1.234 woningen"),
    ],
)
def test_aantal_woningen(aantal: int, tekst: str) -> None:
    assert aantal_woningen(aantal) == tekst


@pytest.mark.parametrize("value", [1e308, 1e26, -1e300, 1e-300, float("inf"), float("-inf")])
def test_huge_tiny_and_infinite_numbers_never_raise(value):
    # an agreement once held bedrag 1e308: quantize raised from 1e26 on and broke every page
    for shown in (fmt.euro(value), fmt.num(value), fmt.pct(value), fmt.signed(value)):
        assert isinstance(shown, str) and shown


def test_a_huge_amount_is_written_out_in_full():
    assert fmt.euro(1e26) == "€ 100.000.000.000.000.000.000.000.000,00"
    assert fmt.num(float("inf")) == "∞" and fmt.euro(float("-inf")) == "€ -∞"
