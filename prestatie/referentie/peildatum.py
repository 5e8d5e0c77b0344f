"""Which year a peildatum reports on.

Stock lists are dated either at the end of a year (31 December, as the WOZ-bezitstabel) or at
the start of the next (`Peildatum: 01-01-2024`). Both describe the stock at the end of the
year before the new year begins, so 1 January 2024 reports on 2023. Any other date reports on
its own year. The rent limits used for a peildatum are those in force on that date.
"""

from __future__ import annotations

from datetime import date, datetime


def verslagjaar(peildatum: date) -> int:
    """The year a peildatum reports on: 1 January 2024 -> 2023; 31 December 2023 -> 2023."""
    return peildatum.year - 1 if (peildatum.month, peildatum.day) == (1, 1) else peildatum.year


def as_date(value: date | datetime) -> date:
    """A date as stored (a date, or a pandas Timestamp / datetime from a DataFrame) as a date."""
    return value.date() if isinstance(value, datetime) else value
