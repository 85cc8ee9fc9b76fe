"""A data directory's entries: which are region files, and which links may be followed."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

from cardguide.errors import DataError, Diagnostic
from cardguide.load.loader import Listing
from cardguide.wording import msg

# Ids are short file names: a longer one cannot name a file (and some systems refuse to look).
ID = re.compile(r"^[a-z][a-z0-9-]{0,63}$")


def real(path: Path) -> Path:
    """The path with every link followed as far as it goes. Unlike Path.resolve, which raises
    RuntimeError on a loop in Python 3.11 and OSError from 3.13, this never raises: a looping
    link then fails where it is read, as a file that cannot be read."""
    return Path(os.path.realpath(path))


def refuse_outside(file: Path, roots: Sequence[Path]) -> None:
    """Refuse (CG031) a file that is a link to somewhere outside the data directories: a link
    in a data directory is that directory's file only while it points into one of them."""
    target = real(file)
    if target != file and not any(target.is_relative_to(root) for root in roots):
        outside = msg("load.link_outside", target=target)
        raise DataError(Diagnostic("CG031", outside, file, 1, 1))


def _is_file(entry: os.DirEntry[str]) -> bool:
    """Whether a directory entry is a regular file or a link to one; a link that loops or
    cannot be followed is not (it is listed as an entry left out)."""
    try:
        return entry.is_file()
    except OSError:
        return False


def listed(directory: str, limit: int, stamp: list[int]) -> tuple[Listing, bool]:
    """The directory's region files in id order and its odd entries, under `stamp`, and whether
    it holds a link (whose target can change while the directory does not). Entries come from
    the listing itself, so a regular file costs no stat. OSError when the directory cannot be
    read; DataError (CG033) at once when it holds more than `limit` *.yaml entries."""
    with os.scandir(directory) as listing:
        entries = [entry for entry in listing if entry.name.endswith(".yaml")]
    if len(entries) > limit:
        crowded = msg("catalog.too_many", count=len(entries), limit=limit)
        raise DataError(Diagnostic("CG033", crowded, Path(directory), 1, 1))
    files: list[tuple[str, str]] = []
    odd: list[str] = []
    for entry in entries:
        stem = entry.name[: -len(".yaml")]
        if ID.fullmatch(stem) and _is_file(entry):
            files.append((stem, entry.path))
        else:
            odd.append(entry.name)
    files.sort()
    return Listing(stamp, files, odd), any(entry.is_symlink() for entry in entries)
