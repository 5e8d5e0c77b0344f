"""What every page shares: the database cursor, the filters in the URL, the demo banner.

One DuckDB connection per process (``st.cache_resource``); every script run (each session's
thread) gets its own cursor from it. The filters live in ``st.session_state`` and are mirrored
into the URL query string, so a copied link reproduces the view. Query values are plain names
and years, checked against what the database holds.
"""

from __future__ import annotations

import threading
from datetime import date

import duckdb
import streamlit as st

from prestatie import dashboard
from prestatie.beoordeling import selectie

ALLE = "Alle"
FILTERS = ("gemeente", "corporatie", "jaar")


@st.cache_resource(
    show_spinner="Database openen; bij de eerste start worden de demonstratiegegevens ingelezen …"
)
def _connection(path: str) -> duckdb.DuckDBPyConnection:
    return dashboard.open_database(path)


_local = threading.local()


def cursor() -> duckdb.DuckDBPyConnection:
    """A cursor of its own for each script run: Streamlit runs each session's script in its own
    thread, and a new run can start before the previous one has stopped, so a cursor per
    thread keeps two runs from sharing one ("connection is busy")."""
    path = str(dashboard.db_path())
    if getattr(_local, "path", None) != path:
        _local.cursor = _connection(path).cursor()
        _local.path = path
    return _local.cursor


def today() -> date:
    return date.today()


def filters() -> selectie.Filters:
    state = st.session_state
    jaar = state.get("f_jaar", ALLE)
    return selectie.Filters(
        gemeente=None if state.get("f_gemeente", ALLE) == ALLE else state["f_gemeente"],
        corporatie=None if state.get("f_corporatie", ALLE) == ALLE else state["f_corporatie"],
        jaar=None if jaar == ALLE else int(jaar),
    )


def sidebar_filters() -> selectie.Filters:
    """Gemeente, corporatie and jaar in the sidebar, initialised from and kept in the URL.

    Made for hundreds of gemeenten and corporations: the selects are searchable, the names
    with data come first (those only an agreement names follow, marked), and the corporaties
    are those of the chosen gemeente.
    """
    dims, plans = dimensions(), agreements()

    def keep(name: str, choices: list[str]) -> None:
        """The value kept for a filter: from the URL at first, Alle once it is not offered."""
        kept = f"keep_{name}"  # plain state survives page switches; widget state does not
        if kept not in st.session_state:
            wanted = st.query_params.get(name)
            st.session_state[kept] = wanted if wanted in choices else ALLE
        if st.session_state[kept] not in choices:
            st.session_state[kept] = ALLE
        st.session_state[f"f_{name}"] = st.session_state[kept]

    everywhere = dashboard.sidebar_choices(dims, plans)
    options = {"gemeente": [ALLE, *everywhere.gemeenten]}
    keep("gemeente", options["gemeente"])
    gemeente = st.session_state["keep_gemeente"]
    here = everywhere if gemeente == ALLE else dashboard.sidebar_choices(dims, plans, gemeente)
    options["corporatie"] = [ALLE, *here.corporaties]
    options["jaar"] = [ALLE, *[str(y) for y in dashboard.years(dims)]]
    for name in ("corporatie", "jaar"):
        keep(name, options[name])
    without = {
        "gemeente": everywhere.gemeenten_without_data,
        "corporatie": here.corporaties_without_data,
        "jaar": frozenset(),
    }
    with st.sidebar:
        st.header("Selectie")
        for name, label, help_text in (
            (
                "gemeente",
                "Gemeente",
                "Typ een deel van de naam om te zoeken. Eerst de gemeenten met gegevens, daarna "
                "die alleen in een afspraak staan.",
            ),
            (
                "corporatie",
                "Corporatie",
                "Typ een deel van de naam om te zoeken. De corporaties met gegevens in de "
                "gekozen gemeente, daarna die alleen in een afspraak daar staan.",
            ),
            (
                "jaar",
                "Jaar",
                "Het jaar waarover gerapporteerd wordt; een peildatum 1 januari "
                "telt voor het jaar ervoor.",
            ),
        ):
            st.selectbox(
                label,
                options[name],
                key=f"f_{name}",
                help=help_text,
                placeholder="Typ om te zoeken",
                format_func=lambda v, no=without[name]: f"{v} (geen gegevens)" if v in no else v,
                on_change=_remember,
                args=(name,),
            )
    # Written on every run: a page switch in the browser drops the query string.
    st.query_params.from_dict(
        {
            name: st.session_state[f"f_{name}"]
            for name in FILTERS
            if st.session_state[f"f_{name}"] != ALLE
        }
    )
    return filters()


def _remember(name: str) -> None:
    st.session_state[f"keep_{name}"] = st.session_state[f"f_{name}"]


def frame() -> selectie.Filters:
    """What every page starts with: the selection in the sidebar and the demo notice."""
    selection = sidebar_filters()
    demo_banner()
    return selection


def demo_banner() -> None:
    if dashboard.has_demo_data(cursor()):
        st.warning(
            "**Demonstratiegegevens.** Alle cijfers op dit scherm zijn verzonnen, om te laten "
            "zien wat prestatie doet. Beginnen met een lege database: verwijder de demo op de "
            "pagina *Gegevens* (of `prestatie leeg --ja`) en lees uw eigen bestanden in.",
            icon=":material/science:",
        )


def _key() -> tuple[str, str]:
    """The database and the version of its data: what every cached read is keyed on."""
    path = str(dashboard.db_path())
    return path, dashboard.data_version(cursor())


# Reads that every rerun would repeat, cached until an import, undo or agreement change.


@st.cache_data(show_spinner="Doelen beoordelen …", max_entries=16)
def _evaluations(path: str, version: str, day: date, prijspeil: str, huur: str):
    return dashboard.evaluations(_connection(path).cursor(), day, prijspeil, huur=huur)


@st.cache_data(show_spinner=False, max_entries=4)
def _stock(path: str, version: str):
    return dashboard.stock(_connection(path).cursor())


@st.cache_data(show_spinner=False, max_entries=4)
def _facts(path: str, version: str, day: date):
    return dashboard.facts(_connection(path).cursor(), day)


@st.cache_data(show_spinner=False, max_entries=4)
def _agreements(path: str, version: str):
    return dashboard.agreements(_connection(path).cursor())


@st.cache_data(show_spinner=False, max_entries=4)
def _dimensions(path: str, version: str):
    return dashboard.dimensions(_connection(path).cursor())


def evaluations(prijspeil: str = "geindexeerd", filtered: bool = True, huur: str = "kale huur"):
    """Every evaluation, narrowed to the sidebar's selection unless ``filtered`` is False."""
    result = _evaluations(*_key(), today(), prijspeil, huur)
    if not filtered:
        return result
    selection = filters()
    return [e for e in result if dashboard.matches(e, selection)]


def stock(selection: selectie.Filters | None = None):
    """The stock per verslagjaar (see :func:`prestatie.dashboard.stock`) of a selection."""
    return dashboard.select_stock(_stock(*_key()), selection)


def facts():
    """What the monitor reads (see :func:`prestatie.dashboard.facts`), as of today."""
    return _facts(*_key(), today())


def agreements():
    return _agreements(*_key())


def dimensions() -> dict[str, list]:
    return _dimensions(*_key())
