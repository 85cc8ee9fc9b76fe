"""Local data directories, staleness warnings, and comparing regions with `diff`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cardguide.load.catalog import shipped_dir

from .conftest import Invoke

# The shipped files were reviewed on 22 or 23 November 2026.
STALE = re.compile(r"data last reviewed over a year ago: .*\(2026-1[12]-[0-9]{2}\)")

NEW_DISTRICT = """\
id: haishu
level: county
parent: ningbo
names: {en: Haishu, zh: 海曙}
last_reviewed: 2026-11-20
sources:
  - id: local:haishu-desk
    title: {en: "Haishu service hall notice board, November 2026"}
    status: uncertain
    kind: unofficial
procedures:
  apply:
    notes:
      - id: hall-hours
        text: {en: The district service hall takes card applications on weekdays.}
        sources: [local:haishu-desk]
        status: uncertain
"""

NINGBO_OVERRIDE = """\
id: ningbo
level: city
parent: zhejiang
names: {en: Ningbo, zh: 宁波}
last_reviewed: 2026-11-21
procedures:
  apply:
    materials:
      - id: photo
        text: {en: A one-inch colour photo; the desk also takes photos on site}
        sources: [seed:003_fb17a0820ab5aaea]
        status: secondary
"""


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    directory = tmp_path / "desk"
    directory.mkdir()
    (directory / "haishu.yaml").write_text(NEW_DISTRICT, encoding="utf-8")
    (directory / "ningbo.yaml").write_text(NINGBO_OVERRIDE, encoding="utf-8")
    return directory


def test_a_region_added_through_cardguide_path_is_listed_and_works(
    invoke: Invoke, desk: Path
) -> None:
    env = {"CARDGUIDE_PATH": str(desk)}
    listing = invoke(["regions", "--format", "json"], env=env)
    assert (listing.exit_code, listing.stderr) == (0, "")
    listed = listing.json()
    assert {r["id"]: r["parent"] for r in listed["regions"]}["haishu"] == "ningbo"
    run = invoke(["apply", "--region", "海曙", "--format", "json"], env=env)
    assert (run.exit_code, run.stderr) == (0, "")
    data = run.json()
    assert data["chain"] == ["haishu", "ningbo", "zhejiang", "national"]
    note = next(n for n in data["notes"] if n["id"] == "hall-hours")
    assert (note["origin"], note["overlay"], note["status"]) == ("haishu", True, "uncertain")
    assert any(s["id"] == "local:haishu-desk" for s in data["sources"])


def test_an_override_of_a_ningbo_item_names_its_overlay_file(invoke: Invoke, desk: Path) -> None:
    env = {"CARDGUIDE_PATH": str(desk)}
    run = invoke(["apply", "--region", "ningbo", "--format", "json"], env=env)
    assert (run.exit_code, run.stderr) == (0, "")
    data = run.json()
    photo = next(m for m in data["materials"] if m["id"] == "photo")
    assert (photo["origin"], photo["overlay"]) == ("ningbo", True)
    assert Path(photo["file"]) == (desk / "ningbo.yaml").resolve()
    assert "the desk also takes photos" in photo["text"]["en"]
    id_document = next(m for m in data["materials"] if m["id"] == "id-document")
    assert id_document["overlay"] is False  # the rest of Ningbo still comes from the shipped file
    shown = invoke(["apply", "--region", "ningbo"], env=env)
    assert (shown.exit_code, shown.stderr) == (0, "")
    text = " ".join(shown.stdout.split())
    assert "· overlay /" in text  # the path itself may wrap
    assert "Ningbo (overlay) 2026-11-21" in text


def test_data_dir_comes_before_cardguide_path(invoke: Invoke, desk: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "ningbo.yaml").write_text(
        NINGBO_OVERRIDE.replace("the desk also takes photos on site", "bring two"), "utf-8"
    )
    args = ["apply", "--region", "ningbo", "--data-dir", str(other), "--format", "json"]
    run = invoke(args, env={"CARDGUIDE_PATH": str(desk)})
    assert (run.exit_code, run.stderr) == (0, "")
    data = run.json()
    photo = next(m for m in data["materials"] if m["id"] == "photo")
    assert "bring two" in photo["text"]["en"]


def test_a_broken_overlay_is_named_and_never_silently_skipped(invoke: Invoke, desk: Path) -> None:
    (desk / "ningbo.yaml").write_text(NINGBO_OVERRIDE + "colour: red\n", "utf-8")
    run = invoke(["apply", "--region", "ningbo"], env={"CARDGUIDE_PATH": str(desk)})
    assert (run.exit_code, run.stdout) == (1, "")
    assert f"{(desk / 'ningbo.yaml').resolve()}:13:1: CG003 unknown key 'colour'" in run.stderr
    checked = invoke(["validate"], env={"CARDGUIDE_PATH": str(desk)})
    assert checked.exit_code == 1
    assert "CG003" in checked.stdout
    assert re.fullmatch(r"cardguide: 1 error, 2 warnings in \d+ files\n", checked.stderr)


def test_an_overlay_may_not_move_a_region(invoke: Invoke, desk: Path) -> None:
    moved = NINGBO_OVERRIDE.replace("parent: zhejiang", "parent: henan")
    (desk / "ningbo.yaml").write_text(moved, "utf-8")
    run = invoke(["apply", "--region", "ningbo"], env={"CARDGUIDE_PATH": str(desk)})
    assert (run.exit_code, run.stdout) == (1, "")
    assert "CG025 parent 'henan' differs from 'zhejiang'" in run.stderr


def test_a_missing_data_directory_is_a_usage_error(invoke: Invoke, tmp_path: Path) -> None:
    run = invoke(["regions"], env={"CARDGUIDE_PATH": str(tmp_path / "nowhere")})
    assert (run.exit_code, run.stdout) == (2, "")
    assert "does not exist or is not a directory" in run.stderr


def test_stale_data_warns_on_stderr_in_text_and_is_flagged_in_json(invoke: Invoke) -> None:
    args = ["apply", "--region", "ningbo", "--today", "2027-12-21"]
    text = invoke(args)
    assert text.exit_code == 0
    warnings = text.stderr.splitlines()
    assert len(warnings) == 1, warnings  # said once, naming every stale region
    assert STALE.search(warnings[0]), warnings
    # Each region by its name, never its id.
    assert all(region in warnings[0] for region in ("Ningbo", "Zhejiang", "national rules"))
    assert "/" not in warnings[0]  # no installation paths
    assert "OVER A YEAR AGO" in text.stdout
    quiet = invoke([*args, "--quiet"])
    assert (quiet.exit_code, quiet.stderr) == (0, "")
    assert "OVER A YEAR AGO" in quiet.stdout  # only the warning is silenced
    data = invoke([*args, "--format", "json"])
    assert data.exit_code == 0
    assert data.stderr == ""
    assert all(review["stale"] for review in data.json()["reviews"])
    current = invoke(["apply", "--region", "ningbo", "--format", "json"])
    assert (current.exit_code, current.stderr) == (0, "")
    fresh = current.json()
    assert not any(review["stale"] for review in fresh["reviews"])


def test_diff_lists_what_differs_between_two_regions(invoke: Invoke) -> None:
    run = invoke(["diff", "ningbo", "shanghai", "--format", "json"])
    assert (run.exit_code, run.stderr) == (0, "")
    data = run.json()
    assert (data["kind"], data["a"]["id"], data["b"]["id"]) == ("diff", "ningbo", "shanghai")
    found = {(d["procedure"], d["kind"], d["id"]): d for d in data["differences"]}
    assert found[("apply", "notes", "guide-2000")]["change"] == "only_b"
    assert found[("apply", "steps", "enrol-child")]["change"] == "only_a"
    changed = found[("apply", "steps", "submit-application")]
    assert changed["change"] == "changed"
    assert {v["origin"] for v in changed["a"]} == {"ningbo"}
    assert ("apply", "notes", "late-enrolment-wait") not in found  # both inherit it unchanged
    assert data["same"] > 0


def test_diff_of_a_region_with_itself_is_empty(invoke: Invoke) -> None:
    run = invoke(["diff", "henan", "河南", "--format", "json"])
    assert (run.exit_code, run.stderr) == (0, "")
    data = run.json()
    assert data["differences"] == []
    shown = invoke(["diff", "henan", "henan"])
    assert (shown.exit_code, shown.stderr) == (0, "")
    text = shown.stdout
    assert "0 items differ" in text


def test_the_example_in_the_contributor_guide_is_valid(invoke: Invoke, tmp_path: Path) -> None:
    guide = (Path(__file__).parents[1] / "docs" / "data-format.md").read_text(encoding="utf-8")
    section = guide.split("## A complete small example", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "haishu.yaml").write_text(example, "utf-8")
    run = invoke(["validate", str(tmp_path), "--strict"])
    assert run.exit_code == 0, run.stdout
    assert (run.stdout, run.stderr) == ("", "cardguide: 0 errors, 0 warnings in 1 file\n")
    applied = invoke(["apply", "-r", "haishu", "--data-dir", str(tmp_path), "-f", "json"])
    assert (applied.exit_code, applied.stderr) == (0, "")
    data = applied.json()
    assert "hall-hours" in [note["id"] for note in data["notes"]]


def test_odd_entries_in_a_data_directory_are_skipped_with_one_warning_each(
    invoke: Invoke, tmp_path: Path
) -> None:
    local = tmp_path / "local"
    local.mkdir()
    shipped = (shipped_dir() / "cixi.yaml").read_text(encoding="utf-8")
    (local / "cixi.old.yaml").write_text(shipped, encoding="utf-8")
    (local / "Foo.yaml").write_text(shipped, encoding="utf-8")
    (local / "x.yaml").mkdir()
    (local / "y.yaml").symlink_to(tmp_path / "nowhere.yaml")
    for command in (["regions"], ["apply", "--region", "海曙区"]):
        run = invoke([*command, "--data-dir", str(local), "--lang", "en"])
        assert run.exit_code == 0, run.stderr
        assert "ningbo" in run.stdout.casefold()
        warnings = run.stderr.splitlines()
        assert len(warnings) == 4, warnings
        for name in ("cixi.old.yaml", "Foo.yaml", "x.yaml", "y.yaml"):
            assert sum(name in line and "skipped" in line for line in warnings) == 1, name


def test_regions_in_a_cycle_or_broken_are_listed_as_left_out_never_dropped(
    invoke: Invoke, tmp_path: Path
) -> None:
    local = tmp_path / "local"
    local.mkdir()
    header = "level: {level}\nnames: {{en: X}}\nlast_reviewed: 2026-11-01\n"
    (local / "aa.yaml").write_text("id: aa\nparent: bb\n" + header.format(level="city"))
    (local / "bb.yaml").write_text("id: bb\nparent: aa\n" + header.format(level="province"))
    (local / "cc.yaml").write_text("id: cc\nparent: national\nnames: {en: C\n")
    text = invoke(["regions", "--data-dir", str(local), "--lang", "en"])
    assert text.exit_code == 0
    assert "ningbo" in text.stdout
    lines = text.stderr.splitlines()
    assert len(lines) == 3, lines
    assert sum("CG008" in line for line in lines) == 2
    assert sum("CG001" in line and "cc.yaml" in line for line in lines) == 1
    listed = invoke(["regions", "--data-dir", str(local), "--format", "json"])
    assert (listed.exit_code, listed.stderr) == (0, text.stderr)  # named on stderr here too
    data = listed.json()
    assert sorted(d["code"] for d in data["left_out"]) == ["CG001", "CG008", "CG008"]
    assert "ningbo" in [region["id"] for region in data["regions"]]


def test_an_overlay_reached_through_a_link_is_still_that_overlay(
    invoke: Invoke, desk: Path, tmp_path: Path
) -> None:
    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / "ningbo.yaml").symlink_to(desk / "ningbo.yaml")
    args = ["--data-dir", str(linked), "--data-dir", str(desk), "--format", "json"]
    run = invoke(["apply", "--region", "ningbo", *args])
    assert (run.exit_code, run.stderr) == (0, ""), run.stderr
    photo = next(m for m in run.json()["materials"] if m["id"] == "photo")
    assert (photo["origin"], photo["overlay"]) == ("ningbo", True)
    assert Path(photo["file"]) == linked.resolve() / "ningbo.yaml"  # the link, as named


def test_a_link_out_of_the_data_directories_is_never_followed(
    invoke: Invoke, tmp_path: Path
) -> None:
    local = tmp_path / "local"
    local.mkdir()
    secret = tmp_path / "elsewhere" / "cixi.yaml"
    secret.parent.mkdir()
    secret.write_text((shipped_dir() / "cixi.yaml").read_text(encoding="utf-8"))
    (local / "cixi.yaml").symlink_to(secret)
    run = invoke(["apply", "--region", "cixi", "--data-dir", str(local), "--lang", "en"])
    assert run.exit_code == 1
    assert run.stdout == ""
    assert "CG031" in run.stderr
    assert len(run.stderr.splitlines()) == 1


def test_a_broken_local_file_skipped_by_a_name_lookup_is_named_once(
    invoke: Invoke, tmp_path: Path
) -> None:
    local = tmp_path / "local"
    local.mkdir()
    (local / "broken.yaml").write_text("id: broken\nnames: {en: B\n", encoding="utf-8")
    run = invoke(["apply", "--region", "宁波市", "--data-dir", str(local), "--lang", "en"])
    assert run.exit_code == 0
    assert "Ningbo" in run.stdout
    lines = run.stderr.splitlines()
    assert len(lines) == 1, lines
    assert "left out" in lines[0]
    assert "broken.yaml" in lines[0]
    assert "CG001" in lines[0]


def test_a_region_file_that_cannot_be_read_is_one_line_naming_it(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    local = tmp_path / "local"
    local.mkdir()
    unreadable = local / "cixi.yaml"
    unreadable.write_text((shipped_dir() / "cixi.yaml").read_text(encoding="utf-8"))
    real_open = os.open

    def refuse(path: object, *args: object, **kwargs: object) -> int:
        if str(path) == str(unreadable):  # root reads anything, so permission is simulated
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    run = invoke(["apply", "--region", "cixi", "--data-dir", str(local), "--lang", "en"])
    assert (run.exit_code, run.stdout) == (1, "")
    assert len(run.stderr.splitlines()) == 1
    assert "cixi.yaml" in run.stderr
    assert "CG001" in run.stderr
    assert (
        run.stderr == f"cardguide: error: {unreadable}: CG001 cannot read file: permission denied\n"
    )
    unreadable.unlink()  # a file that vanishes is simply not there any more
    gone = invoke(["apply", "--region", "cixi", "--data-dir", str(local), "--lang", "en"])
    assert gone.exit_code == 0
    assert gone.stderr == ""
    assert "Cixi 慈溪市" in gone.stdout  # the shipped Cixi


def test_a_help_desk_copy_of_a_shipped_file_works_and_its_edits_replace_the_shipped_ones(
    invoke: Invoke, tmp_path: Path
) -> None:
    desk = tmp_path / "desk"
    desk.mkdir()
    shipped = (shipped_dir() / "ningbo.yaml").read_text(encoding="utf-8")
    (desk / "ningbo.yaml").write_text(shipped, encoding="utf-8")
    env = {"CARDGUIDE_PATH": str(desk)}
    shipped_run = invoke(["apply", "--region", "ningbo", "--newborn", "--format", "json"])
    assert (shipped_run.exit_code, shipped_run.stderr) == (0, "")
    plain = shipped_run.json()
    copied = invoke(["apply", "--region", "ningbo", "--newborn", "--format", "json"], env=env)
    assert (copied.exit_code, copied.stderr) == (0, "")
    data = copied.json()
    assert [s["id"] for s in data["steps"]] == [s["id"] for s in plain["steps"]]
    own = [m for m in data["materials"] if m["origin"] == "ningbo"]
    assert own
    assert {Path(m["file"]) for m in own} == {(desk / "ningbo.yaml").resolve()}
    # The desk corrects a source's title in its copy: the copy's definition is the one shown.
    first = next(s for s in data["sources"] if s["title"]["en"] in shipped)
    title = first["title"]["en"]
    (desk / "ningbo.yaml").write_text(
        shipped.replace(title, "Checked at the Ningbo hall in December 2026"), encoding="utf-8"
    )
    edited = invoke(["apply", "--region", "ningbo", "--newborn", "--format", "json"], env=env)
    assert (edited.exit_code, edited.stderr) == (0, "")
    shown = next(s for s in edited.json()["sources"] if s["id"] == first["id"])
    assert shown["title"]["en"] == "Checked at the Ningbo hall in December 2026"


def test_a_local_region_redefining_its_parents_source_is_told_what_to_do(
    invoke: Invoke, tmp_path: Path
) -> None:
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "haishu.yaml").write_text(
        NEW_DISTRICT.replace("id: local:haishu-desk", "id: facts:Z01").replace(
            "[local:haishu-desk]", "[facts:Z01]"
        ),
        encoding="utf-8",
    )
    run = invoke(["apply", "--region", "haishu", "--data-dir", str(desk), "--lang", "en"])
    assert run.exit_code == 1
    assert run.stdout == ""
    assert "CG009 source 'facts:Z01' is already defined for 宁波 in " in run.stderr
    assert "cite that one and leave this definition out" in run.stderr
