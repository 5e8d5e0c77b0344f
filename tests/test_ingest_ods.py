"""LibreOffice Calc's own format (.ods) is read like an Excel workbook: through the upload parse,
the command line and the Gegevens page. Expectations counted by hand (tests/data/README.md)."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from prestatie import dashboard
from prestatie.inlezen import ingest
from prestatie.inlezen.errors import ImportRefused
from tests.ingest_helpers import DATA, parse

ODS = "Woonservice voorraad Borger-Odoorn.ods"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def ods() -> ingest.Parsed:
    return parse(ODS)


def test_meta_from_title_rows_date_cell_and_file_name(ods):
    assert ods.kind == "voorraad"
    assert (ods.meta.corporatie, ods.meta.gemeente) == ("Woonservice", "Borger-Odoorn")
    assert ods.meta.peildatum == date(2023, 12, 31)
    assert ods.layout.sheet_name == "Voorraad"  # not the notes sheet
    assert ods.layout.header_index + 1 == 4


def test_rows_rents_labels_and_kernen(ods):
    vhe = ods.vhe.set_index("vhe_id")
    assert list(vhe.index) == ["WS1", "WS2", "WS3", "WS4"]
    assert vhe["huur_cent"].tolist() == [45000, 61250, 64719, 70000]
    assert vhe["huur_cent"].sum() == 240_969
    assert vhe["label"].value_counts().to_dict() == {"A": 1, "B": 2, "C": 1}
    assert vhe["kern"].value_counts().to_dict() == {"Exloo": 2, "Borger": 1, "Valthermond": 1}
    assert [row for row, _ in ods.skipped] == [9]  # the Totaal row
    assert ods.warnings == []


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"Eenheidnummer;Huur\n1;500\n", "geen OpenDocument-rekenblad"),
        (_zip({"mimetype": b"application/vnd.oasis.opendocument.text"}), "geen OpenDocument"),
        ((DATA / ODS).read_bytes()[:600], "beschadigd"),
    ],
    ids=["text", "writer-document", "truncated"],
)
def test_an_ods_that_is_none_is_refused_in_dutch(data, words):
    with pytest.raises(ImportRefused) as refused:
        ingest.parse("lijst.ods", data)
    text = "\n".join(str(p) for p in refused.value.problems)
    assert words in text and "lijst.ods" in text


def test_the_command_line_imports_an_ods(tmp_path):
    db = tmp_path / "p.duckdb"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "prestatie.cli",
            "import",
            str(DATA / ODS),
            "--db",
            str(db),
            "--nieuw",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert f"{ODS}: voorraad, Woonservice, 4 rijen" in done.stdout


def test_the_upload_accepts_an_ods(tmp_path, monkeypatch):
    db = tmp_path / "leeg.duckdb"
    dashboard.open_database(db, demo=False).close()
    monkeypatch.setenv("PRESTATIE_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    at.switch_page("views/gegevens.py").run()
    content = (DATA / ODS).read_bytes()
    at.file_uploader[0].upload(ODS, content, "application/vnd.oasis.opendocument.spreadsheet")
    at.run()
    assert not at.exception
    recognised = " ".join(m.value for m in at.markdown)
    assert "Woonservice" in recognised and "Borger-Odoorn" in recognised
    assert "4 rijen" in recognised and "blad Voorraad" in recognised
