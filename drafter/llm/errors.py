"""The one place where openai's exceptions become messages a clerk can act on.

Each maps to a :class:`ChatError` kind and a Chinese sentence saying what happened and
what to do. Server-supplied text is quoted only where it helps (a 400's reason), cut
short and scrubbed of the key.
"""

from __future__ import annotations

import json
from typing import Any

import httpx2
import openai

from drafter.config import Settings
from drafter.drafting.chat import ChatError, ErrorKind
from drafter.oserrors import explain

FILTER_MARKERS = ("data_inspection_failed", "content_filter", "sensitive", "1301", "敏感", "不安全")
TOO_LONG_MARKERS = ("context_length", "maximum context", "too long", "max_tokens", "超过最大长度")
QUOTA_MARKERS = ("insufficient_quota", "insufficient balance", "余额不足", "arrearage", "quota")
MODEL_MARKERS = ("model", "模型")


def _body_text(body: object) -> tuple[str, str]:
    """(code, message) from an error body in any of the usual shapes."""
    if isinstance(body, dict):
        inner: Any = body.get("error", body)
        if isinstance(inner, dict):
            code = str(inner.get("code") or inner.get("type") or "")
            return code, str(inner.get("message") or "")
        return "", str(inner)
    return "", "" if body is None else str(body)


def _short(text: str, secret: str | None, limit: int = 160) -> str:
    if secret:
        text = text.replace(secret, "***")
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def _connection_failure(exc: BaseException) -> str:
    """Why a connection failed, from the operating system's error under the client's, in
    Chinese (``（对方拒绝连接……）``); empty when no such error is found."""
    cause = exc.__cause__ or exc.__context__
    while cause is not None:
        if isinstance(cause, OSError) and cause.errno is not None:
            return f"（{explain(cause).split('：', 1)[0]}）"
        cause = cause.__cause__ or cause.__context__
    return ""


def describe(exc: BaseException, settings: Settings, partial: str = "") -> ChatError | None:
    """The ChatError for an exception raised by the openai client; None if not one of its."""
    retries = settings.max_retries
    retried = f"已自动重试 {retries} 次，" if retries else ""
    url = settings.base_url or ""
    secret = settings.key_value()

    def err(kind: ErrorKind, message: str, status: int | None = None) -> ChatError:
        return ChatError(kind, message, partial=partial, status=status)

    if partial and isinstance(exc, openai.APITimeoutError):
        return err(
            "timeout",
            f"回复中途超过 {settings.timeout:g} 秒没有新内容，已停止等待：已收到的部分保存为草稿，"
            "请稍后重试",
        )
    if partial and isinstance(exc, openai.APIConnectionError | httpx2.TransportError):
        return err("cut", f"与 {url} 的连接在回复中途中断：已收到的部分保存为草稿，请重试")
    if isinstance(exc, openai.APITimeoutError):
        return err(
            "timeout",
            f"等待服务器响应超过 {settings.timeout:g} 秒，{retried}仍未完成。"
            "请稍后再试，或用 --timeout 调大超时（本机部署的大模型首次加载可能较慢）",
        )
    if isinstance(exc, openai.APIConnectionError):
        why = _connection_failure(exc)
        return err(
            "unreachable",
            f"无法连接到接口地址 {url}{why}，{retried}仍失败。"
            "请检查地址是否正确、网络或代理是否可用；"
            "本机或单位部署的模型（Ollama、vLLM）请确认服务已启动",
        )
    if isinstance(exc, openai.APIStatusError):
        return _status_error(exc, settings, partial)
    if isinstance(exc, openai.APIResponseValidationError | json.JSONDecodeError):
        return err(
            "protocol",
            f"服务器 {url} 返回的内容不是 OpenAI 兼容格式：请核对接口地址（通常以 /v1 结尾）",
        )
    if isinstance(exc, openai.APIError):  # an error event inside the stream
        code, message = _body_text(exc.body)
        if any(m in f"{code} {message}".lower() for m in FILTER_MARKERS):
            return err(
                "filtered", "内容被服务方的内容安全策略拦截：请调整要点或上年原文中的敏感表述后重试"
            )
        return err(
            "server", f"服务器在回复中途报错（{_short(message or code, secret)}）：请稍后重试"
        )
    if isinstance(exc, httpx2.TransportError):
        return err("cut", f"与 {url} 的连接在回复中途中断：请检查网络后重试")
    return None


def _status_error(exc: openai.APIStatusError, settings: Settings, partial: str) -> ChatError:
    status = exc.status_code
    code, server_message = _body_text(exc.body)
    said = f"{code} {server_message}".lower()
    secret = settings.key_value()
    model = settings.model or ""
    retries = settings.max_retries
    retried = f"已自动重试 {retries} 次，" if retries else ""

    def err(kind: ErrorKind, message: str) -> ChatError:
        return ChatError(kind, message, partial=partial, status=status)

    if any(m in said for m in FILTER_MARKERS) and status in (400, 403, 422, 451):
        return err(
            "filtered", "内容被服务方的内容安全策略拦截：请调整要点或上年原文中的敏感表述后重试"
        )
    if status == 401:
        return err(
            "auth",
            f"API Key 无效或已过期（服务器返回 401，当前密钥 {settings.masked_key()}）：请用 "
            "drafter config --set-key 重新保存，或检查环境变量 DRAFTER_API_KEY",
        )
    if status == 402 or (status == 429 and any(m in said for m in QUOTA_MARKERS)):
        return err("quota", f"账户余额或额度不足（{status}）：请到服务方控制台充值或开通后重试")
    if status == 403:
        return err(
            "permission",
            f"没有使用模型「{model}」的权限（403）：请在服务方控制台开通该模型，或换用已开通的模型",
        )
    if status == 404:
        what = f"模型「{model}」" if any(m in said for m in MODEL_MARKERS) else "接口路径或模型"
        return err(
            "model",
            f"服务器找不到{what}（404）：请核对模型名（以服务方提供的为准，drafter config --check "
            f"会列出可用的模型）和接口地址 {settings.base_url}",
        )
    if status == 429:
        return err(
            "rate",
            f"请求过于频繁，被服务方限流（429），{retried}仍未成功："
            "请稍后再试，或用 --concurrency 1 降低并发",
        )
    if status >= 500:
        return err("server", f"服务器内部错误（{status}），{retried}仍未成功：请稍后再试")
    if any(m in said for m in TOO_LONG_MARKERS):
        return err("too_long", "提示词超过模型允许的长度：请删减要点，或换用上下文更长的模型")
    if status in (400, 422) and any(m in said for m in MODEL_MARKERS) and model in server_message:
        return err(
            "model", f"服务器不接受模型名「{model}」（{status}）：请核对模型名，以服务方提供的为准"
        )
    reason = _short(server_message or code, secret)
    return err(
        "bad_request",
        f"服务器拒绝了请求（{status}{'：' + reason if reason else ''}）：请检查设置 extra_body、"
        "temperature、max_tokens 是否为该服务方支持的参数",
    )
