"""The one exception exporting raises: a path, template or format that cannot be used."""

from __future__ import annotations


class ExportError(Exception):
    """Export impossible; ``str(error)`` is one Chinese line saying what to do."""
