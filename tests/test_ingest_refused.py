"""Files the import must refuse, each with its Dutch message, leaving the database as it was."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from prestatie.inlezen import ingest, uploads
from prestatie.inlezen.errors import ImportRefused
from prestatie.opslag import queries, store

DATA = Path(__file__).resolve().parent / "data"
GOOD = DATA / "Lefier_Borger-Odoorn_voorraad_31-12-2023.csv"


def counts(con) -> tuple[int, int, int, int]:
    return tuple(
        con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("vhe", "productie", "verhuring", "batch")
    )


@pytest.fixture
def filled(con):
    """A database that already holds one import."""
    store.import_paths(con, [GOOD])
    return con


def refused_text(con, path: Path, hints: ingest.Hints | None = None) -> str:
    """The refusal's text, after checking that nothing was written."""
    before = counts(con)
    with pytest.raises(ImportRefused) as refused:
        store.import_paths(con, [path], hints)
    assert counts(con) == before
    assert queries.batches(con)["stand"].tolist() == ["actief"]
    return str(refused.value)


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("pdf_als_werkmap.xlsx", "dit is een PDF, geen spreadsheet"),
        ("willekeurig.xlsx", "het bestand heet .xlsx maar is geen Excel-werkmap"),
        ("zip_zonder_inhoudstypen.xlsx", "het bestand is een zip-archief maar geen Excel-werkmap"),
        ("beveiligd.xlsx", "de werkmap is met een wachtwoord beveiligd"),
        ("leeg.xlsx", "de werkmap is leeg: geen enkel blad bevat gegevens"),
        ("verkeerde_kolommen.xlsx", "geen tabel herkend"),
        ("ver_weg.xlsx", "blad Sheet loopt tot rij 1.048.576; de grens is 400.000 rijen"),
        (
            "Domesta_Emmen_dubbel.csv",
            "rij 6, kolom A (Eenheidnummer): eenheidnummer komt dubbel voor: in rij 3 en in "
            "rij 6; een woning mag maar één keer meetellen (waarde: D100)",
        ),
        (
            "Domesta_Emmen_formules.xlsx",
            "blad Bezit, rij 3, kolom B (Kale huur): de kolom bevat formules zonder berekende "
            "waarde (3 cellen, rij 3 tot en met 5)",
        ),
        ("Lefier WOZ-bezitstabel 2023.csv", "geen bruikbaar BAG verblijfsobject-id"),
        (
            "Domesta verhuringen Emmen zonder datum.xlsx",
            "blad Verhuringen, rij 3, kolom B (Datum ingang contract): datum ontbreekt; de "
            "verhuring kan niet aan een jaar worden toegekend",
        ),
        (
            "Lefier verhuringen Emmen huur onleesbaar.csv",
            "rij 3, kolom D (Kale huur): onleesbaar huurbedrag (waarde: zeshonderd)",
        ),
    ],
)
def test_refused_with_message_and_nothing_written(filled, name, words):
    text = refused_text(filled, DATA / name)
    assert f"bestand {name}" in text
    assert words in text


def test_formulas_message_says_what_to_do(filled):
    text = refused_text(filled, DATA / "Domesta_Emmen_formules.xlsx")
    assert "open het bestand in Excel en sla het opnieuw op".lower() in text.lower()


def test_file_over_the_size_limit(filled, tmp_path, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_BYTES", 100_000)
    big = tmp_path / "Domesta Emmen 31-12-2023.csv"
    big.write_bytes(GOOD.read_bytes() * 400)  # about 200 kB
    text = refused_text(filled, big)
    assert "het bestand is 0,2 MB; de grens is 0,1 MB" in text


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory) -> Path:
    """A 200 kB xlsx whose sheet unpacks to 120 MB of spaces."""
    path = tmp_path_factory.mktemp("bom") / "bom.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            block = b" " * (1024 * 1024)
            for _ in range(120):
                sheet.write(block)
    return path


def test_zip_bomb(filled, zip_bomb):
    assert zip_bomb.stat().st_size < 1_000_000
    text = refused_text(filled, zip_bomb)
    assert "de werkmap pakt uit tot 125,8 MB" in text
    assert "zip-bom" in text


def test_sheet_with_more_rows_than_any_corporation(filled, tmp_path, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_ROWS", 20)
    path = tmp_path / "Domesta_woningbezit_Emmen_31-12-2023.xlsx"
    path.write_bytes((DATA / "Domesta_woningbezit_Emmen_31-12-2023.xlsx").read_bytes())
    text = refused_text(filled, path)
    assert "blad Bezit loopt tot rij 24; de grens is 20 rijen" in text


def test_csv_with_more_lines_than_any_corporation(filled, tmp_path, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_ROWS", 5)
    text = refused_text(filled, GOOD)
    assert "meer dan 5 regels" in text


def test_sheet_with_cells_far_apart_refused_before_reading(monkeypatch):
    """calamine builds a grid up to the last cell; the extent is checked in the XML first."""

    def fail(*args, **kwargs):
        raise AssertionError("calamine must not read this workbook")

    monkeypatch.setattr(uploads.python_calamine.CalamineWorkbook, "from_filelike", fail)
    with pytest.raises(ImportRefused, match="loopt tot rij 1.048.576"):
        uploads.read_sheets("ver_weg.xlsx", (DATA / "ver_weg.xlsx").read_bytes())


def test_wide_sheet_without_dimension(monkeypatch):
    """A sheet written without a <dimension> (openpyxl's write-only mode) is scanned in full."""
    monkeypatch.setattr(uploads, "MAX_CELLS", 10_000)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Export")
    sheet.append(["Eenheidnummer", "Kale huur", "Energielabel"])
    for _ in range(20):
        sheet.append([None] * 599 + ["x"])
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(ImportRefused) as refused:
        uploads.read_sheets("breed.xlsx", buffer.getvalue())
    assert "blad Export loopt tot rij 21 en kolom 600: 12.600 cellen" in str(refused.value)


def test_a_refused_file_among_good_ones_writes_nothing(filled):
    before = counts(filled)
    with pytest.raises(ImportRefused, match="wachtwoord"):
        store.import_paths(
            filled,
            [DATA / "Domesta_woningbezit_Emmen_31-12-2023.xlsx", DATA / "beveiligd.xlsx"],
        )
    assert counts(filled) == before


def test_empty_file_and_unknown_type():
    with pytest.raises(ImportRefused, match=r"het bestand is leeg \(0 bytes\)"):
        ingest.parse("leeg.csv", b"")
    with pytest.raises(ImportRefused, match="bestanden van het type '.pdf'"):
        ingest.parse("bezit.pdf", b"%PDF-1.4")
    with pytest.raises(ImportRefused, match="er staan geen gegevensrijen onder de kolomnamen"):
        ingest.parse("Domesta Emmen 31-12-2023.csv", b"Eenheidnummer;Kale huur;Label\n;;\n")


def test_word_document_renamed_xlsx(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    with pytest.raises(ImportRefused, match="dit is een Word-document, geen Excel-werkmap"):
        ingest.parse("bezit.xlsx", buffer.getvalue())


def test_stock_list_errors_stop_the_import():
    data = (
        b"Peildatum: 31-12-2023\n"
        b"Eenheidnummer;Kale huur;Energielabel;Levensloopgeschikt\n"
        b"E1;612,50;A;ja\n"
        b";598,00;B;nee\n"
        b"E3;zeshonderd;C;ja\n"
        b"E4;-5;D;misschien\n"
    )
    with pytest.raises(ImportRefused) as refused:
        ingest.parse("Domesta Emmen.csv", data)
    text = str(refused.value)
    assert "rij 4, kolom A (Eenheidnummer): eenheidnummer ontbreekt" in text
    assert "rij 5, kolom B (Kale huur): onleesbaar huurbedrag (waarde: zeshonderd)" in text
    assert "rij 6, kolom B (Kale huur): negatieve huur (waarde: -5)" in text
    assert "misschien" not in text  # an unreadable yes/no is a warning, not an error


def test_no_peildatum_anywhere():
    data = b"Eenheidnummer;Kale huur;Energielabel\nE1;612,50;A\n"
    with pytest.raises(ImportRefused, match="geen peildatum gevonden"):
        ingest.parse("Domesta Emmen.csv", data)


def test_production_errors_stop_the_import():
    data = (
        b"Project;Activiteit;Aantal;Jaar\n"
        b"A;Sloop/nieuwbouw;4;2023\n"
        b"B;Aankoop;2;2023\n"
        b"C;Nieuwbouw;2,5;2023\n"
        b"D;Sloop;3;vorig jaar\n"
    )
    with pytest.raises(ImportRefused) as refused:
        ingest.parse("Productie Domesta Emmen.csv", data)
    text = str(refused.value)
    assert "rij 2, kolom B (Activiteit): activiteit niet herkend" in text
    assert "(waarde: Sloop/nieuwbouw)" in text
    assert "rij 3, kolom B (Activiteit): activiteit niet herkend" in text
    assert "rij 4, kolom C (Aantal): aantal ontbreekt of is geen heel getal (waarde: 2,5)" in text
    assert "rij 5, kolom D (Jaar): onleesbaar jaar (waarde: vorig jaar)" in text


def test_unknown_hint_values():
    data = (DATA / "Lefier_Borger-Odoorn_voorraad_31-12-2023.csv").read_bytes()
    with pytest.raises(ImportRefused, match="onbekende corporatie 'Acme'"):
        ingest.parse("x.csv", data, ingest.Hints(corporatie="Acme"))
    with pytest.raises(ImportRefused, match="onbekende gemeente 'Atlantis'"):
        ingest.parse("x.csv", data, ingest.Hints(gemeente="Atlantis"))


def test_zip_with_too_many_parts(monkeypatch):
    monkeypatch.setattr(uploads, "MAX_PARTS", 5)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for n in range(10):
            archive.writestr(f"xl/deel{n}.xml", "<x/>")
    with pytest.raises(ImportRefused, match="meer dan 5 onderdelen"):
        ingest.parse("bezit.xlsx", buffer.getvalue())


def test_opendocument_spreadsheet_renamed_xlsx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(ImportRefused, match=r"OpenDocument-werkblad \(.ods\)"):
        ingest.parse("bezit.xlsx", buffer.getvalue())


def test_unknown_names_come_with_the_closest_known_ones():
    data = (DATA / "Lefier_Borger-Odoorn_voorraad_31-12-2023.csv").read_bytes()
    with pytest.raises(ImportRefused) as refused:
        ingest.parse("x.csv", data, ingest.Hints(corporatie="Woonstadt"))
    assert str(refused.value) == (
        "bestand x.csv: onbekende corporatie 'Woonstadt'; bedoelt u Woonstad Rotterdam?"
    )
    with pytest.raises(ImportRefused) as refused:
        ingest.parse("x.csv", data, ingest.Hints(gemeente="Zwole"))
    assert str(refused.value) == "bestand x.csv: onbekende gemeente 'Zwole'; bedoelt u Zwolle?"
    with pytest.raises(ImportRefused) as refused:
        ingest.parse("x.csv", data, ingest.Hints(corporatie="Acme"))
    assert str(refused.value) == (
        "bestand x.csv: onbekende corporatie 'Acme'; voeg een nieuwe corporatie toe op de "
        "pagina Gegevens of met prestatie corporatie-toevoegen."
    )


def test_unknown_names_in_a_column():
    data = (
        b"Eenheidnummer;Corporatie;Gemeente;Kale huur;Energielabel\n"
        b"1;Woonstadt;Rotterdam;500;A\n"
        b"2;Acme;Zwole;500;B\n"
        b"3;Woonstadt;Rotterdam;500;B\n"
    )
    with pytest.raises(ImportRefused) as refused:
        ingest.parse("voorraad 31-12-2023.csv", data)
    text = str(refused.value)
    assert (
        "rij 2, kolom B (Corporatie): onbekende corporatie (bedoelt u Woonstad Rotterdam?); "
        "verbeter de naam, laat de rij weg of voeg een nieuwe corporatie toe op de pagina "
        "Gegevens of met prestatie corporatie-toevoegen (waarde: Woonstadt)"
    ) in text
    assert "rij 4, kolom B (Corporatie): onbekende corporatie (bedoelt u Woonstad" in text
    assert "rij 3, kolom B (Corporatie): onbekende corporatie; verbeter de naam" in text
    assert (
        "rij 3, kolom C (Gemeente): onbekende gemeente (bedoelt u Zwolle?); verbeter de naam of "
        "laat de rij weg (waarde: Zwole)"
    ) in text
    assert "ontbreekt" not in text  # a name not known is no name missing
    assert len(refused.value.problems) == 4
