"""Tables as a person reads them: the upload preview and the import list (page Gegevens)."""

from datetime import datetime

import pandas as pd

from prestatie.presenteren import tabellen


def test_preview_shows_euros_dates_and_dashes_under_dutch_names():
    parsed = pd.DataFrame(
        {
            "bron_rij": [5, 1234],
            "vhe_id": ["DO1", "DO2"],
            "peildatum": pd.to_datetime(["2025-12-31", "2025-12-31"]),
            "huur_cent": pd.array([55590, None], dtype="Int64"),
            "levensloopgeschikt": pd.array([True, None], dtype="boolean"),
            "energie_index": [1.234, float("nan")],
            "bouwjaar": pd.array([1987, None], dtype="Int64"),
        }
    )
    shown = tabellen.preview(parsed)
    assert list(shown.columns) == [
        "Rij in bestand",
        "Eenheidnummer",
        "Peildatum",
        "Huur",
        "Energie-index",
        "Levensloopgeschikt",
        "Bouwjaar",
    ]
    assert shown.iloc[0].tolist() == ["5", "DO1", "31-12-2025", "€ 555,90", "1,23", "ja", "1987"]
    assert shown.iloc[1].tolist() == ["1.234", "DO2", "31-12-2025", "–", "–", "–", "–"]


def test_import_list_puts_the_state_first_and_names_the_kind():
    batches = pd.DataFrame(
        {
            "id": [2, 1],
            "bestand": ["productie.xlsx", "voorraad.csv"],
            "soort": ["productie", "voorraad"],
            "corporatie": ["Lefier", "Lefier"],
            "gemeente": [None, "Emmen"],
            "peildatum": [pd.NaT, pd.Timestamp("2024-12-31")],
            "jaar_van": pd.array([2021, None], dtype="Int64"),
            "jaar_tot": pd.array([2024, None], dtype="Int64"),
            "rijen": [40, 3312],
            "waarschuwingen": [0, 12],
            "demo": [False, True],
            "gebruiker": [None, "Ad"],
            "ingelezen": [datetime(2026, 3, 1, 9, 5), datetime(2026, 2, 1, 14, 30)],
            "stand": ["actief", "vervangen door import 2"],
        }
    )
    shown = tabellen.import_list(batches)
    assert shown.columns[0] == "Stand"
    assert shown.iloc[0].tolist() == ["actief", 2, "productie.xlsx", "productielijst", "Lefier",
                                      "per rij", "2021–2024", "40", "0", "nee", "–",
                                      "01-03-2026 09:05"]  # fmt: skip
    assert shown.iloc[1]["Peildatum of jaren"] == "31-12-2024"
    assert shown.iloc[1]["Rijen"] == "3.312"
    assert shown.iloc[1]["Stand"] == "vervangen door import 2"
