"""What the commands print is Chinese: argparse's lines, JSON and operating-system errors.

Each case runs the real command (``main([...])`` in this process, or a subprocess where
the operating system must refuse something for real) and fails on any English word a
clerk would read (:func:`tests.chinese.english_words`); what the clerk typed may be
echoed back, so it is allowed.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from drafter.cli import COMMANDS, main
from drafter.cli.parser import cells
from drafter.oserrors import explain
from drafter.store import ProjectError, load_project
from tests.chinese import english_words
from tests.factories import EXAMPLE, ROOT

SEED = ROOT / "fixtures" / "corpus" / "seed" / "000_20272e85d49a1cc6.txt"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """Exit status and everything printed (stdout and stderr) of ``drafter ARGS``."""
    try:
        status = main(list(args))
    except SystemExit as stop:  # argparse exits for --help and usage errors
        status = int(stop.code or 0)
    out, err = capsys.readouterr()
    return status, out + err


def test_english_words_flags_what_a_clerk_should_not_read():
    assert english_words("无法写入 /tmp/a b/报告.docx（Permission denied）") == [
        "Permission",
        "denied",
    ]
    assert english_words("用 drafter check --format json 报告.pdf 核对，R1、IO") == []
    assert english_words("起草建议（offline，完整）") == ["offline"]
    assert english_words("没有「chek」这一项", allowed=["chek"]) == []


# --------------------------------------------------------------------------- argparse


@pytest.mark.parametrize(
    "args",
    [["--help"], *[[name, "--help"] for name in COMMANDS]],
    ids=lambda args: " ".join(args),
)
def test_help_of_every_command_is_chinese(capsys, args):
    status, text = run(capsys, *args)
    assert status == 0
    assert text.startswith("用法：drafter")
    assert "选项" in text and "显示本帮助并退出" in text
    assert english_words(text) == []


@pytest.mark.parametrize("args", [[name, "--help"] for name in COMMANDS], ids=" ".join)
def test_help_lines_up_and_wraps_in_terminal_columns(capsys, monkeypatch, args):
    """Chinese takes two columns: the help column, the usage indent and the wrapping
    are measured in columns, not characters (argparse's own count misaligns them)."""
    monkeypatch.setenv("COLUMNS", "80")
    _, text = run(capsys, *args)
    lines = text.splitlines()
    assert all(cells(line) <= 80 for line in lines if " " in line.strip()), text
    usage = lines[: next(k for k, line in enumerate(lines) if not line.strip())]
    indent = cells(f"用法：drafter {args[0]} ")
    assert all(len(line) - len(line.lstrip()) == indent for line in usage[1:]), text
    options = [re.match(r"  -\S.*?\S {2,}(\S.*)", line) for line in lines]
    columns = {cells(m.string) - cells(m[1]) for m in options if m}
    assert len(columns) == 1, text  # every option's help starts in the same column


@pytest.mark.parametrize(
    ("args", "said", "typed"),
    [
        ([], "", ()),  # no command, not in a terminal: the help
        (["chek"], "没有「chek」这一项", ("chek",)),
        (["check"], "缺少必填的参数：文件", ()),
        (["check", "a.txt", "--format", "xml"], "--format：没有「xml」这一项", ("xml",)),
        (["check", "a.txt", "--bogus"], "不认识的参数：--bogus", ()),
        (["check", "a.txt", "--year", "next"], "「next」不是年度", ("next",)),
        (["export", "x.json"], "缺少必填的参数：-o/--output", ()),
        (["new", "--agency"], "--agency：后面要跟一个值", ()),
        (["import", "a.txt", "--force=yes"], "这个选项不带值，却给了「yes」", ("yes",)),
        (["draft", "x.json", "--section", "intro"], "没有「intro」这一项", ("intro",)),
        (["draft", "x.json", "--timeout", "soon"], "「soon」不是数字（单位：秒）", ("soon",)),
        (["draft", "x.json", "--concurrency", "1.5"], "「1.5」不是整数（单位：个）", ()),
        (["draft", "x.json", "--m", "x"], "选项 --m 不完整", ()),
        (["config", "--preset", "gpt"], "没有「gpt」这一项", ("gpt",)),
    ],
)
def test_usage_errors_are_chinese(capsys, args, said, typed):
    status, text = run(capsys, *args)
    assert status == (0 if not args else 2)
    assert said in text
    assert "用法：drafter" in text
    assert english_words(text, allowed=typed) == []


def test_argparse_is_left_as_found_for_other_users():
    import argparse

    parser = argparse.ArgumentParser(prog="other")
    assert "usage: other" in parser.format_usage()
    assert "show this help message and exit" in parser.format_help()


# --------------------------------------------------------------------------- JSON


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("", "是空文件"),
        ("报告正文", "第 1 行第 1 列缺少一个值"),
        ('{"schema": "drafter.report/1",}', "第 1 行第 31 列应为用双引号括起的字段名"),
        ('{"schema": "drafter.report/1"\n "year": 2025}', "第 2 行第 2 列缺少逗号"),
        ('{"schema": "drafter.report/1", "agency": "云溪县', "的引号没有闭合"),
        ('{"schema": "drafter.report/1"} {}', "第 1 行第 32 列之后还有多余的内容"),
        ('{"schema" "drafter.report/1"}', "字段名后缺少冒号"),
        ('{"agency": "a\\qb"}', "反斜杠转义"),
    ],
)
def test_a_broken_project_file_says_where_and_what_in_chinese(capsys, tmp_path, content, said):
    path = tmp_path / "项目.json"
    path.write_text(content, encoding="utf-8")
    for args in (
        ["check", str(path)],
        ["export", str(path), "-o", str(tmp_path / "r.md")],
        ["new", "--agency", "云溪县市场监督管理局", "--year", "2026", "--from", str(path)],
    ):
        if args[0] == "new":
            args += ["-o", str(tmp_path / "新.json")]
        status, text = run(capsys, *args)
        assert status == 2, args
        assert said in text, text
        assert english_words(text) == [], text


# --------------------------------------------------------------------------- OS errors


def test_every_errno_has_a_chinese_explanation():
    for code in (
        errno.ENOENT,
        errno.EACCES,
        errno.EPERM,
        errno.EISDIR,
        errno.ENOTDIR,
        errno.ENOSPC,
        errno.ENAMETOOLONG,
        errno.EROFS,
        errno.EIO,
        errno.EBUSY,
        12345,  # unknown: named by its number
    ):
        text = explain(OSError(code, os.strerror(code)))
        assert "：" in text and english_words(text) == [], (code, text)
    sharing = OSError(errno.EACCES, "The process cannot access the file")
    sharing.winerror = 32  # type: ignore[attr-defined]  (Windows: open in Word)
    assert "Word" in explain(sharing)


def test_writing_where_the_path_is_wrong(capsys, tmp_path):
    long_name = "很长的文件名" * 20 + ".json"
    blocker = tmp_path / "a-file.txt"
    blocker.write_text("x", encoding="utf-8")
    (tmp_path / "已有文件夹").mkdir()
    for output, said in (
        (tmp_path / "没有的文件夹" / "x.json", "文件或文件夹不存在"),
        (tmp_path / "已有文件夹", "这是一个文件夹"),
        (blocker / "x.json", "路径中有一级不是文件夹"),
        (tmp_path / long_name, "文件名或路径太长"),
    ):
        status, text = run(capsys, "import", str(SEED), "-o", str(output), "--force")
        assert status == 2, output
        assert said in text, text
        assert english_words(text) == [], text
    status, text = run(capsys, "export", str(EXAMPLE), "-o", str(tmp_path / (long_name + ".docx")))
    assert status == 2
    assert "文件名或路径太长" in text and english_words(text) == []


def test_reading_a_folder_or_a_missing_file(capsys, tmp_path):
    status, text = run(capsys, "check", str(tmp_path), str(tmp_path / "没有.json"))
    assert status == 2
    assert "是一个文件夹" in text and "找不到文件" in text
    assert english_words(text) == []
    with pytest.raises(ProjectError) as info:
        load_project(tmp_path / "没有.json")
    assert english_words(str(info.value)) == []


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A scratch folder another user can use (pytest's own is private to its owner)."""
    path = Path(tempfile.mkdtemp(prefix="drafter-shared-"))
    path.chmod(0o755)
    yield path
    for inner in path.rglob("*"):
        if inner.is_dir():
            inner.chmod(0o755)
    shutil.rmtree(path)


def as_another_user(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    """``drafter ARGS`` run by an unprivileged user (``nobody`` when the tests run as root:
    root may write anywhere, so only another user meets a refusal)."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: cannot act as another user")
        prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", "--"]
    env = {**os.environ, "DRAFTER_HOME": str(home), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [*prefix, sys.executable, "-m", "drafter", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=home,
    )


def test_writing_without_permission(shared_dir):
    home = shared_dir / "home"
    home.mkdir(mode=0o777)
    home.chmod(0o777)
    report = shared_dir / "report.txt"
    shutil.copy(SEED, report)
    report.chmod(0o644)
    locked = shared_dir / "只读文件夹"
    locked.mkdir()
    locked.chmod(0o555)
    result = as_another_user(["import", str(report), "-o", str(locked / "x.json")], home)
    assert result.returncode == 2, result.stderr
    assert "没有权限" in result.stderr
    assert english_words(result.stdout + result.stderr) == []


def test_replacing_another_users_file_in_a_shared_folder(shared_dir):
    """A sticky shared folder (like /tmp): the file belongs to someone else (EPERM)."""
    if os.geteuid() != 0:
        pytest.skip("needs a file owned by another user: run as root")
    home = shared_dir / "home"
    home.mkdir(mode=0o777)
    home.chmod(0o777)
    report = shared_dir / "report.txt"
    shutil.copy(SEED, report)
    report.chmod(0o644)
    shared = shared_dir / "共享"
    shared.mkdir()
    shared.chmod(0o777 | stat.S_ISVTX)
    theirs = shared / "x.json"
    theirs.write_text("{}", encoding="utf-8")
    theirs.chmod(0o666)
    result = as_another_user(["import", str(report), "-o", str(theirs), "--force"], home)
    assert result.returncode == 2, result.stderr
    assert "操作不被允许" in result.stderr
    assert english_words(result.stdout + result.stderr) == []


def test_a_full_disk(tmp_path):
    """A 16 KiB file system in a private mount namespace: the export does not fit."""
    unshare = shutil.which("unshare")
    disk = tmp_path / "disk"
    disk.mkdir()
    if unshare is None or os.geteuid() != 0:
        pytest.skip("needs unshare and root to mount a small file system")
    out = disk / "报告.docx"
    script = (
        f"mount -t tmpfs -o size=16k tmpfs '{disk}' || exit 77; "
        f"exec '{sys.executable}' -m drafter export '{EXAMPLE}' -o '{out}' --force"
    )
    result = subprocess.run(
        [unshare, "--mount", "sh", "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
    )
    if result.returncode == 77:
        pytest.skip(f"cannot mount a file system here: {result.stderr.strip()}")
    assert result.returncode == 2, result.stderr
    assert "磁盘空间已满" in result.stderr
    assert english_words(result.stdout + result.stderr) == []


# --------------------------------------------------------------------------- settings


def test_a_broken_settings_file_says_where_in_chinese(capsys, _isolated_home):
    from drafter import paths

    path = paths.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('model = "qwen-plus"\ntimeout = \n', encoding="utf-8")
    status, text = run(capsys, "config")
    assert status == 2
    assert "格式有误（第 2 行第 11 列附近）" in text
    assert english_words(text) == []


def test_a_settings_folder_that_is_a_file_says_why_in_chinese(capsys, _isolated_home):
    from drafter import paths

    blocker = paths.config_file().parent
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_text("不是文件夹", encoding="utf-8")  # the config folder is a file
    status, text = run(capsys, "config", "--set", "model=qwen-plus")
    assert status == 2
    assert "无法读取配置文件" in text and "路径中有一级不是文件夹" in text
    assert english_words(text) == []


def test_an_endpoint_that_refuses_says_why_in_chinese(capsys, _isolated_home, monkeypatch):
    from drafter import paths

    path = paths.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("max_retries = 0\n", encoding="utf-8")
    monkeypatch.setenv("DRAFTER_BASE_URL", "http://127.0.0.1:9/v1")  # nothing listens there
    monkeypatch.setenv("DRAFTER_MODEL", "qwen-plus")
    status, text = run(capsys, "config", "--check")
    assert status == 1
    assert "无法连接到接口地址" in text and "（对方拒绝连接" in text
    assert english_words(text, allowed=["Ollama", "vLLM", "plus"]) == []  # plus: the model set
