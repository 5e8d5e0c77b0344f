"""Downloads open cleanly in Dutch Excel and never run an uploaded value as a formula."""

import pandas as pd

from prestatie import export


def test_formula_like_text_is_neutralised():
    assert [export.neutralise(v) for v in ("=SUM(A1)", "+31", "-5", "@x", "Emmen", 3)] == [
        "'=SUM(A1)",
        "'+31",
        "'-5",
        "'@x",
        "Emmen",
        3,
    ]


def test_csv_uses_semicolons_decimal_commas_and_a_bom():
    data = export.csv_bytes(pd.DataFrame({"Adres": ["=HYPERLINK(1)"], "Huur": [612.5]}))
    assert data == "\ufeffAdres;Huur\n'=HYPERLINK(1);612,5\n".encode()
