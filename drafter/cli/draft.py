"""``drafter draft PROJECT [--section KEY|all] [--offline]``: draft the narrative sections.

Uses the configured model (``drafter config``), or the offline drafter when no endpoint
is configured or ``--offline`` is given. Each draft goes into the project file (saved
atomically): into the section when it is empty or still holds the previous untouched
draft, otherwise beside the clerk's text as a suggestion. A failed or cut call keeps
whatever arrived as an incomplete draft and never touches the section.
Exit status (report-json.md): 0 all drafted, 1 some section could not be drafted,
2 unusable input or settings; 130 when interrupted (what was done is saved).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.cli.config import add_endpoint_flags, flags_of

if TYPE_CHECKING:  # the drafting machinery loads when a draft is made, not to build the parser
    from drafter.config import Settings
    from drafter.drafting.apply import Outcome
    from drafter.drafting.prompts import Prompts
    from drafter.model import Draft, Project

SECTION_CHOICES = ("overview", "problems", "other")
"""``forms.NARRATIVE_KEYS``, spelt out so that building the parser imports no format
definitions (a test checks that the two agree)."""


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "draft",
        help="起草文字部分（一、总体情况，五、存在的主要问题及改进情况，六、其他需要报告的事项）",
        description=(
            "用已配置的模型（见 drafter config）起草文字部分；未配置接口或加 --offline 时，"
            "根据上年报告文字离线生成初稿。草稿写入项目文件：该部分为空或仍是上次未改动的草稿时"
            "写入正文，已有修改时作为建议稿保存在旁边，不会覆盖已写的文字。"
            "退出码：0 全部完成；1 有部分未能起草；2 输入或设置无法使用。"
        ),
    )
    p.add_argument("project", metavar="项目文件", help="项目文件（.json）")
    p.add_argument(
        "--section",
        choices=(*SECTION_CHOICES, "all"),
        default="all",
        help="要起草的部分：overview（一）、problems（五）、other（六）或 all（默认）",
    )
    p.add_argument("--offline", action="store_true", help="不调用模型，离线生成初稿")
    add_endpoint_flags(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Draft with the project locked: a window editing it meanwhile would save over the drafts."""
    from drafter.lock import ProjectLocked, acquire

    path = Path(args.project)
    try:
        lock = acquire(path, "命令行（drafter draft）", "等起草完成或按 Ctrl+C 中断")
    except ProjectLocked as exc:
        print(str(exc), file=sys.stderr)
        return 2
    try:
        return _locked(args, path)
    finally:
        lock.release()


def _locked(args: argparse.Namespace, path: Path) -> int:
    from drafter import forms
    from drafter.config import ConfigError, load_settings
    from drafter.drafting.prompts import PromptError, Prompts
    from drafter.llm.choice import ModelUnusable, uses_model
    from drafter.store import ProjectError, load_project

    try:
        project = load_project(path).project
        settings = load_settings(flags_of(args))
        prompts = Prompts(settings.prompts_dir)
    except (ProjectError, ConfigError, PromptError) as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if not project.year:
        print(f"{path} 没有填写报告年度（year）：请先填写年度再起草。", file=sys.stderr)
        return 2
    keys = list(forms.NARRATIVE_KEYS) if args.section == "all" else [args.section]

    try:
        model = uses_model(settings, offline=args.offline)
    except ModelUnusable as exc:
        print(f"{exc}也可以加 --offline 离线起草。", file=sys.stderr)
        return 2
    if not model and not args.offline:
        print(
            "未配置模型接口，使用离线起草（根据上年报告文字滚动生成；配置方法见 drafter config）。"
        )
    return _run(path, project, keys, settings, prompts, model=model)


def _run(
    path: Path,
    project: Project,
    keys: list[str],
    settings: Settings,
    prompts: Prompts,
    *,
    model: bool,
) -> int:
    import asyncio

    from drafter import forms
    from drafter.drafting.engine import AttemptStarted, DraftEvent, SectionDone, draft_sections
    from drafter.llm.choice import open_drafter

    done: dict[str, Draft] = {}
    started = time.monotonic()

    def on_event(event: DraftEvent) -> None:
        if isinstance(event, SectionDone):
            done[event.key] = event.draft
        elif isinstance(event, AttemptStarted) and event.reason:
            heading = forms.SECTION_BY_KEY[event.key].heading
            print(f"{heading}：{event.reason}……", flush=True)

    async def main() -> None:
        async with open_drafter(settings, prompts, offline=not model) as drafter:
            concurrency = 1
            if model:
                concurrency = settings.concurrency
                names = "、".join(forms.SECTION_BY_KEY[k].heading for k in keys)
                print(f"正在用 {drafter.origin} 起草：{names}（同时 {concurrency} 个）……")
            await draft_sections(drafter, project, keys, concurrency=concurrency, on_event=on_event)

    interrupted = False
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        interrupted = True
    saved = _save(path, project, keys, done)
    if saved is None:
        return 2
    _report(keys, done, saved, time.monotonic() - started, model, path)
    if interrupted:
        print("已中断：已完成和已收到的部分均已保存。", file=sys.stderr)
        return 130
    return 0 if all(k in done and done[k].status == "complete" for k in keys) else 1


def _save(
    path: Path, project: Project, keys: list[str], done: dict[str, Draft]
) -> dict[str, Outcome] | None:
    """Apply the drafts to the project as it is on disk now (the clerk may have saved meanwhile)."""
    from drafter.drafting.apply import apply_draft
    from drafter.oserrors import explain
    from drafter.store import ProjectError, load_project, save_project

    try:
        current = load_project(path).project
    except ProjectError:
        current = project  # the file went away or broke meanwhile: keep what we loaded
    outcomes = {key: apply_draft(current, key, done[key]) for key in keys if key in done}
    if not outcomes:
        return {}
    try:
        save_project(current, path)
    except OSError as exc:
        print(f"无法保存 {path}，草稿未能写入：{explain(exc)}。", file=sys.stderr)
        return None
    return outcomes


_SAID = {
    "applied": "已写入正文",
    "suggested": "正文已有修改，草稿作为建议稿保存在旁边（正文未改动）",
    "stored": "未写入正文，已收到的部分作为草稿保存",
    "kept": "未写入正文；保留上次的完整草稿",
}


LISTED = 8
"""Findings listed per section; ``drafter check`` lists them all."""
EXCERPT = 50
"""Characters shown of the sentence a finding is in."""


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"


def _report(
    keys: list[str],
    done: dict[str, Draft],
    saved: dict[str, Outcome],
    seconds: float,
    model: bool,
    path: Path,
) -> None:
    from drafter import forms
    from drafter.drafting.calllog import log_path

    for key in keys:
        heading = forms.SECTION_BY_KEY[key].heading
        draft = done.get(key)
        if draft is None:
            print(f"{heading}：未起草（已取消）。")
            continue
        state = {"complete": "完成", "incomplete": "未完成", "failed": "失败"}[draft.status]
        line = f"{heading}：{state}，{_SAID[saved[key]]}"
        if draft.status != "complete" and saved[key] == "stored" and not draft.text:
            line = f"{heading}：{state}"
        print(line + "。")
        if draft.message:
            print(f"    {draft.message.rstrip('。')}。")
        errors = [f for f in draft.findings if f.severity == "error"]
        warnings = [f for f in draft.findings if f.severity == "warning"]
        if errors or warnings:
            must = "（导出前须处理错误）" if errors else ""
            print(f"    核对：错误 {len(errors)} 项，警告 {len(warnings)} 项{must}：")
            listed = (errors + warnings)[:LISTED]
            sentence: str | None = None
            for f in listed:  # the sentence once, then each finding in it
                if f.excerpt and f.excerpt != sentence:
                    print(f"      「{_clip(f.excerpt)}」")
                sentence = f.excerpt
                print(f"      {'  ' if sentence else ''}{f.rule} {f.message}")
            rest = len(errors) + len(warnings) - len(listed)
            if rest:
                print(f"      …另有 {rest} 项：drafter check {path} 列出全部")
    tail = f"用时 {seconds:.1f} 秒。"
    if model:
        tail += f"调用记录见 {log_path()}。"
    print(tail)
