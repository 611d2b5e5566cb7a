"""`drafter draft` and `drafter config` end to end through `main()`, models on the fake server."""

from __future__ import annotations

import json
import os
import stat

import pytest

from drafter import paths
from drafter.cli import main
from drafter.store import load_project, save_project
from tests.drafting.test_model_drafting import GOOD
from tests.fake_openai import Reply, Status
from tests.signals import default_sigint

KEY = "sk-test-secret-0123456789"


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def endpoint(server, monkeypatch):
    """The environment of a clerk whose settings point at the fake server."""
    monkeypatch.setenv("DRAFTER_BASE_URL", server.url)
    monkeypatch.setenv("DRAFTER_MODEL", "fake-model")
    monkeypatch.setenv("DRAFTER_API_KEY", KEY)
    return server


# --------------------------------------------------------------------------- offline


def test_offline_drafts_fill_empty_sections(capsys, blank, write_json):
    path = write_json(blank)
    status, out, _ = run(capsys, "draft", str(path), "--offline")
    assert status == 0
    project = load_project(path).project
    for key in ("overview", "problems", "other"):
        draft = project.drafts[key]
        assert draft.applied and draft.origin == "offline" and draft.status == "complete"
        assert project.text(key) == draft.text != ""
    assert "2025年" in project.text("overview") and "2024年" not in project.text("overview")
    assert "【待核实】" in project.text("overview")  # last year's figures are not passed off
    assert out.count("已写入正文") == 3


def test_a_project_open_in_a_window_is_not_drafted_over(capsys, blank, write_json):
    """The window would save its copy over the drafts: drafter draft waits its turn."""
    from drafter.lock import acquire, lock_path

    path = write_json(blank)
    before = path.read_bytes()
    window = acquire(path, "浏览器", "按 Ctrl+Q 退出或关闭那个标签页")
    status, _, err = run(capsys, "draft", str(path), "--offline")
    assert status == 2
    assert f"{path.name} 已在浏览器中打开" in err and "再重试" in err
    assert path.read_bytes() == before
    window.release()
    assert run(capsys, "draft", str(path), "--offline")[0] == 0
    assert not lock_path(path).exists()


def test_findings_are_listed_with_their_sentence(capsys, blank, write_json):
    """Each 【待核实】 is quoted with the words it follows, under its sentence; errors are
    called blocking only where there are errors; the rest is left to drafter check."""
    path = write_json(blank)
    status, out, _ = run(capsys, "draft", str(path), "--offline")
    assert status == 0
    project = load_project(path).project
    overview = project.drafts["overview"]
    marked = [f for f in overview.findings if "【待核实】" in f.message]
    assert marked and all(f.excerpt for f in marked)
    first = " ".join(marked[0].excerpt.split())
    assert "「" + first[:20] in out
    summaries = [line.strip() for line in out.splitlines() if line.strip().startswith("核对：")]
    assert summaries
    for line in summaries:
        assert ("导出前须处理错误" in line) == (not line.startswith("核对：错误 0 项"))
    # The example's first sentence carries several marks: the sentence shown once.
    assert sum(1 for f in marked if f.excerpt == marked[0].excerpt) > 1
    assert out.count("「" + first[:20]) == 1
    # Each mark is quoted with the words it follows, within its clause and a few words long.
    assert "信息公开专栏主动公开政府信息1046条【待核实】」：" not in out
    assert "主动公开政府信息1046条【待核实】」：起草时未能与表格核对" in out
    if len(overview.findings) > 8:
        assert f"另有 {len(overview.findings) - 8} 项：drafter check {path}" in out


def test_no_endpoint_means_offline(capsys, blank, write_json):
    path = write_json(blank)
    status, out, _ = run(capsys, "draft", str(path), "--section", "other")
    assert status == 0 and "离线起草" in out
    project = load_project(path).project
    assert set(project.drafts) == {"other"} and project.text("overview") == ""


def test_edited_text_is_kept_and_the_draft_waits_beside_it(capsys, blank, write_json):
    blank.set_text("problems", "这是我自己写的问题和措施。")
    path = write_json(blank)
    run(capsys, "draft", str(path), "--offline")
    project = load_project(path).project
    assert project.text("problems") == "这是我自己写的问题和措施。"
    assert not project.drafts["problems"].applied and project.drafts["problems"].text


def test_untouched_earlier_draft_is_replaced_but_an_edited_one_is_not(capsys, blank, write_json):
    path = write_json(blank)
    run(capsys, "draft", str(path), "--offline")
    project = load_project(path).project
    project.set_text("other", project.text("other") + "我补充的一句。")
    project.last_year.set_text("overview", "2024年，我局做了新的工作。")
    save_project(project, path)
    status, out, _ = run(capsys, "draft", str(path), "--offline")
    assert status == 0
    project = load_project(path).project
    # Untouched draft: replaced (last year's sentence, then this year's figures).
    assert project.text("overview").startswith("2025年，我局做了新的工作。\n本年度，我局制发")
    assert project.text("other").endswith("我补充的一句。")  # edited: kept
    assert not project.drafts["other"].applied


# --------------------------------------------------------------------------- model


def test_model_drafts_are_written_and_logged_without_the_key(capsys, blank, write_json, endpoint):
    endpoint.add(Reply(GOOD, when="「一、总体情况」"), Reply("问题。"), Reply("其他。"))
    path = write_json(blank)
    status, out, err = run(capsys, "draft", str(path))
    assert status == 0, err
    project = load_project(path).project
    assert project.text("overview") == GOOD
    assert project.drafts["overview"].origin == "fake-model @ 127.0.0.1"
    assert KEY not in path.read_text("utf-8")  # the key never goes into the project file
    log = (paths.data_dir() / "llm-calls.jsonl").read_text("utf-8")
    assert len(log.splitlines()) == 3 and KEY not in log
    sent = [{k.lower(): v for k, v in r.headers.items()} for r in endpoint.chat_requests()]
    assert all(h["authorization"] == f"Bearer {KEY}" for h in sent)


def test_cut_stream_exits_1_keeps_partial_and_never_touches_the_section(
    capsys, blank, write_json, endpoint
):
    blank.set_text("overview", "")
    endpoint.add(Reply(GOOD, cut="eof"))
    path = write_json(blank)
    status, out, _ = run(capsys, "draft", str(path), "--section", "overview")
    assert status == 1
    assert "未完成" in out and "中断" in out
    project = load_project(path).project
    assert project.text("overview") == ""
    draft = project.drafts["overview"]
    assert (draft.status, draft.text, draft.applied) == ("incomplete", GOOD, False)


def test_failed_call_keeps_the_clerks_text_and_an_earlier_draft(
    capsys, blank, write_json, endpoint
):
    endpoint.add(Reply(GOOD))
    path = write_json(blank)
    assert run(capsys, "draft", str(path), "--section", "overview")[0] == 0
    endpoint.add(Status(401, "Incorrect API key"))
    status, out, _ = run(capsys, "draft", str(path), "--section", "overview")
    assert status == 1 and "401" in out and "--set-key" in out
    project = load_project(path).project
    assert project.text("overview") == GOOD and project.drafts["overview"].status == "complete"


def test_unusable_input_exits_2(capsys, tmp_path, write_json, blank, monkeypatch):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    status, _, err = run(capsys, "draft", str(bad))
    assert status == 2 and "不是有效的 JSON" in err
    monkeypatch.setenv("DRAFTER_BASE_URL", "http://127.0.0.1:9/v1")
    status, _, err = run(capsys, "draft", str(write_json(blank)))
    assert status == 2 and "模型名" in err
    with pytest.raises(SystemExit) as usage:
        main(["draft", str(write_json(blank)), "--section", "active"])
    assert usage.value.code == 2


def test_broken_settings_file_exits_2(capsys, blank, write_json):
    paths.ensure(paths.config_dir())
    paths.config_file().write_text("timeout = [", "utf-8")
    status, _, err = run(capsys, "draft", str(write_json(blank)))
    assert status == 2 and "配置文件" in err and "格式有误" in err


# --------------------------------------------------------------------------- config


def test_config_shows_sources_and_masks_the_key(capsys, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    assert run(capsys, "config", "--preset", "qwen", "--set", "model=qwen-plus")[0] == 0
    status, out, _ = run(capsys, "config")
    assert status == 0 and KEY not in out
    assert "sk-…6789" in out and "环境变量 OPENAI_API_KEY" in out
    assert "dashscope.aliyuncs.com/compatible-mode/v1" in out and "预设 qwen" in out
    assert 'model = "qwen-plus"' in out and "enable_thinking=false" in out


def test_set_key_stores_it_in_a_private_file(capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", _Stdin(KEY + "\n"))
    assert run(capsys, "config", "--set-key")[0] == 0
    file = paths.config_file()
    assert KEY in file.read_text("utf-8")
    if os.name == "posix":
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
    status, _, err = run(capsys, "config", "--set", f"api_key={KEY}")
    assert status == 2 and "--set-key" in err


class _Stdin:
    def __init__(self, text: str) -> None:
        self.text = text

    def isatty(self) -> bool:
        return False

    def readline(self) -> str:
        return self.text


def test_config_set_rejects_bad_values(capsys):
    status, _, err = run(capsys, "config", "--set", "concurrency=0")
    assert status == 2 and "concurrency" in err
    status, _, err = run(capsys, "config", "--set", "colour=red")
    assert status == 2 and "colour" in err


def test_check_reports_working_endpoint(capsys, endpoint):
    endpoint.add(Reply("收到"))
    status, out, _ = run(capsys, "config", "--check")
    assert status == 0
    assert "✓ 接口地址可以连接" in out and "✓ 模型可用：fake-model" in out and "收到" in out
    [seen] = endpoint.chat_requests()
    assert seen.body["max_tokens"] == 32 and len(seen.last_user) < 40


def test_check_reports_bad_key(capsys, endpoint):
    endpoint.add(Status(401, "invalid key"))
    status, out, err = run(capsys, "config", "--check")
    assert status == 1
    assert "✓ 接口地址" in out and "✗ API Key" in out and "401" in err


def test_check_lists_models_when_the_model_is_unknown(capsys, endpoint):
    endpoint.add(Status(404, "model not found", code="model_not_found"))
    status, out, _ = run(capsys, "config", "--check")
    assert status == 1 and "✗ 模型 fake-model" in out
    assert "fake-model、fake-model-pro" in out


def test_check_without_settings_exits_2(capsys):
    status, _, err = run(capsys, "config", "--check")
    assert status == 2 and "未配置模型接口地址" in err


def test_presets_are_listed(capsys):
    status, out, _ = run(capsys, "config", "--presets")
    assert status == 0
    for url in ("api.deepseek.com", "open.bigmodel.cn/api/paas/v4", "localhost:11434/v1"):
        assert url in out


def test_log_has_no_key_even_on_check(capsys, endpoint):
    endpoint.add(Status(401, f"bad key {KEY}"))
    run(capsys, "config", "--check")
    record = json.loads((paths.data_dir() / "llm-calls.jsonl").read_text("utf-8"))
    assert record["template"] == "check.j2" and KEY not in json.dumps(record)


@pytest.mark.skipif(os.name != "posix", reason="sends SIGINT")
def test_ctrl_c_saves_what_arrived(server, blank, write_json, monkeypatch):
    """Interrupting `drafter draft` keeps every partial draft and the clerk's sections."""
    import signal
    import subprocess
    import sys
    import time

    # A long stream (about 15 s): the drafts cannot finish before the Ctrl+C on a loaded
    # machine (a 2 s stream did: exit 0 instead of 130). It keeps flowing rather than
    # stalling: a Ctrl+C during a stall may wait for the read timeout (not tested here).
    whole = "本年度工作情况良好。" * 300
    server.responder = lambda body: Reply(whole, chunk_delay=0.03)
    monkeypatch.setenv("DRAFTER_BASE_URL", server.url)
    monkeypatch.setenv("DRAFTER_MODEL", "fake-model")
    blank.set_text("problems", "我写的。")
    path = write_json(blank)
    proc = subprocess.Popen(
        [sys.executable, "-m", "drafter", "draft", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=default_sigint,  # a run started in the background ignores Ctrl+C
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # every section has had some text
        if len(server.streamed) == 3 and min(server.streamed) >= 3:
            break
        time.sleep(0.05)
    time.sleep(0.5)  # … and the client has read it
    proc.send_signal(signal.SIGINT)
    started = time.monotonic()
    try:
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()  # a hang fails this test only, not the next one (open pipes)
        proc.communicate()
    print(f"stopped {time.monotonic() - started:.2f} s after Ctrl+C")
    assert proc.returncode == 130 and "已中断" in err
    project = load_project(path).project
    assert project.text("overview") == "" and project.text("problems") == "我写的。"
    for key in ("overview", "problems", "other"):
        draft = project.drafts[key]
        assert draft.status == "incomplete" and not draft.applied
        assert draft.text and draft.text != whole
