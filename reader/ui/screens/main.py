"""The main screen: headlines on the left, the article on the right."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Input

from reader.model import Article
from reader.sanitize import clean_line
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.headline_list import HeadlineList

# Below this many columns the panes stack: headlines above, article below.
STACK_BELOW = 70


def _haystack(article: Article) -> str:
    return f"{article.title}\n{article.source}\n{article.section}".casefold()


class MainScreen(Screen[None]):
    """Browse headlines, read articles, filter as you type."""

    BINDINGS = [
        Binding("tab", "toggle_focus", "Switch pane", id="main.toggle_focus", tooltip="Move between headlines and article"),
        # A priority binding: handled before the key reaches a widget, so what is typed
        # right after "/" lands in the filter even when the keys arrive in one burst.
        Binding("slash", "filter", "Filter", id="main.filter", tooltip="Filter headlines by title and source", priority=True),
        Binding("escape", "back", "Back", id="main.back", tooltip="Back to the headlines / clear the filter"),
    ]

    filter_text: reactive[str] = reactive("", init=False)

    def __init__(self, articles: Sequence[Article]) -> None:
        super().__init__()
        self.all_articles: list[Article] = list(articles)
        self._haystacks: list[str] = [_haystack(a) for a in self.all_articles]

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            with Vertical(id="list-pane"):
                yield Input(placeholder="Filter headlines…", id="filter", compact=True)
                yield HeadlineList(self.all_articles, id="headlines", empty_message="No headlines match.")
            yield ArticleView(id="article")
        yield Footer()

    def on_mount(self) -> None:
        headlines = self.headlines
        headlines.set_articles(self.all_articles)
        self._update_titles()
        headlines.focus()

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

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < STACK_BELOW, "-stacked")

    # -- messages ---------------------------------------------------------------------

    @on(HeadlineList.Highlighted)
    def _show_highlighted(self, event: HeadlineList.Highlighted) -> None:
        if self.article_view.article is not event.article or event.article is None:
            self.article_view.show(event.article)
        self._update_titles()

    @on(HeadlineList.Selected)
    def _read_selected(self, event: HeadlineList.Selected) -> None:
        self.set_focus(self.article_view)

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        self.set_focus(self.headlines)

    def watch_filter_text(self, value: str) -> None:
        current = self.headlines.highlighted
        self.headlines.set_articles(self.matching(value), keep=current.id if current else None)
        self._update_titles()

    def matching(self, query: str) -> list[Article]:
        """Articles whose title, source or section contains every word of ``query``."""
        words = query.casefold().split()
        if not words:
            return self.all_articles
        return [
            article
            for article, haystack in zip(self.all_articles, self._haystacks)
            if all(word in haystack for word in words)
        ]

    def _update_titles(self) -> None:
        pane = self.query_one("#list-pane")
        shown = len(self.headlines.articles)
        total = len(self.all_articles)
        pane.border_title = f"Headlines {shown}/{total}" if self.filter_text else f"Headlines {total}"
        pane.border_subtitle = f"filter: {clean_line(self.filter_text)}" if self.filter_text else ""
        article = self.article_view.article
        self.article_view.border_title = (
            f"Article {self.headlines.cursor + 1}/{shown}" if article is not None and shown else "Article"
        )

    # -- actions ----------------------------------------------------------------------

    # Focus moves with Screen.set_focus, at once, rather than Widget.focus (deferred): keys
    # typed in a burst right after a focus change must reach the newly focused widget.

    def action_toggle_focus(self) -> None:
        self.set_focus(self.headlines if self.article_view.has_focus else self.article_view)

    def action_filter(self) -> None:
        if self.filter_input.has_focus:
            self.filter_input.insert_text_at_cursor("/")
            return
        self.filter_input.display = True
        self.set_focus(self.filter_input)

    def action_clear_filter(self) -> None:
        self.filter_input.value = ""
        self.filter_text = ""
        self.filter_input.display = False
        self.set_focus(self.headlines)

    def action_back(self) -> None:
        focused = self.focused
        if focused is self.filter_input or (focused is self.headlines and self.filter_text):
            self.action_clear_filter()
        elif focused is not self.headlines:
            self.set_focus(self.headlines)
