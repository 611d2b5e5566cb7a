"""argparse speaking Chinese: every line it prints (usage, help, errors) for a clerk.

argparse looks its words up through gettext (``argparse._``, ``argparse.ngettext``) at
the moment it prints them. :class:`ChineseArgumentParser` points those two names at the
Chinese table below while it builds, parses or prints, and puts them back afterwards, so
other argparse users in the same process (pytest, for one) are untouched. A string not
in the table is printed as argparse has it: ``tests/cli/test_chinese_messages.py`` runs
the real commands and fails on any English left.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any, NoReturn

CHINESE: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "optional arguments": "选项",  # Python before 3.10
    "subcommands": "命令",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "没有「%(value)s」这一项，可选：%(choices)s"
    ),
    "invalid %(type)s value: %(value)r": "「%(value)s」不是有效的值",
    "expected one argument": "后面要跟一个值",
    "expected at most one argument": "后面最多跟一个值",
    "expected at least one argument": "后面至少要跟一个值",
    "unrecognized arguments: %s": "不认识的参数：%s",
    "the following arguments are required: %s": "缺少必填的参数：%s",
    "one of the arguments %s is required": "以下参数必须给出一个：%s",
    "not allowed with argument %s": "不能与 %s 同时使用",
    "ignored explicit argument %r": "这个选项不带值，却给了「%s」",
    "ambiguous option: %(option)s could match %(matches)s": (
        "选项 %(option)s 不完整，可能是：%(matches)s"
    ),
    "unexpected option string: %s": "这里不应出现选项 %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "没有「%(parser_name)s」这个命令，可用的命令：%(choices)s"
    ),
    "%(prog)s: error: %(message)s\n": "%(prog)s：参数有误：%(message)s\n",
}
"""argparse's messages (its gettext message ids) and what a clerk reads instead."""

CHINESE_PLURAL: dict[str, str] = {
    "expected %s argument": "后面要跟 %s 个值",
}
"""argparse's ``ngettext`` messages, by their singular id (Chinese has one form)."""


def _chinese(message: str) -> str:
    return CHINESE.get(message, message)


def _chinese_plural(singular: str, plural: str, n: int) -> str:
    if singular in CHINESE_PLURAL:
        return CHINESE_PLURAL[singular]
    return singular if n == 1 else plural


@contextmanager
def chinese_argparse() -> Iterator[None]:
    """argparse prints Chinese inside this block; nested blocks are fine."""
    module: Any = argparse  # typeshed does not declare argparse's gettext names
    saved = module._, module.ngettext
    module._, module.ngettext = _chinese, _chinese_plural
    try:
        yield
    finally:
        module._, module.ngettext = saved


def cells(text: str) -> int:
    """Terminal columns ``text`` takes: a Chinese character takes two.

    Not ``rich.cells.cell_len`` as in the TUI: every command formats a usage line
    (``add_subparsers`` does), and importing rich would cost each one ~2.5 ms."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


@cache
def _pieces() -> re.Pattern[str]:
    """Where a help line may break: after a space, or between two Chinese characters.

    Compiled when help is shown: a class of Chinese characters takes milliseconds to
    compile, which every command would pay at start."""
    return re.compile(r"[^\s\u2e80-\uffef]+\s*|[\u2e80-\uffef]\s*|\s+")


_NO_LINE_START = frozenset("，。、；：？！）」』》”’")


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns (a closing mark may hang over)."""
    lines: list[str] = []
    line, used = "", 0
    for piece in _pieces().findall(" ".join(text.split())):
        size = cells(piece.rstrip())
        if line and used + size > width and piece[0] not in _NO_LINE_START:
            lines.append(line.rstrip())
            line, used = "", 0
        line += piece
        used += cells(piece)
    if line.strip():
        lines.append(line.rstrip())
    return lines


class ChineseHelpFormatter(argparse.HelpFormatter):
    """argparse's layout measured in terminal columns, so Chinese help lines up and wraps.

    argparse counts characters: a Chinese metavar (``--year 年度``) pushes its help text
    out of the column, and a Chinese paragraph (no spaces) is one "word" it cannot wrap.
    """

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:
            invocations = [self._format_action_invocation(action)]
            invocations += [
                self._format_action_invocation(a) for a in self._iter_indented_subactions(action)
            ]
            widest = max(cells(i) for i in invocations) + self._current_indent
            self._action_max_length = max(self._action_max_length, widest)

    def _format_action(self, action: argparse.Action) -> str:
        help_position = min(self._action_max_length + 2, self._max_help_position)
        header = self._format_action_invocation(action)
        width = help_position - self._current_indent - 2
        indent = " " * self._current_indent
        help_text = self._expand_help(action) if action.help and action.help.strip() else ""
        lines = wrap(help_text, max(self._width - help_position, 11)) if help_text else []
        if not lines:
            parts = [f"{indent}{header}\n"]
        elif cells(header) <= width:
            pad = " " * (width - cells(header) + 2)
            parts = [f"{indent}{header}{pad}{lines[0]}\n"]
            lines = lines[1:]
        else:
            parts = [f"{indent}{header}\n"]
        parts += [f"{' ' * help_position}{line}\n" for line in lines]
        parts += [self._format_action(a) for a in self._iter_indented_subactions(action)]
        return self._join_parts(parts)

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap(text, width - cells(indent)))

    def _format_usage(self, *args: Any) -> str:
        # argparse wraps the usage by characters and indents its continuation lines by the
        # characters of 用法：: narrow its width until every line fits in columns.
        prefix = _chinese("usage: ")
        extra = " " * (cells(prefix) - len(prefix))
        width = self._width
        try:
            while True:
                lines = super()._format_usage(*args).split("\n")
                lines = [extra + s if k and s.startswith(" ") else s for k, s in enumerate(lines)]
                over = max(cells(line) for line in lines) - width
                if over <= 0 or self._width - over < 40:
                    return "\n".join(lines)
                self._width -= over
        finally:
            self._width = width


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with Chinese usage, help and error lines; exit status 2 for usage errors."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        with chinese_argparse():  # the group titles and the help option's text
            super().__init__(*args, **kwargs)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: Any = None
    ) -> Any:
        with chinese_argparse():  # its "unrecognized arguments" line is its own
            return super().parse_args(args, namespace)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: Any = None
    ) -> tuple[Any, list[str]]:
        with chinese_argparse():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with chinese_argparse():
            return super().format_usage()

    def format_help(self) -> str:
        with chinese_argparse():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：参数有误：{message}\n用 {self.prog} --help 查看用法。\n")


def number(kind: type[int] | type[float], unit: str) -> Callable[[str], int | float]:
    """An argparse ``type`` for a number of ``unit`` with a Chinese message when it is not."""
    words = "整数" if kind is int else "数字"

    def parse(text: str) -> int | float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"「{text}」不是{words}（单位：{unit}）") from None
        return value

    return parse
