"""Human-readable output: plain when piped or with NO_COLOR, data text never markup."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from rich.console import Console
from rich.text import Text
from rich.theme import Theme

from cardguide.render import RenderOptions
from cardguide.render.blocks import Gap, Heading, Line, Rows, Sheet, Table, Title
from cardguide.render.layout import items, table, wrap
from cardguide.render.roles import TERMINAL
from cardguide.render.sheet import sheet_of

if TYPE_CHECKING:
    from cardguide.documents import Document

MAX_WIDTH = 100  # wider lines are hard to read and to print


def lines_of(sheet: Sheet, width: int) -> list[Text]:
    """The sheet's blocks as lines wrapped to `width` cells."""
    lines: list[Text] = []
    for block in sheet.blocks:
        if isinstance(block, Line) and block.raw:
            lines.append(block.text)  # diagnostics stay one per line, for grep and editors
        elif isinstance(block, Title | Line):
            lines += wrap(block.text, width)
        elif isinstance(block, Heading):
            lines.append(Text())
            lines += wrap(block.text, width)
        elif isinstance(block, Gap):
            lines.append(Text())
        elif isinstance(block, Rows):
            lines += items(block.rows, width)
        elif isinstance(block, Table):
            lines += table(block.header, block.rows, width)
    return lines


def render(document: Document, out: TextIO, options: RenderOptions) -> None:
    console = Console(
        file=out,
        width=options.width,
        markup=False,  # data text is never parsed as rich markup
        emoji=False,  # nor are ":name:" codes turned into emoji
        highlight=False,
        # rich drops colours for NO_COLOR but keeps bold; plain means no escape codes at all.
        color_system=None if options.plain else "auto",
        force_terminal=True if options.styled else None,
        theme=Theme(TERMINAL),  # each role of the sheet as a terminal style
    )
    width = min(console.width, MAX_WIDTH) if options.width is None else options.width
    lines = [_finished(line) for line in lines_of(sheet_of(document, options), width)]
    if console.color_system is None:
        # No escape codes either way, so the lines' characters are the output: printing them
        # through rich line by line took 20 ms of a checklist's 45.
        out.write("".join(f"{line.plain}\n" for line in lines))
        return
    # Lines are already wrapped; rich only adds styles, in one pass over all of them.
    with console.capture() as captured:
        console.print(Text("\n").join(lines), soft_wrap=True)
    out.write(captured.get())


def _finished(line: Text) -> Text:
    """The line without trailing blanks (noise in pipes), its tabs expanded by display cells
    as rich prints them; a copy when that changes it, as lines may be the sheet's own text."""
    plain = line.plain
    if "\t" not in plain and plain == plain.rstrip():
        return line
    done = line.copy()
    done.rstrip()
    done.expand_tabs(8)
    return done
