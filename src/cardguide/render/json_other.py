"""The JSON of check, regions, validate and batch records, as msgspec structs."""

# Imported only by the commands that print these, and by `schema --output`; see json_shape.

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal

from msgspec import UNSET, Meta, UnsetType

from cardguide.errors import Severity
from cardguide.model.region import Event
from cardguide.render.json_checklist import PLACED, PLACED_STRUCTS, CanApply, DeadlineVerdict, Why
from cardguide.render.json_shape import (
    ORIGIN,
    AboutRegion,
    Day,
    Document,
    Out,
    Profile,
    Region,
    Review,
    SchemaVersion,
    Source,
    Words,
    any_struct,
    one_of,
)

# To a type checker the struct is only a struct: its fields come from the model.
if TYPE_CHECKING:
    AnyPlaced = Out
else:
    AnyPlaced = any_struct("Placed", (*ORIGIN, *PLACED, ("why", Why | UnsetType, UNSET)))
# A chosen item in a list that mixes kinds (a check's related facts): decoded as the struct of
# any kind, published as one of the kinds'.
SomePlaced = Annotated[AnyPlaced, one_of(PLACED_STRUCTS.values())]


class Check(AboutRegion):
    """Answers computed from the dates a person gave, with the rules behind them."""

    kind: Literal["check"]
    profile: Profile
    today: Day
    events: dict[Event, Day]
    answers: list[DeadlineVerdict]
    related: list[SomePlaced]  # facts about these dates that compute nothing
    can_apply: CanApply | None  # with --can-apply
    sources: list[Source]
    reviews: list[Review]


class Diagnostic(Out):
    """One finding about a data file, positioned as precisely as the file allows."""

    file: str
    line: int | None
    column: int | None
    code: Annotated[str, Meta(pattern=r"^CG\d{3}$")]
    severity: Severity
    message: Words
    keypath: str


class Regions(Document):
    """Every region, parents before children."""

    kind: Literal["regions"]
    regions: list[Region]
    left_out: list[Diagnostic]  # files left out of the list (a syntax error, a cycle), with why
    reviews: list[Review]


class Validation(Document):
    """What `validate` found in the files it read."""

    kind: Literal["validation"]
    files: list[str]
    errors: int
    warnings: int
    diagnostics: list[Diagnostic]


class BatchMessage(Out):
    """Why a row failed: the catalog code, when there is one, and every language."""

    code: str | None
    en: str
    zh: str


class BatchError(Out):
    """A row that failed: the exit code its command would have had, and the field at fault."""

    exit_code: int
    field: str | None
    message: BatchMessage


class BatchRecord(Out, kw_only=True):
    """One line of `batch` output: a row, and its result, the file it went to, or its error."""

    schema_version: SchemaVersion
    kind: Literal["batch"]
    row: Annotated[int, Meta(ge=1)]
    line: Annotated[int, Meta(ge=1)]
    args: list[str]
    ok: bool
    file: str | UnsetType = UNSET  # with --output-dir: where the row's page went
    error: BatchError | UnsetType = UNSET
    # The row's document, a JSON document of its own kind; the writer adds it, already encoded.
    result: dict[str, Any] | UnsetType = UNSET


# Exactly one of a record's last three fields is there.
BATCH_ONE_OF = [{"required": [one]} for one in ("result", "file", "error")]
