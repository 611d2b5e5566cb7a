"""Drafting all sections against a model that takes 1 s per request: are sections concurrent?

Starts the fake OpenAI-compatible server (tests/fake_openai.py) answering every request
after 1 s, runs ``drafter draft PROJECT --section all`` on the bundled example (its
narrative emptied, as at the start of a year) and prints the wall time against the sum
of the request latencies the server measured. Target: ratio <= 0.5 (sections drafted
concurrently). The baseline, measured in the same run, is the same command with
``--concurrency 1``. The command runs in-process after one warm-up, so the figure is the
drafting itself, not Python start-up; a cold ``python -m drafter draft`` is printed too.

Also prints the prompt size of each section in characters (target < 6,000 each), for the
example and for a report whose last-year text is ten times longer (trimmed).

Then the quality table over the corpus's consecutive-year pairs (``tests/quality.py``):
for each section, the share of drafts with a C1 error, an N1 finding, an N6 error, an
N7 warning, the share re-asked and the mean share of last year's sentences kept
unchanged — for the offline drafter and for the model drafter against the fake server
(a model that copies last year's text, then on the re-ask writes only the standard
figure paragraphs). ``--endpoint`` prints the table for the endpoint configured with
``drafter config`` instead (real calls, billed by the provider), so a real model's
quality is measured the day one is configured.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT
from pydantic import SecretStr

from drafter.cli import main
from drafter.config import Settings, load_settings
from drafter.drafting.engine import ModelDrafter
from drafter.drafting.offline import OfflineDrafter
from drafter.drafting.prompts import PROMPT_LIMIT, Prompts, section_prompt
from drafter.llm import make_chat
from drafter.model import Project
from drafter.store import save_project
from tests.factories import example
from tests.fake_openai import FakeOpenAI, Reply
from tests.quality import consecutive_pairs, copying_model, measure, pair_project, table

LATENCY = 1.0
KEYS = ("overview", "problems", "other")


def blank_project(path: Path) -> None:
    project = example()
    for key in KEYS:
        project.set_text(key, "")
    save_project(project, path)


def run_draft(server: FakeOpenAI, path: Path, *extra: str) -> tuple[float, float]:
    """(wall seconds, sum of request latencies) of one ``drafter draft`` run."""
    blank_project(path)
    server.timings.clear()
    start = time.perf_counter()
    status = main(["draft", str(path), "--section", "all", *extra])
    wall = time.perf_counter() - start
    assert status == 0, f"drafter draft exited {status}"
    return wall, sum(server.timings)


def main_bench() -> None:
    home = tempfile.mkdtemp(prefix="drafter-bench-")
    with FakeOpenAI() as server:
        server.responder = lambda body: Reply("本年度工作情况。" * 40, delay=LATENCY)
        os.environ.update(
            DRAFTER_HOME=home,
            DRAFTER_BASE_URL=server.url,
            DRAFTER_MODEL="fake-model",
            DRAFTER_API_KEY="bench",
        )
        path = Path(home) / "project.json"
        with open(os.devnull, "w") as devnull:  # quiet the command's own report
            stdout, sys.stdout = sys.stdout, devnull
            try:
                run_draft(server, path)  # warm-up: imports openai, opens connections
                wall, latency = run_draft(server, path)
                base_wall, base_latency = run_draft(server, path, "--concurrency", "1")
            finally:
                sys.stdout = stdout
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        blank_project(path)
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "drafter", "draft", str(path)],
            env=env,
            check=True,
            capture_output=True,
        )
        cold = time.perf_counter() - start
    n = len(KEYS)
    print(f"sections drafted:             {n}, server latency {LATENCY:.1f} s per request")
    print(
        f"concurrent (default 3):       wall {wall:.2f} s, sum of latencies {latency:.2f} s,"
        f" ratio {wall / latency:.2f}"
    )
    print(
        f"baseline (--concurrency 1):   wall {base_wall:.2f} s, sum of latencies"
        f" {base_latency:.2f} s, ratio {base_wall / base_latency:.2f}"
    )
    print(f"speed-up over baseline:       {base_wall / wall:.2f}x")
    print(f"cold `python -m drafter draft` (start-up + openai import + drafting): {cold:.2f} s")
    print("target: ratio <= 0.5")

    prompts = Prompts()
    project = example()
    long = example()
    assert long.last_year is not None
    for key in KEYS:
        long.last_year.set_text(key, (long.last_year.text(key) + "\n") * 10)
    print(f"prompt size, characters (system + user; target < {PROMPT_LIMIT:,}):")
    for key in KEYS:
        typical = section_prompt(prompts, project, key)
        trimmed = section_prompt(prompts, long, key)
        print(
            f"  {key:<9} example {typical.chars:>5}"
            f"   10x last-year text {trimmed.chars:>5} (reference {trimmed.reference_chars},"
            f" trimmed {trimmed.reference_trimmed})"
        )


async def model_quality(settings: Settings, projects: list[Project]) -> str:
    async with make_chat(settings) as chat:
        rows = await measure(ModelDrafter(chat, Prompts()), projects)
    return table(f"model {settings.model} @ {settings.base_url}", rows)


def quality(endpoint: bool) -> None:
    projects = [pair_project(*pair) for pair in consecutive_pairs()]
    print(f"quality over {len(projects)} consecutive-year pairs of the corpus", end="")
    print(" (share of drafts with each finding; same = last year's sentences kept)")
    if endpoint:
        settings = load_settings()
        if not settings.base_url or settings.problem():
            sys.exit(
                f"没有可用的模型接口：{settings.problem() or '未设置 base_url'}（drafter config）"
            )
        print(asyncio.run(model_quality(settings, projects)))
        return
    rows = asyncio.run(measure(OfflineDrafter(Prompts()), projects))
    print(table("offline drafter", rows))
    with FakeOpenAI() as server:
        server.responder = copying_model
        settings = Settings(base_url=server.url, model="fake-model", api_key=SecretStr("bench"))
        text = asyncio.run(model_quality(settings, projects))
    print(text.replace(f" @ {server.url}", " (fake server: copies, then obeys the re-ask)"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--endpoint",
        action="store_true",
        help="only the quality table, drafting with the endpoint set by drafter config",
    )
    args = parser.parse_args()
    if not args.endpoint:
        main_bench()
    quality(args.endpoint)
