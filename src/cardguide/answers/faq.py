"""Searching the sources' questions and answers in English or Chinese, best match first."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

import msgspec

from cardguide.match.pick import Placed
from cardguide.model.region import Faq
from cardguide.places.names import han_runs
from cardguide.wording.text import Text

if TYPE_CHECKING:
    from snowballstemmer.basestemmer import BaseStemmer

_WORD = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset(
    {
        "a", "an", "and", "are", "be", "can", "do", "does", "for", "from", "have", "how", "i",
        "if", "in", "is", "it", "my", "me", "of", "on", "or", "so", "the", "to", "what", "when",
        "where", "which", "who", "will", "with", "you", "your",
    }
)  # fmt: skip
# A hit in the question or keywords says more about relevance than one in the answer, and a
# word or character pair says more than a single Chinese character.
QUESTION_WEIGHT = 3
TERM_WEIGHT = 2
# Matches scoring under this share of the best one are noise (a common character such as 卡).
CUTOFF = 1 / 3


@cache
def _stemmer() -> BaseStemmer:
    import snowballstemmer  # ~17 ms; only `faq` pays for it

    return snowballstemmer.stemmer("english")


def terms(text: str) -> frozenset[str]:
    """Search terms: stemmed English words, and Chinese as overlapping character pairs."""
    words = [w for w in _WORD.findall(text.casefold()) if w not in _STOPWORDS]
    found = set(_stemmer().stemWords(words))
    for run in han_runs().findall(text):
        # Chinese has no spaces: pairs of characters match words without a dictionary, and
        # single characters catch colloquial phrasing (弄丢了 still shares 丢 with 丢失).
        found.update(run[i : i + 2] for i in range(len(run) - 1))
        found.update(run)
    return frozenset(found)


def _weight(term: str) -> int:
    return 1 if len(term) == 1 and han_runs().match(term) else TERM_WEIGHT


class Match(msgspec.Struct, frozen=True):
    placed: Placed
    score: int


def search(entries: list[Placed], query: str | None, chain: list[str]) -> list[Match]:
    """Entries matching the query, best first (all of them, in order, without a query).

    On equal scores the answer from the nearer region comes first: it is the more specific.
    """
    if not query or not query.strip():
        return [Match(placed, 0) for placed in entries]
    wanted = terms(query)
    matches: list[Match] = []
    for placed in entries:
        faq = placed.item
        assert isinstance(faq, Faq)
        asked = terms(" ".join([*_texts(faq.question), *faq.keywords]))
        answered = terms(" ".join(_texts(faq.answer)))
        score = sum(
            _weight(term) * (QUESTION_WEIGHT if term in asked else 1)
            for term in wanted & (asked | answered)
        )
        if score:
            matches.append(Match(placed, score))
    best = max((match.score for match in matches), default=0)
    # sorted() is stable: equal scores from one region keep the guide's order.
    return sorted(
        (match for match in matches if match.score >= best * CUTOFF),
        key=lambda match: (-match.score, chain.index(match.placed.origin)),
    )


def _texts(text: Text) -> list[str]:
    return [value for value in (text.en, text.zh) if value]
