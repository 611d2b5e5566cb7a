"""Project files: clear Chinese errors for bad files, normalisation findings, atomic saves."""

from __future__ import annotations

import json
import os

import pytest

from drafter.store import ProjectError, atomic_write, load_project, parse_project, save_project


def _raw(project) -> dict:
    from drafter.store import dump_project

    return json.loads(dump_project(project))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "是空文件"),
        (b" \n", "是空文件"),
        (b"{not json", "第 1 行"),
        (b"\xff\xfe\x00\x00garbage", "不是 UTF-8"),
        (b"[1, 2]", "不是 drafter 项目文件"),
        (b'{"schema": "other/9"}', "schema 为「other/9」"),
        (b'{"agency": "x"}', '缺少 "schema" 字段'),
        ('{"schema": "drafter.report/1", "year": "明年"}'.encode(), "year：应为整数"),
        (b'{"schema": "drafter.report/1", "format": "2030"}', "format：取值不在允许范围内"),
        (b'{"schema": "drafter.report/1", "tables": {"requests": {"xx": {}}}}', "表三没有「xx」行"),
    ],
)
def test_unusable_files_give_one_chinese_line(tmp_path, content, expected):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(ProjectError) as info:
        load_project(path)
    message = str(info.value)
    assert expected in message
    assert "\n" not in message and "Traceback" not in message


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ProjectError, match="找不到文件"):
        load_project(tmp_path / "nope.json")
    with pytest.raises(ProjectError, match="文件夹"):
        load_project(tmp_path)


def test_untidy_cells_are_normalised_with_findings(project):
    raw = _raw(project)
    raw["tables"]["requests"]["new"]["natural_person"] = "２３件"
    raw["tables"]["requests"]["new"]["research"] = "—"
    raw["tables"]["requests"]["new"]["business"] = "4.5"
    raw["tables"]["active"]["fees_wan_yuan"] = "0.5"
    loaded = parse_project(json.dumps(raw, ensure_ascii=False))
    tables = loaded.project.tables
    assert tables.get("requests.new.natural_person") == 23
    assert tables.get("requests.new.research") is None
    assert tables.get("requests.new.business") is None
    by_cell = {f.location.cell: f for f in loaded.findings}
    assert by_cell["requests.new.natural_person"].rule == "V3"
    assert by_cell["requests.new.natural_person"].severity == "warning"
    assert "规范为 23" in by_cell["requests.new.natural_person"].message
    assert by_cell["requests.new.research"].rule == "V3"
    assert by_cell["requests.new.business"].rule == "V1"
    assert by_cell["requests.new.business"].severity == "error"
    assert "requests.active.fees_wan_yuan" not in by_cell  # "0.5" is a clean amount


def test_save_is_atomic_and_leaves_no_temp_files(tmp_path, project):
    path = tmp_path / "p.json"
    save_project(project, path)
    first = path.read_text(encoding="utf-8")
    project.agency = "改过的名称"
    save_project(project, path)
    assert "改过的名称" in path.read_text(encoding="utf-8")
    assert first != path.read_text(encoding="utf-8")
    assert os.listdir(tmp_path) == ["p.json"]


def test_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "p.json"
    atomic_write(path, "old")

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        atomic_write(path, "new")
    assert path.read_text() == "old"
    assert os.listdir(tmp_path) == ["p.json"]


def test_saved_json_is_readable_chinese(tmp_path, project):
    path = tmp_path / "p.json"
    save_project(project, path)
    text = path.read_text(encoding="utf-8")
    assert "云溪县市场监督管理局" in text and "\\u" not in text


def test_saved_file_keeps_permissions(tmp_path):
    path = tmp_path / "p.json"
    atomic_write(path, "a")
    assert path.stat().st_mode & 0o777 == 0o666 & ~_umask()
    os.chmod(path, 0o640)
    atomic_write(path, "b")
    assert path.stat().st_mode & 0o777 == 0o640
    atomic_write(path, "secret", mode=0o600)
    assert path.stat().st_mode & 0o777 == 0o600


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
