"""What printable formats add to a sheet: the day it was made and by which version."""

from __future__ import annotations

import datetime

from .. import __version__
from ..wording import msg
from .text_words import Words


def produced(words: Words, today: datetime.date) -> list[str]:
    """One line in each language shown."""
    made = msg("print.produced", date=today, version=__version__)
    return [line for _lang, line in words.each(made)]
