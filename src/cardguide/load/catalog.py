"""Where region files live, and finding a region by id or name while loading only what is asked."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec
import msgspec.structs

from cardguide.errors import AmbiguousPlace, DataError, Diagnostic, NotCovered, RegionNotFound
from cardguide.load import datadir, headers
from cardguide.load.checked import load_layer
from cardguide.load.datadir import ID as _ID
from cardguide.load.loader import Layer, Listing, decode_layer
from cardguide.places.names import Gazetteer, Place, fold, is_han

if TYPE_CHECKING:
    from cardguide.load.dirindex import DirIndex
    from cardguide.places.divisions import Division


class Found(msgspec.Struct, frozen=True):
    """The region whose rules a person gets, and the place they asked for if it has none."""

    region: str
    place: Division | None = None
    # When a bare name meant a city rather than the districts of the same name: the city taken
    # and the districts it could also have meant, for the command to say so.
    took: str | None = None
    passed_over: tuple[str, ...] = ()


# Region files in one data directory: every county of China is about 3,000.
MAX_FILES = 10_000
# No place name is longer than this; a longer query is shown cut, and never looked up.
LONGEST_NAME = 100


def shipped_dir() -> Path:
    """The region files that ship with cardguide: inside the wheel, or the source checkout."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "data" / "regions"
    if packaged.is_dir():
        return packaged
    return package.parents[1] / "data" / "regions"  # src/cardguide → repository root


def _the_city(query: str, places: list[Division]) -> Division | None:
    """The one city or province among places a bare name could mean, when the others are
    districts or counties: 西安 is 陕西省西安市, not 西安区 in 辽源 or 牡丹江. None when the name
    is a district's own full name (朝阳区) or no single larger place stands out."""
    larger = [place for place in places if place.level != "county"]
    wanted = fold(query)
    if len(larger) != 1 or any(fold(p.name) == wanted for p in places if p.level == "county"):
        return None
    return larger[0]


def _likeness(query: str, name: str) -> float:
    import difflib  # only a failed lookup pays for it

    return difflib.SequenceMatcher(None, fold(query), fold(name)).ratio()


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
        # Files a name lookup had to leave out, for the command to report.
        self.broken: list[Diagnostic] = []
        # id → its files' paths as strings (thousands of Path objects cost milliseconds), once a
        # command needed a listing
        self._scanned: dict[str, list[str]] | None = None
        self._order: list[str] = []  # the listed ids, sorted
        self._odd: list[Path] = []
        # Each data directory's index, by the start its files' paths share (the directory and
        # a separator): a path's index is found without splitting it.
        self._indexes: dict[str, DirIndex] = {}
        self._places: dict[str, Place | None] = {}  # each region's names, None when broken
        self._gazetteer: Gazetteer | None = None
        self._local: set[str] = set()  # listed regions with a file in a local directory
        self._resolved: dict[Path, Path] = {}  # directories, resolved once

    def files_for(self, region_id: str) -> list[Path]:
        if self._scanned is not None:  # holds only names that are region ids
            return [Path(path) for path in self._scanned.get(region_id, [])]
        # The id pattern keeps user input such as `../../etc/passwd` out of file paths.
        if not _ID.fullmatch(region_id):
            return []
        # One region wanted: a stat per directory, never a listing of thousands of files.
        return [d / f"{region_id}.yaml" for d in self.dirs if (d / f"{region_id}.yaml").is_file()]

    def file_for(self, region_id: str) -> Path | None:
        files = self.files_for(region_id)
        return files[0] if files else None

    def nearest(self, region_id: str) -> str:
        """The path of a listed region's nearest file, as a string (a listing needs thousands)."""
        return self._scan()[region_id][0]

    def is_local(self, region_id: str) -> bool:
        """Whether a listed region's nearest file lies in a local data directory rather than
        the shipped data."""
        self._scan()
        return region_id in self._local

    def ids(self) -> list[str]:
        """Every region id with a file; other *.yaml entries are left to `skipped`."""
        self._scan()
        return list(self._order)

    def _scan(self) -> dict[str, list[str]]:
        """Each data directory listed once: region files by id, nearest first, and odd entries.

        A directory with too many entries to read is refused at once (CG033). Entries come from
        the directory listing itself, so a regular file costs no stat.
        """
        if self._scanned is None:
            found: dict[str, list[str]] = {}
            odd: list[Path] = []
            for directory in self.dirs:
                local = directory in self.overlays
                listed = self._list(directory, local)
                if listed is None:
                    continue
                if found:
                    for stem, path in listed.files:
                        found.setdefault(stem, []).append(path)
                else:  # the nearest directory, most often the only large one
                    found = {stem: [path] for stem, path in listed.files}
                if local:
                    odd += [directory / name for name in listed.odd]
                    self._local.update(stem for stem, _path in listed.files)
            self._scanned, self._odd = found, sorted(odd)
            self._order = sorted(found)
            self.save_headers()  # a listing taken anew
        return self._scanned

    def _list(self, directory: Path, local: bool) -> Listing | None:
        """One directory's region files and odd entries, from its index while the directory
        is unchanged (3,000 files: listed in 2.5 ms, read back in 0.8 ms). None for a
        directory that cannot be read; DataError (CG033) for a crowded one."""
        start = os.path.join(directory, "")  # noqa: PTH118
        try:
            if start not in self._indexes:
                from cardguide.load.dirindex import DirIndex  # only when a listing is needed

                self._indexes[start] = DirIndex(directory, self.dirs, MAX_FILES, overlay=local)
            return self._indexes[start].listing()
        except OSError:
            return None

    def left_out(self) -> tuple[list[Path], list[Diagnostic]]:
        """What the catalog left out since it was last asked, each once: entries in a local
        data directory that look like region files but cannot be one (a backup such as
        `cixi.old.yaml`, a capitalised name, a directory, a dangling link), and files a name
        lookup could not read. The shipped directory is checked when the package is built, so
        no run reports it."""
        self._scan()
        skipped, broken = self._odd, list(dict.fromkeys(self.broken))
        self._odd, self.broken = [], []
        return skipped, broken

    def load(self, file: Path) -> Layer:
        # The directory's real path, but the file's own name: a link in an overlay directory is
        # that overlay's file, wherever it points.
        parent = self._resolved.get(file.parent)
        if parent is None:
            parent = self._resolved[file.parent] = datadir.real(file.parent)
        file = parent / file.name
        if file not in self._loaded:
            datadir.refuse_outside(file, self.dirs)
            overlay = file.parent in self.overlays
            read = load_layer if self.checked else decode_layer
            self._loaded[file] = read(file, overlay)
        return self._loaded[file]

    def header(self, region_id: str) -> headers.Header:
        """The region's header (names, level, parent, review date) from its nearest file: from
        its directory's index while the file is unchanged."""
        paths = self._scan().get(region_id)
        if not paths:
            raise RegionNotFound(region_id, [])
        return self._header_at(region_id, paths[0])

    def every_header(self) -> tuple[dict[str, headers.Header], list[Diagnostic]]:
        """Every listed region's header, in id order, and why any file could not give one (a
        broken local file must not hide every other region)."""
        scanned = self._scan()
        found: dict[str, headers.Header] = {}
        problems: list[Diagnostic] = []
        for region_id in self._order:
            try:
                found[region_id] = self._header_at(region_id, scanned[region_id][0])
            except DataError as error:
                problems.append(error.diagnostic)
        self.save_headers()
        return found, problems

    def _header_at(self, region_id: str, path: str) -> headers.Header:
        index = self._index_of(region_id, path)
        if index is not None:
            return index.header(region_id, path)
        # The committed index, for a file with the very bytes it was built from
        found = headers.indexed(region_id, Path(path))
        return found if found is not None else headers.header_of(self.load(Path(path)))

    def _index_of(self, region_id: str, path: str) -> DirIndex | None:
        """The index of a listed file's directory; None when the catalog skips checks (the
        index keeps only files that pass them)."""
        # Strings, not Paths, and no path split: this runs for every region of a lookup.
        index = self._indexes.get(path[: -len(region_id) - len(".yaml")])
        return index if self.checked else None

    def save_headers(self) -> None:
        """Keep what was learnt about data directories in their indexes, for the next run."""
        for index in self._indexes.values():
            index.save()

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
        return self.locate(query).region

    def locate(self, query: str) -> Found:
        """The region whose rules apply to the place `query` names, and that place.

        A region's own names come first; then every division of China, by code or name, which
        leads to the nearest region with data (海曙区 → ningbo, 成都 → national).
        """
        if len(query) > LONGEST_NAME:
            raise RegionNotFound(query[:40] + "…", [])
        wanted = fold(query)
        if _ID.fullmatch(wanted) and self.file_for(wanted) is not None:
            return Found(wanted)  # the common case reads no other file
        first = self._first_named(wanted)
        if first is not None:
            return Found(first)
        gazetteer = self.gazetteer()
        region = gazetteer.find(query)
        if region is not None:
            return Found(region)
        from cardguide.places.divisions import (
            divisions,  # only names that are not regions' load the list
        )

        places = divisions().find(query)
        covered = [place for place in places if place.covered]
        if places and not covered:
            raise NotCovered(query, places[0].name)
        if len(covered) > 1:
            city = _the_city(query, covered)
            paths = [divisions().path(place.code) for place in covered]
            if city is None:
                raise AmbiguousPlace(query, paths)
            found = self._covering(gazetteer, city)
            others = tuple(path for place, path in zip(covered, paths, strict=True)
                           if place is not city)  # fmt: skip
            took = divisions().path(city.code)
            return msgspec.structs.replace(found, took=took, passed_over=others)
        if not covered:
            raise RegionNotFound(query, self.suggest(query))
        return self._covering(gazetteer, covered[0])

    def _covering(self, gazetteer: Gazetteer, place: Division) -> Found:
        """The nearest region with data above a division (the national rules at the least)."""
        from cardguide.places.divisions import divisions

        regions = {p.division: p.id for p in gazetteer.places.values() if p.division}
        for division in divisions().chain(place.code):
            if division.code in regions:
                region = regions[division.code]
                return Found(region, None if division.code == place.code else place)
        return Found("national", place)

    def suggest(self, query: str) -> list[str]:
        """Names close to `query` for "did you mean", in the script it is written in."""
        from cardguide.places.divisions import divisions

        try:
            gazetteer = self.gazetteer()
        except DataError:
            # A broken file elsewhere must not hide the real problem: suggest by id alone.
            gazetteer = Gazetteer(Place(i, None, (i,), (i, i)) for i in self.ids())
        close = gazetteer.suggest(query)
        han = is_han(query)
        covered = {place.division for place in gazetteer.places.values()}
        places = [p for p in divisions().suggest(query) if p.code not in covered]
        named = list(dict.fromkeys(p.name if han else p.english for p in places))
        # A region with data is suggested before a division unless the division is clearly
        # closer (shenzen: Shenzhen, not Henan).
        if named and (not close or _likeness(query, named[0]) > _likeness(query, close[0]) + 0.1):
            return named
        return close

    def gazetteer(self) -> Gazetteer:
        """Every region's names, from their directory's index (read again from a file that
        changed; a shipped file first from the committed index)."""
        if self._gazetteer is None:
            places = [self._place(region_id) for region_id in self.ids()]
            self.save_headers()
            self._gazetteer = Gazetteer(place for place in places if place is not None)
        return self._gazetteer

    def _first_named(self, key: str) -> str | None:
        """The region a folded name means exactly, as the gazetteer's index has it: the first
        in id order whose nearest file has the name (so a name two regions share is the
        first's). No region after it is looked at: among 3,000 local files, a name a shipped
        region has before them reads none of them. None when no region has it."""
        found = None
        for region_id in self.ids() if key else ():
            if key in self._keys(region_id):
                found = region_id
                break
        self.save_headers()
        return found

    def _keys(self, region_id: str) -> Sequence[str]:
        """A listed region's folded names, as the gazetteer indexes them (none when its file
        is broken): from its directory's index, without its other names."""
        path = self._scan()[region_id][0]
        index = self._index_of(region_id, path)
        if index is None or region_id in self._places:
            place = self._place(region_id)
            # Folded when read, else folded now.
            return () if place is None else (place.keys or [fold(n) for n in place.names])
        try:
            return index.keys(region_id, path)
        except DataError as error:
            self.broken.append(error.diagnostic)
            self._places[region_id] = None
            return ()

    def _place(self, region_id: str) -> Place | None:
        """A listed region's names from its nearest file, None when that file is broken (a
        broken file must not stop every other name from being found; the command says it was
        left out)."""
        if region_id not in self._places:
            path = self._scan()[region_id][0]
            index = self._index_of(region_id, path)
            found = None
            try:
                if index is not None:
                    found = index.place(region_id, path)
                else:
                    found = headers.place(self._header_at(region_id, path))
            except DataError as error:
                self.broken.append(error.diagnostic)
            self._places[region_id] = found
        return self._places[region_id]
