"""msgspec's validation errors for a region file, as coded diagnostics at the line they name."""

from __future__ import annotations

import re
import typing
from types import NoneType, UnionType
from typing import Any, Literal

import msgspec

from cardguide.errors import Diagnostic
from cardguide.load.sourcemap import Document, KeyPath
from cardguide.model.region import RegionFile
from cardguide.wording import Msg, join, msg
from cardguide.wording.text import Text

_AT = r"^(?P<msg>.*?)(?: - at `\$(?P<path>[^`]*)`)?$"  # with re.DOTALL
_PATH_TOKEN = r"\.([^.\[]+)|\[(\d+)\]"


def _parse_path(text: str) -> KeyPath:
    return tuple(name if name else int(index) for name, index in re.findall(_PATH_TOKEN, text))


def _unwrap(tp: Any) -> Any:
    """Strip Annotated and `| None` so the underlying struct, list or Literal shows."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, UnionType):
            args = [a for a in typing.get_args(tp) if a is not NoneType]
            if len(args) != 1:
                return tp
            tp = args[0]
        else:
            return tp


def type_at(path: KeyPath, root: Any = RegionFile) -> Any:
    """The model type expected at `path` inside a region file (None when it cannot tell)."""
    tp = _unwrap(root)
    for part in path:
        if isinstance(part, int):
            if typing.get_origin(tp) is not list:
                return None
            tp = _unwrap(typing.get_args(tp)[0])
        elif isinstance(tp, type) and issubclass(tp, msgspec.Struct):
            hints = typing.get_type_hints(tp, include_extras=True)
            if part not in hints:
                return None
            tp = _unwrap(hints[part])
        else:
            return None
    return tp


def _allowed_values(path: KeyPath) -> list[str]:
    tp = type_at(path)
    if typing.get_origin(tp) is Literal:
        return [str(v) for v in typing.get_args(tp)]
    return []


def diagnose(doc: Document, error: str) -> Diagnostic:
    """Map one msgspec validation message to a coded diagnostic at the right line."""
    match = re.match(_AT, error, re.DOTALL)
    message = match.group("msg") if match else error
    path = _parse_path(match.group("path") or "") if match else ()

    if unknown := re.match(r"Object contains unknown field `(.+)`", message, re.DOTALL):
        field = unknown.group(1)
        owner = type_at(path)
        allowed = join(getattr(owner, "__struct_fields__", ()))
        # `{en: one, two}` is a two-key mapping: the classic unquoted-comma mistake.
        key = "load.unknown_key_comma" if owner is Text and " " in field else "load.unknown_key"
        return doc.diagnostic(
            "CG003", msg(key, key_name=field, allowed=allowed), (*path, field), key=True
        )
    if missing := re.match(r"Object missing required field `(.+)`", message, re.DOTALL):
        field = missing.group(1)
        if field == "sources":
            return doc.diagnostic("CG011", msg("load.no_sources"), path)
        return doc.diagnostic("CG005", msg("load.missing", field=field), path)
    if enum := re.match(r"Invalid enum value (.+)", message):
        value = enum.group(1).strip("'")
        allowed = join(_allowed_values(path))
        if path and path[-1] == "status":
            return doc.diagnostic("CG013", msg("load.status", value=value, allowed=allowed), path)
        if "when" in path:
            return doc.diagnostic("CG010", msg("load.facet", value=value, allowed=allowed), path)
        return doc.diagnostic("CG004", msg("load.enum", value=value, allowed=allowed), path)
    if path and path[-1] == "sources" and "length >= 1" in message:
        return doc.diagnostic("CG011", msg("load.empty_sources"), path)
    return doc.diagnostic("CG004", _schema_message(message), path)


# Patterns as strings: `re` compiles each the first time a broken file needs it, not at every
# start (these and the two above cost half a millisecond to compile).
_EXPECTED = r"Expected `(?P<type>[^`]+)`(?P<rest>.*)$"
_CONSTRAINTS = (
    (r", got `(?P<value>[^`]+)`$", "load.type"),
    (r" of length >= (?P<value>\d+)$", "load.min_length"),
    (r" of length <= (?P<value>\d+)$", "load.max_length"),
    (r" >= (?P<value>[-\d.]+)$", "load.minimum"),
    (r" <= (?P<value>[-\d.]+)$", "load.maximum"),
    (r" matching regex '(?P<value>.+)'$", "load.pattern"),
)


def _schema_message(message: str) -> Msg:
    """msgspec's type and constraint errors in catalog words; anything else stays as it says."""
    if expected := re.match(_EXPECTED, message):
        for pattern, key in _CONSTRAINTS:
            if found := re.match(pattern, expected.group("rest")):
                return msg(key, expected=expected.group("type"), value=found.group("value"))
    return msg("load.other", detail=message)
