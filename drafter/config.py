"""Settings for drafting with a model: where each value comes from, and provider presets.

Sources, later ones winning (``drafter config`` shows the winner and its source):

=========  ==============================================================
默认值      the defaults below
配置文件    ``paths.config_file()`` (TOML; ``drafter config --set`` writes it)
环境变量    ``DRAFTER_BASE_URL``, ``DRAFTER_MODEL``, ``DRAFTER_API_KEY``
            (falling back to ``OPENAI_BASE_URL`` / ``OPENAI_API_KEY``)
命令行      ``--base-url``, ``--model``, ``--preset``, ``--timeout`` … of a command
=========  ==============================================================

A preset only supplies a base_url and says whether a key is needed: the model name is
always the user's (providers rename models often), and so are ``extra_body`` options
such as switching "thinking" off, for which each preset carries a hint. The API key is
a secret: it lives only in the environment or in the user's own config file (mode
0600), is shown masked, and is never written to a project file, an export or a log.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, SecretStr, ValidationError

from drafter import paths, tomlwrite
from drafter.oserrors import explain
from drafter.presets import PRESETS, Preset

# --------------------------------------------------------------------------- settings


class ConfigError(Exception):
    """Unusable settings; ``str(error)`` is one Chinese line saying what to fix."""


class Settings(BaseModel):
    """The effective settings for drafting with a model."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    preset: str | None = None
    """提供方预设：deepseek、qwen、glm、moonshot、ollama、vllm（只提供接口地址）。"""
    base_url: str | None = None
    """OpenAI 兼容接口地址，如 https://api.deepseek.com/v1。未设置时使用离线起草。"""
    model: str | None = None
    """模型名，以服务方提供的为准。"""
    api_key: SecretStr | None = None
    """API Key（密钥）。只保存在环境变量或本机配置文件中，不写入项目文件、导出文件和日志。"""
    timeout: float = Field(default=120.0, gt=0, le=3600)
    """等待服务器数据的最长秒数（每次读取）；超过即重试或报告超时。"""
    connect_timeout: float = Field(default=10.0, gt=0, le=600)
    """建立连接的最长秒数。"""
    max_retries: int = Field(default=2, ge=0, le=10)
    """超时、连接失败、429、5xx 时自动重试的次数（由 openai 客户端执行，按服务器要求等待）。"""
    concurrency: int = Field(default=3, ge=1, le=16)
    """同时起草的部分数。服务方限流（429）时可调为 1。"""
    temperature: float | None = Field(default=None, ge=0, le=2)
    """采样温度；不设置时使用服务方默认值。"""
    max_tokens: int | None = Field(default=None, ge=16)
    """每次回复的最大 token 数；不设置时使用服务方默认值。"""
    extra_body: dict[str, Any] = Field(default_factory=dict)
    """原样附加到请求中的服务方参数，如关闭深度思考 enable_thinking = false。"""
    log_prompts: bool = False
    """为 true 时调用日志中记录完整提示词（默认只记录其摘要值）。"""
    prompts_dir: str | None = None
    """自定义提示词模板目录（默认使用随程序安装的 prompts/）。"""

    _sources: dict[str, str] = PrivateAttr(default_factory=dict)

    # ---------------------------------------------------------------- derived

    @property
    def sources(self) -> dict[str, str]:
        """Where each setting's effective value came from (Chinese, for ``drafter config``)."""
        return {name: self._sources.get(name, DEFAULT_SOURCE) for name in type(self).model_fields}

    @property
    def host(self) -> str:
        """The endpoint's host (for logs and origin labels); empty when none is set."""
        return urlparse(self.base_url or "").hostname or ""

    @property
    def preset_info(self) -> Preset | None:
        return PRESETS.get(self.preset or "")

    def key_value(self) -> str | None:
        return self.api_key.get_secret_value() if self.api_key else None

    def masked_key(self) -> str:
        return mask(self.key_value())

    def problem(self) -> str | None:
        """Why these settings cannot be used to call a model (Chinese), or None."""
        if not self.base_url:
            return (
                "未配置模型接口地址：可用 drafter config --preset deepseek"
                "（或 qwen、glm、moonshot、ollama、vllm）选择提供方，"
                "或用 drafter config --set base_url=… 填写地址"
            )
        if not self.model:
            return "未设置模型名：请用 drafter config --set model=模型名 设置（以服务方提供的为准）"
        preset = self.preset_info
        if preset and preset.needs_key and not self.key_value():
            return (
                f"{preset.name}需要 API Key：请用 drafter config --set-key 保存，"
                "或设置环境变量 DRAFTER_API_KEY"
            )
        return None


DEFAULT_SOURCE = "默认值"

ENV_VARS: dict[str, tuple[str, ...]] = {
    "base_url": ("DRAFTER_BASE_URL", "OPENAI_BASE_URL"),
    "model": ("DRAFTER_MODEL",),
    "api_key": ("DRAFTER_API_KEY", "OPENAI_API_KEY"),
}

FLAG_NAMES: dict[str, str] = {
    "base_url": "--base-url",
    "model": "--model",
    "preset": "--preset",
    "timeout": "--timeout",
    "max_retries": "--max-retries",
    "concurrency": "--concurrency",
}
"""Settings a command line may give, and the flag that gives each."""

SECRET_FIELDS = frozenset({"api_key"})
STRING_FIELDS = frozenset({"preset", "base_url", "model", "api_key", "prompts_dir"})


def mask(secret: str | None) -> str:
    """A key as shown to a user: enough to recognise it, not enough to use it."""
    if not secret:
        return "（未设置）"
    if len(secret) < 12:
        return "****"
    return f"{secret[:3]}…{secret[-4:]}"


# --------------------------------------------------------------------------- loading


def read_config_file(path: Path | None = None) -> dict[str, Any]:
    """The raw TOML table of the settings file ({} when there is none)."""
    path = path or paths.config_file()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise ConfigError(f"无法读取配置文件 {path}：{explain(exc)}") from None
    try:
        return tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ConfigError(f"配置文件 {path} 不是 UTF-8 编码：请另存为 UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            f"配置文件 {path} 格式有误（{_toml_where(exc)}）：请修正，"
            "或删除该文件后用 drafter config --set 重新设置"
        ) from None


def _toml_where(exc: tomllib.TOMLDecodeError) -> str:
    """Where the TOML error is, in Chinese (tomllib's description is English)."""
    found = re.search(r"at line (\d+), column (\d+)", str(exc))
    if found:
        return f"第 {found[1]} 行第 {found[2]} 列附近"
    return "文件末尾" if "end of document" in str(exc) else "写法不符合 TOML 格式"


def _check_preset(name: object, where: str) -> None:
    if name is not None and name not in PRESETS:
        raise ConfigError(f"{where}的预设「{name}」不存在，可选：{'、'.join(PRESETS)}")


def load_settings(
    flags: Mapping[str, object] | None = None,
    *,
    env: Mapping[str, str] | None = None,
    path: Path | None = None,
) -> Settings:
    """The effective settings: defaults < config file < environment < flags.

    A preset named at some level supplies the base_url unless a base_url is given at
    the same or a later level.
    """
    env = os.environ if env is None else env
    path = path or paths.config_file()
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}

    def take(layer: Mapping[str, Any], label: str, name_of: Mapping[str, str]) -> None:
        preset = layer.get("preset")
        if preset is not None:
            _check_preset(preset, label)
            values["preset"] = preset
            sources["preset"] = name_of.get("preset", label)
            values["base_url"] = PRESETS[str(preset)].base_url
            sources["base_url"] = f"预设 {preset}（{name_of.get('preset', label)}）"
        for name, value in layer.items():
            if name == "preset" or value is None:
                continue
            values[name] = value
            sources[name] = name_of.get(name, label)

    file_values = read_config_file(path)
    unknown = sorted(set(file_values) - set(Settings.model_fields))
    if unknown:
        raise ConfigError(
            f"配置文件 {path} 中有不认识的设置「{'、'.join(unknown)}」："
            f"可用的设置为 {'、'.join(Settings.model_fields)}"
        )
    take(file_values, f"配置文件 {path}", {})

    env_layer: dict[str, str] = {}
    env_names: dict[str, str] = {}
    for name, candidates in ENV_VARS.items():
        for var in candidates:
            if env.get(var):
                env_layer[name] = env[var]
                env_names[name] = f"环境变量 {var}"
                break
    take(env_layer, "环境变量", env_names)

    flag_layer = {k: v for k, v in (flags or {}).items() if v is not None}
    take(flag_layer, "命令行", {k: f"命令行 {FLAG_NAMES.get(k, k)}" for k in flag_layer})

    try:
        settings = Settings.model_validate(values)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        name = str(err["loc"][0]) if err["loc"] else ""
        where = sources.get(name, "")
        raise ConfigError(f"设置 {name}（来自{where}）有误：{_explain(err)}") from None
    if settings.base_url and not settings.base_url.startswith(("http://", "https://")):
        raise ConfigError(
            f"接口地址「{settings.base_url}」（来自{sources.get('base_url')}）应以 http:// 或 "
            "https:// 开头"
        )
    settings._sources = sources
    return settings


def _explain(err: Any) -> str:
    kind = err["type"]
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        limit = next(iter(err.get("ctx", {}).values()), "")
        word = {"greater_than": "大于", "greater_than_equal": "不小于"}.get(kind, "不大于")
        return f"应{word} {limit}"
    if kind in ("float_parsing", "float_type", "int_parsing", "int_type", "int_from_float"):
        return "应为数字"
    if kind in ("bool_parsing", "bool_type"):
        return "应为 true 或 false"
    if kind in ("dict_type",):
        return "应为表（如 {enable_thinking = false}）"
    if kind in ("string_type",):
        return "应为文字"
    return "取值不符合要求"


# --------------------------------------------------------------------------- writing

HEADER = """drafter 的设置（由 drafter config --set 写入；也可以手工编辑，注释不会保留）。
说明见 README「配置模型接口」。本文件可能含 API Key：请勿发给他人。"""


def parse_setting(name: str) -> tuple[str, ...] | None:
    """Validate a ``--set`` name; returns the dotted path or None when unknown."""
    parts = tuple(name.strip().split("."))
    if parts[0] not in Settings.model_fields:
        return None
    if len(parts) > 1 and parts[0] != "extra_body":
        return None
    return parts


def parse_value(name: str, text: str) -> object:
    """A ``--set`` value: kept as text for text settings, read as a TOML value otherwise."""
    if name in STRING_FIELDS:
        return text
    try:
        return tomllib.loads(f"v = {text}")["v"]
    except tomllib.TOMLDecodeError:
        return text


def update_config_file(
    set_values: Mapping[str, str] | None = None,
    unset: list[str] | tuple[str, ...] = (),
    *,
    path: Path | None = None,
) -> Path:
    """Apply ``name=value`` settings and removals to the settings file, validating first.

    ``extra_body.x.y=v`` sets a nested provider option. The file is replaced atomically
    and is readable by the user only, since it may hold the API key.
    """
    from drafter.store import atomic_write

    path = path or paths.config_file()
    data = read_config_file(path)
    for name in unset:
        parts = parse_setting(name)
        if parts is None:
            raise ConfigError(f"没有名为「{name}」的设置")
        _remove(data, parts)
    for name, text in (set_values or {}).items():
        parts = parse_setting(name)
        if parts is None:
            raise ConfigError(
                f"没有名为「{name}」的设置：可用的设置为 {'、'.join(Settings.model_fields)}"
            )
        if parts[0] == "preset":
            _check_preset(text, "")
            data.pop("base_url", None)  # the preset's address replaces a typed one
        value = parse_value(parts[0], text) if len(parts) == 1 else parse_value("", text)
        _assign(data, parts, value)
    try:
        Settings.model_validate(data)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        name = ".".join(str(p) for p in err["loc"])
        raise ConfigError(f"设置 {name} 有误：{_explain(err)}") from None
    try:
        paths.ensure(path.parent)
        atomic_write(path, tomlwrite.dumps(data, header=HEADER), mode=0o600)
    except OSError as exc:
        raise ConfigError(f"无法保存配置文件 {path}：{explain(exc)}") from None
    return path


def _assign(data: dict[str, Any], parts: tuple[str, ...], value: object) -> None:
    owner = data
    for part in parts[:-1]:
        child = owner.get(part)
        if not isinstance(child, dict):
            child = owner[part] = {}
        owner = child
    owner[parts[-1]] = value


def _remove(data: dict[str, Any], parts: tuple[str, ...]) -> None:
    owner: Any = data
    for part in parts[:-1]:
        owner = owner.get(part) if isinstance(owner, dict) else None
    if isinstance(owner, dict):
        owner.pop(parts[-1], None)
    if parts[0] == "extra_body" and data.get("extra_body") == {}:
        data.pop("extra_body")
