"""Bookmarks in and out of files: this program's JSON document (full fidelity, versioned),
and Markdown and HTML for reading elsewhere.

Everything in a file being imported is untrusted: it is validated field by field and its
strings pass through :func:`reader.sanitize.clean` like any other source's.

Core module: stdlib only; no textual or rich imports.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from reader.model import Article, Bookmark
from reader.sanitize import clean, clean_line
from reader.store import schema

FORMAT_NAME = "dateline-bookmarks"
FORMAT_VERSION = 1
FORMATS = ("json", "markdown", "html")

_ARTICLE_TEXT_FIELDS = ("title", "source", "section", "byline", "url", "published", "origin")


class FormatError(ValueError):
    """A file to import is not a sound bookmarks document; the message is one line."""


# -- JSON document ------------------------------------------------------------------------------


def to_record(bookmark: Bookmark) -> dict[str, Any]:
    """One bookmark as a JSON object: every field, nothing derived."""
    article = bookmark.article
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "section": article.section,
        "byline": article.byline,
        "url": article.url,
        "published": article.published,
        "origin": article.origin,
        "paragraphs": list(article.paragraphs),
        "saved_at": schema.format_time(bookmark.saved_at),
        "note": bookmark.note,
        "tags": list(bookmark.tags),
    }


def to_document(bookmarks: Iterable[Bookmark]) -> dict[str, Any]:
    """The export document: ``{"format", "version", "exported_at", "bookmarks": [...]}``."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": schema.format_time(schema.now()),
        "bookmarks": [to_record(bookmark) for bookmark in bookmarks],
    }


def from_document(document: Any) -> list[Bookmark]:
    """Validate an export document and return its bookmarks; :class:`FormatError` if unsound."""
    if not isinstance(document, Mapping):
        raise FormatError("not a Dateline bookmarks export (expected a JSON object)")
    if document.get("format") != FORMAT_NAME:
        raise FormatError(f'not a Dateline bookmarks export (no "format": "{FORMAT_NAME}")')
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise FormatError('bad "version": expected a positive integer')
    if version > FORMAT_VERSION:
        raise FormatError(
            f"written by a newer Dateline (format version {version}; this one reads up to {FORMAT_VERSION})"
        )
    records = document.get("bookmarks")
    if not isinstance(records, list):
        raise FormatError('bad "bookmarks": expected a list')
    return [_from_record(record, number) for number, record in enumerate(records, start=1)]


def _from_record(record: Any, number: int) -> Bookmark:
    where = f"bookmark {number}"
    if not isinstance(record, Mapping):
        raise FormatError(f"{where}: expected a JSON object")

    def text(name: str, required: bool = False) -> str:
        value = record.get(name, None if required else "")
        if not isinstance(value, str):
            raise FormatError(f'{where}: "{name}" must be {"present and " if required else ""}a string')
        return clean(value)

    def strings(name: str) -> list[str]:
        value = record.get(name, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise FormatError(f'{where}: "{name}" must be a list of strings')
        return [clean(item) for item in value]

    article_id = text("id", required=True)
    if not article_id:
        raise FormatError(f'{where}: "id" is empty')
    fields = {name: text(name, required=name == "title") for name in _ARTICLE_TEXT_FIELDS}
    try:
        saved_at = schema.parse_time(text("saved_at", required=True))
    except ValueError:
        raise FormatError(f'{where}: "saved_at" must be an ISO 8601 time with a timezone') from None
    return Bookmark(
        article=Article(id=article_id, paragraphs=tuple(strings("paragraphs")), **fields),
        saved_at=saved_at,
        note=text("note"),
        tags=schema.normalise_tags(strings("tags")),
    )


# -- Markdown and HTML --------------------------------------------------------------------------

# Only what Markdown (CommonMark, and GitHub's tables and strike-through) would misread is
# escaped, so that "2026-11-29", "open-source" and "Oops!" stay as they are. A backslash
# before ASCII punctuation is always read as a literal, so each escape is safe.
# Anywhere in a line: code spans, emphasis, links and images ([ is enough: "!" and "(" only
# matter after it), raw HTML and autolinks, table cells and strike-through.
_ALWAYS = re.compile(r"([\\`*\[\]<|~])")
# An entity reference ("&amp;", "&#38;") would be decoded: escape its "&" only.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# At the start of a line: headings, quotes, list bullets, thematic breaks, setext underlines.
_LINE_START = re.compile(r"^([#>+=-])")
# "1999. A year", "3) Three": an ordered list item.
_ORDERED_LIST = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
# A run of # at the end of a heading, after a space, closes it and would vanish ("C #").
_CLOSING_HASHES = re.compile(r"(?<=\s)(#+)(?=\s*$)")


def _escape_underscore(text: str) -> str:
    """Escape "_" except inside a word ("snake_case" cannot start emphasis)."""
    out = []
    for index, char in enumerate(text):
        if char == "_":
            before = text[index - 1] if index else " "
            after = text[index + 1] if index + 1 < len(text) else " "
            if not (before.isalnum() and after.isalnum()):
                out.append("\\")
        out.append(char)
    return "".join(out)


def escape_markdown(text: str) -> str:
    """``text`` as literal Markdown on one line: no emphasis, links, HTML, headings or lists,
    and no backslash where Markdown would not misread the text."""
    line = clean_line(text).strip()
    line = _ALWAYS.sub(r"\\\1", line)
    line = _ENTITY.sub(r"\\&", line)
    line = _escape_underscore(line)
    line = _CLOSING_HASHES.sub(lambda m: "\\#" * len(m.group(1)), line)
    line = _ORDERED_LIST.sub(r"\1\\\2", line)
    return _LINE_START.sub(r"\\\1", line)


def _web_url(url: str) -> str | None:
    url = clean_line(url)
    return url if re.match(r"https?://[^\s<>]+$", url, re.IGNORECASE) else None


def _details(bookmark: Bookmark) -> list[str]:
    article = bookmark.article
    parts = [
        article.source,
        article.section,
        f"by {article.byline}" if article.byline else "",
        article.published,
    ]
    return [clean_line(part) for part in parts if clean_line(part)]


def _saved(bookmark: Bookmark) -> str:
    return f"saved {bookmark.saved_at:%Y-%m-%d %H:%M} UTC"


def to_markdown(bookmarks: Sequence[Bookmark]) -> str:
    lines = ["# Dateline bookmarks", ""]
    for bookmark in bookmarks:
        article = bookmark.article
        lines += [f"## {escape_markdown(article.title) or '(untitled)'}", ""]
        lines.append(escape_markdown(" · ".join([*_details(bookmark), _saved(bookmark)])))
        url = _web_url(article.url)
        if url:
            lines += ["", f"<{url}>"]
        if bookmark.tags:
            lines += ["", "Tags: " + ", ".join(escape_markdown(tag) for tag in bookmark.tags)]
        if bookmark.note:
            lines += [""] + [
                f"> {escape_markdown(line)}" if line.strip() else ">" for line in bookmark.note.split("\n")
            ]
        for paragraph in article.paragraphs:
            lines += ["", escape_markdown(paragraph)]
        lines.append("")
    return "\n".join(lines)


def to_html(bookmarks: Sequence[Bookmark]) -> str:
    def esc(value: str) -> str:
        return html.escape(clean(value), quote=True)

    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<head><meta charset="utf-8"><title>Dateline bookmarks</title></head>',
        "<body>",
        "<h1>Dateline bookmarks</h1>",
    ]
    for bookmark in bookmarks:
        article = bookmark.article
        out.append(f'<article id="{esc("bookmark-" + article.id)}">')
        url = _web_url(article.url)
        title = esc(clean_line(article.title)) or "(untitled)"
        out.append(f'<h2><a href="{esc(url)}">{title}</a></h2>' if url else f"<h2>{title}</h2>")
        out.append(f'<p class="details">{esc(" · ".join([*_details(bookmark), _saved(bookmark)]))}</p>')
        if bookmark.tags:
            out.append(f'<p class="tags">Tags: {esc(", ".join(bookmark.tags))}</p>')
        if bookmark.note:
            out.append(f'<blockquote class="note">{esc(bookmark.note)}</blockquote>')
        out.extend(f"<p>{esc(paragraph)}</p>" for paragraph in article.paragraphs)
        out.append("</article>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def render(bookmarks: Sequence[Bookmark], kind: str) -> str:
    """The text of an export of ``kind``, one of :data:`FORMATS`."""
    if kind == "json":
        return json.dumps(to_document(bookmarks), indent=2, ensure_ascii=True) + "\n"
    if kind == "markdown":
        return to_markdown(bookmarks)
    if kind == "html":
        return to_html(bookmarks)
    raise ValueError(f"unknown export format {kind!r}")
