"""A damaged workbook (bit-flipped, cut short) is refused in Dutch, never a raw exception."""

from __future__ import annotations

from pathlib import Path

import pytest

from prestatie.inlezen import ingest
from prestatie.inlezen.errors import ImportRefused

SOURCE = Path(__file__).parent / "data" / "Domesta_woningbezit_Emmen_31-12-2023.xlsx"
DATA = SOURCE.read_bytes()


def damaged() -> list[tuple[str, bytes]]:
    """30 byte flips spread over the file and 10 copies cut short: the same every run."""
    out = []
    for i in range(30):
        at = 30 + i * (len(DATA) - 60) // 30
        flipped = bytearray(DATA)
        flipped[at] ^= 0xFF
        out.append((f"flip@{at}", bytes(flipped)))
    for i in range(1, 11):
        out.append((f"cut@{i * 10}%", DATA[: len(DATA) * i // 10]))
    return out


@pytest.mark.parametrize(("case", "data"), damaged(), ids=[c for c, _ in damaged()])
def test_a_damaged_workbook_is_read_or_refused_in_dutch(case, data):
    try:
        parsed = ingest.parse(SOURCE.name, data)
    except ImportRefused as refused:
        text = str(refused)
        assert SOURCE.name in text
        assert any(w in text for w in ("beschadigd", "werkmap", "geen", "kolom", "rij"))
    else:
        assert parsed.rows > 0  # a flip in a byte that does not matter
