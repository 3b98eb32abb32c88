"""Each kind of entity stays distinguishable: in 16 colours and without colour."""

import pytest
from rich.color import Color, ColorSystem

from reader.entities.kinds import KINDS, kind_of
from reader.ui.entity_styles import all_styles, theme_variables


@pytest.mark.parametrize("dark", [True, False])
def test_kinds_keep_distinct_colours_in_16_colours(dark: bool) -> None:
    colours = theme_variables(dark)
    standard = {Color.parse(value).downgrade(ColorSystem.STANDARD).number for value in colours.values()}
    assert len(standard) == len(KINDS)


def test_kinds_keep_distinct_text_styles_without_colour() -> None:
    styles = all_styles(no_color=True)
    assert len(set(styles.values())) == len(KINDS)
    assert all(styles.values())


def test_every_label_has_a_kind() -> None:
    from reader.entities import LABELS

    assert {kind_of(label).key for label in LABELS} == {kind.key for kind in KINDS}
