"""Keys in one burst act exactly as if they were typed one by one.

Over SSH several keys arrive in one read. Textual hands each key to the focused
widget's own message queue and moves on to the next key at once; the key's bindings
run later, when it has bubbled back up to the app. So in a burst, a key is routed
before the keys ahead of it have done anything: after ``/china`` Enter, a ``j`` in
the same burst is already queued in the filter before Enter moves the focus to the
list ("chinaj"); a priority binding (``/``) jumps ahead of the letters queued before it.

:class:`SerialKeys` makes the app finish each key before it looks at the next one: the
key goes to the focused widget, the app waits until that widget and its ancestors up
to the screen have handled it (and what it caused, e.g. ``Input.Submitted`` moving
the focus), runs the non-priority bindings itself at that moment, and waits again for
what they caused. Only then is the next key routed, against the focus of that moment.

When no widget on the way handles keys itself (no ``_on_key`` of its own as an Input
has, no ``on_key``/``key_<name>``), the key would only bubble up to the bindings: they
run at once, without the round trip (a held ``j`` stays quick).

The waits are bounded (:data:`KEY_SETTLE_TIMEOUT`): a widget that waits on the app
while handling a key costs that long once, instead of hanging the app.

This mirrors ``App.on_event``'s key branch and uses a few of Textual's private names
(``_check_bindings``, ``_forward_event``, ``_message_queue``, ``textual._dispatch_key``);
the pty tests (tests/pty) are what tell whether a Textual upgrade kept them.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterable
from typing import Any

from textual import events
from textual._dispatch_key import dispatch_key
from textual.app import App
from textual.dom import DOMNode
from textual.message import Message
from textual.message_pump import MessagePump
from textual.widget import Widget

KEY_SETTLE_TIMEOUT = 1.0
"""Seconds the app waits at most for a widget to finish with one key."""


class SerialKeys(App):
    """An ``App`` base that handles the keys of a burst strictly one after another.

    ``on_unhandled_key`` is called for a key that nothing on the screen used.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The key being handled, and whether it bubbled back up to the app (nothing consumed it).
        self._key_in_flight: events.Key | None = None
        self._key_arrived: asyncio.Future[None] | None = None

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, events.Key) or event.is_forwarded or not self._running_keys():
            await super().on_event(event)
            return
        await self._handle_key_in_order(event)

    def _running_keys(self) -> bool:
        """Only once the app is up (the default screen exists); before that Textual's own way."""
        try:
            self.screen  # noqa: B018 - raises when there is no screen yet
        except Exception:
            return False
        return True

    async def _handle_key_in_order(self, event: events.Key) -> None:
        """Route ``event`` as Textual does, then wait for it to be fully handled."""
        if not self.app_focus:
            self.app_focus = True
        if self.screen.maximized is not None and event.key == "escape" and self.escape_to_minimize:
            self.screen.minimize()
            return
        if self.focused:
            with contextlib.suppress(Exception):
                self.screen._clear_tooltip()
        if await self._check_bindings(event.key, priority=True):
            await self._settle(self._chain())
            return
        target: MessagePump = self.focused or self.screen
        chain = self._chain()
        if self._only_bindings_act(chain, event) and await self._check_bindings(event.key):
            # Nothing on the way would have done anything with the key but pass it up to the
            # app's bindings: run them now, without the round trip (a held key stays quick).
            await self._settle(chain + self._chain(), busy_only=True)
            return
        arrived: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._key_in_flight, self._key_arrived = event, arrived
        try:
            target._forward_event(event)  # type: ignore[attr-defined]
            # The focused widget and its ancestors handle the key in their own tasks: wait until
            # it has bubbled back up to the app, or every one of them is done with it (consumed).
            await self._settle(chain, until=arrived)
        finally:
            self._key_in_flight = self._key_arrived = None
        if not arrived.done():
            return  # consumed by a widget (text typed into an input, say)
        # Textual would now queue the key behind the rest of the burst and run the bindings of
        # the focus chain when it gets there: run them here, at once; then wait for what they
        # caused (an Input.Submitted moving the focus, say), where anything is queued.
        handled = await self._check_bindings(event.key) or await dispatch_key(self, event)
        await self._settle(chain + self._chain(), busy_only=True)
        if not handled:
            self.on_unhandled_key(event)

    @staticmethod
    def _only_bindings_act(chain: list[DOMNode], event: events.Key) -> bool:
        """True when no node of ``chain`` handles keys itself (its own ``_on_key``, as an Input
        has, an ``on_key`` or ``key_<name>`` method, an ``@on(Key)`` handler): then the key
        only bubbles up to the bindings, and running them at once is the same."""
        method = f"key_{event.name}"
        for node in chain:
            cls = type(node)
            overrides_on_key = getattr(cls, "_on_key", None) is not getattr(Widget, "_on_key", None)
            if overrides_on_key or hasattr(node, "on_key") or hasattr(node, method):
                return False
            for klass in cls.__mro__:
                handlers = klass.__dict__.get("_decorated_handlers") or {}
                if any(issubclass(events.Key, message_type) for message_type in handlers):
                    return False
        return True

    def post_message(self, message: Message) -> bool:
        if message is not None and message is self._key_in_flight:
            # Bubbled up: its bindings run in _handle_key_in_order, not from the queue.
            if self._key_arrived is not None and not self._key_arrived.done():
                self._key_arrived.set_result(None)
            return True
        return super().post_message(message)

    def _chain(self) -> list[DOMNode]:
        """The focused widget and its ancestors up to the screen (never the app itself)."""
        try:
            screen = self.screen
        except Exception:
            return []
        focused = self.focused
        nodes = list(focused.ancestors_with_self) if focused is not None else [screen]
        return [node for node in nodes if node is not self]

    async def _settle(
        self, nodes: Iterable[DOMNode], until: asyncio.Future[None] | None = None, busy_only: bool = False
    ) -> None:
        """Wait until each node (in order: a message bubbles to the next) has handled
        everything queued for it so far, or ``until`` is done. ``busy_only``: skip a node
        whose queue is empty when its turn comes (nothing of this key can be in it).

        A marker callback goes to the back of each node's queue; the queue is FIFO, so
        when the marker runs, what was before it is done. (``Queue.join`` cannot be used:
        Textual drops coalesced messages without ``task_done``.)
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + KEY_SETTLE_TIMEOUT
        seen: set[int] = set()
        for node in nodes:
            if until is not None and until.done():
                return
            if id(node) in seen or not node.is_running:
                continue
            seen.add(id(node))
            if busy_only and node._message_queue.empty():
                continue  # type: ignore[unreachable]  # (mypy reads Textual's queue as never empty)
            remaining = deadline - loop.time()
            if remaining <= 0:
                return
            done: asyncio.Future[None] = loop.create_future()
            if not node.call_later(lambda done=done: done.done() or done.set_result(None)):
                continue
            waiting = {done} if until is None else {done, until}
            finished, _ = await asyncio.wait(waiting, timeout=remaining, return_when=asyncio.FIRST_COMPLETED)
            if not finished:
                return  # timed out: let Textual carry on its own way

    def on_unhandled_key(self, event: events.Key) -> None:
        """A key nothing used (no binding, no widget took it). Subclasses may say so."""
