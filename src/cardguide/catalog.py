"""Where region files live, and finding a region by id or name while loading only what is asked."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from pathlib import Path

from .errors import DataError, RegionNotFound
from .loader import Layer, load_layer

_ID = re.compile(r"^[a-z][a-z0-9-]*$")


def shipped_dir() -> Path:
    """The region files that ship with cardguide: inside the wheel, or the source checkout."""
    package = Path(__file__).resolve().parent
    packaged = package / "data" / "regions"
    if packaged.is_dir():
        return packaged
    return package.parents[1] / "data" / "regions"  # src/cardguide → repository root


class Catalog:
    """The region files of one or more directories, loaded lazily and at most once each."""

    def __init__(self, dirs: Sequence[Path] | None = None) -> None:
        self.dirs = list(dirs) if dirs is not None else [shipped_dir()]
        self._layers: dict[str, Layer] = {}

    def file_for(self, region_id: str) -> Path | None:
        # The id pattern keeps user input such as `../../etc/passwd` out of file paths.
        if not _ID.fullmatch(region_id):
            return None
        for directory in self.dirs:
            candidate = directory / f"{region_id}.yaml"
            if candidate.is_file():
                return candidate
        return None

    def ids(self) -> list[str]:
        found = {
            path.stem
            for directory in self.dirs
            if directory.is_dir()
            for path in directory.glob("*.yaml")
        }
        return sorted(found)

    def layer(self, region_id: str) -> Layer:
        if region_id not in self._layers:
            file = self.file_for(region_id)
            if file is None:
                raise RegionNotFound(region_id, self._suggest(region_id))
            self._layers[region_id] = load_layer(file)
        return self._layers[region_id]

    def layers(self) -> list[Layer]:
        return [self.layer(region_id) for region_id in self.ids()]

    def find(self, query: str) -> str:
        """The id of the region named by `query` (id, English or Chinese name, or alias)."""
        wanted = query.strip().casefold()
        if self.file_for(wanted) is not None:
            return wanted
        names = self._names()
        if wanted in names:
            return names[wanted]
        raise RegionNotFound(query, self._suggest(wanted, names))

    def _names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        for layer in self.layers():
            region = layer.region
            for name in (region.id, region.names.en, region.names.zh, *region.aliases):
                if name:
                    names.setdefault(name.casefold(), region.id)
        return names

    def _suggest(self, wanted: str, names: dict[str, str] | None = None) -> list[str]:
        if names is None:
            try:
                names = self._names()
            except DataError:
                # A broken file elsewhere must not hide the real problem: fall back to ids.
                names = {region_id: region_id for region_id in self.ids()}
        close = difflib.get_close_matches(wanted.casefold(), list(names), n=3, cutoff=0.6)
        return list(dict.fromkeys(names[name] for name in close))
