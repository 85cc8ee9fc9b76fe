"""The blocks a document is laid out in, whatever the format, and the parts every document has."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

import msgspec

from cardguide.documents import (
    Asked,
    RegionInfo,
    Review,
)
from cardguide.model.region import Answer, Channel, Source
from cardguide.render.roles import Role
from cardguide.render.styled import Styled
from cardguide.render.text_words import Words, Writer, add, clean, labelled
from cardguide.wording import Msg, join, keyed, msg
from cardguide.wording.text import Text as ModelText


class Title(msgspec.Struct, frozen=True):
    text: Styled


class Line(msgspec.Struct, frozen=True):
    """A paragraph of the tool's words or of data; `raw` lines are never wrapped (diagnostics)."""

    text: Styled
    raw: bool = False


class Heading(msgspec.Struct, frozen=True):
    text: Styled
    kind: str = ""  # the section it heads (steps, notes, sources ...), for printed layouts


class Gap(msgspec.Struct, frozen=True):
    """A blank line between parts of the header and the body."""


# (marker, body) pairs; a marker says something of its item (a number, an answer, a tick box)
# or is None.
Marked = list[tuple[Styled | None, Styled]]


class Rows(msgspec.Struct, frozen=True):
    """Items beside their markers. `kind` says what they are: `steps` are done in order and
    `materials` are ticked off, which printable formats show as numbers and tick boxes. An item
    whose marker is None is a plain list item, shown as each format shows one (a bullet)."""

    kind: str
    rows: Marked


class Table(msgspec.Struct, frozen=True):
    header: list[str]
    rows: list[list[Styled]]


Block = Title | Line | Heading | Gap | Rows | Table


def header_end(blocks: list[Block]) -> int:
    """Where the header (title, region, review lines) ends and the body begins."""
    for index, block in enumerate(blocks):
        if isinstance(block, Heading | Rows | Table):
            return index
    return len(blocks)


class Sheet(msgspec.Struct):
    """The blocks of one document, added in reading order."""

    words: Words
    blocks: list[Block] = msgspec.field(default_factory=list)
    # What each printed page repeats at its top: the title and the place, in the languages shown.
    running: str = ""
    reviewed: datetime.date | None = None  # the latest review of the data shown

    def title(self, text: Styled) -> None:
        self.blocks.append(Title(text))

    def line(self, text: Styled) -> None:
        self.blocks.append(Line(text))

    def raw(self, text: Styled) -> None:
        self.blocks.append(Line(text, raw=True))

    def say(self, value: object, style: Role = "") -> None:
        """A line of the tool's own words, once in each language shown."""
        for _lang, words in self.words.each(value):
            self.line(Styled(words, style=style))

    def heading(self, value: object, kind: str = "") -> None:
        self.blocks.append(Heading(self.words.heading(value), kind))

    def blank(self) -> None:
        self.blocks.append(Gap())

    def rows(self, kind: str, rows: Sequence[tuple[Styled | None, Styled]]) -> None:
        self.blocks.append(Rows(kind, list(rows)))

    def table(self, header: list[str], rows: list[list[Styled]]) -> None:
        self.blocks.append(Table(header, rows))


# The order of a checklist's sections; answers, warnings and notes are views of the data.
SECTIONS = (
    "steps", "channels", "materials", "fees", "deadlines", "answers", "warnings", "contacts",
    "notes", "legal",
)  # fmt: skip


def marker(kind: str, number: int) -> Styled | None:
    if kind == "steps":
        return Styled(f"{number}.")
    if kind == "warnings":
        return Styled("!", style="alert")
    return Styled("[ ]") if kind == "materials" else None


def header(
    page: Sheet,
    title: object,
    region: RegionInfo,
    chain: Sequence[RegionInfo],
    asked: Asked | None = None,
) -> None:
    page.title(Styled(page.words.short(title), style="title"))
    names = {"en_name": region.names.get("en"), "zh_name": region.full_names.get("zh")}
    shown = ModelText(en=region.names.get("en"), zh=region.full_names.get("zh"))
    page.running = page.words.short(msg("print.running", title=title, region=shown))
    level = keyed("level", region.level)
    if region.level == "national":
        page.say(msg("header.national"))  # not 全国（全国）
    elif len(chain) > 1:
        above = join(info.names for info in chain[1:])
        page.say(msg("header.region_chain", **names, level=level, chain=above))
    else:
        page.say(msg("header.region", **names, level=level))
    if asked is not None:
        # Said before anything else: the person asked for a place these rules are not written for.
        key = "header.asked_national" if asked.covered_by == "national" else "header.asked"
        shown = ModelText(en=region.names.get("en"), zh=region.full_names.get("zh"))
        # English readers get the Chinese name too: it is what signs and forms say.
        place = msg("header.place", en=asked.names.get("en"), zh=asked.names.get("zh"))
        page.say(msg(key, place=place, region=shown), style="strong")


def reviewed(page: Sheet, reviews: Sequence[Review]) -> None:
    """One line: the review date, or each file's when they differ; stale ones stand out."""
    dates = {r.last_reviewed for r in reviews}
    page.reviewed = max(dates, default=None)
    if len(dates) == 1 and not any(r.stale or r.overlay for r in reviews):
        page.say(msg("header.reviewed", date=dates.pop()), style="meta")
        return
    line = Styled(page.words.short(msg("header.reviewed_each")), style="meta")
    for index, review in enumerate(reviews):
        key = "header.review_overlay" if review.overlay else "header.review"
        if index:
            line.append(page.words.short(msg("join.list")), style="meta")
        region = review.names or review.region
        line.append(page.words.short(msg(key, region=region, date=review.last_reviewed)))
        if review.stale:
            line.append(" " + page.words.short(msg("header.stale")), style="stale")
    page.line(line)


def sources(page: Sheet, sources: Sequence[Source], writer: Writer) -> None:
    if not sources:
        return
    page.heading(msg("heading.sources"), "sources")
    rows: Marked = []
    for source in sources:
        body = Styled(f"{source.id} — ")
        body.append(" / ".join(words for _lang, words in writer.data(source.title)))
        status = writer.short(msg("meta.status_paren", status=keyed("status", source.status)))
        body.append(status, style="uncertain" if source.status == "uncertain" else "")
        body.append("\n" + provenance(source, writer), style="meta")
        if source.dated is not None:
            labelled(body, msg("label.dated"), writer.data(source.dated), style="aside")
        if source.note is not None:
            labelled(body, msg("label.note"), writer.data(source.note), style="aside")
        rows.append((Styled(f"[{writer.numbers[source.id]}]"), body))
    page.rows("sources", rows)


def provenance(source: Source, writer: Writer) -> str:
    """What the page is and who put it up; an address only where the page is an office's or a
    newspaper's own, since a copy's address tells a reader nothing about whom to trust."""
    parts = [writer.short(keyed("source_kind", source.kind))]
    official = source.kind in ("government", "newspaper")
    if source.publisher is not None:
        parts.append(" / ".join(words for _lang, words in writer.data(source.publisher)))
    elif source.url and not official:
        # The host alone, without urllib: its import costs more than the rest of this sheet.
        site = source.url.split("//", 1)[-1].split("/", 1)[0]
        parts.append(writer.short(msg("source.site", site=clean(site))))
    if source.as_of is not None:
        parts.append(writer.short(msg("meta.as_of", year=source.as_of)))
    if source.url and official:
        parts.append(clean(source.url))
    return " · ".join(parts)


def said_words(value: Msg, writer: Writer) -> Styled:
    body = Styled()
    add(body, writer.each(value), style="strong")
    return body


def answer_words(answer: Answer, writer: Writer) -> Styled:
    return Styled(writer.short(keyed("answer", answer)), style=answer)  # the role is the answer


def enables(item: Channel) -> Msg:
    """`Bank — switches on the financial and medical functions`."""
    functions = join((keyed("function", f) for f in item.enables), "and")
    channel = keyed("channel", item.channel)
    return msg("channel.enables", channel=channel, functions=functions, n=len(item.enables))
