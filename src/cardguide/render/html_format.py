"""A printable HTML page: one self-contained file, tick boxes for materials, A4 when printed."""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING, TextIO

from cardguide import __version__
from cardguide.render import RenderOptions
from cardguide.render.blocks import (
    Block,
    Gap,
    Heading,
    Line,
    Rows,
    Sheet,
    Table,
    Title,
    header_end,
)
from cardguide.render.printed import made_on, produced
from cardguide.render.roles import PAGE_CLASSES
from cardguide.render.sheet import sheet_of
from cardguide.render.styled import Styled, runs
from cardguide.wording import msg

if TYPE_CHECKING:
    from cardguide.documents import Document

# Fonts that hold Chinese on each common system, then the generic family; nothing is fetched.
_FONTS = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "PingFang SC", '
    '"Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Droid Sans Fallback", '
    "sans-serif"
)

_STYLE = f"""
:root {{ color-scheme: light; }}
body {{ font-family: {_FONTS}; font-size: 11pt; line-height: 1.5; color: #111;
  max-width: 46rem; margin: 1.5rem auto; padding: 0 1rem; }}
h1 {{ font-size: 1.5em; margin: 0 0 .3em; }}
h2 {{ font-size: 1.1em; margin: 1.2em 0 .4em; padding-bottom: .15em; border-bottom: 1px solid #999;
  break-after: avoid; }}
header p {{ margin: .1em 0; }}
ol, ul {{ margin: .3em 0; padding-left: 1.8em; }}
li {{ margin: .35em 0; break-inside: avoid; }}
ul.marked, ul.tick, ol.sources {{ list-style: none; padding-left: 0; }}
.marker {{ display: inline-block; min-width: 2.2em; font-weight: bold; }}
label {{ display: flex; gap: .5em; cursor: pointer; }}
.tick input {{ position: absolute; opacity: 0; }}
.box::before {{ content: "\\2610"; font-size: 1.25em; line-height: 1; }}
.tick input:checked + .box::before {{ content: "\\2611"; }}
.tick input:focus-visible + .box {{ outline: 2px solid #1558b0; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ text-align: left; vertical-align: top; padding: .2em .5em;
  border-bottom: 1px solid #ccc; }}
.b {{ font-weight: bold; }} .i {{ font-style: italic; }}
.dim {{ color: #555; }} .red {{ color: #a00020; }} .green {{ color: #17612a; }}
.amber {{ color: #8a4b00; }}
.url {{ word-break: break-all; }}
footer {{ margin-top: 1.5em; font-size: .9em; color: #555; }}
html:lang(zh-Hans) .i {{ font-style: normal; }}
@media print {{
  body {{ max-width: none; margin: 0; padding: 0; font-size: 9pt; line-height: 1.3; }}
  h1 {{ font-size: 1.35em; }}
  h2 {{ margin: .7em 0 .25em; break-after: avoid; }}
  li {{ margin: .12em 0; }}
  header p {{ margin: 0; }}
  h2.later {{ break-before: page; }}
}}
"""

# Sections a person does not need at the counter: printed from the second page on, so the
# first page holds what to do, what to bring, what it costs and by when.
_LATER = frozenset({"notes", "legal", "sources"})
# Stand-ins for the page counters inside the catalog's words (private-use characters).
_PAGE, _PAGES = "\ue000", "\ue001"

# Nothing on the page may load anything: styles are inline, and there are no scripts, images,
# fonts or frames. The policy makes a browser refuse any that slipped in.
_POLICY = "default-src 'none'; style-src 'unsafe-inline'"


def _styled(text: Styled) -> str:
    parts = []
    for words, style in runs(text):
        classes = " ".join(sorted({c for role in style for c in PAGE_CLASSES.get(role, ())}))
        shown = escape(words).replace("\n", "<br>")
        if words.startswith(("http://", "https://")) and "\n" not in words.strip():
            classes = f"{classes} url".strip()
        parts.append(f'<span class="{classes}">{shown}</span>' if classes else shown)
    return "".join(parts)


def _is_meta(line: Styled) -> bool:
    """The line of source numbers, status and age that ends an item ("[1] 待核实 · 来自河南")."""
    return any(
        span.style == "provenance" and span.start == 0 and span.end == len(line.plain)
        for span in line.spans
    )


def _body(text: Styled) -> str:
    # Lines of a body are separate lines on paper too; addresses may break anywhere. The line
    # of sources and status follows the last line on the same line, so a sheet stays short.
    lines = list(text.split("\n", allow_blank=True))
    meta = (
        f' <span class="meta">{_styled(lines.pop())}</span>'
        if len(lines) > 1 and _is_meta(lines[-1])
        else ""
    )
    return "<br>".join(_styled(part) for part in lines) + meta


def _rows(block: Rows) -> list[str]:
    if block.kind == "steps":
        items = [f"<li>{_body(body)}</li>" for _marker, body in block.rows]
        return ['<ol class="steps">', *items, "</ol>"]
    if block.kind == "materials":
        items = [
            f'<li><label><input type="checkbox"><span class="box" aria-hidden="true"></span>'
            f"<span>{_body(body)}</span></label></li>"
            for _marker, body in block.rows
        ]
        return ['<ul class="tick">', *items, "</ul>"]
    tag = "ol" if block.kind == "sources" else "ul"
    items = []
    for marker, body in block.rows:
        shown = "" if marker is None else f'<span class="marker">{_styled(marker)}</span> '
        items.append(f"<li>{shown}{_body(body)}</li>")
    kind = "sources" if block.kind == "sources" else "marked"
    if all(marker is None for marker, _body in block.rows):
        kind = "plain"
    return [f'<{tag} class="{kind}">', *items, f"</{tag}>"]


def _table(block: Table) -> list[str]:
    head = "".join(f"<th>{escape(h)}</th>" for h in block.header)
    rows = ["<tr>" + "".join(f"<td>{_body(c)}</td>" for c in row) + "</tr>" for row in block.rows]
    return ["<table>", f"<thead><tr>{head}</tr></thead>", "<tbody>", *rows, "</tbody>", "</table>"]


def _block(block: Block) -> list[str]:
    if isinstance(block, Title):
        return [f"<h1>{_styled(block.text)}</h1>"]
    if isinstance(block, Line):
        return [f"<p>{_body(block.text)}</p>"]
    if isinstance(block, Heading):
        later = ' class="later"' if block.kind in _LATER else ""
        return [f"<h2{later}>{_styled(block.text)}</h2>"]
    if isinstance(block, Rows):
        return _rows(block)
    if isinstance(block, Table):
        return _table(block)
    assert isinstance(block, Gap)
    return []


def _css_string(text: str) -> str:
    """Text as a CSS string: quotes, backslashes and line breaks cannot end it early."""
    return '"' + "".join(ch if ch.isalnum() or ch in " ·/-,.()（）" else f"\\{ord(ch):x} "
                         for ch in text) + '"'  # fmt: skip


def _page_boxes(sheet: Sheet, options: RenderOptions) -> str:
    """What every printed page repeats: the title and place at the top, the day it was made
    and its number at the bottom."""
    numbered = sheet.words.short(msg("print.page", page=_PAGE, pages=_PAGES))
    counters = " ".join(
        "counter(page)" if part == _PAGE else "counter(pages)" if part == _PAGES
        else _css_string(part)
        for part in re.split(f"({_PAGE}|{_PAGES})", numbered) if part
    )  # fmt: skip
    day = "" if made_on(sheet, options) is None else sheet.words.short(options.today)
    small = "font-size: 8pt; color: #555;"
    return (
        f"@page {{ size: A4; margin: 13mm 12mm 13mm;"
        f" @top-left {{ content: {_css_string(sheet.running)}; {small} }}"
        f" @bottom-left {{ content: {_css_string(day)}; {small} }}"
        f" @bottom-right {{ content: {counters}; {small} }} }}"
    )


def page(sheet: Sheet, options: RenderOptions) -> str:
    blocks = sheet.blocks
    split = header_end(blocks)
    title = next((b.text.plain for b in blocks if isinstance(b, Title)), "cardguide")
    lang = "en" if sheet.words.langs == ("en",) else "zh-Hans"
    header = [line for block in blocks[:split] for line in _block(block)]
    main = [line for block in blocks[split:] for line in _block(block)]
    day = made_on(sheet, options)
    made = [] if day is None else produced(sheet.words, day)
    made = [f'<p class="dim made">{escape(line)}</p>' for line in made]
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="cardguide {escape(__version__)}">',
        f"<title>{escape(title)}</title>",
        f"<style>{_STYLE}{_page_boxes(sheet, options)}</style>",
        "</head>",
        "<body>",
        "<header>", *header, *made, "</header>",
        "<main>", *main, "</main>",
        "</body>",
        "</html>",
        "",
    ])  # fmt: skip


def render(document: Document, out: TextIO, options: RenderOptions) -> None:
    out.write(page(sheet_of(document, options), options))
