"""A data directory's index in the user's cache: its listing, each file's stamp and header."""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Sequence
from pathlib import Path

import msgspec

from cardguide.load import compiled, datadir, headers
from cardguide.load.checked import load_layer
from cardguide.load.loader import Listing
from cardguide.places.names import Place

# The clock tick a stamp is judged by: two seconds, the coarsest step a data directory's file
# system may stamp in (FAT's; others stamp in one second, or from a kernel clock that lags the
# system clock by a few milliseconds). A change within one tick of a stamp may leave it as it was.
TICK_NS = 2_000_000_000


class Record(msgspec.Struct, array_like=True):
    """What the index knows of one region file that was read without a problem."""

    stamp: list[int]  # the file's (a link's target's) mtime, ctime, size, inode and device
    keys: list[str]  # its names folded, as a name lookup compares them
    # Decoded when asked: its header, and the names a lookup needs, made from the header.
    header: msgspec.Raw
    place: msgspec.Raw


class Stored(msgspec.Struct, array_like=True):
    """The index as it is kept: one file per directory, named by a digest of the directory's
    path and of cardguide's code, so a file written by other code is never read."""

    written: int  # the system clock when the run that wrote it began, before it stat'ed anything
    listing: Listing | None  # the directory's region files and odd entries, with its own stamp
    linked: bool  # the listing held a link, whose target can change while the directory does not
    # {region id: Record} as msgpack, decoded once a header is asked for: as bytes, it is
    # passed over in one step by a run that needs only the listing.
    records: bytes


_RECORDS = msgspec.msgpack.Decoder(dict[str, Record])
_HEADER = msgspec.msgpack.Decoder(headers.Header)
_PLACE = msgspec.msgpack.Decoder(Place)
_EMPTY = msgspec.msgpack.encode({})


class DirIndex:
    """One data directory as the last run left it: its listing, and each region file's
    stat stamp and header (names, level, parent, review date, folded names).

    The invariant: a stamp is trusted only if the file or directory it describes last changed
    (mtime and ctime) more than a clock tick before the index was written, and then only while
    it is unchanged. A change within the tick of a stamp may leave the stamp as it was, as git's
    index knows ("racily clean"): such an entry is read again, and a write made a tick after
    the change trusts it. `_trusted` is the only place a stored stamp is let in.

    The catalog asks for the listing and for each file's header or names; the index stats and
    reads the files itself. A broken file raises DataError and nothing is kept for it.
    """

    def __init__(
        self, directory: Path, roots: Sequence[Path], limit: int, overlay: bool = True
    ) -> None:
        self.directory = str(directory)
        self.overlay = overlay  # a local directory's files, rather than the shipped data's
        self.roots = roots  # the catalog's data directories, where a link may point
        self.limit = limit  # region files a directory may hold (CG033 beyond)
        self.began = time.time_ns()  # before this run stats anything: the time of its write
        self.file = index_file(self.directory)
        try:
            self.stored = msgspec.msgpack.decode(_read(self.file), type=Stored)
        except (OSError, msgspec.DecodeError):  # none yet, damaged or foreign: trust nothing
            self.stored = Stored(0, None, False, _EMPTY)
        self.changed = False  # learnt something the next run would trust, so worth a write
        self._listing: Listing | None = None
        self._linked = False
        self._records: dict[str, Record] | None = None
        self._checked: dict[str, Record] = {}  # records whose file was stat'ed this run

    def _trusted(self, stamp: list[int]) -> bool:
        """Whether a stored stamp may be used: every one passes here first."""
        return _settled(stamp, self.stored.written)

    def _learnt(self, stamp: list[int]) -> None:
        """Note news worth a write: one made in this run trusts a stamp taken now only if its
        file or directory had settled when the run began (else the index is not written, and
        the next run looks again, as it would have to)."""
        self.changed |= _settled(stamp, self.began)

    def listing(self) -> Listing:
        """The directory's region files, in id order, and odd entries: kept ones while the
        directory's own stamp is trusted and unchanged (adding, removing or renaming an entry
        changes it), else listed now. OSError when it cannot be read, DataError when crowded."""
        if self._listing is None:
            stamp = _directory_stamp(self.directory)
            kept, linked = self.stored.listing, self.stored.linked
            if kept is not None and not linked and kept.stamp == stamp and self._trusted(stamp):
                self._listing, self._linked = kept, linked
            else:
                self._listing, self._linked = datadir.listed(self.directory, self.limit, stamp)
                # A directory with a link is listed every run: news only when the listing differs.
                same = self._listing == kept and self._linked == linked
                if not (same and self._trusted(stamp)):
                    self._learnt(stamp)
        return self._listing

    def header(self, region_id: str, path: str) -> headers.Header:
        """The header of a region file of this directory. DataError for a broken file."""
        return _HEADER.decode(self._record(region_id, path).header)

    def place(self, region_id: str, path: str) -> Place:
        """The names of a region file of this directory. DataError for a broken file."""
        return _PLACE.decode(self._record(region_id, path).place)

    def keys(self, region_id: str, path: str) -> list[str]:
        """The folded names of a region file of this directory. DataError for a broken file."""
        return self._record(region_id, path).keys

    def _record(self, region_id: str, path: str) -> Record:
        """A file's record: the kept one while the file's stamp is trusted and unchanged, else
        one read from the file now; each file is stat'ed once a run."""
        if region_id in self._checked:
            return self._checked[region_id]
        records = self._kept()
        try:
            stamp = _stamp(path)  # before reading: an edit while it is read shows next time
        except OSError:  # gone, or a link that no longer leads anywhere: reading it says why
            stamp = None
        kept = records.get(region_id)
        if kept is not None and kept.stamp == stamp:
            self._checked[region_id] = kept
            return kept
        if records.pop(region_id, None) is not None:
            self.changed = True  # a broken file's last good header is not kept either
        header = self._read(region_id, path)
        place = headers.place(header)
        encode = msgspec.msgpack.encode
        raw = msgspec.Raw(encode(header)), msgspec.Raw(encode(place))
        record = Record(stamp or [], list(place.keys), *raw)
        self._checked[region_id] = record
        if stamp is not None:
            records[region_id] = record
            self._learnt(stamp)
        return record

    def _read(self, region_id: str, path: str) -> headers.Header:
        """A file's header read from the file (its compiled form, once it loaded cleanly),
        with every check a command makes: a link out of the data directories is refused.

        A shipped file with the very bytes the committed index was built from takes its header
        from there, before any check: a shipped link that leads outside keeps its names, so they
        never fall to another region, and is refused (CG031) when a command loads it."""
        file = Path(path)
        if not self.overlay and (found := headers.indexed(region_id, file)) is not None:
            return found
        datadir.refuse_outside(file, self.roots)
        return headers.header_of(load_layer(file, overlay=self.overlay))

    def _kept(self) -> dict[str, Record]:
        if self._records is None:
            try:
                stored = _RECORDS.decode(self.stored.records)
            except msgspec.DecodeError:
                stored = {}
            self._records = {key: kept for key, kept in stored.items() if self._trusted(kept.stamp)}
        return self._records

    def save(self) -> None:
        """Write the index when this run learnt something, as of when the run began; records
        of files no longer listed are left out."""
        if not self.changed:
            return
        present = {region_id for region_id, _path in self._listing.files} if self._listing else ()
        records = {key: kept for key, kept in self._kept().items() if key in present}
        body = Stored(self.began, self._listing, self._linked, _EMPTY)
        try:  # a file name that is not text in UTF-8 (a file system allows it) is not kept
            body.records = msgspec.msgpack.encode(records)
            data = msgspec.msgpack.encode(body)
        except UnicodeEncodeError:
            return
        compiled.write_atomically(self.file, data)
        self.changed = False


def _settled(stamp: list[int], when: int) -> bool:
    """Whether a file or directory had last changed more than a clock tick before `when`."""
    return max(stamp[0], stamp[1]) + TICK_NS < when


def _read(path: Path) -> bytes:
    """The index file's bytes; OSError when it is missing or anything but a regular file (a FIFO
    or a link to a device put in its place would block or never end). Read at its own size:
    reading up to a limit, as compiled.read_entry does, allocates the limit (64 MiB) first."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or info.st_size > compiled.MAX_ENTRY:
            raise OSError(f"not an index: {path}")
        return os.read(descriptor, info.st_size)
    finally:
        os.close(descriptor)


def index_file(directory: str) -> Path:
    key = compiled.digest(directory.encode("utf-8", "surrogateescape"))
    return compiled.cache_root() / "index" / f"{key}.msgpack"


def _directory_stamp(directory: str) -> list[int]:
    info = os.stat(directory)  # noqa: PTH116
    return [info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev]


def _stamp(path: str) -> list[int]:
    """What changes when a file is edited, replaced or touched (a string path: this runs for
    every local file of a listing)."""
    info = os.stat(path)  # noqa: PTH116
    return [info.st_mtime_ns, info.st_ctime_ns, info.st_size, info.st_ino, info.st_dev]
