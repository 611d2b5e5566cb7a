"""``drafter config``: show, change and test the settings for drafting with a model.

- ``drafter config`` shows every effective setting, the key masked, and where each
  value came from;
- ``--preset NAME``, ``--set NAME=VALUE``, ``--unset NAME`` and ``--set-key`` change
  the user's settings file, for clerks who do not edit TOML (``--set-key`` reads the key
  without echoing it, so it stays out of shell history);
- ``--check`` makes one tiny request and says in Chinese whether the endpoint, the key
  and the model work. Exit status: 0 works, 1 the request failed, 2 unusable settings.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING, Any

from drafter.cli.parser import number
from drafter.presets import PRESETS

if TYPE_CHECKING:  # the settings (pydantic) and the drafting code load when a command runs
    from drafter.config import Settings
    from drafter.drafting.chat import ChatError

# --------------------------------------------------------------------------- shared flags


def add_endpoint_flags(p: argparse.ArgumentParser, *, preset: bool = True) -> None:
    """Flags that override the settings for one command (see ``drafter config``)."""
    g = p.add_argument_group("模型接口（覆盖配置文件和环境变量，只对本次有效）")
    if preset:
        g.add_argument("--preset", choices=sorted(PRESETS), help="提供方预设（只提供接口地址）")
    g.add_argument("--base-url", metavar="地址", help="OpenAI 兼容接口地址")
    g.add_argument("--model", metavar="模型名", help="模型名，以服务方提供的为准")
    g.add_argument(
        "--timeout", type=number(float, "秒"), metavar="秒", help="等待服务器数据的最长秒数"
    )
    g.add_argument("--max-retries", type=number(int, "次"), metavar="次", help="自动重试次数")
    g.add_argument("--concurrency", type=number(int, "个"), metavar="个", help="同时起草的部分数")


def flags_of(args: argparse.Namespace) -> dict[str, Any]:
    from drafter.config import FLAG_NAMES

    return {name: getattr(args, name, None) for name in FLAG_NAMES}


# --------------------------------------------------------------------------- command


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "config",
        help="查看、修改和测试模型接口设置",
        description=(
            "查看生效的设置及其来源（API Key 只显示首尾几位）；修改本机配置文件；"
            "--check 发送一次很短的请求，测试接口地址、密钥和模型是否可用。"
            "退出码：0 正常；1 测试请求失败；2 设置无法使用。"
        ),
    )
    p.add_argument(
        "--check", action="store_true", help="发送一次很短的请求，测试接口地址、密钥和模型"
    )
    p.add_argument(
        "--preset",
        choices=sorted(PRESETS),
        help="选择提供方预设并保存（接口地址随之设定；模型名仍需自己设置）",
    )
    p.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="名称=值",
        help="保存一项设置，如 --set model=deepseek-chat、--set extra_body.enable_thinking=false",
    )
    p.add_argument("--unset", action="append", default=[], metavar="名称", help="删除一项设置")
    p.add_argument(
        "--set-key",
        action="store_true",
        help="保存 API Key（从键盘输入，不显示；或从标准输入读取）",
    )
    p.add_argument("--presets", action="store_true", help="列出各提供方预设及其说明")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from drafter import paths
    from drafter.config import ConfigError, load_settings

    if args.presets:
        print_presets()
        return 0
    try:
        changed = _change(args)
        settings = load_settings()
    except ConfigError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if changed:
        print(f"已保存到 {paths.config_file()}。")
    if args.check:
        return check(settings)
    show(settings)
    return 0


def _change(args: argparse.Namespace) -> bool:
    from drafter.config import ConfigError, update_config_file

    values: dict[str, str] = {}
    for item in args.set:
        name, sep, text = item.partition("=")
        if not sep:
            raise ConfigError(f"「{item}」应写成 名称=值，如 model=deepseek-chat")
        if name.strip() == "api_key":
            raise ConfigError("API Key 请用 drafter config --set-key 保存（不会留在命令历史里）")
        values[name.strip()] = text.strip()
    if args.preset:
        values = {"preset": args.preset, **values}
    if args.set_key:
        values["api_key"] = _read_key()
    if not values and not args.unset:
        return False
    update_config_file(values, args.unset)
    return True


def _read_key() -> str:
    import getpass

    from drafter.config import ConfigError

    if sys.stdin.isatty():
        key = getpass.getpass("请粘贴 API Key（输入时不显示），回车结束：")
    else:
        key = sys.stdin.readline()
    key = key.strip()
    if not key:
        raise ConfigError("没有读到 API Key：请重新运行并粘贴密钥")
    return key


# --------------------------------------------------------------------------- show


def print_presets() -> None:
    for p in PRESETS.values():
        key = "需要 API Key" if p.needs_key else "一般不需要 API Key"
        print(f"{p.key}：{p.name}\n  接口地址 {p.base_url}；{key}。{p.note}")
        if p.thinking_off:
            print(f"  关闭深度思考：drafter config --set '{p.thinking_off}'")
    print("\n选择预设：drafter config --preset deepseek --set model=模型名 --set-key")


def _shown(settings: Settings, name: str) -> str:
    from drafter.tomlwrite import value as toml_value

    if name == "api_key":
        return settings.masked_key()
    value = getattr(settings, name)
    if value is None:
        return "（未设置）"
    if name == "extra_body" and not value:
        return "（无）"
    return toml_value(value)


def show(settings: Settings) -> None:
    from drafter import paths
    from drafter.config import Settings
    from drafter.drafting.calllog import log_path

    file = paths.config_file()
    state = "" if file.exists() else "（尚未创建）"
    print(f"配置文件：{file}{state}")
    sources = settings.sources
    for name in Settings.model_fields:
        print(f"  {name} = {_shown(settings, name)}    （{sources[name]}）")
    problem = settings.problem()
    if problem is None:
        print(f"状态：可以使用模型起草（{settings.model} @ {settings.host}）。")
        print("      起草时，本年度表格数字、要点和上年报告文字会发送到上述接口地址。")
    elif not settings.base_url:
        print("状态：未配置模型接口，drafter draft 将使用离线起草（根据上年文字滚动生成）。")
        print(f"      {problem}。")
    else:
        print(f"状态：暂不能使用模型起草：{problem}。")
    preset = settings.preset_info
    if preset and preset.thinking_off and not settings.extra_body:
        print(f"提示：如需关闭深度思考，可用 drafter config --set '{preset.thinking_off}'")
    print(f"调用日志：{log_path()}")


# --------------------------------------------------------------------------- check


def check(settings: Settings) -> int:
    """One tiny request; a line each for endpoint, key and model."""
    import asyncio

    from drafter.drafting.prompts import CHECK_TEMPLATE, PromptError, Prompts

    problem = settings.problem()
    if problem is not None:
        print(f"无法测试：{problem}。", file=sys.stderr)
        return 2
    try:
        prompt = Prompts(settings.prompts_dir).render(CHECK_TEMPLATE)
    except PromptError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(f"正在测试 {settings.base_url}（模型 {settings.model}）……")
    return asyncio.run(_check(settings, prompt))


async def _check(settings: Settings, prompt: str) -> int:
    from drafter.drafting.calllog import CallLog, CallRecord, prompt_hash
    from drafter.drafting.chat import ChatError, ChatMessage
    from drafter.drafting.prompts import CHECK_TEMPLATE
    from drafter.llm import make_chat

    tiny = settings.model_copy(update={"max_tokens": 32})
    messages = [ChatMessage("user", prompt)]
    log = CallLog(secrets=[settings.key_value()], log_prompts=settings.log_prompts)
    record = CallRecord(
        host=settings.host,
        model=settings.model or "",
        template=CHECK_TEMPLATE,
        section="",
        attempt=1,
        prompt_hash=prompt_hash(messages),
        prompt_chars=len(prompt),
        outcome="failed",
        duration_s=0.0,
    )
    started = time.monotonic()
    async with make_chat(tiny) as chat:
        try:
            completion = await chat.complete(messages)
        except ChatError as err:
            record.error = err.message
            record.duration_s = round(time.monotonic() - started, 3)
            log.record(record, messages)
            models = await chat.list_models() if err.kind == "model" else []
            _report_failure(settings, err, models)
            return 1
    record.duration_s = round(time.monotonic() - started, 3)
    record.outcome, record.finish_reason, record.usage = (
        "complete",
        completion.finish_reason,
        completion.usage,
    )
    log.record(record, messages)
    reply = completion.text.strip()[:20] or "（无正文，可能只输出了推理内容）"
    print(f"✓ 接口地址可以连接：{settings.base_url}")
    print(f"✓ API Key 有效：{settings.masked_key()}" if settings.key_value() else "✓ 无需 API Key")
    print(f"✓ 模型可用：{settings.model}（回复「{reply}」，用时 {record.duration_s:.2f} 秒）")
    print("可以使用 drafter draft 起草。")
    return 0


# Which of endpoint / key / model an error proves to work (True), to fail (False), or leaves open.
_VERDICTS: dict[str, tuple[bool | None, bool | None, bool | None]] = {
    "unreachable": (False, None, None),
    "timeout": (False, None, None),
    "protocol": (False, None, None),
    "blocked": (False, None, None),
    "auth": (True, False, None),
    "quota": (True, False, None),
    "permission": (True, True, False),
    "model": (True, True, False),
}


def _report_failure(settings: Settings, err: ChatError, models: list[str]) -> None:
    endpoint, key, model = _VERDICTS.get(err.kind, (True, True, None))
    parts = (
        (endpoint, f"接口地址 {settings.base_url}"),
        (key, f"API Key {settings.masked_key()}"),
        (model, f"模型 {settings.model}"),
    )
    for ok, what in parts:
        mark = {True: "✓", False: "✗", None: "？"}[ok]
        verdict = {True: "正常", False: "有问题", None: "未能确认"}[ok]
        print(f"{mark} {what}：{verdict}")
    print(f"原因：{err.message}", file=sys.stderr)
    if models:
        shown = "、".join(models[:15]) + ("……" if len(models) > 15 else "")
        print(f"该接口提供的模型有：{shown}")
        print("可用 drafter config --set model=模型名 修改。")
