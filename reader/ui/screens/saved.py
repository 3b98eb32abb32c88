"""``B``: the saved articles, newest first, readable after their source is gone.

Keys that belong together: ``m`` writes the note (a memo) and ``t`` the tags, while
``n``/``N`` keep meaning next/previous mention as on every reading screen. The list
shows each bookmark's tags and note; ``#tag`` in the filter finds a tag.
"""

from __future__ import annotations

from datetime import datetime

from textual.binding import Binding

from reader.entities.cache import EntityCache
from reader.model import Article, Bookmark
from reader.ui.rows import ArticleRows, HeadlineRow, RowProvider
from reader.ui.screens.note import NoteScreen
from reader.ui.screens.reader import ReaderScreen
from reader.ui.services import dateline_app


def tag_words(tags: tuple[str, ...] | list[str]) -> str:
    """Tags as shown and searched: "#china #chips"."""
    return " ".join(f"#{tag}" for tag in tags)


def parse_tags(text: str) -> list[str]:
    """What the tags dialog typed ("china, #chips trade") as tags, in order, once each."""
    tags: list[str] = []
    for word in text.replace(",", " ").split():
        tag = word.lstrip("#")
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def saved_when(bookmark: Bookmark) -> str:
    """When a bookmark was saved, in the user's local time."""
    return bookmark.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")


class BookmarksScreen(ReaderScreen):
    """The bookmarks: ``d`` removes (``u`` undoes), ``m`` edits the note, ``t`` the tags, Esc returns."""

    BINDINGS = [
        Binding("d,delete", "remove", "Remove", id="bookmarks.remove", tooltip="Remove this bookmark (u undoes)"),
        Binding("u", "undo", "Undo", show=False, id="bookmarks.undo", tooltip="Put back the last removed bookmark"),
        Binding("m", "edit_note", "Note", id="bookmarks.note", tooltip="Write or edit this bookmark's note (memo)"),
        Binding("t", "edit_tags", "Tags", id="bookmarks.tags", tooltip="Tag this bookmark (words or #words)"),
        Binding("B", "close", "Close", show=False, id="bookmarks.close", tooltip="Back to all headlines"),
        # Not in the footer: q (shown) does the same, and leaves room for m and t.
        Binding(
            "escape",
            "back",
            "Back",
            show=False,
            id="bookmarks.back",
            tooltip="Clear the filter, or back to all headlines",
        ),
        Binding("q", "back(True)", "Close", id="reader.close", tooltip="Close what is open; from the list, back"),
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
        bookmarks = dateline_app(self).bookmarks.list()
        self.by_id = {b.id: b for b in bookmarks}
        self.replace_articles([b.article for b in bookmarks])
        self.headlines.invalidate()

    def bookmarks_changed(self) -> None:
        """A write that waited in the background is done."""
        self.reload()

    def haystack(self, article: Article) -> str:
        # Tags as "#tag": the filter word "#chips" finds the tag, not any "chips" in a title.
        bookmark = self.by_id.get(article.id)
        extra = f"\n{bookmark.note}\n{tag_words(bookmark.tags)}" if bookmark else ""
        return (super().haystack(article) + extra).casefold()

    def source_of(self, row: HeadlineRow) -> str:
        # What the user wrote first (the column is cut to its width), then the source.
        bookmark = self.by_id.get(row.id)
        source = super().source_of(row)
        if bookmark is None:
            return source
        parts = [tag_words(bookmark.tags)] if bookmark.tags else []
        if bookmark.note:
            parts.append(f"✎ {bookmark.note}")  # the note itself, on one line
        return " · ".join([*parts, source])

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
        """The note, and the tags under it, above the article's text."""
        bookmark = self.by_id.get(article.id)
        if bookmark is None:
            return ""
        return "\n".join(part for part in (bookmark.note, tag_words(bookmark.tags)) if part)

    def action_remove(self) -> None:
        bookmark = self._current()
        if bookmark is not None and dateline_app(self).bookmarks.remove(bookmark.id):
            self.reload()

    def action_undo(self) -> None:
        restored = dateline_app(self).bookmarks.undo()
        if restored is not None:
            self.reload()
            self.headlines.set_rows(self.headlines.rows, keep=restored.id)

    def action_edit_note(self) -> None:
        bookmark = self._current()
        if bookmark is None:
            return

        def save(note: str | None) -> None:
            if note is not None and dateline_app(self).bookmarks.set_note(bookmark.id, note) is not None:
                self.reload()

        self.app.push_screen(NoteScreen(bookmark.article.title, bookmark.note), save)

    def action_edit_tags(self) -> None:
        bookmark = self._current()
        if bookmark is None:
            return

        def save(text: str | None) -> None:
            if text is not None and dateline_app(self).bookmarks.set_tags(bookmark.id, parse_tags(text)) is not None:
                self.reload()

        dialog = NoteScreen(bookmark.article.title, tag_words(bookmark.tags), heading="Tags", placeholder="china chips")
        self.app.push_screen(dialog, save)

    def action_close(self) -> None:
        self.dismiss()

    def back_from_list(self, leave: bool = False) -> None:
        self.dismiss()
