"""The main screen: the library's headlines; bookmarks are made here, read state kept.

The list draws from the library (``lib.results(q)``, a window at a time). The query is
what the user typed after ``/`` (the library's query language) narrowed by the source
chosen with ``s`` (or given on the command line) and by "articles mentioning X".
Writes (read marks) go to the library on a background thread (``app.writer``); the row
shows the new mark at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from textual import on, work
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from reader.entities.cache import EntityCache
from reader.entities.index import EntitySummary, keys_for
from reader.library import Library, LibraryError, Query, Results
from reader.links import LinkError, open_link, openable
from reader.model import Article, Entity
from reader.sanitize import clean_line
from reader.ui.library_rows import LibraryRows
from reader.ui.rows import HeadlineRow, RowProvider
from reader.ui.screens.reader import ReaderScreen
from reader.ui.services import dateline_app
from reader.ui.widgets.entity_panel import EntityList
from reader.ui.widgets.refresh_bar import RefreshBar


class UnreadCounted(Message):
    """The library's unread count, after a write (posted from the writer thread)."""

    def __init__(self, unread: int) -> None:
        super().__init__()
        self.unread = unread


class MarkedAllRead(Message):
    """Every article of the list was marked read (posted from the writer thread)."""

    def __init__(self, changed: int, unread: int) -> None:
        super().__init__()
        self.changed = changed
        self.unread = unread


class NextUnreadFound(Message):
    """Where the next unread headline is (None: there is none), from a worker thread."""

    def __init__(self, index: int | None, rows: RowProvider) -> None:
        super().__init__()
        self.index = index
        self.rows = rows


class LinkOpened(Message):
    """The browser was asked to open a link (``error``: why not), from a worker thread."""

    def __init__(self, url: str, error: str = "") -> None:
        super().__init__()
        self.url = url
        self.error = error


class FullStoryFetched(Message):
    """A full story was fetched and kept (``error``: why not), from a worker thread."""

    def __init__(self, article_id: str, error: str = "") -> None:
        super().__init__()
        self.article_id = article_id
        self.error = error


class MainScreen(ReaderScreen):
    """Browse the library, read, follow an entity across articles, bookmark what matters."""

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
        # "/" searches the whole library here (the query language), not just the list.
        Binding(
            "slash",
            "filter",
            "Search",
            id="main.search",
            tooltip='Search the library as you type: words, "phrases", source:, is:unread, entity:, after:',
            priority=True,
        ),
        # Read state (newsboat's n/N/A are taken here: n/N step through entity mentions).
        Binding(
            "full_stop",
            "next_unread",
            "Next unread",
            show=False,
            id="main.next_unread",
            tooltip="Go to the next unread headline",
        ),
        Binding("m", "toggle_read", "Read/unread", show=False, id="main.toggle_read", tooltip="Mark read or unread"),
        Binding(
            "M",
            "mark_all_read",
            "All read",
            show=False,
            id="main.mark_all_read",
            tooltip="Mark every headline shown as read",
        ),
        # Feeds (newsboat's keys): r/R refresh, o opens the link, y copies it, f the whole story.
        Binding(
            "r",
            "refresh_source",
            "Refresh",
            show=False,
            id="main.refresh",
            tooltip="Refresh the chosen source (or the highlighted headline's)",
        ),
        Binding("R", "refresh_all", "Refresh all", show=False, id="main.refresh_all", tooltip="Refresh every source"),
        Binding("o", "open_link", "Open link", show=False, id="main.open_link", tooltip="Open the article's link"),
        Binding("y", "copy_link", "Copy link", show=False, id="main.copy_link", tooltip="Copy the article's link"),
        Binding(
            "f",
            "full_story",
            "Full story",
            show=False,
            id="main.full_story",
            tooltip="Fetch and show the whole story from the article's link (f again: the feed's text)",
        ),
        Binding(
            "s", "sources", "Sources", show=False, id="main.sources", tooltip="Choose a source (with unread counts)"
        ),
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

    EMPTY_HINT = "The library is empty: add a source with 'dateline sources add PATH'."

    def __init__(
        self,
        library: Library,
        entity_cache: EntityCache,
        *,
        sources: tuple[str, ...] = (),
        reading_sources: bool = False,
    ) -> None:
        self.library = library
        self.source_filter: tuple[str, ...] = sources
        """Library source names the list is narrowed to (any of them); () for all."""
        self.mention_filter: EntitySummary | None = None
        self.read_overrides: dict[str, bool] = {}
        self.unread: int | None = None
        self.entity_status = ""
        """One short line on background entity recognition ('' when done or not running)."""
        self._total = 0
        self._everything: Results | None = None
        self._mounted = False
        self.reading_sources = reading_sources
        self.full_story_ids: set[str] = set()
        """Articles shown with their whole story (``f``) instead of the feed's text."""
        self._fetching: set[str] = set()
        self._feed_names: frozenset[str] | None = None
        super().__init__([], entity_cache)

    def back_from_list(self, leave: bool = False) -> None:
        if leave:
            self.app.exit()

    def on_mount(self) -> None:
        # Textual calls ReaderScreen.on_mount too (every class's handler in the MRO, this
        # one first): calling super() here would ask the library twice.
        self._mounted = True
        self.refresh_marks()
        self.count_unread()

    # -- the library ------------------------------------------------------------------

    def library_query(self, text: str | None = None) -> Query:
        """The library query for what the list shows (``text``: the typed search, default the current one)."""
        query = self.library.parse_query(self.filter_text if text is None else text)
        if self.source_filter and not query.sources:
            query = replace(query, sources=self.source_filter)
        if self.mention_filter is not None:
            mentioning = self.library.mentioning(self.mention_filter.name, keys_for(self.mention_filter))
            query = replace(query, entities=query.entities + mentioning.entities)
        return query

    def rows_for(self, query: str) -> RowProvider:
        parsed = self.library_query(query)
        if parsed.is_empty:
            # The whole library (every rowid, 100,000 of them) is kept between searches, so
            # that Esc after a search is instant; a refresh that changed something drops it.
            if self._everything is None:
                self._everything = self.library.results(parsed)
            results = self._everything
        else:
            results = self.library.results(parsed)
        if not self.is_filtered:
            self._total = len(results)
        elif not self._total:
            self._total = self.library.count()
        return LibraryRows(self.library, results, self.read_overrides)

    def article_for(self, row: HeadlineRow) -> Article | None:
        article = self.library.article(row.id)
        name = getattr(row, "source_name", "")
        if article is not None and not article.source and name and name in self._feed_sources():
            # Feed articles name no publisher: the header shows the source's name, as the list does.
            article = replace(article, source=name)
        if article is not None and article.id in self.full_story_ids:
            story = self.library.full_story(article.id)
            if story is not None:
                article = replace(article, paragraphs=story.paragraphs)
        return article

    def list_pane_extras(self) -> Iterable[Widget]:
        yield RefreshBar(id="refresh-bar")

    def _feed_sources(self) -> frozenset[str]:
        if self._feed_names is None:
            self._feed_names = frozenset(s.name for s in self.library.sources() if s.kind == "feed")
        return self._feed_names

    def link_note(self, article: Article) -> str:
        return "full story (f: the feed's text)" if article.id in self.full_story_ids else ""

    def total_count(self) -> int:
        return self._total

    def reload(self) -> None:
        """Ask the library again (after a refresh): filters apply, the cursor stays on its article."""
        self._total = 0
        self._feed_names = None  # sources may have been added or renamed
        self._everything = None
        self.reading_sources = False
        if self._mounted:  # else on_mount asks the library anyway
            self._apply_filters()

    def sources_read(self) -> None:
        """The sources were read again and nothing changed."""
        self.reading_sources = False
        if self._mounted:
            self._update_titles()

    def entities_of(self, article: Article) -> tuple[Entity, ...]:
        # Runs in a worker thread: the library's stored entities when the indexer (or an
        # earlier read) found them, else recognise now and store them for next time.
        cached = self.entity_cache.get(article)
        if cached is not None:
            return cached
        stored = self.library.entities(article.content_hash)
        if stored is not None:
            self.entity_cache.put(article, stored)
            return stored
        entities = self.entity_cache.entities_for(article)
        dateline_app(self).writer.submit(lambda lib: lib.store_entities(article.content_hash, entities))
        return entities

    # -- titles -----------------------------------------------------------------------

    def list_title(self, shown: int, total: int) -> str:
        title = super().list_title(shown, total)
        if self.reading_sources and not total:
            return f"{title} · reading sources…"
        return f"{title} · {self.unread} unread" if self.unread is not None else title

    def filter_notes(self) -> list[str]:
        notes = []
        if self.source_filter:
            notes.append(f"source: {', '.join(self.source_filter)}")
        if self.mention_filter is not None:
            notes.append(f"mentioning: {self.mention_filter.name}")
        if self.filter_text:
            notes.append(f"search: {self.filter_text}")
        if self.entity_status:
            notes.append(self.entity_status)
        return notes

    @property
    def is_filtered(self) -> bool:
        return bool(self.filter_text) or bool(self.source_filter) or self.mention_filter is not None

    def clear_restrictions(self) -> None:
        self.mention_filter = None
        self.source_filter = ()

    def set_entity_status(self, status: str) -> None:
        self.entity_status = status
        if self._mounted:
            self._update_titles()

    # -- read state -------------------------------------------------------------------

    def count_unread(self) -> None:
        """Count the unread articles (of the chosen source, if one) off the UI thread."""
        sources = self.source_filter

        def count(lib: Library) -> int:
            if len(sources) == 1:
                try:
                    return lib.unread_count(sources[0])
                except Exception:
                    pass
            return lib.unread_count()

        dateline_app(self).writer.submit(count, lambda n: self.post_message(UnreadCounted(n)))

    @on(UnreadCounted)
    def _unread_counted(self, event: UnreadCounted) -> None:
        self.unread = event.unread
        if self._mounted:
            self._update_titles()

    def _set_read(self, ids: list[str], read: bool) -> None:
        """Mark ``ids`` read (or unread): shown at once, written in the background."""
        changed = [i for i in ids if self._is_read(i) != read]
        for article_id in ids:
            self.read_overrides[article_id] = read
        if changed and self.unread is not None:
            self.unread = max(0, self.unread + (-len(changed) if read else len(changed)))
        self.headlines.invalidate()
        self._update_titles()
        dateline_app(self).writer.submit(lambda lib: lib.mark_read(ids, read))

    def _is_read(self, article_id: str) -> bool:
        if article_id in self.read_overrides:
            return self.read_overrides[article_id]
        row = self.headlines.highlighted
        if row is not None and row.id == article_id:
            return row.read
        return bool(self.library.is_read(article_id))

    def opened(self, article: Article) -> None:
        self._set_read([article.id], True)

    def action_toggle_read(self) -> None:
        row = self.headlines.highlighted
        if row is not None:
            self._set_read([row.id], not row.read)

    def action_mark_all_read(self) -> None:
        query = self.library_query()
        count = len(self.headlines)
        if not count:
            return

        def mark(lib: Library) -> tuple[int, int]:
            return lib.mark_all_read(query), lib.unread_count()

        dateline_app(self).writer.submit(mark, lambda result: self.post_message(MarkedAllRead(*result)))

    @on(MarkedAllRead)
    def _marked_all_read(self, event: MarkedAllRead) -> None:
        self.read_overrides.clear()  # every write before this one is in the file now
        self.unread = event.unread
        self.headlines.invalidate()
        self._update_titles()
        self.notify(f"Marked {event.changed} as read.", markup=False, timeout=3)

    def action_next_unread(self) -> None:
        self._find_next_unread(self.headlines.rows, self.headlines.cursor)

    @work(thread=True, exclusive=True, group="next-unread", exit_on_error=False)
    def _find_next_unread(self, rows: RowProvider, cursor: int) -> None:
        # A window at a time from the cursor on, then from the top: the common case (an
        # unread row nearby) costs one small query; never a keypress waiting on all of them.
        total, step = len(rows), 256
        for start, end in ((cursor + 1, total), (0, cursor + 1)):
            offset = start
            while offset < end:
                chunk = rows.window(offset, min(step, end - offset))
                for i, row in enumerate(chunk):
                    if not row.read:
                        self.post_message(NextUnreadFound(offset + i, rows))
                        return
                if not chunk:
                    break
                offset += len(chunk)
        self.post_message(NextUnreadFound(None, rows))

    @on(NextUnreadFound)
    def _next_unread_found(self, event: NextUnreadFound) -> None:
        if event.rows is not self.headlines.rows:
            return  # the list changed meanwhile
        if event.index is None:
            self.notify("No unread headlines here.", markup=False, timeout=3)
        else:
            self.headlines.cursor = event.index

    # -- sources ----------------------------------------------------------------------

    def action_sources(self) -> None:
        from reader.ui.screens.sources import SourcesScreen

        def chosen(name: str | None) -> None:
            if name is None:
                return
            self.source_filter = () if name == "" else (name,)
            self._apply_filters()
            self.count_unread()
            self.set_focus(self.headlines)

        self.app.push_screen(SourcesScreen(self.library), chosen)

    # -- refreshing (the app runs the refresh; see DatelineApp.start_refresh) -----------

    def chosen_source(self) -> str | None:
        """The source ``r`` refreshes: the one chosen with ``s``, else the highlighted headline's."""
        if len(self.source_filter) == 1:
            return self.source_filter[0]
        row = self.headlines.highlighted
        name = getattr(row, "source_name", "") if row is not None else ""
        return name or None

    def action_refresh_source(self) -> None:
        name = self.chosen_source()
        dateline_app(self).start_refresh([name] if name else None)

    def action_refresh_all(self) -> None:
        dateline_app(self).start_refresh(None)

    def show_refresh_progress(self, done: int, total: int, added: int) -> None:
        for bar in self.query("#refresh-bar").results(RefreshBar):  # none before the screen is composed
            bar.show_progress(done, total, added)

    def finish_refresh(self) -> None:
        for bar in self.query("#refresh-bar").results(RefreshBar):
            bar.finish()

    # -- the article's link -----------------------------------------------------------

    def _current_article(self) -> Article | None:
        # The cursor is the truth (the article pane may lag a burst of keys, or not be drawn).
        row = self.headlines.highlighted
        article = self.article_for(row) if row is not None else None
        if article is None:
            self.notify("No article.", markup=False, timeout=3)
        return article

    def action_open_link(self) -> None:
        article = self._current_article()
        if article is None:
            return
        try:
            url = openable(article.url)
        except LinkError as error:
            self.notify(clean_line(str(error)), title="Not opened", severity="warning", markup=False)
            return
        self._open_in_browser(url)

    @work(thread=True, exclusive=True, group="open-link", exit_on_error=False)
    def _open_in_browser(self, url: str) -> None:
        # A thread with a deadline (reader.links): a browser that never answers, or none
        # at all over SSH, can never hang the UI.
        try:
            open_link(url)
        except LinkError as error:
            self.post_message(LinkOpened(url, str(error)))
            return
        self.post_message(LinkOpened(url))

    @on(LinkOpened)
    def _link_opened(self, event: LinkOpened) -> None:
        if event.error:
            self.notify(
                clean_line(f"{event.error}. Press y to copy the link."),
                title="Not opened",
                severity="warning",
                markup=False,
                timeout=6,
            )
        else:
            self.notify(clean_line(f"Opened {event.url}"), markup=False, timeout=3)

    def action_copy_link(self) -> None:
        article = self._current_article()
        if article is None:
            return
        url = clean_line(article.url)
        if not url:
            self.notify("This article has no link.", markup=False, timeout=3)
            return
        self.app.copy_to_clipboard(url)  # OSC 52: works over SSH where the terminal allows it
        self.notify(clean_line(f"Copied {url}"), markup=False, timeout=3)

    # -- the whole story ----------------------------------------------------------------

    def action_full_story(self) -> None:
        from reader.sources.feeds import fulltext

        article = self._current_article()
        if article is None:
            return
        if article.id in self.full_story_ids:
            self.full_story_ids.discard(article.id)  # back to the feed's text
            self._show_again(article.id)
            return
        if self.library.full_story(article.id) is not None:  # kept from before: no fetching
            self.full_story_ids.add(article.id)
            self._show_again(article.id)
            return
        try:
            url = openable(article.url)
        except LinkError as error:
            self.notify(clean_line(str(error)), title="No full story", severity="warning", markup=False)
            return
        if not fulltext.available():
            self.notify(fulltext.HINT, title="No full story", severity="warning", markup=False, timeout=8)
            return
        if article.id in self._fetching:
            return
        self._fetching.add(article.id)
        self.notify(clean_line(f"Fetching the whole story from {url}…"), markup=False, timeout=3)
        self._fetch_full_story(article.id, url)

    @work(thread=True, group="full-story", exit_on_error=False)
    def _fetch_full_story(self, article_id: str, url: str) -> None:
        from reader.sources.feeds import fulltext

        try:
            paragraphs = fulltext.fetch_story(url)
            with Library.open(self.library.path, default_sources=False, recogniser=self.library.recogniser) as lib:
                lib.store_full_story(article_id, url, paragraphs)
        except (fulltext.FullTextError, fulltext.FullTextUnavailable, LibraryError) as error:
            self.post_message(FullStoryFetched(article_id, str(error)))
            return
        self.post_message(FullStoryFetched(article_id))

    @on(FullStoryFetched)
    def _full_story_fetched(self, event: FullStoryFetched) -> None:
        self._fetching.discard(event.article_id)
        if event.error:
            self.notify(clean_line(event.error), title="No full story", severity="warning", markup=False, timeout=8)
            return
        self.full_story_ids.add(event.article_id)
        self._show_again(event.article_id)

    def _show_again(self, article_id: str) -> None:
        """Show the highlighted article again if it is ``article_id`` (its text changed)."""
        row = self.headlines.highlighted
        if row is not None and row.id == article_id:
            self._show(self.article_for(row))

    # -- bookmarks --------------------------------------------------------------------

    def refresh_marks(self) -> None:
        """Mark the bookmarked headlines (a ★ before the title, not only a colour), and tell
        the library which ids are bookmarked (for ``is:bookmarked``; kept when a source goes)."""
        ids = dateline_app(self).bookmarks.ids()
        self.headlines.set_marked(ids)
        dateline_app(self).writer.submit(lambda lib: lib.set_bookmarked(ids))

    def bookmarks_changed(self) -> None:
        """A write that waited in the background is done."""
        self.refresh_marks()

    def action_toggle_bookmark(self) -> None:
        # The cursor is the truth: the article pane catches up with it a message later,
        # so a burst like "jjb" must bookmark the third headline, not the one still shown.
        row = self.headlines.highlighted
        article = self.article_for(row) if row is not None else None
        if article is not None:
            dateline_app(self).bookmarks.toggle(article)  # a full snapshot of the article
            self.refresh_marks()

    def action_undo(self) -> None:
        if dateline_app(self).bookmarks.undo() is not None:
            self.refresh_marks()

    # -- articles mentioning an entity ------------------------------------------------

    @on(EntityList.Mentioning)
    def _mentioning(self, event: EntityList.Mentioning) -> None:
        self.show_articles_mentioning(event.summary)

    def show_articles_mentioning(self, summary: EntitySummary) -> None:
        """Narrow the headlines to every article of the library that mentions ``summary``
        (the library's entity index; the background indexer may still be filling it)."""
        self.mention_filter = summary
        self._apply_filters()
        if self.entity_status:
            self.notify(
                clean_line(f"Still finding entities ({self.entity_status}): more may mention {summary.name}."),
                markup=False,
                timeout=4,
            )
        if (self.full_width or self.has_class("-narrow")) and self.entity_panel.display:
            self.action_toggle_entities()  # the panel stands where the headlines go
        self.set_focus(self.headlines)
