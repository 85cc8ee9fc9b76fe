"""Local data directories in the user's cache: headers, name snapshots, listings, by their stat."""

from __future__ import annotations

import os
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec

from cardguide.load import compiled
from cardguide.load.loader import Listing
from cardguide.places.names import Gazetteer, Place


class LocalHeaders:
    """The headers of one local data directory's files, kept in the user's cache.

    A header is used again only while its file's modification and change times, size and inode
    are what they were when it was read; any edit, replacement or touch reads the file again.
    So `regions` and name lookups over thousands of local files stat them and parse none.
    """

    def __init__(self, directory: str) -> None:
        self.path = _cache_file("headers", directory)
        self.changed = False
        try:
            body = msgspec.msgpack.decode(_read(self.path))
            self.entries: dict[str, Any] = body if isinstance(body, dict) else {}
        except (OSError, msgspec.DecodeError):
            self.entries = {}

    def get(self, path: str, read: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """The header of the file at `path` (a string: this runs thousands of times a lookup)."""
        stamp = _stamp(path)
        entry = self.entries.get(path)
        if isinstance(entry, list) and entry[0] == stamp:
            header: dict[str, Any] = entry[1]
            return header
        header = read()  # a broken file raises here, and nothing is kept for it
        self.entries[path] = [stamp, header]
        self.changed = True
        return header

    def save(self, present: set[str]) -> None:
        """Write the headers back when some were read anew or some files are gone."""
        gone = [path for path in self.entries if path not in present]
        for path in gone:
            del self.entries[path]
        if not (self.changed or gone):
            return
        _keep(self.path, lambda: msgspec.msgpack.encode(self.entries))
        self.changed = False


BUCKETS = 64  # a name lookup decodes the one part of a snapshot's names its name falls in


def _bucket(key: str) -> int:
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) % BUCKETS


class Snapshot(msgspec.Struct):
    """One local directory's places and folded names, with the stat of every file they came
    from. Its parts stay encoded until needed: a lookup of one name decodes one part of the
    names and the stamps of the files it must check, and the places only the whole gazetteer."""

    names: list[msgspec.Raw]  # BUCKETS parts, each {folded name: first id} of its names
    stamps: msgspec.Raw  # {path: stat stamp}
    places: msgspec.Raw  # [Place], in id order

    @classmethod
    def of(cls, stamps: dict[str, list[int]], places: list[Place]) -> Snapshot:
        parts: list[dict[str, str]] = [{} for _ in range(BUCKETS)]
        for key, region_id in Gazetteer(places).index.items():
            parts[_bucket(key)][key] = region_id
        raw = [msgspec.Raw(msgspec.msgpack.encode(part)) for part in parts]
        encoded = msgspec.msgpack.encode
        return cls(raw, msgspec.Raw(encoded(stamps)), msgspec.Raw(encoded(places)))

    def first(self, key: str) -> str | None:
        """The first region, in id order, with this folded name."""
        return msgspec.msgpack.decode(self.names[_bucket(key)], type=dict[str, str]).get(key)

    def index(self) -> dict[str, str]:
        index: dict[str, str] = {}
        for part in self.names:
            index.update(msgspec.msgpack.decode(part, type=dict[str, str]))
        return index

    def describes(self, paths: list[str], *, every: bool = False) -> bool:
        """Whether each file is as it was when the snapshot was taken; with `every`, whether
        they are also all the files it was taken of."""
        stamps = msgspec.msgpack.decode(self.stamps, type=dict[str, list[int]])
        if every and len(stamps) != len(paths):
            return False
        return all(stamps.get(path) == _stamp(path) for path in paths)


def _snapshot(directory: str) -> Snapshot | None:
    try:
        return msgspec.msgpack.decode(_read(_cache_file("names", directory)), type=Snapshot)
    except (OSError, msgspec.DecodeError):  # none yet, or damaged or foreign: read the headers
        return None


# A listing taken this soon after its directory last changed is not kept: a second change in
# the same tick of the file system's clock would leave the directory's stamp as it was.
_SETTLED_NS = 2_000_000_000


def _directory_stamp(directory: str) -> list[int]:
    info = os.stat(directory)  # noqa: PTH116
    return [info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev]


def listing(directory: str) -> tuple[list[int], Listing | None]:
    """The directory's stamp, taken before any listing of it, and its kept listing if the stamp
    is what it was."""
    stamp = _directory_stamp(directory)
    try:
        kept = msgspec.msgpack.decode(_read(_cache_file("listings", directory)), type=Listing)
    except (OSError, msgspec.DecodeError):
        return stamp, None
    return stamp, kept if kept.stamp == stamp else None


def keep_listing(directory: str, listed: Listing) -> None:
    """Keep a listing whose directory has been still long enough for its stamp to be trusted."""
    if time.time_ns() - listed.stamp[0] >= _SETTLED_NS:
        _keep(_cache_file("listings", directory), lambda: msgspec.msgpack.encode(listed))


def _read(path: Path) -> bytes:
    """A cache file's bytes; OSError when it is missing or not a regular file."""
    data = compiled.read_entry(path)
    if data is None:
        raise OSError(f"no cache entry at {path}")
    return data


def _keep(path: Path, encode: Callable[[], bytes]) -> None:
    """Write a cache file, unless what it would hold cannot be encoded: a file name that is not
    text in UTF-8 (bytes a file system allows) is simply read again next time."""
    try:
        data = encode()
    except UnicodeEncodeError:
        return
    compiled.write_atomically(path, data)


def _cache_file(kind: str, directory: str) -> Path:
    """The cache file of one kind for one local directory. Its name is a digest of the directory
    and of cardguide's code: a file written by other code, in whatever format, is never read."""
    key = compiled.digest(directory.encode("utf-8", "surrogateescape"))
    return compiled.cache_root() / kind / f"{key}.msgpack"


def _stamp(path: str) -> list[int]:
    """What changes when a file is edited, replaced or touched (a string path: this runs for
    every local file of a lookup)."""
    info = os.stat(path)  # noqa: PTH116
    return [info.st_mtime_ns, info.st_ctime_ns, info.st_size, info.st_ino]


def _by_directory(scanned: dict[str, list[str]]) -> dict[str, list[tuple[str, str]]]:
    """Each directory's (id, nearest file) pairs, in id order, as the index is built in."""
    grouped: dict[str, list[tuple[str, str]]] = {}
    for region_id, paths in sorted(scanned.items()):
        grouped.setdefault(os.path.dirname(paths[0]), []).append((region_id, paths[0]))  # noqa: PTH120
    return grouped


def from_snapshots(
    scanned: dict[str, list[str]],
    local: set[str],
    shipped: Callable[[list[tuple[str, str]]], list[Place] | None],
) -> Gazetteer | None:
    """Every region's names without reading a header, when each local directory's snapshot
    still describes it file for file; None when any does not (or a region id is in two
    directories, where the nearest file wins), and the caller reads the headers."""
    if not local or any(len(paths) > 1 for paths in scanned.values()):
        return None
    places: list[Place] = []
    indexes: list[dict[str, str]] = []
    for directory, files in _by_directory(scanned).items():
        if directory not in local:
            found = shipped(files)
            if found is None:
                return None
            places += found
            indexes.append(Gazetteer(found).index)
            continue
        snapshot = _snapshot(directory)
        if snapshot is None or not snapshot.describes([p for _id, p in files], every=True):
            return None
        places += msgspec.msgpack.decode(snapshot.places, type=list[Place])
        indexes.append(snapshot.index())
    index: dict[str, str] = {}
    for part in indexes:
        # As if every place were indexed together in id order: a name two regions share
        # belongs to the first id.
        for key in part.keys() & index.keys():
            index[key] = min(index[key], part[key])
        index = {**part, **index}
    return Gazetteer.assembled(sorted(places, key=lambda place: place.id), index)


def first_named(
    key: str,
    scanned: dict[str, list[str]],
    listed: dict[str, list[tuple[str, str]]],
    local: set[str],
    shipped: Callable[[list[tuple[str, str]]], list[Place] | None],
) -> str | None:
    """The region a folded name means exactly, from the snapshots and the committed index,
    checking only the files that could take the name from it: a name two regions share belongs
    to the first in id order, so no file after the answer can change it. Among 3,000 local
    files, a name the shipped data answers before them stats none of them. None when this way
    cannot tell, and the caller reads the whole gazetteer. `listed`: each directory's files."""
    if not local or any(len(paths) > 1 for paths in scanned.values()):
        return None  # an id in two directories: the nearest file's names count
    best: str | None = None
    snapshots: dict[str, Snapshot] = {}
    for directory, files in listed.items():
        if directory in local:
            snapshot = _snapshot(directory)
            if snapshot is None:
                return None
            snapshots[directory] = snapshot
            found = snapshot.first(key)
            if found is not None and found not in {region_id for region_id, _path in files}:
                return None  # its file is gone from here (another directory's may share its id)
        else:
            places = shipped(files)
            if places is None or not all(place.keys for place in places):
                return None
            found = min((place.id for place in places if key in place.keys), default=None)
        if found is not None and (best is None or found < best):
            best = found
    if best is None or best not in scanned:
        return None
    for directory, snapshot in snapshots.items():
        before = [path for region_id, path in listed[directory] if region_id <= best]
        if before and not snapshot.describes(before):
            return None
    return best


def save_snapshots(
    gazetteer: Gazetteer,
    scanned: dict[str, list[str]],
    kept: dict[str, LocalHeaders],
    broken: list[Any],
) -> None:
    """A snapshot of each local directory whose every file gave its header this run."""

    if broken:
        return
    for directory, files in _by_directory(scanned).items():
        cache = kept.get(directory)
        if cache is None:
            continue  # a shipped directory, or one that gave no header
        try:
            stamps = {path: cache.entries[path][0] for _id, path in files}
            places = [gazetteer.places[region_id] for region_id, _path in files]
        except KeyError:
            continue
        _keep(
            _cache_file("names", directory),
            lambda: msgspec.msgpack.encode(Snapshot.of(stamps, places)),  # noqa: B023
        )
