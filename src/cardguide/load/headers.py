"""Region headers without parsing: a committed index of the shipped ones, checked by digest."""

# No `from __future__ import annotations` here, as in the model: msgspec resolves Header's
# annotations when a run first decodes one, and evaluated ones cost less than strings.

import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from cardguide.load import compiled
from cardguide.model.region import Level
from cardguide.places.names import Place, fold
from cardguide.wording.text import Text

if TYPE_CHECKING:
    from cardguide.load.loader import Layer

FILE = Path(__file__).with_name("region_headers.json")


class Header(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """What listings and name lookups need from a region file: a listing of thousands is made
    from these, so none of those files is parsed."""

    id: str
    level: Level
    parent: str | None
    names: Text  # English and Chinese only: a listing shows no translation revisions
    full_names: Text | None
    pinyin: str | None
    aliases: tuple[str, ...]
    division: str | None
    last_reviewed: datetime.date
    keys: tuple[str, ...]  # every spelling folded, as a name lookup compares them


def header_of(layer: "Layer") -> Header:
    """A region file's header, its names folded once here."""
    region = layer.region
    full = region.full_names
    header = Header(
        region.id,
        region.level,
        region.parent,
        Text(en=region.names.en, zh=region.names.zh),
        Text(en=full.en, zh=full.zh) if full else None,
        region.pinyin,
        tuple(region.aliases),
        region.division,
        region.last_reviewed,
        (),
    )
    keys = tuple(dict.fromkeys(fold(name) for name in _spellings(header)))
    return msgspec.structs.replace(header, keys=keys)


def _spellings(header: Header) -> list[str]:
    names, full = header.names, header.full_names or Text()
    every = (names.en, names.zh, header.pinyin, *header.aliases, full.en, full.zh)
    return [name for name in every if name]


def place(header: Header) -> Place:
    """What a name lookup needs from a header."""
    shown = (header.id, header.names.zh or header.id)
    return Place(header.id, header.parent, tuple(_spellings(header)), shown, header.division,
                 header.keys)  # fmt: skip


def indexed(region_id: str, file: Path) -> Header | None:
    """The region's header from the committed index, if it describes this very file: the
    digest of the file's bytes must be the one the index was built from, so an edit of any
    size (宁波 renamed to another two-character name) is read from the file instead."""
    entry = shipped().get(region_id)
    if entry is None:
        return None
    try:
        raw = file.read_bytes()
    except OSError:
        return None
    return entry.header if entry.content == compiled.content_digest(raw) else None


class Entry(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One shipped region in the committed index."""

    content: str  # the digest of the file's bytes the header was read from
    header: Header


class _Index(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    regions: dict[str, Entry]


def build(layers: list["Layer"]) -> str:
    """The index's text: one region a line, sorted, so a rebuild changes only what changed."""
    entries = sorted(
        (layer.region.id, Entry(compiled.content_digest(layer.file.read_bytes()), header_of(layer)))
        for layer in layers
    )
    import json  # only when the index is built; reading it takes msgspec's faster decoder

    lines = [
        f"  {json.dumps(key)}: "
        + json.dumps(msgspec.to_builtins(entry), ensure_ascii=False, sort_keys=True)
        for key, entry in entries
    ]
    return '{"regions": {\n' + ",\n".join(lines) + "\n}}\n"


@cache
def shipped() -> dict[str, Entry]:
    """The committed headers by region id; empty when the index is missing, damaged or of
    another version of cardguide."""
    try:
        return msgspec.json.decode(FILE.read_bytes(), type=_Index).regions
    except (OSError, msgspec.DecodeError):
        return {}
