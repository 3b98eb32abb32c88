"""The main screen: every loaded article; bookmarks are made here."""

from __future__ import annotations

from textual import on, work
from textual.binding import Binding
from textual.message import Message

from reader.entities.index import EntitySummary, mentions
from reader.sanitize import clean_line
from reader.ui.screens.reader import ReaderScreen
from reader.ui.widgets.entity_panel import EntityList


class MentionsFound(Message):
    """The ids of every article mentioning an entity (posted from a worker thread)."""

    def __init__(self, summary: EntitySummary, ids: frozenset[str]) -> None:
        super().__init__()
        self.summary = summary
        self.ids = ids


class MainScreen(ReaderScreen):
    """Browse headlines, read, follow an entity across articles, bookmark what matters."""

    BINDINGS = [
        Binding(
            "b",
            "toggle_bookmark",
            "Bookmark",
            id="main.bookmark",
            tooltip="Bookmark the article, or remove its bookmark",
        ),
        Binding("B", "app.bookmarks", "Bookmarks", id="main.bookmarks", tooltip="Open the saved articles"),
        Binding("u", "undo", "Undo remove", show=False, id="main.undo", tooltip="Put back the last removed bookmark"),
        # The same binding as ReaderScreen's q (same id: one remapping moves both), named for what
        # it does from the list here.
        Binding(
            "q",
            "back(True)",
            "Quit",
            id="reader.close",
            tooltip="Close the article, panel or filter; from the list, quit",
        ),
    ]

    mention_filter: tuple[EntitySummary, frozenset[str]] | None = None

    def back_from_list(self, leave: bool = False) -> None:
        if leave:
            self.app.exit()

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_marks()

    # -- bookmarks --------------------------------------------------------------------

    def refresh_marks(self) -> None:
        """Mark the bookmarked headlines (a ★ before the title, not only a colour)."""
        self.headlines.set_marked(self.app.bookmarks.ids())

    def action_toggle_bookmark(self) -> None:
        # The cursor is the truth: the article pane catches up with it a message later,
        # so a burst like "jjb" must bookmark the third headline, not the one still shown.
        article = self.headlines.highlighted
        if article is not None:
            self.app.bookmarks.toggle(article)
            self.refresh_marks()

    def action_undo(self) -> None:
        if self.app.bookmarks.undo() is not None:
            self.refresh_marks()

    # -- articles mentioning an entity ------------------------------------------------

    def restricted_to(self) -> frozenset[str] | None:
        return self.mention_filter[1] if self.mention_filter else None

    def filter_notes(self) -> list[str]:
        notes = [f"mentioning: {self.mention_filter[0].name}"] if self.mention_filter else []
        return notes + super().filter_notes()

    def clear_restrictions(self) -> None:
        self.mention_filter = None

    @on(EntityList.Mentioning)
    def _mentioning(self, event: EntityList.Mentioning) -> None:
        self.show_articles_mentioning(event.summary)

    def show_articles_mentioning(self, summary: EntitySummary) -> None:
        """Narrow the headlines to every article that mentions ``summary`` (in a worker)."""
        self.notify(
            clean_line(f"Looking for {summary.name} in {len(self.all_articles)} articles…"), markup=False, timeout=2
        )
        self._find_mentions(summary)

    @work(thread=True, exclusive=True, group="mentions", exit_on_error=False)
    def _find_mentions(self, summary: EntitySummary) -> None:
        ids = frozenset(
            article.id
            for article in self.all_articles
            if mentions(self.entity_cache.entities_for(article), summary.key)
        )
        self.post_message(MentionsFound(summary, ids))

    @on(MentionsFound)
    def _mentions_found(self, event: MentionsFound) -> None:
        self.mention_filter = (event.summary, event.ids)
        self._apply_filters()
        if self.has_class("-narrow") and self.entity_panel.display:
            self.action_toggle_entities()  # the panel stands where the headlines go
        self.set_focus(self.headlines)
