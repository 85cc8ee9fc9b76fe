"""The catalog of a request's data directories, and the guide for a place a person names."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import msgspec.structs

from cardguide.errors import UsageProblem
from cardguide.load.catalog import Catalog, Found
from cardguide.resolve.chain import Guide, limited_to, load_chain, resolve
from cardguide.wording import Msg, join, msg


def catalog_for(data_dirs: Sequence[Path]) -> Catalog:
    """The shipped data with these local directories before it; each must be a directory."""
    for entry in data_dirs:
        if not os.path.isdir(entry):  # noqa: PTH112 (Path.is_dir raises on a long name in 3.11)
            raise UsageProblem(msg("error.data_dir", path=entry), "--data-dir")
    return Catalog(overlays=list(dict.fromkeys(data_dirs)))


def find_guide(catalog: Catalog, query: str | Found) -> tuple[Guide, list[Msg]]:
    """The resolved guide for a region id or place name, and what the person should be told
    about how the name was read (a city taken over districts of the same name)."""
    found = catalog.locate(query) if isinstance(query, str) else query
    notes = []
    if found.took is not None:
        meant = join(found.passed_over, "or")
        notes.append(msg("locate.took", query=query, place=found.took, others=meant))
    guide = resolve(load_chain(catalog, found.region))
    others = {
        region: catalog.header(region).names
        for region in limited_to(guide)
        if region not in guide.region_ids
    }
    return msgspec.structs.replace(guide, place=found.place, others=others), notes
