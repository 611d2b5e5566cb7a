"""One writer per project: a lock file beside the project names who has it open.

Two windows on one project (two browser tabs of ``drafter serve``, a tab and a terminal,
two clerks on a shared folder) would each autosave over the other's changes. Whoever
opens a project first writes ``.项目.json.lock`` beside it (process id, computer, user,
where it is edited, since when); whoever comes second is refused with a Chinese
message saying where the project is open and what to do.

The lock is created atomically (a hard link, or ``O_EXCL`` where the file system has no
hard links), so two openers never both win. A lock left by a process that is gone
(crash, ``kill -9``, power cut) is stale and is taken over: on the same computer the
process id is checked (and, on Linux, that the id was not reused by another program
since). A lock from another computer cannot be checked; the message names that
computer and the lock file to delete if drafter there is no longer running.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
import time
import uuid
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

UNFINISHED_GRACE = 10.0
"""Seconds an empty or unreadable lock file is taken to be one being written right now;
older, it was left by a crash between creating and writing it, and is stale."""


@dataclass(frozen=True)
class Holder:
    """Who holds a project's lock: what the refused clerk is told."""

    pid: int
    host: str
    user: str
    where: str
    """Where the project is edited, in Chinese: 浏览器, 终端 ..."""
    leave: str
    """How to let go of it there, in Chinese: 按 Ctrl+Q 退出 ..."""
    since: str
    """ISO time the project was opened."""
    started: str = ""
    """The holder's process start time where the OS tells it (Linux), to tell a live
    holder from a new process that was given the same id after the holder died."""
    key: str = ""
    """Unique per opening: a lock is removed only by the opening that made it."""

    @classmethod
    def me(cls, where: str, leave: str) -> Holder:
        return cls(
            pid=os.getpid(),
            host=socket.gethostname(),
            user=_user(),
            where=where,
            leave=leave,
            since=datetime.now().isoformat(timespec="seconds"),
            started=_process_start(os.getpid()),
            key=uuid.uuid4().hex,
        )


class ProjectLocked(Exception):
    """The project is open elsewhere; ``str(error)`` tells the clerk what to do."""

    def __init__(self, project: Path, lock_file: Path, holder: Holder | None) -> None:
        self.project = project
        self.lock_file = lock_file
        self.holder = holder
        super().__init__(self.describe())

    def describe(self) -> str:
        name = self.project.name
        holder = self.holder
        if holder is None:  # being written this very moment
            return f"{name} 正在另一处打开，请稍后再试。"
        since = holder.since.replace("T", " ")
        text = (
            f"{name} 已在{holder.where}中打开（{holder.host} 上的 drafter，进程 {holder.pid}，"
            f"{since} 起）。同一份报告同时只能在一处编辑，否则会互相覆盖。"
            f"请回到那里继续；要在这里编辑，先在那里{holder.leave}，再重试。"
        )
        if holder.host != socket.gethostname():
            text += (
                f"若 {holder.host} 上的 drafter 已经不在运行（例如那台电脑死机），"
                f"删除锁文件 {self.lock_file} 后再打开。"
            )
        return text


class ProjectLock:
    """A held lock (or, where nothing can be written, a lock that holds nothing)."""

    def __init__(self, project: Path, lock_file: Path, holder: Holder | None) -> None:
        self.project = project
        self.lock_file = lock_file
        self.holder = holder
        """Ourselves; None when the folder is read-only (no writer can exist there)."""

    @property
    def held(self) -> bool:
        return self.holder is not None

    def release(self) -> None:
        """Remove the lock file if it is still ours; safe to call more than once."""
        holder, self.holder = self.holder, None
        if holder is None:
            return
        found, _ = _read(self.lock_file)
        if found is not None and found.key == holder.key:
            try:
                self.lock_file.unlink()
            except OSError:
                pass  # left behind: stale once this process ends


def lock_path(project: str | Path) -> Path:
    """Where the lock of ``project`` lives: a hidden file beside it."""
    project = Path(project)
    return project.with_name(f".{project.name}.lock")


def acquire(project: str | Path, where: str = "另一个窗口", leave: str = "关闭它") -> ProjectLock:
    """Lock ``project`` for this process or raise :class:`ProjectLocked`.

    ``where`` and ``leave`` tell a refused clerk where the project is open (浏览器, 终端)
    and how to let go of it there (按 Ctrl+Q 退出).
    A stale lock is taken over. A folder where the lock file cannot be created at all
    (read-only) gives a lock that holds nothing: no one can save a project there.
    """
    project = Path(project).resolve()  # one lock however the file is named (links, ..)
    path = lock_path(project)
    me = Holder.me(where, leave)
    holder: Holder | None = None
    for _ in range(5):
        try:
            _create(path, me)
            return ProjectLock(project, path, me)
        except FileExistsError:
            pass
        except OSError:
            return ProjectLock(project, path, None)
        holder, text = _read(path)
        if text is None:
            continue  # released between our attempt and the read
        if not _stale(holder, path):
            raise ProjectLocked(project, path, holder)
        _take_over(path, text)
    raise ProjectLocked(project, path, holder)


def _create(path: Path, holder: Holder) -> None:
    """Create the lock file holding ``holder``, whole, or raise FileExistsError."""
    data = json.dumps(asdict(holder), ensure_ascii=False).encode("utf-8")
    tmp = path.with_name(f"{path.name}.{holder.key}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
    try:
        os.link(tmp, path)  # atomic, fails if the lock exists; readers never see it half-written
        return
    except FileExistsError:
        raise
    except OSError:
        pass  # no hard links here (FAT, some network shares): create it exclusively instead
    finally:
        tmp.unlink(missing_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def _read(path: Path) -> tuple[Holder | None, str | None]:
    """The holder recorded in ``path`` (None if unreadable) and the raw text (None if gone)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return None, None
    except OSError:
        return None, ""
    try:
        raw = json.loads(text)
        fields = {k: raw[k] for k in Holder.__dataclass_fields__ if k in raw}
        return Holder(**{"leave": "关闭它", **fields}), text
    except (ValueError, TypeError):
        return None, text


def _stale(holder: Holder | None, path: Path) -> bool:
    """True if nobody holds this lock any more."""
    if holder is None:  # empty or garbled: being written now, or left by a crash mid-write
        try:
            return time.time() - path.stat().st_mtime > UNFINISHED_GRACE
        except OSError:
            return False
    if holder.host != socket.gethostname():
        return False  # another computer's process cannot be checked from here
    if not _alive(holder.pid):
        return True
    started = _process_start(holder.pid)
    return bool(holder.started and started and started != holder.started)


def _take_over(path: Path, seen: str) -> None:
    """Remove the stale lock ``path`` whose text was ``seen``, and only that one.

    Renamed away first (atomic), then checked: if another opener replaced it meanwhile,
    what was renamed is theirs and goes back.
    """
    grave = path.with_name(f"{path.name}.{uuid.uuid4().hex}.stale")
    try:
        os.rename(path, grave)
    except OSError:
        return  # already taken over by someone else
    try:
        if grave.read_text(encoding="utf-8", errors="replace") != seen:
            try:
                os.link(grave, path)
            except OSError:
                pass
    except OSError:
        pass
    finally:
        grave.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    """True if a process with this id is running on this computer."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would terminate it on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return bool(kernel32.GetLastError() == 5)  # access denied: it exists
        code = ctypes.c_ulong()
        ok = kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return bool(ok) and code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _process_start(pid: int) -> str:
    """The process's start time on Linux (boot id and clock ticks since boot), else ''."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as fh:
            boot = fh.read().strip()
    except (OSError, IndexError):
        return ""
    return f"{boot}:{fields[19]}" if len(fields) > 19 else ""


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""
