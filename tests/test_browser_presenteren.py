"""Presenteren in Debian's chromium: the presentation mode with the keyboard, and the deck
downloaded from the page and opened with python-pptx."""

from __future__ import annotations

import io
from datetime import date

import pytest

playwright = pytest.importorskip("playwright.sync_api")
from playwright.sync_api import expect  # noqa: E402
from pptx import Presentation  # noqa: E402
from pptx.enum.shapes import MSO_SHAPE_TYPE  # noqa: E402

from tests.browser import new_page  # noqa: E402

pytestmark = pytest.mark.browser
WAIT = 60_000
SELECTION = "gemeente=Borger-Odoorn&corporatie=Lefier&jaar=2024"
A1 = "Minimaal 90% van de voorraad tot de 2e aftoppingsgrens (Borger-Odoorn)"


@pytest.fixture
def page(chromium, demo_server):
    page = new_page(chromium, 1600, 900)
    page.set_default_timeout(WAIT)
    page.goto(f"{demo_server}/?{SELECTION}")
    expect(page.get_by_role("heading", name="Overzicht prestatieafspraken")).to_be_visible(
        timeout=WAIT
    )
    page.get_by_role("link", name="Presenteren").click()
    expect(page.get_by_role("heading", name="Presenteren", exact=True)).to_be_visible(timeout=WAIT)
    yield page
    page.context.close()


def test_presentation_hides_the_sidebar_and_follows_the_arrow_keys(page):
    page.get_by_role("button", name="Presentatie starten").click()
    expect(page.get_by_role("heading", name="Stand van de doelen per corporatie")).to_be_visible(
        timeout=WAIT
    )
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    expect(page.get_by_test_id("stPlotlyChart")).to_have_count(1)
    page.keyboard.press("ArrowRight")
    expect(page.get_by_text("2 / 5", exact=True)).to_be_visible(timeout=WAIT)
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("heading", name=A1)).to_be_visible(timeout=WAIT)
    expect(page.get_by_text("3 / 5", exact=True)).to_be_visible()
    page.keyboard.press("ArrowLeft")
    expect(page.get_by_text("2 / 5", exact=True)).to_be_visible(timeout=WAIT)
    page.keyboard.press("Escape")
    expect(page.get_by_role("heading", name="Presenteren", exact=True)).to_be_visible(timeout=WAIT)
    expect(page.get_by_test_id("stSidebar")).to_be_visible()


def test_deck_downloads_and_opens_in_python_pptx(page, tmp_path):
    # Two charts keep chromium's work small: drop the other three from the deck.
    for title in (
        "Huren tegen de huurgrenzen, Borger-Odoorn, eind 2024",
        "Energielabels per corporatie en peildatum, Borger-Odoorn",
        "Jaarschijven Borger-Odoorn 2024: gerealiseerd tegen de afspraak",
    ):
        remove = page.get_by_role("button", name=f"Remove {title}")
        remove.click()
        expect(remove).to_have_count(0, timeout=WAIT)
    page.get_by_role("button", name="PowerPoint maken").click()
    download_button = page.get_by_role("button", name="PowerPoint downloaden")
    expect(download_button).to_be_visible(timeout=WAIT)
    with page.expect_download() as info:
        download_button.click()
    download = info.value
    today = date.today().isoformat()
    assert download.suggested_filename == f"monitor-borger-odoorn-lefier-2024-{today}.pptx"
    path = tmp_path / "deck.pptx"
    download.save_as(path)
    prs = Presentation(io.BytesIO(path.read_bytes()))
    slides = list(prs.slides)
    texts = [[s.text_frame.text for s in slide.shapes if s.has_text_frame] for slide in slides]
    # title slide, the two charts, the imports of Lefier in Borger-Odoorn on one slide
    assert len(slides) == 4
    cover = "\n".join(texts[0])
    assert "Borger-Odoorn" in texts[0] and "Selectie: Borger-Odoorn · Lefier · 2024" in cover
    assert "Stand van de doelen per corporatie" in texts[1]
    assert A1 in texts[2]
    assert any(t.startswith("Stand 2024: Lefier haalt met") for t in texts[2])
    kinds = []
    for slide in slides[1:3]:  # a plain bar chart is a native chart; bars with marks a picture
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        charts = [s for s in slide.shapes if s.has_chart]
        assert len(charts) + len(pictures) == 1
        assert all(p.image.content_type == "image/png" for p in pictures)
        kinds.append("chart" if charts else "picture")
    assert kinds == ["chart", "picture"]  # the status counts; the share with its norm marks
    assert texts[3][0] == "Bronnen"


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080)])
def test_every_slide_fits_the_projector_without_scrolling(chromium, demo_server, width, height):
    """Title, chart, conclusion and the Vorige/Volgende buttons of every slide lie inside the
    screen, one under the other, and the page does not scroll."""
    page = new_page(chromium, width, height)
    page.set_default_timeout(WAIT)
    page.goto(f"{demo_server}/presenteren?{SELECTION}")
    page.get_by_role("button", name="Presentatie starten").click()
    count = None
    for number in range(1, 6):
        expect(page.get_by_text(f"{number} / ", exact=False).first).to_be_visible(timeout=WAIT)
        page.wait_for_timeout(600)  # the chart lays itself out in its room
        boxes = [
            page.locator("h1").first.bounding_box(),
            page.get_by_test_id("stPlotlyChart").bounding_box(),
            page.locator(".st-key-dia_conclusie").bounding_box(),
            page.locator(".st-key-dia_knoppen").bounding_box(),
        ]
        assert all(b is not None and b["height"] > 0 for b in boxes)
        for upper, lower in zip(boxes, boxes[1:], strict=False):
            assert upper["y"] + upper["height"] <= lower["y"] + 1  # no overlap, in this order
        assert boxes[-1]["y"] + boxes[-1]["height"] <= height  # the buttons on screen
        assert boxes[1]["height"] >= 180  # a chart, not a sliver
        scroll = page.evaluate("document.scrollingElement.scrollHeight")
        assert scroll <= height + 1
        count = page.get_by_text(" / ", exact=False).first.inner_text()
        if number < 5:
            page.keyboard.press("ArrowRight")
    assert count.endswith("5 / 5") or count.endswith("/ 5")
    page.context.close()
