"""The page Uitleg: every status and every kind of target has its explanation, and the page
shows them with the picture of the straight path."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from prestatie.afspraken import schema
from prestatie.beoordeling import status, uitleg

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def test_every_status_and_kind_is_explained():
    assert [k for k, _ in uitleg.of("status")] == list(status.STATUSES)
    assert {k for k, _ in uitleg.of("soort")} == set(schema.KINDS)
    assert all(len(t) > 40 for _, t in uitleg.of("soort"))


def test_the_page_explains_op_koers_with_the_path(demo_db_file, monkeypatch):
    monkeypatch.setenv("PRESTATIE_DB", str(demo_db_file))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("views/uitleg.py").run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Uitleg: hoe de monitor beoordeelt"]
    text = " ".join(m.value for m in at.markdown)
    assert "**🟢 behaald**" in text and "rechte pad" in text
    assert len(at.get("plotly_chart")) == 1
