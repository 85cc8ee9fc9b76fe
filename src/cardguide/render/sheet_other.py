"""The blocks of `faq`, `show`, `regions`, `diff` and `validate`."""

from __future__ import annotations

from cardguide.documents import (
    DiffReport,
    FaqResults,
    GuideView,
    RegionListing,
    Validation,
)
from cardguide.match.pick import Placed
from cardguide.model.region import Channel
from cardguide.render.blocks import Marked, Sheet, enables, header, reviewed, sources
from cardguide.render.styled import Styled
from cardguide.render.text_words import Writer, clean, inherited, overlay_of
from cardguide.resolve.chain import Candidate, Entry
from cardguide.wording import keyed, msg
from cardguide.wording.escape import one_line


def faq_blocks(page: Sheet, results: FaqResults, writer: Writer) -> None:
    header(page, msg("title.faq"), results.region, results.chain, results.asked)
    reviewed(page, results.reviews)
    if results.query:
        page.say(msg("header.search", query=clean(results.query)))
    page.blank()
    if not results.matches:
        page.say(msg("faq.none"), style="aside")
        return
    page.rows("faq", [(None, _faq_body(m.placed, writer)) for m in results.matches])
    sources(page, results.sources, writer)


def _faq_body(placed: Placed, writer: Writer) -> Styled:
    return writer.body(placed.item, inherited(placed), overlay=overlay_of(placed.candidate))


def guide_blocks(page: Sheet, view: GuideView, writer: Writer) -> None:
    header(page, msg("title.guide"), view.region, view.chain, view.asked)
    reviewed(page, view.reviews)
    page.say(msg("guide.intro"), style="meta")
    for procedure, kinds in view.procedures.items():
        page.blank()
        page.say(msg("guide.procedure", title=keyed("title", procedure), id=procedure), "strong")
        for kind, entries in kinds.items():
            page.heading(keyed("heading", kind))
            page.rows("versions", _version_rows(entries, view, writer))
    if view.faq:
        page.blank()
        page.say(msg("guide.procedure", title=msg("title.faq"), id="faq"), "strong")
        page.rows("versions", _version_rows(view.faq, view, writer))
    sources(page, view.sources, writer)


def _version_rows(entries: list[Entry], view: GuideView, writer: Writer) -> Marked:
    either = Styled(writer.short(msg("guide.or")))
    return [
        (None if index == 0 else either, _version(candidate, view.region.id, writer))
        for entry in entries
        for index, candidate in enumerate(entry.candidates)
    ]


def _version(candidate: Candidate, region_id: str, writer: Writer) -> Styled:
    origin = candidate if candidate.origin != region_id else None
    item = candidate.item
    # Appended as styled pieces: a style given to Styled() would cover all that follows.
    body = Styled().append(f"{item.id}: ", style="strong")
    if isinstance(item, Channel):
        body.append(writer.short(enables(item)) + "\n", style="strong")
    return body.append_text(writer.body(item, origin, True, overlay_of(candidate)))


def listing_blocks(page: Sheet, listing: RegionListing) -> None:
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
        rows.append([Styled(clean(cell)) for cell in (*cells, reviewed)])
    page.table(header, rows)


def diff_blocks(page: Sheet, report: DiffReport, writer: Writer) -> None:
    a, b = report.a, report.b
    for _lang, words in page.words.each(msg("diff.title", a=a.names, b=b.names)):
        page.title(Styled(words, style="title"))
    reviewed(page, report.reviews)
    page.say(msg("diff.counts", n=len(report.differences), same=report.same), style="meta")
    section = None
    for difference in report.differences:
        if (difference.procedure, difference.kind) != section:
            section = (difference.procedure, difference.kind)
            heading = keyed("heading", difference.kind)
            page.heading(msg("diff.section", procedure=difference.procedure, heading=heading))
        change = keyed("diff_change", difference.change, a=a.names, b=b.names)
        page.say(msg("diff.item", id=difference.id, change=change), style="strong")
        page.rows("versions", [
            (Styled(writer.short(region.names)), _diff_version(candidate, writer))
            for region, versions in ((a, difference.a), (b, difference.b))
            for candidate in versions
        ])  # fmt: skip
    sources(page, report.sources, writer)


def _diff_version(candidate: Candidate, writer: Writer) -> Styled:
    item = candidate.item
    body = writer.body(item, candidate, condition=True, overlay=overlay_of(candidate))
    if isinstance(item, Channel):
        body = Styled().append(writer.short(enables(item)) + "\n", style="strong").append_text(body)
    return body


def validation_blocks(page: Sheet, report: Validation) -> None:
    for d in report.diagnostics:
        line = Styled(f"{one_line(d.where)}: ")
        line.append(d.code, style=d.severity)  # the role is the severity
        line.append(" ")
        if d.severity == "warning":
            line.append(page.words.short(msg("validate.warning")))
        line.append(one_line(page.words.short(d.message)))
        if d.keypath:
            at = page.words.short(msg("validate.at", keypath=one_line(d.keypath)))
            line.append(" " + one_line(at), style="meta")
        # Diagnostics stay one per line, unwrapped, for grep and editors.
        page.raw(line)
