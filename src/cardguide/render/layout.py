"""Lines for a terminal: wrapping by display cells, Chinese line-break rules, hanging indents."""

from __future__ import annotations

import re
from collections.abc import Sequence
from unicodedata import east_asian_width

from rich.cells import cell_len

from cardguide.render.styled import Styled

# Chinese typesetting never starts a line with closing punctuation nor ends one with opening
# punctuation (避头尾); the same holds for their ASCII cousins inside Latin text.
_CLOSING = frozenset("，。、；：？！）】」』》〉”’…—·％,.;:?!)]}%")
_OPENING = frozenset("（【「『《〈“‘([{")
_PAIRS = dict(zip("（【「『《〈“(", "）】」』》〉”)", strict=True))
_SHORT = 12  # cells: a bracketed run at most this wide stays on one line
_WORDS = re.compile(r"[^ ]+")  # what lies between blanks


# Characters that may be broken between on their own: ideographs, kana, full-width marks.
_WIDE_CLASSES = frozenset(("W", "F"))


def _units(plain: str) -> list[tuple[int, int]]:
    """(start, end) of the pieces that a line break may fall between, never inside; the
    blanks between pieces belong to none."""
    if plain.isascii():  # no ASCII character is wide: the words are the pieces
        units = [run.span() for run in _WORDS.finditer(plain)]
    else:
        units = []
        for run in _WORDS.finditer(plain):
            text = run.group()
            units += [run.span()] if text.isascii() else _pieces(text, run.start())
    # A bracket must be there before a run in brackets can be kept whole.
    return _keep_short_brackets(plain, units) if any(o in plain for o in _PAIRS) else units


def _pieces(text: str, offset: int) -> list[tuple[int, int]]:
    """A run without blanks, cut beside every wide character (ideographs stand alone, other
    characters run together), but never before a closing mark nor after an opening one."""
    wide = [east_asian_width(char) in _WIDE_CLASSES for char in text]
    pieces: list[tuple[int, int]] = []
    start = 0
    for index in range(1, len(text)):
        if (
            (wide[index] or wide[index - 1])
            and text[index] not in _CLOSING
            and text[index - 1] not in _OPENING
        ):
            pieces.append((offset + start, offset + index))
            start = index
    pieces.append((offset + start, offset + len(text)))
    return pieces


def _keep_short_brackets(plain: str, units: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A short bracketed run such as （转载） or （户口簿） is never split across lines."""
    kept: list[tuple[int, int]] = []
    index = 0
    while index < len(units):
        opens = plain[units[index][0]] in _PAIRS  # most units open nothing: no call for them
        last = _closed_by(plain, units, index) if opens else None
        if last is None:
            kept.append(units[index])
            index += 1
        else:
            kept.append((units[index][0], units[last][1]))
            index = last + 1
    return kept


def _closed_by(plain: str, units: list[tuple[int, int]], index: int) -> int | None:
    """The later unit that closes the bracket opening this unit, if the run is short."""
    start, end = units[index]
    closing = _PAIRS.get(plain[start])
    if closing is None or closing in plain[start + 1 : end]:
        return None
    for last in range(index + 1, len(units)):
        if cell_len(plain[start : units[last][1]]) > _SHORT:
            return None
        if closing in plain[units[last][0] : units[last][1]]:
            return last
    return None


def _fold(plain: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """A piece too long for any line, cut at the width (at least one character a line)."""
    spans: list[tuple[int, int]] = []
    line_start, used = start, 0
    for index in range(start, end):
        size = cell_len(plain[index])
        if used + size > width and index > line_start:
            cut = index
            # Even a cut piece does not start a line with closing marks: take more along.
            while (
                plain[cut] in _CLOSING
                and cut - 1 > line_start
                and cell_len(plain[cut - 1 : index + 1]) <= width
            ):
                cut -= 1
            spans.append((line_start, cut))
            line_start, used = cut, cell_len(plain[cut:index])
        used += size
    spans.append((line_start, end))
    return spans


def break_spans(plain: str, width: int) -> list[tuple[int, int]]:
    """Where each line of `plain` starts and ends when it is wrapped to `width` cells.

    Breaks fall at spaces (which are dropped) and between Chinese characters; a piece that
    fits no line is cut where the line ends.
    """
    body = plain.strip(" ")
    if cell_len(body) <= width:  # most text fits: only the blanks around it go
        start = len(plain) - len(plain.lstrip(" "))
        return [(start, start + len(body))] if body else [(0, 0)]
    spans: list[tuple[int, int]] = []
    line_start: int | None = None
    line_end = 0
    used = 0
    for start, end in _units(plain):
        piece = plain[start:end]
        # Printable ASCII is one cell a character; measuring it is the loop's main cost.
        size = len(piece) if piece.isascii() and piece.isprintable() else cell_len(piece)
        # Only blanks lie between two pieces, one cell each.
        if line_start is not None and used + start - line_end + size <= width:
            line_end, used = end, used + start - line_end + size
            continue
        if line_start is not None:
            spans.append((line_start, line_end))
        if size <= width:
            line_start, line_end, used = start, end, size
            continue
        *full, last = _fold(plain, start, end, width)
        spans += full
        line_start, line_end = last
        used = cell_len(plain[line_start:line_end])
    if line_start is not None:
        spans.append((line_start, line_end))
    return spans or [(0, 0)]


def wrap(text: Styled, width: int) -> list[Styled]:
    """Styled text as lines of at most `width` cells; each newline starts a new line.

    A line that is the whole text is `text` itself: the lines are read, never changed.
    """
    plain = text.plain
    lines: list[Styled] = []
    offset = 0
    # An empty span would split a terminal's output into more escape codes than a cut line has.
    bare = all(span.end > span.start for span in text.spans)
    for paragraph in plain.split("\n"):
        for start, end in break_spans(paragraph, width):
            whole = bare and start == offset == 0 and end == len(plain)
            lines.append(text if whole else text.cut(offset + start, offset + end))
        offset += len(paragraph) + 1
    return lines


def hang(marker: Styled, marker_width: int, body: Styled, width: int) -> list[Styled]:
    """The body wrapped beside a right-aligned marker, its further lines indented under it."""
    indent = marker_width + 1
    lines = wrap(body, max(width - indent, 1))
    pad = max(marker_width - marker.cell_len, 0)
    first = Styled(" " * pad).append_text(marker).append(" ").append_text(lines[0])
    return [first, *(Styled(" " * indent).append_text(line) for line in lines[1:])]


def items(rows: Sequence[tuple[Styled | None, Styled]], width: int) -> list[Styled]:
    """Rows of marker and body, the markers in one right-aligned column; a plain list item's
    marker is a bullet."""
    shown = [(Styled("•") if marker is None else marker, body) for marker, body in rows]
    marker_width = max((marker.cell_len for marker, _body in shown), default=0)
    return [line for marker, body in shown for line in hang(marker, marker_width, body, width)]


def table(header: Sequence[str], rows: Sequence[Sequence[Styled]], width: int) -> list[Styled]:
    """Columns sized to their widest cell; the widest column wraps when the line is too long."""
    columns = len(header)
    widths = [
        max([cell_len(header[c]), *(row[c].cell_len for row in rows)]) for c in range(columns)
    ]
    gaps = 2 * (columns - 1)
    excess = sum(widths) + gaps - width
    if excess > 0:
        widest = widths.index(max(widths))
        widths[widest] = max(widths[widest] - excess, 4)
    lines = _row([Styled(h, style="strong") for h in header], widths)
    lines.append(Styled("  ".join("-" * w for w in widths), style="meta"))
    for row in rows:
        lines += _row(list(row), widths)
    return lines


def _row(cells: list[Styled], widths: list[int]) -> list[Styled]:
    wrapped = [wrap(cell, width) for cell, width in zip(cells, widths, strict=True)]
    height = max(len(lines) for lines in wrapped)
    out: list[Styled] = []
    for index in range(height):
        line = Styled()
        for column, lines in enumerate(wrapped):
            part = lines[index] if index < len(lines) else Styled()
            if column:
                line.append("  ")
            line.append_text(part)
            line.append(" " * (widths[column] - part.cell_len))
        out.append(line)
    return out
