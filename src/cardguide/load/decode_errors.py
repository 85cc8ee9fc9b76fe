"""The first place a region file's data breaks the model, found by walking the model itself."""

# msgspec tells whether data fits the model; where and how it does not is found here, by our own
# walk over msgspec's public description of the model (msgspec.inspect), in one fixed order.
# Reading msgspec's error messages instead would make the report depend on their wording, which
# may change with any release.

from __future__ import annotations

import datetime
import re
import typing
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

import msgspec
import msgspec.inspect as mi

from cardguide.errors import Diagnostic
from cardguide.load.sourcemap import Document, KeyPath
from cardguide.model.region import RegionFile
from cardguide.wording import Msg, join, keyed, msg
from cardguide.wording.text import Text


@dataclass(frozen=True)
class Misfit:
    """Where data first breaks the model, and how: `kind` names a rule, `value` what it wants."""

    kind: str  # unknown, missing, type, enum, or a constraint such as min_length
    path: KeyPath
    expected: tuple[str, ...] = ()  # the kinds of value wanted (VALUE_KINDS)
    value: str = ""  # the field, the value or its kind given, or the constraint's bound
    allowed: Sequence[str] = ()  # the keys or values allowed there
    in_text: bool = False  # an unknown key inside a bilingual text


# The words for each kind of value, used for what the model wants and for what the file gave.
_NAMES: dict[type[mi.Type], str] = {
    mi.NoneType: "null",
    mi.BoolType: "bool",
    mi.IntType: "int",
    mi.FloatType: "float",
    mi.StrType: "str",
    mi.LiteralType: "str",
    mi.DateType: "date",
    mi.ListType: "array",
    mi.StructType: "object",
}


# Every kind of value a diagnostic names, each a word of the catalog's `value_kind`.
VALUE_KINDS = (
    "null",
    "bool",
    "int",
    "float",
    "str",
    "date",
    "datetime",
    "array",
    "object",
    "other",
)


def _given(value: Any) -> str:
    """The kind of value the file gave (bool before int: a bool is an int)."""
    for kind, name in (
        (type(None), "null"),
        (bool, "bool"),
        (int, "int"),
        (float, "float"),
        (str, "str"),
        (datetime.datetime, "datetime"),
        (datetime.date, "date"),
        (list, "array"),
        (dict, "object"),
    ):
        if isinstance(value, kind):
            return name
    return "other"


def _fits_kind(value: Any, info: mi.Type) -> bool:
    """Whether the value is of the kind this type takes, before any constraint."""
    if isinstance(info, mi.NoneType):
        return value is None
    if isinstance(info, mi.BoolType):
        return isinstance(value, bool)
    if isinstance(info, mi.IntType):
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(info, mi.FloatType):
        return isinstance(value, int | float) and not isinstance(value, bool)
    if isinstance(info, mi.StrType | mi.LiteralType):
        return isinstance(value, str)
    if isinstance(info, mi.DateType):  # msgspec also takes a date written as text
        return isinstance(value, str | datetime.date) and not isinstance(value, datetime.datetime)
    if isinstance(info, mi.ListType):
        return isinstance(value, list)
    if isinstance(info, mi.StructType):
        return isinstance(value, dict)
    return True  # a kind the model does not use: nothing to say about it


def _bounds(value: Any, info: mi.Type, path: KeyPath) -> Iterator[Misfit]:
    """The constraints a value of the right kind breaks, in the order they are checked."""
    expected = (_NAMES[type(info)],) if type(info) in _NAMES else ()
    if isinstance(info, mi.StrType | mi.ListType):
        if info.min_length is not None and len(value) < info.min_length:
            yield Misfit("min_length", path, expected, str(info.min_length))
        if info.max_length is not None and len(value) > info.max_length:
            yield Misfit("max_length", path, expected, str(info.max_length))
    if isinstance(info, mi.StrType) and info.pattern and not re.search(info.pattern, value):
        yield Misfit("pattern", path, expected, info.pattern)
    if isinstance(info, mi.IntType | mi.FloatType):
        kind = float if isinstance(info, mi.FloatType) else int
        # Written as `not >=`: a value that is not a number (NaN) is below every bound.
        if info.ge is not None and not value >= info.ge:
            yield Misfit("minimum", path, expected, str(kind(info.ge)))
        if info.le is not None and not value <= info.le:
            yield Misfit("maximum", path, expected, str(kind(info.le)))
    if isinstance(info, mi.DateType) and isinstance(value, str) and not _is_date(value):
        yield Misfit("date", path, expected, value)
    if isinstance(info, mi.LiteralType) and value not in info.values:
        allowed = _declared_order().get(frozenset(info.values), info.values)
        yield Misfit("enum", path, value=value, allowed=[str(v) for v in allowed])


@cache
def _declared_order() -> dict[frozenset[Any], tuple[Any, ...]]:
    """Each set of allowed values in the order the model declares it (national before
    province, say): msgspec.inspect gives them sorted."""
    found: dict[frozenset[Any], tuple[Any, ...]] = {}
    seen: set[Any] = set()
    waiting: list[Any] = [RegionFile]
    while waiting:
        annotation = waiting.pop()
        if annotation in seen:
            continue
        seen.add(annotation)
        if typing.get_origin(annotation) is Literal:
            found.setdefault(frozenset(typing.get_args(annotation)), typing.get_args(annotation))
        elif isinstance(annotation, type) and issubclass(annotation, msgspec.Struct):
            waiting.extend(typing.get_type_hints(annotation, include_extras=True).values())
        else:
            waiting.extend(typing.get_args(annotation))
    return found


def _is_date(text: str) -> bool:
    """Whether text is a date as RFC 3339 writes it (Python's own parser takes more forms)."""
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def misfit(value: Any, info: mi.Type, path: KeyPath = ()) -> Misfit | None:
    """The first place `value` breaks `info`: a mapping's keys in the file's order, each value
    before the next key, then the required fields it lacks; a list's length before its items."""
    members = info.types if isinstance(info, mi.UnionType) else (info,)
    chosen = next((member for member in members if _fits_kind(value, member)), None)
    if chosen is None:
        expected = tuple(dict.fromkeys(_NAMES[type(m)] for m in members if type(m) in _NAMES))
        return Misfit("type", path, expected, _given(value))
    if (broken := next(_bounds(value, chosen, path), None)) is not None:
        return broken
    if isinstance(chosen, mi.ListType):
        for index, item in enumerate(value):
            if (found := misfit(item, chosen.item_type, (*path, index))) is not None:
                return found
    elif isinstance(chosen, mi.StructType):
        return _struct_misfit(value, chosen, path)
    return None


def _struct_misfit(value: dict[Any, Any], info: mi.StructType, path: KeyPath) -> Misfit | None:
    fields = {field.encode_name: field for field in info.fields}
    for key, item in value.items():
        field = fields.get(key)
        if field is None:
            if info.forbid_unknown_fields:
                in_text = info.cls is Text
                return Misfit(
                    "unknown", path, value=str(key), allowed=list(fields), in_text=in_text
                )
            continue
        if (found := misfit(item, field.type, (*path, key))) is not None:
            return found
    for name, field in fields.items():
        if field.required and name not in value:
            return Misfit("missing", path, value=name)
    return None


def diagnose(doc: Document) -> Diagnostic:
    """The coded diagnostic for the first place a file's data breaks the region model."""
    found = misfit(doc.data, mi.type_info(RegionFile))
    if found is None:  # msgspec refused what the walk accepts: the walk misses a rule
        return doc.diagnostic("CG004", msg("load.not_model"), ())
    path = found.path
    if found.kind == "unknown":
        # `{en: one, two}` is a two-key mapping: the classic unquoted-comma mistake.
        comma = found.in_text and " " in found.value
        key = "load.unknown_key_comma" if comma else "load.unknown_key"
        message = msg(key, key_name=found.value, allowed=join(found.allowed))
        return doc.diagnostic("CG003", message, (*path, found.value), key=True)
    if found.kind == "missing":
        if found.value == "sources":
            return doc.diagnostic("CG011", msg("load.no_sources"), path)
        return doc.diagnostic("CG005", msg("load.missing", field=found.value), path)
    if found.kind == "enum":
        allowed = join(found.allowed)
        if path and path[-1] == "status":
            return doc.diagnostic(
                "CG013", msg("load.status", value=found.value, allowed=allowed), path
            )
        if "when" in path:
            return doc.diagnostic(
                "CG010", msg("load.facet", value=found.value, allowed=allowed), path
            )
        return doc.diagnostic("CG004", msg("load.enum", value=found.value, allowed=allowed), path)
    if found.kind == "min_length" and path and path[-1] == "sources":
        return doc.diagnostic("CG011", msg("load.empty_sources"), path)
    return doc.diagnostic("CG004", _constraint_message(found), path)


_CONSTRAINT_WORDS = {
    "type": "load.type",
    "date": "load.date",
    "min_length": "load.min_length",
    "max_length": "load.max_length",
    "minimum": "load.minimum",
    "maximum": "load.maximum",
    "pattern": "load.pattern",
}


def _constraint_message(found: Misfit) -> Msg:
    expected = join([keyed("value_kind", kind) for kind in found.expected], "kinds")
    value = keyed("value_kind", found.value) if found.kind == "type" else found.value
    return msg(_CONSTRAINT_WORDS[found.kind], expected=expected, value=value)
