"""Printable output: Markdown task lists and self-contained HTML pages, read as a reader would."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import Invoke

APPLY = ["apply", "--region", "ningbo", "--newborn"]


def _materials(invoke: Invoke, lang: str = "en") -> list[str]:
    run = invoke([*APPLY, "--format", "json"])
    assert (run.exit_code, run.stderr) == (0, "")
    data = run.json()
    return [item["text"][lang] for item in data["materials"]]


class _Page(HTMLParser):
    """Every tag with its attributes, the inline style sheets, and the visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.styles: list[str] = []
        self.text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        (self.styles if self._in_style else self.text).append(data)


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def test_markdown_lists_materials_as_a_task_list_and_steps_in_order(invoke: Invoke) -> None:
    run = invoke([*APPLY, "--format", "markdown"])
    assert (run.exit_code, run.stderr) == (0, "")
    tasks = [line for line in run.stdout.splitlines() if line.startswith("- [ ] ")]
    assert [line.removeprefix("- [ ] ").rstrip("\\") for line in tasks] == _materials(invoke)
    steps = [line for line in run.stdout.splitlines() if re.match(r"\d+\. ", line)]
    assert [line.split(".")[0] for line in steps] == [str(n) for n in range(1, len(steps) + 1)]
    assert run.stdout.startswith("# Applying for a card\n")
    assert "Made on 2026-12-03 by cardguide" in run.stdout


def test_markdown_in_chinese_uses_the_chinese_materials(invoke: Invoke) -> None:
    run = invoke([*APPLY, "--format", "markdown", "--lang", "zh"])
    assert (run.exit_code, run.stderr) == (0, "")
    tasks = [line.removeprefix("- [ ] ").rstrip("\\") for line in run.stdout.splitlines()
             if line.startswith("- [ ] ")]  # fmt: skip
    assert tasks == _materials(invoke, "zh")
    assert "## 需带材料" in run.stdout


def test_html_is_one_page_that_loads_nothing_from_anywhere(invoke: Invoke) -> None:
    run = invoke([*APPLY, "--format", "html"])
    assert (run.exit_code, run.stderr) == (0, "")
    page = _parse(run.stdout)
    tags = {tag for tag, _attrs in page.tags}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed", "base", "svg"}
    for tag, attrs in page.tags:
        for name, value in attrs.items():
            assert name not in ("src", "href", "srcset", "action"), (tag, name)
            assert "://" not in (value or "") or name == "content", (tag, name, value)
    style = "".join(page.styles)
    for loads in ("url(", "@import", "@font-face"):
        assert loads not in style
    csp = "Content-Security-Policy"
    policy = [a["content"] for t, a in page.tags if a.get("http-equiv") == csp]
    assert policy == ["default-src 'none'; style-src 'unsafe-inline'"]


def test_html_has_a_tick_box_for_each_material_and_says_what_a_printout_must(
    invoke: Invoke,
) -> None:
    run = invoke([*APPLY, "--format", "html"])
    assert (run.exit_code, run.stderr) == (0, "")
    page = _parse(run.stdout)
    boxes = [a for t, a in page.tags if t == "input" and a.get("type") == "checkbox"]
    assert len(boxes) == len(_materials(invoke)) == 3
    text = " ".join(page.text)
    for words in (
        "Ningbo",  # the region
        "Made on 2026-12-03",  # the day it was printed
        "last reviewed",  # how old the data is
        "UNCERTAIN",  # how sure each item is
        "as of 2016",  # how old each item is
        "https://",  # the sources' addresses
    ):
        assert words in text, words
    assert '<html lang="en">' in run.stdout
    assert "size: A4" in "".join(page.styles)


@pytest.mark.parametrize(("lang", "tag"), [("zh", "zh-Hans"), ("both", "zh-Hans"), ("en", "en")])
def test_html_says_its_language_so_a_browser_picks_chinese_fonts(
    invoke: Invoke, lang: str, tag: str
) -> None:
    run = invoke([*APPLY, "--format", "html", "--lang", lang])
    assert (run.exit_code, run.stderr) == (0, "")
    assert f'<html lang="{tag}">' in run.stdout
    assert '"Noto Sans CJK SC"' in run.stdout


def test_markup_in_data_is_shown_as_text_in_markdown_and_html(
    invoke: Invoke, tmp_path: Path
) -> None:
    local = tmp_path / "local"
    local.mkdir()
    (local / "ningbo.yaml").write_text(
        "id: ningbo\nlevel: city\nparent: zhejiang\nnames: {en: Ningbo, zh: 宁波}\n"
        "last_reviewed: 2026-11-21\nprocedures:\n  apply:\n    materials:\n"
        "      - id: photo\n"
        '        text: {en: "<script>alert(1)</script> **bold** [x](http://e.test) | &amp;"}\n'
        "        sources: [seed:003_fb17a0820ab5aaea]\n        status: secondary\n",
        encoding="utf-8",
    )
    args = [*APPLY, "--data-dir", str(local)]
    page = invoke([*args, "--format", "html"])
    assert (page.exit_code, page.stderr) == (0, "")
    html = page.stdout
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; **bold** [x](http://e.test) | &amp;amp;" in html
    written = invoke([*args, "--format", "markdown"])
    assert (written.exit_code, written.stderr) == (0, "")
    markdown = written.stdout
    assert r"\<script\>alert(1)\</script\> \*\*bold\*\* \[x\](http://e.test) \| \&amp;" in markdown


def test_the_national_rules_are_named_once_not_as_national_national(invoke: Invoke) -> None:
    for fmt in ("text", "markdown", "html"):
        run = invoke(["apply", "--region", "乌鲁木齐", "--lang", "zh", "--format", fmt])
        assert (run.exit_code, run.stderr) == (0, "")
        assert "全国（全国）" not in run.stdout
        assert "全国通用的规定" in run.stdout


def test_a_page_never_says_it_was_made_before_its_data_was_reviewed(invoke: Invoke) -> None:
    # The shipped data was reviewed in November 2026; a --today before that makes no "made on".
    for fmt in ("markdown", "html"):
        early = invoke(["apply", "-r", "ningbo", "--format", fmt, "--today", "2026-01-05"])
        assert (early.exit_code, early.stderr) == (0, "")
        assert "Made on" not in early.stdout
        assert "2026-01-05" not in early.stdout
        late = invoke(["apply", "-r", "ningbo", "--format", fmt, "--today", "2026-12-05"])
        assert (late.exit_code, late.stderr) == (0, "")
        assert "Made on 2026-12-05" in late.stdout


def test_every_role_a_sheet_gives_text_has_a_look_in_every_format() -> None:
    from typing import get_args

    from cardguide.render.roles import PAGE_CLASSES, STRONG, TERMINAL, Role

    roles = set(get_args(Role)) - {""}
    assert set(TERMINAL) == roles
    assert set(PAGE_CLASSES) == roles
    assert roles >= STRONG


def test_a_guides_procedure_headings_stand_out_on_a_page_and_in_markdown(invoke: Invoke) -> None:
    page = invoke(["show", "ningbo", "--format", "html"])
    assert (page.exit_code, page.stderr) == (0, "")
    assert '<span class="b">== Applying for a card (apply) ==</span>' in page.stdout
    markdown = invoke(["show", "ningbo", "--format", "markdown"])
    assert (markdown.exit_code, markdown.stderr) == (0, "")
    assert "**\\== Applying for a card (apply) ==**" in markdown.stdout


def test_every_why_line_on_a_page_looks_alike(invoke: Invoke) -> None:
    """The sum behind a date and the reason behind an item are both `Why:` lines, in grey."""
    args = ["check", "--region", "ningbo", "--born", "2026-10-01", "--why", "--format", "html"]
    page = invoke(args)
    assert (page.exit_code, page.stderr) == (0, "")
    labels = re.findall(r'<span class="([^"]*)">Why: </span><span class="([^"]*)">', page.stdout)
    assert len(labels) > 2, "sums and reasons"
    assert set(labels) == {("dim", "dim")}
