"""Human-readable output through rich: plain when piped or with NO_COLOR, data text never markup."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TextIO

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..checks import QUESTIONS, Verdict
from ..dates import describe_period
from ..documents import (
    UNKNOWN,
    Checklist,
    CheckReport,
    DiffReport,
    Document,
    FaqResults,
    GuideView,
    RegionInfo,
    RegionListing,
    Review,
)
from ..match import Placed, explain
from ..model import CONTROL_CHARS, Channel, Faq, Item, Legal, Note, Source, Step
from ..model import Text as DataText
from ..profile import Profile, describe_condition, flag_for
from ..resolve import Candidate, Entry
from ..validate import Validation
from . import RenderOptions

MAX_WIDTH = 100  # wider lines are hard to read and to print

TITLES = {
    "apply": "Applying for a card",
    "activate": "Activating a card",
    "replace": "Replacing a lost or damaged card",
    "collect": "Collecting a card",
    "update": "Correcting personal details",
    "reimburse": "Claiming back medical costs",
}

HEADINGS = {
    "steps": "Steps",
    "channels": "Activation channels",
    "materials": "Materials to bring",
    "fees": "Fees",
    "deadlines": "Time limits",
    "answers": "Your dates",
    "warnings": "Warnings",
    "notes": "Notes",
    "legal": "Legal basis",
    "questions": "Questions and answers",
}

FUNCTIONS = {"medical": "medical (social-security)", "financial": "financial (bank-account)"}

MARKERS: dict[str, str | Text] = {
    "materials": "[ ]",
    "warnings": Text("!", style="bold red"),
}

CHANNEL_NAMES = {
    "bank": "Bank",
    "hospital": "Designated hospital",
    "pharmacy": "Designated pharmacy",
    "phone": "Telephone",
    "center": "Service counter",
    "online": "Online or app",
}

ANSWERS = {
    "yes": Text("YES", style="bold green"),
    "no": Text("NO", style="bold red"),
    "need_more_information": Text("ASK", style="bold yellow"),
}

Rows = list[tuple[str | Text, RenderableType]]


def clean(value: str) -> str:
    """Data text as safe terminal text: control characters removed (rich markup is never parsed)."""
    return CONTROL_CHARS.sub("", value)


class _Writer:
    """Formats the items of one document: text, source numbers, status, origin and reasons."""

    def __init__(self, options: RenderOptions, sources: Sequence[Source], profile: Profile | None):
        self.lang = options.lang
        self.why = options.why
        self.profile = profile
        self.numbers = {source.id: index + 1 for index, source in enumerate(sources)}

    def text(self, value: DataText | None) -> str:
        return clean(value.get(self.lang)) if value is not None else ""

    def meta(
        self, item: Item, origin: str | None = None, condition: bool = False, overlay: str = ""
    ) -> Text:
        refs = ", ".join(str(n) for n in sorted(self.numbers[ref] for ref in item.sources))
        line = Text(f"[{refs}] " if refs else "", style="dim")
        line.append_text(_status(item.status))
        if condition and item.when is not None:
            line.append(f" · only for: {describe_condition(item.when)}", style="dim")
        if origin is not None:
            line.append(f" · from {origin}", style="dim")
        if overlay:
            line.append(f" · overlay {clean(overlay)}", style="bold")
        return line

    def body(
        self, item: Item, origin: str | None = None, condition: bool = False, overlay: str = ""
    ) -> Text:
        if isinstance(item, Legal):
            body = Text(self.text(item.title), style="bold")
            body.append(f" — {self.text(item.text)}")
        elif isinstance(item, Faq):
            body = Text(self.text(item.question), style="bold")
            body.append(f"\n{self.text(item.answer)}")
        else:
            body = Text(self.text(getattr(item, "text", None)))
        if isinstance(item, Step) and item.where is not None:
            _labelled(body, "Where", self.text(item.where))
        if isinstance(item, Channel):
            for caveat in item.caveats:
                _labelled(body, "Caveat", self.text(caveat))
        if item.dated is not None:
            _labelled(body, "Dated", self.text(item.dated), style="italic")
        body.append("\n")
        body.append_text(self.meta(item, origin, condition, overlay))
        return body

    def placed(self, placed: Placed) -> Text:
        body = self.body(placed.item, _inherited(placed), overlay=_overlay(placed.candidate))
        self.add_reason(body, placed)
        return body

    def add_reason(self, body: Text, placed: Placed) -> None:
        if self.why and self.profile is not None:
            _labelled(body, "Why", explain(placed, self.profile).sentence(), style="dim")

    def verdict(self, verdict: Verdict) -> Text:
        body = Text(self.text(getattr(verdict.placed.item, "text", None)), style="bold")
        body.append(f"\n{QUESTIONS[verdict.rule.kind]} ")
        body.append(verdict.reason)
        for outcome in verdict.outcomes:
            if outcome.holiday and outcome.date:
                note = f"{outcome.date.isoformat()} falls in a public holiday ({outcome.holiday})."
                _labelled(body, "Note", note)
        body.append("\n")
        placed = verdict.placed
        body.append_text(
            self.meta(placed.item, _inherited(placed), overlay=_overlay(placed.candidate))
        )
        if self.why:
            event = f"{flag_for(verdict.rule.event)} {verdict.event_date.isoformat()}"
            for outcome in verdict.outcomes:
                result = outcome.date.isoformat() if outcome.date else "cannot be computed"
                sum_ = f"{event} + {describe_period(outcome.period)} = {result}"
                _labelled(body, "Why", f"{sum_}; today is {verdict.today.isoformat()}", "dim")
            self.add_reason(body, verdict.placed)
        return body


def _labelled(body: Text, label: str, value: str, style: str = "bold") -> None:
    body.append(f"\n{label}: ", style=style)
    body.append(value, style="dim" if style == "dim" else "")


def _status(status: str) -> Text:
    return Text("UNCERTAIN", style="bold yellow") if status == "uncertain" else Text(status)


def _inherited(placed: Placed) -> str | None:
    return placed.origin if placed.inherited else None


def _overlay(candidate: Candidate) -> str:
    """The file of an item from a local data directory, which output always names."""
    return str(candidate.layer.file) if candidate.layer.overlay else ""


def _grid(rows: Iterable[tuple[str | Text, RenderableType]]) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(ratio=1, overflow="fold")
    for marker, body in rows:
        grid.add_row(marker, body)
    return grid


def _heading(title: str) -> Text:
    return Text(f"\n{title.upper()}", style="bold")


def _header(
    title: str, region: RegionInfo, chain: Sequence[RegionInfo], reviews: Sequence[Review]
) -> list[RenderableType]:
    line = Text(clean(region.names.get("en")), style="bold")
    if region.names.zh:
        line.append(f" {clean(region.names.zh)}", style="bold")
    line.append(f" ({region.level})")
    if len(chain) > 1:
        line.append(f"; inherits from {', '.join(info.id for info in chain[1:])}", style="dim")
    return [Text(title, style="bold underline"), line, _reviewed(reviews)]


def _reviewed(reviews: Sequence[Review]) -> Text:
    """One line: the review date, or each file's when they differ; stale ones stand out."""
    dates = {r.last_reviewed for r in reviews}
    if len(dates) == 1 and not any(r.stale or r.overlay for r in reviews):
        return Text(f"Region data last reviewed {dates.pop().isoformat()}", style="dim")
    line = Text("Region data last reviewed: ", style="dim")
    for index, review in enumerate(reviews):
        if index:
            line.append(", ", style="dim")
        name = f"{review.region} (overlay)" if review.overlay else review.region
        line.append(f"{name} {review.last_reviewed.isoformat()}", style="dim")
        if review.stale:
            line.append(" OVER A YEAR AGO", style="bold yellow")
    return line


def _sources(sources: Sequence[Source], writer: _Writer) -> list[RenderableType]:
    if not sources:
        return []
    rows: Rows = []
    for source in sources:
        body = Text(f"{source.id} — {writer.text(source.title)} ")
        body.append_text(
            _status(source.status) if source.status == "uncertain" else Text(f"({source.status})")
        )
        if source.url:
            body.append(f"\n{clean(source.url)}", style="dim")
        if source.dated is not None:
            _labelled(body, "Dated", writer.text(source.dated), style="italic")
        if source.note is not None:
            _labelled(body, "Note", writer.text(source.note), style="italic")
        rows.append((f"[{writer.numbers[source.id]}]", body))
    return [_heading("Sources"), _grid(rows)]


# --- checklists -----------------------------------------------------------------------------


def _checklist(doc: Checklist, writer: _Writer) -> list[RenderableType]:
    parts = _header(TITLES[doc.procedure], doc.region, doc.chain, doc.reviews)
    parts.insert(2, Text(f"For: {doc.profile.describe()}"))
    if doc.channel is not None:
        parts.append(Text(f"Channel: {doc.channel}"))
    tied = _channel_extras(doc)
    # Items tied to a channel appear under it when the checklist lists channels, not twice.
    with_channel = (
        {id(p) for group in tied.values() for p in group} if doc.sections.get("channels") else set()
    )
    for kind in (
        "steps",
        "channels",
        "materials",
        "fees",
        "deadlines",
        "answers",
        "warnings",
        "notes",
        "legal",
    ):
        rows: Rows
        if kind == "answers":
            rows = [(ANSWERS[v.answer], writer.verdict(v)) for v in doc.verdicts]
        else:
            items = _items_of(doc, kind, with_channel)
            rows = _rows(kind, items, writer, tied)
        if kind in doc.unknown:
            parts += [_heading(HEADINGS[kind]), Text(UNKNOWN, style="italic")]
        elif rows:
            parts += [_heading(HEADINGS[kind]), _grid(rows)]
    return parts + _sources(doc.sources, writer)


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


def _rows(kind: str, items: list[Placed], writer: _Writer, tied: dict[str, list[Placed]]) -> Rows:
    rows: Rows = []
    for number, placed in enumerate(items, start=1):
        if isinstance(placed.item, Channel):
            body = _channel_body(placed, writer, tied.get(placed.item.channel, []))
        else:
            body = writer.placed(placed)
        marker = f"{number}." if kind == "steps" else MARKERS.get(kind, "•")
        rows.append((marker, body))
    return rows


def _channel_body(placed: Placed, writer: _Writer, extras: list[Placed]) -> Text:
    item = placed.item
    assert isinstance(item, Channel)
    body = Text(CHANNEL_NAMES[item.channel], style="bold")
    body.append(" — switches on the ")
    body.append(" and ".join(FUNCTIONS[f] for f in item.enables), style="bold")
    body.append(" function" + ("s" if len(item.enables) > 1 else "") + "\n")
    body.append_text(writer.placed(placed))
    for extra in extras:
        label = "Bring: " if extra.kind == "materials" else "Note: "
        body.append(f"\n{label}", style="bold")
        body.append(writer.text(getattr(extra.item, "text", None)) + " ")
        body.append_text(
            writer.meta(extra.item, _inherited(extra), overlay=_overlay(extra.candidate))
        )
    return body


# --- other documents ------------------------------------------------------------------------


def _check(report: CheckReport, writer: _Writer) -> list[RenderableType]:
    parts = _header("Checking your dates", report.region, report.chain, report.reviews)
    given = ", ".join(f"{flag_for(e)} {d.isoformat()}" for e, d in report.events.items())
    parts[2:2] = [
        Text(f"For: {report.profile.describe()}"),
        Text(f"Dates: {given}; today {report.today.isoformat()}"),
    ]
    if not report.verdicts:
        return [
            *parts,
            Text("\nNo rule for these dates was found; ask the local office.", style="italic"),
        ]
    rows: Rows = [(ANSWERS[v.answer], writer.verdict(v)) for v in report.verdicts]
    return [*parts, Text(""), _grid(rows), *_sources(report.sources, writer)]


def _faq(results: FaqResults, writer: _Writer) -> list[RenderableType]:
    parts = _header("Questions and answers", results.region, results.chain, results.reviews)
    if results.query:
        parts.append(Text(f"Search: {clean(results.query)}"))
    if not results.matches:
        return [*parts, Text("\nNo question matched; try other words or no words.", style="italic")]
    rows: Rows = [
        (
            "•",
            writer.body(m.placed.item, _inherited(m.placed), overlay=_overlay(m.placed.candidate)),
        )
        for m in results.matches
    ]
    return [*parts, Text(""), _grid(rows), *_sources(results.sources, writer)]


def _guide(view: GuideView, writer: _Writer) -> list[RenderableType]:
    parts = _header("Resolved guide", view.region, view.chain, view.reviews)
    parts.append(
        Text(
            "Each item shows who it is for and, when inherited, the region it comes from.",
            style="dim",
        )
    )
    for procedure, kinds in view.procedures.items():
        parts.append(Text(f"\n== {TITLES[procedure]} ({procedure}) ==", style="bold"))
        for kind, entries in kinds.items():
            parts += [_heading(HEADINGS[kind]), _grid(_version_rows(entries, view, writer))]
    if view.faq:
        parts += [
            Text("\n== Questions and answers (faq) ==", style="bold"),
            _grid(_version_rows(view.faq, view, writer)),
        ]
    return parts + _sources(view.sources, writer)


def _version_rows(entries: list[Entry], view: GuideView, writer: _Writer) -> Rows:
    return [
        ("•" if index == 0 else "or", _version(candidate, view, writer))
        for entry in entries
        for index, candidate in enumerate(entry.candidates)
    ]


def _version(candidate: Candidate, view: GuideView, writer: _Writer) -> Text:
    origin = candidate.origin if candidate.origin != view.region.id else None
    body = Text(f"{candidate.item.id}: ", style="bold")
    if isinstance(candidate.item, Channel):
        body.append(f"[{candidate.item.channel}: {', '.join(candidate.item.enables)}] ")
    body.append_text(writer.body(candidate.item, origin, True, _overlay(candidate)))
    return body


def _listing(listing: RegionListing) -> list[RenderableType]:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for column in ("ID", "NAME", "LEVEL", "PARENT", "REVIEWED"):
        table.add_column(column, overflow="fold")
    stale = {review.region for review in listing.reviews if review.stale}
    for info in listing.regions:
        name = " ".join(clean(n) for n in (info.names.en, info.names.zh) if n)
        reviewed = info.last_reviewed.isoformat() + (" (stale)" if info.id in stale else "")
        table.add_row(info.id, Text(name), info.level, info.parent or "-", reviewed)
    return [table]


def _diff(report: DiffReport, writer: _Writer) -> list[RenderableType]:
    a, b = report.a.id, report.b.id
    parts: list[RenderableType] = [
        Text(f"Differences between {a} and {b}", style="bold underline"),
        _reviewed(report.reviews),
        Text(f"{len(report.differences)} items differ; {report.same} are the same.", style="dim"),
    ]
    section = None
    for difference in report.differences:
        if (difference.procedure, difference.kind) != section:
            section = (difference.procedure, difference.kind)
            parts.append(_heading(f"{difference.procedure} · {HEADINGS[difference.kind]}"))
        marker = {"only_a": f"only {a}", "only_b": f"only {b}", "changed": "differs"}
        rows: Rows = [
            (region, _diff_version(candidate, writer))
            for region, versions in ((a, difference.a), (b, difference.b))
            for candidate in versions
        ]
        parts += [Text(f"{difference.id} ({marker[difference.change]})", style="bold"), _grid(rows)]
    return parts + _sources(report.sources, writer)


def _diff_version(candidate: Candidate, writer: _Writer) -> Text:
    item = candidate.item
    body = writer.body(item, candidate.origin, condition=True, overlay=_overlay(candidate))
    if isinstance(item, Channel):
        body = Text(f"[{item.channel}: {', '.join(item.enables)}] ").append_text(body)
    return body


def _validation(report: Validation) -> list[RenderableType]:
    lines: list[RenderableType] = []
    for d in report.diagnostics:
        where = f"{d.file}:{d.line or 1}:{d.column or 1}" if d.line else str(d.file)
        line = Text(f"{clean(where)}: ")
        line.append(d.code, style="bold red" if d.severity == "error" else "bold yellow")
        line.append(f" {d.severity}: " if d.severity == "warning" else " ")
        line.append(clean(d.message))
        if d.keypath:
            line.append(f" (at {clean(d.keypath)})", style="dim")
        lines.append(line)
    return lines


def _parts(document: Document, options: RenderOptions) -> list[RenderableType]:
    if isinstance(document, Validation):
        return _validation(document)
    if isinstance(document, RegionListing):
        return _listing(document)
    writer = _Writer(options, document.sources, getattr(document, "profile", None))
    if isinstance(document, Checklist):
        return _checklist(document, writer)
    if isinstance(document, CheckReport):
        return _check(document, writer)
    if isinstance(document, FaqResults):
        return _faq(document, writer)
    if isinstance(document, DiffReport):
        return _diff(document, writer)
    return _guide(document, writer)


def render(document: Document, out: TextIO, options: RenderOptions) -> None:
    console = Console(
        file=out,
        width=options.width,
        markup=False,  # data text is never parsed as rich markup
        emoji=False,  # nor are ":name:" codes turned into emoji
        highlight=False,
        # rich drops colours for NO_COLOR but keeps bold; plain means no escape codes at all.
        color_system=None if options.plain else "auto",
    )
    if options.width is None and console.width > MAX_WIDTH:
        console.width = MAX_WIDTH
    parts = _parts(document, options)
    # Tables pad every line to the full width; trailing blanks are noise in pipes and files.
    with console.capture() as captured:
        # Diagnostics stay one per line, unwrapped, for grep and editors.
        console.print(Group(*parts), soft_wrap=isinstance(document, Validation))
    out.write("\n".join(line.rstrip(" ") for line in captured.get().split("\n")))
