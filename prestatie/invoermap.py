"""A watched folder for scheduled imports: ``prestatie watch MAP``.

Files put in the folder (by a corporation's export job, a share, a person) are imported one by
one, each in its own transaction; an imported file moves to ``MAP/done/``, a refused one to
``MAP/fout/`` with ``<naam>.fout.txt`` beside it that says in Dutch why. The database is opened
only when there is something to import and closed right after, so the app keeps working beside
it; a busy database leaves the files where they are for the next round.

Put a file in the folder in one go: write it under a name starting with ``.`` or ending in
``.tmp`` / ``.part`` and rename it when complete (such names, and files that changed during the
last two seconds, are left alone).
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from prestatie.inlezen import ingest
from prestatie.inlezen.errors import ImportRefused
from prestatie.opslag import wachten
from prestatie.toegang.rechten import NotPermitted

DONE = "done"
FAILED = "fout"
UNFINISHED = (".tmp", ".part", ".crdownload", ".fout.txt")
SETTLE_SECONDS = 2.0


@dataclass(frozen=True)
class Outcome:
    file: str
    imported: bool
    text: str  # Dutch: what happened, for the log
    moved_to: Path | None


def waiting(folder: Path, now: float | None = None) -> list[Path]:
    """The files ready to import: not hidden, not unfinished, unchanged for a moment."""
    now = time.time() if now is None else now
    ready = []
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.name.startswith((".", "~$")):
            continue
        if path.name.lower().endswith(UNFINISHED):
            continue
        if now - path.stat().st_mtime < SETTLE_SECONDS:
            continue
        ready.append(path)
    return ready


def _free_name(folder: Path, name: str) -> Path:
    """``folder/name``, or with the time before it when that name is taken already."""
    target = folder / name
    if target.exists():
        target = folder / f"{datetime.now():%Y%m%d-%H%M%S-%f} {name}"
    return target


def _move(path: Path, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    target = _free_name(folder, path.name)
    shutil.move(str(path), target)
    return target


def _refused(path: Path, reasons: str) -> Outcome:
    target = _move(path, path.parent / FAILED)
    text = f"{path.name}: geweigerd; de database is niet gewijzigd.\n{reasons}\n"
    Path(f"{target}.fout.txt").write_text(text, encoding="utf-8")
    return Outcome(path.name, False, text.rstrip(), target)


def import_one(con, path: Path, save: Callable) -> Outcome:
    """Parse and write one file (``save(con, [parsed])``: the facade's save, as the watching
    user); move it to done/ or (refused) to fout/ with the reasons."""
    folder = path.parent
    try:
        parsed = ingest.parse(path.name, path.read_bytes(), None)
        [result] = save(con, [parsed])
    except ImportRefused as refused:
        return _refused(path, "\n".join(f"- {p}" for p in refused.problems))
    except NotPermitted as refused:
        return _refused(path, f"- {refused}")
    except Exception as exc:  # noqa: BLE001 - a file that breaks the reader must not come back
        target = _move(path, folder / FAILED)
        text = (
            f"{path.name}: niet ingelezen door een fout in prestatie ({type(exc).__name__}: "
            f"{exc}); de database is niet gewijzigd. Meld dit bestand aan de beheerder.\n"
        )
        Path(f"{target}.fout.txt").write_text(text, encoding="utf-8")
        return Outcome(path.name, False, text.rstrip(), target)
    state = (
        "al ingelezen, niets gewijzigd"
        if not result.nieuw
        else f"batch {result.batch_id}"
        + (f", vervangt batch {', '.join(map(str, result.vervangen))}" if result.vervangen else "")
    )
    text = (
        f"{path.name}: {parsed.kind}, {parsed.meta.corporatie or '-'}, {parsed.rows} rijen, "
        f"{len(parsed.warnings)} waarschuwingen, {len(parsed.skipped)} overgeslagen ({state})"
    )
    return Outcome(path.name, True, text, _move(path, folder / DONE))


def run_once(
    folder: Path, open_database: Callable, save: Callable, timeout: float | None = None
) -> list[Outcome]:
    """Import what is waiting in ``folder``, the database open only meanwhile. A busy database
    (the app in the middle of a run for longer than ``timeout``): nothing moved, try later."""
    files = waiting(folder)
    if not files:
        return []
    con = open_database(timeout)
    try:
        return [import_one(con, path, save) for path in files]
    finally:
        con.close()


def watch(
    folder: Path,
    open_database: Callable,
    save: Callable,
    interval: float = 30.0,
    rounds: int | None = None,
) -> Iterator[list[Outcome] | wachten.DatabaseBusy]:
    """Every ``interval`` seconds a round of :func:`run_once` (``rounds`` None: for ever);
    yields what each round did, or the DatabaseBusy that made it wait."""
    folder.mkdir(parents=True, exist_ok=True)
    done = 0
    while rounds is None or done < rounds:
        try:
            yield run_once(folder, open_database, save)
        except wachten.DatabaseBusy as busy:
            yield busy
        done += 1
        if rounds is None or done < rounds:
            time.sleep(interval)


def default_interval() -> float:
    try:
        return float(os.environ.get("PRESTATIE_WATCH_INTERVAL", "30"))
    except ValueError:
        return 30.0
