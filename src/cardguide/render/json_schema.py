"""JSON Schemas of everything `--format json` prints, made by msgspec from the structs it prints."""

from __future__ import annotations

from typing import Any

import msgspec

from cardguide.load.schema import SCHEMA_URI
from cardguide.render import json_guide as guide
from cardguide.render import json_other as other
from cardguide.render.json_checklist import PLACED_STRUCTS, Checklist
from cardguide.render.json_shape import Out

Schema = dict[str, Any]

# Each document kind, as `schema --output KIND` names it and its `kind` field says, and the struct
# of its JSON.
SHAPES: dict[str, type[Out]] = {
    "checklist": Checklist,
    "check": other.Check,
    "faq": guide.FaqResults,
    "guide": guide.Guide,
    "regions": other.Regions,
    "diff": guide.Diff,
    "validation": other.Validation,
    "batch": other.BatchRecord,  # one line of `batch` output; `result` is a document of its own
}
# The structs a list that mixes kinds of item refers to (json_shape.one_of): defined too.
MIXED = (*PLACED_STRUCTS.values(), *guide.VERSION_STRUCTS.values())


def output_schema(kind: str) -> Schema:
    """The JSON Schema of one kind of document `--format json` prints."""
    if kind not in SHAPES:
        raise ValueError(kind)
    (top, *_mixed), defined = msgspec.json.schema_components([SHAPES[kind], *MIXED])
    name = top["$ref"].rsplit("/", 1)[1]
    body = defined.pop(name)
    body.pop("title", None)
    schema: Schema = {"$schema": SCHEMA_URI, "title": f"cardguide {kind} output", **body}
    if kind == "batch":
        schema["oneOf"] = other.BATCH_ONE_OF
    schema["$defs"] = {ref: defined[ref] for ref in sorted(_used(schema, defined))}
    constant: Schema = _constants(schema)
    return constant


def _refs(value: Any) -> set[str]:
    """The names of the definitions a part of a schema refers to."""
    if isinstance(value, dict):
        found = {value["$ref"].rsplit("/", 1)[1]} if "$ref" in value else set()
        return found.union(*(_refs(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(_refs(item) for item in value))
    return set()


def _used(schema: Schema, defined: dict[str, Schema]) -> set[str]:
    """Every definition the schema needs, directly or through another."""
    used: set[str] = set()
    pending = _refs(schema)
    while pending:
        name = pending.pop()
        if name not in used:
            used.add(name)
            pending |= _refs(defined[name])
    return used


def _constants(value: Any) -> Any:
    """A one-value enum written as the constant it is (`"kind": {"const": "checklist"}`)."""
    if isinstance(value, dict):
        if list(value) == ["enum"] and len(value["enum"]) == 1:
            return {"const": value["enum"][0]}
        return {key: _constants(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_constants(item) for item in value]
    return value
