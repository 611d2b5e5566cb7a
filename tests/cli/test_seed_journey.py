"""Issue 11's journey on the command line: the seed → drafter new → offline draft → export.

A clerk starts 2022 from the seed report (川汇区信访局 2021, with last year's Markdown
marks, bullets, half-width sub-headings and a 一、 sub-heading under 一、总体情况), is
refused while a table has blank cells (one line per table), fills this year's figures,
drafts all sections offline, is refused while a 【待核实】 remains, confirms the marked
figures and names, and exports: the Word file holds no Markdown character, no 【待核实】,
and every figure of its prose and tables is the tables' (read back with python-docx).
"""

from __future__ import annotations

import random

import docx

from drafter import forms
from drafter.cli import main
from drafter.drafting.statements import statements
from drafter.model import Project
from drafter.narrative.claims import find_claims
from drafter.store import load_project, save_project
from drafter.tables import complete
from tests.factories import CORPUS, fill_active, fill_appeals, fill_requests
from tests.readback import docx_cells, expected_cells

SEED = CORPUS / "seed" / "000_20272e85d49a1cc6.txt"


def run(capsys, *args: str) -> tuple[int, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out + err


def this_years_figures(project: Project) -> Project:
    """What the clerk types: every cell, carried-over 上年结转 kept."""
    rng = random.Random(2022)
    carried_in = {
        c: project.tables.get(f"requests.carried_in.{c}") for c in forms.APPLICANT_COLUMNS
    }
    fill_active(project, rng)
    fill_requests(project, rng, scale=12)
    fill_appeals(project, rng)
    assert set(carried_in.values()) == {0}  # the seed carried nothing over
    done = complete(project)
    assert isinstance(done, Project)
    return done


def test_seed_to_a_word_file_a_clerk_can_file(capsys, tmp_path):
    path, word = tmp_path / "2022.json", tmp_path / "2022.docx"
    status, out = run(
        capsys,
        "new",
        "--agency",
        "川汇区信访局",
        "--year",
        "2022",
        "--from",
        str(SEED),
        "-o",
        str(path),
    )
    assert status == 0, out
    last = load_project(path).project.last_year
    assert last is not None
    for key in forms.NARRATIVE_KEYS:  # last year's text is clean
        for line in last.text(key).splitlines():
            assert not line.startswith(("- ", "* ", "#", "(")) and "**" not in line, line
    assert last.text("overview").startswith("（一）2021年工作开展情况\n")

    # Blank tables: refused, one line per table (the clerk types 0 for zero).
    status, out = run(capsys, "export", str(path), "-o", str(word))
    assert status == 1 and not word.exists()
    blank_lines = [line for line in out.splitlines() if "个单元格未填写" in line]
    assert [line.split("]")[1].split("还有")[0].strip() for line in blank_lines] == [
        "表二",
        "表三",
        "表四",
    ]

    project = this_years_figures(load_project(path).project)
    save_project(project, path)
    status, out = run(capsys, "draft", str(path), "--offline")
    assert status == 0, out
    project = load_project(path).project
    for key in forms.NARRATIVE_KEYS:
        findings = project.drafts[key].findings
        assert [f for f in findings if f.rule in ("C1", "N1")] == [], key
    assert [f for f in project.drafts["overview"].findings if f.rule == "N7"] == []
    stated = statements(project, "我局")
    for paragraph in stated.all():
        assert paragraph in project.text("overview")

    # 【待核实】 left: refused. The clerk checks each marked figure, date and name.
    status, out = run(capsys, "export", str(path), "-o", str(word))
    assert status == 1 and "【待核实】" in out and not word.exists()
    for key in forms.NARRATIVE_KEYS:
        project.set_text(key, project.text(key).replace("【待核实】", ""))
    save_project(project, path)
    status, out = run(capsys, "export", str(path), "-o", str(word))
    assert status == 0, out

    document = docx.Document(str(word))
    prose = [p.text for p in document.paragraphs]
    for text in prose:
        assert "【待核实】" not in text
        assert not text.startswith(("- ", "* ", "#", ">", "(")), text
        assert not any(mark in text for mark in ("**", "__", "`", "<br", "&nbsp;")), text
    for claim in (c for text in prose for c in find_claims(text, project)):
        assert claim.holds, claim
    body = "\n".join(prose)
    for paragraph in stated.all():
        assert paragraph in body
    for i, table in enumerate(forms.TABLE_KEYS):
        assert docx_cells(document.tables[i]) == expected_cells(project, table)
    headings = [p.text for p in document.paragraphs if p.style.name == "二级标题"]
    assert "（一）2022年工作开展情况" in headings  # last year's 一、 sub-heading, demoted
