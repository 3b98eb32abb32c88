"""What every reading screen shares: a list of headlines, the article with its entities
highlighted, a legend, the entity panel, filtering as you type and stepping through
mentions. The main screen and the bookmarks screen are both reading screens.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Resize
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static
from textual.worker import Worker, WorkerState

from reader.entities.cache import EntityCache
from reader.entities.index import summarise
from reader.entities.kinds import KINDS
from reader.model import Article, Entity, source_label
from reader.sanitize import clean_line
from reader.ui.entity_styles import kind_style
from reader.ui.rows import ArticleRows, HeadlineRow, RowProvider
from reader.ui.text import line_content, safe
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.entity_panel import EntityPanel
from reader.ui.widgets.headline_list import HeadlineList
from reader.ui.widgets.key_footer import KeyFooter

# Layout. From this many columns the list and the article stand side by side ("split");
# below it each takes the full width in turn ("full"): the list, then Enter opens the
# article full width and Esc (or q) comes back to the list at the same place. 80 columns
# need the whole width for a readable list (50+ characters of title). `z` flips the mode
# at any width.
SPLIT_FROM = 120
# When the user asks for the split below these widths: the panes stack, and the entity
# panel takes the headline list's place.
STACK_BELOW = 70
PANEL_BESIDE_LIST = 110


class EntitiesReady(Message):
    """Recognition of one article finished (posted from a worker thread)."""

    def __init__(self, article: Article, entities: tuple[Entity, ...]) -> None:
        super().__init__()
        self.article = article
        self.entities = entities


class EntityLegend(Static):
    """One line naming each kind of entity in its own style."""

    def show_for(self, highlight: bool, entities: Sequence[Entity] | None, has_article: bool) -> None:
        if not highlight:
            legend = Content.assemble(("Highlighting off", "italic"), " · e turns it on")
        elif entities is None and has_article:
            legend = Content("Finding entities…").stylize("italic")
        else:
            no_color = self.app.no_color
            legend = Content(" ").join(Content(k.short).stylize(kind_style(k, no_color)) for k in KINDS)
        # One line, always (styles/app.tcss): a new legend never needs a new layout of the screen.
        self.update(legend, layout=False)


class ReaderScreen(Screen[None]):
    """Headlines on the left, the article on the right, entities on demand."""

    BINDINGS = [
        # Keys reach the app's bindings in order, each checked against the focus of the moment,
        # so actions move the focus with Screen.set_focus (at once) and later keys follow it.
        # Text is different: it goes to the focused widget as it arrives. "/" is therefore a
        # priority binding, so that "/abc" typed in one burst lands in the filter.
        Binding(
            "tab", "toggle_focus", "Switch pane", show=False, id="reader.toggle_focus", tooltip="Move between the panes"
        ),
        Binding("slash", "filter", "Filter", id="reader.filter", tooltip="Filter the list as you type", priority=True),
        Binding("escape", "back", "Back", show=False, id="reader.back", tooltip="Back to the list / clear the filter"),
        # q goes back through the same steps as Esc; from the list with nothing left to
        # close it leaves the screen (quits the app on the main screen). Q quits from anywhere.
        Binding(
            "q",
            "back(True)",
            "Back",
            id="reader.close",
            tooltip="Close the article, panel or filter; from the list, leave",
        ),
        Binding(
            "J", "next_article", "Next article", show=False, id="reader.next_article", tooltip="Read the next article"
        ),
        Binding(
            "K",
            "previous_article",
            "Previous article",
            show=False,
            id="reader.previous_article",
            tooltip="Read the previous article",
        ),
        Binding(
            "e",
            "toggle_highlight",
            "Highlight",
            show=False,
            id="reader.highlight",
            tooltip="Highlight entities on or off",
        ),
        Binding("E", "toggle_entities", "Entities", id="reader.entities", tooltip="Show or hide the entity panel"),
        Binding(
            "z",
            "toggle_layout",
            "Split/full",
            show=False,
            id="reader.layout",
            tooltip="List and article side by side, or each full width",
        ),
        Binding(
            "n",
            "next_mention",
            "Next mention",
            show=False,
            id="reader.next_mention",
            tooltip="Step to the next mention",
        ),
        Binding(
            "N",
            "previous_mention",
            "Previous mention",
            show=False,
            id="reader.previous_mention",
            tooltip="Step to the previous mention",
        ),
    ]

    LIST_TITLE = "Headlines"
    KEYS_GROUP = "Main screen"
    EMPTY_MESSAGE = "No headlines match."
    EMPTY_HINT = "No articles were loaded."

    filter_text: reactive[str] = reactive("", init=False)

    def __init__(self, articles: Sequence[Article], entity_cache: EntityCache) -> None:
        super().__init__()
        self.entity_cache = entity_cache
        self.all_articles: list[Article] = []
        self._by_id: dict[str, Article] = {}
        self._haystacks: list[str] = []
        self._set_all(articles)
        self.chosen_mentions: tuple[Entity, ...] | None = None
        """The mentions n/N step through: a chosen entity's, or None for every mention."""
        self.layout_choice: str | None = None
        """"split" or "full" when the user chose with `z`; None: by the terminal's width."""
        self._wide = True
        self._shown_key: tuple[str, str, str] | None = None
        self._titles: tuple[str, str, str] | None = None
        self._stale = False

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            with Vertical(id="list-pane"):
                yield Input(placeholder="Filter…", id="filter", compact=True)
                yield HeadlineList(
                    id="headlines",
                    empty_message=self.EMPTY_MESSAGE,
                    source_of=self.source_of,
                    on_select=self.read,
                )
                yield from self.list_pane_extras()
            with Vertical(id="article-pane"):
                yield ArticleView(id="article")
                yield EntityLegend(id="legend", markup=False)
            yield EntityPanel(id="entity-panel")
        # The palette is one key away (Ctrl+P, listed by "?"); the footer keeps its room for keys.
        yield KeyFooter(show_command_palette=False)

    def on_mount(self) -> None:
        self.entity_panel.border_title = safe("Entities")
        self._apply_filters()
        self.set_focus(self.headlines)

    # -- what a subclass may change ---------------------------------------------------

    def haystack(self, article: Article) -> str:
        """The text the filter searches for ``article`` (case-folded)."""
        return f"{article.title}\n{article.source}\n{article.section}".casefold()

    def source_of(self, row: HeadlineRow) -> str:
        """The source column of a row in the list."""
        return source_label(row.source, row.section)

    def rows_for(self, query: str) -> RowProvider:
        """The rows the list shows for the filter text ``query`` (in memory here; the main
        screen asks the library)."""
        return ArticleRows(self.matching(query))

    def article_for(self, row: HeadlineRow) -> Article | None:
        """The full article behind a row of the list."""
        return self._by_id.get(row.id)

    def total_count(self) -> int:
        """How many articles there are before any filter."""
        return len(self.all_articles)

    def note_for(self, article: Article) -> str:
        """The user's note on ``article``, shown above its text."""
        return ""

    def list_pane_extras(self) -> Iterable[Widget]:
        """Widgets under the headline list (the main screen: the refresh progress bar)."""
        return ()

    def link_note(self, article: Article) -> str:
        """A word after the article's link in its header (the main screen: the full story)."""
        return ""

    def restricted_to(self) -> frozenset[str] | None:
        """Ids the list is narrowed to besides the text filter (None: no such narrowing)."""
        return None

    def filter_notes(self) -> list[str]:
        """What narrows the list, for the list pane's subtitle."""
        return [f"filter: {self.filter_text}"] if self.filter_text else []

    def clear_restrictions(self) -> None:
        """Drop any narrowing besides the text filter."""

    # -- widgets ----------------------------------------------------------------------

    @property
    def headlines(self) -> HeadlineList:
        return self.query_one("#headlines", HeadlineList)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one("#article", ArticleView)

    @property
    def filter_input(self) -> Input:
        return self.query_one("#filter", Input)

    @property
    def entity_panel(self) -> EntityPanel:
        return self.query_one("#entity-panel", EntityPanel)

    # -- layout -----------------------------------------------------------------------
    # Classes on the screen, selected on in styles/app.tcss as `ReaderScreen.-full` etc. so
    # that every reading screen (main, bookmarks) lays out the same:
    #   -full     one pane at a time, full width (narrow terminal, or chosen with `z`)
    #   -reading  in -full: the article (and entity panel) is shown instead of the list
    #   -stacked / -narrow   a split chosen on a narrow terminal

    @property
    def full_width(self) -> bool:
        """Whether one pane at a time is shown, full width."""
        if self.layout_choice is not None:
            return self.layout_choice == "full"
        if getattr(self.app, "layout_choice", "auto") in ("split", "stacked"):
            return False  # the config file asks for the panes side by side (or stacked) at any width
        return not self._wide

    def on_resize(self, event: Resize) -> None:
        self._wide = event.size.width >= SPLIT_FROM
        # The config file's layout: by width (auto), or always split / stacked (see __init__).
        config_layout = getattr(self.app, "layout_choice", "auto")
        stacked = event.size.width < STACK_BELOW if config_layout == "auto" else config_layout == "stacked"
        self.set_class(stacked, "-stacked-width")
        self.set_class(event.size.width < PANEL_BESIDE_LIST, "-narrow")
        self._apply_layout()

    def _apply_layout(self) -> None:
        full = self.full_width
        was_reading = self.has_class("-reading")
        self.set_class(full, "-full")
        self.set_class(not full and self.has_class("-stacked-width"), "-stacked")
        self.set_class(full and self._reading_focus(), "-reading")
        if not self._article_hidden():
            self._catch_up()
        if self.has_class("-reading") != was_reading and self.is_current:
            # The classes' styles apply at once, the new layout only on the next refresh.
            # Lay out now, so that keys arriving in the same burst as Enter ("<Enter>jjj"
            # over SSH) scroll an article that already has its full-width size.
            self._refresh_layout()

    def _reading_focus(self) -> bool:
        """Whether the focus is on the article side (the article or the entity panel)."""
        focused = self.focused
        if focused is None:
            return self.has_class("-reading")
        return focused is self.article_view or focused is self.entity_panel.option_list

    def watch_focused(self) -> None:
        # In the full-width layout the focused side is the one shown: Enter (focus to the
        # article) opens it full width, Esc/q (focus back to the list, see action_back)
        # returns to the list with its cursor and scroll where they were.
        if self.is_mounted:
            self._apply_layout()

    def action_toggle_layout(self) -> None:
        self.layout_choice = "split" if self.full_width else "full"
        self._apply_layout()
        if self.focused is not None:
            self.call_after_refresh(self.focused.scroll_visible, animate=False)

    # -- the list ---------------------------------------------------------------------

    def _set_all(self, articles: Sequence[Article]) -> None:
        self.all_articles = list(articles)
        self._by_id = {a.id: a for a in self.all_articles}
        self._haystacks = [self.haystack(a) for a in self.all_articles]

    def replace_articles(self, articles: Sequence[Article]) -> None:
        """Show a new full list (filters still apply); the cursor stays where it can."""
        self._set_all(articles)
        self._apply_filters()

    # -- the article and its entities -------------------------------------------------

    @on(HeadlineList.Highlighted)
    def _show_highlighted(self, event: HeadlineList.Highlighted) -> None:
        # The cursor may have moved on since this message was posted: show where it is now.
        if self._article_hidden():
            # Full-width list: the article is not on screen, so it is not fetched, laid out
            # or recognised for every key; it catches up when it is shown (_catch_up).
            self._stale = True
            self._update_titles()
            return
        row = self.headlines.highlighted
        self._show(self.article_for(row) if row is not None else None)

    def _article_hidden(self) -> bool:
        return self.has_class("-full") and not self.has_class("-reading")

    def _catch_up(self) -> None:
        """Show the article under the cursor if the (hidden) article pane fell behind it."""
        if self._stale:
            self._stale = False
            row = self.headlines.highlighted
            self._show(self.article_for(row) if row is not None else None)

    def read(self, row: HeadlineRow) -> None:
        """Read the article of ``row``: shown now (the pane may lag a burst of moves), focus
        on the text (in the full-width layout that opens the article full width)."""
        article = self.article_for(row)
        self._stale = False
        self._show(article)
        self.set_focus(self.article_view)
        if article is not None:
            self.opened(article)

    def opened(self, article: Article) -> None:
        """The user opened ``article`` to read it (the main screen marks it read)."""

    def _show(self, article: Article | None) -> None:
        # Shown again only when it is another article (or its note changed): the library
        # hands out a new object for the same article each time it is asked.
        key = (article.id, article.content_hash, self.note_for(article)) if article is not None else None
        if key is None or key != self._shown_key:
            self._shown_key = key
            self.chosen_mentions = None
            self.query_one("#article-pane").border_subtitle = safe("")  # no mention marked yet
            hint = self.EMPTY_HINT if not self.total_count() else "Nothing matches. Press Esc to clear the filter."
            self.article_view.show(
                article,
                note=self.note_for(article) if article else "",
                empty_hint=hint,
                link_note=self.link_note(article) if article else "",
            )
            if article is not None:
                cached = self.entity_cache.get(article)
                if cached is not None:
                    self._apply_entities(cached)
                else:
                    self._update_entity_views(None)
                    self._recognise(article)
        self._update_titles()

    @work(thread=True, exclusive=True, group="recognise", exit_on_error=False)
    def _recognise(self, article: Article) -> None:
        """Recognise off the UI thread: the text is already on screen, colour follows."""
        entities = self.entities_of(article)
        self.post_message(EntitiesReady(article, entities))

    def entities_of(self, article: Article) -> tuple[Entity, ...]:
        """The entities of ``article`` (runs in a worker thread; the main screen asks the library first)."""
        return self.entity_cache.entities_for(article)

    @on(EntitiesReady)
    def _entities_ready(self, event: EntitiesReady) -> None:
        shown = self.article_view.article
        if shown is not None and shown.id == event.article.id and shown.body == event.article.body:
            self._apply_entities(event.entities)

    def _apply_entities(self, entities: tuple[Entity, ...]) -> None:
        self.article_view.set_entities(entities)
        self._update_entity_views(entities)

    def _update_entity_views(self, entities: Sequence[Entity] | None) -> None:
        self.query_one(EntityLegend).show_for(
            self.article_view.highlight, entities, self.article_view.article is not None
        )
        if self.entity_panel.display:
            self.entity_panel.show_summaries(None if entities is None else summarise(entities))

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            self.notify(
                clean_line(f"{type(error).__name__}: {error}"),
                title="Something went wrong in the background",
                severity="error",
                markup=False,
            )

    def action_toggle_highlight(self) -> None:
        self._catch_up()
        self.article_view.set_highlight(not self.article_view.highlight)
        self._update_entity_views(self.article_view.entities)

    def action_toggle_entities(self) -> None:
        self._catch_up()
        panel = self.entity_panel
        panel.display = not panel.display
        # With the panel open beside the list (split layout) the article keeps its width:
        # the list yields room (styles/app.tcss, ReaderScreen.-panel-open).
        self.set_class(panel.display, "-panel-open")
        if panel.display:
            entities = self.article_view.entities
            panel.show_summaries(None if entities is None else summarise(entities))
            self.set_focus(panel.option_list)
        elif self.full_width and self.article_view.article is not None:
            self.set_focus(self.article_view)  # full width: back to the article the panel was beside
        elif self.focused is None or self.focused is panel.option_list or not self.focused.display:
            self.set_focus(self.headlines)

    @on(EntityPanel.Chosen)
    def _entity_chosen(self, event: EntityPanel.Chosen) -> None:
        self.chosen_mentions = event.summary.mentions
        self._mark(event.summary.mentions[0])

    def _mentions_to_step(self) -> Sequence[Entity]:
        if self.chosen_mentions is not None:
            return self.chosen_mentions
        return self.article_view.entities or ()

    def _step_mention(self, forward: bool) -> None:
        self._catch_up()
        mentions = self._mentions_to_step()
        if not mentions:
            self.notify("No entities in this article.", markup=False, timeout=3)
            return
        current = self.article_view.current_mention
        if current is None:
            target = mentions[0] if forward else mentions[-1]
        elif forward:
            target = next((m for m in mentions if m.start > current.start), mentions[0])
        else:
            target = next((m for m in reversed(mentions) if m.start < current.start), mentions[-1])
        self._mark(target)

    def _mark(self, mention: Entity) -> None:
        """Mark ``mention``, scroll to it, and say which of how many it is."""
        self.article_view.mark_mention(mention)
        mentions = self._mentions_to_step()
        index = next((i for i, m in enumerate(mentions) if m.start == mention.start), 0)
        # Content, not str: a border title string is parsed as markup, and a name is article text.
        self.query_one("#article-pane").border_subtitle = line_content(f"{mention.text} · {index + 1}/{len(mentions)}")

    def action_next_mention(self) -> None:
        self._step_mention(forward=True)

    def action_previous_mention(self) -> None:
        self._step_mention(forward=False)

    # -- filtering --------------------------------------------------------------------

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        self.set_focus(self.headlines)

    def watch_filter_text(self, value: str) -> None:
        self._apply_filters()

    def _apply_filters(self) -> None:
        current = self.headlines.highlighted
        self.headlines.set_rows(self.rows_for(self.filter_text), keep=current.id if current else None)
        self._update_titles()

    def matching(self, query: str) -> list[Article]:
        """Articles whose haystack contains every word of ``query`` (and that pass
        :meth:`restricted_to`)."""
        words = query.casefold().split()
        ids = self.restricted_to()
        if not words and ids is None:
            return self.all_articles
        return [
            article
            for article, haystack in zip(self.all_articles, self._haystacks, strict=False)
            if (ids is None or article.id in ids) and all(word in haystack for word in words)
        ]

    @property
    def is_filtered(self) -> bool:
        return bool(self.filter_text) or self.restricted_to() is not None

    def _update_titles(self) -> None:
        shown = len(self.headlines)
        has_article = self.article_view.article is not None and shown
        # Content, never a markup string: the notes hold what the user typed ("T[/]").
        titles = (
            self.list_title(shown, self.total_count()),
            " · ".join(self.filter_notes()),
            f"Article {self.headlines.cursor + 1}/{shown}" if has_article else "Article",
        )
        if titles == self._titles:
            return  # a border title set again repaints its whole pane: not on every key
        self._titles = titles
        pane = self.query_one("#list-pane")
        pane.border_title = safe(titles[0])
        pane.border_subtitle = safe(titles[1])
        self.query_one("#article-pane").border_title = safe(titles[2])

    def list_title(self, shown: int, total: int) -> str:
        """The list pane's title: its name and counts."""
        return f"{self.LIST_TITLE} {shown}/{total}" if self.is_filtered else f"{self.LIST_TITLE} {total}"

    # -- actions ----------------------------------------------------------------------

    # Focus moves with Screen.set_focus, at once, rather than Widget.focus (deferred): keys
    # typed in a burst right after a focus change must reach the newly focused widget.

    def action_toggle_focus(self) -> None:
        panes = (self.headlines, self.article_view, self.entity_panel.option_list)
        if self.full_width:
            # One side at a time: Tab goes to the other side (and shows it).
            order = [self.headlines, self.article_view] + ([panes[2]] if self.entity_panel.display else [])
        else:
            order = [w for w in panes if w.display and w.parent is not None and w.parent.display]
        index = order.index(self.focused) if self.focused in order else -1
        self.set_focus(order[(index + 1) % len(order)])

    def action_filter(self) -> None:
        if self.filter_input.has_focus:
            self.filter_input.insert_text_at_cursor("/")
            return
        self.filter_input.display = True
        self.set_focus(self.filter_input)

    def action_clear_filter(self) -> None:
        """Clear the text filter and any other narrowing of the list."""
        self.filter_input.value = ""
        self.filter_text = ""
        self.filter_input.display = False
        self.clear_restrictions()
        self._apply_filters()
        self.set_focus(self.headlines)

    def action_back(self, leave: bool = False) -> None:
        """Esc (and q, with ``leave``): close the innermost thing open, one step at a time.

        Each step undoes one thing (the filter, the entity panel, the article); only in the
        headline list with nothing left to close does the screen itself go, in
        :meth:`back_from_list`. Whatever else can be open (a full-width article…) gets its
        own step here, and q follows it for free.
        """
        focused = self.focused
        if focused is self.filter_input or (focused is self.headlines and self.is_filtered):
            self.action_clear_filter()
        elif focused is self.entity_panel.option_list or (self.entity_panel.display and not self._list_shown()):
            self.action_toggle_entities()  # the panel (it stood in the list's place)
            self.set_focus(self.headlines)
        elif focused is not self.headlines:
            self.set_focus(self.headlines)
        elif self.entity_panel.display:
            self.action_toggle_entities()
        else:
            self.back_from_list(leave)

    def _list_shown(self) -> bool:
        """False while the entity panel stands in the headline list's place (narrow screens)."""
        return not (self.has_class("-narrow") and self.has_class("-panel-open"))

    def back_from_list(self, leave: bool = False) -> None:
        """Esc or q (``leave``) in the list with nothing to close: the bookmarks screen
        closes on either, the main screen quits on q."""

    # -- next and previous article ----------------------------------------------------

    def next_article_index(self, step: int = 1) -> int | None:
        """Where J (``step`` 1), K (-1) and Space at the end of an article go: an index into
        the list as shown, or None when there is no such article.

        The one place that chooses "the next article": today the neighbour in the list;
        once read state exists, the next unread one.
        """
        index = self.headlines.cursor + step
        return index if 0 <= index < len(self.headlines) else None

    def _go_to_article(self, step: int) -> None:
        index = self.next_article_index(step)
        if index is None:
            self.notify("No next article." if step > 0 else "No previous article.", markup=False, timeout=2)
            return
        reading = self.focused is not self.headlines
        self.headlines.cursor = index
        row = self.headlines.highlighted
        if reading and row is not None:
            self.read(row)  # keep reading: the text pane keeps the focus
        elif not self._article_hidden():
            self._show(self.article_for(row) if row is not None else None)

    def action_next_article(self) -> None:
        self._go_to_article(1)

    def action_previous_article(self) -> None:
        self._go_to_article(-1)

    @on(ArticleView.EndReached)
    def _end_reached(self, event: ArticleView.EndReached) -> None:
        self.action_next_article()
