"""The memo's key: inputs a reader or memo handed out in this run are known by where they came
from (a small token), others by their value; a token never outlives the object it stands for."""

from dataclasses import dataclass

import pandas as pd

from ui import context


@dataclass(frozen=True)
class Part:
    naam: str
    rijen: pd.DataFrame


def _fresh_run():
    context._local.tokens = {}


def test_a_handed_out_frame_is_known_by_its_token_not_its_rows():
    _fresh_run()
    frame = pd.DataFrame({"aantal": range(100_000)})
    context._traced(("stock", "Emmen"), frame)
    assert context._token(frame) == ("@", ("stock", "Emmen"))
    other = pd.DataFrame({"aantal": range(100_000)})
    assert context._token(other) is other  # unknown: Streamlit hashes its value


def test_a_list_filtered_from_a_handed_out_list_is_known_by_its_elements():
    _fresh_run()
    items = [Part("a", pd.DataFrame()), Part("b", pd.DataFrame()), Part("c", pd.DataFrame())]
    context._traced(("evaluations",), items, each=True)
    chosen = [items[0], items[2]]
    assert context._token(chosen) == (
        "list",
        ("@", (("evaluations",), 0)),
        ("@", (("evaluations",), 2)),
    )
    # a field of an element (a page passes groep.rijen on) is known too
    assert context._token(items[1].rijen) == ("@", (("evaluations",), 1, "rijen"))


def test_plain_values_stand_for_themselves_and_a_new_run_forgets_every_token():
    _fresh_run()
    frame = pd.DataFrame({"x": [1]})
    context._traced(("facts",), frame)
    assert context._token(("Emmen", 2024, None)) == ("tuple", "Emmen", 2024, None)
    _fresh_run()
    assert context._token(frame) is frame


def test_an_id_reused_by_another_object_is_not_mistaken_for_the_first():
    _fresh_run()
    first = pd.DataFrame({"x": [1]})
    context._traced(("facts",), first)
    second = pd.DataFrame({"x": [2]})
    # simulate the id of a dead object being reused: the table holds (object, token)
    context._tokens()[id(second)] = (first, ("facts",))
    assert context._token(second) is second
