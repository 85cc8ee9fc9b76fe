"""One renderer interface behind `--format`; each format's module is imported only when used."""

from __future__ import annotations

import datetime
import importlib
from typing import TYPE_CHECKING, Literal, Protocol, TextIO, cast

import msgspec

if TYPE_CHECKING:
    from cardguide.documents import Document
    from cardguide.wording import LangChoice

Format = Literal["text", "json", "markdown", "html"]


class RenderOptions(msgspec.Struct, frozen=True):
    lang: LangChoice = "en"  # "both": Chinese, then English
    # The text's width: the terminal's or window's (at most text_format.MAX_WIDTH); None, for
    # styled text, leaves it to rich, which asks the terminal.
    width: int | None = None
    # Escape codes for styles: False for none at all (NO_COLOR, a pipe, a file), True for them
    # whatever the output is (for a pager), None to leave it to rich (a terminal, FORCE_COLOR).
    # The command line decides: renderers never look at the environment or the terminal.
    styled: bool | None = False
    why: bool = False  # show the condition, profile answers and layer behind each item
    today: datetime.date | None = None  # the day printable formats say they were made


class Renderer(Protocol):
    def __call__(self, document: Document, out: TextIO, options: RenderOptions) -> None: ...


def renderer_for(fmt: Format) -> Renderer:
    # Importing lazily keeps rich out of JSON runs: it costs ~25 ms of start-up.
    module = importlib.import_module(f"{__name__}.{fmt}_format")
    return cast(Renderer, module.render)
