"""Human-readable output: plain when piped or with NO_COLOR, data text never markup."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from cardguide.render import RenderOptions
from cardguide.render.blocks import Gap, Heading, Line, Rows, Sheet, Table, Title
from cardguide.render.layout import items, table, wrap
from cardguide.render.sheet import sheet_of
from cardguide.render.styled import Styled, join

if TYPE_CHECKING:
    from cardguide.documents import Document

MAX_WIDTH = 100  # wider lines are hard to read and to print
PLAIN_WIDTH = 80  # plain text for which no width was given


def lines_of(sheet: Sheet, width: int) -> list[Styled]:
    """The sheet's blocks as lines wrapped to `width` cells."""
    lines: list[Styled] = []
    for block in sheet.blocks:
        if isinstance(block, Line) and block.raw:
            lines.append(block.text)  # diagnostics stay one per line, for grep and editors
        elif isinstance(block, Title | Line):
            lines += wrap(block.text, width)
        elif isinstance(block, Heading):
            lines.append(Styled())
            lines += wrap(block.text, width)
        elif isinstance(block, Gap):
            lines.append(Styled())
        elif isinstance(block, Rows):
            lines += items(block.rows, width)
        elif isinstance(block, Table):
            lines += table(block.header, block.rows, width)
    return lines


def render(document: Document, out: TextIO, options: RenderOptions) -> None:
    if options.styled is False:
        # No escape codes, so the lines' characters are the output, and rich is never loaded
        # (19 ms of a plain run).
        _write(_lines(document, options, min(options.width or PLAIN_WIDTH, MAX_WIDTH)), out)
        return
    from rich.console import Console
    from rich.theme import Theme

    from cardguide.render.roles import TERMINAL

    console = Console(
        file=out,
        width=options.width,
        markup=False,  # data text is never parsed as rich markup
        emoji=False,  # nor are ":name:" codes turned into emoji
        highlight=False,
        force_terminal=options.styled,  # None: rich asks the stream and the environment
        theme=Theme(TERMINAL),  # each role of the sheet as a terminal style
    )
    lines = _lines(document, options, min(console.width, MAX_WIDTH))
    if console.color_system is None:  # a dumb terminal, say
        _write(lines, out)
        return
    from rich.text import Span, Text

    # Lines are already wrapped; rich only adds styles, in one pass over all of them.
    whole = join("\n", lines)
    with console.capture() as captured:
        console.print(Text(whole.plain, spans=[Span(*s) for s in whole.spans]), soft_wrap=True)
    out.write(captured.get())


def _lines(document: Document, options: RenderOptions, width: int) -> list[Styled]:
    return [_finished(line) for line in lines_of(sheet_of(document, options), width)]


def _write(lines: list[Styled], out: TextIO) -> None:
    # Printing through rich line by line took 20 ms of a checklist's 45.
    out.write("".join(f"{line.plain}\n" for line in lines))


def _finished(line: Styled) -> Styled:
    """The line without trailing blanks (noise in pipes), its tabs expanded by display cells;
    a copy when that changes it, as lines may be the sheet's own text."""
    plain = line.plain
    if "\t" not in plain and plain == plain.rstrip():
        return line
    done = line.copy()
    done.rstrip()
    done.expand_tabs(8)
    return done
