"""Safe YAML reading that records where every key is and refuses duplicates, aliases and tags."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from cardguide.errors import DataError, Diagnostic
from cardguide.load.sourcemap import Document, KeyPath, format_keypath
from cardguide.wording import Msg, msg

# The C parser when PyYAML was built with libyaml; both are safe loaders.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# PyYAML's stubs leave parser events and the loader's event methods untyped (and the C loader's
# marks are a separate class), so events travel as Any inside this module.
Event = Any

# Region files nest about eight levels deep; anything far deeper is hostile or a mistake.
MAX_DEPTH = 32

_SCALAR_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
)
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"


def _mark(event: Event) -> tuple[int, int]:
    return event.start_mark.line + 1, event.start_mark.column + 1


@dataclass
class _Frame:
    """A mapping or sequence still being read, with the key that awaits its value."""

    path: KeyPath
    value: dict[str, Any] | list[Any]
    key: str | None = None


class _Builder:
    """Builds plain Python data from parser events with an explicit stack.

    Working on events rather than the composed node graph matters: libyaml's composer recurses
    once per nesting level and crashes the interpreter on hostile input, and an alias is refused
    the moment it appears instead of after it has been expanded.
    """

    def __init__(self, loader: Any, doc: Document) -> None:
        self.loader = loader
        self.doc = doc
        self.stack: list[_Frame] = []

    def fail(self, code: str, message: Msg, event: Event, path: KeyPath) -> DataError:
        line, column = _mark(event)
        return DataError(
            Diagnostic(code, message, self.doc.file, line, column, format_keypath(path))
        )

    def build(self) -> Any:
        loader = self.loader
        loader.get_event()  # StreamStart
        if loader.check_event(yaml.StreamEndEvent):
            raise DataError(Diagnostic("CG018", msg("yaml.empty"), self.doc.file, 1, 1))
        loader.get_event()  # DocumentStart
        result: Any = None
        while not loader.check_event(yaml.DocumentEndEvent):
            done, value = self.feed(loader.get_event())
            if done:
                result = value
        loader.get_event()  # DocumentEnd
        if not loader.check_event(yaml.StreamEndEvent):
            event = loader.get_event()
            raise self.fail("CG001", msg("yaml.documents"), event, ())
        return result

    def feed(self, event: Event) -> tuple[bool, Any]:
        """Consume one event; returns (True, data) when the top-level value is complete."""
        path = self.next_path(event)
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise self.fail("CG019", msg("yaml.alias"), event, path)
        if isinstance(event, yaml.ScalarEvent):
            return self.attach(event, path, self.scalar(event, path))
        if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            return self.open(event, path)
        if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            frame = self.stack.pop()
            return self.attach(event, frame.path, frame.value, record=False)
        raise self.fail("CG001", msg("yaml.event", event=type(event).__name__), event, path)

    def next_path(self, event: Event) -> KeyPath:
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            return (*frame.path, len(frame.value))
        return (*frame.path, frame.key) if frame.key is not None else frame.path

    def open(self, event: Event, path: KeyPath) -> tuple[bool, Any]:
        frame = self.stack[-1] if self.stack else None
        if frame is not None and isinstance(frame.value, dict) and frame.key is None:
            raise self.fail("CG004", msg("yaml.complex_key"), event, path)
        if len(self.stack) >= MAX_DEPTH:
            raise self.fail("CG019", msg("yaml.depth", n=MAX_DEPTH), event, path)
        is_map = isinstance(event, yaml.MappingStartEvent)
        kind = yaml.MappingNode if is_map else yaml.SequenceNode
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(kind, None, event.implicit)
        if tag != (_MAP_TAG if is_map else _SEQ_TAG):
            raise self.fail("CG019", msg("yaml.tag", tag=tag), event, path)
        self.doc.values[path] = _mark(event)
        self.stack.append(_Frame(path, {} if is_map else []))
        return False, None

    def scalar(self, event: Event, path: KeyPath) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == "tag:yaml.org,2002:merge":
            raise self.fail("CG019", msg("yaml.merge"), event, path)
        if tag not in _SCALAR_TAGS:
            raise self.fail("CG019", msg("yaml.tag", tag=tag), event, path)
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return self.loader.construct_object(node, deep=True)
        except ValueError:  # e.g. an impossible date such as 2026-02-30
            # Said in our own words: Python's explanation changes between versions.
            timestamp = tag == "tag:yaml.org,2002:timestamp"
            invalid = msg(
                "yaml.invalid_date" if timestamp else "yaml.invalid_value", value=event.value
            )
            raise self.fail("CG004", invalid, event, path) from None

    def attach(
        self, event: Event, path: KeyPath, value: Any, *, record: bool = True
    ) -> tuple[bool, Any]:
        if not self.stack:
            if record:
                self.doc.values[path] = _mark(event)
            return True, value
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            if record:
                self.doc.values[path] = _mark(event)
            frame.value.append(value)
        elif frame.key is None:
            if not isinstance(value, str):
                # `yes:`, `no:`, `1:` and friends would silently become bools or numbers.
                raise self.fail("CG004", msg("yaml.key_type", key=event.value), event, path)
            if value in frame.value:
                raise self.fail("CG002", msg("yaml.duplicate", key=value), event, (*path, value))
            self.doc.keys[(*path, value)] = _mark(event)
            frame.key = value
        else:
            if record:
                self.doc.values[path] = _mark(event)
            frame.value[frame.key] = value
            frame.key = None
        return False, None


def read_yaml(file: Path, raw: bytes) -> Document:
    """Parse one YAML document from `raw`; every failure is a DataError naming file and line."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = f"0x{raw[exc.start]:02x}"
        raise DataError(
            Diagnostic("CG017", msg("yaml.utf8", byte=byte), file, line, column)
        ) from None
    text = text.removeprefix("\ufeff")
    doc = Document(file=file, data=None)
    loader = _Loader(text)
    try:
        doc.data = _Builder(loader, doc).build()
    except yaml.MarkedYAMLError as exc:
        # libyaml stops at limits of its own (1,000 nesting levels since PyYAML 6.0.4's build)
        # before the events reach our rules; the pure-Python parser has no such limit, so it
        # reads the file again to learn whether one of our rules refuses it first. Which rule
        # fires must not depend on which parser a machine has, nor on their error wording.
        if _Loader is not yaml.SafeLoader:
            _refuse_as_our_rules_would(file, text)
        mark: Any = exc.problem_mark or exc.context_mark
        # The parser's own explanation stays in English: it names YAML's terms exactly.
        problem = exc.problem or exc.context or ""
        raise DataError(
            Diagnostic(
                "CG001",
                msg("yaml.syntax", detail=problem),
                file,
                mark.line + 1 if mark else None,
                mark.column + 1 if mark else None,
            )
        ) from None
    except yaml.reader.ReaderError as exc:
        # A character YAML refuses (NUL, other controls): placed by its offset, which is all the
        # reader gives.
        before = text[: exc.position]
        line = before.count("\n") + 1
        column = exc.position - (before.rfind("\n") + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        detail = f"unacceptable character #x{code:04x}: {exc.reason}"
        refused = Diagnostic("CG001", msg("yaml.syntax", detail=detail), file, line, column)
        raise DataError(refused) from None
    except yaml.YAMLError as exc:
        detail = " ".join(str(exc).split())
        raise DataError(
            Diagnostic("CG001", msg("yaml.syntax", detail=detail), file, 1, 1)
        ) from None
    finally:
        loader.dispose()
    return doc


def _refuse_as_our_rules_would(file: Path, text: str) -> None:
    """Raise the refusal of our own rules (depth, aliases, tags, keys) that the pure-Python
    parser meets before any syntax error; return if it meets none."""
    loader = yaml.SafeLoader(text)
    try:
        _Builder(loader, Document(file=file, data=None)).build()
    except yaml.YAMLError:
        return  # a syntax error before any rule: the C parser's report stands
    finally:
        loader.dispose()


def portability_problem(file: Path, raw: bytes, data: Any) -> Diagnostic | None:
    """A problem if PyYAML's pure-Python parser reads the file differently from libyaml.

    libyaml accepts some plain scalars the YAML reference parser refuses (a `?` inside a flow
    mapping, for one); such a file breaks on machines without the C extension and in editors.
    """
    if _Loader is yaml.SafeLoader:
        return None  # the pure-Python parser is the one in use
    text = raw.decode("utf-8").removeprefix("\ufeff")
    try:
        reference = yaml.load(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return Diagnostic(
            "CG001",
            msg("yaml.portability", detail=exc.problem or ""),
            file,
            mark.line + 1 if mark else None,
            mark.column + 1 if mark else None,
        )
    if reference != data:
        return Diagnostic("CG001", msg("yaml.parsers_differ"), file)
    return None
