"""The blocks of a checklist and of `check`'s answers."""

from __future__ import annotations

from cardguide.documents import (
    Checklist,
    CheckReport,
)
from cardguide.match.eligibility import CanApply
from cardguide.match.pick import Placed
from cardguide.match.whole_list import unlisted_words
from cardguide.model.region import Channel, Eligibility, Note
from cardguide.render.blocks import (
    SECTIONS,
    Marked,
    Sheet,
    answer_words,
    enables,
    header,
    marker,
    reviewed,
    said_words,
    sources,
)
from cardguide.render.styled import Styled
from cardguide.render.text_words import Writer, add, inherited, labelled, overlay_of
from cardguide.wording import join, keyed, msg


def checklist_blocks(page: Sheet, doc: Checklist, writer: Writer) -> None:
    header(page, keyed("title", doc.procedure), doc.region, doc.chain, doc.asked)
    page.say(msg("header.for", profile=doc.profile.describe()))
    if doc.channel is not None:
        page.say(msg("header.channel", channel=keyed("channel", doc.channel)))
    reviewed(page, doc.reviews)
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
            rows = [(answer_words(v.answer, writer), writer.verdict(v)) for v in doc.verdicts]
        else:
            rows = _rows(kind, _items_of(doc, kind, with_channel), writer, tied)
        if kind == "materials":
            rows += [(marker(kind, 0), _unlisted(papers, writer)) for papers in doc.unlisted]
        if kind in doc.unknown:
            page.heading(keyed("heading", kind), kind)
            page.say(msg("unknown"), style="aside")
            if rows:
                page.rows(kind, rows)
        elif rows:
            page.heading(keyed("heading", kind), kind)
            page.rows(kind, rows)
    sources(page, doc.sources, writer)


def _can_apply(page: Sheet, answer: CanApply, writer: Writer) -> None:
    """The answer to "can I apply here?" and each rule behind it, with its own answer."""
    page.heading(msg("heading.eligibility"), "eligibility")
    rows: Marked = [(answer_words(answer.answer, writer), said_words(answer.reason, writer))]
    for placed in answer.rules:
        item = placed.item
        said = item.can_apply if isinstance(item, Eligibility) else "need_more_information"
        rows.append((answer_words(said, writer), writer.placed(placed)))
    page.rows("eligibility", rows)


def _unlisted(papers: list[str], writer: Writer) -> Styled:
    """A paper this person needs that no source lists: say so, in the tool's words."""
    body = Styled()
    add(body, writer.each(unlisted_words(papers)), style="unlisted")
    return body


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
        rows.append((marker(kind, number), body))
    return rows


def _channel_body(placed: Placed, writer: Writer, extras: list[Placed]) -> Styled:
    item = placed.item
    assert isinstance(item, Channel)
    body = Styled()
    add(body, writer.each(enables(item)), style="strong")
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


def check_blocks(page: Sheet, report: CheckReport, writer: Writer) -> None:
    header(page, msg("title.check"), report.region, report.chain, report.asked)
    page.say(msg("header.for", profile=report.profile.describe()))
    given = join(msg("header.date", event=keyed("event", e), date=d)
                 for e, d in report.events.items())  # fmt: skip
    if report.events:
        page.say(msg("header.dates", dates=given, today=report.today))
    reviewed(page, report.reviews)
    if not report.verdicts and not report.related and report.can_apply is None:
        page.blank()
        page.say(msg("check.none"), style="aside")
        return
    if report.can_apply is not None:
        _can_apply(page, report.can_apply, writer)
    if report.verdicts:
        page.blank()
        rows = [(answer_words(v.answer, writer), writer.verdict(v)) for v in report.verdicts]
        page.rows("answers", rows)
    if report.related:
        page.heading(msg("heading.related"))
        page.rows("related", [(None, writer.placed(placed)) for placed in report.related])
    sources(page, report.sources, writer)
