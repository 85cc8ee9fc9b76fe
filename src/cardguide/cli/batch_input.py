"""A batch file's text: from a path or stdin, in UTF-8, GB18030 or the encoding given."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import TextIO

import msgspec

from cardguide.errors import DataError, UsageProblem
from cardguide.wording import Msg, msg

# What Excel and WPS save "CSV" as on Chinese Windows is GBK; GB18030 is a superset of it.
GUESSED = "gb18030"
MAX_BYTES = 64 * 1024 * 1024  # room for a help desk's day of rows, never a whole disk


class Input(msgspec.Struct, frozen=True):
    """The text, and the encoding it was read in when that was a guess other than UTF-8."""

    text: str
    guessed: str | None = None


def encoding_named(name: str) -> str:
    """The codec's own name for `--encoding`; an unknown name is a usage error."""
    try:
        "".encode(name)  # a codec that is not text to bytes (base64, zlib) refuses even this
        return codecs.lookup(name).name
    except (LookupError, UnicodeError):  # UnicodeError: the `undefined` codec, which refuses all
        raise UsageProblem(msg("batch.encoding_unknown", encoding=name)) from None


def named(file: str) -> object:
    """The batch file as messages name it: its path, or standard input for `-`."""
    return msg("batch.stdin") if file == "-" else file


def shown(encoding: str) -> str:
    """An encoding as people see it in a "Save as" dialog: UTF-8, GB18030, GBK."""
    return encoding.upper()


def read_input(file: str, stdin: TextIO, encoding: str | None = None) -> Input:
    """The batch file's text: a path, or stdin for `-`; never a FIFO or a device by name.

    With `encoding` (a name `encoding_named` accepted) the bytes must be in it. Without, UTF-8
    when they are (its byte-order mark is dropped with the other leading blanks), else GB18030.
    """
    raw = _bytes(file, stdin)
    if isinstance(raw, str):  # a stdin that is text only (no bytes beneath): already decoded
        return Input(raw)
    name = named(file)
    if encoding is not None:
        return Input(_decoded(raw, encoding, name))
    try:
        return Input(raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        return Input(raw.decode(GUESSED), GUESSED)
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise UsageProblem(msg("batch.undecodable", file=name, line=line)) from None


def _bytes(file: str, stdin: TextIO) -> bytes | str:
    if file == "-":
        if stdin is None:  # started with stdin closed
            return b""
        buffer = getattr(stdin, "buffer", None)
        # Read one byte past the limit to know it was passed, never a whole endless stream.
        raw = stdin.read(MAX_BYTES + 1) if buffer is None else bytes(buffer.read(MAX_BYTES + 1))
        if len(raw) > MAX_BYTES:
            raise UsageProblem(msg("batch.too_big", limit=MAX_BYTES // (1024 * 1024)))
        return raw
    from cardguide.load.loader import read_file

    try:
        return read_file(Path(file), MAX_BYTES)
    except DataError as error:
        raise UsageProblem(msg("batch.unreadable", file=file, problem=error.message)) from None


def _decoded(raw: bytes, encoding: str, name: object) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeError as error:  # some codecs (idna) raise the base class, with no position
        line = raw.count(b"\n", 0, getattr(error, "start", 0)) + 1
        wrong: Msg = msg("batch.not_in_encoding", file=name, encoding=shown(encoding), line=line)
        raise UsageProblem(wrong) from None
