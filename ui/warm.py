"""The process after its first page: what is alive then is kept out of the collector's sight.

Python's cyclic garbage collector now and then walks every object the process holds: after the
first page that is ~150.000 objects of Streamlit, plotly, pandas and the reference tables, and a
walk took 0,10-0,13 s of a page rerun (a fifth to a half of it, every few reruns). Those objects
live as long as the process, so after the first completed run they are moved, once, to the
permanent generation (``gc.freeze``); a walk then takes ~0,02 s. Objects made later are collected
as always.
"""

from __future__ import annotations

import gc
import threading

_lock = threading.Lock()
_done = False


def settle() -> None:
    """Once per process, at the end of a page run: collect, then freeze what survived."""
    global _done
    if _done:
        return
    with _lock:
        if _done:
            return
        gc.collect()
        gc.freeze()
        _done = True
