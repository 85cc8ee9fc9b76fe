"""JSON output: explicit, versioned fields written with the standard library, never through rich."""

from __future__ import annotations

import json
from typing import Any, TextIO

import msgspec

from ..documents import UNKNOWN, Checklist, Document, GuideView, RegionInfo, RegionListing
from ..match import Placed
from ..model import KINDS, Item, Source
from ..resolve import Candidate
from . import RenderOptions

# Bump on any change that could break a consumer (renamed or removed field, changed meaning);
# adding a field is not such a change.
SCHEMA_VERSION = 1

# Fields placed explicitly after the kind's own fields; before/after only order the data files.
_NOT_OWN = ("id", "sources", "status", "when", "before", "after", "dated")


def render(document: Document, out: TextIO, options: RenderOptions) -> None:
    payload = {"schema_version": SCHEMA_VERSION, **to_json(document)}
    out.write(json.dumps(payload, ensure_ascii=False, indent=2))
    out.write("\n")


def to_json(document: Document) -> dict[str, Any]:
    if isinstance(document, RegionListing):
        return {"kind": "regions", "regions": [_region(info) for info in document.regions]}
    if isinstance(document, Checklist):
        return _checklist(document)
    return _guide(document)


def _builtins(value: object) -> Any:
    return msgspec.to_builtins(value)


def _region(info: RegionInfo) -> dict[str, Any]:
    return {
        "id": info.id,
        "names": _builtins(info.names),
        "level": info.level,
        "parent": info.parent,
        "last_reviewed": info.last_reviewed.isoformat(),
        "file": str(info.file),
    }


def _item(item: Item) -> dict[str, Any]:
    own = {
        name: _builtins(getattr(item, name))
        for name in item.__struct_fields__
        if name not in _NOT_OWN
    }
    return {
        "id": item.id,
        **own,
        "status": item.status,
        "sources": list(item.sources),
        "dated": _builtins(item.dated),
        "when": _builtins(item.when),
    }


def _origin(candidate: Candidate) -> dict[str, Any]:
    return {"origin": candidate.origin, "file": str(candidate.layer.file)}


def _placed(placed: Placed, number: int | None) -> dict[str, Any]:
    data = _item(placed.item)
    if number is not None:
        data = {"number": number, **data}
    return {**data, **_origin(placed.candidate), "inherited": placed.inherited}


def _source(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "title": _builtins(source.title),
        "status": source.status,
        "url": source.url,
        "dated": _builtins(source.dated),
        "note": _builtins(source.note),
    }


def _checklist(checklist: Checklist) -> dict[str, Any]:
    profile = checklist.profile
    sections = {
        kind: [
            _placed(placed, index + 1 if kind == "steps" else None)
            for index, placed in enumerate(checklist.sections.get(kind, []))
        ]
        for kind in KINDS
    }
    return {
        "kind": "checklist",
        "procedure": checklist.procedure,
        "region": _region(checklist.region),
        "chain": [info.id for info in checklist.chain],
        "profile": {
            "facets": sorted(profile.facets),
            "given": sorted(profile.given),
            "application": profile.application,
            "description": profile.describe(),
        },
        "channel": checklist.channel,
        **sections,
        "unknown": dict.fromkeys(checklist.unknown, UNKNOWN),
        "sources": [_source(source) for source in checklist.sources],
    }


def _guide(view: GuideView) -> dict[str, Any]:
    procedures = {
        procedure: {
            kind: [
                {
                    "id": entry.id,
                    "versions": [
                        {**_item(candidate.item), **_origin(candidate)}
                        for candidate in entry.candidates
                    ],
                }
                for entry in entries
            ]
            for kind, entries in kinds.items()
        }
        for procedure, kinds in view.procedures.items()
    }
    return {
        "kind": "guide",
        "region": _region(view.region),
        "chain": [info.id for info in view.chain],
        "procedures": procedures,
        "sources": [_source(source) for source in view.sources],
    }
