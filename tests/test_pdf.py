"""The printable page in a real browser: headless Chromium prints it to PDF, and the PDF is read."""

from __future__ import annotations

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
# CI sets CARDGUIDE_REQUIRE_BROWSER so that a missing browser fails there instead of skipping.
REQUIRED = bool(os.environ.get("CARDGUIDE_REQUIRE_BROWSER"))
pytestmark = pytest.mark.skipif(
    not REQUIRED and (BROWSER is None or PDFTOTEXT is None),
    reason="needs Chromium and poppler-utils (Debian: apt install chromium poppler-utils); "
    ".ci/run installs them",
)


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


@pytest.mark.parametrize("lang", ["zh", "both"])
def test_the_printed_checklist_holds_every_material_beside_a_tick_box(
    invoke: Invoke, tmp_path: Path, lang: str
) -> None:
    args = ["apply", "--region", "ningbo", "--newborn"]
    page = invoke([*args, "--format", "html", "--lang", lang])
    assert (page.exit_code, page.stderr) == (0, "")
    html, pdf = tmp_path / "checklist.html", tmp_path / "checklist.pdf"
    html.write_text(page.stdout, encoding="utf-8")
    _print(html, pdf, tmp_path / "profile")
    assert PDFTOTEXT is not None
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
    for words in ("申领社保卡", "本地区资料最近核对于", "由 cardguide", "2016年的资料", "待核实"):
        assert words in text, words  # title, review date, date made, each item's age and status
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    a4 = r"Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)"
    assert re.search(a4, info.stdout), info.stdout
