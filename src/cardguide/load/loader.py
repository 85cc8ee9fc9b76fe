"""Read one region file and decode it into the typed model, fresh or from its compiled form."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec

from cardguide.errors import DataError, Diagnostic, os_reason
from cardguide.load import compiled
from cardguide.load.sourcemap import Document, KeyPath
from cardguide.model.region import KINDS, Item, RegionFile
from cardguide.wording import Msg, msg
from cardguide.wording.text import Text


class Layer(msgspec.Struct, frozen=True):
    """One loaded region file: its typed content and where each key was written."""

    region: RegionFile
    doc: Document
    overlay: bool = False  # from a local data directory rather than the shipped data

    @property
    def file(self) -> Path:
        return self.doc.file

    def diagnostic(
        self, code: str, message: Msg, path: KeyPath, *, key: bool = False
    ) -> Diagnostic:
        return self.doc.diagnostic(code, message, path, key=key)


class Listing(msgspec.Struct, array_like=True):
    """A data directory's region files and odd entries, used while the directory's own stat
    is unchanged: adding, removing or renaming an entry changes the directory's mtime."""

    stamp: list[int]
    files: list[tuple[str, str]]  # (id, path) of each region file
    odd: list[str]  # names of *.yaml entries that cannot be region files


def compiled_layer(file: Path, raw: bytes, overlay: bool = False) -> Layer | None:
    """The layer from the compiled form of these bytes, if there is one; lines and columns are
    read from the YAML only if a diagnostic needs them."""
    region = compiled.load(raw)
    if region is None:
        return None
    return Layer(region, Document(file=file, data=None, locate=lambda: _parse(file, raw)), overlay)


def _parse(file: Path, raw: bytes) -> Document:
    from cardguide.load.yamlread import read_yaml  # PyYAML is imported only when some YAML is read

    return read_yaml(file, raw)


def decode_layer(file: Path, overlay: bool = False) -> Layer:
    """Read, parse and decode one region file without the per-file content checks; a file
    compiled before is decoded from its compiled form (the same content, parsed once)."""
    raw = read_file(file)
    return compiled_layer(file, raw, overlay) or parse_layer(file, raw, overlay)


def parsed_data(layer: Layer, raw: bytes) -> Any:
    """The data of a file with these bytes as YAML gives it, parsed now if the layer came
    compiled."""
    if layer.doc.data is None:
        return _parse(layer.file, raw).data
    return layer.doc.data


def parse_layer(file: Path, raw: bytes, overlay: bool = False) -> Layer:
    """The layer these bytes give when parsed as YAML and decoded, unchecked."""
    doc = _parse(file, raw)
    if doc.data is None:
        raise DataError(Diagnostic("CG018", msg("yaml.empty"), file, 1, 1))
    if not isinstance(doc.data, dict):
        raise DataError(doc.diagnostic("CG004", msg("load.not_mapping"), ()))
    try:
        region = msgspec.convert(doc.data, RegionFile, strict=True)
    except msgspec.ValidationError:
        from cardguide.load.decode_errors import diagnose  # only a broken file pays for it

        raise DataError(diagnose(doc)) from None
    return Layer(region, doc, overlay)


# The largest region file read: the biggest shipped one is about 50 KB.
MAX_FILE_BYTES = 1024 * 1024


def read_file(file: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """A data file's bytes, never blocking on a FIFO or device and never reading past `limit`.

    The file is opened without blocking and checked on the open descriptor, so a name swapped
    for a FIFO between a check and the read cannot hang the tool.
    """

    def too_big(size: int) -> DataError:
        return DataError(
            Diagnostic("CG030", msg("load.too_big", size=size, limit=limit), file, 1, 1)
        )

    try:
        descriptor = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            info = os.fstat(descriptor)
            if not stat.S_ISREG(info.st_mode):
                raise DataError(Diagnostic("CG029", msg("load.not_regular"), file, 1, 1))
            if info.st_size > limit:
                raise too_big(info.st_size)
            chunks: list[bytes] = []
            size = 0
            while size <= limit and (chunk := os.read(descriptor, 1 << 16)):
                chunks.append(chunk)
                size += len(chunk)
        finally:
            os.close(descriptor)
    except OSError as exc:
        unreadable = msg("load.unreadable", reason=os_reason(exc))
        raise DataError(Diagnostic("CG001", unreadable, file)) from None
    if size > limit:  # it grew while being read
        raise too_big(size)
    return b"".join(chunks)


def iter_texts(value: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, Text]]:
    """Every Text inside a struct tree, with its key path."""
    if isinstance(value, Text):
        yield path, value
    elif isinstance(value, msgspec.Struct):
        for name in value.__struct_fields__:
            yield from iter_texts(getattr(value, name), (*path, name))
    elif isinstance(value, list):
        for index, element in enumerate(value):
            yield from iter_texts(element, (*path, index))


# The FAQ is not a procedure, but it inherits and is checked like one under this name.
FAQ = ("faq", "questions")


def iter_items(region: RegionFile) -> Iterator[tuple[str, str, KeyPath, Item]]:
    """(procedure, kind, key path, item) for every item in the file, in file order."""
    procedures = region.procedures
    for name in procedures.__struct_fields__:
        # Where to confirm is the same for every procedure: each checklist inherits it.
        for index, contact in enumerate(region.contacts):
            yield name, "contacts", ("contacts", index), contact
        section = getattr(procedures, name)
        if section is None:
            continue
        for kind in KINDS:
            for index, item in enumerate(getattr(section, kind, ())):
                yield name, kind, ("procedures", name, kind, index), item
    for index, faq in enumerate(region.faq):
        yield *FAQ, ("faq", index), faq
