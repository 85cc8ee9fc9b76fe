"""Compiled region files: found by the digest of the file's bytes, so never served stale."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import msgspec
import pytest

from cardguide.load import compiled, dirindex
from cardguide.load.catalog import Catalog, shipped_dir
from cardguide.load.checked import build_shipped, load_layer
from cardguide.load.loader import decode_layer, read_file
from cardguide.wording.text import revision

from .conftest import Invoke, Run
from .test_overlays import NEW_DISTRICT, NINGBO_OVERRIDE


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with an empty cache of its own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


# A district of Ningbo with a file of its own, as a help desk might keep one.
LOCAL = NEW_DISTRICT


@pytest.fixture
def settle(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """A clock tick of 50 ms instead of two seconds, and a wait past it: what was written
    before the wait, a local directory's index then trusts."""
    monkeypatch.setattr(dirindex, "TICK_NS", 50_000_000)
    return lambda: time.sleep(0.06)


def _stored(directory: Path) -> tuple[dirindex.Stored, dict[str, dirindex.Record]]:
    """A local directory's index as it is kept, and its records by region id."""
    kept = dirindex.index_file(str(directory.resolve()))
    stored = msgspec.msgpack.decode(kept.read_bytes(), type=dirindex.Stored)
    assert stored.listing is not None
    assert {path for _id, path in stored.listing.files} <= {str(p) for p in directory.iterdir()}
    records = msgspec.msgpack.decode(stored.records, type=dict[str, dirindex.Record])
    return stored, records


def test_a_wheel_carries_a_compiled_form_of_every_shipped_file_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What hatch_build.py puts into the wheel, read as an installed command reads it."""
    count = build_shipped(shipped_dir(), tmp_path / "compiled")
    monkeypatch.setattr(compiled, "SHIPPED", tmp_path / "compiled")
    files = sorted(shipped_dir().glob("*.yaml"))
    assert count == len(files)
    for file in files:
        raw = read_file(file)
        assert compiled.load(raw) == decode_layer(file).region, file.name
    wanted = {f"{compiled.digest(read_file(file))}.msgpack" for file in files}
    assert {p.name for p in (tmp_path / "compiled").glob("*.msgpack")} == wanted


def _local(tmp_path: Path, body: str = LOCAL) -> Path:
    directory = tmp_path / "local"
    directory.mkdir(exist_ok=True)
    path = directory / "haishu.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_a_local_file_is_compiled_once_it_loads_and_its_edits_are_never_missed(
    tmp_path: Path, invoke: Invoke
) -> None:
    path = _local(tmp_path)
    args = ["apply", "--region", "haishu", "--data-dir", str(path.parent), "--format", "json"]
    assert compiled.load(path.read_bytes()) is None
    first = invoke(args)
    assert (first.exit_code, first.stderr) == (0, ""), first.stderr
    assert first.json()["region"]["id"] == "haishu"
    assert compiled.load(path.read_bytes()) is not None  # in the cache now
    path.write_text(LOCAL.replace("on weekdays", "on Saturdays"), encoding="utf-8")
    second = invoke(args)
    assert (second.exit_code, second.stderr) == (0, "")
    notes = [n["text"]["en"] for n in second.json()["notes"] if n["id"] == "hall-hours"]
    assert notes == ["The district service hall takes card applications on Saturdays."]


def test_a_damaged_cache_file_is_read_again_from_the_yaml(tmp_path: Path) -> None:
    path = _local(tmp_path)
    layer = load_layer(path, overlay=True)
    cached = compiled.cache_dir() / f"{compiled.digest(path.read_bytes())}.msgpack"
    cached.write_bytes(b"\x00not msgpack")
    assert load_layer(path, overlay=True).region == layer.region


def test_a_file_with_a_problem_is_never_compiled(tmp_path: Path, invoke: Invoke) -> None:
    too_long = "on weekdays" + " and more" * 600  # over the 5,000 characters a text may have
    path = _local(tmp_path, LOCAL.replace("on weekdays", too_long))
    args = ["apply", "--region", "haishu", "--data-dir", str(path.parent)]
    for _ in range(2):  # the second run finds the problem again: nothing was cached
        run = invoke(args)
        assert (run.exit_code, run.stdout) == (1, "")
        assert "CG032" in run.stderr
        assert run.stderr == (
            f"cardguide: error: {path}:15:20: CG032 a text of 5462 characters; texts are "
            "limited to 5000 characters (at procedures.apply.notes[0].text.en)\n"
        )
    assert compiled.load(path.read_bytes()) is None


def test_a_problem_found_against_the_parents_names_the_same_line_when_the_file_is_compiled(
    tmp_path: Path, invoke: Invoke
) -> None:
    # The note cites a source no file defines: the file alone passes its checks and is
    # compiled, and the problem shows only once its parents are read.
    cites = "sources: [local:haishu-desk, seed:nowhere]"
    path = _local(tmp_path, LOCAL.replace("sources: [local:haishu-desk]", cites))
    args = ["apply", "--region", "haishu", "--data-dir", str(path.parent), "--lang", "en"]
    first = invoke(args)
    assert compiled.load(path.read_bytes()) is not None  # the second run reads it compiled
    second = invoke(args)
    for run in (first, second):
        assert run.exit_code == 1
        assert run.stdout == ""
        assert run.stderr == (
            f"cardguide: error: {path}:16:38: CG012 source 'seed:nowhere' is not defined in "
            "this file or a parent region (at procedures.apply.notes[0].sources[1])\n"
        )


def test_an_unwritable_cache_only_means_parsing_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache directory would go", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    path = _local(tmp_path)
    assert load_layer(path, overlay=True).region.id == "haishu"
    assert compiled.load(path.read_bytes()) is None


def test_listing_local_regions_keeps_their_headers_and_sees_every_edit(
    tmp_path: Path, invoke: Invoke, settle: Callable[[], None]
) -> None:
    path = _local(tmp_path)
    settle()
    args = ["regions", "--data-dir", str(path.parent), "--format", "json"]

    def haishu() -> dict[str, object]:
        run = invoke(args)
        assert (run.exit_code, run.stderr) == (0, ""), run.stderr
        found: list[dict[str, object]] = [r for r in run.json()["regions"] if r["id"] == "haishu"]
        return found[0]

    assert haishu()["names"] == {"en": "Haishu", "zh": "海曙"}
    assert list(_stored(path.parent)[1]) == ["haishu"]  # the directory's index, for the next run
    path.write_text(LOCAL.replace("zh: 海曙}", "zh: 海曙区}"), encoding="utf-8")
    assert haishu()["names"] == {"en": "Haishu", "zh": "海曙区"}  # the edit is seen at once
    renamed = invoke(["apply", "-r", "海曙区", "--data-dir", str(path.parent), "-f", "json"])
    assert (renamed.exit_code, renamed.stderr) == (0, "")
    assert renamed.json()["region"]["id"] == "haishu"


def test_a_broken_local_file_is_named_in_every_listing(tmp_path: Path, invoke: Invoke) -> None:
    path = _local(tmp_path, LOCAL.replace("level: county", "level: [county"))
    for _ in range(2):  # nothing was kept for it: the second listing finds it broken again
        run = invoke(["regions", "--data-dir", str(path.parent), "--format", "json"])
        assert run.exit_code == 0
        assert [p["code"] for p in run.json()["left_out"]] == ["CG001"]
        # The parser's own explanation follows; its wording is PyYAML's, not ours to pin.
        said = f"cardguide: warning: left out of the list: {path}:3:7: CG001 "
        assert run.stderr.startswith(said)
        assert run.stderr.count("\n") == 1


def test_a_copy_of_a_compiled_file_under_another_name_is_still_refused(
    tmp_path: Path, invoke: Invoke
) -> None:
    local = tmp_path / "local"
    local.mkdir()
    (local / "cixi.yaml").write_bytes((shipped_dir() / "ningbo.yaml").read_bytes())
    Catalog().layer("ningbo")  # compiled now, if it was not yet
    assert compiled.load((local / "cixi.yaml").read_bytes()) is not None  # the bytes are known
    run = invoke(["apply", "--region", "cixi", "--data-dir", str(local)])
    assert (run.exit_code, run.stdout) == (1, "")
    assert "CG006" in run.stderr
    lines = (local / "cixi.yaml").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if text.startswith("id:"))
    assert run.stderr == (
        f"cardguide: error: {local / 'cixi.yaml'}:{line}:5: CG006 region id 'ningbo' does not "
        "match the file name 'cixi.yaml' (at id)\n"
    )


def _clean() -> str:
    """The local file in both languages, translations stamped: no warning at all."""
    title = "Haishu service hall notice board, November 2026"
    note = "The hall takes applications on weekdays."
    return (
        LOCAL.replace("last_reviewed:", "languages: [en, zh]\nlast_reviewed:")
        .replace(
            f'{{en: "{title}"}}', f'{{en: "{title}", zh_of: {revision(title)}, zh: 海曙公告栏}}'
        )
        .replace(
            "{en: The district service hall takes card applications on weekdays.}",
            f"{{en: {note}, zh_of: {revision(note)}, zh: 服务大厅工作日受理申领。}}",
        )
    )


def test_validate_remembers_clean_bytes_and_never_their_file_names_or_dates(
    tmp_path: Path, invoke: Invoke
) -> None:
    path = _local(tmp_path, _clean())
    args = ["validate", str(path), "--format", "json", "--today", "2026-11-23"]
    for _ in range(2):
        run = invoke(args)
        assert (run.exit_code, run.json()["diagnostics"]) == (0, [])
        assert run.stderr == "cardguide: 0 errors, 0 warnings in 1 file\n"
    assert compiled.ValidatedBytes().remember(path.read_bytes())
    # The same clean bytes, a year later: the review date is checked again, every time.
    late = invoke([*args[:-1], "2028-01-01"])
    assert (late.exit_code, late.stderr) == (0, "cardguide: 0 errors, 1 warning in 1 file\n")
    assert [d["code"] for d in late.json()["diagnostics"]] == ["CG016"]
    # Under another name they still break the id rule.
    other = path.with_name("ximen.yaml")
    other.write_bytes(path.read_bytes())
    moved = invoke(["validate", str(other), "--format", "json", "--today", "2026-11-23"])
    assert (moved.exit_code, moved.stderr) == (1, "cardguide: 1 error, 0 warnings in 1 file\n")
    assert "CG006" in [d["code"] for d in moved.json()["diagnostics"]]
    # Bytes with a problem are never remembered: every run reports it.
    path.write_text(
        path.read_text().replace(
            "uncertain\n    kind: unofficial\nprocedures", "guess\n    kind: unofficial\nprocedures"
        )
    )
    for _ in range(2):
        broken = invoke(args)
        assert broken.exit_code == 1
        assert broken.stderr == "cardguide: 1 error, 0 warnings in 1 file\n"
        assert [d["code"] for d in broken.json()["diagnostics"]] == ["CG013"]
    assert not compiled.ValidatedBytes().remember(path.read_bytes())


def _clean_validation(tmp_path: Path, invoke: Invoke) -> tuple[Path, Path, Callable[[], None]]:
    """A clean local file, where the list of remembered bytes goes, and a check that validating
    the file passes with nothing to say."""
    path = _local(tmp_path, _clean())
    listed = compiled.cache_root() / "validated.list"
    listed.parent.mkdir(parents=True)
    args = ["validate", str(path), "--format", "json", "--today", "2026-11-23"]

    def passes() -> None:
        run = invoke(args)
        summary = "cardguide: 0 errors, 0 warnings in 1 file\n"
        assert (run.exit_code, run.json()["diagnostics"], run.stderr) == (0, [], summary)

    return path, listed, passes


def test_a_damaged_list_of_remembered_bytes_costs_only_the_work_again(
    tmp_path: Path, invoke: Invoke
) -> None:
    path, listed, passes = _clean_validation(tmp_path, invoke)
    listed.write_bytes(b"\xff\xfe not a digest\n" + b"0" * 31 + b"\x00" * 40)
    for _ in range(2):
        passes()
    assert compiled.ValidatedBytes().remember(path.read_bytes())


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and links as POSIX has them")
def test_a_fifo_or_a_link_in_place_of_the_list_of_remembered_bytes_is_left_alone(
    tmp_path: Path, invoke: Invoke
) -> None:
    _path, listed, passes = _clean_validation(tmp_path, invoke)
    os.mkfifo(listed)  # opening it to write would wait for a reader for ever
    passes()
    listed.unlink()
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("kept as it is\n", encoding="utf-8")
    listed.symlink_to(elsewhere)
    passes()
    assert elsewhere.read_text(encoding="utf-8") == "kept as it is\n"


def test_files_that_are_gone_are_forgotten_and_broken_ones_never_kept(
    tmp_path: Path, invoke: Invoke, settle: Callable[[], None]
) -> None:
    path = _local(tmp_path)
    twin = path.with_name("ximen.yaml")
    twin.write_text(LOCAL.replace("id: haishu", "id: ximen"), encoding="utf-8")
    settle()
    args = ["regions", "--data-dir", str(path.parent), "--format", "json"]
    both = invoke(args)
    assert (both.exit_code, both.stderr) == (0, "")
    assert {"haishu", "ximen"} <= {r["id"] for r in both.json()["regions"]}
    assert sorted(_stored(path.parent)[1]) == ["haishu", "ximen"]
    twin.unlink()
    settle()
    gone = invoke(args)
    assert (gone.exit_code, gone.stderr) == (0, "")
    assert [r["id"] for r in gone.json()["regions"]].count("ximen") == 0
    assert sorted(_stored(path.parent)[1]) == ["haishu"]
    path.write_text(LOCAL.replace("level: county", "level: [county"), encoding="utf-8")
    broken = invoke(args)
    # The parser's own explanation follows; its wording is PyYAML's, not ours to pin.
    said = f"cardguide: warning: left out of the list: {path}:3:7: CG001 "
    assert (broken.exit_code, broken.stderr[: len(said)], broken.stderr.count("\n")) == (0, said, 1)
    assert [p["code"] for p in broken.json()["left_out"]] == ["CG001"]
    assert _stored(path.parent)[1] == {}  # its last good header is not kept either


def test_a_name_lookup_sees_renames_and_new_files_once_the_index_is_trusted(
    tmp_path: Path, invoke: Invoke, settle: Callable[[], None]
) -> None:
    path = _local(tmp_path)
    local = str(path.parent)

    def lookup(name: str) -> Run:
        run = invoke(["apply", "--region", name, "--data-dir", local, "--format", "json"])
        assert (run.exit_code, run.stderr) == (0, "")
        return run

    settle()
    assert lookup("海曙").json()["region"]["id"] == "haishu"  # the index is written here
    assert "haishu" in _stored(path.parent)[1]
    assert lookup("海曙").json()["region"]["id"] == "haishu"  # and trusted here
    path.write_text(LOCAL.replace("zh: 海曙}", "zh: 海曙旧城}"), encoding="utf-8")
    assert lookup("海曙旧城").json()["region"]["id"] == "haishu"
    (path.parent / "ximen.yaml").write_text(
        LOCAL.replace("id: haishu", "id: ximen").replace("zh: 海曙}", "zh: 西门}"), encoding="utf-8"
    )
    assert lookup("西门").json()["region"]["id"] == "ximen"


def test_a_name_two_local_regions_share_goes_to_the_same_one_with_or_without_an_index(
    tmp_path: Path, invoke: Invoke, settle: Callable[[], None]
) -> None:
    local = tmp_path / "local"
    local.mkdir()
    for region_id in ("zhaobei", "azhao", "mzhao"):  # not in id order on disk, most likely
        body = LOCAL.replace("id: haishu", f"id: {region_id}").replace("zh: 海曙}", "zh: 赵家}")
        (local / f"{region_id}.yaml").write_text(body, encoding="utf-8")
    args = ["apply", "--region", "赵家", "--data-dir", str(local), "--format", "json"]
    settle()
    first = invoke(args)  # reads the headers and writes the index
    second = invoke(args)  # from the index
    assert (first.exit_code, first.stderr) == (0, "")
    assert (second.exit_code, second.stderr) == (0, "")
    assert first.json()["region"]["id"] == second.json()["region"]["id"] == "azhao"


def test_a_name_stays_with_the_first_region_in_id_order_that_has_it_as_files_change(
    tmp_path: Path, invoke: Invoke, settle: Callable[[], None]
) -> None:
    local = tmp_path / "local"
    local.mkdir()

    def region(region_id: str, zh: str) -> None:  # written in place, as an editor may
        body = LOCAL.replace("id: haishu", f"id: {region_id}").replace("zh: 海曙}", f"zh: {zh}}}")
        (local / f"{region_id}.yaml").write_text(body, encoding="utf-8")

    def shown() -> object:
        run = invoke(["apply", "--region", "宁波", "--data-dir", str(local), "--format", "json"])
        assert (run.exit_code, run.stderr) == (0, "")
        return run.json()["region"]["id"]

    region("anji", "安吉")
    region("yinzhou", "鄞州")
    settle()
    assert shown() == "ningbo"  # reads the headers, writes the index
    # A region after ningbo in id order cannot take its name (a lookup reads no file after
    # the answer).
    region("yinzhou", "宁波")
    assert shown() == "ningbo"
    # One before it can, and does once its file says so.
    region("anji", "宁波")
    assert shown() == "anji"


def test_a_name_looked_up_alone_goes_where_the_whole_gazetteer_sends_it(tmp_path: Path) -> None:
    """A name lookup reads regions in id order only up to its answer; every name of every
    region must still go where the gazetteer built from all of them sends it."""
    local = tmp_path / "local"
    local.mkdir()
    override = NINGBO_OVERRIDE.replace("zh: 宁波}", "zh: 宁波}\naliases: [西门, 杭州]")
    (local / "ningbo.yaml").write_text(override, encoding="utf-8")
    for region_id, zh in (("aaa", "西门"), ("zzz", "宁波"), ("haishu", "海曙"), ("yyy", "海曙")):
        body = LOCAL.replace("id: haishu", f"id: {region_id}").replace("zh: 海曙}", f"zh: {zh}}}")
        (local / f"{region_id}.yaml").write_text(body, encoding="utf-8")
    (local / "bad.yaml").write_text("id: bad\nnames: {en: B\n", encoding="utf-8")
    whole = Catalog(overlays=[local]).gazetteer().index
    assert whole["西门"] == "aaa"
    assert whole["杭州"] == "hangzhou"  # the shipped region comes first in id order
    lookups = Catalog(overlays=[local])
    assert {key: lookups.locate(key).region for key in whole if key not in lookups.ids()} == {
        key: region for key, region in whole.items() if key not in lookups.ids()
    }


def test_a_change_within_the_clock_tick_of_the_index_is_seen(
    tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A change in the same tick of a file system's clock leaves a stamp as it was. Here the
    clock stops for haishu and the directory, as the test starts; yinzhou's file is an hour
    old, so the first run writes the index. It must not trust what it read of the others."""
    path = _local(tmp_path)
    (path.parent / "yinzhou.yaml").write_text(LOCAL.replace("id: haishu", "id: yinzhou"), "utf-8")
    stopped, old = time.time_ns(), time.time_ns() - 3600 * 10**9
    stamp, directory_stamp = dirindex._stamp, dirindex._directory_stamp

    def stamped(file: str) -> list[int]:
        at = stopped if file == str(path) else old
        return [at, at, *stamp(file)[2:]]

    monkeypatch.setattr(dirindex, "_stamp", stamped)
    monkeypatch.setattr(
        dirindex, "_directory_stamp", lambda d: [stopped, stopped, *directory_stamp(d)[2:]]
    )
    args = ["regions", "--data-dir", str(path.parent), "--format", "json"]
    first = invoke(args)
    assert (first.exit_code, first.stderr) == (0, "")
    assert {"haishu", "yinzhou"} <= {r["id"] for r in first.json()["regions"]}
    assert sorted(_stored(path.parent)[1]) == ["haishu", "yinzhou"]
    # The same size and inode: only the stopped clock's stamps could tell, and they cannot.
    path.write_text(LOCAL.replace("zh: 海曙}", "zh: 鄞州}"), encoding="utf-8")
    (path.parent / "ximen.yaml").write_text(LOCAL.replace("id: haishu", "id: ximen"), "utf-8")
    again = invoke(args)
    assert (again.exit_code, again.stderr) == (0, "")
    run = again.json()["regions"]
    assert [r["names"]["zh"] for r in run if r["id"] == "haishu"] == ["鄞州"]
    assert "ximen" in [r["id"] for r in run]


def test_a_trusted_index_shows_new_and_removed_files_at_once(
    tmp_path: Path, invoke: Invoke, settle: Callable[[], None]
) -> None:
    path = _local(tmp_path)
    local = path.parent
    (local / "yinzhou.yaml").write_text(LOCAL.replace("id: haishu", "id: yinzhou"), "utf-8")
    settle()
    args = ["regions", "--data-dir", str(local), "--format", "json"]

    def listed() -> Run:
        run = invoke(args)
        assert run.exit_code == 0
        return run

    first = listed()
    assert first.stderr == ""
    assert {"haishu", "yinzhou"} <= {r["id"] for r in first.json()["regions"]}
    # Kept for the next run (benchmarks/mechanisms.py reports that it is not listed again).
    stored = _stored(local)[0]
    assert stored.listing is not None
    assert [region_id for region_id, _path in stored.listing.files] == ["haishu", "yinzhou"]
    trusted = listed()
    assert trusted.stderr == ""
    assert trusted.json() == first.json()  # from the index, trusted now
    # A new file, a backup and a removal change the directory: all are seen at once.
    (local / "ximen.yaml").write_text(LOCAL.replace("id: haishu", "id: ximen"), encoding="utf-8")
    (local / "haishu.old.yaml").write_text(LOCAL, encoding="utf-8")
    (local / "yinzhou.yaml").unlink()
    run = listed()
    ids = {r["id"] for r in run.json()["regions"]}
    assert {"haishu", "ximen"} <= ids
    assert "yinzhou" not in ids
    assert run.stderr.splitlines() == [
        f"cardguide: warning: skipped {local / 'haishu.old.yaml'}: a region file is a regular "
        "file named after its id (lowercase letters, digits and -, then .yaml)"
    ]


def test_a_linked_region_file_whose_target_goes_away_is_skipped_though_its_directory_is_as_it_was(
    tmp_path: Path, invoke: Invoke, settle: Callable[[], None]
) -> None:
    path = _local(tmp_path)
    local = path.parent
    shared = local / "shared"  # a link's target must lie in a data directory
    shared.mkdir()
    target = shared / "ximen-2026.yaml"
    target.write_text(LOCAL.replace("id: haishu", "id: ximen"), encoding="utf-8")
    (local / "ximen.yaml").symlink_to(target)
    settle()
    args = ["regions", "--data-dir", str(local), "--format", "json"]
    first = invoke(args)
    assert (first.exit_code, first.stderr) == (0, "")
    assert "ximen" in [r["id"] for r in first.json()["regions"]]
    target.unlink()  # changes shared/, not the directory holding the link
    run = invoke(args)
    assert run.exit_code == 0
    assert "ximen" not in [r["id"] for r in run.json()["regions"]]
    assert run.stderr.splitlines() == [
        f"cardguide: warning: skipped {local / 'ximen.yaml'}: a region file is a regular "
        "file named after its id (lowercase letters, digits and -, then .yaml)"
    ]


def test_a_name_whose_local_holder_is_gone_is_not_given_to_a_shipped_region_of_the_same_id(
    tmp_path: Path, invoke: Invoke
) -> None:
    local = tmp_path / "local"
    local.mkdir()
    override = NINGBO_OVERRIDE.replace("zh: 宁波}", "zh: 宁波}\naliases: [西门]")
    (local / "ningbo.yaml").write_text(override, encoding="utf-8")
    later = LOCAL.replace("id: haishu", "id: yinzhou").replace("zh: 海曙}", "zh: 西门}")
    (local / "yinzhou.yaml").write_text(later, encoding="utf-8")
    args = ["apply", "--region", "西门", "--data-dir", str(local), "--format", "json"]
    first = invoke(args)
    assert (first.exit_code, first.stderr) == (0, "")
    assert first.json()["region"]["id"] == "ningbo"  # the local ningbo, in the index
    (local / "ningbo.yaml").unlink()  # the shipped ningbo remains, without that name
    second = invoke(args)
    assert (second.exit_code, second.stderr) == (0, "")
    assert second.json()["region"]["id"] == "yinzhou"


def test_a_shipped_file_edited_after_its_directory_was_indexed_is_read_again(
    invoke: Invoke, regions_dir: Callable[..., Path], settle: Callable[[], None]
) -> None:
    """A source checkout where someone renames Ningbo in place, keeping the file's size and
    putting its modification time back: the shipped directory's index, written while the file
    was as shipped, does not keep the old name."""
    for file in shipped_dir().glob("*.yaml"):
        regions_dir(file.stem, file.read_bytes())
    ningbo = regions_dir("ningbo", (shipped_dir() / "ningbo.yaml").read_bytes())
    args = ["apply", "--region", "甬城", "--format", "json"]
    settle()
    unknown = invoke(args)
    assert unknown.exit_code == 1  # no place has that name; the index is written now
    assert (unknown.stdout, unknown.stderr) == (
        "",
        "cardguide: error: unknown region '甬城'; did you mean 龙城区 or 鼎城区 or 黎城县? "
        "(`cardguide regions` lists them all)\n",
    )
    assert "ningbo" in _stored(ningbo.parent)[1]
    before = ningbo.stat()
    text = ningbo.read_text(encoding="utf-8")
    renamed = text.replace("names: {en: Ningbo, zh: 宁波}", "names: {en: Ningbo, zh: 甬城}", 1)
    assert renamed != text
    assert len(renamed.encode("utf-8")) == before.st_size
    ningbo.write_text(renamed, encoding="utf-8")
    os.utime(ningbo, ns=(before.st_atime_ns, before.st_mtime_ns))
    run = invoke(args)
    assert (run.exit_code, run.stderr) == (0, "")
    assert run.json()["region"]["id"] == "ningbo"


def test_a_home_without_a_cache_folder_still_answers(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No XDG_CACHE_HOME, no LOCALAPPDATA and no home directory to be found (a service account
    without one): every command works as with a cache that cannot be written."""
    for variable in ("XDG_CACHE_HOME", "LOCALAPPDATA", "HOME", "USERPROFILE"):
        monkeypatch.delenv(variable, raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", no_home)
    lookup = ["apply", "--region", "宁波", "--format", "json"]
    for args in (["regions", "--format", "json"], lookup):
        run = invoke(args)
        assert (run.exit_code, run.stderr) == (0, "")
        assert run.json()["kind"] in ("regions", "checklist")


def test_a_shipped_link_that_leads_outside_is_named_but_refused_when_loaded(
    tmp_path: Path, invoke: Invoke, regions_dir: Callable[..., Path]
) -> None:
    """A shipped file that is a link out of the data directories (as a package manager that
    links files may leave it) keeps its name, so 慈溪 is never answered with another region's
    rules; loading it is refused."""
    for file in shipped_dir().glob("*.yaml"):
        regions_dir(file.stem, file.read_bytes())
    outside = tmp_path / "elsewhere" / "cixi.yaml"
    outside.parent.mkdir()
    cixi = regions_dir("cixi", b"")
    outside.write_bytes((shipped_dir() / "cixi.yaml").read_bytes())
    cixi.unlink()
    cixi.symlink_to(outside)
    listed = invoke(["regions", "--format", "json"])
    assert (listed.exit_code, listed.stderr) == (0, "")
    assert "cixi" in [region["id"] for region in listed.json()["regions"]]
    run = invoke(["apply", "--region", "慈溪", "--format", "json"])
    assert (run.exit_code, run.stdout) == (1, "")
    assert "CG031" in run.stderr
