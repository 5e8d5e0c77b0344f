"""Text from users and files is shown as text, never as markdown: a cell ``![x](http://…)`` in
an upload is no picture the browser fetches, ``[Log opnieuw in](http://…)`` no working link.
One function escapes it (:func:`prestatie.fmt.plain`); a test per entry point checks the
markdown body the page sends: the escaped text is in it and no link or image syntax is.
(Before: a cell, a file name, a template title, an agreement's omschrijving and the name on a
status were rendered, for every later visitor.)"""

from __future__ import annotations

import io
import json
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pandas as pd
import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from prestatie import charts, dashboard, fmt
from prestatie.afspraken import sjabloon, toml_reader
from prestatie.betaalbaarheid import huren_chart, huurverdeling
from prestatie.charts.style import wrap
from prestatie.duurzaamheid import energie_index_chart, labelverdeling_chart
from prestatie.opslag import register_store
from prestatie.presenteren import pptx_charts
from prestatie.referentie import labels
from prestatie.toegang import rollen
from prestatie.voorraad import bandbreedtes_chart, jaarschijven_chart
from prestatie.voorraad.bandbreedtes import Bandpad
from prestatie.woningzoekenden import verhuringen_chart
from ui import context

APP = str(Path(__file__).resolve().parents[1] / "app.py")
BO = "borger-odoorn-2023"
BO_TEXT = (toml_reader.default_folder() / f"{BO}.toml").read_text(encoding="utf-8")
IMAGE = "![x](http://host/label.png)"
LINK = "[Log opnieuw in](http://host/login)"
SAFE_IMAGE = r"\!\[x\](http\://host/label.png)"
SAFE_LINK = r"\[Log opnieuw in\](http\://host/login)"


def unsafe(body: str) -> bool:
    """Link or image syntax markdown would render: ``](`` or ``![`` not escaped."""
    return any(
        body[i - 1 : i] != "\\" and body[i - 1 : i + 1] != "\\]" for i in _all(body, "](")
    ) or any(body[i - 1 : i] != "\\" for i in _all(body, "!["))


def _all(text: str, part: str):
    start = text.find(part)
    while start != -1:
        yield start
        start = text.find(part, start + 1)


# --- the one function ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (IMAGE, SAFE_IMAGE),
        (LINK, SAFE_LINK),
        (
            ":red[rood] $x^2$ **vet** _schuin_ `code`",
            r":red\[rood\] \$x^2\$ \*\*vet\*\* \_schuin\_ \`code\`",
        ),
        ("# kop\n- lijst", r"\# kop - lijst"),
        ("- lijst", r"\- lijst"),  # no heading or list can begin
        ("1. eerste", r"1\. eerste"),
        ("zie www.host.nl of <http://host>", r"zie www\.host.nl of \<http\://host\>"),
        ("Lefier Emmen 31-12-2023.csv", "Lefier Emmen 31-12-2023.csv"),  # plain text stays
        ("kolom D (Netto huur): leeg", "kolom D (Netto huur): leeg"),
        (None, "–"),
    ],
)
def test_plain_escapes_what_markdown_would_render(text, shown):
    assert fmt.plain(text) == shown


def test_plain_text_shows_as_written():
    # what a reader sees: every backslash escape of CommonMark undone gives the text back
    import re

    for text in (IMAGE, LINK, "a_b*c [d] (e) #f !g <h> $i ~j |k :l {m}"):
        assert re.sub(r"\\(.)", r"\1", fmt.plain(text)) == text


# --- entry points through the pages ---------------------------------------------------------


@pytest.fixture
def empty(tmp_path, monkeypatch):
    db = tmp_path / "leeg.duckdb"
    dashboard.open_database(db, demo=False).close()
    monkeypatch.setenv("PRESTATIE_DB", str(db))
    return db


def gegevens(db) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("views/gegevens.py").run()
    return at


STOCK = (
    "Woonservice Borger-Odoorn\nPeildatum: 31-12-2023\n\nVHE;Dorp;Huurprijs;Label\n"
    f"WS1;Exloo;€ 500,00;{IMAGE}\n"
    "WS2;Exloo;€ 600,00;B\n"
)


def test_a_cell_value_in_the_upload_warnings_is_text(empty):
    at = gegevens(empty)
    at.file_uploader[0].upload("voorraad.csv", STOCK.encode(), "text/csv").run()
    assert not at.exception, at.exception
    [warning] = [w.value for w in at.warning if "waarschuwingen" in w.value]
    assert SAFE_IMAGE in warning and not unsafe(warning)


def test_a_file_name_is_text(empty):
    name = "[Log opnieuw in](https:host) voorraad.csv"  # a file name has no slash
    at = gegevens(empty)
    at.file_uploader[0].upload(name, STOCK.encode(), "text/csv").run()
    assert not at.exception, at.exception
    recognised = [m.value for m in at.markdown if "rijen" in m.value]
    assert recognised and all(not unsafe(m) for m in recognised)
    assert any(r"\[Log opnieuw in\](https:host) voorraad.csv" in m for m in recognised)


@pytest.fixture
def demo(demo_db, monkeypatch):
    monkeypatch.setenv("PRESTATIE_DB", str(demo_db))
    return demo_db


def store_version(db: Path, text: str) -> None:
    con = dashboard.open_database(db, demo=False)
    dashboard.save_agreement_version(con, BO, text, "sjabloon x.xlsx", rollen.lokaal("Ans"))
    con.close()


def test_an_agreements_omschrijving_is_text(demo):
    old = 'omschrijving = "Minimaal 90% van de voorraad tot de 2e aftoppingsgrens"'
    assert old in BO_TEXT
    store_version(demo, BO_TEXT.replace(old, f'omschrijving = "{IMAGE}"'))
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["gemeente"] = "Borger-Odoorn"
    at.run()
    at.switch_page("views/betaalbaarheid.py").run()
    assert not at.exception, at.exception
    titles = [s.value for s in at.subheader if s.value.startswith("A1 ·")]
    assert titles == [f"A1 · {SAFE_IMAGE} (Borger-Odoorn)"]


def test_a_template_title_is_text(demo):
    old = 'titel = "Prestatieafspraken 2023 Borger-Odoorn"'
    assert old in BO_TEXT
    # a period that leaves 2021 out, so the Overzicht names the title in a note for 2021
    text = BO_TEXT.replace(old, f'titel = "{LINK}"').replace(
        "periode = [2021, 2024]", "periode = [2023, 2024]"
    )
    store_version(demo, text)
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["gemeente"] = "Borger-Odoorn"
    at.query_params["jaar"] = "2021"
    at.run()
    assert not at.exception, at.exception
    notes = [i.value for i in at.info if "loopt van" in i.value]
    assert notes and all(SAFE_LINK in n and not unsafe(n) for n in notes)


def test_a_template_title_in_an_uploaded_template_is_text(demo, monkeypatch):
    monkeypatch.setattr(context, "today", lambda: date(2024, 6, 1))
    agreement = toml_reader.parse_agreement(BO_TEXT, f"{BO}.toml")
    book = openpyxl.load_workbook(io.BytesIO(sjabloon.write(agreement)))
    rows = {r[0].value: r[1] for r in book["Document"].iter_rows(min_row=2)}
    rows["titel"].value = LINK
    buffer = io.BytesIO()
    book.save(buffer)
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["gemeente"] = "Borger-Odoorn"
    at.run()
    at.switch_page("views/afspraken.py").run()
    mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    at.file_uploader[0].upload("sjabloon.xlsx", buffer.getvalue(), mime).run()
    assert not at.exception, at.exception
    [proposal] = [m.value for m in at.markdown if "), gecontroleerd:" in m.value]
    assert proposal.startswith(f"**{SAFE_LINK}** ({BO})") and not unsafe(proposal)


def test_the_name_on_a_status_is_text(demo, monkeypatch):
    monkeypatch.setattr(context, "today", lambda: date(2024, 6, 1))
    con = dashboard.open_database(demo, demo=False)
    register_store.set_status(con, BO, "A1", 2024, "loopt", "notitie", LINK)
    con.close()
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["gemeente"] = "Borger-Odoorn"
    at.run()
    at.switch_page("views/afspraken.py").run()
    assert not at.exception, at.exception
    [line] = [m.value for m in at.markdown if m.value.startswith("Status in 2024")]
    assert f"gezet door {SAFE_LINK} op" in line and not unsafe(line)


def test_a_broken_documents_reason_on_gegevens_is_text(demo_db, tmp_path, monkeypatch):
    db = tmp_path / "db.duckdb"
    shutil.copy(demo_db, db)
    con = dashboard.open_database(db, demo=False)
    bad = BO_TEXT.replace("bedrag = 678.66", "bedrag = 1e308").replace(
        'titel = "Prestatieafspraken 2023 Borger-Odoorn"', f'titel = "{IMAGE}"'
    )
    register_store.save_version(con, BO, bad, "oud", None)  # as before the checks
    con.close()
    monkeypatch.setenv("PRESTATIE_DB", str(db))
    at = gegevens(db)
    errors = [e.value for e in at.error if "kan niet gelezen worden" in e.value]
    assert errors and all(not unsafe(e) for e in errors)


# --- text in figures: plotly draws <b>, <br> and <a href> ------------------------------------

HTML = 'Tweede Exloërmond <a href="http://x">klik</a> € 5 & <b>co</b>'
SAFE_HTML = (
    'Tweede Exloërmond &lt;a href="http://x"&gt;klik&lt;/a&gt; € 5 &amp; &lt;b&gt;co&lt;/b&gt;'
)


def figure_strings(fig) -> list[str]:
    """Every text in a figure as plotly.js gets it (layout, traces, annotations)."""
    found = []

    def walk(value):
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list | tuple):
            for v in value:
                walk(v)
        elif hasattr(value, "tolist"):
            walk(value.tolist())

    walk(fig.to_dict())
    return found


def shown_as_text(fig) -> bool:
    """The hostile text is in the figure as entities plotly shows as the characters, and no
    tag of it (a link, bold) is left for plotly to draw."""
    texts = [t.replace("<br>", " ") for t in figure_strings(fig)]  # a title wrapped over lines
    tags = [t for t in texts if "<a " in t or "<b>co" in t]
    return not tags and any(SAFE_HTML in t for t in texts)


def test_figure_text_escapes_the_tags_plotly_draws():
    assert fmt.figure_text(HTML) == SAFE_HTML
    assert fmt.figure_text(fmt.figure_text(HTML)) == SAFE_HTML  # not twice
    assert fmt.figure_text("Exloërmond € 697,07") == "Exloërmond € 697,07"
    assert fmt.from_figure_text(SAFE_HTML) == HTML


def test_a_title_and_a_wrapped_title_are_text():

    assert shown_as_text(charts.layout(go.Figure(), f"A1: {HTML}"))
    wrapped = wrap(f"Een lange omschrijving van een afspraak: {HTML}", 30)
    assert "<br>" in wrapped and "<a " not in wrapped
    assert SAFE_HTML.split(" ")[2] in wrapped  # &lt;a


def _evaluations(**extra) -> pd.DataFrame:
    row = {
        "afspraak": HTML, "corporatie": HTML, "periode": "2023", "waarde": 0.5, "norm": 0.9,
        "status": "niet behaald", "document_titel": HTML, "omschrijving": HTML,
    }  # fmt: skip
    return pd.DataFrame([{**row, **extra}])


def test_the_overview_figures_show_names_as_text():

    assert shown_as_text(charts.status_counts(_evaluations()))
    assert shown_as_text(charts.share_against_norm(_evaluations(), "Aandelen"))
    assert shown_as_text(charts.jaarschijf(_evaluations(norm=10, waarde=8.0), "Jaarschijven"))
    batches = pd.DataFrame(
        [{"stand": "actief", "corporatie": HTML, "soort": "voorraad", "rijen": 3}]
    )
    assert shown_as_text(charts.rows_per_batch(batches))
    register = pd.DataFrame([{"document": "d", "status": "loopt"}])
    assert shown_as_text(charts.register_status(register, {"d": HTML}))
    vhe = pd.DataFrame(
        [{"corporatie": HTML, "peildatum": date(2023, 12, 31), "label": "A", "aantal": 2}]
    )
    assert shown_as_text(charts.label_distribution(vhe, "Labels"))


def test_the_betaalbaarheid_figures_show_kern_and_corporation_names_as_text():
    stand = pd.DataFrame(
        [{"scope": HTML, "waarde": 0.8, "deel": 8.0, "totaal": 10.0, "norm": 0.9, "tekort": 1,
          "status": "niet behaald"}]
    )  # fmt: skip
    fig = huren_chart.share_against_norm(stand, "min", "A1")
    assert shown_as_text(fig)
    assert fig.layout.annotations[0].y == fig.data[0].y[0]  # the note stays beside its bar
    trend = stand.assign(jaar=2023, peildatum=date(2023, 12, 31))
    assert shown_as_text(huren_chart.trend(trend, pd.DataFrame({"jaar": [], "norm": []}), "A1"))
    kernen = pd.DataFrame(
        [{"naam": HTML, "deel": 1.0, "totaal": 3.0, "waarde": 1 / 3, "tekort": 2,
          "haalt_norm": False}]
    )  # fmt: skip
    assert shown_as_text(huren_chart.per_kern(kernen, 0.9, "min", "A1 per kern"))
    bins = pd.DataFrame({"van_cent": [60000.0], "aantal": [1]})
    line = huurverdeling.Grenslijn(f"{HTML}: grens", Decimal("600"), 1.0, document=True)
    fig = huren_chart.rent_distribution(bins, [line], "Huurverdeling", HTML)
    assert shown_as_text(fig)
    assert fig.layout.annotations[0].text.endswith("<br>€ 600,00 · 100,0% t/m")  # its own <br>


def test_the_duurzaamheid_figures_show_corporation_names_as_text():
    trend = pd.DataFrame(
        [{"corporatie": HTML, "gemeente": "Emmen", "peildatum": date(2023, 12, 31),
          "gemiddelde": 1.2, "label": "A", "met_index": 2, "totaal": 2}]
    )  # fmt: skip
    assert shown_as_text(energie_index_chart.energy_index(trend, "Energie-index"))
    counts = pd.DataFrame(
        [{"corporatie": HTML, "gemeente": "Emmen", "peildatum": date(2023, 12, 31),
          **{k: (2 if k == "A" else 0) for k in labels.ALLE}}]
    ).set_index(["corporatie", "gemeente", "peildatum"])  # fmt: skip
    assert shown_as_text(labelverdeling_chart.label_distribution(counts, "Labels"))


def test_the_woningzoekenden_figure_shows_corporation_and_gemeente_names_as_text():

    frame = pd.DataFrame(
        [{"corporatie": HTML, "gemeente": g, "jaar": 2023, "aantal": 4} for g in ("Emmen", HTML)]
    )
    fig = verhuringen_chart.per_jaar(frame, "aantal", "Verhuringen", "verhuringen")
    assert shown_as_text(fig)
    assert HTML not in fig.data[0].hovertemplate  # the name comes from the legend, escaped


def test_the_voorraad_figures_show_an_omschrijving_as_text():
    rows = pd.DataFrame(
        [{"doel": "B6", "omschrijving": f"Nieuwbouw volgens de jaarschijf {HTML}",
          "cum_vanaf": 2023, "jaar": 2023, "periode": "2023", "status": "behaald", "lopend": False,
          "plan_laag": 2.0, "plan_hoog": 2.0, "gerealiseerd": 2.0, "prognose": float("nan"),
          "cum_plan_laag": 2.0, "cum_plan_hoog": 2.0, "cum_gerealiseerd": 2.0,
          "cum_prognose": float("nan")}]
    )  # fmt: skip
    assert shown_as_text(jaarschijven_chart.jaarschijven(rows, "Jaarschijven"))
    pad = Bandpad(
        doel=None, corporatie="Lefier", basis=2015, indicatief=False,
        pad=pd.DataFrame({"jaar": [2023], "stand": [100], "verandering": [-5]}),
        normen=pd.DataFrame({"jaar": [2026], "laag": [-10.0], "hoog": [-60.0]}),
    )  # fmt: skip
    assert shown_as_text(bandbreedtes_chart.band(pad, f"BB-3: {HTML}"))


def test_a_powerpoint_chart_shows_the_text_as_written():

    batches = pd.DataFrame([{"stand": "actief", "corporatie": HTML, "soort": HTML, "rijen": 3}])
    _, data, _ = pptx_charts.chart_data(charts.rows_per_batch(batches))
    assert list(data.categories)[0].label == HTML
    assert [s.name for s in data] == [HTML]


def test_a_document_title_is_text_in_the_register_figure_of_the_page(demo):
    old = 'titel = "Prestatieafspraken 2023 Borger-Odoorn"'
    store_version(demo, BO_TEXT.replace(old, f"titel = '{HTML}'"))
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["gemeente"] = "Borger-Odoorn"
    at.run()
    at.switch_page("views/afspraken.py").run()
    assert not at.exception, at.exception
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    register = [s for s in specs if s["layout"]["title"]["text"] == "Afspraken naar status"]
    assert register and shown_as_text(go.Figure(register[0]))
