"""What a visitor sees when a page raises: a Dutch message with a reference, never a traceback.

The traceback goes to the server log (stderr of ``streamlit run``), on a line that carries the
same reference, so whoever runs the server finds it with ``grep`` on the reference the visitor
reads out. ``client.showErrorDetails = "none"`` in ``.streamlit/config.toml`` covers what this
wrapper does not see (an exception in Streamlit itself).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import secrets
import sys
from collections.abc import Callable, Iterator

import streamlit as st

from prestatie import dashboard
from ui import verbinding

log = logging.getLogger("prestatie.app")


def _handler() -> None:
    """Log lines with a time and the traceback on stderr, once per process (the root logger of a
    Streamlit server has no handler; Streamlit's own loggers do not propagate to it)."""
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)


def reference() -> str:
    """A short reference that is unique enough to find one failure in a day's log."""
    return secrets.token_hex(4)


def message(ref: str) -> str:
    return (
        "Deze pagina kan nu niet worden getoond: er ging iets mis in het programma. "
        "Uw gegevens zijn niet veranderd. Probeer het opnieuw of kies een andere pagina; "
        "blijft het misgaan, geef dan dit kenmerk door aan de beheerder: "
        f"`{ref}` (de beheerder vindt de details onder dit kenmerk in het logboek van de server)."
    )


@contextlib.contextmanager
def guard(where: str) -> Iterator[None]:
    """Run a page (or a fragment) and turn an exception into the Dutch message.

    Streamlit's own control flow (``st.rerun``, ``st.stop``) passes: those are BaseExceptions
    outside ``Exception``."""
    try:
        yield
    except dashboard.DatabaseBusy as busy:
        _handler()
        log.warning("pagina %s: %s", where, busy)
        st.warning(
            "De database is bezet: een ander programma (een import) gebruikt haar al langer dan "
            f"{busy.seconds:g} seconden. Uw gegevens zijn niet veranderd. Ververs de pagina over "
            "een minuut.",
            icon=":material/hourglass_top:",
        )
    except Exception:
        _handler()
        ref = reference()
        log.exception("fout op pagina %s [kenmerk %s]", where, ref)
        st.error(message(ref), icon=":material/error:")


def guarded(where: str) -> Callable:
    """For a fragment (``@st.fragment`` above it): its own reruns do not pass through
    ``app.py``, so it takes the guard and the database itself (inside a page run both are
    already held and this adds nothing)."""

    def wrap(fn: Callable) -> Callable:
        @functools.wraps(fn)
        def run(*args, **kwargs):
            with guard(where), verbinding.database():
                return fn(*args, **kwargs)

        return run

    return wrap
