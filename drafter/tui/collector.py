"""Start-up without cycle collections: the collector waits until the first screen is drawn.

Starting the UI makes tens of thousands of objects that live as long as the app does
(Textual's styles and widgets, pydantic's validators, the open project). A full
collection during start-up rescans them all and frees next to nothing, and it lands
before the first paint (``bench/startup.py`` measures the difference). Textual pauses
the collector while scrolling (``App.PAUSE_GC_ON_SCROLL``) for the same reason.

After the first paint the collector runs again and what start-up made is frozen
(:func:`gc.freeze`), so later collections, while the clerk types, skip it. When the app
ends the freeze is lifted: apps run one after another (the tests) leave nothing behind.
"""

from __future__ import annotations

import gc


def pause() -> None:
    """No collections until :func:`resume` (the app is starting)."""
    gc.disable()


def resume() -> None:
    """The first screen is drawn: keep what start-up made out of later collections."""
    gc.freeze()
    gc.enable()


def release() -> None:
    """The app has ended: its objects may be collected again."""
    gc.unfreeze()
    gc.enable()
