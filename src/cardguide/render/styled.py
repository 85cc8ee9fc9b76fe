"""Styled text as runs of characters that share one set of style words, for markup formats."""

from __future__ import annotations

from itertools import pairwise

from rich.text import Text

from cardguide.render.blocks import Block, Heading, Rows, Table

Run = tuple[str, frozenset[str]]  # ("text", {"bold", "dim"})


def _words(style: object) -> set[str]:
    return set(str(style).split()) if style else set()


def runs(text: Text) -> list[Run]:
    """The text cut wherever its styles change; a base style covers the whole text."""
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


def header_end(blocks: list[Block]) -> int:
    """Where the header (title, region, review lines) ends and the body begins."""
    for index, block in enumerate(blocks):
        if isinstance(block, Heading | Rows | Table):
            return index
    return len(blocks)
