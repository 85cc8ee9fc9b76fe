"""What one command is asked, however it was asked: from the command line or a batch row."""

from __future__ import annotations

import datetime
from pathlib import Path

import msgspec

from cardguide.model.region import ChannelKind, Event, Facet
from cardguide.wording import LangChoice

# Days after which a region's review date is a warning (`validate --max-age`).
DEFAULT_MAX_AGE = 365


class Request(msgspec.Struct, frozen=True, kw_only=True):
    """A command's inputs, already typed: the shared ones and each command's own.

    A command reads the fields it takes and no other; the command line and a batch row fill
    them from options and columns. Nothing here is asked or printed.
    """

    today: datetime.date
    lang: LangChoice = "en"
    # Directories of local region files, searched before the shipped data, in order.
    data_dirs: tuple[Path, ...] = ()
    region: str | None = None  # an id or a place name, as the person gave it
    facets: frozenset[Facet] = frozenset()
    why: bool = False
    channel: ChannelKind | None = None  # activate: only this channel
    dates: dict[Event, datetime.date] = msgspec.field(default_factory=dict)  # check, reimburse
    can_apply: bool = False  # check: also answer whether this person can apply here
    query: str | None = None  # faq: the words searched for
    places: tuple[str, ...] = ()  # show: one region; diff: two
    paths: tuple[Path, ...] = ()  # validate: files and directories (empty: all data loaded)
    max_age: int = DEFAULT_MAX_AGE  # validate: days before a review date is a warning
    strict: bool = False  # validate: warnings fail too
