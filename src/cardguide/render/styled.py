"""Styled text: plain characters with spans of roles, and its runs for markup formats."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise
from typing import NamedTuple

from rich.cells import cell_len

from cardguide.render.roles import Role


class Span(NamedTuple):
    """Characters `start` to `end` have this role (or roles, blank-separated)."""

    start: int
    end: int
    style: str


class Styled:
    """Text marked by role. Only a styled terminal needs rich's own text type; this one keeps
    plain output, pages and spreadsheets free of loading it (about 19 ms a run)."""

    __slots__ = ("plain", "spans", "style")

    def __init__(self, plain: str = "", style: Role = "", spans: list[Span] | None = None):
        self.plain = plain
        self.style = style  # the role of the whole text
        self.spans: list[Span] = [] if spans is None else spans

    def __repr__(self) -> str:
        return f"Styled({self.plain!r}, {self.style!r}, {self.spans!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Styled):
            return NotImplemented
        return (self.plain, self.style, self.spans) == (other.plain, other.style, other.spans)

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __len__(self) -> int:
        return len(self.plain)

    @property
    def cell_len(self) -> int:
        """Its width in terminal cells: two for each wide (Chinese) character."""
        return cell_len(self.plain)

    def append(self, words: str, style: Role = "") -> Styled:
        if words:
            if style:
                self.spans.append(Span(len(self.plain), len(self.plain) + len(words), style))
            self.plain += words
        return self

    def append_text(self, other: Styled) -> Styled:
        """The other text after this one, its own roles kept: its whole-text role becomes a
        span here, so it covers only what it covered there."""
        offset = len(self.plain)
        if other.style and other.plain:
            self.spans.append(Span(offset, offset + len(other.plain), other.style))
        self.spans += [Span(s.start + offset, s.end + offset, s.style) for s in other.spans]
        self.plain += other.plain
        return self

    def copy(self) -> Styled:
        return Styled(self.plain, self.style, list(self.spans))

    def cut(self, start: int, end: int) -> Styled:
        """Characters `start` to `end`, with the parts of the spans that fall among them."""
        return Styled(
            self.plain[start:end],
            self.style,
            [
                Span(max(s.start, start) - start, min(s.end, end) - start, s.style)
                for s in self.spans
                if min(s.end, end) > max(s.start, start)
            ],
        )

    def split(self, separator: str = "\n", allow_blank: bool = False) -> list[Styled]:
        """The text between separators; a separator at the end starts no empty last line
        unless `allow_blank`."""
        plain = self.plain
        if separator not in plain:
            return [self.copy()]
        pieces: list[Styled] = []
        start = 0
        for part in plain.split(separator):
            pieces.append(self.cut(start, start + len(part)))
            start += len(part) + len(separator)
        if not allow_blank and plain.endswith(separator):
            pieces.pop()
        return pieces

    def rstrip(self) -> None:
        """Trailing blanks dropped, and the spans' parts over them."""
        kept = len(self.plain.rstrip())
        if kept == len(self.plain):
            return
        self.plain = self.plain[:kept]
        self.spans = [
            Span(s.start, min(s.end, kept), s.style) for s in self.spans if s.start < kept
        ]

    def expand_tabs(self, size: int = 8) -> None:
        """Each tab as blanks to the next stop every `size` cells of its line; a role that
        covers the tab covers its blanks."""
        if "\t" not in self.plain:
            return
        out: list[str] = []
        column = 0
        inserted: list[tuple[int, int]] = []  # (index of a tab, blanks added after it)
        for index, char in enumerate(self.plain):
            if char == "\n":
                column = 0
                out.append(char)
            elif char == "\t":
                blanks = size - column % size
                out.append(" " * blanks)
                column += blanks
                inserted.append((index, blanks - 1))
            else:
                column += cell_len(char)
                out.append(char)
        self.plain = "".join(out)

        def moved(position: int) -> int:
            # A tab before the position pushes it on; a span that covers a tab (ends after
            # it) grows by the tab's blanks.
            return position + sum(added for tab, added in inserted if tab < position)

        self.spans = [Span(moved(s.start), moved(s.end), s.style) for s in self.spans]


def join(separator: str, lines: Iterable[Styled]) -> Styled:
    """The lines one after the other with `separator` between them, each keeping its roles."""
    joined = Styled()
    for number, line in enumerate(lines):
        if number:
            joined.append(separator)
        joined.append_text(line)
    return joined


Run = tuple[str, frozenset[str]]  # ("text", {"strong", "meta"})


def _words(style: str) -> set[str]:
    return set(style.split()) if style else set()


def runs(text: Styled) -> list[Run]:
    """The text cut wherever its roles change; a whole-text role covers every run."""
    plain = text.plain
    cuts = sorted({0, len(plain), *(p for s in text.spans for p in (s.start, s.end))})
    base = _words(text.style)
    out: list[Run] = []
    for start, end in pairwise(cuts):
        if start >= end:
            continue
        style = set(base)
        for span in text.spans:
            if span.start <= start and end <= span.end:
                style |= _words(span.style)
        out.append((plain[start:end], frozenset(style)))
    return out
