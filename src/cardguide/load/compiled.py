"""Region files in compiled form (msgpack), named by what decides them, so never stale."""

# A region file that was read, decoded and checked once is kept as its typed content, under a
# name made from a digest of the file's exact bytes and of everything else that decides what
# reading and checking it gives: cardguide's own code (every module, so the model and every
# rule) and msgspec, which encodes the form. A change to any of them gives a new name, so an
# old form is never served. A wheel carries the compiled forms of its shipped files, made when
# it is built (hatch_build.py); local files, and shipped ones in a source checkout, are compiled
# into the user's cache the first time they load without a problem.

from __future__ import annotations

import os
import stat
import sys
from functools import cache
from pathlib import Path

import msgspec

from cardguide.model.region import RegionFile

PACKAGE = Path(__file__).parents[1]  # cardguide/, whose every module decides a form
# Only in a wheel: the shipped files' compiled forms and the digest of the code they were
# compiled by (hatch_build.py writes both).
SHIPPED = PACKAGE / "compiled"
CODE_DIGEST = "code.digest"


def _blake2b(data: bytes = b"", size: int = 16) -> str:
    try:  # the built-in BLAKE2, without loading OpenSSL as hashlib does (~3 ms a run)
        from _blake2 import blake2b
    except ImportError:
        from hashlib import blake2b
    return blake2b(data, digest_size=size).hexdigest()


def code_digest(package: Path = PACKAGE) -> str:
    """A digest of every module of cardguide and of its wording catalog: each file's path in
    the package and its bytes."""
    parts: list[bytes] = []
    for directory, subdirectories, files in os.walk(package):
        subdirectories[:] = sorted(d for d in subdirectories if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py") or Path(directory).name == "wording":
                path = Path(directory, name)
                relative = path.relative_to(package).as_posix().encode()
                parts.append(b"%d:%s%d:" % (len(relative), relative, path.stat().st_size))
                parts.append(path.read_bytes())
    return _blake2b(b"".join(parts))


@cache
def fingerprint() -> bytes:
    """Everything but the file's bytes that decides a compiled form or a cached result.

    A wheel states its code's digest, computed from the same modules when it was built, so an
    installed command reads one small file; a source checkout computes it (about 2 ms).
    """
    try:
        code = (SHIPPED / CODE_DIGEST).read_text(encoding="ascii").strip()
    except OSError:
        code = code_digest()
    runtime = f"msgspec {msgspec.__version__}; python {sys.version_info[0]}.{sys.version_info[1]}"
    return f"cardguide code {code}; {runtime}\n".encode()


def digest(raw: bytes) -> str:
    """The name of whatever is kept for these bytes under this code."""
    return _blake2b(fingerprint() + raw)


def content_digest(raw: bytes) -> str:
    """A digest of the bytes alone, for an index that lists files by their content."""
    return _blake2b(raw)


def cache_root() -> Path:
    """cardguide's part of the user's cache: $XDG_CACHE_HOME/cardguide, else the platform's
    cache folder (%LOCALAPPDATA%\\cardguide\\Cache on Windows, ~/Library/Caches/cardguide on
    macOS, ~/.cache/cardguide elsewhere)."""
    base = os.environ.get("XDG_CACHE_HOME")
    if base:
        return Path(base) / "cardguide"
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        if local:
            return Path(local) / "cardguide" / "Cache"
    try:
        home = Path.home()
    except RuntimeError:  # no HOME and no account entry: a run without any cache
        return _NOWHERE
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "cardguide"
    return home / ".cache" / "cardguide"


# Where the cache is when no folder for it can be found: inside the null device, so every read
# misses and every write fails, as in a cache that cannot be written (each caller copes with that).
_NOWHERE = Path(os.devnull, "cardguide")


def cache_dir() -> Path:
    """Where local files' compiled forms go."""
    return cache_root() / "compiled"


# No cache entry is larger than this: a compiled region file is a few tens of kilobytes.
MAX_ENTRY = 64 * 1024 * 1024


def read_entry(path: Path) -> bytes | None:
    """A cache file's bytes, or None when it is missing or anything but a regular file (a FIFO
    or a link to a device put in its place would block or never end)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY:
            return None
        with os.fdopen(descriptor, "rb", closefd=False) as entry:
            # Asking for the size it has, not the limit: a read allocates what it is asked for
            # (64 MiB took 0.7 ms, three times a command). A file that grew since is a miss.
            data = entry.read(info.st_size + 1)
        return data if len(data) == info.st_size else None
    except OSError:
        return None
    finally:
        os.close(descriptor)


def load(raw: bytes) -> RegionFile | None:
    """The compiled form of a file with these bytes, from the package or the user's cache."""
    name = f"{digest(raw)}.msgpack"
    for directory in (SHIPPED, cache_dir()):
        data = read_entry(directory / name)
        if data is None:
            continue
        try:
            return msgspec.msgpack.decode(data, type=RegionFile)
        except msgspec.DecodeError:
            continue  # a damaged cache file is read again from the YAML, and replaced
    return None


def encode(region: RegionFile) -> bytes:
    return msgspec.msgpack.encode(region)


def store(raw: bytes, region: RegionFile, directory: Path | None = None) -> None:
    """Keep the compiled form of a file that loaded and passed its checks."""
    target = directory or cache_dir()
    write_atomically(target / f"{digest(raw)}.msgpack", encode(region))


def write_atomically(path: Path, data: bytes) -> None:
    """Write under a temporary name, then rename: a reader never sees half a file. A cache that
    cannot be written (a read-only home) only means the next run does the work again."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        Path(temporary).chmod(0o644)  # as any file written with the usual umask
        Path(temporary).replace(path)
    except OSError:
        pass


# The list of validated digests is rewritten with only what a run met once it grows past this
# (about 15,000 entries, read in a few milliseconds): entries of older code, or of bytes long
# since edited, never match again.
MAX_VALIDATED = 512 * 1024


class ValidatedBytes:
    """Which bytes passed every per-file rule of this code's `validate`: one list of digests
    for the whole cache, read once a run and added to once at its end. One empty file per
    validated file cost a file creation each: a cold `validate` of 300 files spent about a
    quarter less time in the system without them (0.49 s, not 0.67 s), and file creation is
    slower still under a virus scanner."""

    def __init__(self) -> None:
        self.path = cache_root() / "validated.list"
        listed = read_entry(self.path) or b""
        self.size = len(listed)
        # A line cut short by a crash or mixed with another run's is not a digest: it is skipped.
        self.known = {line for line in listed.decode("ascii", "replace").split() if len(line) == 32}
        self.met: list[str] = []
        self.new: list[str] = []

    def remember(self, raw: bytes) -> bool:
        """Whether these bytes passed before (and, if so, that this run met them)."""
        name = digest(raw)
        if name in self.known:
            self.met.append(name)
            return True
        return False

    def add(self, raw: bytes, region: RegionFile) -> None:
        """Remember that these bytes pass every per-file rule, and keep their compiled form."""
        store(raw, region)
        self.new.append(digest(raw))

    def save(self) -> None:
        if not self.new:
            return
        if self.size + 33 * len(self.new) > MAX_VALIDATED:
            write_atomically(self.path, "\n".join([*self.met, *self.new, ""]).encode("ascii"))
            return
        added = "".join(f"\n{name}" for name in self.new).encode("ascii")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Never through a link, never blocking on a FIFO put in the list's place, and only
            # into a regular file: anything else is left alone and the work done again.
            flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | _NONBLOCK | _NOFOLLOW
            descriptor = os.open(self.path, flags, 0o644)
        except OSError:
            return
        try:
            if stat.S_ISREG(os.fstat(descriptor).st_mode):
                # One appending write, started on a line of its own: runs that end together
                # each add whole lines, and at worst one entry is lost and the work done again.
                os.write(descriptor, added)
        except OSError:
            pass
        finally:
            os.close(descriptor)


_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # not on Windows, where links need privileges
