"""One writer per project: the lock file, its Chinese refusal, stale locks, races."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from drafter.lock import ProjectLocked, acquire, lock_path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "云溪县2025.json"
    path.write_text("{}", encoding="utf-8")
    return path


def dead_pid() -> int:
    """The id of a process that has ended (and been reaped)."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], **_out())
    return int(done.stdout)


def _out() -> dict[str, object]:
    return {"capture_output": True, "text": True, "check": True}


def write_lock(project: Path, **fields: object) -> Path:
    holder = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "user": "someone",
        "where": "浏览器",
        "since": "2026-01-15T09:30:00",
        "started": "",
        "key": "theirs",
    }
    holder.update(fields)
    path = lock_path(project)
    path.write_text(json.dumps(holder, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_second_opener_is_told_where_the_project_is_open(project):
    first = acquire(project, "浏览器", "按 Ctrl+Q 退出或关闭那个标签页")
    assert first.held and lock_path(project).exists()
    assert lock_path(project).name == ".云溪县2025.json.lock"
    with pytest.raises(ProjectLocked) as refused:
        acquire(project, "终端", "按 Ctrl+Q 退出")
    message = str(refused.value)
    assert "云溪县2025.json 已在浏览器中打开" in message
    assert f"{socket.gethostname()} 上的 drafter，进程 {os.getpid()}" in message
    assert "同一份报告同时只能在一处编辑" in message
    assert "请回到那里继续；要在这里编辑，先在那里按 Ctrl+Q 退出或关闭那个标签页，再重试" in message
    assert "\n" not in message
    first.release()
    assert not lock_path(project).exists()
    again = acquire(project)
    assert again.held
    again.release()
    again.release()  # twice is harmless


def test_a_lock_left_by_an_ended_process_is_taken_over(project):
    write_lock(project, pid=dead_pid())
    lock = acquire(project, "终端", "按 Ctrl+Q 退出")
    recorded = json.loads(lock_path(project).read_text(encoding="utf-8"))
    assert recorded["pid"] == os.getpid() and recorded["where"] == "终端"
    lock.release()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="process start times: Linux")
def test_a_reused_process_id_does_not_keep_a_lock(project):
    """After a crash (or a reboot) the old id may belong to an unrelated program now."""
    write_lock(project, pid=os.getpid(), started="another-boot:12345")
    lock = acquire(project)
    assert lock.held
    lock.release()


def test_a_lock_from_another_computer_names_the_file_to_delete(project):
    path = write_lock(project, host="科室另一台电脑", pid=dead_pid())
    with pytest.raises(ProjectLocked) as refused:
        acquire(project)
    message = str(refused.value)
    assert "科室另一台电脑 上的 drafter" in message
    assert f"删除锁文件 {path}" in message
    assert path.exists()  # not ours to break


def test_a_garbled_lock_waits_while_fresh_and_is_stale_when_old(project):
    path = lock_path(project)
    path.write_bytes(b"")  # created, not yet written: someone is opening it right now
    with pytest.raises(ProjectLocked, match="正在另一处打开，请稍后再试"):
        acquire(project)
    old = time.time() - 60
    os.utime(path, (old, old))  # left by a crash between creating and writing
    lock = acquire(project)
    assert lock.held
    lock.release()


def test_release_leaves_a_lock_that_is_no_longer_ours(project):
    lock = acquire(project)
    write_lock(project, key="someone-else")
    lock.release()
    assert json.loads(lock_path(project).read_text(encoding="utf-8"))["key"] == "someone-else"


def test_where_no_lock_can_be_written_no_one_can_save_either(tmp_path):
    lock = acquire(tmp_path / "没有这个文件夹" / "x.json")
    assert not lock.held
    lock.release()


RACER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from drafter.lock import ProjectLocked, acquire
    project, results, count = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    while not (results / "go").exists():
        time.sleep(0.005)
    try:
        lock = acquire(project)
        outcome = "won"
    except ProjectLocked:
        lock, outcome = None, "refused"
    (results / f"{sys.argv[4]}.{outcome}").touch()
    deadline = time.monotonic() + 30
    while len(list(results.glob("*.*"))) < count and time.monotonic() < deadline:
        time.sleep(0.01)  # hold the lock until every racer has tried
    if lock is not None:
        lock.release()
    """
)


@pytest.mark.parametrize("stale_first", [False, True], ids=["free", "stale"])
def test_of_many_openers_at_once_exactly_one_wins(project, tmp_path, stale_first):
    if stale_first:
        write_lock(project, pid=dead_pid())
    results = tmp_path / "results"
    results.mkdir()
    count = 6
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(project), str(results), str(count), str(n)]
        )
        for n in range(count)
    ]
    (results / "go").touch()
    for racer in racers:
        assert racer.wait(timeout=60) == 0
    outcomes = sorted(p.suffix for p in results.glob("*.*"))
    assert outcomes == [".refused"] * (count - 1) + [".won"]
    assert not lock_path(project).exists()
    assert [p.name for p in project.parent.iterdir() if ".lock." in p.name] == []
