"""``B``: the saved articles, newest first, readable after their source is gone."""

from __future__ import annotations

from datetime import datetime

from textual.binding import Binding

from reader.entities.cache import EntityCache
from reader.model import Article, Bookmark
from reader.ui.rows import ArticleRows, HeadlineRow, RowProvider
from reader.ui.screens.note import NoteScreen
from reader.ui.screens.reader import ReaderScreen


class BookmarksScreen(ReaderScreen):
    """The bookmarks: ``d`` removes (``u`` undoes), ``n`` edits the note, Esc returns."""

    BINDINGS = [
        Binding("d,delete", "remove", "Remove", id="bookmarks.remove", tooltip="Remove this bookmark (u undoes)"),
        Binding("u", "undo", "Undo", show=False, id="bookmarks.undo", tooltip="Put back the last removed bookmark"),
        Binding("n", "edit_note", "Note", id="bookmarks.note", tooltip="Write or edit this bookmark's note"),
        Binding("B", "close", "Close", show=False, id="bookmarks.close", tooltip="Back to all headlines"),
        Binding("escape", "back", "Back", id="bookmarks.back", tooltip="Clear the filter, or back to all headlines"),
    ]

    LIST_TITLE = "Bookmarks"
    KEYS_GROUP = "Bookmarks screen"
    EMPTY_MESSAGE = "No bookmarks yet."
    EMPTY_HINT = "Press Esc to go back, then b on an article to save it here."

    def __init__(self, entity_cache: EntityCache) -> None:
        self.by_id: dict[str, Bookmark] = {}
        super().__init__([], entity_cache)

    def on_mount(self) -> None:
        # Textual calls ReaderScreen.on_mount too (every class's handler in the MRO, this
        # one first): calling super() here would ask the library twice.
        self.reload()

    def reload(self) -> None:
        """Read the bookmarks again (newest first) and show them."""
        bookmarks = self.app.bookmarks.list()
        self.by_id = {b.id: b for b in bookmarks}
        self.replace_articles([b.article for b in bookmarks])
        self.headlines.invalidate()

    def haystack(self, article: Article) -> str:
        bookmark = self.by_id.get(article.id)
        extra = f"\n{bookmark.note}\n{' '.join(bookmark.tags)}" if bookmark else ""
        return (super().haystack(article) + extra).casefold()

    def source_of(self, row: HeadlineRow) -> str:
        bookmark = self.by_id.get(row.id)
        source = super().source_of(row)
        return f"✎ {source}" if bookmark is not None and bookmark.note else source

    def rows_for(self, query: str) -> RowProvider:
        # The date column says when each bookmark was saved (the list is in that order).
        def saved(article: Article) -> datetime | None:
            bookmark = self.by_id.get(article.id)
            return bookmark.saved_at if bookmark is not None else None

        return ArticleRows(self.matching(query), when=saved)

    def _current(self) -> Bookmark | None:
        row = self.headlines.highlighted
        return self.by_id.get(row.id) if row is not None else None

    def note_for(self, article: Article) -> str:
        bookmark = self.by_id.get(article.id)
        return bookmark.note if bookmark else ""

    def action_remove(self) -> None:
        bookmark = self._current()
        if bookmark is not None and self.app.bookmarks.remove(bookmark.id):
            self.reload()

    def action_undo(self) -> None:
        restored = self.app.bookmarks.undo()
        if restored is not None:
            self.reload()
            self.headlines.set_rows(self.headlines.rows, keep=restored.id)

    def action_edit_note(self) -> None:
        bookmark = self._current()
        if bookmark is None:
            return

        def save(note: str | None) -> None:
            if note is not None and self.app.bookmarks.set_note(bookmark.id, note) is not None:
                self.reload()

        self.app.push_screen(NoteScreen(bookmark.article.title, bookmark.note), save)

    def action_close(self) -> None:
        self.dismiss()

    def back_from_list(self) -> None:
        self.dismiss()
