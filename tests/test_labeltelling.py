"""What the Duurzaamheid page says about how labels are counted: the facts of labels.py."""

from __future__ import annotations

from prestatie.duurzaamheid import labeltelling


def test_method_notes_state_the_facts_of_labels_py():
    text = " ".join(labeltelling.method_notes())
    assert "A++++ en A+++ bestaan alleen onder NTA 8800" in text
    assert "die groep omvat A++++, A+++, A++, A+, A." in text
    assert "tabel 2015-2020 (een index van 1,20 geeft label A, 1,21 geeft B)" in text
    assert "A++++ = 0 … G = 10" in text
    assert "(4,5, tussen A en B, wordt B)" in text
    assert "alleen de labelklasse" in text
