"""Load one region file into the typed model and check what can be checked within that file."""

from __future__ import annotations

import os
import re
import stat
import typing
from collections.abc import Iterator
from pathlib import Path
from types import NoneType, UnionType
from typing import Any, Literal

import msgspec

from cardguide.errors import DataError, Diagnostic, os_reason
from cardguide.load.sourcemap import Document, KeyPath
from cardguide.model.profile import overlap
from cardguide.model.region import KIND_CAP, KINDS, STATUS_RANK, Item, RegionFile
from cardguide.wording import Msg, join, keyed, msg
from cardguide.wording.escape import has_controls
from cardguide.wording.text import LANGS, Lang, Text, revision

_AT = r"^(?P<msg>.*?)(?: - at `\$(?P<path>[^`]*)`)?$"  # with re.DOTALL
_PATH_TOKEN = r"\.([^.\[]+)|\[(\d+)\]"


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


def load_layer(file: Path, overlay: bool = False) -> Layer:
    """Read, parse, decode and check one region file; the first error is raised as DataError.

    A file whose exact bytes were compiled before (shipped, or loaded here without a problem)
    is read in compiled form: no YAML is parsed and nothing is checked again.
    """
    from cardguide.load import compiled

    raw = read_file(file)
    layer = _compiled(file, raw, overlay)
    if layer is not None:
        for problem in name_problems(layer):
            raise DataError(problem)
        return layer
    layer = _decode(file, raw, overlay)
    for problem in check_layer(layer):
        raise DataError(problem)
    compiled.store(raw, layer.region)
    return layer


def _compiled(file: Path, raw: bytes, overlay: bool) -> Layer | None:
    """The layer from the compiled form of these bytes, if there is one; lines and columns are
    read from the YAML only if a diagnostic needs them."""
    from cardguide.load import compiled

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
    return _compiled(file, raw, overlay) or _decode(file, raw, overlay)


def parsed_data(layer: Layer, raw: bytes) -> Any:
    """The data of a file with these bytes as YAML gives it, parsed now if the layer came
    compiled."""
    if layer.doc.data is None:
        return _parse(layer.file, raw).data
    return layer.doc.data


def _decode(file: Path, raw: bytes, overlay: bool) -> Layer:
    doc = _parse(file, raw)
    if doc.data is None:
        raise DataError(Diagnostic("CG018", msg("yaml.empty"), file, 1, 1))
    if not isinstance(doc.data, dict):
        raise DataError(doc.diagnostic("CG004", msg("load.not_mapping"), ()))
    try:
        region = msgspec.convert(doc.data, RegionFile, strict=True)
    except msgspec.ValidationError as exc:
        raise DataError(_diagnose(doc, str(exc))) from None
    return Layer(region, doc, overlay)


# The largest region file read: the biggest shipped one is about 50 KB.
MAX_FILE_BYTES = 1024 * 1024
# The longest text in one language: the longest shipped one has under 1,000 characters, and a
# checklist item is read at a counter, not a document.
MAX_TEXT_CHARS = 5000


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


def _diagnose(doc: Document, error: str) -> Diagnostic:
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


def check_layer(layer: Layer) -> Iterator[Diagnostic]:
    """Rules that need only this file (the chain-wide ones live in resolve)."""
    yield from name_problems(layer)
    yield from content_problems(layer)


def name_problems(layer: Layer) -> Iterator[Diagnostic]:
    """The one rule that depends on the file's name, not its bytes: checked on every load,
    since a compiled form is found by the bytes alone."""
    region, file = layer.region, layer.file
    if region.id != file.stem:
        mismatch = msg("check.id_file", id=region.id, file=file.name)
        yield layer.diagnostic("CG006", mismatch, ("id",))


def content_problems(layer: Layer) -> Iterator[Diagnostic]:
    """Rules on the file's content alone, the same for the same bytes wherever they are."""
    region = layer.region
    if region.level == "national" and region.parent is not None:
        yield layer.diagnostic("CG021", msg("check.national_parent"), ("parent",))
    if region.level != "national" and region.parent is None:
        yield layer.diagnostic("CG005", msg("check.no_parent"), ())

    seen_sources: set[str] = set()
    for index, source in enumerate(region.sources):
        if source.id in seen_sources:
            twice = msg("check.source_twice", id=source.id)
            yield layer.diagnostic("CG009", twice, ("sources", index, "id"))
        seen_sources.add(source.id)
        cap = KIND_CAP[source.kind]
        if STATUS_RANK[source.status] > STATUS_RANK[cap]:
            above = msg(
                "check.source_kind", id=source.id, kind=keyed("source_kind", source.kind),
                cap=cap, status=source.status,
            )  # fmt: skip
            yield layer.diagnostic("CG034", above, ("sources", index, "status"))

    # An id may have several versions in a section, each for different people; two versions
    # that could both apply to one applicant are a duplicate.
    versions: dict[tuple[str, str, str], list[Item]] = {}
    for procedure, kind, path, item in iter_items(region):
        earlier = versions.setdefault((procedure, kind, item.id), [])
        for other in earlier:
            if (shared := overlap(other.when, item.when)) is not None:
                both_apply = msg(
                    "check.versions_overlap", id=item.id, section=f"{procedure}.{kind}",
                    profile=shared.describe(),
                )  # fmt: skip
                yield layer.diagnostic("CG009", both_apply, (*path, "id"))
                break
        earlier.append(item)
        rule = getattr(item, "rule", None)
        for number, period in enumerate(rule.periods if rule is not None else []):
            units = [period.days, period.months, period.working_days]
            if sum(unit is not None for unit in units) != 1:
                yield layer.diagnostic(
                    "CG004", msg("check.period_units"), (*path, "rule", "periods", number)
                )
        if item.before is not None and item.after is not None:
            yield layer.diagnostic("CG004", msg("check.before_after"), (*path, "after"))

    for path, text in iter_texts(region):
        yield from _declared_languages(layer, path, text)
        for lang in text.languages():
            words = getattr(text, lang)
            if has_controls(words):
                yield layer.diagnostic("CG023", msg("check.control"), (*path, lang))
            if len(words) > MAX_TEXT_CHARS:
                too_long = msg("check.too_long", length=len(words), limit=MAX_TEXT_CHARS)
                yield layer.diagnostic("CG032", too_long, (*path, lang))
    for index, alias in enumerate(region.aliases):
        if has_controls(alias):
            yield layer.diagnostic("CG023", msg("check.control_alias"), ("aliases", index))


def _declared_languages(layer: Layer, path: KeyPath, text: Text) -> Iterator[Diagnostic]:
    """A text that lacks a language its file declares: the file promises what it lacks."""
    declared = layer.region.languages
    for lang in declared:
        if not text.has(lang):
            lacks = msg("check.lacks_declared", lang=keyed("language", lang), declared=join(
                keyed("language", d) for d in declared
            ))  # fmt: skip
            yield layer.diagnostic("CG014", lacks, path)


# Names are proper names in two scripts rather than translations of each other.
_NOT_TRANSLATED = ("names", "full_names")


def translation_problems(layer: Layer) -> Iterator[Diagnostic]:
    """What only `validate` checks about translations: missing, stale or unrecorded ones.

    These are warnings (`validate --strict` fails on them), so a help desk's overlay written in
    one language still works; a malformed revision record is an error. A text lacking a
    language its file declares is an error that `check_layer` reports on every load.
    """
    for path, text in iter_texts(layer.region):
        for lang in LANGS:
            if not text.has(lang) and lang not in layer.region.languages:
                lacks = msg("check.lacks", lang=keyed("language", lang))
                yield layer.diagnostic("CG014", lacks, path).as_warning()
        if path[:1] in [(name,) for name in _NOT_TRANSLATED]:
            continue
        yield from _revision_problems(layer, path, text)


def _other(lang: Lang) -> Lang:
    return next(other for other in LANGS if other != lang)


def _revision_problems(layer: Layer, path: KeyPath, text: Text) -> Iterator[Diagnostic]:
    records = {lang: getattr(text, f"{lang}_of") for lang in LANGS}
    given = [lang for lang, record in records.items() if record is not None]
    if len(given) > 1:
        yield layer.diagnostic("CG004", msg("check.two_records"), (*path, f"{given[1]}_of"))
        return
    if len(text.languages()) < len(LANGS):
        for lang in given:
            stray = msg("check.record_alone", key_name=f"{lang}_of")
            yield layer.diagnostic("CG004", stray, (*path, f"{lang}_of"))
        return
    for lang in given:
        source = _other(lang)
        current = revision(getattr(text, source))
        if records[lang] != current:
            stale = msg(
                "check.stale", lang=keyed("language", lang), source=keyed("language", source),
                old=records[lang], new=current, key_name=f"{lang}_of",
            )  # fmt: skip
            yield layer.diagnostic("CG026", stale, (*path, f"{lang}_of")).as_warning()
    if not given:
        unrecorded = msg("check.unrecorded", new=revision(text.en or ""))
        yield layer.diagnostic("CG027", unrecorded, (*path, "zh")).as_warning()
