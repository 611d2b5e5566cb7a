"""The drafting engine: draft narrative sections concurrently, check them, re-ask once.

The seam is :class:`Drafter`: :class:`ModelDrafter` drafts with any :class:`ChatModel`
(``drafter.llm.OpenAIChat`` in the program, scripted doubles in tests) and the offline
drafter (``drafting.offline``) rolls last year's text forward. :func:`draft_sections`
runs one of them over several sections with a bound on concurrency and reports
progress as events, so a UI can stream text into a widget and cancel::

    drafts = await draft_sections(drafter, project, ["overview", "other"],
                                  concurrency=3, on_event=post_to_widget)

Cancelling the task that awaits it cancels every section; each section still reports
a :class:`SectionDone` with an ``incomplete`` draft holding the text received so far.
Nothing here writes the project: :func:`drafting.apply.apply_draft` does that.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from drafter import forms
from drafter.drafting.calllog import CallLog, CallRecord, prompt_hash
from drafter.drafting.chat import ChatError, ChatMessage, ChatModel, Completion
from drafter.drafting.checks import check_draft, reask_findings
from drafter.drafting.prompts import (
    REASK_TEMPLATE,
    PromptError,
    Prompts,
    reask_message,
    section_prompt,
)
from drafter.drafting.reasoning import ThinkFilter
from drafter.model import Draft, DraftStatus, Finding, Project

# --------------------------------------------------------------------------- events


@dataclass(frozen=True)
class AttemptStarted:
    """A model call for ``key`` begins (attempt 2 is the re-ask)."""

    key: str
    attempt: int
    reason: str | None = None


@dataclass(frozen=True)
class TextDelta:
    """New visible text of ``key``; with ``reset`` it replaces everything shown so far."""

    key: str
    text: str
    reset: bool = False


@dataclass(frozen=True)
class SectionDone:
    key: str
    draft: Draft


DraftEvent = AttemptStarted | TextDelta | SectionDone
EventSink = Callable[[DraftEvent], None]


def _ignore(_: DraftEvent) -> None:
    return None


class Drafter(Protocol):
    """Something that drafts one narrative section of a project."""

    @property
    def origin(self) -> str:
        """Who writes the drafts: ``offline`` or ``模型名 @ 主机``."""
        ...

    async def draft(self, project: Project, key: str, emit: EventSink) -> Draft: ...


def now() -> datetime:
    return datetime.now().astimezone()


# --------------------------------------------------------------------------- model drafter

FINISH_MESSAGES = {
    None: "连接在回复结束前中断，只收到了部分文字",
    "length": "回复达到长度上限被截断（可调大设置 max_tokens，或删减要点后重试）",
    "content_filter": "回复被服务方的内容安全策略拦截",
    "sensitive": "回复被服务方的内容安全策略拦截",
}


@dataclass
class _Attempt:
    text: str
    status: DraftStatus
    message: str | None = None


_KINDS = {"C1": "数字", "N6": "年份、日期或占位符", "N7": "与上年雷同", "N1": "标题编号"}


def _kinds(findings: list[Finding]) -> str:
    """What the findings are about, in Chinese: 数字、与上年雷同."""
    rules = dict.fromkeys(f.rule for f in findings)
    return "、".join(_KINDS.get(r, r) for r in rules)


class ModelDrafter:
    """Drafts with a chat model: prompt, stream, check, one re-ask on C1/N6 errors and
    on N7/N1 (copied from last year, sub-headings numbered like sections)."""

    def __init__(self, chat: ChatModel, prompts: Prompts, log: CallLog | None = None) -> None:
        self.chat = chat
        self.prompts = prompts
        self.log = log

    @property
    def origin(self) -> str:
        return f"{self.chat.model} @ {self.chat.host}"

    async def draft(self, project: Project, key: str, emit: EventSink) -> Draft:
        prompt = section_prompt(self.prompts, project, key)
        emit(AttemptStarted(key, 1))
        first = await self._attempt(key, prompt.messages, 1, prompt.template, emit)
        if first.status != "complete":
            return self._draft(first.text, first.status, first.message)
        findings = check_draft(project, key, first.text)
        to_fix = reask_findings(findings)
        if not to_fix:
            return self._draft(first.text, "complete", None, findings)
        messages = [
            *prompt.messages,
            ChatMessage("assistant", first.text),
            reask_message(self.prompts, project, key, to_fix),
        ]
        reason = f"核对发现 {len(to_fix)} 处问题（{_kinds(to_fix)}），按核对意见重写一次"
        emit(AttemptStarted(key, 2, reason))
        second = await self._attempt(key, messages, 2, REASK_TEMPLATE, emit)
        if second.status != "complete":
            emit(TextDelta(key, first.text, reset=True))
            note = f"按核对意见重写未成功（{second.message}），保留第一稿"
            return self._draft(first.text, "complete", note, findings)
        return self._draft(second.text, "complete", None, check_draft(project, key, second.text))

    def _draft(
        self,
        text: str,
        status: DraftStatus,
        message: str | None,
        findings: list[Finding] | None = None,
    ) -> Draft:
        return Draft(
            text=text,
            status=status,
            origin=self.origin,
            created=now(),
            message=message,
            findings=findings or [],
        )

    async def _attempt(
        self,
        key: str,
        messages: Sequence[ChatMessage],
        attempt: int,
        template: str,
        emit: EventSink,
    ) -> _Attempt:
        think = ThinkFilter()
        first_delta = True

        def on_text(delta: str) -> None:
            nonlocal first_delta
            out = think.feed(delta)
            if out.text or out.reset:
                emit(TextDelta(key, out.text, reset=out.reset or first_delta))
                first_delta = False

        started = time.monotonic()
        record = CallRecord(
            host=self.chat.host,
            model=self.chat.model,
            template=template,
            section=key,
            attempt=attempt,
            prompt_hash=prompt_hash(messages),
            prompt_chars=sum(len(m.content) for m in messages),
            outcome="failed",
            duration_s=0.0,
        )
        completion: Completion | None = None
        try:
            completion = await self.chat.complete(messages, on_text)
        except ChatError as err:
            on_text_tail(think, key, emit)
            text = tidy(think.text, key)
            status: DraftStatus = "incomplete" if text else "failed"
            record.error = err.message
            result = _Attempt(text, status, err.message)
        except asyncio.CancelledError:
            record.outcome = "cancelled"
            self._log(record, started, think, messages)
            raise
        else:
            on_text_tail(think, key, emit)
            text = tidy(think.text, key)
            record.finish_reason = completion.finish_reason
            record.usage = completion.usage
            result = _judge(completion, text, think.reasoning_chars)
            record.error = result.message
        record.outcome = result.status
        self._log(record, started, think, messages, completion)
        return result

    def _log(
        self,
        record: CallRecord,
        started: float,
        think: ThinkFilter,
        messages: Sequence[ChatMessage],
        completion: Completion | None = None,
    ) -> None:
        record.duration_s = round(time.monotonic() - started, 3)
        record.reasoning_chars = think.reasoning_chars + (
            completion.reasoning_chars if completion else 0
        )
        if self.log is not None:
            self.log.record(record, messages)


def on_text_tail(think: ThinkFilter, key: str, emit: EventSink) -> None:
    tail = think.finish()
    if tail.text:
        emit(TextDelta(key, tail.text))


def _judge(completion: Completion, text: str, reasoning_chars: int) -> _Attempt:
    reason = completion.finish_reason
    if reason == "stop":
        if text:
            return _Attempt(text, "complete")
        if reasoning_chars or completion.reasoning_chars:
            return _Attempt(
                "",
                "failed",
                "模型只输出了推理过程，没有正文：请在设置 extra_body 中关闭深度思考，"
                "或调大 max_tokens 后重试",
            )
        return _Attempt("", "failed", "模型返回了空内容：请重试，或换用其他模型")
    message = FINISH_MESSAGES.get(reason, f"回复异常结束（finish_reason={reason}）")
    return _Attempt(text, "incomplete" if text else "failed", message)


_FENCE = re.compile(r"^```[a-zA-Z]*\s*$", re.MULTILINE)


def tidy(text: str, key: str) -> str:
    """The reply as section text: no code fences, no repeated heading, no stray blank runs."""
    text = _FENCE.sub("", text).strip()
    heading = forms.SECTION_BY_KEY[key].heading
    first, _, rest = text.partition("\n")
    if _plain(first) in (_plain(heading), _plain(heading.split("、", 1)[-1])):
        text = rest.strip()
    return re.sub(r"\n{3,}", "\n\n", text)


def _plain(line: str) -> str:
    return re.sub(r"[\s#*：:]", "", line)


# --------------------------------------------------------------------------- many sections

CANCELLED = "起草已取消：已收到的部分保存为草稿，未写入正文"


async def draft_sections(
    drafter: Drafter,
    project: Project,
    keys: Sequence[str],
    *,
    concurrency: int = 3,
    on_event: EventSink | None = None,
) -> dict[str, Draft]:
    """Draft ``keys`` with at most ``concurrency`` at a time; a draft per key, in order.

    A section that fails yields a ``failed``/``incomplete`` draft with a Chinese message
    rather than an exception, so one bad call never costs the other sections.
    """
    sink = on_event or _ignore
    shown = {key: "" for key in keys}
    results: dict[str, Draft] = {}
    gate = asyncio.Semaphore(max(1, concurrency))

    def emit(event: DraftEvent) -> None:
        if isinstance(event, TextDelta):
            shown[event.key] = event.text if event.reset else shown[event.key] + event.text
        sink(event)

    async def one(key: str) -> None:
        async with gate:
            try:
                draft = await drafter.draft(project, key, emit)
            except asyncio.CancelledError:
                text = shown[key].strip()
                draft = Draft(
                    text=text,
                    status="incomplete" if text else "failed",
                    origin=drafter.origin,
                    created=now(),
                    message=CANCELLED,
                )
                results[key] = draft
                sink(SectionDone(key, draft))
                raise
            except PromptError as exc:
                draft = Draft(
                    status="failed", origin=drafter.origin, created=now(), message=str(exc)
                )
        results[key] = draft
        sink(SectionDone(key, draft))

    async with asyncio.TaskGroup() as group:
        for key in keys:
            group.create_task(one(key))
    return {key: results[key] for key in keys if key in results}
