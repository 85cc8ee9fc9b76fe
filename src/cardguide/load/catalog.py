"""Where region files live, and finding a region by id or name while loading only what is asked."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec
import msgspec.structs

from cardguide.errors import AmbiguousPlace, DataError, Diagnostic, NotCovered, RegionNotFound
from cardguide.load import headers
from cardguide.load.checked import load_layer
from cardguide.load.loader import Layer, Listing, decode_layer
from cardguide.places.names import Gazetteer, Place, fold, is_han
from cardguide.wording import msg

if TYPE_CHECKING:
    from cardguide.load.localcache import LocalHeaders
    from cardguide.places.divisions import Division


class Found(msgspec.Struct, frozen=True):
    """The region whose rules a person gets, and the place they asked for if it has none."""

    region: str
    place: Division | None = None
    # When a bare name meant a city rather than the districts of the same name: the city taken
    # and the districts it could also have meant, for the command to say so.
    took: str | None = None
    passed_over: tuple[str, ...] = ()


# Ids are short file names: a longer one cannot name a file (and some systems refuse to look).
_ID = re.compile(r"^[a-z][a-z0-9-]{0,63}$")
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


def _is_file(entry: os.DirEntry[str]) -> bool:
    """Whether a directory entry is a regular file or a link to one; a link that loops or
    cannot be followed is not (it is listed as an entry left out)."""
    try:
        return entry.is_file()
    except OSError:
        return False


def _real(path: Path) -> Path:
    """The path with every link followed as far as it goes. Unlike Path.resolve, which raises
    RuntimeError on a loop in Python 3.11 and OSError from 3.13, this never raises: a looping
    link then fails where it is read, as a file that cannot be read."""
    return Path(os.path.realpath(path))


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
        self._odd: list[Path] = []
        self._listed: dict[str, list[tuple[str, str]]] = {}  # each directory's (id, path) pairs
        self._headers: dict[str, LocalHeaders] = {}
        self._overlay_strs = {str(directory) for directory in self.overlays}
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

    def is_local(self, path: str) -> bool:
        """Whether a listed file lies in a local data directory rather than the shipped data."""
        return os.path.dirname(path) in self._overlay_strs  # noqa: PTH120

    def ids(self) -> list[str]:
        """Every region id with a file; other *.yaml entries are left to `skipped`."""
        return sorted(self._scan())

    def _scan(self) -> dict[str, list[str]]:
        """Each data directory listed once: region files by id, nearest first, and odd entries.

        A directory with too many entries to read is refused at once (CG033). Entries come from
        the directory listing itself, so a regular file costs no stat.
        """
        if self._scanned is None:
            found: dict[str, list[str]] = {}
            odd: list[Path] = []
            self._listed = {}
            for directory in self.dirs:
                local = directory in self.overlays
                listed = self._list(directory, local)
                if listed is None:
                    continue
                self._listed[str(directory)] = listed.files
                if found:
                    for stem, path in listed.files:
                        found.setdefault(stem, []).append(path)
                else:  # the nearest directory, most often the only large one
                    found = {stem: [path] for stem, path in listed.files}
                if local:
                    odd += [directory / name for name in listed.odd]
            self._scanned, self._odd = found, sorted(odd)
        return self._scanned

    def _list(self, directory: Path, local: bool) -> Listing | None:
        """One directory's region files and odd entries; a local directory's from the user's
        cache while the directory is unchanged (3,000 files: listed in 2.4 ms, read back in
        0.6 ms). None for a directory that cannot be read."""
        stamp: list[int] = []
        try:
            if local:
                from cardguide.load import localcache  # local directories only

                stamp, kept = localcache.listing(str(directory))
                if kept is not None:
                    return kept
            with os.scandir(directory) as listing:
                entries = [e for e in listing if e.name.endswith(".yaml")]
        except OSError:
            return None
        if len(entries) > MAX_FILES:
            crowded = msg("catalog.too_many", count=len(entries), limit=MAX_FILES)
            raise DataError(Diagnostic("CG033", crowded, directory, 1, 1))
        files: list[tuple[str, str]] = []
        odd: list[str] = []
        for entry in entries:
            stem = entry.name[: -len(".yaml")]
            if _ID.fullmatch(stem) and _is_file(entry):
                files.append((stem, entry.path))
            else:
                odd.append(entry.name)
        listed = Listing(stamp, files, odd)
        # A link's target can change while its directory does not: such a listing is not kept.
        if local and not any(entry.is_symlink() for entry in entries):
            from cardguide.load import localcache  # local directories only

            localcache.keep_listing(str(directory), listed)
        return listed

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
            parent = self._resolved[file.parent] = _real(file.parent)
        file = parent / file.name
        if file not in self._loaded:
            target = _real(file)
            if target != file and not any(target.is_relative_to(d) for d in self.dirs):
                outside = msg("load.link_outside", target=target)
                raise DataError(Diagnostic("CG031", outside, file, 1, 1))
            overlay = file.parent in self.overlays
            read = load_layer if self.checked else decode_layer
            self._loaded[file] = read(file, overlay)
        return self._loaded[file]

    def header(self, region_id: str) -> dict[str, Any]:
        """The region's header (names, level, parent, review date) from its nearest file: a
        local file's from the user's cache while the file's stat is unchanged."""
        paths = self._scan().get(region_id)
        if not paths:
            raise RegionNotFound(region_id, [])
        return self._header_at(region_id, paths[0])

    def _header_at(self, region_id: str, path: str) -> dict[str, Any]:
        # Strings, not Paths, and no path resolved: this runs for every region of a lookup.
        directory = os.path.dirname(path)  # noqa: PTH120
        if directory not in self._overlay_strs:
            return headers.header_of(self.layer(region_id))
        if directory not in self._headers:
            from cardguide.load import localcache  # local directories only

            self._headers[directory] = localcache.LocalHeaders(directory)
        return self._headers[directory].get(path, lambda: headers.header_of(self.load(Path(path))))

    def save_headers(self) -> None:
        """Keep what was learnt about local files for the next run, and forget files that are
        gone (the directories were listed this run, so their files are known)."""
        present = {path for paths in self._scan().values() for path in paths}
        for cache in self._headers.values():
            cache.save(present)

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
        from cardguide.load import localcache  # local directories only

        scanned = self._scan()
        first = localcache.first_named(
            wanted, scanned, self._listed, self._overlay_strs, self._shipped_places
        )
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
        """Every region's names: shipped ones from the committed index, local ones from the
        user's cache (read again from a file whose stat changed)."""
        from cardguide.load import localcache  # local directories only

        found = localcache.from_snapshots(self._scan(), self._overlay_strs, self._shipped_places)
        if found is not None:
            return found
        gazetteer = self._gazetteer()
        localcache.save_snapshots(gazetteer, self._scan(), self._headers, self.broken)
        return gazetteer

    def _shipped_places(self, ids: list[tuple[str, str]]) -> list[Place] | None:
        """A non-local directory's places from the committed index, if it describes them all."""
        found = [headers.indexed(region_id, Path(path)) for region_id, path in ids]
        return None if None in found else [place for place in found if place is not None]

    def _gazetteer(self) -> Gazetteer:
        places = []
        for region_id, paths in sorted(self._scan().items()):
            found = headers.indexed(region_id, Path(paths[0]))
            if found is None:  # a local file, or a shipped one edited since the index was built
                try:
                    header = self._header_at(region_id, paths[0])
                    found = headers.place(region_id, headers.spellings(header))
                except DataError as error:
                    # A broken file must not stop every other name from being found; the
                    # command says it was left out.
                    self.broken.append(error.diagnostic)
                    continue
            places.append(found)
        self.save_headers()
        return Gazetteer(places)
