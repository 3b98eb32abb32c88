"""Typed access to the running :class:`DatelineApp` and its services from any screen or widget.

``self.app`` is typed as a plain ``App``, so ``self.app.bookmarks`` is invisible to the type
checker. Use ``dateline_app(self).bookmarks`` (or ``.entity_cache``, ``.articles``) instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message_pump import MessagePump

if TYPE_CHECKING:
    from reader.ui.app import DatelineApp


def dateline_app(node: MessagePump) -> DatelineApp:
    """The app ``node`` runs in; ``TypeError`` if it is not a ``DatelineApp`` (a test harness app)."""
    from reader.ui.app import DatelineApp  # here, not above: app.py imports the screens that use this

    app = node.app
    if not isinstance(app, DatelineApp):
        raise TypeError(f"{type(node).__name__} needs a DatelineApp, not {type(app).__name__}")
    return app
