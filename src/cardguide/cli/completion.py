"""What a shell may complete a region with: ids and names of regions with data, then divisions."""

from __future__ import annotations

from collections.abc import Iterable

from cardguide.load.catalog import Catalog
from cardguide.places.divisions import divisions
from cardguide.places.names import fold

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")  # pwsh: PowerShell 7 and later
LIMIT = 50  # more than this is no help at a prompt


def _spelling(names: Iterable[str], typed: str) -> str | None:
    """The spelling that continues what was typed: letter for letter if one does (shells
    compare that way), else one that matches ignoring case and width."""
    names = [name for name in names if name]
    exact = next((name for name in names if name.startswith(typed)), None)
    return exact or next((name for name in names if fold(name).startswith(fold(typed))), None)


def region_candidates(catalog: Catalog, typed: str) -> list[tuple[str, str]]:
    """(value, description) pairs, one per place: regions with data first, then the divisions
    of China without data of their own; with nothing typed, only region ids."""
    places = catalog.gazetteer().places  # from the committed name index: no region parsed
    found: dict[str, str] = {}
    for place in places.values():
        spelling = _spelling((place.id, *place.names) if typed else (place.id,), typed)
        if spelling is not None:
            found.setdefault(spelling, " ".join(dict.fromkeys(n for n in place.shown if n)))
    if typed:
        covered = {place.division for place in places.values()}
        for division in divisions().by_code.values():
            names = (division.pinyin, division.english, division.name, division.short)
            spelling = None if division.code in covered else _spelling(names, typed)
            if spelling is not None:
                found.setdefault(spelling, f"{division.english} {division.name}")
    return list(found.items())[:LIMIT]
