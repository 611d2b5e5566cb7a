"""The UI starts without the LLM client or the DOCX library (both are loaded lazily)."""

import subprocess
import sys


def test_the_ui_module_loads_neither_openai_nor_docx():
    code = (
        "import sys, drafter.tui.app, drafter.tui.screens.figures, "
        "drafter.tui.screens.narrative, drafter.tui.screens.checks\n"
        "print(','.join(m for m in ('openai', 'docx') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
