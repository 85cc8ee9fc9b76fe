"""Region files in compiled form (msgpack), found by the digest of their bytes, so never stale.

A region file that was read, decoded and checked once is kept as its typed content, under a
name made from a digest of the file's exact bytes and of this version of cardguide. Any change
to the file, or a new cardguide, gives a new name, so an old form is never served. The shipped
files are compiled and checked when the package is built (scripts/build_index.py); local files
are compiled into the user's cache the first time they load without a problem.
"""

from __future__ import annotations

import os
from pathlib import Path

import msgspec

from . import __version__
from .model import RegionFile

SHIPPED = Path(__file__).with_name("compiled")
# Part of every digest: a change to the compiled format or to the model comes with a new version.
_SALT = f"cardguide {__version__} compiled 1\n".encode()


def digest(raw: bytes) -> str:
    try:  # the built-in BLAKE2, without loading OpenSSL as hashlib does (~3 ms a run)
        from _blake2 import blake2b
    except ImportError:
        from hashlib import blake2b
    return blake2b(_SALT + raw, digest_size=16).hexdigest()


def cache_root() -> Path:
    """cardguide's part of the user's cache: $XDG_CACHE_HOME/cardguide, else ~/.cache/cardguide."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cardguide"


def cache_dir() -> Path:
    """Where local files' compiled forms go."""
    return cache_root() / "compiled"


def load(raw: bytes) -> RegionFile | None:
    """The compiled form of a file with these bytes, from the package or the user's cache."""
    name = f"{digest(raw)}.msgpack"
    for directory in (SHIPPED, cache_dir()):
        try:
            data = (directory / name).read_bytes()
        except OSError:
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


def validated(raw: bytes) -> bool:
    """Whether a file with these bytes passed every per-file rule of `validate` before."""
    return (cache_root() / "validated" / digest(raw)).exists()


def mark_validated(raw: bytes, region: RegionFile) -> None:
    """Remember that these bytes pass every per-file rule, and keep their compiled form."""
    store(raw, region)
    write_atomically(cache_root() / "validated" / digest(raw), b"")
