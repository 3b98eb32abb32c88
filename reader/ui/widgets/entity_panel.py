"""The entity panel: the current article's entities grouped by kind, with mention counts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.entities.index import EntitySummary
from reader.entities.kinds import KINDS, kind_of
from reader.ui.entity_styles import kind_style
from reader.ui.keys import motion_bindings
from reader.ui.text import line_content


class EntityList(OptionList):
    """The options: headings per kind (disabled) and one entry per entity."""

    BINDINGS = [
        *motion_bindings("entities", {"down": "cursor_down", "up": "cursor_up", "first": "first", "last": "last"}),
        Binding(
            "enter",
            "select",
            "Go to",
            show=False,
            id="entities.select",
            tooltip="Scroll the article to its first mention",
        ),
        Binding(
            "a", "mentioning", "Articles", id="entities.mentioning", tooltip="Show only the articles that mention it"
        ),
    ]

    class Mentioning(Message):
        """The user asked for every article that mentions ``summary``."""

        def __init__(self, summary: EntitySummary) -> None:
            super().__init__()
            self.summary = summary

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(markup=False, **kwargs)
        self.summaries: dict[str, EntitySummary] = {}

    @property
    def highlighted_summary(self) -> EntitySummary | None:
        if self.highlighted is None:
            return None
        option = self.get_option_at_index(self.highlighted)
        return self.summaries.get(option.id or "")

    def action_mentioning(self) -> None:
        summary = self.highlighted_summary
        if summary is not None:
            self.post_message(self.Mentioning(summary))


class EntityPanel(Vertical):
    """Lists entities by kind; Enter jumps to the first mention, ``a`` filters headlines."""

    DEFAULT_CSS = """
    EntityPanel > EntityList {
        height: 1fr;
        border: none;
        padding: 0;
        &:focus { border: none; }
    }
    """

    class Chosen(Message):
        """The user chose an entity in the panel."""

        def __init__(self, summary: EntitySummary) -> None:
            super().__init__()
            self.summary = summary

    def compose(self) -> ComposeResult:
        yield EntityList(id="entity-list")

    @property
    def option_list(self) -> EntityList:
        return self.query_one(EntityList)

    def show_summaries(self, summaries: Sequence[EntitySummary] | None) -> None:
        """Fill the panel (None: recognition still running)."""
        entity_list = self.option_list
        entity_list.clear_options()
        entity_list.summaries = {}
        if summaries is None:
            entity_list.add_option(Option(Content("Finding entities…"), disabled=True))
            return
        if not summaries:
            entity_list.add_option(Option(Content("No entities found."), disabled=True))
            return
        no_color = self.app.no_color
        options: list[Option] = []
        for kind in KINDS:
            members = [s for s in summaries if kind_of(s.label) is kind]
            if not members:
                continue
            heading = Content(f"{kind.name} ({len(members)})").stylize("bold")
            options.append(Option(heading, disabled=True))
            for summary in members:
                option_id = f"entity-{len(entity_list.summaries)}"
                entity_list.summaries[option_id] = summary
                # A swatch in the kind's style; the name itself stays plain, readable
                # under the highlight bar.
                prompt = Content.assemble(
                    (" ■ ", kind_style(kind, no_color)),
                    line_content(summary.name),
                    (f" ×{summary.count}", "dim") if summary.count > 1 else "",
                )
                options.append(Option(prompt, id=option_id))
        entity_list.add_options(options)
        first = next((i for i, o in enumerate(options) if not o.disabled), None)
        entity_list.highlighted = first

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        summary = self.option_list.summaries.get(event.option.id or "")
        if summary is not None:
            self.post_message(self.Chosen(summary))
