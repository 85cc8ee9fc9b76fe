"""What printable formats add to a sheet: the day it was made and by which version."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from cardguide import __version__
from cardguide.render.text_words import Words
from cardguide.wording import msg

if TYPE_CHECKING:
    from cardguide.render import RenderOptions
    from cardguide.render.blocks import Sheet


def made_on(sheet: Sheet, options: RenderOptions) -> datetime.date | None:
    """The day a page says it was made: none before the data it shows was reviewed (a --today
    in the past), which would read as a page older than its facts."""
    today = options.today
    if today is None or (sheet.reviewed is not None and today < sheet.reviewed):
        return None
    return today


def produced(words: Words, today: datetime.date) -> list[str]:
    """One line in each language shown."""
    made = msg("print.produced", date=today, version=__version__)
    return [line for _lang, line in words.each(made)]
