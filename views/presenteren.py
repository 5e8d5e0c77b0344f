"""Presenteren: the dashboard on the projector of the overleg, one chart per screen, and the
exports that go into the minutes (PowerPoint, PNG per chart, PDF, Excel)."""

import html

import streamlit as st

from prestatie import dashboard
from prestatie.presenteren import deck, monitor_excel
from prestatie.presenteren.slides import (
    Slide,
    latest_years,
    selection_text,
    slides_for,
    title_slide,
)
from prestatie.woningzoekenden import verhuringen
from ui import context, fouten

selection = context.frame()
cursor = context.cursor()
evaluations = context.evaluations()
stock = context.stock(selection)
rent_bins = {
    gemeente: context.rent_bins(None, gemeente, selection.corporatie, "kale huur", jaar)
    for gemeente, jaar in latest_years(stock).items()
}
slides = context.memo(
    slides_for, evaluations, stock, rent_bins, context.leefbaarheid(selection.gemeente)
)

PROJECTOR_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"] {
    display: none !important;
}
[data-testid="stMainBlockContainer"] { padding: 0.6rem 2.5rem 0.3rem; max-width: 100%; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 0.4rem; }
/* sizes follow the screen's height, so title, chart, conclusion and buttons fit 1280×720 and
   1920×1080 without scrolling: the chart takes what the text leaves */
h1.dia-titel {
    font-size: clamp(1.4rem, 4.2vh, 2.6rem); line-height: 1.2; margin: 0; padding: 0;
    font-weight: 700;
}
/* the demo notice stays, as one small line */
[data-testid="stAlert"] { font-size: 0.85rem; }
[data-testid="stAlert"] [data-testid="stAlertContainer"] { padding: 0.3rem 0.8rem; }
.st-key-dia_conclusie [data-testid="stText"] {
    font-size: clamp(1.1rem, 3.4vh, 2rem); font-weight: 600; line-height: 1.25;
}
.st-key-dia_kop [data-testid="stText"] { font-size: clamp(0.9rem, 2.2vh, 1.2rem); color: #555; }
.st-key-dia_knoppen button p { font-size: clamp(1rem, 2.4vh, 1.3rem); }
.st-key-dia_grafiek_vak { min-height: 11rem; overflow: hidden; flex: 0 0 auto; }
.st-key-dia_grafiek_vak > div { min-height: 0 !important; height: 100% !important; }
.st-key-dia_grafiek_vak [data-testid="stPlotlyChart"], .st-key-dia_grafiek_vak .stPlotlyChart,
.st-key-dia_grafiek_vak .js-plotly-plot, .st-key-dia_grafiek_vak .plot-container,
.st-key-dia_grafiek_vak .svg-container { height: 100% !important; }
</style>
"""


def _index(count: int) -> int:
    """The slide on screen, kept within the slides of the current selection."""
    index = min(max(0, st.session_state.get("dia", 0)), max(0, count - 1))
    st.session_state["dia"] = index
    return index


def _move(step: int, count: int) -> None:
    st.session_state["dia"] = min(max(0, st.session_state.get("dia", 0) + step), count - 1)


def _present(on: bool) -> None:
    st.session_state["presenteren"] = on
    st.session_state["zijbalk_terug"] = not on


@st.fragment
@fouten.guarded("Presenteren")
def _viewer(slides: list[Slide]) -> None:
    """One slide at full width; the arrow keys and the buttons go back and forth."""
    index = _index(len(slides))
    slide = slides[index]
    with st.container(key="dia_kop", horizontal=True, vertical_alignment="center"):
        st.text(f"{slide.thema} · {selection_text(selection)}", width="stretch")
        st.text(f"{index + 1} / {len(slides)}")
        if st.button("Stoppen", icon=":material/close:", shortcut="Esc", key="dia_stop"):
            _present(False)
            st.rerun(scope="app")
    # the title as plain HTML, so its box is its text (escaped: a title can hold a file's words)
    st.html(f'<h1 class="dia-titel">{html.escape(slide.title)}</h1>')
    # the chart gets the height the text leaves: more lines of title or conclusion, less chart
    title_lines = 1 + len(slide.title) // 75
    conclusion_lines = 1 + len(slide.conclusion) // 105
    reserve = f"15rem + {6 + 6 * (title_lines - 1) + 4.5 * (conclusion_lines - 1)}vh"
    room = f"calc(100vh - ({reserve}))"
    st.html(f"<style>.st-key-dia_grafiek_vak {{ height: {room} !important; }}</style>")
    with st.container(key="dia_grafiek_vak"):
        st.plotly_chart(
            slide.on_screen,  # made once per slide: the slides are shared (memo)
            key="dia_grafiek",
            height="stretch",  # the room the screen leaves (PROJECTOR_CSS)
            theme=None,  # the figure's own large type, not the app theme's
            config={"displayModeBar": False, "responsive": True},
        )
    with st.container(key="dia_conclusie"):
        st.text(slide.conclusion, width="stretch")
    with st.container(key="dia_knoppen", horizontal=True):
        st.button(
            "Vorige",
            icon=":material/arrow_back:",
            shortcut="Left",
            disabled=index == 0,
            on_click=_move,
            args=(-1, len(slides)),
            key="dia_vorige",
        )
        st.button(
            "Volgende",
            icon=":material/arrow_forward:",
            shortcut="Right",
            disabled=index == len(slides) - 1,
            on_click=_move,
            args=(1, len(slides)),
            key="dia_volgende",
        )


if st.session_state.get("presenteren") and slides:
    st.set_page_config(initial_sidebar_state="collapsed")
    st.html(PROJECTOR_CSS)
    _viewer(slides)
    st.stop()

if st.session_state.pop("zijbalk_terug", False):
    st.set_page_config(initial_sidebar_state="expanded")  # the filters again, after a show
st.title("Presenteren")
st.caption(
    "Eén grafiek per scherm, in grote letters, met per grafiek één conclusie in gewone "
    "woorden. De dia's volgen de selectie in de zijbalk: "
    f"**{selection_text(selection)}**."
)
if not slides:
    st.info("Geen grafieken voor deze selectie. Kies een andere selectie of lees gegevens in.")
    st.stop()

st.button(
    f"Presentatie starten ({len(slides)} dia's)",
    type="primary",
    icon=":material/slideshow:",
    on_click=_present,
    args=(True,),
    key="start",
)
st.caption("In de presentatie: pijltjestoetsen voor vorige en volgende, Esc om te stoppen.")
st.dataframe(
    [
        {"Dia": i, "Thema": s.thema, "Titel": s.title, "Conclusie": s.conclusion}
        for i, s in enumerate(slides, start=1)
    ],
    hide_index=True,
    column_config={"Conclusie": st.column_config.TextColumn(width="large")},
)

st.header("Voor het verslag")
titles = {s.key: s.title for s in slides}
chosen = st.multiselect(
    "Grafieken in de presentatie",
    list(titles),
    default=list(titles),
    format_func=titles.get,
    key="deck_keuze",
    placeholder="Kies grafieken",
)
today = context.today()
signature = (selection, dashboard.data_version(cursor), today, tuple(chosen))
if st.button(
    "PowerPoint maken", icon=":material/co_present:", disabled=not chosen, key="deck_maken"
):
    cover = title_slide(
        context.agreements(), evaluations, selection, today, dashboard.batches(cursor)
    )
    bar = st.progress(0.0, text="Grafieken tekenen …")

    def report(done: int, total: int, text: str) -> None:
        bar.progress(done / total, text=f"{text[:1].upper()}{text[1:]} …")

    try:
        made = deck.build(cover, [s for s in slides if s.key in chosen], report)
    except (deck.NoBrowser, deck.DrawError) as error:
        st.error(f"De PowerPoint is niet gemaakt. {error}", icon=":material/error:")
    else:
        pdf = None
        if deck.pdf_converter():
            bar.progress(1.0, text="PDF maken …")
            try:
                pdf = deck.pdf_bytes(made.pptx)
            except deck.PdfFailed as error:
                st.warning(str(error))
        st.session_state["deck"] = (signature, made, pdf)
    bar.empty()

stored = st.session_state.get("deck")
if stored and stored[0] == signature:
    _, made, pdf = stored
    with st.container(horizontal=True):
        st.download_button(
            "PowerPoint downloaden",
            made.pptx,
            file_name=monitor_excel.file_name(selection, today, "pptx"),
            mime=deck.PPTX_MIME,
            icon=":material/download:",
            on_click="ignore",
            type="primary",
            key="download_pptx",
        )
        st.download_button(
            "Grafieken als PNG (zip)",
            made.png_zip(),
            file_name=monitor_excel.file_name(selection, today, "zip"),
            mime="application/zip",
            icon=":material/image:",
            on_click="ignore",
            key="download_png",
        )
        if pdf:
            st.download_button(
                "PDF downloaden",
                pdf,
                file_name=monitor_excel.file_name(selection, today, "pdf"),
                mime="application/pdf",
                icon=":material/picture_as_pdf:",
                on_click="ignore",
                key="download_pdf",
            )
    if not pdf:
        st.caption(
            "Geen PDF: op deze server ontbreekt LibreOffice (`libreoffice --headless "
            "--convert-to pdf`). Open de PowerPoint en kies *Opslaan als PDF*."
        )
elif stored:
    st.caption("De selectie of de gegevens zijn veranderd: maak de PowerPoint opnieuw.")

st.download_button(
    "Monitor als Excel",
    lambda: monitor_excel.workbook_bytes(  # built on click, not on every rerun
        evaluations,
        dashboard.voorraad_summary(cursor),
        dashboard.productie_summary(cursor),
        dashboard.batches(cursor),
        selection,
        today,
        verhuringen.summary(*context.lettings(selection.gemeente)).to_dict("records"),
    ),
    file_name=monitor_excel.file_name(selection, today, "xlsx"),
    mime=monitor_excel.XLSX_MIME,
    icon=":material/table_view:",
    on_click="ignore",
    key="download_excel",
)
st.caption(
    "Elk doel met norm, gerealiseerde waarde en status, en de tabellen erachter: voorraad, "
    "productie, verhuringen en de ingelezen bestanden."
)
