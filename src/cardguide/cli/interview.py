"""The interview: in a terminal, ask only what this region's data distinguishes, in any language."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TypeVar

from cardguide.cli.terminal import Messages, spoken
from cardguide.errors import AmbiguousPlace, Cancelled, NotCovered, RegionNotFound
from cardguide.load.catalog import Catalog
from cardguide.match.pick import relevant_facets
from cardguide.model.profile import HUKOU, SITUATIONS
from cardguide.model.region import Facet
from cardguide.places.names import fold
from cardguide.resolve.chain import Guide
from cardguide.wording import Msg, keyed, msg, say
from cardguide.wording.escape import one_line

T = TypeVar("T")

# Answers people give, folded (case, width and spaces do not matter); Enter means no, except
# where a suggestion is offered: there Enter takes it.
YES = frozenset({"y", "yes", "是", "是的", "对", "要", "好", "有"})
NO = frozenset({"n", "no", "否", "不", "不是", "不要", "没有", "无"})
# Going back one question.
BACK = frozenset({"<", "back", "返回", "上一步", "后退"})

QUESTIONS: dict[Facet, str] = {
    "replacement": "interview.replacement",
    "by_proxy": "interview.by_proxy",
}


class _Again(Exception):
    """The answer does not fit the question: say why and ask it again."""

    def __init__(self, message: Msg) -> None:
        self.message = message


class _Back(Exception):
    """The person asked to go back one question."""


class Interview:
    """Questions on stderr, answers from stdin; stdout stays for the document.

    Every accepted answer is recorded. Going back drops the last one and runs the questions
    again from the start, replaying the recorded answers silently, so any question can be
    the previous one: a follow-up, a suggestion, or the region.
    """

    def __init__(self, messages: Messages, editing: bool = False) -> None:
        self.messages = messages
        # Line editing and history (readline) only when stdin and stdout are both terminals:
        # readline echoes to stdout, which may be a file the checklist goes to.
        self.editing = editing
        self.answers: list[str] = []
        self.replayed = 0  # answers replayed so far in this run of the questions
        self.hinted = False

    @property
    def live(self) -> bool:
        return self.replayed >= len(self.answers)

    def words(self, message: Msg) -> str:
        return one_line(" / ".join(say(message, lang) for lang in spoken(self.messages.choice)))

    def tell(self, message: Msg) -> None:
        if self.live:  # a replayed question was already shown, with its answer
            sys.stderr.write(self.words(message) + "\n")

    def run(self, questions: Callable[[], T]) -> T:
        """Ask the questions; `<` goes back one answer and asks again from there."""
        while True:
            self.replayed = 0
            try:
                return questions()
            except _Back:
                if self.answers:
                    self.answers.pop()
                else:
                    self.tell(msg("interview.indent", message=msg("interview.first")))

    def _read(self, question: Msg) -> str:
        if not self.hinted:  # said once, before the first question actually asked
            self.hinted = True
            self.tell(msg("interview.back_hint"))
        prompt = self.words(msg("interview.prompt", question=question))
        try:
            if self.editing:
                return input(prompt).strip()  # readline: editing, and ↑ for earlier answers
            sys.stderr.write(prompt)
            sys.stderr.flush()
            line = sys.stdin.readline()
        except KeyboardInterrupt:
            sys.stderr.write("\n")  # end the question's line; the CLI then exits with 130
            raise
        except EOFError:
            line = ""
        if not line:
            raise Cancelled(msg("error.cancelled"))
        return line.strip()

    def ask(self, question: Msg, parse: Callable[[str], T]) -> T:
        """One question, asked until `parse` takes the answer; a replayed answer is not asked.

        The answer's place in the record is kept before parsing, so that follow-up questions
        asked while parsing (did you mean …?) are recorded after it, in the order asked.
        """
        while True:
            if not self.live:
                answer = self.answers[self.replayed]
                self.replayed += 1
            else:
                answer = self._read(question)
                if fold(answer) in BACK:
                    raise _Back
                self.answers.append(answer)
                self.replayed = len(self.answers)
            mark = self.replayed - 1
            try:
                return parse(answer)
            except _Again as again:
                del self.answers[mark:]
                self.replayed = mark
                self.tell(msg("interview.indent", message=again.message))
            except _Back:
                del self.answers[mark:]  # going back from a follow-up returns to this question
                self.replayed = mark
                raise

    def region(self, catalog: Catalog) -> str:
        """The place the person names, as words that find it: a suggestion is offered, an
        ambiguous name chosen."""
        self._complete_with(catalog)

        def parse(answer: str) -> str:
            try:
                catalog.locate(answer)
                return answer
            except RegionNotFound as miss:
                if not miss.suggestions:
                    raise _Again(miss.message) from None
                meant = self._meant(miss.suggestions)
                if meant is None:  # the suggestion was declined: it is not offered again
                    raise _Again(RegionNotFound(miss.query, []).message) from None
                catalog.locate(meant)
                return meant
            except AmbiguousPlace as which:
                places: list[object] = list(which.places)
                chosen = which.places[self.choice(which.message, places)]
                catalog.locate(chosen)
                return chosen
            except NotCovered as miss:
                raise _Again(miss.message) from None

        try:
            return self.ask(msg("interview.region"), parse)
        finally:
            self._complete_with(None)

    def _meant(self, suggestions: list[str]) -> str | None:
        """Offer what was probably meant: one name to confirm (Enter takes it), or several to
        choose from; None when it was none of them."""
        if len(suggestions) == 1:
            question = msg("interview.did_you_mean", name=suggestions[0])
            taken = self.ask(msg("interview.yes_no_default_yes", question=question), _yes(True))
            return suggestions[0] if taken else None
        options: list[object] = [*suggestions, msg("interview.none_of_these")]
        chosen = self.choice(msg("interview.did_you_mean_one"), options)
        return suggestions[chosen] if chosen < len(suggestions) else None

    def _complete_with(self, catalog: Catalog | None) -> None:
        """Tab completes place names at the region question (readline only)."""
        if not self.editing:
            return
        try:
            import readline
        except ImportError:  # not on every platform; the question works without it
            return
        if catalog is None:
            readline.set_completer(None)
            return
        from cardguide.cli.completion import region_candidates

        def complete(text: str, state: int) -> str | None:
            found = [name for name, _about in region_candidates(catalog, text)]
            return found[state] if state < len(found) else None

        readline.set_completer_delims("")
        readline.set_completer(complete)
        readline.parse_and_bind("tab: complete")

    def choice(self, question: Msg, options: list[object]) -> int:
        """A numbered choice; returns the index of the option chosen."""
        self.tell(question)
        for number, option in enumerate(options, start=1):
            self.tell(msg("interview.option", number=number, option=option))

        def parse(answer: str) -> int:
            folded = fold(answer)
            if folded.isdigit() and 1 <= int(folded) <= len(options):
                return int(folded) - 1
            raise _Again(msg("interview.range", n=len(options)))

        return self.ask(msg("interview.number"), parse)

    def yes(self, question: Msg) -> bool:
        return self.ask(msg("interview.yes_no", question=question), _yes(False))

    def profile(self, guide: Guide, procedure: str, circumstances: tuple[Facet, ...]) -> set[Facet]:
        """Ask only about the situations this region's data distinguishes for this procedure."""
        relevant = relevant_facets(guide, procedure)
        answers: set[Facet] = set()
        situations = [facet for facet in SITUATIONS if facet in relevant]
        if situations:
            options: list[object] = [
                msg("interview.adult"),
                *(keyed("facet", f) for f in situations),
            ]
            chosen = self.choice(msg("interview.who"), options)
            if chosen:
                answers.add(situations[chosen - 1])
        hukou = [facet for facet in HUKOU.values() if facet in relevant]
        if hukou and not answers & {"foreign_employee", "hk_macao_taiwan"}:
            # Only where the region's rules differ by it: the first question at a counter.
            options = [keyed("facet", facet) for facet in HUKOU.values()]
            answers.add(tuple(HUKOU.values())[self.choice(msg("interview.hukou"), options)])
        if (
            "foreign_employee" in answers
            and "employer" in relevant
            and self.yes(msg("interview.employer"))
        ):
            answers.add("employer")
        for facet, question in QUESTIONS.items():
            asked_here = facet in circumstances or (facet == "replacement" and procedure == "apply")
            if asked_here and facet in relevant and self.yes(msg(question)):
                answers.add(facet)
        if "replacement" in answers and procedure == "apply":
            # A replacement is what `replace` lists: ask which kind, and the CLI shows that.
            answers.add(self.one_of(("lost", "damaged")))
        if {"newborn", "replacement"} <= answers:
            # A baby who already has a card is no longer applying for a first one: the card is
            # replaced as any child's is, so the answers lead there instead of to a conflict.
            answers = (answers - {"newborn"}) | {"minor"}
            self.tell(msg("interview.newborn_replacement"))
        return answers

    def one_of(self, circumstances: tuple[Facet, ...]) -> Facet:
        options: list[object] = [keyed("facet", f) for f in circumstances]
        return circumstances[self.choice(msg("interview.which"), options)]


def _yes(default: bool) -> Callable[[str], bool]:
    """Parses yes or no in English or Chinese; Enter gives the default."""

    def parse(answer: str) -> bool:
        folded = fold(answer)
        if not folded:
            return default
        if folded in YES:
            return True
        if folded in NO:
            return False
        raise _Again(msg("interview.answer_yes_no"))

    return parse
