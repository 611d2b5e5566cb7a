"""What an operating-system error means, in Chinese, with what to do about it.

Python's ``OSError.strerror`` is the C library's English (``Permission denied``, ``No
space left on device``); a clerk reads this instead. Every message that reports an
OSError (reading a report or project, saving, exporting, the settings file) says
``explain(exc)``; errors with no entry are named by their number, still in Chinese.
"""

from __future__ import annotations

import errno

_REASONS: dict[int, str] = {
    errno.ENOENT: "文件或文件夹不存在：请检查路径是否正确",
    errno.EACCES: "没有权限：请检查文件和文件夹的权限，或换一个位置",
    errno.EPERM: (
        "操作不被允许（文件属于其他用户，或被设为只读、被锁定）：请换一个位置，或请管理员检查权限"
    ),
    errno.EISDIR: "这是一个文件夹，不是文件：请给出文件名",
    errno.ENOTDIR: "路径中有一级不是文件夹：请检查路径",
    errno.ENOSPC: "磁盘空间已满：请清理磁盘或换一个位置后重试",
    errno.ENAMETOOLONG: "文件名或路径太长：请改用短一些的文件名或文件夹",
    errno.EROFS: "所在的磁盘只能读、不能写：请换一个位置",
    errno.EEXIST: "文件已存在：请换一个文件名",
    errno.EBUSY: "文件正被其他程序使用：请关闭它后重试",
    errno.EMFILE: "同时打开的文件太多：请关闭一些程序后重试",
    errno.ENFILE: "系统同时打开的文件太多：请关闭一些程序后重试",
    errno.EIO: "读写磁盘时出错（磁盘、U 盘或网络盘可能有故障）：请换一个位置后重试",
    errno.EFBIG: "文件太大，超出了系统允许的大小",
    errno.EINVAL: "文件名中有不允许的字符：请改用只含汉字、字母、数字的文件名",
    errno.ELOOP: "路径中的链接形成了循环：请检查路径",
    errno.EXDEV: "不能跨磁盘移动文件：请保存到同一磁盘上",
    errno.ENOTEMPTY: "文件夹不是空的",
    errno.ETIMEDOUT: "网络盘响应超时：请检查网络后重试",
    errno.ENODEV: "设备不存在或已断开（如拔出的 U 盘）：请检查后重试",
    errno.ENXIO: "设备不存在或已断开（如拔出的 U 盘）：请检查后重试",
    errno.ECONNREFUSED: "对方拒绝连接（服务没有启动，或地址、端口不对）：请检查地址和服务",
    errno.ECONNRESET: "连接被对方断开：请稍后重试",
    errno.EHOSTUNREACH: "连不到对方主机（网络不通）：请检查网络或代理",
    errno.ENETUNREACH: "网络不通：请检查网络或代理",
    errno.ECONNABORTED: "连接中断：请稍后重试",
}
for _name, _reason in (
    ("EDQUOT", "超出了磁盘配额：请清理文件或请管理员增加配额"),
    ("ETXTBSY", "文件正被其他程序使用：请关闭它后重试"),
    ("ESTALE", "网络盘上的文件已失效：请重新连接网络盘后重试"),
):
    if hasattr(errno, _name):
        _REASONS[getattr(errno, _name)] = _reason

_WINDOWS: dict[int, str] = {
    32: "文件正被其他程序（如 Word、WPS）打开：请关闭它后重试",
    33: "文件的一部分被其他程序锁定（如 Word、WPS）：请关闭它后重试",
    112: _REASONS[errno.ENOSPC],
}
"""Windows error codes (``OSError.winerror``) that say more than their errno."""


def explain(exc: OSError) -> str:
    """The reason and what to do, in Chinese: ``没有权限：请检查……``."""
    winerror = getattr(exc, "winerror", None)
    if isinstance(winerror, int) and winerror in _WINDOWS:
        return _WINDOWS[winerror]
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    if exc.errno is not None and exc.errno < 0:  # socket.gaierror: a name not found
        return "找不到这个主机名（地址写错，或没有联网）：请检查地址和网络"
    if exc.errno:
        return f"系统错误（错误号 {exc.errno}）：请检查路径、权限和磁盘后重试"
    return "系统错误：请检查路径、权限和磁盘后重试"
