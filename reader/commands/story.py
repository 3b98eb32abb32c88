"""``dateline story ARTICLE_ID``: the whole story behind a feed entry, fetched once and kept.

The linked page is fetched with the same limits as feeds, its article extracted (the
optional ``fulltext`` extra), stored in the library for offline reading, and printed.
Asked again, the stored story is printed without fetching (``--again`` fetches anew).
"""

from __future__ import annotations

import argparse

from reader.cli import CliError
from reader.commands.library_support import open_library
from reader.sanitize import clean, clean_line

USES_DATA_DIR = True


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article_id", metavar="ARTICLE_ID", help="an article id (as 'dateline list' prints)")
    parser.add_argument("--again", action="store_true", help="fetch the page again even if the story is kept")


def run(args: argparse.Namespace) -> int:
    from reader.sources.feeds import fulltext

    with open_library() as library:
        article = library.article(args.article_id)
        if article is None:
            raise CliError(f"no article with id {clean_line(args.article_id)}", 1)
        story = None if args.again else library.full_story(article.id)
        if story is None:
            if not article.url:
                raise CliError("this article has no link to fetch", 1)
            try:
                paragraphs = fulltext.fetch_story(article.url)
            except fulltext.FullTextUnavailable as error:
                raise CliError(str(error), 1) from None
            except fulltext.FullTextError as error:
                raise CliError(f"{clean_line(article.url)}: {error}", 1) from None
            story = library.store_full_story(article.id, article.url, paragraphs)
    print(clean_line(article.title))
    print(clean_line(story.url))
    print()
    print(clean("\n\n".join(story.paragraphs)))
    return 0
