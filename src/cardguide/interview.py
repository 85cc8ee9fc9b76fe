"""The interview: in a terminal, ask only what this region's data distinguishes, in any language."""

from __future__ import annotations

import sys

from .catalog import Catalog, Found
from .errors import AmbiguousPlace, Cancelled, NotCovered, RegionNotFound
from .match import relevant_facets
from .model import Facet
from .names import fold
from .profile import SITUATIONS
from .resolve import Guide
from .terminal import Messages, spoken
from .wording import Msg, keyed, msg, say

# Answers people give, folded (case, width and spaces do not matter); Enter means no.
YES = frozenset({"y", "yes", "是", "是的", "对", "要", "好", "有"})
NO = frozenset({"", "n", "no", "否", "不", "不是", "不要", "没有", "无"})

QUESTIONS: dict[Facet, str] = {
    "replacement": "interview.replacement",
    "by_proxy": "interview.by_proxy",
}


class Interview:
    """Questions on stderr, answers from stdin; stdout stays for the document."""

    def __init__(self, messages: Messages) -> None:
        self.messages = messages

    def words(self, message: Msg) -> str:
        return " / ".join(say(message, lang) for lang in spoken(self.messages.choice))

    def tell(self, message: Msg) -> None:
        sys.stderr.write(self.words(message) + "\n")

    def ask(self, question: Msg) -> str:
        """One question, one answer line.

        click's prompt echoes part of the prompt through input(), which writes to stdout and
        would corrupt `cardguide apply > checklist.txt`, so the interview reads lines itself.
        """
        sys.stderr.write(self.words(msg("interview.prompt", question=question)))
        sys.stderr.flush()
        try:
            line = sys.stdin.readline()
        except KeyboardInterrupt:
            sys.stderr.write("\n")  # end the question's line; the CLI then exits with 130
            raise
        if not line:
            raise Cancelled(msg("error.cancelled"))
        return line.strip()

    def region(self, catalog: Catalog) -> Found:
        """The place the person names, asked again until it is found (or out of reach)."""
        while True:
            answer = self.ask(msg("interview.region"))
            try:
                return catalog.locate(answer)
            except (RegionNotFound, AmbiguousPlace, NotCovered) as miss:
                self.tell(msg("interview.indent", message=miss.message))

    def choice(self, question: Msg, options: list[Msg]) -> int:
        """A numbered choice; returns the index of the option chosen."""
        self.tell(question)
        for number, option in enumerate(options, start=1):
            self.tell(msg("interview.option", number=number, option=option))
        while True:
            answer = fold(self.ask(msg("interview.number")))
            if answer.isdigit() and 1 <= int(answer) <= len(options):
                return int(answer) - 1
            self.tell(msg("interview.indent", message=msg("interview.range", n=len(options))))

    def yes(self, question: Msg) -> bool:
        while True:
            answer = fold(self.ask(msg("interview.yes_no", question=question)))
            if answer in NO:
                return False
            if answer in YES:
                return True
            self.tell(msg("interview.indent", message=msg("interview.answer_yes_no")))

    def profile(self, guide: Guide, procedure: str, circumstances: tuple[Facet, ...]) -> set[Facet]:
        """Ask only about the situations this region's data distinguishes for this procedure."""
        relevant = relevant_facets(guide, procedure)
        answers: set[Facet] = set()
        situations = [facet for facet in SITUATIONS if facet in relevant]
        if situations:
            options = [msg("interview.adult"), *(keyed("facet", f) for f in situations)]
            chosen = self.choice(msg("interview.who"), options)
            if chosen:
                answers.add(situations[chosen - 1])
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
        return answers

    def one_of(self, circumstances: tuple[Facet, ...]) -> Facet:
        options = [keyed("facet", f) for f in circumstances]
        return circumstances[self.choice(msg("interview.which"), options)]
