"""What every page shares: the database cursor, the filters in the URL, the demo banner.

The database connection is held per script run and closed between runs (:mod:`ui.verbinding`);
every script run (each session's thread) gets its own cursor. The filters live in
``st.session_state`` and are mirrored into the URL query string, so a copied link reproduces
the view. Query values are plain names and years, checked against what the database holds.
"""

from __future__ import annotations

import collections
import dataclasses
import threading
from datetime import date

import duckdb
import streamlit as st

from prestatie import dashboard
from prestatie.beoordeling import huurregel, selectie
from ui import style, verbinding

ALLE = "Alle"
FILTERS = ("gemeente", "corporatie", "jaar")


_local = threading.local()


def cursor() -> duckdb.DuckDBPyConnection:
    """This script run's cursor (:mod:`ui.verbinding`: the connection is open while a run needs
    it and closed between runs, so the command line can import beside the app)."""
    return verbinding.cursor()


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
    """What every page starts with: the selection in the sidebar and the demo notice. The data
    version is read once here, for the whole run (see :func:`_key`)."""
    _local.key = None
    _local.tokens = {}
    _local.key = _key()
    style.apply()
    selection = sidebar_filters()
    from ui import toegang  # it reads the cursor from here

    toegang.notice()
    demo_banner()
    return selection


def demo_banner() -> None:
    """The demo notice, only while demonstration imports are in force; with real imports beside
    them it says which part is invented."""
    if text := _demo_notice(*_key()):
        st.warning(text, icon=":material/science:")


@st.cache_data(show_spinner=False, max_entries=4)
def _demo_notice(path: str, version: str) -> str | None:
    return dashboard.demo_notice(cursor())


def _key() -> tuple[str, str]:
    """The database and the version of its data: what every cached read is keyed on. Read once
    per run by :func:`frame`; a page that writes reruns (``st.rerun``) to see its change."""
    known = getattr(_local, "key", None)
    path = str(dashboard.db_path())
    if known is not None and known[0] == path:
        return known
    return path, dashboard.data_version(cursor())


def data_changed() -> None:
    """After a write in this run: later reads of the run see the new data version."""
    _local.key = None


# Reads that every rerun would repeat, cached until an import, undo or agreement change.


@st.cache_data(show_spinner="Doelen beoordelen …", max_entries=16)
def _evaluations(path: str, version: str, day: date, prijspeil: str, huur: str):
    return dashboard.evaluations(cursor(), day, prijspeil, huur=huur)


@st.cache_data(show_spinner=False, max_entries=64)
def _stock(path: str, version: str, selection: selectie.Filters, by: tuple[str, ...], huur: str):
    return dashboard.stock(cursor(), selection, by=by, huur=huur)


@st.cache_data(show_spinner=False, max_entries=16)
def _facts(path: str, version: str, day: date):
    return dashboard.monitor_facts(cursor(), day)


@st.cache_data(show_spinner=False, max_entries=16)
def _stock_flow(path: str, version: str, day: date, gemeente: str | None):
    return dashboard.stock_flow_facts(cursor(), day, gemeente)


def stock_flow(gemeente: str | None):
    """What the stock waterfall reads (:func:`prestatie.dashboard.stock_flow_facts`)."""
    token = ("stock_flow", today(), gemeente)
    return _traced(token, _stock_flow(*_key(), *token[1:]))


@st.cache_data(show_spinner=False, max_entries=32)
def _rent_bins(path, version, peildatum, gemeente, corporatie, huur: str, jaar):
    con = cursor()
    return dashboard.rent_bins(con, peildatum, gemeente, corporatie, huur, jaar)


@st.cache_data(show_spinner=False, max_entries=4)
def _agreements(path: str, version: str):
    return dashboard.agreements(cursor())


@st.cache_data(show_spinner=False, max_entries=4)
def _dimensions(path: str, version: str):
    return dashboard.dimensions(cursor())


class _Memo:
    """The figures and frames :func:`memo` computed, shared by every session of this process:
    least recently used first out. A plain dict: its keys are tokens (tuples of small values),
    hashed by Python in microseconds; Streamlit's cache hashes a key by walking it, ~16 ms for
    the token of a list of 160 evaluations."""

    def __init__(self, size: int):
        self.size = size
        self.lock = threading.Lock()
        self.values: collections.OrderedDict = collections.OrderedDict()

    def get(self, key, compute):
        with self.lock:
            if key in self.values:
                self.values.move_to_end(key)
                return self.values[key]
        value = compute()  # outside the lock: sessions compute side by side
        with self.lock:
            self.values[key] = value
            self.values.move_to_end(key)
            while len(self.values) > self.size:
                self.values.popitem(last=False)
        return value


_memo_store = _Memo(2048)


@st.cache_resource(show_spinner=False, max_entries=256)
def _memo_hashed(path: str, version: str, name: str, token, _args: tuple, _kwargs: dict, _fn):
    """A memo whose inputs include a value no reader handed out and Python cannot hash (a frame
    made on the page): Streamlit hashes it by value."""
    return _fn(*_args, **_kwargs)


# What each object a reader or a memo handed out in this run stands for: id -> (the object, its
# token). A token is small (the reader's name and arguments), so a memo's key is hashed in
# microseconds instead of hashing frames and lists of evaluations on every rerun. The objects are
# held for the run, so an id cannot be reused while its token is known; the table starts empty
# with each run (:func:`frame`).
_SIMPLE = (str, int, float, bool, date, type(None))


def _tokens() -> dict[int, tuple[object, tuple]]:
    known = getattr(_local, "tokens", None)
    if known is None:
        known = _local.tokens = {}
    return known


def _traced(token: tuple, value, each: bool = False):
    """``value`` handed out under ``token``; with ``each`` also every element of it (a list or
    tuple by position, a dict by key) and every field of a dataclass among them, under
    ``token`` and where it sits: a part taken from it, or a list filtered from it, is known too."""
    known = _tokens()
    known[id(value)] = (value, token)
    if not each:
        return value
    if isinstance(value, dict):
        parts = list(value.items())
    elif isinstance(value, (list, tuple)):
        parts = list(enumerate(value))
    else:
        parts = []
    for where, item in [*parts, *_fields(value)]:
        known[id(item)] = (item, (token, where))
        for name, field in _fields(item):
            known[id(field)] = (field, (token, where, name))
    return value


def _fields(value) -> list[tuple[str, object]]:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [(f.name, getattr(value, f.name)) for f in dataclasses.fields(value)]
    return []


def _token(value):
    """What stands for ``value`` in a memo's key: the value itself when it is plain or a frozen
    dataclass Python can hash (so an object is the same key whether or not this run handed it
    out), its token when a reader or memo of this run handed it out, a list or tuple element by
    element, else the value (Streamlit hashes it)."""
    if isinstance(value, (bool, float)):
        return (type(value).__name__, value)  # 1, 1.0 and True are equal keys to Python
    if isinstance(value, _SIMPLE):
        return value
    if _frozen(value):  # a Doel, an Evaluation, Filters: the same key in every run
        try:
            hash(value)
        except TypeError:  # a field holds a frame: keyed by where it came from
            pass
        else:
            return value
    known = _tokens().get(id(value))
    if known is not None and known[0] is value:
        return ("@", known[1])
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, *(_token(v) for v in value))
    if isinstance(value, dict):
        return ("dict", *((_token(k), _token(v)) for k, v in value.items()))
    return value


def _frozen(value) -> bool:
    params = getattr(type(value), "__dataclass_params__", None)
    return params is not None and params.frozen and params.eq


def memo(fn, *args, **kwargs):
    """``fn(*args, **kwargs)`` computed once per data version and inputs: a rerun that changed
    nothing a figure depends on builds nothing for it. ``fn`` must be pure (a function of
    ``prestatie``) and the caller must not change what it returns (it is shared, not copied:
    a plotly figure is not rebuilt on the way out). Inputs that a reader of this module or an
    earlier memo handed out are keyed by where they came from, others by their value."""
    name = f"{fn.__module__}.{fn.__qualname__}"
    token = (
        name,
        tuple(_token(a) for a in args),
        tuple((k, _token(v)) for k, v in sorted(kwargs.items())),
    )
    key = (*_key(), token)
    try:
        hash(key)
    except TypeError:
        result = _memo_hashed(*_key(), name, token, args, kwargs, fn)
    else:
        result = _memo_store.get(key, lambda: fn(*args, **kwargs))
    return _traced(("memo", token), result, each=True)


def evaluations(prijspeil: str = "geindexeerd", filtered: bool = True, huur: str = "kale huur"):
    """Every evaluation, narrowed to the sidebar's selection unless ``filtered`` is False."""
    token = ("evaluations", today(), prijspeil, huur)
    result = _traced(token, _evaluations(*_key(), *token[1:]), each=True)
    if not filtered:
        return result
    selection = filters()
    return [e for e in result if dashboard.matches(e, selection)]


def stock(
    selection: selectie.Filters | None = None,
    by: tuple[str, ...] = dashboard.STOCK_KEYS,
    huur: str = huurregel.KALE_HUUR,
):
    """The counts of the stock per verslagjaar of a selection (:func:`prestatie.dashboard.stock`),
    grouped ``by``; cached per data version, selection and grouping."""
    token = ("stock", selection or selectie.Filters(), tuple(by), huur)
    return _traced(token, _stock(*_key(), *token[1:]))


def facts():
    """What the monitor reads to judge every target (:func:`prestatie.dashboard.monitor_facts`):
    the facts of the gemeenten the agreements name."""
    token = ("facts", today())
    return _traced(token, _facts(*_key(), *token[1:]))


def rent_bins(
    peildatum: date | None,
    gemeente: str | None,
    corporatie: str | None,
    huur: str,
    jaar: int | None = None,
):
    """Homes per rent in cents on a peildatum or in a verslagjaar (:func:`dashboard.rent_bins`)."""
    token = ("rent_bins", peildatum, gemeente, corporatie, huur, jaar)
    return _traced(token, _rent_bins(*_key(), *token[1:]))


@st.cache_data(show_spinner=False, max_entries=16)
def _transitions(path, version, van: date, naar: date, gemeente, corporatie):
    return dashboard.transitions(cursor(), van, naar, gemeente, corporatie)


def transitions(van: date, naar: date, gemeente: str | None, corporatie: str | None):
    """Homes per label on two peildata, matched by vhe number (:func:`dashboard.transitions`)."""
    token = ("transitions", van, naar, gemeente, corporatie)
    return _traced(token, _transitions(*_key(), *token[1:]))


@st.cache_data(show_spinner=False, max_entries=16)
def _huursom(path, version, gemeente):
    return dashboard.huursom(cursor(), gemeente)


def huursom(gemeente: str | None):
    """The huursomstijging per corporatie × gemeente × year (:func:`dashboard.huursom`)."""
    return _traced(("huursom", gemeente), _huursom(*_key(), gemeente))


@st.cache_data(show_spinner=False, max_entries=64)
def _largest_increases(path, version, gemeente, corporaties: tuple, jaar: int, limit: int):
    return dashboard.largest_increases(cursor(), gemeente, list(corporaties), jaar, limit)


def largest_increases(gemeente: str, corporaties: tuple[str, ...], jaar: int, limit: int = 100):
    """The homes with the largest rent increase into ``jaar``
    (:func:`prestatie.dashboard.largest_increases`)."""
    token = ("largest_increases", gemeente, tuple(corporaties), jaar, limit)
    return _traced(token, _largest_increases(*_key(), *token[1:]), each=True)


@st.cache_data(show_spinner=False, max_entries=64)
def _linked_production(path, version, gemeente, corporaties: tuple, soort, jaren: tuple, labels):
    return dashboard.linked_production(
        cursor(), gemeente, list(corporaties), soort, list(jaren), labels
    )


def linked_production(gemeente, corporaties, soort: str, jaren, labels=None):
    """Production rows linked to the label before (:func:`dashboard.linked_production`)."""
    chosen = None if labels is None else tuple(labels)
    token = ("linked_production", gemeente, tuple(corporaties), soort, tuple(jaren), chosen)
    return _traced(token, _linked_production(*_key(), *token[1:]), each=True)


@st.cache_data(show_spinner=False, max_entries=256)
def _vhe_page(path, version, specs: tuple, limit: int, offset: int, order: str):
    con = cursor()
    return dashboard.vhe_rows(con, list(specs), limit=limit, offset=offset, order=order)


@st.cache_data(show_spinner=False, max_entries=512)
def _vhe_count(path, version, specs: tuple) -> int:
    return dashboard.vhe_count(cursor(), list(specs))


def vhe_count(specs) -> int:
    """How many vhe rows stand behind a figure (cached per data version)."""
    return _vhe_count(*_key(), tuple(specs))


def vhe_rows(specs, limit: int | None = 500, offset: int = 0, order: str = "vhe"):
    """A page of the vhe rows behind a figure, and how many there are (a page is cached per
    data version; ``limit`` None: every row, for a download, not cached)."""
    if limit is None:
        return dashboard.vhe_rows(cursor(), specs, limit=None, order=order)
    return _vhe_page(*_key(), tuple(specs), limit, offset, order)


@st.cache_data(show_spinner=False, max_entries=4)
def _unreadable_agreements(path: str, version: str):
    return dashboard.unreadable_agreements(cursor())


def unreadable_agreements() -> dict[str, str]:
    """The agreement documents in force that do not read: id -> the Dutch reason."""
    return _unreadable_agreements(*_key())


@st.cache_data(show_spinner=False, max_entries=4)
def _batches(path: str, version: str):
    return dashboard.batches(cursor())


def batches():
    """Every import batch with its stand (:func:`prestatie.dashboard.batches`)."""
    return _traced(("batches",), _batches(*_key()))


def agreements():
    return _traced(("agreements",), _agreements(*_key()), each=True)


def doelen():
    """Every target of every agreement, in the order of the agreements."""
    return _traced(("doelen",), [d for a in agreements() for d in a.doelen], each=True)


def dimensions() -> dict[str, list]:
    return _traced(("dimensions",), _dimensions(*_key()))


@st.cache_data(show_spinner=False, max_entries=16)
def _lettings(path: str, version: str, gemeente: str | None):
    con = cursor()
    return dashboard.lettings_facts(con, None if gemeente is None else [gemeente])


def lettings(gemeente: str | None = None):
    """(the lettings counts, the search-time histogram) of a gemeente (None: all), as the
    monitor reads them (:func:`prestatie.dashboard.lettings_facts`)."""
    return _traced(("lettings", gemeente), _lettings(*_key(), gemeente), each=True)


@st.cache_data(show_spinner=False, max_entries=16)
def _leefbaarheid(path: str, version: str, gemeente: str | None):
    return dashboard.leefbaarheid(cursor(), gemeente)


def leefbaarheid(gemeente: str | None = None):
    """The Leefbaarometer scores in force of a gemeente (None: all)."""
    return _traced(("leefbaarheid", gemeente), _leefbaarheid(*_key(), gemeente))


@st.cache_data(show_spinner=False, max_entries=256)
def _lettings_page(path, version, selection: tuple, limit: int, offset: int):
    con = cursor()
    return dashboard.verhuring_rows(con, limit, offset, **dict(selection))


@st.cache_data(show_spinner=False, max_entries=256)
def _lettings_count(path, version, selection: tuple) -> int:
    return dashboard.verhuring_count(cursor(), **dict(selection))


def lettings_count(**selection) -> int:
    return _lettings_count(*_key(), tuple(sorted(selection.items())))


def lettings_rows(limit: int | None = 200, offset: int = 0, **selection):
    """A page of the lettings behind a figure (``limit`` None: all, for a download)."""
    if limit is None:
        return dashboard.verhuring_rows(cursor(), None, **selection)
    return _lettings_page(*_key(), tuple(sorted(selection.items())), limit, offset)
