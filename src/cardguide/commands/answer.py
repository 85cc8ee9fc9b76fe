"""What a command's build gives: its document and what the person is told beside it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import msgspec

if TYPE_CHECKING:
    from cardguide.documents import Document
    from cardguide.load.catalog import Catalog
    from cardguide.model.request import Request
    from cardguide.wording import Msg


class Answer(msgspec.Struct, frozen=True):
    """What a command built, and what the person should be told beside it."""

    document: Document
    notes: list[Msg] = msgspec.field(default_factory=list)  # before it: how a name was read
    warnings: list[Msg] = msgspec.field(default_factory=list)  # files that had to be left out
    summary: Msg | None = None  # after the document: what validate counted
    failed: bool = False  # the document reports a failure (validate found errors)


Build = Callable[["Request", "Catalog"], Answer]
