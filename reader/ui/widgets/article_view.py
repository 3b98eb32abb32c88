"""The article pane: title, source, byline and the wrapped paragraphs, scrollable."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from reader.model import Article
from reader.ui.text import content, line_content


class ArticleView(VerticalScroll, can_focus=True):
    """Shows one article. Every string in it is untrusted and shown literally."""

    BINDINGS = [
        Binding("j,down", "scroll_down", "Scroll down", show=False, id="article.down"),
        Binding("k,up", "scroll_up", "Scroll up", show=False, id="article.up"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id="article.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="article.page_up"),
        Binding("g,home", "scroll_home", "Top", show=False, id="article.top"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="article.bottom"),
    ]

    DEFAULT_CSS = """
    ArticleView {
        padding: 0 1;
        & > #article-title { text-style: bold; color: $text; margin-bottom: 0; }
        & > #article-meta { color: $text-muted; margin-bottom: 1; }
        & > #article-body { color: $text; }
    }
    """

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.article: Article | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="article-title", markup=False)
        yield Static(id="article-meta", markup=False)
        yield Static(id="article-body", markup=False)

    def show(self, article: Article | None) -> None:
        """Show ``article`` from its top (or an empty pane for None)."""
        self.article = article
        title = self.query_one("#article-title", Static)
        meta = self.query_one("#article-meta", Static)
        if article is None:
            title.update(Content("No article"))
            meta.update(Content("Nothing matches. Press Esc to clear the filter."))
            self.set_body(Content(""))
            return
        title.update(line_content(article.title))
        parts = [p for p in (article.source, article.section, f"By {article.byline}" if article.byline else "") if p]
        if article.published:
            parts.append(article.published)
        meta.update(line_content(" · ".join(parts) or "Unknown source"))
        self.set_body(content(article.body))
        self.scroll_home(animate=False, immediate=True)

    def set_body(self, body: Content) -> None:
        """Replace the body (the entity layer passes a styled copy of ``content(article.body)``)."""
        self.query_one("#article-body", Static).update(body)
