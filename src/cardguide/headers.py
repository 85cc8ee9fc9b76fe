"""A committed index of the shipped regions' names, so finding a place never parses every file."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .loader import Layer
    from .names import Place

FILE = Path(__file__).with_name("region_headers.json")
VERSION = 1


def spellings(layer: Layer) -> dict[str, Any]:
    """What a name lookup needs from a region file's header."""
    region = layer.region
    full = region.full_names
    names = (
        region.names.en, region.names.zh, region.pinyin, *region.aliases,
        *((full.en, full.zh) if full else ()),
    )  # fmt: skip
    return {
        "parent": region.parent,
        "names": [name for name in names if name],
        "shown": [region.id, region.names.zh or region.id],
        "division": region.division,
        # A shipped file edited after the index was built (its size changed) is read instead;
        # the size costs one stat, where a checksum would read every file on every lookup.
        "size": layer.file.stat().st_size,
    }


def indexed(region_id: str, file: Path) -> Place | None:
    """The region's names from the committed index, if it describes this shipped file.

    The caller passes only files of the shipped data directory; a test keeps the index in step
    with them, so a matching size is enough.
    """
    header = shipped().get(region_id)
    if header is None or header.get("size") != file.stat().st_size:
        return None
    return place(region_id, header)


def place(region_id: str, header: dict[str, Any]) -> Place:
    from .names import Place

    shown = header["shown"]
    return Place(
        region_id,
        header["parent"],
        tuple(header["names"]),
        (shown[0], shown[1]),
        header["division"],
    )


def build(layers: list[Layer]) -> str:
    """The index's text: one header per region, sorted, so a rebuild changes only what changed."""
    headers = sorted((layer.region.id, spellings(layer)) for layer in layers)
    lines = [
        f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False, sort_keys=True)}"
        for key, value in headers
    ]
    return f'{{"version": {VERSION}, "regions": {{\n' + ",\n".join(lines) + "\n}}\n"


@cache
def shipped() -> dict[str, dict[str, Any]]:
    """The committed headers by region id; empty when the index is missing or of another version."""
    try:
        body = json.loads(FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(body, dict) or body.get("version") != VERSION:
        return {}
    regions = body.get("regions")
    return regions if isinstance(regions, dict) else {}
