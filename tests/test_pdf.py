"""The printable page in a real browser: headless Chromium prints it to PDF, and the PDF is read."""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import Invoke

BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def _tool(names: tuple[str, ...]) -> str | None:
    return next((found for name in names if (found := shutil.which(name))), None)


BROWSER = os.environ.get("CARDGUIDE_CHROMIUM") or _tool(BROWSERS)
PDFTOTEXT = _tool(("pdftotext",))
PDFTOPPM = _tool(("pdftoppm",))
PDFINFO = _tool(("pdfinfo",))
TOOLS = {"Chromium": BROWSER, "pdftotext": PDFTOTEXT, "pdftoppm": PDFTOPPM, "pdfinfo": PDFINFO}


def _no_chinese_font() -> bool:
    """Whether fontconfig knows no font with Chinese; without fc-list it cannot say, so False."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    listed = subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True)
    return listed.stdout.strip() == ""


MISSING = [name for name, path in TOOLS.items() if path is None]
# CI sets CARDGUIDE_REQUIRE_BROWSER so that a missing browser, tool or font fails there instead
# of skipping; elsewhere a machine without them skips.
REQUIRED = bool(os.environ.get("CARDGUIDE_REQUIRE_BROWSER"))
pytestmark = pytest.mark.skipif(
    not REQUIRED and (bool(MISSING) or _no_chinese_font()),
    reason="needs Chromium, poppler-utils and a Chinese font (Debian: apt install chromium "
    "poppler-utils fonts-noto-cjk); .ci/run installs them",
)

TITLE = "申领社保卡"
# At this resolution a character of the printed title is about 30 pixels wide.
DPI = 150


def _print(html: Path, pdf: Path, profile: Path) -> None:
    assert BROWSER is not None
    # Flags for a sandboxed machine with no network: no first-run, sync or update traffic.
    subprocess.run(
        [
            BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", f"--user-data-dir={profile}", "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}", html.as_uri(),
        ],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


Glyph = frozenset[tuple[int, int]]


def _glyphs(pdf: Path, within: str) -> tuple[str, list[Glyph]]:
    """The first word of page 1 that is part of `within`, at least three characters long, and
    the dark pixels of each of its characters as printed, each set moved to its corner so that
    characters that print the same compare equal wherever they stand."""
    assert PDFTOTEXT is not None
    assert PDFTOPPM is not None
    boxes = subprocess.run(
        [PDFTOTEXT, "-f", "1", "-l", "1", "-bbox", "-enc", "UTF-8", str(pdf), "-"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    words = re.findall(
        r'<word xMin="(.+?)" yMin="(.+?)" xMax="(.+?)" yMax="(.+?)">(.*?)</word>', boxes
    )
    # Where no font has a character, the text layer may drop it; the rest of the title still
    # stands where it printed.
    found = next((w for w in words if len(w[4]) >= 3 and w[4] in within), None)
    assert found, f"no part of {within} is a word of page 1: {[w[4] for w in words[:8]]}"
    word = found[4]
    left, top, right, bottom = (round(float(v) * DPI / 72) for v in found[:4])
    crop = ["-x", str(left), "-y", str(top), "-W", str(right - left), "-H", str(bottom - top)]
    image = subprocess.run(
        [PDFTOPPM, "-f", "1", "-l", "1", "-r", str(DPI), "-gray", *crop, str(pdf)],
        check=True, capture_output=True,
    ).stdout  # fmt: skip
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", image)
    assert header, image[:40]
    width, height = int(header[1]), int(header[2])
    pixels = image[header.end() :]
    assert len(pixels) == width * height
    # Chinese characters are set on square cells of one width, and so are missing-glyph boxes.
    edges = [round(i * width / len(word)) for i in range(len(word) + 1)]
    glyphs = []
    for start, end in itertools.pairwise(edges):
        dark = [
            (x, y) for y in range(height) for x in range(start, end) if pixels[y * width + x] < 128
        ]
        corner_x = min((x for x, _ in dark), default=0)
        corner_y = min((y for _, y in dark), default=0)
        glyphs.append(frozenset((x - corner_x, y - corner_y) for x, y in dark))
    return word, glyphs


def _unlike(one: Glyph, other: Glyph) -> float:
    """The share of the two characters' dark pixels that only one of them has."""
    return len(one ^ other) / max(len(one | other), 1)


@pytest.mark.parametrize("lang", ["zh", "both"])
def test_the_printed_checklist_holds_every_material_beside_a_tick_box(
    invoke: Invoke, tmp_path: Path, lang: str
) -> None:
    assert not MISSING, f"not found: {', '.join(MISSING)}"
    args = ["apply", "--region", "ningbo", "--newborn"]
    page = invoke([*args, "--format", "html", "--lang", lang])
    assert (page.exit_code, page.stderr) == (0, "")
    html, pdf = tmp_path / "checklist.html", tmp_path / "checklist.pdf"
    html.write_text(page.stdout, encoding="utf-8")
    _print(html, pdf, tmp_path / "profile")
    assert PDFTOTEXT is not None
    assert PDFINFO is not None
    # -layout keeps each tick box on the line of the material it stands before.
    reading = [PDFTOTEXT, "-layout", "-enc", "UTF-8", str(pdf), "-"]
    text = subprocess.run(reading, check=True, capture_output=True, text=True).stdout
    materials = invoke([*args, "--format", "json"]).json()["materials"]
    langs = ["zh", "en"] if lang == "both" else ["zh"]
    for item in materials:
        for one in langs:
            assert _squeeze(item["text"][one]) in _squeeze(text), item["text"][one]
    # Each material starts its line with an empty box: ☐ then the Chinese text.
    for item in materials:
        assert _squeeze("☐" + item["text"]["zh"]) in _squeeze(text)
    assert text.count("☐") == len(materials)
    for words in (TITLE, "资料最近核对", "由 cardguide", "2016年的资料", "待核实"):
        assert words in text, words  # title, review date, date made, each item's age and status
    # The text layer keeps the Chinese even when no font on the machine has it, and every
    # character then prints as the same empty box: the ink on paper must differ.
    word, glyphs = _glyphs(pdf, TITLE)
    for (one, first), (other, second) in itertools.combinations(zip(word, glyphs, strict=True), 2):
        share = _unlike(first, second)
        assert share > 0.2, f"{one} and {other} print alike ({share:.0%} of pixels differ)"
    info = subprocess.run([PDFINFO, str(pdf)], check=True, capture_output=True, text=True)
    a4 = r"Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)"
    assert re.search(a4, info.stdout), info.stdout


def _pages(pdf: Path) -> list[str]:
    assert PDFTOTEXT is not None
    text = subprocess.run([PDFTOTEXT, "-layout", "-enc", "UTF-8", str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout  # fmt: skip
    return text.split("\f")[:-1]


FIRST_PAGE = ("steps", "materials", "fees", "deadlines", "contacts")


@pytest.mark.parametrize(
    ("who", "lang"),
    [
        (["apply", "--region", "宁波", "--newborn"], "zh"),
        (["apply", "--region", "上海", "--student"], "zh"),
        (["replace", "--region", "杭州", "--lost"], "zh"),
        (["apply", "--region", "郑州", "--newborn"], "zh"),
        (["apply", "--region", "北京", "--newborn"], "zh"),
        (["apply", "--region", "宁波", "--newborn"], "both"),
    ],
    ids=[
        "ningbo-newborn",
        "shanghai-student",
        "hangzhou-lost",
        "zhengzhou-newborn",
        "beijing-newborn",
        "both",
    ],
)
def test_what_to_do_bring_pay_and_meet_fits_the_first_page_and_the_rest_follows(
    invoke: Invoke, tmp_path: Path, who: list[str], lang: str
) -> None:
    assert not MISSING, f"not found: {', '.join(MISSING)}"
    page = invoke([*who, "--format", "html", "--lang", lang])
    assert (page.exit_code, page.stderr) == (0, "")
    html, pdf = tmp_path / "sheet.html", tmp_path / "sheet.pdf"
    html.write_text(page.stdout, encoding="utf-8")
    _print(html, pdf, tmp_path / "profile")
    pages = _pages(pdf)
    # One A4 page in Chinese, two with English beside it.
    front = 2 if lang == "both" else 1
    first = _squeeze("".join(pages[:front]))
    data = invoke([*who, "--format", "json"]).json()
    # Everything a person acts on at the counter is on the front pages, every word of it.
    for kind in FIRST_PAGE:
        for item in data.get(kind, []):
            assert _squeeze(item["text"]["zh"]) in first, (kind, item["text"]["zh"])
    # So are the papers no source lists, and the answer to "can I apply here?".
    for unlisted in data["unlisted"]:
        assert _squeeze(unlisted["text"]["zh"]) in first
    if data["can_apply"] and data["can_apply"]["rules"]:
        assert _squeeze(data["can_apply"]["reason"]["zh"]) in first

    # Notes and the full source list come after them, on pages of their own: their headings
    # start a line (an item may mention 注意事项 in passing).
    def headed(texts: list[str], heading: str) -> bool:
        return any(line.strip().startswith(heading) for t in texts for line in t.splitlines())

    assert not headed(pages[:front], "注意事项")
    assert not headed(pages[:front], "资料来源")
    assert headed(pages[front:], "资料来源")
    # Every page names the place, the day it was made and its number.
    place = data["region"]["full_names"]["zh"]
    for number, text in enumerate(pages, start=1):
        squeezed = _squeeze(text)
        assert place in squeezed
        assert "2026年12月3日" in squeezed
        assert f"第{number}页，共{len(pages)}页" in squeezed
