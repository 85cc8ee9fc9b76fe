"""Markdown output: materials as a task list, steps numbered, every data character escaped."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TextIO

from cardguide.render import RenderOptions
from cardguide.render.blocks import Gap, Heading, Line, Rows, Sheet, Table, Title, header_end
from cardguide.render.printed import made_on, produced
from cardguide.render.roles import STRONG
from cardguide.render.sheet import sheet_of
from cardguide.render.styled import Styled, runs

if TYPE_CHECKING:
    from cardguide.documents import Document

# Characters that mean something anywhere in Markdown (emphasis, links, HTML, tables, entities).
_ANYWHERE = re.compile(r"([\\`*_\[\]<>|~&])")
# And at the start of a line: headings, lists, block quotes, setext underlines.
_LINE_START = re.compile(r"^(\s*)([#+\-=>]|\d+(?=[.)]))")
_URL = re.compile(r"https?://[^\s<>]+")


def escape(words: str) -> str:
    escaped = _ANYWHERE.sub(r"\\\1", words)
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}", escaped)


def _line(text: Styled) -> str:
    """One line of styled text. Only whole lines are bold: in Chinese text, `**` next to
    punctuation often fails to close, so emphasis inside a line is left out."""
    plain = text.plain.strip()
    if _URL.fullmatch(plain):
        return f"<{plain}>"  # an address is a link, kept whole
    words = escape(plain)
    styled = [style for part, style in runs(text) if part.strip()]
    if words and styled and all(style & STRONG for style in styled):
        return f"**{words}**"
    return words


def _lines(text: Styled) -> list[str]:
    return [line for part in text.split("\n") if (line := _line(part))]


def _item(prefix: str, body: Styled) -> list[str]:
    # Further lines line up with the list item's content: after "- " or after "1. ".
    indent = " " * (len(prefix) if prefix[0].isdigit() else 2)
    return _joined(prefix, indent, _lines(body) or [""])


def _joined(prefix: str, indent: str, lines: list[str]) -> list[str]:
    """Lines of one paragraph; a backslash at a line's end is a hard line break (CommonMark)."""
    out = []
    for number, line in enumerate(lines):
        lead = prefix if number == 0 else indent
        out.append(lead + line + ("\\" if number < len(lines) - 1 else ""))
    return out


def _rows(block: Rows) -> list[str]:
    out: list[str] = []
    for number, (marker, body) in enumerate(block.rows, start=1):
        if block.kind == "steps":
            prefix = f"{number}. "
        elif block.kind == "materials":
            prefix = "- [ ] "
        elif marker is None or not marker.plain:
            prefix = "- "
        else:
            prefix = f"- **{escape(marker.plain)}** "
        out += _item(prefix, body)
    return out


def _table(block: Table) -> list[str]:
    def cells(values: list[str]) -> str:
        return "| " + " | ".join(values) + " |"

    out = [cells([escape(h) for h in block.header]), cells(["---"] * len(block.header))]
    out += [cells([escape(c.plain.replace("\n", " ")) for c in row]) for row in block.rows]
    return out


def markdown(sheet: Sheet, options: RenderOptions) -> str:
    blocks = list(sheet.blocks)
    day = made_on(sheet, options)
    if day is not None:
        at = header_end(blocks)
        blocks[at:at] = [Line(Styled(line)) for line in produced(sheet.words, day)]
    paragraphs: list[list[str]] = []
    lines: list[str] = []  # the paragraph of header lines being gathered
    for block in blocks:
        if isinstance(block, Line):
            lines += _lines(block.text)
            continue
        if lines:
            paragraphs.append(_joined("", "", lines))
            lines = []
        if isinstance(block, Title):
            paragraphs.append([f"# {escape(block.text.plain)}"])
        elif isinstance(block, Heading):
            paragraphs.append([f"## {escape(block.text.plain)}"])
        elif isinstance(block, Rows):
            paragraphs.append(_rows(block))
        elif isinstance(block, Table):
            paragraphs.append(_table(block))
        elif isinstance(block, Gap):
            continue
    if lines:
        paragraphs.append(_joined("", "", lines))
    return "\n\n".join("\n".join(p) for p in paragraphs if p) + "\n"


def render(document: Document, out: TextIO, options: RenderOptions) -> None:
    out.write(markdown(sheet_of(document, options), options))
