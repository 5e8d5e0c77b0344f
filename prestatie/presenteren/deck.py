"""The meeting deck: PowerPoint (python-pptx), a PNG per chart, and a PDF where a converter is.

Charts are drawn to PNG by kaleido in the system's chromium (``BROWSER_PATH``, default
``/usr/bin/chromium``). One chromium serves the whole deck (:class:`ChartRenderer`): starting
it costs about two seconds, each chart after that a fraction of a second. The PowerPoint has a
title slide (title, documents, gemeente, selection, date, data sources), one slide per chart
(title, the chart as a native PowerPoint chart where it is a plain bar or line chart, else as a
high-resolution image, the conclusion line, also as speaker notes) and
slides listing the imports the figures come from.
"""

from __future__ import annotations

import asyncio
import io
import os
import re
import shutil
import subprocess
import tempfile
import threading
import unicodedata
import zipfile
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

import plotly.graph_objects as go
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Inches, Pt

from prestatie import fmt
from prestatie.presenteren import pptx_charts
from prestatie.presenteren.slides import Slide, TitleSlide, sources_text

CHROMIUM = "/usr/bin/chromium"
# 3200 × 1400 pixels per chart, drawn on a 1200-pixel page so its text is ~12 pt on the slide
PNG_WIDTH, PNG_HEIGHT, PNG_SCALE = 1200, 525, 8 / 3
SLIDE_WIDTH, SLIDE_HEIGHT = Inches(13 + 1 / 3), Inches(7.5)  # 16:9
MARGIN = Inches(0.5)
SOURCE_ROWS_PER_SLIDE = 10
INK = RGBColor(0x22, 0x22, 0x22)
GREY = RGBColor(0x66, 0x66, 0x66)
DEMO_RED = RGBColor(0xC6, 0x28, 0x28)
PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

Progress = Callable[[int, int, str], None]  # (done, total, what is being done now)


class NoBrowser(RuntimeError):
    """No chromium to draw the charts with."""


class DrawError(RuntimeError):
    """Chromium could not draw a chart (it crashed, hung or refused the figure)."""


class NoPdfConverter(RuntimeError):
    """No LibreOffice on this machine to turn the PowerPoint into a PDF."""


class PdfFailed(RuntimeError):
    """LibreOffice ran but made no PDF."""


def browser_path() -> str:
    """The chromium kaleido drives: ``BROWSER_PATH`` when set, else Debian's chromium."""
    path = os.environ.get("BROWSER_PATH") or shutil.which("chromium") or CHROMIUM
    if not Path(path).exists():
        raise NoBrowser(
            f"Geen chromium gevonden op {path}: installeer Debian's chromium "
            "(apt-get install chromium) of zet BROWSER_PATH."
        )
    return path


class ChartRenderer:
    """One kaleido (one chromium) for many charts, usable from ordinary synchronous code.

    Kaleido is asynchronous; it runs on an event loop in a thread of its own, so the caller's
    thread (a Streamlit script run) stays free to report progress between charts.
    """

    def __init__(self, timeout: float = 90) -> None:
        self._timeout = timeout
        self._kaleido = None

    def __enter__(self) -> ChartRenderer:
        path = browser_path()
        os.environ.setdefault("BROWSER_PATH", path)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="kaleido", daemon=True)
        self._thread.start()
        try:
            self._kaleido = self._run(self._open(path))
        except BaseException:
            self._stop()
            raise
        return self

    async def _open(self, path: str):
        import kaleido  # imported here: only a deck needs it

        # mathjax=False: no fetching from a CDN; the charts use no LaTeX.
        k = kaleido.Kaleido(path=path, mathjax=False, timeout=self._timeout)
        await k.open()
        return k

    def png(self, figure: go.Figure) -> bytes:
        opts = {"format": "png", "width": PNG_WIDTH, "height": PNG_HEIGHT, "scale": PNG_SCALE}
        return self._run(self._kaleido.calc_fig(figure, opts=opts))

    def __exit__(self, *exc) -> None:
        try:
            if self._kaleido is not None:
                self._run(self._kaleido.close())
        finally:
            self._stop()

    def _run(self, coroutine):
        future: Future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        return future.result(timeout=self._timeout + 30)

    def _stop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=30)
        self._loop.close()


def render_pngs(figures: Sequence[go.Figure], progress: Progress | None = None) -> list[bytes]:
    """Every figure as a PNG, drawn by one chromium; ``progress`` hears of each chart."""
    out: list[bytes] = []
    try:
        with ChartRenderer() as renderer:
            for i, figure in enumerate(figures):
                if progress:
                    progress(i, len(figures), f"grafiek {i + 1} van {len(figures)}")
                out.append(renderer.png(figure))
    except NoBrowser:
        raise
    except Exception as error:  # kaleido and chromium fail in many ways; say which chart
        raise DrawError(
            f"Grafiek {len(out) + 1} van {len(figures)} kon niet getekend worden in chromium: "
            f"{type(error).__name__}: {error}"
        ) from error
    return out


@dataclass(frozen=True)
class Deck:
    """The exports of one deck: the PowerPoint and the PNG of each slide's chart."""

    pptx: bytes
    pngs: tuple[bytes, ...]
    names: tuple[str, ...]  # file names of the PNGs, in slide order

    def png_zip(self) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:  # PNG is compressed
            for name, png in zip(self.names, self.pngs, strict=True):
                archive.writestr(name, png)
        return buffer.getvalue()


def build(
    title_slide: TitleSlide, slides: Sequence[Slide], progress: Progress | None = None
) -> Deck:
    """Draw every chart, then lay out the PowerPoint. ``progress(done, total, text)`` is called
    before each step and once at the end, in the caller's thread."""
    total = len(slides) + 1

    def report(done: int, _: int, text: str) -> None:
        if progress:
            progress(done, total, text)

    pngs = render_pngs([d.figure for d in slides], report) if slides else []
    report(len(slides), total, "PowerPoint opmaken")
    pptx = pptx_bytes(title_slide, slides, pngs)
    report(total, total, "klaar")
    return Deck(pptx, tuple(pngs), tuple(png_name(i, d) for i, d in enumerate(slides, start=1)))


def png_name(number: int, slide: Slide) -> str:
    """ "03-huren-tegen-de-huurgrenzen-borger-odoorn-eind-2024.png"."""
    ascii_ = unicodedata.normalize("NFKD", slide.title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:60].rstrip("-")
    return f"{number:02d}-{slug or 'grafiek'}.png"


# ---- PowerPoint -------------------------------------------------------------------------------


def pptx_bytes(title_slide: TitleSlide, slides: Sequence[Slide], pngs: Sequence[bytes]) -> bytes:
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    prs.core_properties.title = f"{title_slide.title}: {title_slide.gemeente}"
    prs.core_properties.author = "prestatie"
    prs.core_properties.subject = title_slide.selection
    _title_slide(prs, title_slide)
    for number, (slide, png) in enumerate(zip(slides, pngs, strict=True), start=2):
        _chart_slide(prs, title_slide, slide, png, number)
    _source_slides(prs, title_slide, len(slides) + 2)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def _blank(prs):
    return prs.slides.add_slide(prs.slide_layouts[6])


def _text(slide, left, top, width, height, lines, size: int, bold=False, colour=INK):
    """A text box with one paragraph per line, wrapped within its width."""
    frame = slide.shapes.add_textbox(left, top, width, height).text_frame
    frame.word_wrap = True
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = line
        run.font.size, run.font.bold, run.font.color.rgb = Pt(size), bold, colour
    return frame


def _footer(slide, title_slide: TitleSlide, number: int) -> None:
    width = SLIDE_WIDTH - 2 * MARGIN
    left = f"{title_slide.gemeente} · {fmt.datum(title_slide.as_of)} · bron: prestatie"
    if title_slide.demo:
        left += " · DEMONSTRATIEGEGEVENS (verzonnen cijfers)"
    colour = DEMO_RED if title_slide.demo else GREY
    _text(
        slide, MARGIN, SLIDE_HEIGHT - Inches(0.45), width, Inches(0.35), [left], 11, False, colour
    )
    page = _text(slide, MARGIN, SLIDE_HEIGHT - Inches(0.45), width, Inches(0.35), [str(number)], 11)
    page.paragraphs[0].alignment = PP_ALIGN.RIGHT


def _title_slide(prs, title_slide: TitleSlide) -> None:
    slide = _blank(prs)
    width = SLIDE_WIDTH - 2 * MARGIN
    _text(slide, MARGIN, Inches(1.2), width, Inches(1.2), [title_slide.title], 40, bold=True)
    _text(slide, MARGIN, Inches(2.4), width, Inches(0.8), [title_slide.gemeente], 32)
    lines = [
        *title_slide.documents,
        f"Selectie: {title_slide.selection}",
        f"Stand op {fmt.datum_lang(title_slide.as_of)}",
        sources_text(title_slide.sources),
    ]
    _text(slide, MARGIN, Inches(3.4), width, Inches(2.6), lines, 20, colour=GREY)
    if title_slide.demo:
        _text(
            slide,
            MARGIN,
            Inches(6.1),
            width,
            Inches(0.6),
            ["Demonstratiegegevens: alle cijfers in deze presentatie zijn verzonnen."],
            18,
            bold=True,
            colour=DEMO_RED,
        )
    _footer(slide, title_slide, 1)


def conclusion_size(text: str) -> int:
    """Point size for a conclusion: large, smaller only as far as a long line needs."""
    return 24 if len(text) <= 130 else 20 if len(text) <= 220 else 16


def text_lines(text: str, size: int, width) -> int:
    """How many lines a text of ``size`` points takes in a box ``width`` wide: a bold sans-serif
    letter is about 0,55 of its size wide on average (a little more than it needs, so a title
    never runs into what is under it)."""
    per_line = max(1, int(width / Pt(size * 0.55)))
    lines, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > per_line:
            lines, used = lines + 1, len(word)
        else:
            used += (1 if used else 0) + len(word)
    return lines


def title_size(text: str, width, sizes=(28, 24, 20, 18)) -> tuple[int, int]:
    """The largest of ``sizes`` at which a title fits in two lines, and its lines."""
    for size in sizes:
        lines = text_lines(text, size, width)
        if lines <= 2:
            return size, lines
    return sizes[-1], text_lines(text, sizes[-1], width)


def _chart_slide(prs, title_slide: TitleSlide, chart: Slide, png: bytes, number: int) -> None:
    """Theme, title (shrunk to fit two lines), the chart (native where it can be, else the
    picture) in the room between title and conclusion, the conclusion, the footer."""
    slide = _blank(prs)
    width = SLIDE_WIDTH - 2 * MARGIN
    _text(slide, MARGIN, Inches(0.15), width, Inches(0.35), [chart.thema], 14, colour=GREY)
    size, lines = title_size(chart.title, width)
    title_height = Pt(size * 1.25 * lines) + Inches(0.1)
    _text(slide, MARGIN, Inches(0.45), width, title_height, [chart.title], size, bold=True)
    conclusion = conclusion_size(chart.conclusion)
    conclusion_lines = text_lines(chart.conclusion, conclusion, width)
    conclusion_height = Pt(conclusion * 1.25 * conclusion_lines) + Inches(0.1)
    conclusion_top = SLIDE_HEIGHT - Inches(0.55) - conclusion_height
    top = Inches(0.45) + title_height + Inches(0.1)
    height = Emu(int(conclusion_top - Inches(0.1) - top))
    if not pptx_charts.add(slide, chart.figure, MARGIN, top, width, height):
        picture_width = Emu(min(int(width), int(height * PNG_WIDTH / PNG_HEIGHT)))
        picture_height = Emu(int(picture_width * PNG_HEIGHT / PNG_WIDTH))
        left = Emu(int((SLIDE_WIDTH - picture_width) / 2))
        slide.shapes.add_picture(io.BytesIO(png), left, top, picture_width, picture_height)
    _text(
        slide, MARGIN, conclusion_top, width, conclusion_height, [chart.conclusion], conclusion,
        bold=True,
    )  # fmt: skip
    slide.notes_slide.notes_text_frame.text = chart.conclusion
    _footer(slide, title_slide, number)


def _source_slides(prs, title_slide: TitleSlide, first_number: int) -> None:
    rows = title_slide.sources
    chunks = [
        rows.iloc[i : i + SOURCE_ROWS_PER_SLIDE]
        for i in range(0, max(len(rows), 1), SOURCE_ROWS_PER_SLIDE)
    ]
    for i, chunk in enumerate(chunks):
        slide = _blank(prs)
        width = SLIDE_WIDTH - 2 * MARGIN
        part = f" ({i + 1}/{len(chunks)})" if len(chunks) > 1 else ""
        _text(slide, MARGIN, Inches(0.45), width, Inches(0.8), [f"Bronnen{part}"], 28, bold=True)
        if chunk.empty:
            _text(slide, MARGIN, Inches(1.4), width, Inches(1), ["Geen ingelezen bestanden."], 20)
        else:
            _table(slide, chunk, Inches(1.3), width)
        _footer(slide, title_slide, first_number + i)


def _table(slide, frame, top, width) -> None:
    height = Inches(0.4) * (len(frame) + 1)
    table = slide.shapes.add_table(len(frame) + 1, len(frame.columns), MARGIN, top, width, height)
    cells = table.table
    for c, name in enumerate(frame.columns):
        _cell(cells.cell(0, c), str(name), bold=True)
    for r, row in enumerate(frame.itertuples(index=False), start=1):
        for c, value in enumerate(row):
            _cell(cells.cell(r, c), str(value))
    widths = {"Bestand": 4.2, "Import": 0.8, "Rijen": 0.9}
    rest = (width - sum(Inches(w) for n, w in widths.items() if n in frame.columns)) / max(
        1, len([n for n in frame.columns if n not in widths])
    )
    for c, name in enumerate(frame.columns):
        cells.columns[c].width = Inches(widths[name]) if name in widths else Emu(int(rest))


def _cell(cell, text: str, bold: bool = False) -> None:
    cell.text = text
    for paragraph in cell.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size, run.font.bold = Pt(12), bold


# ---- PDF ---------------------------------------------------------------------------------------


def pdf_converter() -> str | None:
    """LibreOffice, when this machine has it."""
    return shutil.which("libreoffice") or shutil.which("soffice")


def pdf_bytes(pptx: bytes, converter: str | None = None, timeout: float = 180) -> bytes:
    """The deck as PDF through ``libreoffice --headless --convert-to pdf``."""
    converter = converter or pdf_converter()
    if not converter:
        raise NoPdfConverter(
            "PDF maken kan hier niet: LibreOffice ontbreekt op de server. "
            "Open de PowerPoint en kies Opslaan als PDF."
        )
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "presentatie.pptx"
        source.write_bytes(pptx)
        try:
            subprocess.run(
                [converter, "--headless", "--convert-to", "pdf", "--outdir", folder, str(source)],
                check=True,
                capture_output=True,
                timeout=timeout,
                env={**os.environ, "HOME": folder},  # a profile of its own: no lock with a user's
            )
            return (Path(folder) / "presentatie.pdf").read_bytes()
        except (OSError, subprocess.SubprocessError) as error:
            raise PdfFailed(f"LibreOffice maakte geen PDF van de presentatie: {error}") from error
