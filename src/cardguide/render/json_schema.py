"""JSON Schemas of everything `--format json` prints, one per document kind, built from parts."""

from __future__ import annotations

from typing import Any

from cardguide.model.region import (
    KINDS,
    Channel,
    Contact,
    Deadline,
    Eligibility,
    Faq,
    Fee,
    Legal,
    Material,
    Note,
    Step,
)
from cardguide.wording.text import LANGS

Schema = dict[str, Any]

# The document kinds, as `schema --output KIND` names them and the `kind` field says.

STRING: Schema = {"type": "string"}
STRINGS: Schema = {"type": "array", "items": STRING}
DAY: Schema = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
YEAR: Schema = {"type": ["integer", "null"]}


def obj(required: dict[str, Schema], optional: dict[str, Schema] | None = None) -> Schema:
    """A closed object: these keys and no others."""
    return {
        "type": "object",
        # A required key's schema wins over an optional one of the same name (a verdict's
        # `answer` is a word, a FAQ item's `answer` a text).
        "properties": {**(optional or {}), **required},
        "required": list(required),
        "additionalProperties": False,
    }


def nullable(schema: Schema) -> Schema:
    return {"anyOf": [schema, {"type": "null"}]}


def array(items: Schema) -> Schema:
    return {"type": "array", "items": items}


# Text from data: each language, null where the file lacks it.
TEXT = obj({lang: {"type": ["string", "null"]} for lang in LANGS})
# Text cardguide words itself: the catalog code it came from (one message) and every language.
WORDS = obj(dict.fromkeys(LANGS, STRING), {"code": STRING})
CONDITION = nullable(obj({"all": STRINGS, "any": STRINGS, "none": STRINGS}))
PERIOD = obj(
    {
        "days": {"type": ["integer", "null"]},
        "months": {"type": ["integer", "null"]},
        "working_days": {"type": ["integer", "null"]},
        "month_start": {"type": "boolean"},
    }
)
RULE = obj({"event": STRING, "kind": STRING, "periods": array(PERIOD), "only_in": nullable(STRING)})

# Each kind's own fields, by the model's field names, so a new field cannot go unlisted.
_OWN: dict[str, Schema] = {
    "text": TEXT,
    "where": nullable(TEXT),
    "title": TEXT,
    "question": TEXT,
    "answer": TEXT,
    "channels": STRINGS,
    "enables": STRINGS,
    "keywords": STRINGS,
    "caveats": array(TEXT),
    "amount_yuan": {"type": ["number", "null"]},
    "rule": nullable(RULE),
    "level": {"enum": ["info", "warning"]},
    "channel": STRING,
    "about": STRINGS,
    "topic": nullable(STRING),
    "can_apply": STRING,
    "documents": STRINGS,
}
_COMMON = {"id", "sources", "status", "when", "before", "after", "dated", "as_of"}


def kind_fields() -> set[str]:
    """Every kind's own fields in the model; a test holds them to `_OWN`."""
    kinds = (Step, Material, Fee, Deadline, Note, Legal, Channel, Faq, Contact, Eligibility)
    return {name for kind in kinds for name in kind.__struct_fields__ if name not in _COMMON}


ITEM_FIELDS: dict[str, Schema] = {
    "id": STRING,
    "status": {"enum": ["official", "secondary", "uncertain"]},
    "as_of": YEAR,
    "sources": STRINGS,
    "dated": nullable(TEXT),
    "when": CONDITION,
}
ORIGIN = {"origin": STRING, "file": STRING, "overlay": {"type": "boolean"}}
REGION_CAVEAT = obj({"text": TEXT, "sources": STRINGS, "status": STRING})
WHY = obj(
    {
        "condition": CONDITION,
        "answers": STRINGS,
        "implied": array(obj({"flag": STRING, "facet": STRING})),
        "withheld": STRINGS,
        "origin": STRING,
        "passed_over": array(obj({"origin": STRING, "for": WORDS})),
        "sentence": WORDS,
    },
    {"computation": array(WORDS)},
)


def item(extra: dict[str, Schema], optional: dict[str, Schema] | None = None) -> Schema:
    """An item with its common fields, `extra` ones, and whichever kind fields it has."""
    return obj({**ITEM_FIELDS, **extra}, {**_OWN, **(optional or {})})


# Where an item in a checklist came from, and what the region asked for says of it.
PLACED_FIELDS = {**ORIGIN, "inherited": {"type": "boolean"}, "region_caveats": array(REGION_CAVEAT)}
PLACED = item(PLACED_FIELDS, {"number": {"type": "integer"}, "why": WHY})
VERDICT = item(
    {
        **PLACED_FIELDS,
        "answer": {"enum": ["yes", "no", "need_more_information"]},
        "question": WORDS,
        "reason": WORDS,
        "rests_on": obj({"as_of": YEAR, "uncertain": {"type": "boolean"}}),
        "caveat": nullable(WORDS),
        "procedure": STRING,
        "event": STRING,
        "event_date": DAY,
        "today": DAY,
        "dates": array(
            obj(
                {
                    "period": PERIOD,
                    "date": nullable(DAY),
                    "holiday": nullable(WORDS),
                    "problem": nullable(WORDS),
                }
            )
        ),
    },
    {"why": WHY},
)
CAN_APPLY = nullable(
    obj(
        {
            "answer": {"enum": ["yes", "no", "need_more_information"]},
            "reason": WORDS,
            "rules": array(PLACED),
        }
    )
)
VERSIONS = array(obj({"id": STRING, "versions": array(item(ORIGIN))}))
SOURCE = obj(
    {
        "id": STRING,
        "title": TEXT,
        "status": STRING,
        "kind": STRING,
        "publisher": nullable(TEXT),
        "places": STRINGS,
        "url": nullable(STRING),
        "dated": nullable(TEXT),
        "note": nullable(TEXT),
        "as_of": YEAR,
    }
)
REGION = obj(
    {
        "id": STRING,
        "names": TEXT,
        "full_names": TEXT,
        "pinyin": nullable(STRING),
        "level": STRING,
        "parent": nullable(STRING),
        "last_reviewed": DAY,
        "file": STRING,
    }
)
ASKED = nullable(
    obj(
        {
            "code": {"type": "string", "pattern": r"^\d{6}$"},
            "level": STRING,
            "names": TEXT,
            "path": TEXT,
            "covered_by": STRING,
            "local_rules": {"const": False},
        }
    )
)
REVIEW = obj(
    {
        "region": STRING,
        "file": STRING,
        "overlay": {"type": "boolean"},
        "last_reviewed": DAY,
        "stale": {"type": "boolean"},
    }
)
DIAGNOSTIC = obj(
    {
        "file": STRING,
        "line": {"type": ["integer", "null"]},
        "column": {"type": ["integer", "null"]},
        "code": {"type": "string", "pattern": r"^CG\d{3}$"},
        "severity": {"enum": ["error", "warning"]},
        "message": WORDS,
        "keypath": STRING,
    }
)
PROFILE = obj(
    {
        "facets": STRINGS,
        "given": STRINGS,
        "application": {"enum": ["first", "replacement"]},
        "description": WORDS,
    }
)


def _document(kind: str, fields: dict[str, Schema], reviews: bool = True) -> Schema:
    from cardguide.render.json_format import SCHEMA_VERSION

    body: dict[str, Schema] = {
        "schema_version": {"const": SCHEMA_VERSION},
        "lang": {"enum": [*LANGS, "both"]},
        "kind": {"const": kind},
        **fields,
        **({"reviews": array(REVIEW)} if reviews else {}),
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"cardguide {kind} output",
        **obj(body),
    }


def _about_one_region() -> dict[str, Schema]:
    return {"region": REGION, "chain": STRINGS, "asked": ASKED}


def output_schema(kind: str) -> Schema:
    """The JSON Schema of one kind of document `--format json` prints."""
    if kind == "checklist":
        return _document(
            kind,
            {
                **_about_one_region(),
                "procedure": STRING,
                "profile": PROFILE,
                "channel": nullable(STRING),
                **{name: array(PLACED) for name in KINDS},
                "unknown": {"type": "object", "additionalProperties": WORDS},
                "unlisted": array(obj({"documents": STRINGS, "text": WORDS})),
                "today": nullable(DAY),
                "answers": array(VERDICT),
                "can_apply": CAN_APPLY,
                "sources": array(SOURCE),
            },
        )
    if kind == "check":
        return _document(
            kind,
            {
                **_about_one_region(),
                "profile": PROFILE,
                "today": DAY,
                "events": {"type": "object", "additionalProperties": DAY},
                "answers": array(VERDICT),
                "related": array(PLACED),
                "can_apply": CAN_APPLY,
                "sources": array(SOURCE),
            },
        )
    if kind == "faq":
        result = item({**ORIGIN, "score": {"type": "number"}})
        return _document(
            kind,
            {
                **_about_one_region(),
                "query": nullable(STRING),
                "results": array(result),
                "sources": array(SOURCE),
            },
        )
    if kind == "guide":
        return _document(
            kind,
            {
                **_about_one_region(),
                "procedures": {
                    "type": "object",
                    "additionalProperties": {"type": "object", "additionalProperties": VERSIONS},
                },
                "faq": VERSIONS,
                "sources": array(SOURCE),
            },
        )
    if kind == "regions":
        return _document(kind, {"regions": array(REGION), "left_out": array(DIAGNOSTIC)})
    if kind == "diff":
        version = item(ORIGIN)
        difference = obj(
            {
                "procedure": STRING,
                "kind": STRING,
                "id": STRING,
                "change": {"enum": ["only_a", "only_b", "changed"]},
                "a": array(version),
                "b": array(version),
            }
        )
        return _document(
            kind,
            {
                "a": REGION,
                "b": REGION,
                "same": {"type": "integer"},
                "differences": array(difference),
                "sources": array(SOURCE),
            },
        )
    if kind == "validation":
        return _document(
            kind,
            {
                "files": STRINGS,
                "errors": {"type": "integer"},
                "warnings": {"type": "integer"},
                "diagnostics": array(DIAGNOSTIC),
            },
            reviews=False,
        )
    if kind == "batch":  # one line of `batch` output; `result` is a document of its own kind
        record = _document(
            kind,
            {
                "row": {"type": "integer", "minimum": 1},
                "line": {"type": "integer", "minimum": 1},
                "args": STRINGS,
                "ok": {"type": "boolean"},
            },
            reviews=False,
        )
        record["properties"].pop("lang")
        record["required"].remove("lang")
        record["properties"]["result"] = {"type": "object"}
        record["properties"]["error"] = obj(
            {
                "exit_code": {"type": "integer"},
                "field": nullable(STRING),
                "message": obj(dict.fromkeys(LANGS, STRING), {"code": nullable(STRING)}),
            }
        )
        record["properties"]["file"] = STRING  # with --output-dir: where the row's page went
        record["oneOf"] = [{"required": [one]} for one in ("result", "file", "error")]
        return record
    raise ValueError(kind)
