"""Load one region file into the typed model and check what can be checked within that file."""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import NoneType, UnionType
from typing import Any, Literal

import msgspec

from .errors import DataError, Diagnostic
from .model import CONTROL_CHARS, KINDS, Item, RegionFile, Text
from .profile import overlap
from .yamlread import Document, KeyPath, read_yaml

_AT = re.compile(r"^(?P<msg>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.DOTALL)
_PATH_TOKEN = re.compile(r"\.([^.\[]+)|\[(\d+)\]")


@dataclass(frozen=True)
class Layer:
    """One loaded region file: its typed content and where each key was written."""

    region: RegionFile
    doc: Document
    overlay: bool = False  # from a local data directory rather than the shipped data

    @property
    def file(self) -> Path:
        return self.doc.file

    def diagnostic(
        self, code: str, message: str, path: KeyPath, *, key: bool = False
    ) -> Diagnostic:
        return self.doc.diagnostic(code, message, path, key=key)


def load_layer(file: Path, overlay: bool = False) -> Layer:
    """Read, parse, decode and check one region file; the first error is raised as DataError."""
    layer = decode_layer(file, overlay)
    for problem in check_layer(layer):
        raise DataError(problem)
    return layer


def decode_layer(file: Path, overlay: bool = False) -> Layer:
    """Read, parse and decode one region file without the per-file content checks."""
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise DataError(Diagnostic("CG001", f"cannot read file: {exc.strerror}", file)) from None
    doc = read_yaml(file, raw)
    if doc.data is None:
        raise DataError(Diagnostic("CG018", "file is empty", file, 1, 1))
    if not isinstance(doc.data, dict):
        raise DataError(doc.diagnostic("CG004", "a region file must be a mapping of keys", ()))
    try:
        region = msgspec.convert(doc.data, RegionFile, strict=True)
    except msgspec.ValidationError as exc:
        raise DataError(_diagnose(doc, str(exc))) from None
    return Layer(region, doc, overlay)


def _parse_path(text: str) -> KeyPath:
    return tuple(name if name else int(index) for name, index in _PATH_TOKEN.findall(text))


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


def _diagnose(doc: Document, error: str) -> Diagnostic:
    """Map one msgspec validation message to a coded diagnostic at the right line."""
    match = _AT.match(error)
    message = match.group("msg") if match else error
    path = _parse_path(match.group("path") or "") if match else ()

    if unknown := re.match(r"Object contains unknown field `(.+)`", message):
        field = unknown.group(1)
        owner = type_at(path)
        allowed = ", ".join(getattr(owner, "__struct_fields__", ()))
        hint = ""
        if owner is Text and " " in field:
            # `{en: one, two}` is a two-key mapping: the classic unquoted-comma mistake.
            hint = "; a comma in unquoted text starts a new key, so put the text in quotes"
        return doc.diagnostic(
            "CG003",
            f"unknown key {field!r}; allowed here: {allowed}{hint}",
            (*path, field),
            key=True,
        )
    if missing := re.match(r"Object missing required field `(.+)`", message):
        field = missing.group(1)
        if field == "sources":
            return doc.diagnostic("CG011", "fact without a source: add `sources`", path)
        return doc.diagnostic("CG005", f"missing required field {field!r}", path)
    if enum := re.match(r"Invalid enum value (.+)", message):
        value = enum.group(1)
        allowed = ", ".join(_allowed_values(path))
        if path and path[-1] == "status":
            return doc.diagnostic("CG013", f"status {value} is not one of {allowed}", path)
        if "when" in path:
            return doc.diagnostic(
                "CG010", f"{value} is not a profile field; conditions may name: {allowed}", path
            )
        return doc.diagnostic(
            "CG004", f"{value} is not allowed here; expected one of {allowed}", path
        )
    if path and path[-1] == "sources" and "length >= 1" in message:
        return doc.diagnostic("CG011", "fact without a source: `sources` is empty", path)
    return doc.diagnostic("CG004", message, path)


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
        section = getattr(procedures, name)
        if section is None:
            continue
        for kind in KINDS:
            for index, item in enumerate(getattr(section, kind, ())):
                yield name, kind, ("procedures", name, kind, index), item
    for index, faq in enumerate(region.faq):
        yield *FAQ, ("faq", index), faq


def check_layer(layer: Layer) -> Iterator[Diagnostic]:
    """Content rules that need only this file (the chain-wide ones live in resolve)."""
    region, file = layer.region, layer.file
    if region.id != file.stem:
        yield layer.diagnostic(
            "CG006", f"region id {region.id!r} does not match the file name {file.name!r}", ("id",)
        )
    if region.level == "national" and region.parent is not None:
        yield layer.diagnostic("CG021", "the national region has no parent", ("parent",))
    if region.level != "national" and region.parent is None:
        yield layer.diagnostic(
            "CG005", "missing required field 'parent' (only the national region has none)", ()
        )

    seen_sources: set[str] = set()
    for index, source in enumerate(region.sources):
        if source.id in seen_sources:
            yield layer.diagnostic(
                "CG009", f"source {source.id!r} is defined twice", ("sources", index, "id")
            )
        seen_sources.add(source.id)

    # An id may have several versions in a section, each for different people; two versions
    # that could both apply to one applicant are a duplicate.
    versions: dict[tuple[str, str, str], list[Item]] = {}
    for procedure, kind, path, item in iter_items(region):
        earlier = versions.setdefault((procedure, kind, item.id), [])
        for other in earlier:
            if (shared := overlap(other.when, item.when)) is not None:
                yield layer.diagnostic(
                    "CG009",
                    f"item id {item.id!r} has two versions in {procedure}.{kind} that both "
                    f"apply to {shared.describe()}",
                    (*path, "id"),
                )
                break
        earlier.append(item)
        rule = getattr(item, "rule", None)
        for number, period in enumerate(rule.periods if rule is not None else []):
            units = [period.days, period.months, period.working_days]
            if sum(unit is not None for unit in units) != 1:
                yield layer.diagnostic(
                    "CG004",
                    "a period needs exactly one of days, months or working_days",
                    (*path, "rule", "periods", number),
                )
        if item.before is not None and item.after is not None:
            yield layer.diagnostic("CG004", "give `before` or `after`, not both", (*path, "after"))

    declared = region.languages
    for path, text in iter_texts(region):
        missing = [lang for lang in declared if not getattr(text, lang)]
        if missing:
            yield layer.diagnostic(
                "CG014",
                f"text lacks {', '.join(missing)} (the file declares {', '.join(declared)})",
                path,
            )
        for lang in text.languages():
            if CONTROL_CHARS.search(getattr(text, lang)):
                yield layer.diagnostic("CG023", "text contains control characters", (*path, lang))
    for index, alias in enumerate(region.aliases):
        if CONTROL_CHARS.search(alias):
            yield layer.diagnostic("CG023", "alias contains control characters", ("aliases", index))
