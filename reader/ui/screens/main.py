"""The main screen: headlines on the left, the article on the right, entities on demand."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Resize
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Input, Static
from textual.worker import Worker, WorkerState

from reader.entities.cache import EntityCache
from reader.entities.index import EntitySummary, entity_key, summarise
from reader.entities.kinds import KINDS
from reader.model import Article, Entity
from reader.sanitize import clean_line
from reader.ui.entity_styles import kind_style
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.entity_panel import EntityList, EntityPanel
from reader.ui.widgets.headline_list import HeadlineList

# Below this many columns the panes stack: headlines above, article below.
STACK_BELOW = 70
# Below this many columns the entity panel takes the headline list's place.
PANEL_BESIDE_LIST = 110


def _haystack(article: Article) -> str:
    return f"{article.title}\n{article.source}\n{article.section}".casefold()


class EntitiesReady(Message):
    """Recognition of one article finished (posted from a worker thread)."""

    def __init__(self, article: Article, entities: tuple[Entity, ...]) -> None:
        super().__init__()
        self.article = article
        self.entities = entities


class MentionsFound(Message):
    """The ids of every article mentioning an entity (posted from a worker thread)."""

    def __init__(self, summary: EntitySummary, ids: frozenset[str]) -> None:
        super().__init__()
        self.summary = summary
        self.ids = ids


class MainScreen(Screen[None]):
    """Browse headlines, read articles, filter as you type, follow entities."""

    BINDINGS = [
        Binding("tab", "toggle_focus", "Switch pane", show=False, id="main.toggle_focus", tooltip="Move between the panes"),
        # A priority binding: handled before the key reaches a widget, so what is typed
        # right after "/" lands in the filter even when the keys arrive in one burst.
        Binding("slash", "filter", "Filter", id="main.filter", tooltip="Filter headlines by title and source", priority=True),
        Binding("escape", "back", "Back", show=False, id="main.back", tooltip="Back to the headlines / clear the filter"),
        Binding("e", "toggle_highlight", "Highlight", id="main.highlight", tooltip="Highlight entities on or off"),
        Binding("E", "toggle_entities", "Entities", id="main.entities", tooltip="Show or hide the entity panel"),
        Binding("n", "next_mention", "Next mention", show=False, id="main.next_mention", tooltip="Step to the next mention"),
        Binding("N", "previous_mention", "Previous mention", show=False, id="main.previous_mention", tooltip="Step to the previous mention"),
    ]

    filter_text: reactive[str] = reactive("", init=False)

    def __init__(self, articles: Sequence[Article], entity_cache: EntityCache) -> None:
        super().__init__()
        self.all_articles: list[Article] = list(articles)
        self._haystacks: list[str] = [_haystack(a) for a in self.all_articles]
        self.entity_cache = entity_cache
        self.mention_filter: tuple[EntitySummary, frozenset[str]] | None = None
        self.chosen: EntitySummary | None = None
        """The entity whose mentions n/N step through (None: every mention)."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            with Vertical(id="list-pane"):
                yield Input(placeholder="Filter headlines…", id="filter", compact=True)
                yield HeadlineList(self.all_articles, id="headlines", empty_message="No headlines match.")
            with Vertical(id="article-pane"):
                yield ArticleView(id="article")
                yield Static(id="legend", markup=False)
            yield EntityPanel(id="entity-panel")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#entity-panel").border_title = "Entities"
        self.headlines.set_articles(self.all_articles)
        self._update_titles()
        self.headlines.focus()

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

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < STACK_BELOW, "-stacked")
        self.set_class(event.size.width < PANEL_BESIDE_LIST, "-narrow")

    # -- the article and its entities -------------------------------------------------

    @on(HeadlineList.Highlighted)
    def _show_highlighted(self, event: HeadlineList.Highlighted) -> None:
        article = event.article
        if self.article_view.article is not article or article is None:
            self.chosen = None
            self.article_view.show(article)
            if article is not None:
                cached = self.entity_cache.get(article)
                if cached is not None:
                    self._apply_entities(cached)
                else:
                    self._update_entity_views(None)
                    self._recognise(article)
        self._update_titles()

    @on(HeadlineList.Selected)
    def _read_selected(self, event: HeadlineList.Selected) -> None:
        self.set_focus(self.article_view)

    @work(thread=True, exclusive=True, group="recognise", exit_on_error=False)
    def _recognise(self, article: Article) -> None:
        """Recognise off the UI thread: the text is already on screen, colour follows."""
        entities = self.entity_cache.entities_for(article)
        self.post_message(EntitiesReady(article, entities))

    @on(EntitiesReady)
    def _entities_ready(self, event: EntitiesReady) -> None:
        if self.article_view.article is event.article:
            self._apply_entities(event.entities)

    def _apply_entities(self, entities: tuple[Entity, ...]) -> None:
        self.article_view.set_entities(entities)
        self._update_entity_views(entities)

    def _update_entity_views(self, entities: Sequence[Entity] | None) -> None:
        self._update_legend(entities)
        if self.entity_panel.display:
            self.entity_panel.show_summaries(None if entities is None else summarise(entities))

    def _update_legend(self, entities: Sequence[Entity] | None) -> None:
        legend = self.query_one("#legend", Static)
        if not self.article_view.highlight:
            legend.update(Content.assemble(("Highlighting off", "italic"), " · e turns it on"))
            return
        if entities is None and self.article_view.article is not None:
            legend.update(Content("Finding entities…").stylize("italic"))
            return
        no_color = self.app.no_color
        parts: list[Content | str] = []
        for kind in KINDS:
            if parts:
                parts.append(" ")
            parts.append(Content(kind.short).stylize(kind_style(kind, no_color)))
        legend.update(Content.assemble(*parts))

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            self.notify(
                clean_line(f"{type(error).__name__}: {error}"),
                title="Could not find entities",
                severity="error",
                markup=False,
            )

    def action_toggle_highlight(self) -> None:
        on = not self.article_view.highlight
        self.article_view.set_highlight(on)
        self._update_legend(self.article_view.entities)

    def action_toggle_entities(self) -> None:
        panel = self.entity_panel
        panel.display = not panel.display
        self.set_class(panel.display, "-panel-open")
        if panel.display:
            entities = self.article_view.entities
            panel.show_summaries(None if entities is None else summarise(entities))
            self.set_focus(panel.option_list)
        elif self.focused is None or self.focused is panel.option_list or not self.focused.display:
            self.set_focus(self.headlines)

    @on(EntityPanel.Chosen)
    def _entity_chosen(self, event: EntityPanel.Chosen) -> None:
        self.chosen = event.summary
        self.article_view.mark_mention(event.summary.mentions[0])
        self._notify_mention(event.summary.mentions[0])

    def _mentions_to_step(self) -> list[Entity]:
        if self.chosen is not None:
            return list(self.chosen.mentions)
        return list(self.article_view.entities or ())

    def _step_mention(self, forward: bool) -> None:
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
        self.article_view.mark_mention(target)
        self._notify_mention(target)

    def _notify_mention(self, mention: Entity) -> None:
        mentions = self._mentions_to_step()
        index = next((i for i, m in enumerate(mentions) if m.start == mention.start), 0)
        self.query_one("#article-pane").border_subtitle = clean_line(f"{mention.text} · {index + 1}/{len(mentions)}")

    def action_next_mention(self) -> None:
        self._step_mention(forward=True)

    def action_previous_mention(self) -> None:
        self._step_mention(forward=False)

    # -- articles mentioning an entity ------------------------------------------------

    @on(EntityList.Mentioning)
    def _mentioning(self, event: EntityList.Mentioning) -> None:
        self.show_articles_mentioning(event.summary)

    def show_articles_mentioning(self, summary: EntitySummary) -> None:
        """Narrow the headlines to every article that mentions ``summary`` (in a worker)."""
        self.notify(clean_line(f"Looking for {summary.name} in {len(self.all_articles)} articles…"), markup=False, timeout=2)
        self._find_mentions(summary)

    @work(thread=True, exclusive=True, group="mentions", exit_on_error=False)
    def _find_mentions(self, summary: EntitySummary) -> None:
        ids = frozenset(
            article.id
            for article in self.all_articles
            if any(entity_key(e.text) == summary.key for e in self.entity_cache.entities_for(article))
        )
        self.post_message(MentionsFound(summary, ids))

    @on(MentionsFound)
    def _mentions_found(self, event: MentionsFound) -> None:
        self.mention_filter = (event.summary, event.ids)
        self._apply_filters()
        if self.has_class("-narrow") and self.entity_panel.display:
            self.action_toggle_entities()  # the panel stands where the headlines go
        self.set_focus(self.headlines)

    def clear_mention_filter(self) -> None:
        self.mention_filter = None
        self._apply_filters()

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
        self.headlines.set_articles(self.matching(self.filter_text), keep=current.id if current else None)
        self._update_titles()

    def matching(self, query: str) -> list[Article]:
        """Articles whose title, source or section contains every word of ``query``
        (and that mention the chosen entity, when that filter is on)."""
        words = query.casefold().split()
        ids = self.mention_filter[1] if self.mention_filter else None
        if not words and ids is None:
            return self.all_articles
        return [
            article
            for article, haystack in zip(self.all_articles, self._haystacks)
            if (ids is None or article.id in ids) and all(word in haystack for word in words)
        ]

    def _update_titles(self) -> None:
        pane = self.query_one("#list-pane")
        shown = len(self.headlines.articles)
        total = len(self.all_articles)
        filtered = bool(self.filter_text or self.mention_filter)
        pane.border_title = f"Headlines {shown}/{total}" if filtered else f"Headlines {total}"
        notes = []
        if self.mention_filter:
            notes.append(f"mentioning: {self.mention_filter[0].name}")
        if self.filter_text:
            notes.append(f"filter: {self.filter_text}")
        pane.border_subtitle = clean_line(" · ".join(notes))
        article = self.article_view.article
        article_pane = self.query_one("#article-pane")
        article_pane.border_title = (
            f"Article {self.headlines.cursor + 1}/{shown}" if article is not None and shown else "Article"
        )
        article_pane.border_subtitle = ""

    # -- actions ----------------------------------------------------------------------

    # Focus moves with Screen.set_focus, at once, rather than Widget.focus (deferred): keys
    # typed in a burst right after a focus change must reach the newly focused widget.

    def action_toggle_focus(self) -> None:
        order = [w for w in (self.headlines, self.article_view, self.entity_panel.option_list) if w.display and w.parent.display]
        index = order.index(self.focused) if self.focused in order else -1
        self.set_focus(order[(index + 1) % len(order)])

    def action_filter(self) -> None:
        if self.filter_input.has_focus:
            self.filter_input.insert_text_at_cursor("/")
            return
        self.filter_input.display = True
        self.set_focus(self.filter_input)

    def action_clear_filter(self) -> None:
        """Clear the text filter and the "mentioning" filter."""
        self.filter_input.value = ""
        self.filter_text = ""
        self.filter_input.display = False
        self.mention_filter = None
        self._apply_filters()
        self.set_focus(self.headlines)

    def action_back(self) -> None:
        focused = self.focused
        if focused is self.filter_input or (
            focused is self.headlines and (self.filter_text or self.mention_filter)
        ):
            self.action_clear_filter()
        elif focused is self.entity_panel.option_list:
            self.action_toggle_entities()
        elif focused is not self.headlines:
            self.set_focus(self.headlines)
