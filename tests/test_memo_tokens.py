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


@dataclass(frozen=True)
class Target:
    id: str
    norm: tuple


def test_a_frozen_value_is_the_same_key_whether_or_not_this_run_handed_it_out():
    """A target taken from a cached result of an earlier run is not traced in this one; it must
    key the memo as the same target handed out afresh does, or every rerun recomputes."""
    _fresh_run()
    handed_out = Target("BB-2", ((2024, 0),))
    context._traced(("doelen",), [handed_out], each=True)
    from_earlier_run = Target("BB-2", ((2024, 0),))
    assert context._token(handed_out) == context._token(from_earlier_run) == handed_out
    assert context._token([from_earlier_run]) == ("list", handed_out)


def test_true_one_and_one_point_zero_are_different_keys():
    _fresh_run()
    keys = {context._token(True), context._token(1), context._token(1.0)}
    assert len(keys) == 3


def test_the_memo_store_computes_once_per_key_and_forgets_the_least_recently_used():
    store = context._Memo(size=2)
    calls = []

    def compute(name):
        calls.append(name)
        return name.upper()

    assert store.get("a", lambda: compute("a")) == "A"
    assert store.get("a", lambda: compute("a")) == "A"
    store.get("b", lambda: compute("b"))
    store.get("a", lambda: compute("a"))  # a is now the most recently used
    store.get("c", lambda: compute("c"))  # evicts b
    store.get("a", lambda: compute("a"))
    store.get("b", lambda: compute("b"))
    assert calls == ["a", "b", "c", "b"]
