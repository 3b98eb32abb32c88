"""One table of every key and action, read from the widgets' own ``BINDINGS``.

The help screen (``?``) and the command palette both come from here, so neither can
drift from the keys that really work.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace

from textual.app import App
from textual.binding import Binding, BindingType
from textual.dom import DOMNode

# The motion keys of every list and scrolling pane, defined once: vim keys beside the arrows.
# motion -> (keys, description in help and the palette). Widgets take them with motion_bindings().
MOTIONS: dict[str, tuple[str, str]] = {
    "down": ("j,down", "Down"),
    "up": ("k,up", "Up"),
    "page_down": ("space,pagedown", "Page down"),
    "page_up": ("pageup", "Page up"),
    "first": ("g,home", "First"),
    "last": ("G,end", "Last"),
}


def motion_bindings(
    scope: str, actions: Mapping[str, str], descriptions: Mapping[str, str] | None = None
) -> list[BindingType]:
    """The :data:`MOTIONS` a widget supports, as bindings for its ``BINDINGS``.

    ``actions`` maps each motion the widget has to its action (``{"down": "cursor_down"}``);
    ``descriptions`` renames a motion for help (``{"first": "Top"}``). Binding ids are
    ``scope.motion`` (``article.down``). The footer does not show them (``show=False``).
    """
    descriptions = descriptions or {}
    return [
        Binding(
            MOTIONS[motion][0],
            action,
            descriptions.get(motion, MOTIONS[motion][1]),
            show=False,
            id=f"{scope}.{motion}",
        )
        for motion, action in actions.items()
    ]


@dataclass(frozen=True)
class KeyAction:
    group: str
    keys: tuple[str, ...]
    description: str
    tooltip: str
    action: str
    node: DOMNode


def _bindings(node: DOMNode) -> Iterable[Binding]:
    """The node's own bindings, inherited ones included, a subclass's winning per key.

    Only Dateline's classes count: the widgets they extend have their keys redefined here.
    """
    by_key: dict[str, Binding] = {}
    for cls in reversed(type(node).__mro__):
        if cls.__module__.startswith("reader.") and "BINDINGS" in vars(cls):
            for binding in Binding.make_bindings(vars(cls)["BINDINGS"]):
                by_key[binding.key] = binding
    return by_key.values()


def _remapped(app: App, bindings: Iterable[Binding]) -> Iterator[Binding]:
    """``bindings`` with the keys the user's keymap (config file) gives their ids."""
    keymap = getattr(app, "_keymap", {}) or {}
    for binding in bindings:
        if binding.id in keymap:
            yield from (replace(binding, key=key.strip()) for key in keymap[binding.id].split(","))
        else:
            yield binding


def key_actions(app: App, groups: Iterable[tuple[str, DOMNode]]) -> Iterator[KeyAction]:
    """Every binding of each ``(group, node)``, merged by action, keys formatted for display."""
    for group, node in groups:
        merged: dict[str, tuple[list[str], Binding]] = {}
        for binding in _remapped(app, _bindings(node)):
            if not binding.description:
                continue
            keys, _first = merged.setdefault(binding.action, ([], binding))
            display = app.get_key_display(binding)
            if display not in keys:
                keys.append(display)
        for action, (keys, binding) in merged.items():
            yield KeyAction(
                group=group,
                keys=tuple(keys),
                description=binding.description,
                tooltip=binding.tooltip or binding.description,
                action=action,
                node=node,
            )
