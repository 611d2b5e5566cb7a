"""`drafter tui` and bare `drafter` outside a terminal (the UI itself: tests/tui)."""

from drafter.cli import main


def test_tui_outside_a_terminal_says_so(capsys):
    assert main(["tui"]) == 2
    assert "需要在终端中运行" in capsys.readouterr().err


def test_bare_drafter_without_a_terminal_prints_help(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "tui" in out and "check" in out


def test_importing_the_cli_does_not_load_textual():
    import subprocess
    import sys

    code = "import sys, drafter.cli; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
