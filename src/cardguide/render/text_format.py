"""Human-readable output through rich: plain when piped or with NO_COLOR, data text never markup."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TextIO

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..documents import UNKNOWN, Checklist, Document, GuideView, RegionInfo, RegionListing
from ..match import Placed
from ..model import CONTROL_CHARS, Channel, Item, Legal, Note, Source, Step
from ..model import Text as DataText
from ..profile import describe_condition
from ..resolve import Candidate
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
    "warnings": "Warnings",
    "notes": "Notes",
    "legal": "Legal basis",
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


def clean(value: str) -> str:
    """Data text as safe terminal text: control characters removed (rich markup is never parsed)."""
    return CONTROL_CHARS.sub("", value)


class _Writer:
    """Builds the renderables of one document for one console."""

    def __init__(self, options: RenderOptions, sources: Sequence[Source] = ()) -> None:
        self.lang = options.lang
        self.numbers = {source.id: index + 1 for index, source in enumerate(sources)}

    def text(self, value: DataText | None) -> str:
        return clean(value.get(self.lang)) if value is not None else ""

    def status(self, item: Item) -> Text:
        if item.status == "uncertain":
            return Text("UNCERTAIN", style="bold yellow")
        return Text(item.status)

    def meta(self, item: Item, origin: str | None = None, condition: bool = False) -> Text:
        refs = ", ".join(str(n) for n in sorted(self.numbers[ref] for ref in item.sources))
        line = Text(f"[{refs}] " if refs else "", style="dim")
        line.append_text(self.status(item))
        if condition and item.when is not None:
            line.append(f" · only for: {describe_condition(item.when)}", style="dim")
        if origin is not None:
            line.append(f" · from {origin}", style="dim")
        return line

    def body(self, item: Item, origin: str | None = None, condition: bool = False) -> Text:
        if isinstance(item, Legal):
            body = Text(self.text(item.title), style="bold")
            body.append(f" — {self.text(item.text)}")
        else:
            body = Text(self.text(getattr(item, "text", None)))
        if isinstance(item, Step) and item.where is not None:
            body.append("\nWhere: ", style="bold")
            body.append(self.text(item.where))
        if isinstance(item, Channel):
            for caveat in item.caveats:
                body.append("\nCaveat: ", style="bold")
                body.append(self.text(caveat))
        if item.dated is not None:
            body.append("\nDated: ", style="italic")
            body.append(self.text(item.dated))
        body.append("\n")
        body.append_text(self.meta(item, origin, condition))
        return body


def _grid(rows: Iterable[tuple[str | Text, RenderableType]]) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(ratio=1, overflow="fold")
    for marker, body in rows:
        grid.add_row(marker, body)
    return grid


def _heading(title: str) -> Text:
    return Text(f"\n{title.upper()}", style="bold")


def _origin(placed: Placed) -> str | None:
    return placed.origin if placed.inherited else None


def _region_line(info: RegionInfo, chain: Sequence[RegionInfo]) -> Text:
    line = Text(clean(info.names.get("en")), style="bold")
    if info.names.zh:
        line.append(f" {clean(info.names.zh)}", style="bold")
    line.append(f" ({info.level})")
    if len(chain) > 1:
        line.append(f"; inherits from {', '.join(region.id for region in chain[1:])}", style="dim")
    return line


def _checklist(doc: Checklist, writer: _Writer) -> list[RenderableType]:
    parts: list[RenderableType] = [
        Text(TITLES[doc.procedure], style="bold underline"),
        _region_line(doc.region, doc.chain),
        Text(f"For: {doc.profile.describe()}"),
        Text(f"Region data last reviewed {doc.region.last_reviewed.isoformat()}", style="dim"),
    ]
    if doc.channel is not None:
        parts.append(Text(f"Channel: {doc.channel}"))

    channel_extras = _channel_extras(doc)
    for kind in (
        "steps",
        "channels",
        "materials",
        "fees",
        "deadlines",
        "warnings",
        "notes",
        "legal",
    ):
        items = _items_of(doc, kind, channel_extras)
        if kind in doc.unknown:
            parts += [_heading(HEADINGS[kind]), Text(UNKNOWN, style="italic")]
        elif items:
            parts += [_heading(HEADINGS[kind]), _grid(_rows(kind, items, writer, channel_extras))]
    if doc.sources:
        parts += [_heading("Sources"), _sources(doc.sources, writer)]
    return parts


def _channel_extras(doc: Checklist) -> dict[str, list[Placed]]:
    """Materials and notes that belong to particular channels, shown under those channels."""
    extras: dict[str, list[Placed]] = {}
    for kind in ("materials", "notes"):
        for placed in doc.sections.get(kind, []):
            for channel in getattr(placed.item, "channels", []):
                extras.setdefault(channel, []).append(placed)
    return extras


def _items_of(doc: Checklist, kind: str, channel_extras: dict[str, list[Placed]]) -> list[Placed]:
    tied = {id(p) for group in channel_extras.values() for p in group}
    if kind in ("warnings", "notes"):
        level = "warning" if kind == "warnings" else "info"
        return [
            p
            for p in doc.sections.get("notes", [])
            if isinstance(p.item, Note) and p.item.level == level and id(p) not in tied
        ]
    return [p for p in doc.sections.get(kind, []) if id(p) not in tied]


def _rows(
    kind: str, items: list[Placed], writer: _Writer, channel_extras: dict[str, list[Placed]]
) -> list[tuple[str | Text, RenderableType]]:
    rows: list[tuple[str | Text, RenderableType]] = []
    for number, placed in enumerate(items, start=1):
        body = writer.body(placed.item, _origin(placed))
        if isinstance(placed.item, Channel):
            body = _channel_body(placed, writer, channel_extras.get(placed.item.channel, []))
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
    body.append_text(writer.body(item, _origin(placed)))
    for extra in extras:
        label = "Bring: " if extra.kind == "materials" else "Note: "
        body.append(f"\n{label}", style="bold")
        body.append(writer.text(getattr(extra.item, "text", None)) + " ")
        body.append_text(writer.meta(extra.item, _origin(extra)))
    return body


def _sources(sources: Sequence[Source], writer: _Writer) -> Table:
    rows: list[tuple[str | Text, RenderableType]] = []
    for source in sources:
        body = Text(f"{source.id} — {writer.text(source.title)} ")
        body.append_text(
            Text("UNCERTAIN", style="bold yellow")
            if source.status == "uncertain"
            else Text(f"({source.status})")
        )
        if source.url:
            body.append(f"\n{clean(source.url)}", style="dim")
        for label, value in (("Dated", source.dated), ("Note", source.note)):
            if value is not None:
                body.append(f"\n{label}: ", style="italic")
                body.append(writer.text(value))
        rows.append((f"[{writer.numbers[source.id]}]", body))
    return _grid(rows)


def _guide(view: GuideView, writer: _Writer) -> list[RenderableType]:
    parts: list[RenderableType] = [
        Text("Resolved guide", style="bold underline"),
        _region_line(view.region, view.chain),
        Text(f"Region data last reviewed {view.region.last_reviewed.isoformat()}", style="dim"),
        Text(
            "Each item shows who it is for and, when inherited, the region it comes from.",
            style="dim",
        ),
    ]
    for procedure, kinds in view.procedures.items():
        parts.append(Text(f"\n== {TITLES[procedure]} ({procedure}) ==", style="bold"))
        for kind, entries in kinds.items():
            rows: list[tuple[str | Text, RenderableType]] = []
            for entry in entries:
                for index, candidate in enumerate(entry.candidates):
                    rows.append(("•" if index == 0 else "or", _version(candidate, view, writer)))
            parts += [_heading(HEADINGS[kind]), _grid(rows)]
    if view.sources:
        parts += [_heading("Sources"), _sources(view.sources, writer)]
    return parts


def _version(candidate: Candidate, view: GuideView, writer: _Writer) -> Text:
    origin = candidate.origin if candidate.origin != view.region.id else None
    body = Text(f"{candidate.item.id}: ", style="bold")
    if isinstance(candidate.item, Channel):
        body.append(f"[{candidate.item.channel}: {', '.join(candidate.item.enables)}] ")
    body.append_text(writer.body(candidate.item, origin, condition=True))
    return body


def _listing(listing: RegionListing) -> list[RenderableType]:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for column in ("ID", "NAME", "LEVEL", "PARENT", "REVIEWED"):
        table.add_column(column, overflow="fold")
    for info in listing.regions:
        name = " ".join(clean(n) for n in (info.names.en, info.names.zh) if n)
        table.add_row(
            info.id, Text(name), info.level, info.parent or "-", info.last_reviewed.isoformat()
        )
    return [table]


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
    if isinstance(document, RegionListing):
        parts = _listing(document)
    elif isinstance(document, Checklist):
        parts = _checklist(document, _Writer(options, document.sources))
    else:
        parts = _guide(document, _Writer(options, document.sources))
    # Tables pad every line to the full width; trailing blanks are noise in pipes and files.
    with console.capture() as captured:
        console.print(Group(*parts))
    out.write("\n".join(line.rstrip(" ") for line in captured.get().split("\n")))
