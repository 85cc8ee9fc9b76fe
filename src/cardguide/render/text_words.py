"""Words for human output in one language or both, and the pieces every item is made of."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from cardguide.match.pick import Placed, for_whom
from cardguide.model.profile import Profile
from cardguide.model.region import Channel, Faq, Item, Legal, Source, Step, age_of
from cardguide.render import RenderOptions
from cardguide.render.roles import Role
from cardguide.render.styled import Styled
from cardguide.resolve.chain import Candidate
from cardguide.wording import Msg, keyed, msg, say
from cardguide.wording.escape import escape_controls
from cardguide.wording.text import Lang
from cardguide.wording.text import Text as DataText

if TYPE_CHECKING:
    from cardguide.answers.deadlines import Verdict

# The order `--lang both` prints languages in: Chinese first, for the person at the counter.
BOTH: tuple[Lang, ...] = ("zh", "en")

Said = list[tuple[Lang, str]]  # a text in each language shown, in order


def clean(value: str) -> str:
    """Text for a terminal: control and bidi characters shown escaped (rich markup is never
    parsed)."""
    return escape_controls(value)


class Words:
    """The reader's language(s): one, or Chinese then English for a bilingual printout."""

    def __init__(self, options: RenderOptions) -> None:
        self.langs: tuple[Lang, ...] = BOTH if options.lang == "both" else (options.lang,)

    @property
    def lang(self) -> Lang:
        return self.langs[0]

    def short(self, value: object) -> str:
        """Short wording (a label, a status, a name) in every language shown, on one line."""
        return " / ".join(dict.fromkeys(clean(say(value, lang)) for lang in self.langs))

    def each(self, value: object) -> Said:
        """Generated words once per language, each to be shown as its own paragraph."""
        return [(lang, clean(say(value, lang))) for lang in self.langs]

    def data(self, value: DataText) -> Said:
        """A data text per language shown; a missing language shows the other one, marked.

        With both languages shown, a text in only one of them is shown once, unmarked.
        """
        present = [lang for lang in self.langs if value.has(lang)]
        if len(self.langs) > 1 and present:
            return [(lang, clean(value.get(lang))) for lang in present]
        return self.one(value, self.lang)

    def one(self, value: DataText, lang: Lang) -> Said:
        """A data text in one language, or the other one, marked, when it lacks that one."""
        if value.has(lang) or not value.languages():
            return [(lang, clean(value.get(lang)))]
        other = value.languages()[0]
        marker = say(msg("fallback", lang=keyed("language", other)), lang)
        return [(lang, f"{clean(value.get(other))} {marker}")]

    def heading(self, value: object) -> Styled:
        # Headings stand out in capitals where the script has them.
        shown = [say(value, lang) for lang in self.langs]
        shown = [
            words.upper() if lang == "en" else words
            for words, lang in zip(shown, self.langs, strict=True)
        ]
        return Styled(" ".join(dict.fromkeys(shown)), style="strong")


def add(body: Styled, said: Said, style: Role = "") -> None:
    """Each language's words as a paragraph of its own."""
    for _lang, words in said:
        if body.plain:
            body.append("\n")
        body.append(words, style=style)


def labelled(body: Styled, label: Msg, said: Said, style: Role = "strong") -> None:
    """`Where: …` lines, the label in the language of what it labels."""
    for lang, words in said:
        body.append("\n")
        body.append(say(label, lang), style=style)
        body.append(words, style="meta" if style == "meta" else "")


class Writer(Words):
    """Formats the items of one document: text, source numbers, status, origin and reasons."""

    def __init__(self, options: RenderOptions, sources: Sequence[Source], profile: Profile | None):
        super().__init__(options)
        self.why = options.why
        self.profile = profile
        self.numbers = {source.id: index + 1 for index, source in enumerate(sources)}
        self.sources = {source.id: source for source in sources}

    def status(self, status: str) -> Styled:
        words = self.short(keyed("status", status))
        return Styled(words, style="uncertain") if status == "uncertain" else Styled(words)

    def meta(self, item: Item, origin: Candidate | None, condition: bool, overlay: str) -> Styled:
        """`[1, 3] secondary · from national`: sources, status, and whose item it is."""
        refs = ", ".join(str(n) for n in sorted(self.numbers[ref] for ref in item.sources))
        line = Styled(f"[{refs}] " if refs else "", style="meta")
        line.append_text(self.status(item.status))
        extras: list[tuple[Msg, Role]] = []
        age = age_of(item, self.sources)
        if age is not None:  # how old the information is, beside how sure it is
            extras.append((msg("meta.as_of", year=age), ""))
        if condition and item.when is not None:
            extras.append((msg("meta.only_for", who=for_whom(item.when)), "meta"))
        if origin is not None:
            extras.append((msg("meta.from", region=origin.layer.region.names), "meta"))
        if overlay:
            extras.append((msg("meta.overlay", file=clean(overlay)), "strong"))
        for words, style in extras:
            line.append(f" · {self.short(words)}", style=style)
        return Styled(style="provenance").append_text(line)

    def body(
        self,
        item: Item,
        origin: Candidate | None = None,
        condition: bool = False,
        overlay: str = "",
    ) -> Styled:
        body = Styled()
        # A title and its text, or a question and its answer, per language.
        if isinstance(item, Legal):
            for lang in self.langs:
                add(body, self.one(item.title, lang), style="strong")
                body.append(" — " + self.one(item.text, lang)[0][1])
        elif isinstance(item, Faq):
            for lang in self.langs:
                add(body, self.one(item.question, lang), style="strong")
                add(body, self.one(item.answer, lang))
        else:
            text = getattr(item, "text", None)
            add(body, self.data(text) if text is not None else [])
        if isinstance(item, Step) and item.where is not None:
            labelled(body, msg("label.where"), self.data(item.where))
        if isinstance(item, Channel):
            for caveat in item.caveats:
                labelled(body, msg("label.caveat"), self.data(caveat))
        if item.dated is not None:
            labelled(body, msg("label.dated"), self.data(item.dated), style="aside")
        body.append("\n")
        body.append_text(self.meta(item, origin, condition, overlay))
        return body

    def placed(self, placed: Placed) -> Styled:
        body = self.body(placed.item, inherited(placed), overlay=overlay_of(placed.candidate))
        for caveat in placed.caveats:
            refs = ", ".join(str(self.numbers[ref]) for ref in caveat.sources)
            said = [(lang, f"{words} [{refs}]") for lang, words in self.data(caveat.text)]
            labelled(body, msg("label.local_caveat"), said, style="caveat")
        self.add_reason(body, placed)
        return body

    def add_reason(self, body: Styled, placed: Placed) -> None:
        if self.why and self.profile is not None:
            sentence = placed.reason.sentence()
            labelled(body, msg("label.why"), self.each(sentence), "meta")

    def verdict(self, verdict: Verdict) -> Styled:
        body = Styled()
        text = getattr(verdict.placed.item, "text", None)
        add(body, self.data(text) if text is not None else [], style="strong")
        question = keyed("question", verdict.rule.kind)
        caveat = verdict.caveat()
        line = msg("verdict.line", question=question, reason=verdict.reason)
        if caveat is not None:  # what the answer rests on, in the same line
            line = msg(
                "verdict.line_caveat", question=question, reason=verdict.reason, caveat=caveat
            )
        add(body, self.each(line))
        for outcome in verdict.outcomes:
            if outcome.holiday and outcome.date:
                holiday = keyed("holiday", outcome.holiday)
                note = msg("verdict.holiday", date=outcome.date, holiday=holiday)
                labelled(body, msg("label.note"), self.each(note))
        body.append("\n")
        placed = verdict.placed
        origin, overlay = inherited(placed), overlay_of(placed.candidate)
        body.append_text(self.meta(placed.item, origin, False, overlay))
        if self.why:
            for sum_ in verdict.computation():
                line = msg("why.sum_today", sum=sum_, today=verdict.today)
                labelled(body, msg("label.why"), self.each(line), "meta")
            self.add_reason(body, verdict.placed)
        return body


def inherited(placed: Placed) -> Candidate | None:
    return placed.candidate if placed.inherited else None


def overlay_of(candidate: Candidate) -> str:
    """The file of an item from a local data directory, which output always names."""
    return str(candidate.layer.file) if candidate.layer.overlay else ""
