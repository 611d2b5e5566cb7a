"""Children that a test stops with Ctrl+C (SIGINT) must be able to receive it.

A shell starts a background job (``make test &``, ``nohup``, a CI step run with ``&``)
with SIGINT ignored, every child inherits that, and Python then never installs its
KeyboardInterrupt handler: ``drafter draft`` ran to its end and exited 0 instead of 130.
Pass :func:`default_sigint` as ``preexec_fn`` so the child reacts as it does in a terminal.
"""

from __future__ import annotations

import signal


def default_sigint() -> None:
    """In the child before exec: SIGINT back to its default action."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
