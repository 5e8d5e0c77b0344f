"""What the import tests share (test_ingest, test_ingest_voorraadlijst, test_ingest_woz,
test_ingest_productielijst, test_ingest_verhuringenlijst, test_ingest_kolomkeuze): the files in
tests/data, whose expected figures are counted by hand (tests/data/README.md), and how to read
them."""

from __future__ import annotations

from pathlib import Path

from prestatie.inlezen import ingest

DATA = Path(__file__).resolve().parent / "data"
DOMESTA = "Domesta_woningbezit_Emmen_31-12-2023.xlsx"
DOMESTA_V2 = "Domesta_woningbezit_Emmen_31-12-2023_correctie.xlsx"
LEFIER = "Lefier_Borger-Odoorn_voorraad_31-12-2023.csv"
WOONSERVICE = "Woonservice bezit Emmen 2023-06-30.csv"
WOZ_CSV = "Lefier WOZ-bezitstabel 2023.csv"
WOZ_XLSX = "Lefier WOZ-bezitstabel 2023.xlsx"
PRODUCTIE = "Productie Domesta Emmen 2021-2023.xlsx"
REALISATIE = "Woonservice realisatie Borger-Odoorn 2022.csv"
VERHUUR_DOMESTA = "Domesta verhuringen Emmen 2023.xlsx"
VERHUUR_DOMESTA_V2 = "Domesta verhuringen Emmen 2023 correctie.xlsx"
VERHUUR_LEFIER = "Lefier verhuringen Borger-Odoorn 2024.csv"
VERHUUR_WOONSERVICE = "Woonservice verhuringen Emmen 2022.csv"
VERHUUR_ZONDER_DATUM = "Domesta verhuringen Emmen zonder datum.xlsx"
VERHUUR_HUUR_ONLEESBAAR = "Lefier verhuringen Emmen huur onleesbaar.csv"
EMMEN = ingest.Hints(gemeente="Emmen")


def parse(name: str, hints: ingest.Hints | None = None) -> ingest.Parsed:
    return ingest.parse(name, (DATA / name).read_bytes(), hints)


def problem_texts(problems) -> str:
    return "\n".join(str(p) for p in problems)


LBM_WIJKEN = "Leefbaarometer 3.0 wijken Emmen 2018-2022.csv"
LBM_BUURTEN = "Leefbaarometer buurten Emmen breed.xlsx"
LBM_FOUT = "Leefbaarometer fout.csv"
