"""The plain-text dump format of the bundled seed corpus.

Each article is: its title line, the title again, the body as lines (blank lines
between paragraphs, not always), and a line ``Read More`` after it. Pages were
scraped, so the body carries boilerplate (video players, newsletter prompts,
reprint footers, captions repeated twice) that is dropped here.

Core module: no textual or rich imports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from reader.model import Article, stable_id
from reader.sanitize import clean, clean_line

_SEPARATOR = re.compile(r"^[ \t]*Read More[ \t]*$", re.MULTILINE)

# "Title – CNET", "Title — The New York Times": the publisher after a spaced en/em dash.
_SOURCE_DASH = re.compile(r"^(?P<title>.+?)\s+[–—]\s+(?P<source>[^–—]{2,60})$")
# "Title - Reuters": a spaced hyphen only when what follows looks like a publisher name.
_SOURCE_HYPHEN = re.compile(r"^(?P<title>.+?)\s+-\s+(?P<source>[^-]{2,40})$")
_PUBLISHER_WORD = re.compile(r"^(?:[A-Z0-9][\w.&'’]*|of|the|and|&)$")
# "Opinion | Title": a short section name before a spaced bar.
_SECTION = re.compile(r"^(?P<section>[A-Z][\w&' ]{1,24}?)\s+\|\s+(?P<title>.+)$")

_BYLINE = re.compile(r"^By\s+(?P<name>\S.{1,80})$")
_DURATION = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")
_VIDEO_START = {"now playing:", "watch this:"}
_DROP_EXACT = {
    "image",
    "read more",
    "download this podcast",
    "get our daily newsletter",
}
_DROP_PATTERNS = [
    re.compile(r"^Image:\s*\S.{0,60}$"),  # image credit lines
    re.compile(r"^Read:\s+.{1,160}$"),  # links to other stories
    re.compile(r"newsletter|sign up for|upgrade your inbox|subscribe to", re.IGNORECASE),
    re.compile(r"Order Reprints|Today[’']s Paper", re.IGNORECASE),
    re.compile(r"^Just to let you know, if you buy something", re.IGNORECASE),
]
# Everything from this line to the end of an article is a print-edition footer.
_FOOTER_START = re.compile(r"^A version of this article appears in print", re.IGNORECASE)


def split_title(raw: str) -> tuple[str, str, str]:
    """Split a headline into ``(title, source, section)``.

    >>> split_title("Opinion | Will China Export its Illiberal Innovation? – The New York Times")
    ('Will China Export its Illiberal Innovation?', 'The New York Times', 'Opinion')
    """
    title = clean_line(raw)
    source = section = ""
    match = _SOURCE_DASH.match(title)
    if match:
        title, source = match["title"], match["source"].strip()
    else:
        match = _SOURCE_HYPHEN.match(title)
        if (
            match
            and len(match["source"].split()) <= 4
            and all(_PUBLISHER_WORD.match(word) for word in match["source"].split())
        ):
            title, source = match["title"], match["source"].strip()
    match = _SECTION.match(title)
    if match:
        section, title = match["section"].strip(), match["title"]
    return title.strip(), source, section


def _is_boilerplate(line: str) -> bool:
    lowered = line.lower()
    if lowered in _DROP_EXACT or _DURATION.match(line) or _SLUG.match(line):
        return True
    return len(line) <= 200 and any(p.search(line) for p in _DROP_PATTERNS)


def _body(lines: list[str]) -> tuple[str, list[str]]:
    """Return ``(byline, paragraphs)`` from the lines after the title."""
    byline = ""
    paragraphs: list[str] = []
    skipping_video = 0
    for raw in lines:
        line = clean_line(raw)
        if not line:
            continue
        if _FOOTER_START.match(line):
            break
        if line.lower() in _VIDEO_START:
            # A video player: its caption and running time follow within a few lines.
            skipping_video = 4
            continue
        if skipping_video:
            skipping_video -= 1
            if _DURATION.match(line):
                skipping_video = 0
            continue
        if not byline and not paragraphs[3:] and (match := _BYLINE.match(line)):
            byline = match["name"].strip()
            continue
        if _is_boilerplate(line):
            continue
        if paragraphs and paragraphs[-1] == line:
            continue  # a caption repeated twice in a row
        paragraphs.append(line)
    return byline, paragraphs


def parse_article(chunk: str, origin: str = "") -> Article | None:
    """Parse one article (the text between two ``Read More`` lines); None if it has no title."""
    lines = clean(chunk).strip().split("\n")
    if not lines or not lines[0].strip():
        return None
    raw_title = lines[0]
    rest = lines[1:]
    # The title is repeated once as the first non-blank line of the body.
    for index, line in enumerate(rest):
        if line.strip():
            if clean_line(line) == clean_line(raw_title):
                rest = rest[index + 1 :]
            break
    title, source, section = split_title(raw_title)
    if not title:
        return None
    byline, paragraphs = _body(rest)
    return Article(
        id=stable_id(clean_line(raw_title), "\n".join(paragraphs)),
        title=title,
        paragraphs=tuple(paragraphs),
        source=source,
        section=section,
        byline=byline,
        origin=origin,
    )


def split_articles(text: str) -> list[str]:
    """Split a dump into the raw text of each article (the form the eval set uses)."""
    return [part.strip() for part in _SEPARATOR.split(clean(text)) if part.strip()]


def parse(text: str, origin: str = "") -> list[Article]:
    """Parse a whole dump file into articles, in file order."""
    articles = []
    for chunk in split_articles(text):
        article = parse_article(chunk, origin)
        if article is not None:
            articles.append(article)
    return articles


def iter_articles(lines: Iterable[str], origin: str = "") -> Iterator[Article]:
    """Parse a dump given line by line (an open text file), yielding each article at its
    ``Read More``: the same articles as :func:`parse`, without holding the whole text."""
    chunk: list[str] = []
    for raw in lines:
        # clean() turns these into line breaks for parse(); split here the same way.
        pieces = _AFTER_EXTRA_BREAK.split(raw) if _EXTRA_BREAKS(raw) else (raw,)
        for line in pieces:
            if len(line) <= 200 and "R" in line and _is_separator(line):
                if article := _chunk_article(chunk, origin):
                    yield article
                chunk = []
            else:
                chunk.append(line)
    if article := _chunk_article(chunk, origin):
        yield article


def _is_separator(line: str) -> bool:
    """Whether ``line`` is a ``Read More`` line once cleaned, cleaning it only when that could matter."""
    bare = line.rstrip("\r\n")
    if bare.isascii() and bare.isprintable():
        return _SEPARATOR.match(bare) is not None  # nothing clean() removes
    if "R" not in bare or "M" not in bare:
        return False  # clean() removes invisible characters, never letters
    return _SEPARATOR.match(clean(bare)) is not None


def _chunk_article(lines: list[str], origin: str) -> Article | None:
    chunk = "".join(lines).strip()
    return parse_article(chunk, origin) if chunk else None


_EXTRA_BREAKS = re.compile("[\u2028\u2029]").search
_AFTER_EXTRA_BREAK = re.compile("(?<=[\u2028\u2029])")
