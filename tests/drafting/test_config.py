"""Settings: sources and their order, presets, the key as a secret, the settings file."""

from __future__ import annotations

import math
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter import paths, tomlwrite
from drafter.config import (
    PRESETS,
    ConfigError,
    Settings,
    load_settings,
    mask,
    update_config_file,
)


def write_config(text: str) -> None:
    paths.ensure(paths.config_dir())
    paths.config_file().write_text(text, "utf-8")


def test_defaults_without_anything():
    s = load_settings(env={})
    assert (s.base_url, s.model, s.api_key) == (None, None, None)
    assert (s.timeout, s.connect_timeout, s.max_retries, s.concurrency) == (120.0, 10.0, 2, 3)
    assert set(s.sources.values()) == {"默认值"}
    assert s.problem() is not None and "base_url" in s.problem()


def test_file_then_env_then_flags():
    write_config('base_url = "http://file:1/v1"\nmodel = "file-model"\ntimeout = 30\n')
    env = {"DRAFTER_MODEL": "env-model", "OPENAI_BASE_URL": "http://openai-env:2/v1"}
    s = load_settings(env=env)
    assert (s.base_url, s.model, s.timeout) == ("http://openai-env:2/v1", "env-model", 30)
    assert s.sources["base_url"] == "环境变量 OPENAI_BASE_URL"
    assert s.sources["model"] == "环境变量 DRAFTER_MODEL"
    assert s.sources["timeout"].startswith("配置文件 ")
    s = load_settings({"model": "flag-model", "timeout": None}, env=env)
    assert s.model == "flag-model" and s.sources["model"] == "命令行 --model" and s.timeout == 30


def test_drafter_variables_win_over_openai_ones():
    env = {"DRAFTER_API_KEY": "sk-drafter-000000000", "OPENAI_API_KEY": "sk-openai-0000000000"}
    s = load_settings(env=env)
    assert s.key_value() == "sk-drafter-000000000"
    assert s.sources["api_key"] == "环境变量 DRAFTER_API_KEY"


def test_preset_gives_the_address_but_never_the_model():
    write_config('preset = "glm"\n')
    s = load_settings(env={})
    assert s.base_url == "https://open.bigmodel.cn/api/paas/v4" and s.model is None
    assert s.sources["base_url"].startswith("预设 glm")
    assert "模型名" in (s.problem() or "")
    s = load_settings({"model": "glm-4-plus"}, env={})
    assert "API Key" in (s.problem() or "")  # GLM needs a key
    s = load_settings({"model": "glm-4-plus"}, env={"DRAFTER_API_KEY": "k" * 20})
    assert s.problem() is None


def test_a_later_preset_replaces_an_earlier_address_and_a_same_level_address_wins():
    write_config('base_url = "http://mine:8000/v1"\n')
    s = load_settings({"preset": "ollama"}, env={})
    assert s.base_url == PRESETS["ollama"].base_url
    write_config('preset = "ollama"\nbase_url = "http://gpu-server:11434/v1"\n')
    s = load_settings(env={})
    assert s.base_url == "http://gpu-server:11434/v1" and s.preset == "ollama"


def test_local_presets_need_no_key():
    s = load_settings({"preset": "vllm", "model": "Qwen2.5-7B-Instruct"}, env={})
    assert s.problem() is None and s.key_value() is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("timeout = [", "格式有误"),
        ("colour = 1", "colour"),
        ('preset = "openai"', "openai"),
        ("concurrency = 0", "concurrency"),
        ('timeout = "soon"', "应为数字"),
        ('base_url = "api.deepseek.com"', "http://"),
    ],
)
def test_bad_settings_say_what_to_fix(text, words):
    write_config(text)
    with pytest.raises(ConfigError) as caught:
        load_settings(env={})
    assert words in str(caught.value)


def test_key_is_masked_and_never_in_the_repr():
    key = "sk-abcdef0123456789wxyz"
    s = Settings(api_key=key)
    assert s.masked_key() == "sk-…wxyz" and mask("short") == "****"
    assert key not in repr(s) and key not in str(s.model_dump())


def test_update_writes_a_file_that_reads_back():
    update_config_file({"preset": "qwen", "model": "qwen-plus", "timeout": "60"})
    update_config_file({"extra_body.enable_thinking": "false", "extra_body.note": '中文 "引号"'})
    data = tomllib.loads(paths.config_file().read_text("utf-8"))
    assert data == {
        "preset": "qwen",
        "model": "qwen-plus",
        "timeout": 60,
        "extra_body": {"enable_thinking": False, "note": '中文 "引号"'},
    }
    s = load_settings(env={})
    assert s.extra_body == {"enable_thinking": False, "note": '中文 "引号"'}
    update_config_file(unset=["extra_body.note", "timeout"])
    assert tomllib.loads(paths.config_file().read_text("utf-8"))["extra_body"] == {
        "enable_thinking": False
    }


def test_update_keeps_text_settings_as_text_and_rejects_bad_values():
    update_config_file({"model": "123"})
    assert load_settings(env={}).model == "123"
    with pytest.raises(ConfigError):
        update_config_file({"max_retries": "-1"})
    with pytest.raises(ConfigError):
        update_config_file({"timeout.x": "1"})
    assert load_settings(env={}).max_retries == 2  # nothing written on error


def test_choosing_a_preset_drops_a_typed_address():
    update_config_file({"base_url": "http://old:1/v1"})
    update_config_file({"preset": "deepseek"})
    assert load_settings(env={}).base_url == PRESETS["deepseek"].base_url


# --------------------------------------------------------------------------- TOML writer

_keys = st.text(min_size=1, max_size=8)
_scalars = (
    st.text(max_size=20)
    | st.integers(-(2**63), 2**63 - 1)
    | st.booleans()
    | st.floats(allow_nan=False)
)
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_keys, inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(_keys, _values, max_size=5))
def test_toml_writer_round_trips(data):
    assert tomllib.loads(tomlwrite.dumps(data, header="说明\n第二行")) == data


def test_toml_writer_special_floats_and_escapes():
    text = tomlwrite.dumps({"a": math.inf, "b": "tab\there\n\x7f", "键": 1})
    back = tomllib.loads(text)
    assert back["a"] == math.inf and back["b"] == "tab\there\n\x7f" and back["键"] == 1
