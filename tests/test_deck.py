"""The meeting deck: the PowerPoint opened again with python-pptx, the PNGs, the PDF step.

One test draws real charts through kaleido in Debian's chromium (two charts: each chromium start
costs seconds on two cores); the layout tests use small PNGs made here.
"""

from __future__ import annotations

import io
import struct
import zipfile
from datetime import date
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from prestatie.beoordeling.selectie import Filters
from prestatie.presenteren import deck
from prestatie.presenteren.slides import Slide, TitleSlide, sources

TODAY = date(2026, 11, 21)


def png(width: int = 320, height: int = 140, colour: str = "#1a7f37") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


def batches(n: int) -> pd.DataFrame:
    """``n`` imports in force: Lefier and Woonservice in turn, one production list."""
    return pd.DataFrame(
        {
            "id": list(range(n, 0, -1)),
            "bestand": [f"lijst {i}.xlsx" for i in range(n, 0, -1)],
            "soort": ["productie"] + ["voorraad"] * (n - 1),
            "corporatie": [("Lefier", "Woonservice")[i % 2] for i in range(n)],
            "gemeente": "Borger-Odoorn",
            "peildatum": [pd.NaT] + [pd.Timestamp("2024-12-31")] * (n - 1),
            "jaar_van": pd.array([2021] + [None] * (n - 1), dtype="Int32"),
            "jaar_tot": pd.array([2025] + [None] * (n - 1), dtype="Int32"),
            "rijen": [1234] * n,
            "demo": True,
            "ingelezen": pd.Timestamp("2026-11-20 10:00"),
            "stand": "actief",
        }
    )


def cover(n_batches: int = 13, demo: bool = True) -> TitleSlide:
    return TitleSlide(
        title="Prestatieafspraken: stand van zaken",
        documents=("Prestatieafspraken 2023 Borger-Odoorn",),
        gemeente="Borger-Odoorn",
        selection="Borger-Odoorn · alle corporaties · 2024",
        as_of=TODAY,
        sources=sources(batches(n_batches), Filters(gemeente="Borger-Odoorn")),
        demo=demo,
    )


def slide(title: str, line: str) -> Slide:
    return Slide(title.lower(), "Betaalbaarheid", title, go.Figure(), line)


SLIDES = [
    slide("Huren tegen de huurgrenzen", "Eind 2024 hebben 3 van 6 woningen (50,0%) een huur …"),
    slide("Minimaal 90% tot de grens", "Stand 2024: Lefier haalt met 88,3% de norm van 90% niet."),
]


def texts(s) -> list[str]:
    return [shape.text_frame.text for shape in s.shapes if shape.has_text_frame]


def test_pptx_has_title_chart_and_source_slides():
    data = deck.pptx_bytes(cover(), SLIDES, [png(), png(colour="#c62828")])
    prs = Presentation(io.BytesIO(data))
    slides = list(prs.slides)
    # 1 title slide + 2 chart slides + 13 imports at 12 per slide = 2 source slides
    assert len(slides) == 5
    first = "\n".join(texts(slides[0]))
    for words in (
        "Prestatieafspraken: stand van zaken",
        "Borger-Odoorn",
        "Prestatieafspraken 2023 Borger-Odoorn",
        "Selectie: Borger-Odoorn · alle corporaties · 2024",
        "Stand op 21 november 2026",
        "Gegevens: 13 ingelezen bestanden van Lefier en Woonservice",
        "Demonstratiegegevens",
    ):
        assert words in first
    colours = ((0x1A, 0x7F, 0x37), (0xC6, 0x28, 0x28))
    for s, dia, colour in zip(slides[1:3], SLIDES, colours, strict=True):
        assert dia.title in texts(s) and dia.conclusion in texts(s)
        pictures = [x for x in s.shapes if x.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1
        assert Image.open(io.BytesIO(pictures[0].image.blob)).getpixel((5, 5)) == colour
        assert s.notes_slide.notes_text_frame.text == dia.conclusion
    assert prs.core_properties.title == "Prestatieafspraken: stand van zaken: Borger-Odoorn"


def test_source_slides_list_every_import_in_force():
    prs = Presentation(io.BytesIO(deck.pptx_bytes(cover(13), SLIDES[:1], [png()])))
    source_slides = list(prs.slides)[2:]
    assert [texts(s)[0] for s in source_slides] == ["Bronnen (1/2)", "Bronnen (2/2)"]
    tables = [next(x for x in s.shapes if x.has_table).table for s in source_slides]
    header = [c.text for c in tables[0].rows[0].cells]
    assert header == [
        "Import",
        "Bestand",
        "Soort",
        "Corporatie",
        "Gemeente",
        "Peildatum of jaren",
        "Rijen",
        "Ingelezen",
    ]
    body = [[c.text for c in row.cells] for t in tables for row in list(t.rows)[1:]]
    assert [r[0] for r in body] == [str(i) for i in range(13, 0, -1)]
    assert body[0] == [
        "13",
        "lijst 13.xlsx",
        "productie",
        "Lefier",
        "Borger-Odoorn",
        "2021-2025",
        "1.234",
        "20-11-2026",
    ]
    assert body[1][5] == "31-12-2024"


def test_real_data_has_no_demo_warning_and_one_source_slide():
    prs = Presentation(io.BytesIO(deck.pptx_bytes(cover(3, demo=False), [], [])))
    assert len(prs.slides) == 2
    assert not any("emonstratie" in t for s in prs.slides for t in texts(s))


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the PNG header (IHDR), read without an image library."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_build_draws_each_chart_in_chromium_and_reports_progress():
    figures = [
        go.Figure(go.Bar(x=["Lefier", "Woonservice"], y=[0.883, 0.936])),
        go.Figure(go.Histogram(x=[500, 600, 650, 700, 710])),
    ]
    dias = [
        Slide(f"d{i}", "Overzicht", f"Grafiek {i}", f, f"Conclusie {i}.")
        for i, f in enumerate(figures)
    ]
    steps = []
    made = deck.build(cover(1), dias, lambda done, total, text: steps.append((done, total, text)))
    assert steps == [
        (0, 3, "grafiek 1 van 2"),
        (1, 3, "grafiek 2 van 2"),
        (2, 3, "PowerPoint opmaken"),
        (3, 3, "klaar"),
    ]
    # 1200 × 525 layout pixels at scale 8/3: 3200 × 1400, text about 12 pt on the slide
    assert [png_size(p) for p in made.pngs] == [(3200, 1400), (3200, 1400)]
    prs = Presentation(io.BytesIO(made.pptx))
    assert len(prs.slides) == 1 + 2 + 1
    blobs = [
        x.image.blob
        for s in list(prs.slides)[1:3]
        for x in s.shapes
        if x.shape_type == MSO_SHAPE_TYPE.PICTURE
    ]
    # the bar chart is a native, editable PowerPoint chart; the histogram stays a picture
    assert blobs == [made.pngs[1]]
    charts = [x for x in list(prs.slides)[1].shapes if x.has_chart]
    assert [list(c.chart.plots[0].categories) for c in charts] == [["Lefier", "Woonservice"]]
    assert list(charts[0].chart.series[0].values) == [0.883, 0.936]
    with zipfile.ZipFile(io.BytesIO(made.png_zip())) as archive:
        assert archive.namelist() == ["01-grafiek-0.png", "02-grafiek-1.png"]
        assert archive.read("02-grafiek-1.png") == made.pngs[1]


def boxes(s):
    """(top, bottom) of each shape on a slide, in EMU, with what it is."""
    out = []
    for x in s.shapes:
        kind = (
            "chart"
            if x.has_chart
            else "picture"
            if x.shape_type == MSO_SHAPE_TYPE.PICTURE
            else (x.text_frame.text if x.has_text_frame else "")
        )
        out.append((x.top, x.top + x.height, kind))
    return out  # fmt: skip


@pytest.mark.parametrize(
    "title",
    [
        "Kort",
        "Minimaal 90% van de voorraad van Lefier en Woonservice in Borger-Odoorn tot de 2e "
        "aftoppingsgrens (€ 678,66, prijspeil 2022), per corporatie en per jaar gemeten",
    ],
)
def test_a_title_never_runs_into_the_chart_nor_the_chart_into_the_conclusion(title):
    figure = go.Figure(go.Bar(x=["Lefier", "Woonservice"], y=[0.883, 0.936]))
    chart = Slide("k", "Betaalbaarheid", title, figure, "Een conclusie van een regel. " * 6)
    prs = Presentation(io.BytesIO(deck.pptx_bytes(cover(1), [chart], [png()])))
    shapes = boxes(prs.slides[1])
    [(title_top, title_bottom, _)] = [b for b in shapes if b[2] == title]
    [(chart_top, chart_bottom, _)] = [b for b in shapes if b[2] == "chart"]
    [(line_top, _, _)] = [b for b in shapes if b[2].startswith("Een conclusie")]
    assert title_bottom <= chart_top and chart_bottom <= line_top
    size = deck.title_size(title, deck.SLIDE_WIDTH - 2 * deck.MARGIN)
    assert size[1] <= 2  # shrunk to two lines at most


def test_png_names_are_plain_ascii():
    dia = slide("Huren tegen de huurgrenzen, Borger-Odoorn, eind 2024", "")
    assert deck.png_name(2, dia) == "02-huren-tegen-de-huurgrenzen-borger-odoorn-eind-2024.png"
    assert deck.png_name(12, slide("Één € · ‘aandeel’", "")) == "12-een-aandeel.png"


def test_no_chromium_is_said_in_dutch(monkeypatch, tmp_path):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "geen-chromium"))
    with pytest.raises(deck.NoBrowser, match="Geen chromium gevonden"):
        deck.browser_path()


def test_pdf_without_libreoffice_is_refused(monkeypatch):
    monkeypatch.setattr(deck.shutil, "which", lambda name: None)
    assert deck.pdf_converter() is None
    with pytest.raises(deck.NoPdfConverter, match="LibreOffice ontbreekt"):
        deck.pdf_bytes(b"pptx")


def test_pdf_through_the_converter_command_line(tmp_path):
    """A stand-in for libreoffice that records its arguments and writes the PDF where
    libreoffice would: ``--outdir`` / the file's stem + .pdf."""
    log = tmp_path / "args"
    script = tmp_path / "libreoffice"
    script.write_text(
        "#!/bin/sh\n"
        f'echo "$@" > {log}\n'
        'out=""; prev=""; for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done\n'
        'printf "%%PDF-1.7 nep" > "$out/presentatie.pdf"\n'
    )
    script.chmod(0o755)
    assert deck.pdf_bytes(b"pptx", str(script)) == b"%PDF-1.7 nep"
    args = log.read_text().split()
    assert args[:4] == ["--headless", "--convert-to", "pdf", "--outdir"]
    assert Path(args[5]).name == "presentatie.pptx"


def test_a_chart_chromium_cannot_draw_is_named(monkeypatch):
    def refuse(self, figure):
        raise RuntimeError("Target closed")

    monkeypatch.setattr(deck.ChartRenderer, "__enter__", lambda self: self)
    monkeypatch.setattr(deck.ChartRenderer, "__exit__", lambda self, *exc: None)
    monkeypatch.setattr(deck.ChartRenderer, "png", refuse)
    with pytest.raises(deck.DrawError, match="Grafiek 1 van 2 kon niet getekend worden"):
        deck.render_pngs([go.Figure(), go.Figure()])


def test_a_failing_converter_is_said_in_dutch(tmp_path):
    script = tmp_path / "libreoffice"
    script.write_text("#!/bin/sh\nexit 77\n")
    script.chmod(0o755)
    with pytest.raises(deck.PdfFailed, match="LibreOffice maakte geen PDF"):
        deck.pdf_bytes(b"pptx", str(script))


def test_a_slide_makes_its_figure_once_and_only_when_asked():
    made = []

    def make():
        made.append(1)
        return go.Figure().update_layout(height=500)

    slide = Slide("k", "Overzicht", "Titel", make, "Een conclusie.")
    assert made == []  # building the deck's slides builds no figure
    assert slide.figure is slide.figure
    assert slide.on_screen is slide.on_screen
    assert made == [1]
    assert slide.on_screen.layout.height is None  # the projector gives it the room it has
    assert slide.figure.layout.height == 500
