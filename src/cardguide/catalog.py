"""Where region files live, and finding a region by id or name while loading only what is asked."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from .errors import DataError, RegionNotFound
from .loader import Layer, decode_layer, load_layer
from .names import Gazetteer, Place, fold

_ID = re.compile(r"^[a-z][a-z0-9-]*$")


def shipped_dir() -> Path:
    """The region files that ship with cardguide: inside the wheel, or the source checkout."""
    package = Path(__file__).resolve().parent
    packaged = package / "data" / "regions"
    if packaged.is_dir():
        return packaged
    return package.parents[1] / "data" / "regions"  # src/cardguide → repository root


class Catalog:
    """Region files from overlay directories and the shipped data, each loaded at most once.

    A region is the stack of its files, nearest first: overlay directories in the order given,
    then the shipped data. `checked=False` skips the per-file content checks, so `validate` can
    still follow the parents of a file that has content problems.
    """

    def __init__(
        self,
        dirs: Sequence[Path] | None = None,
        *,
        overlays: Sequence[Path] = (),
        checked: bool = True,
    ) -> None:
        base = [d.resolve() for d in (dirs if dirs is not None else [shipped_dir()])]
        # A directory named twice (an overlay that is the shipped data itself) counts once.
        self.overlays = [d for d in dict.fromkeys(o.resolve() for o in overlays) if d not in base]
        self.dirs = [*self.overlays, *dict.fromkeys(base)]
        self.checked = checked
        self._loaded: dict[Path, Layer] = {}

    def files_for(self, region_id: str) -> list[Path]:
        # The id pattern keeps user input such as `../../etc/passwd` out of file paths.
        if not _ID.fullmatch(region_id):
            return []
        return [d / f"{region_id}.yaml" for d in self.dirs if (d / f"{region_id}.yaml").is_file()]

    def file_for(self, region_id: str) -> Path | None:
        files = self.files_for(region_id)
        return files[0] if files else None

    def ids(self) -> list[str]:
        found = {
            path.stem
            for directory in self.dirs
            if directory.is_dir()
            for path in directory.glob("*.yaml")
        }
        return sorted(found)

    def load(self, file: Path) -> Layer:
        file = file.resolve()
        if file not in self._loaded:
            overlay = file.parent in self.overlays
            read = load_layer if self.checked else decode_layer
            self._loaded[file] = read(file, overlay)
        return self._loaded[file]

    def region_layers(self, region_id: str) -> list[Layer]:
        """Every file of a region, nearest first."""
        files = self.files_for(region_id)
        if not files:
            raise RegionNotFound(region_id, self.suggest(region_id))
        return [self.load(file) for file in files]

    def layer(self, region_id: str) -> Layer:
        """The region's nearest file, whose header (names, review date) the region shows."""
        return self.region_layers(region_id)[0]

    def layers(self) -> list[Layer]:
        return [self.layer(region_id) for region_id in self.ids()]

    def find(self, query: str) -> str:
        """The id of the region named by `query`: id, a name in either script, pinyin, alias."""
        wanted = fold(query)
        if _ID.fullmatch(wanted) and self.file_for(wanted) is not None:
            return wanted  # the common case reads no other file
        found = self._gazetteer().find(query)
        if found is None:
            raise RegionNotFound(query, self.suggest(query))
        return found

    def suggest(self, query: str) -> list[str]:
        """Names close to `query` for "did you mean", in the script it is written in."""
        try:
            gazetteer = self._gazetteer()
        except DataError:
            # A broken file elsewhere must not hide the real problem: suggest by id alone.
            gazetteer = Gazetteer(Place(i, None, (i,), (i, i)) for i in self.ids())
        return gazetteer.suggest(query)

    def _gazetteer(self) -> Gazetteer:
        places = []
        for layer in self.layers():
            region = layer.region
            full = region.full_names
            spellings = (
                region.names.en, region.names.zh, region.pinyin, *region.aliases,
                *((full.en, full.zh) if full else ()),
            )  # fmt: skip
            shown = (region.id, region.names.zh or region.id)
            places.append(Place(region.id, region.parent, tuple(s for s in spellings if s), shown))
        return Gazetteer(places)
