"""Opening an article's link in a web browser, safely, from a terminal program.

Only http and https addresses are opened (a feed can say ``javascript:`` or ``file:``).
The browser is started by :mod:`webbrowser`, which runs programs without a shell. Over
SSH, or on a Linux console without a graphical session, there is usually no browser
that can show a page without taking over the terminal the reader is drawn in: console
browsers (lynx, w3m, links, elinks, www-browser) are never used, and the caller is told
instead. The attempt runs in a thread with a deadline, so it can never hang the caller.

Core module: no textual or rich imports.
"""

from __future__ import annotations

import os
import sys
import threading
import webbrowser
from urllib.parse import urlsplit

from reader.sanitize import clean_line

OPENABLE_SCHEMES = frozenset({"http", "https"})
_CONSOLE_BROWSERS = frozenset({"www-browser", "lynx", "w3m", "links", "elinks", "browsh", "carbonyl"})


class LinkError(Exception):
    """The link was not opened; ``str(error)`` is one line for the user."""


def openable(url: str) -> str:
    """``url`` cleaned, if it is an http(s) address with a host; else :class:`LinkError`."""
    url = clean_line(url)
    if not url:
        raise LinkError("this article has no link")
    try:
        parts = urlsplit(url)
    except ValueError:
        raise LinkError("not a valid link") from None
    scheme = parts.scheme.lower()
    if scheme not in OPENABLE_SCHEMES:
        shown = f"{scheme}:" if scheme else "relative"
        raise LinkError(f"refused to open a {shown[:20]} link: only http and https are opened")
    if not parts.netloc:
        raise LinkError("not a valid link: no host")
    return url


def graphical_session() -> bool:
    """Whether a browser window can be shown (always on macOS and Windows)."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _browser() -> webbrowser.BaseBrowser:
    if not graphical_session():
        over_ssh = bool(os.environ.get("SSH_CONNECTION") or os.environ.get("SSH_TTY"))
        raise LinkError("no web browser here (over SSH)" if over_ssh else "no web browser here (no graphical session)")
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        raise LinkError("no web browser found") from None
    name = os.path.basename(str(getattr(browser, "name", "") or ""))
    if name in _CONSOLE_BROWSERS:
        raise LinkError(f"only a console browser ({clean_line(name)}) is here; it would take over the terminal")
    return browser


def open_link(url: str, *, timeout: float = 5.0) -> None:
    """Open ``url`` in a web browser, or raise :class:`LinkError` saying why not.

    Returns within about ``timeout`` seconds whatever the browser does.
    """
    url = openable(url)
    browser = _browser()
    outcome: list[bool | BaseException] = []

    def attempt() -> None:
        try:
            outcome.append(bool(browser.open(url, new=2)))
        except Exception as error:  # a browser launcher failing in any way is "not opened"
            outcome.append(error)

    worker = threading.Thread(target=attempt, name="dateline-open-link", daemon=True)
    worker.start()
    worker.join(timeout)
    if not outcome:
        raise LinkError(f"the browser did not answer within {timeout:g} s")
    if outcome[0] is not True:
        raise LinkError("the browser could not be started")
