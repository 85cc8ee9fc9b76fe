"""The rules a region file must pass on its own: on every load, and translations by validate."""

from __future__ import annotations

from collections.abc import Iterator

from cardguide.errors import Diagnostic
from cardguide.load.loader import Layer, iter_items, iter_texts
from cardguide.load.sourcemap import KeyPath
from cardguide.model.profile import overlap
from cardguide.model.region import KIND_CAP, STATUS_RANK, Item
from cardguide.wording import join, keyed, msg
from cardguide.wording.escape import has_controls
from cardguide.wording.text import LANGS, Lang, Text, revision

# The longest text in one language: the longest shipped one has under 1,000 characters, and a
# checklist item is read at a counter, not a document.
MAX_TEXT_CHARS = 5000


def check_layer(layer: Layer) -> Iterator[Diagnostic]:
    """Rules that need only this file (the chain-wide ones live in resolve)."""
    yield from name_problems(layer)
    yield from content_problems(layer)


def name_problems(layer: Layer) -> Iterator[Diagnostic]:
    """The one rule that depends on the file's name, not its bytes: checked on every load,
    since a compiled form is found by the bytes alone."""
    region, file = layer.region, layer.file
    if region.id != file.stem:
        mismatch = msg("check.id_file", id=region.id, file=file.name)
        yield layer.diagnostic("CG006", mismatch, ("id",))


def content_problems(layer: Layer) -> Iterator[Diagnostic]:
    """Rules on the file's content alone, the same for the same bytes wherever they are."""
    region = layer.region
    if region.level == "national" and region.parent is not None:
        yield layer.diagnostic("CG021", msg("check.national_parent"), ("parent",))
    if region.level != "national" and region.parent is None:
        yield layer.diagnostic("CG005", msg("check.no_parent"), ())

    seen_sources: set[str] = set()
    for index, source in enumerate(region.sources):
        if source.id in seen_sources:
            twice = msg("check.source_twice", id=source.id)
            yield layer.diagnostic("CG009", twice, ("sources", index, "id"))
        seen_sources.add(source.id)
        cap = KIND_CAP[source.kind]
        if STATUS_RANK[source.status] > STATUS_RANK[cap]:
            above = msg(
                "check.source_kind", id=source.id, kind=keyed("source_kind", source.kind),
                cap=cap, status=source.status,
            )  # fmt: skip
            yield layer.diagnostic("CG034", above, ("sources", index, "status"))

    # An id may have several versions in a section, each for different people; two versions
    # that could both apply to one applicant are a duplicate.
    versions: dict[tuple[str, str, str], list[Item]] = {}
    for procedure, kind, path, item in iter_items(region):
        earlier = versions.setdefault((procedure, kind, item.id), [])
        for other in earlier:
            if (shared := overlap(other.when, item.when)) is not None:
                both_apply = msg(
                    "check.versions_overlap", id=item.id, section=f"{procedure}.{kind}",
                    profile=shared.describe(),
                )  # fmt: skip
                yield layer.diagnostic("CG009", both_apply, (*path, "id"))
                break
        earlier.append(item)
        rule = getattr(item, "rule", None)
        for number, period in enumerate(rule.periods if rule is not None else []):
            units = [period.days, period.months, period.working_days]
            if sum(unit is not None for unit in units) != 1:
                yield layer.diagnostic(
                    "CG004", msg("check.period_units"), (*path, "rule", "periods", number)
                )
        if item.before is not None and item.after is not None:
            yield layer.diagnostic("CG004", msg("check.before_after"), (*path, "after"))

    for path, text in iter_texts(region):
        yield from _declared_languages(layer, path, text)
        for lang in text.languages():
            words = getattr(text, lang)
            if has_controls(words):
                yield layer.diagnostic("CG023", msg("check.control"), (*path, lang))
            if len(words) > MAX_TEXT_CHARS:
                too_long = msg("check.too_long", length=len(words), limit=MAX_TEXT_CHARS)
                yield layer.diagnostic("CG032", too_long, (*path, lang))
    for index, alias in enumerate(region.aliases):
        if has_controls(alias):
            yield layer.diagnostic("CG023", msg("check.control_alias"), ("aliases", index))


def _declared_languages(layer: Layer, path: KeyPath, text: Text) -> Iterator[Diagnostic]:
    """A text that lacks a language its file declares: the file promises what it lacks."""
    declared = layer.region.languages
    for lang in declared:
        if not text.has(lang):
            lacks = msg("check.lacks_declared", lang=keyed("language", lang), declared=join(
                keyed("language", d) for d in declared
            ))  # fmt: skip
            yield layer.diagnostic("CG014", lacks, path)


# Names are proper names in two scripts rather than translations of each other.
_NOT_TRANSLATED = ("names", "full_names")


def translation_problems(layer: Layer) -> Iterator[Diagnostic]:
    """What only `validate` checks about translations: missing, stale or unrecorded ones.

    These are warnings (`validate --strict` fails on them), so a help desk's overlay written in
    one language still works; a malformed revision record is an error. A text lacking a
    language its file declares is an error that `check_layer` reports on every load.
    """
    for path, text in iter_texts(layer.region):
        for lang in LANGS:
            if not text.has(lang) and lang not in layer.region.languages:
                lacks = msg("check.lacks", lang=keyed("language", lang))
                yield layer.diagnostic("CG014", lacks, path).as_warning()
        if path[:1] in [(name,) for name in _NOT_TRANSLATED]:
            continue
        yield from _revision_problems(layer, path, text)


def _other(lang: Lang) -> Lang:
    return next(other for other in LANGS if other != lang)


def _revision_problems(layer: Layer, path: KeyPath, text: Text) -> Iterator[Diagnostic]:
    records = {lang: getattr(text, f"{lang}_of") for lang in LANGS}
    given = [lang for lang, record in records.items() if record is not None]
    if len(given) > 1:
        yield layer.diagnostic("CG004", msg("check.two_records"), (*path, f"{given[1]}_of"))
        return
    if len(text.languages()) < len(LANGS):
        for lang in given:
            stray = msg("check.record_alone", key_name=f"{lang}_of")
            yield layer.diagnostic("CG004", stray, (*path, f"{lang}_of"))
        return
    for lang in given:
        source = _other(lang)
        current = revision(getattr(text, source))
        if records[lang] != current:
            stale = msg(
                "check.stale", lang=keyed("language", lang), source=keyed("language", source),
                old=records[lang], new=current, key_name=f"{lang}_of",
            )  # fmt: skip
            yield layer.diagnostic("CG026", stale, (*path, f"{lang}_of")).as_warning()
    if not given:
        unrecorded = msg("check.unrecorded", new=revision(text.en or ""))
        yield layer.diagnostic("CG027", unrecorded, (*path, "zh")).as_warning()
