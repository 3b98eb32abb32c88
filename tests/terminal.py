"""Run ``dateline`` in a real pseudo-terminal and read its screen (importable as ``terminal``).

Pilot waits between key presses and so hides the races a user meets over SSH, where
several keys arrive in one read. :class:`PtyApp` starts the real program
(``python -m reader``) in a pty of a given size, writes bursts of bytes with ONE
``os.write`` each, and keeps a ``pyte`` screen fed with everything the program prints
(and the raw bytes, to check which escape sequences reached the terminal).

Tests wait for conditions (:meth:`PtyApp.wait_for`, :meth:`PtyApp.wait_until_stable`)
with generous timeouts; no fixed sleep is ever an assertion.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pyte

# The machine may be busy (shared CI runners): a condition gets this long to come true.
TIMEOUT = 60.0


class PtyApp:
    """``dateline`` running in a pseudo-terminal of ``size`` (columns, rows)."""

    def __init__(
        self,
        home: Path,
        args: Sequence[str] = (),
        *,
        size: tuple[int, int] = (80, 24),
        env: dict[str, str] | None = None,
        term: str = "xterm-256color",
    ) -> None:
        self.columns, self.rows = size
        self.screen = pyte.Screen(self.columns, self.rows)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()
        self._lock = threading.Lock()
        self._changed = time.monotonic()
        self._written = 0.0
        base = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "DATELINE_", "NO_COLOR", "TEXTUAL"))}
        for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
            base[name] = str(home / name.lower())
        base.update({"TERM": term, "COLUMNS": str(self.columns), "LINES": str(self.rows), "COLORTERM": ""})
        base.update(env or {})
        self.env = base
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", self.rows, self.columns, 0, 0))
        self.master = master
        command = [sys.executable, "-m", "reader", "--data-dir", str(home / "data"), *args]
        self.process = subprocess.Popen(
            command,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=base,
            cwd=str(home),
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    # -- output -----------------------------------------------------------------------

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            with self._lock:
                self.raw.extend(data)
                self.stream.feed(data)
                self._changed = time.monotonic()

    def lines(self) -> list[str]:
        """The screen, one string per row (trailing blanks kept: columns matter)."""
        with self._lock:
            return list(self.screen.display)

    def cell(self, row: int, column: int):
        """The pyte character at (row, column): its ``data``, ``fg``, ``bg``, ``bold``…"""
        with self._lock:
            return self.screen.buffer[row][column]

    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.lines())

    def output(self) -> bytes:
        """Every byte the program wrote so far."""
        with self._lock:
            return bytes(self.raw)

    # -- input ------------------------------------------------------------------------

    def write(self, data: bytes | str) -> None:
        """Send ``data`` in ONE write, as a burst arriving over SSH would."""
        if isinstance(data, str):
            data = data.encode()
        self._written = time.monotonic()
        written = os.write(self.master, data)
        assert written == len(data), "the pty took only part of the burst"

    def type_one_by_one(self, keys: Sequence[bytes | str]) -> None:
        """Send each key in its own write, waiting for the screen to settle in between."""
        for key in keys:
            self.write(key)
            self.wait_until_stable()

    # -- waiting ----------------------------------------------------------------------

    def wait_for(self, condition: Callable[[PtyApp], bool], what: str = "", timeout: float = TIMEOUT) -> None:
        """Wait until ``condition(self)`` holds; fail with the screen if it never does."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition(self):
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.02)
        if condition(self):
            return
        raise AssertionError(f"timed out waiting for {what or condition!r}; the screen:\n{self.text()}")

    def wait_for_text(self, text: str, timeout: float = TIMEOUT) -> None:
        self.wait_for(lambda app: text in app.text(), f"{text!r} on screen", timeout)

    def wait_until_stable(self, quiet: float = 0.5, timeout: float = TIMEOUT) -> None:
        """Wait until the program has answered the last write (if it draws anything for it:
        up to 10 s) and then drawn nothing for ``quiet`` seconds."""
        deadline = time.monotonic() + 10
        while self._changed < self._written and time.monotonic() < deadline and self.process.poll() is None:
            time.sleep(0.02)
        self.wait_for(lambda app: time.monotonic() - app._changed >= quiet, "the screen to settle", timeout)

    def wait_for_exit(self, timeout: float = TIMEOUT) -> int:
        return self.process.wait(timeout)

    # -- the article pane -------------------------------------------------------------

    def article_lines(self) -> list[str]:
        """The rows inside the pane titled "Article…", without its borders and scrollbar
        (the last row is the entity legend).

        Found by its border title on the screen, so the test does not depend on where
        the layout puts the pane (beside the list, or full width).
        """
        lines = self.lines()
        for top, line in enumerate(lines):
            at = line.find("Article")
            if at < 0:
                continue
            left = line.rfind("╭", 0, at)
            right = line.find("╮", at)
            if left < 0 or right < 0:
                continue
            rows = []
            for row in lines[top + 1 :]:
                if row[left] == "╰":
                    break
                rows.append(row[left + 1 : right - 2].rstrip())  # the last column holds the scrollbar
            return rows
        return []

    # -- ending -----------------------------------------------------------------------

    def close(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        with contextlib.suppress(OSError):
            os.close(self.master)
        self._reader.join(5)

    def __enter__(self) -> PtyApp:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
