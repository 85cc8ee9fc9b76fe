"""What a document shows, in reading order, as blocks each human format lays out its own way."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

import msgspec
from rich.text import Text

from cardguide.documents import (
    Asked,
    Checklist,
    CheckReport,
    DiffReport,
    Document,
    FaqResults,
    GuideView,
    RegionInfo,
    RegionListing,
    Review,
    Validation,
)
from cardguide.match.eligibility import CanApply
from cardguide.match.pick import Placed
from cardguide.match.whole_list import unlisted_words
from cardguide.model.region import Channel, Eligibility, Note, Source
from cardguide.render import RenderOptions
from cardguide.render.text_words import Words, Writer, add, clean, inherited, labelled, overlay_of
from cardguide.resolve.chain import Candidate, Entry
from cardguide.wording import Msg, join, keyed, msg
from cardguide.wording.escape import one_line
from cardguide.wording.text import Text as ModelText


class Title(msgspec.Struct, frozen=True):
    text: Text


class Line(msgspec.Struct, frozen=True):
    """A paragraph of the tool's words or of data; `raw` lines are never wrapped (diagnostics)."""

    text: Text
    raw: bool = False


class Heading(msgspec.Struct, frozen=True):
    text: Text
    kind: str = ""  # the section it heads (steps, notes, sources ...), for printed layouts


class Gap(msgspec.Struct, frozen=True):
    """A blank line between parts of the header and the body."""


class Rows(msgspec.Struct, frozen=True):
    """Items beside their markers. `kind` says what they are: `steps` are done in order and
    `materials` are ticked off, which printable formats show as numbers and tick boxes."""

    kind: str
    rows: list[tuple[Text, Text]]


class Table(msgspec.Struct, frozen=True):
    header: list[str]
    rows: list[list[Text]]


Block = Title | Line | Heading | Gap | Rows | Table


class Sheet(msgspec.Struct):
    """The blocks of one document, added in reading order."""

    words: Words
    blocks: list[Block] = msgspec.field(default_factory=list)
    # What each printed page repeats at its top: the title and the place, in the languages shown.
    running: str = ""
    reviewed: datetime.date | None = None  # the latest review of the data shown

    def title(self, text: Text) -> None:
        self.blocks.append(Title(text))

    def line(self, text: Text) -> None:
        self.blocks.append(Line(text))

    def raw(self, text: Text) -> None:
        self.blocks.append(Line(text, raw=True))

    def say(self, value: object, style: str = "") -> None:
        """A line of the tool's own words, once in each language shown."""
        for _lang, words in self.words.each(value):
            self.line(Text(words, style=style))

    def heading(self, value: object, kind: str = "") -> None:
        self.blocks.append(Heading(self.words.heading(value), kind))

    def blank(self) -> None:
        self.blocks.append(Gap())

    def rows(self, kind: str, rows: list[tuple[Text, Text]]) -> None:
        self.blocks.append(Rows(kind, rows))

    def table(self, header: list[str], rows: list[list[Text]]) -> None:
        self.blocks.append(Table(header, rows))


def sheet_of(document: Document, options: RenderOptions) -> Sheet:
    sheet = Sheet(Words(options))
    fill(sheet, document, options)
    return sheet


# The order of a checklist's sections; answers, warnings and notes are views of the data.
SECTIONS = (
    "steps", "channels", "materials", "fees", "deadlines", "answers", "warnings", "contacts",
    "notes", "legal",
)  # fmt: skip

ANSWER_STYLES = {"yes": "bold green", "no": "bold red", "need_more_information": "bold yellow"}

Marked = list[tuple[Text, Text]]  # (marker, body) pairs


def _marker(kind: str, number: int) -> Text:
    if kind == "steps":
        return Text(f"{number}.")
    if kind == "warnings":
        return Text("!", style="bold red")
    return Text("[ ]" if kind == "materials" else "•")


def _header(
    page: Sheet,
    title: object,
    region: RegionInfo,
    chain: Sequence[RegionInfo],
    asked: Asked | None = None,
) -> None:
    page.title(Text(page.words.short(title), style="bold underline"))
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
        page.say(msg(key, place=place, region=shown), style="bold")


def _reviewed(page: Sheet, reviews: Sequence[Review]) -> None:
    """One line: the review date, or each file's when they differ; stale ones stand out."""
    dates = {r.last_reviewed for r in reviews}
    page.reviewed = max(dates, default=None)
    if len(dates) == 1 and not any(r.stale or r.overlay for r in reviews):
        page.say(msg("header.reviewed", date=dates.pop()), style="dim")
        return
    line = Text(page.words.short(msg("header.reviewed_each")), style="dim")
    for index, review in enumerate(reviews):
        key = "header.review_overlay" if review.overlay else "header.review"
        if index:
            line.append(page.words.short(msg("join.list")), style="dim")
        region = review.names or review.region
        line.append(page.words.short(msg(key, region=region, date=review.last_reviewed)))
        if review.stale:
            line.append(" " + page.words.short(msg("header.stale")), style="bold yellow")
    page.line(line)


def _sources(page: Sheet, sources: Sequence[Source], writer: Writer) -> None:
    if not sources:
        return
    page.heading(msg("heading.sources"), "sources")
    rows: Marked = []
    for source in sources:
        body = Text(f"{source.id} — ")
        body.append(" / ".join(words for _lang, words in writer.data(source.title)))
        status = writer.short(msg("meta.status_paren", status=keyed("status", source.status)))
        body.append(status, style="bold yellow" if source.status == "uncertain" else "")
        body.append("\n" + _provenance(source, writer), style="dim")
        if source.dated is not None:
            labelled(body, msg("label.dated"), writer.data(source.dated), style="italic")
        if source.note is not None:
            labelled(body, msg("label.note"), writer.data(source.note), style="italic")
        rows.append((Text(f"[{writer.numbers[source.id]}]"), body))
    page.rows("sources", rows)


def _provenance(source: Source, writer: Writer) -> str:
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


# --- checklists -----------------------------------------------------------------------------


def _checklist(page: Sheet, doc: Checklist, writer: Writer) -> None:
    _header(page, keyed("title", doc.procedure), doc.region, doc.chain, doc.asked)
    page.say(msg("header.for", profile=doc.profile.describe()))
    if doc.channel is not None:
        page.say(msg("header.channel", channel=keyed("channel", doc.channel)))
    _reviewed(page, doc.reviews)
    tied = _channel_extras(doc)
    # Items tied to a channel appear under it when the checklist lists channels, not twice.
    with_channel = (
        {id(p) for group in tied.values() for p in group} if doc.sections.get("channels") else set()
    )
    if doc.can_apply is not None and doc.can_apply.ruled:
        _can_apply(page, doc.can_apply, writer)
    for kind in SECTIONS:
        rows: Marked
        if kind == "answers":
            rows = [(_answer(v.answer, writer), writer.verdict(v)) for v in doc.verdicts]
        else:
            rows = _rows(kind, _items_of(doc, kind, with_channel), writer, tied)
        if kind == "materials":
            rows += [(_marker(kind, 0), _unlisted(papers, writer)) for papers in doc.unlisted]
        if kind in doc.unknown:
            page.heading(keyed("heading", kind), kind)
            page.say(msg("unknown"), style="italic")
            if rows:
                page.rows(kind, rows)
        elif rows:
            page.heading(keyed("heading", kind), kind)
            page.rows(kind, rows)
    _sources(page, doc.sources, writer)


def _can_apply(page: Sheet, answer: CanApply, writer: Writer) -> None:
    """The answer to "can I apply here?" and each rule behind it, with its own answer."""
    page.heading(msg("heading.eligibility"), "eligibility")
    rows: Marked = [(_answer(answer.answer, writer), _said(answer.reason, writer))]
    for placed in answer.rules:
        item = placed.item
        said = item.can_apply if isinstance(item, Eligibility) else "need_more_information"
        rows.append((_answer(said, writer), writer.placed(placed)))
    page.rows("eligibility", rows)


def _said(value: Msg, writer: Writer) -> Text:
    body = Text()
    add(body, writer.each(value), style="bold")
    return body


def _unlisted(papers: list[str], writer: Writer) -> Text:
    """A paper this person needs that no source lists: say so, in the tool's words."""
    body = Text()
    add(body, writer.each(unlisted_words(papers)), style="yellow")
    return body


def _answer(answer: str, writer: Writer) -> Text:
    return Text(writer.short(keyed("answer", answer)), style=ANSWER_STYLES[answer])


def _channel_extras(doc: Checklist) -> dict[str, list[Placed]]:
    """Materials and notes that belong to particular channels, shown under those channels."""
    extras: dict[str, list[Placed]] = {}
    for kind in ("materials", "notes"):
        for placed in doc.sections.get(kind, []):
            for channel in getattr(placed.item, "channels", []):
                extras.setdefault(channel, []).append(placed)
    return extras


def _items_of(doc: Checklist, kind: str, shown_with_channel: set[int]) -> list[Placed]:
    if kind in ("warnings", "notes"):
        level = "warning" if kind == "warnings" else "info"
        return [
            p
            for p in doc.sections.get("notes", [])
            if isinstance(p.item, Note)
            and p.item.level == level
            and id(p) not in shown_with_channel
        ]
    return [p for p in doc.sections.get(kind, []) if id(p) not in shown_with_channel]


def _rows(kind: str, placed: list[Placed], writer: Writer, tied: dict[str, list[Placed]]) -> Marked:
    rows: Marked = []
    for number, one in enumerate(placed, start=1):
        if isinstance(one.item, Channel):
            body = _channel_body(one, writer, tied.get(one.item.channel, []))
        else:
            body = writer.placed(one)
        rows.append((_marker(kind, number), body))
    return rows


def _enables(item: Channel) -> Msg:
    """`Bank — switches on the financial and medical functions`."""
    functions = join((keyed("function", f) for f in item.enables), "and")
    channel = keyed("channel", item.channel)
    return msg("channel.enables", channel=channel, functions=functions, n=len(item.enables))


def _channel_body(placed: Placed, writer: Writer, extras: list[Placed]) -> Text:
    item = placed.item
    assert isinstance(item, Channel)
    body = Text()
    add(body, writer.each(_enables(item)), style="bold")
    body.append("\n")
    body.append_text(writer.placed(placed))
    for extra in extras:
        label = msg("label.bring") if extra.kind == "materials" else msg("label.note")
        text = getattr(extra.item, "text", None)
        for lang, words in writer.data(text) if text is not None else []:
            labelled(body, label, [(lang, words + " ")])
        body.append_text(
            writer.meta(extra.item, inherited(extra), False, overlay_of(extra.candidate))
        )
    return body


# --- other documents ------------------------------------------------------------------------


def _check(page: Sheet, report: CheckReport, writer: Writer) -> None:
    _header(page, msg("title.check"), report.region, report.chain, report.asked)
    page.say(msg("header.for", profile=report.profile.describe()))
    given = join(msg("header.date", event=keyed("event", e), date=d)
                 for e, d in report.events.items())  # fmt: skip
    if report.events:
        page.say(msg("header.dates", dates=given, today=report.today))
    _reviewed(page, report.reviews)
    if not report.verdicts and not report.related and report.can_apply is None:
        page.blank()
        page.say(msg("check.none"), style="italic")
        return
    if report.can_apply is not None:
        _can_apply(page, report.can_apply, writer)
    if report.verdicts:
        page.blank()
        rows = [(_answer(v.answer, writer), writer.verdict(v)) for v in report.verdicts]
        page.rows("answers", rows)
    if report.related:
        page.heading(msg("heading.related"))
        page.rows("related", [(Text("•"), writer.placed(placed)) for placed in report.related])
    _sources(page, report.sources, writer)


def _faq(page: Sheet, results: FaqResults, writer: Writer) -> None:
    _header(page, msg("title.faq"), results.region, results.chain, results.asked)
    _reviewed(page, results.reviews)
    if results.query:
        page.say(msg("header.search", query=clean(results.query)))
    page.blank()
    if not results.matches:
        page.say(msg("faq.none"), style="italic")
        return
    page.rows("faq", [(Text("•"), _faq_body(m.placed, writer)) for m in results.matches])
    _sources(page, results.sources, writer)


def _faq_body(placed: Placed, writer: Writer) -> Text:
    return writer.body(placed.item, inherited(placed), overlay=overlay_of(placed.candidate))


def _guide(page: Sheet, view: GuideView, writer: Writer) -> None:
    _header(page, msg("title.guide"), view.region, view.chain, view.asked)
    _reviewed(page, view.reviews)
    page.say(msg("guide.intro"), style="dim")
    for procedure, kinds in view.procedures.items():
        page.blank()
        page.say(msg("guide.procedure", title=keyed("title", procedure), id=procedure), "bold")
        for kind, entries in kinds.items():
            page.heading(keyed("heading", kind))
            page.rows("versions", _version_rows(entries, view, writer))
    if view.faq:
        page.blank()
        page.say(msg("guide.procedure", title=msg("title.faq"), id="faq"), "bold")
        page.rows("versions", _version_rows(view.faq, view, writer))
    _sources(page, view.sources, writer)


def _version_rows(entries: list[Entry], view: GuideView, writer: Writer) -> Marked:
    either = Text(writer.short(msg("guide.or")))
    return [
        (Text("•") if index == 0 else either, _version(candidate, view.region.id, writer))
        for entry in entries
        for index, candidate in enumerate(entry.candidates)
    ]


def _version(candidate: Candidate, region_id: str, writer: Writer) -> Text:
    origin = candidate if candidate.origin != region_id else None
    item = candidate.item
    # Appended as styled pieces: a style given to Text() would cover all that follows.
    body = Text().append(f"{item.id}: ", style="bold")
    if isinstance(item, Channel):
        body.append(writer.short(_enables(item)) + "\n", style="bold")
    return body.append_text(writer.body(item, origin, True, overlay_of(candidate)))


def _listing(page: Sheet, listing: RegionListing) -> None:
    words = page.words
    columns = ("regions.id", "regions.name", "regions.level", "regions.parent", "regions.reviewed")
    header = [words.short(msg(column)) for column in columns]
    stale = {review.region for review in listing.reviews if review.stale}
    rows = []
    for info in listing.regions:
        name = words.short(msg("regions.name_cell", en_name=info.names.get("en"),
                               zh_name=info.full_names.get("zh")))  # fmt: skip
        reviewed = words.short(msg("regions.stale" if info.id in stale else "regions.date",
                                   date=info.last_reviewed))  # fmt: skip
        cells = (info.id, name, words.short(keyed("level", info.level)), info.parent or "-")
        rows.append([Text(clean(cell)) for cell in (*cells, reviewed)])
    page.table(header, rows)


def _diff(page: Sheet, report: DiffReport, writer: Writer) -> None:
    a, b = report.a, report.b
    for _lang, words in page.words.each(msg("diff.title", a=a.names, b=b.names)):
        page.title(Text(words, style="bold underline"))
    _reviewed(page, report.reviews)
    page.say(msg("diff.counts", n=len(report.differences), same=report.same), style="dim")
    section = None
    for difference in report.differences:
        if (difference.procedure, difference.kind) != section:
            section = (difference.procedure, difference.kind)
            heading = keyed("heading", difference.kind)
            page.heading(msg("diff.section", procedure=difference.procedure, heading=heading))
        change = keyed("diff_change", difference.change, a=a.names, b=b.names)
        page.say(msg("diff.item", id=difference.id, change=change), style="bold")
        page.rows("versions", [
            (Text(writer.short(region.names)), _diff_version(candidate, writer))
            for region, versions in ((a, difference.a), (b, difference.b))
            for candidate in versions
        ])  # fmt: skip
    _sources(page, report.sources, writer)


def _diff_version(candidate: Candidate, writer: Writer) -> Text:
    item = candidate.item
    body = writer.body(item, candidate, condition=True, overlay=overlay_of(candidate))
    if isinstance(item, Channel):
        body = Text().append(writer.short(_enables(item)) + "\n", style="bold").append_text(body)
    return body


def _validation(page: Sheet, report: Validation) -> None:
    for d in report.diagnostics:
        line = Text(f"{one_line(d.where)}: ")
        line.append(d.code, style="bold red" if d.severity == "error" else "bold yellow")
        line.append(" ")
        if d.severity == "warning":
            line.append(page.words.short(msg("validate.warning")))
        line.append(one_line(page.words.short(d.message)))
        if d.keypath:
            at = page.words.short(msg("validate.at", keypath=one_line(d.keypath)))
            line.append(" " + one_line(at), style="dim")
        # Diagnostics stay one per line, unwrapped, for grep and editors.
        page.raw(line)


def fill(page: Sheet, document: Document, options: RenderOptions) -> None:
    """Every block of `document`, in reading order."""
    if isinstance(document, Validation):
        return _validation(page, document)
    if isinstance(document, RegionListing):
        return _listing(page, document)
    writer = Writer(options, document.sources, getattr(document, "profile", None))
    if isinstance(document, Checklist):
        return _checklist(page, document, writer)
    if isinstance(document, CheckReport):
        return _check(page, document, writer)
    if isinstance(document, FaqResults):
        return _faq(page, document, writer)
    if isinstance(document, DiffReport):
        return _diff(page, document, writer)
    return _guide(page, document, writer)
