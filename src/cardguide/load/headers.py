"""Region headers without parsing: a committed index of the shipped ones, checked by digest."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from cardguide.load import compiled
from cardguide.places.names import Place

if TYPE_CHECKING:
    from cardguide.load.loader import Layer

FILE = Path(__file__).with_name("region_headers.json")


def header_of(layer: Layer) -> dict[str, Any]:
    """What listings and name lookups need from a region file, as JSON values."""
    region = layer.region
    full = region.full_names
    header = {
        "id": region.id,
        "level": region.level,
        "parent": region.parent,
        "names": {"en": region.names.en, "zh": region.names.zh},
        "full_names": {"en": full.en, "zh": full.zh} if full else None,
        "pinyin": region.pinyin,
        "aliases": list(region.aliases),
        "division": region.division,
        "last_reviewed": region.last_reviewed.isoformat(),
    }
    return {**header, "keys": spellings(header)["keys"]}  # folded once, kept with the header


def spellings(header: dict[str, Any]) -> dict[str, Any]:
    """What a name lookup needs from a header."""
    names, full = header["names"], header["full_names"] or {}
    every = (names["en"], names["zh"], header["pinyin"], *header["aliases"],
             full.get("en"), full.get("zh"))  # fmt: skip
    spelt = [name for name in every if name]
    if "keys" in header:  # folded when the header was read from its file
        keys = header["keys"]
    else:
        from cardguide.places.names import fold

        keys = list(dict.fromkeys(fold(name) for name in spelt))
    return {
        "parent": header["parent"],
        "names": spelt,
        "keys": keys,
        "shown": [header["id"], names["zh"] or header["id"]],
        "division": header["division"],
    }


def indexed(region_id: str, file: Path) -> Place | None:
    """The region's names from the committed index, if it describes this very file: the
    digest of the file's bytes must be the one the index was built from, so an edit of any
    size (宁波 renamed to another two-character name) is read from the file instead."""
    header = shipped().get(region_id)
    if header is None:
        return None
    try:
        raw = file.read_bytes()
    except OSError:
        return None
    if header.get("content") != compiled.content_digest(raw):
        return None
    return place(region_id, header)


def place(region_id: str, header: dict[str, Any]) -> Place:
    shown = header["shown"]
    return Place(
        region_id,
        header["parent"],
        tuple(header["names"]),
        (shown[0], shown[1]),
        header["division"],
        tuple(header.get("keys", ())),
    )


def build(layers: list[Layer]) -> str:
    """The index's text: one header per region, sorted, so a rebuild changes only what changed."""
    # A shipped file edited after the index was built (its bytes differ) is read instead.
    headers = sorted(
        (
            layer.region.id,
            {
                **spellings(header_of(layer)),
                "content": compiled.content_digest(layer.file.read_bytes()),
            },
        )
        for layer in layers
    )
    import json  # only when the index is built; reading it takes msgspec's faster decoder

    lines = [
        f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False, sort_keys=True)}"
        for key, value in headers
    ]
    return '{"regions": {\n' + ",\n".join(lines) + "\n}}\n"


@cache
def shipped() -> dict[str, dict[str, Any]]:
    """The committed headers by region id; empty when the index is missing or damaged."""
    try:
        body = msgspec.json.decode(FILE.read_bytes())
    except (OSError, msgspec.DecodeError):
        return {}
    if not isinstance(body, dict):
        return {}
    regions = body.get("regions")
    return regions if isinstance(regions, dict) else {}
