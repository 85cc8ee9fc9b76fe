"""Wrapping by display cells: Chinese breaks between characters, never before closing marks."""

from __future__ import annotations

import random
from collections.abc import Sequence

import pytest
from rich.cells import cell_len

from cardguide.render.layout import break_spans, hang, wrap
from cardguide.render.styled import Span, Styled

CLOSING = "，。、；：？！）】」』》”"


def lines(text: str, width: int) -> list[str]:
    return [text[start:end] for start, end in break_spans(text, width)]


def test_chinese_fills_the_line_two_cells_a_character() -> None:
    assert lines("一二三四五六七八九十", 10) == ["一二三四五", "六七八九十"]


def test_no_line_starts_with_closing_punctuation() -> None:
    # The comma would start the second line; the character before it moves down with it.
    assert lines("一二三四五，六七", 10) == ["一二三四", "五，六七"]


def test_a_short_bracketed_run_stays_together() -> None:
    assert lines("一二三四五六七（转载）", 16) == ["一二三四五六七", "（转载）"]


def test_latin_words_break_at_spaces_and_long_ones_are_cut() -> None:
    assert lines("see https://example.com/a/very/long/path now", 12) == [
        "see",
        "https://exam",
        "ple.com/a/ve",
        "ry/long/path",
        "now",
    ]


def test_spaces_at_a_break_are_dropped() -> None:
    assert lines("one two three", 7) == ["one two", "three"]


PIECES = ["社保卡", "，", "。", "（户口簿）", "ID", "card", "12333", "—", "“浙里办”"]


@pytest.mark.parametrize("width", [1, 2, 5, 17, 40, 80])
def test_no_line_is_wider_than_asked_and_nothing_is_lost(width: int) -> None:
    chooser = random.Random(width)
    for _ in range(200):
        text = "".join(chooser.choice([*PIECES, " "]) for _ in range(chooser.randint(0, 40)))
        found = lines(text, width)
        for line in found:
            # Only a single character wider than the line itself may overflow it.
            assert cell_len(line) <= width or len(line) == 1, (text, found)
        assert "".join(found).replace(" ", "") == text.replace(" ", "")


@pytest.mark.parametrize("width", [17, 40, 80])
def test_in_running_chinese_no_line_starts_with_a_closing_mark(width: int) -> None:
    chooser = random.Random(width)
    for _ in range(200):
        text = "".join(chooser.choice(PIECES) for _ in range(chooser.randint(0, 40)))
        found = lines(text, width)
        assert not [line for line in found[1:] if line[:1] in CLOSING], (text, found)


def test_styles_survive_wrapping_and_markers_hang() -> None:
    body = Styled().append("需带材料", style="strong").append("一二三四五六七八九十")
    wrapped = wrap(body, 10)
    assert [line.plain for line in wrapped] == ["需带材料一", "二三四五六", "七八九十"]
    assert [(span.start, span.end, span.style) for span in wrapped[0].spans] == [(0, 4, "strong")]
    assert wrapped[1].spans == []
    hung = hang(Styled("[ ]"), 3, Styled("一二三四五六七八"), 12)
    assert [line.plain for line in hung] == ["[ ] 一二三四", "    五六七八"]


def test_a_line_never_carries_an_empty_style_span_which_would_split_its_escape_codes() -> None:
    text = Styled("簿4d")
    text.spans = [Span(2, 2, "red"), Span(0, 3, "red")]
    [line] = wrap(text, 10)
    assert (line.plain, line.spans) == ("簿4d", [Span(0, 3, "red")])


def _styles_by_character(plain: str, spans: Sequence[tuple[int, int, str]]) -> list[set[str]]:
    return [
        {style for start, end, style in spans if start <= index < end}
        for index in range(len(plain))
    ]


@pytest.mark.parametrize("seed", range(40))
def test_tabs_and_trailing_blanks_come_out_as_a_terminal_shows_them(seed: int) -> None:
    """Tabs expand to the next stop of eight cells, Chinese two cells a character, each blank
    keeping the role of the tab it stands for; as rich, which prints styled lines, has it."""
    from rich.text import Span as RichSpan
    from rich.text import Text as RichText

    chance = random.Random(seed)
    plain = "".join(chance.choice("ab宁波\t \n") for _ in range(chance.randint(0, 24)))
    spans = []
    for _ in range(chance.randint(0, 3)):
        start = chance.randint(0, len(plain))
        spans.append(Span(start, chance.randint(start, len(plain)), chance.choice(["x", "y"])))
    ours = Styled(plain, spans=list(spans))
    theirs = RichText(plain, spans=[RichSpan(*span) for span in spans])
    for text in (ours, theirs):
        text.rstrip()
        text.expand_tabs(8)
    assert ours.plain == theirs.plain
    assert _styles_by_character(ours.plain, ours.spans) == _styles_by_character(
        theirs.plain, [(s.start, s.end, str(s.style)) for s in theirs.spans]
    )
