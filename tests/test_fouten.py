"""A page that raises shows visitors a Dutch message with a reference, never a traceback; the
traceback is in the server log under the same reference. The production defaults hold."""

from __future__ import annotations

import logging
import re
import tomllib
from pathlib import Path

from streamlit.testing.v1 import AppTest

from prestatie import dashboard

ROOT = Path(__file__).resolve().parents[1]
SECRET = "/srv/geheim/pad.py"


def _texts(at: AppTest) -> list[str]:
    """Every text the run put on the page (markdown, captions, alerts, titles)."""
    kinds = ("markdown", "caption", "error", "warning", "info", "success", "title", "header")
    return [str(e.value) for kind in kinds for e in at.get(kind)]


def test_a_raising_page_shows_a_dutch_message_and_logs_the_traceback(demo_db, monkeypatch, caplog):
    def broken(con):
        raise ValueError(f"kapot in {SECRET}")

    monkeypatch.setattr(dashboard, "demo_notice", broken)  # every page's frame() calls it
    monkeypatch.setenv("PRESTATIE_DB", str(demo_db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    with caplog.at_level(logging.ERROR, logger="prestatie.app"):
        at.run()
    assert not at.exception  # Streamlit's own exception element (with the traceback): none
    [error] = at.error
    assert "kan nu niet worden getoond" in error.value
    [ref] = re.findall(r"`([0-9a-f]{8})`", error.value)
    shown = "\n".join(_texts(at))
    assert SECRET not in shown and "Traceback" not in shown and "ValueError" not in shown
    [record] = [r for r in caplog.records if r.name == "prestatie.app"]
    assert ref in record.getMessage() and "Overzicht" in record.getMessage()
    assert record.exc_info and SECRET in str(record.exc_info[1])


def test_a_page_that_stops_is_not_an_error(demo_db, monkeypatch):
    """st.stop() and st.rerun() are Streamlit's control flow, not failures."""
    monkeypatch.setenv("PRESTATIE_DB", str(demo_db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    at.switch_page("views/betaalbaarheid.py").run()  # stops early for some selections
    assert not at.exception and not at.error


def test_production_defaults_in_the_streamlit_config():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"  # a valid value for Streamlit 1.67
    assert config["server"]["address"] == "127.0.0.1"


def _script_with_a_failing_fragment():
    import streamlit as st

    from ui import fouten

    @st.fragment
    @fouten.guarded("Proef")
    def part():
        raise RuntimeError("kapot in /srv/geheim/pad.py")

    part()
    st.markdown("na het fragment")


def test_a_raising_fragment_shows_the_dutch_message(demo_db, monkeypatch):
    """A fragment's own reruns skip app.py: fouten.guarded gives them the guard (and the
    database) themselves."""
    monkeypatch.setenv("PRESTATIE_DB", str(demo_db))
    at = AppTest.from_function(_script_with_a_failing_fragment, default_timeout=60)
    at.run()
    assert not at.exception
    [error] = at.error
    assert "kan nu niet worden getoond" in error.value
    assert SECRET not in "\n".join(_texts(at))
    assert [m.value for m in at.markdown] == ["na het fragment"]
