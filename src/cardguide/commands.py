"""The commands that answer for one person, in one table that the command line and batch share."""

from __future__ import annotations

import msgspec

from cardguide.model.region import Facet


class ChecklistCommand(msgspec.Struct, frozen=True):
    """A command that prints one procedure's checklist for a region and a profile."""

    name: str
    summary: str  # the first line of --help
    example: str
    circumstances: tuple[Facet, ...] = ()  # the command's own flags (--lost, --by-proxy)
    one_of: bool = False  # exactly one of the circumstances is needed (asked in a terminal)
    channel: bool = False  # takes --channel
    bill_date: bool = False  # takes --bill-date
    # Only the interview can say lost or damaged in `apply`: it leads a replacement to `replace`.
    replacement_route: bool = False


CHECKLISTS = (
    ChecklistCommand(
        "apply",
        "Your checklist for applying for a card: steps, where to go, materials, fees, time limits.",
        "cardguide apply --region ningbo --newborn",
        replacement_route=True,
    ),
    ChecklistCommand(
        "activate",
        "How to activate a card: each channel, what it switches on, what to bring, caveats.",
        "cardguide activate --region 上海 --channel bank",
        channel=True,
    ),
    ChecklistCommand(
        "replace",
        "Replacing a lost or damaged card: reporting the loss, the time limit, care meanwhile.",
        "cardguide replace --region ningbo --lost",
        circumstances=("lost", "damaged"),
        one_of=True,
    ),
    ChecklistCommand(
        "collect",
        "Collecting a finished card: what to bring, collecting for someone else, no notice.",
        "cardguide collect --region shanghai --by-proxy",
        circumstances=("by_proxy",),
    ),
    ChecklistCommand(
        "update",
        "Correcting personal details: what can be changed, and where.",
        "cardguide update --region shanghai",
    ),
    ChecklistCommand(
        "reimburse",
        "Care paid out of pocket before the card arrives: what to submit, where, and by when.",
        "cardguide reimburse --region ningbo --bill-date 2026-05-10",
        bill_date=True,
    ),
)

# Commands a batch row may name: every checklist, and the two that answer from words or dates.
ROW_COMMANDS = (*(command.name for command in CHECKLISTS), "faq", "check")

# The kinds of JSON output, each with a published schema (`cardguide schema --output KIND`).
OUTPUT_KINDS = ("checklist", "check", "faq", "guide", "regions", "diff", "validation", "batch")
# Days after which a region's review date is a warning (`validate --max-age`).
DEFAULT_MAX_AGE = 365
