"""Text in one or more languages, as region files and the catalog hold it."""

# No `from __future__ import annotations` here, on purpose: msgspec reads these annotations to
# decode region files in every run, and evaluated ones cost less than strings (see model).

import typing
from typing import Annotated, Literal

from msgspec import Meta, Struct

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = typing.get_args(Lang)


# The revision of a text: eight letters derived from the SHA-256 of its words (see `revision`).
Revision = Annotated[str, Meta(pattern=r"^[a-z]{8}$")]


class Text(Struct, forbid_unknown_fields=True, kw_only=True, omit_defaults=True):
    """A piece of text in one or more languages, with the revision each translation follows.

    `zh_of` says that the Chinese translates the English at that revision (`en_of` the other
    way round), so an edit to the English shows the Chinese as stale until it is checked.
    """

    en: str | None = None
    zh: str | None = None
    zh_of: Revision | None = None
    en_of: Revision | None = None

    def get(self, lang: Lang = "en") -> str:
        """The text in `lang`, falling back to any language that is present."""
        for value in (getattr(self, lang), self.en, self.zh):
            if value:
                return value
        return ""

    def has(self, lang: Lang) -> bool:
        return bool(getattr(self, lang))

    def languages(self) -> tuple[Lang, ...]:
        return tuple(lang for lang in LANGS if getattr(self, lang))


def revision(words: str) -> str:
    """A short fingerprint of a text; reflowing its lines or spaces does not change it."""
    import hashlib  # only `validate` and the stamping script compute revisions

    normal = " ".join(words.split())
    digest = hashlib.sha256(normal.encode("utf-8")).digest()
    # Letters only: YAML reads 8 hex digits such as 12345678 or 1e500000 as numbers.
    return "".join(chr(ord("a") + byte % 26) for byte in digest[:8])
