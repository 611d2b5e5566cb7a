"""Provider presets: an OpenAI-compatible endpoint per provider, and what it needs.

Kept apart from :mod:`drafter.config` (which needs pydantic) because the command line
lists the preset names as soon as it builds its parser, for every command.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Preset:
    """A provider's OpenAI-compatible endpoint and what it needs."""

    key: str
    name: str
    base_url: str
    needs_key: bool
    note: str
    """What the clerk should know: where the key comes from, model names to look up."""
    thinking_off: str | None = None
    """The ``extra_body`` setting that switches reasoning off, when the provider has one."""


PRESETS: dict[str, Preset] = {
    p.key: p
    for p in (
        Preset(
            "deepseek",
            "DeepSeek（深度求索）",
            "https://api.deepseek.com/v1",
            True,
            "在 platform.deepseek.com 创建 API Key；模型名以服务方文档为准（如 deepseek-chat）。",
            None,
        ),
        Preset(
            "qwen",
            "通义千问（阿里云百炼 DashScope 兼容模式）",
            "https://dashscope.aliyuncs.com/compatible-mode/v1",
            True,
            "在阿里云百炼控制台创建 API Key；模型名如 qwen-plus，以控制台为准。",
            "extra_body.enable_thinking=false",
        ),
        Preset(
            "glm",
            "智谱 GLM（bigmodel.cn）",
            "https://open.bigmodel.cn/api/paas/v4",
            True,
            "在 bigmodel.cn 创建 API Key；接口路径是 /api/paas/v4，不是 /v1。",
            'extra_body.thinking={type="disabled"}',
        ),
        Preset(
            "moonshot",
            "Kimi（月之暗面 Moonshot）",
            "https://api.moonshot.cn/v1",
            True,
            "在 platform.moonshot.cn 创建 API Key；模型名以服务方文档为准。",
            None,
        ),
        Preset(
            "ollama",
            "Ollama（本机部署）",
            "http://localhost:11434/v1",
            False,
            "不需要 API Key；模型名用 ollama list 查看（如 qwen2.5:7b）。",
            'extra_body.reasoning_effort="none"',
        ),
        Preset(
            "vllm",
            "vLLM（单位自建）",
            "http://localhost:8000/v1",
            False,
            "启动 vLLM 时用了 --api-key 才需要密钥；模型名即 vllm serve 的模型名。"
            "地址不在本机时请用 --set base_url=… 改为服务器地址。",
            "extra_body.chat_template_kwargs={enable_thinking=false}",
        ),
    )
}
