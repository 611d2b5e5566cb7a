"""The export gate (core): errors refuse, force exports, warnings pass; writes are atomic."""

from __future__ import annotations

import os
import stat

import pytest

from drafter.exporters import ExportError, check_output_path, export_report
from drafter.exporters.gate import export_project
from drafter.model import Finding


def break_identity(project):
    project.tables.set("requests.carried_out.natural_person", 9)  # R1 no longer holds


def test_clean_project_is_exported(tmp_path, project):
    outcome = export_project(project, tmp_path / "r.md")
    assert outcome.written and not outcome.forced and not outcome.errors
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# ")


def test_errors_refuse_export_and_write_nothing(tmp_path, project):
    break_identity(project)
    outcome = export_project(project, tmp_path / "r.docx")
    assert outcome.refused and not (tmp_path / "r.docx").exists()
    assert "R1" in {f.rule for f in outcome.errors}
    assert all(f.location.section == "requests" for f in outcome.errors)


def test_force_exports_despite_errors_and_says_so(tmp_path, project):
    break_identity(project)
    outcome = export_project(project, tmp_path / "r.html", force=True)
    assert outcome.written and outcome.forced and outcome.errors
    assert (tmp_path / "r.html").exists()


def test_warnings_never_block(tmp_path, project):
    # X1 against last year: last year's report said 4 were carried over, this year's 2.
    assert project.last_year is not None
    project.last_year.tables.set("requests.carried_out.natural_person", 4)
    project.last_year.tables.set("requests.carried_out.total", 5)
    outcome = export_project(project, tmp_path / "r.md")
    assert outcome.warnings and not outcome.errors and outcome.written
    assert {f.rule for f in outcome.warnings} == {"X1"}


def test_loader_notes_count_in_the_gate(tmp_path, project):
    note = Finding(rule="V1", severity="error", message="表二「规章」「本年制发件数」：应为整数")
    outcome = export_project(project, tmp_path / "r.md", notes=[note])
    assert outcome.refused and outcome.errors == [note]


def test_bad_output_path_is_an_export_error_before_checking(tmp_path, project):
    break_identity(project)  # the path problem is reported first, not the findings
    with pytest.raises(ExportError, match="不存在"):
        export_project(project, tmp_path / "missing" / "r.docx")
    with pytest.raises(ExportError, match="文件夹"):
        export_project(project, tmp_path)
    with pytest.raises(ExportError, match=r"\.pdf"):
        export_project(project, tmp_path / "r.pdf")
    with pytest.raises(ExportError, match="--template"):
        export_project(project, tmp_path / "r.md", template=tmp_path / "unit.docx")


def test_existing_file_is_replaced_whole_and_keeps_its_permissions(tmp_path, project):
    out = tmp_path / "r.md"
    out.write_text("旧内容" * 10_000, encoding="utf-8")
    out.chmod(0o640)
    export_report(project, out)
    text = out.read_text(encoding="utf-8")
    assert text.startswith(f"# {project.title}") and "旧内容" not in text
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]  # no temporary file left


def test_new_file_is_readable_by_others_not_private(tmp_path, project):
    out = tmp_path / "r.html"
    export_report(project, out)
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


def test_locked_output_keeps_the_old_file_and_says_what_to_do(tmp_path, project, monkeypatch):
    """Word on Windows locks an open file: replacing it fails with PermissionError."""
    out = tmp_path / "r.docx"
    out.write_bytes(b"old report")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError, match="Word 或 WPS 中打开"):
        export_report(project, out)
    assert out.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.docx"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_read_only_folder_is_refused_up_front(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="权限"):
            check_output_path(folder / "r.md")
    finally:
        folder.chmod(0o700)


# --------------------------------------------------------------------------- a clerk's own project


def test_blank_cells_are_one_error_per_table_pointing_at_the_first(tmp_path, project):
    """A blank cell is not exported: one line per table, not one V3 warning per row."""
    blanks = [f"requests.{row}.natural_person" for row in ("new", "granted", "withheld_1")]
    blanks.append("requests.carried_out.business")
    for path in blanks:
        project.tables.set(path, None)
    outcome = export_project(project, tmp_path / "r.docx")
    assert outcome.refused and not (tmp_path / "r.docx").exists()
    [blank] = [f for f in outcome.errors if f.rule == "V3"]
    assert blank.message.startswith("表三还有 4 个单元格未填写")
    assert "填写 0" in blank.message
    assert blank.location.cell == "requests.new.natural_person"
    assert blank.location.cells == blanks
    assert [f for f in outcome.warnings if f.rule == "V3"] == []  # said once, as the error


def test_an_empty_project_is_refused_with_three_summary_lines(tmp_path):
    from drafter.model import Project

    outcome = export_project(Project.empty("云溪县交通运输局", 2025), tmp_path / "r.md")
    assert outcome.refused
    summaries = [f.message.split("：")[0] for f in outcome.errors if f.rule == "V3"]
    assert [s.split("还有")[0] for s in summaries] == ["表二", "表三", "表四"]
    assert all(s.endswith("个单元格未填写") for s in summaries)
    assert len([f for f in outcome.findings if f.rule == "V3"]) == 3
    # The required sections are empty: each is an error of its own (N2).
    assert sorted(f.location.section for f in outcome.errors if f.rule == "N2") == sorted(
        ["overview", "problems", "other"]
    )


def test_a_leftover_mark_or_an_empty_section_blocks(tmp_path, project):
    project.set_text("other", project.text("other") + "全年培训2次【待核实】。")
    outcome = export_project(project, tmp_path / "r.md")
    assert outcome.refused and {f.rule for f in outcome.errors} == {"N6"}
    project.set_text("other", "")
    outcome = export_project(project, tmp_path / "r.md")
    assert outcome.refused and {f.rule for f in outcome.errors} == {"N2"}


def test_checking_keeps_blank_cells_a_warning(project):
    """drafter check reviews what is written: V3 stays a warning there (export only)."""
    from drafter.checking import check_project

    project.tables.set("requests.new.natural_person", None)
    v3 = [f for f in check_project(project) if f.rule == "V3"]
    assert v3 and {f.severity for f in v3} == {"warning"}
