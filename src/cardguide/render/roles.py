"""What each styled piece of a sheet is (its role), and how each format shows each role."""

from __future__ import annotations

from typing import Literal

# Every role a sheet may give text; "" is none. Typed, so that a look ("bold") given where a
# role belongs fails the type check instead of vanishing from pages and Markdown.
Role = Literal[
    "", "title", "strong", "meta", "provenance", "aside", "uncertain", "stale", "caveat",
    "unlisted", "alert", "error", "warning", "yes", "no", "need_more_information",
]  # fmt: skip

# The sheet marks text by what it is, never by how it looks: a terminal, a page and Markdown
# each show the same role in their own way. Answers are roles of their own (yes, no,
# need_more_information), as are a diagnostic's severities (error, warning).
TERMINAL: dict[str, str] = {
    "title": "bold underline",
    "strong": "bold",  # what an item or line is about: a title, a question, a label
    "meta": "dim",  # sources, status, age, review dates: about the text, not the text
    # The line that ends an item (its sources, status, age, origin): its parts have looks of
    # their own; the role tells a page which line it is, to set it beside the item's text.
    "provenance": "none",
    "aside": "italic",  # what no source says, what a date in the data qualifies
    "uncertain": "bold yellow",  # a source or item whose status is uncertain
    "stale": "bold yellow",  # data reviewed more than a year ago
    "caveat": "bold yellow",  # a region's own caveat to an inherited item
    "unlisted": "yellow",  # a paper the person needs that no source lists
    "alert": "bold red",  # the mark of a warning
    "error": "bold red",
    "warning": "bold yellow",
    "yes": "bold green",
    "no": "bold red",
    "need_more_information": "bold yellow",
}

# The classes of a printable page's stylesheet each role takes.
PAGE_CLASSES: dict[str, tuple[str, ...]] = {
    "title": ("b",), "strong": ("b",), "meta": ("dim",), "provenance": (), "aside": ("i",),
    "uncertain": ("b", "amber"), "stale": ("b", "amber"), "caveat": ("b", "amber"),
    "unlisted": ("amber",), "alert": ("b", "red"), "error": ("b", "red"),
    "warning": ("b", "amber"), "yes": ("b", "green"), "no": ("b", "red"),
    "need_more_information": ("b", "amber"),
}  # fmt: skip

# Roles Markdown shows in bold, when a whole line has them (emphasis inside Chinese text often
# fails to close); the others it shows as plain text.
STRONG: frozenset[str] = frozenset(
    {"title", "strong", "uncertain", "stale", "caveat", "alert", "error", "warning", "yes", "no",
     "need_more_information"}
)  # fmt: skip
