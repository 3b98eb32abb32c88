"""The motion keys (vim keys beside the arrows) come from one definition, reader.ui.keys.MOTIONS."""

from __future__ import annotations

import pytest
from textual.binding import Binding

from reader.ui.keys import MOTIONS
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.entity_panel import EntityList


@pytest.mark.parametrize(
    ("widget", "scope", "motions"),
    [
        (ArticleView, "article", set(MOTIONS)),
        (EntityList, "entities", {"down", "up", "first", "last"}),
    ],
)
def test_panes_take_their_motion_keys_from_the_one_table(widget: type, scope: str, motions: set[str]) -> None:
    keys_by_motion: dict[str, set[str]] = {}
    for binding in Binding.make_bindings(widget.BINDINGS):
        if binding.id and binding.id.startswith(f"{scope}."):
            keys_by_motion.setdefault(binding.id.removeprefix(f"{scope}."), set()).add(binding.key)
    expected = {motion: set(MOTIONS[motion][0].split(",")) for motion in motions}
    assert {motion: keys for motion, keys in keys_by_motion.items() if motion in MOTIONS} == expected
    assert {"j", "k", "g", "G"} <= set().union(*expected.values())
