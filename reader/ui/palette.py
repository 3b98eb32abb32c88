"""Command-palette providers beyond the key table (see ``DatelineApp.get_system_commands``).

The palette parses plain-string prompts and help as markup, so a command built from
article text passes its prompt as ``rich.text.Text`` and keeps untrusted text out of help.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.entities.index import EntitySummary, summarise
from reader.entities.kinds import kind_of
from reader.sanitize import clean_line
from reader.ui.text import safe_markup


class EntityCommands(Provider):
    """ "Articles mentioning X" for every entity of the article being read."""

    def _summaries(self) -> list[EntitySummary]:
        from reader.ui.screens.main import MainScreen

        screen = self.screen
        if not isinstance(screen, MainScreen):
            return []
        return summarise(screen.article_view.entities or ())

    def _command(self, summary: EntitySummary) -> tuple[str, str, Callable[[], None]]:
        from reader.ui.screens.main import MainScreen

        screen = self.screen
        assert isinstance(screen, MainScreen)
        title = clean_line(f"Articles mentioning {summary.name}")
        plural = "s" if summary.count != 1 else ""
        # The panel's human name for the kind ("Organisations"), not the label (ORG, GPE).
        help_ = f"{kind_of(summary.label).name}, {summary.count} mention{plural} in this article"
        return title, safe_markup(help_), partial(screen.show_articles_mentioning, summary)

    async def discover(self) -> Hits:
        for summary in self._summaries()[:5]:
            title, help_, callback = self._command(summary)
            yield DiscoveryHit(Text(title), callback, text=title, help=help_)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for summary in self._summaries():
            title, help_, callback = self._command(summary)
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, Text(title), callback, text=title, help=help_)
