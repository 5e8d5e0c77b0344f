"""What the sidebar offers when the data covers many gemeenten: those with data first (by name,
as a Dutch reader sorts: 's-Gravenhage under S), then those only an agreement names; the
corporaties of the chosen gemeente."""

from __future__ import annotations

import pytest

from prestatie import dashboard
from prestatie.afspraken.toml_reader import default_folder, load_agreements

DIMS = {
    "gemeenten": ["'s-Gravenhage", "Emmen", "Zwolle"],
    "corporaties": ["Domesta", "SWZ", "Staedion", "deltaWonen"],
    "corporaties_per_gemeente": {
        "'s-Gravenhage": ["Staedion"],
        "Emmen": ["Domesta"],
        "Zwolle": ["SWZ", "deltaWonen"],
    },
    "peildata": [],
    "productiejaren": [],
}


@pytest.fixture(scope="module")
def drenthe():
    """The two agreements shipped: Borger-Odoorn (Lefier, Woonservice) and Emmen (Domesta,
    Lefier, Woonservice)."""
    return load_agreements(default_folder())


def test_gemeenten_with_data_first_then_those_of_an_agreement(drenthe):
    choices = dashboard.sidebar_choices(DIMS, drenthe)
    assert choices.gemeenten == ("Emmen", "'s-Gravenhage", "Zwolle", "Borger-Odoorn")
    assert choices.gemeenten_without_data == {"Borger-Odoorn"}


def test_corporaties_everywhere(drenthe):
    choices = dashboard.sidebar_choices(DIMS, drenthe)
    assert choices.corporaties == (
        "deltaWonen",
        "Domesta",
        "Staedion",
        "SWZ",
        "Lefier",
        "Woonservice",
    )
    assert choices.corporaties_without_data == {"Lefier", "Woonservice"}


def test_corporaties_of_one_gemeente(drenthe):
    assert dashboard.sidebar_choices(DIMS, drenthe, "Zwolle").corporaties == ("deltaWonen", "SWZ")
    emmen = dashboard.sidebar_choices(DIMS, drenthe, "Emmen")
    assert emmen.corporaties == ("Domesta", "Lefier", "Woonservice")
    assert emmen.corporaties_without_data == {"Lefier", "Woonservice"}
    assert dashboard.sidebar_choices(DIMS, drenthe, "Borger-Odoorn").corporaties == (
        "Lefier",
        "Woonservice",
    )


def test_the_dimensions_of_the_demo_per_gemeente(demo_db):
    con = dashboard.open_database(demo_db, demo=False)
    try:
        per_gemeente = dashboard.dimensions(con)["corporaties_per_gemeente"]
    finally:
        con.close()
    assert per_gemeente == {
        "Borger-Odoorn": ["Lefier", "Woonservice"],
        "Emmen": ["Domesta", "Lefier", "Woonservice"],
    }
