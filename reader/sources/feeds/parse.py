"""Feed documents (RSS 0.9x/1.0/2.0, Atom, JSON Feed 1.0/1.1) turned into articles.

RSS and Atom are read by feedparser, always from bytes wrapped in a stream (feedparser
treats a ``str`` or ``bytes`` argument as a URL or a file name when it can), after
:func:`~reader.sources.feeds.xmlcheck.check_xml` has refused XML attacks. JSON Feed is
read here, by its specification (https://jsonfeed.org/version/1.1): feedparser does not
read it. What a document is, is told by its content, never by a file name or a
Content-Type.

Core module: no textual or rich imports.
"""

from __future__ import annotations

import calendar
import io
import json
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import feedparser

from reader.model import Article, stable_id
from reader.sanitize import clean_line
from reader.sources.feeds.html import (
    HtmlText,
    absolute_link,
    html_to_line,
    html_to_text,
    references,
    text_to_paragraphs,
)
from reader.sources.feeds.xmlcheck import UnsafeXML, check_xml

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
JSON_FEED_VERSIONS = ("https://jsonfeed.org/version/1", "https://jsonfeed.org/version/1.1")
_ATOM_NAMESPACES = ("http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#")
_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF"
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


class FeedError(Exception):
    """A feed could not be read; the message is one line meant for the user."""


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed's own details and its entries as articles, in document order."""

    title: str
    link: str
    format: str
    """``rss20``, ``atom10``, ``rss10``, ``json1.1``…"""
    articles: tuple[Article, ...]


def sniff(data: bytes) -> str | None:
    """``"xml"`` or ``"json"`` when ``data`` starts like a feed document of that kind, else None.

    Only the first bytes are looked at (after a byte-order mark and white space);
    :func:`parse_feed` decides for good.
    """
    head = data[:1024]
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            head = head[len(bom) :].decode(encoding, "ignore").encode("utf-8")
            break
    head = head.lstrip()
    if head.startswith(b"<"):
        return "xml"
    if head.startswith(b"{") and b"jsonfeed.org/version/" in data[:65536]:
        return "json"
    return None


def looks_like_html(data: bytes) -> bool:
    """True when ``data`` starts like an HTML page (a doctype or an ``<html>`` element)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml"):
        head = head[head.find(b"?>") + 2 :].lstrip()
    while head.startswith(b"<!--") and b"-->" in head:
        head = head[head.find(b"-->") + 3 :].lstrip()
    return head.startswith((b"<!doctype html", b"<html"))


def discover_feeds(page: bytes, base: str) -> list[str]:
    """The feed addresses an HTML page announces (``<link rel="alternate" type="application/rss+xml">``)."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(page[: 2 * 1024 * 1024].decode("utf-8", "replace"))
    found: list[str] = []
    for node in tree.css("link[rel~=alternate][href]"):
        kind = (node.attributes.get("type") or "").lower()
        if kind in ("application/rss+xml", "application/atom+xml", "application/feed+json", "application/json"):
            url = absolute_link(node.attributes.get("href") or "", base)
            if url.startswith(("http:", "https:")) and url not in found:
                found.append(url)
    return found


def is_feed(data: bytes) -> bool:
    """True when ``data`` is a feed document :func:`parse_feed` reads (cheap for anything else)."""
    kind = sniff(data)
    if kind is None:
        return False
    try:
        if kind == "json":
            _load_json_feed(data)
        else:
            _xml_feed_kind(data)
    except FeedError:
        return False
    return True


def parse_feed(data: bytes, location: str) -> ParsedFeed:
    """Read a feed document. ``location`` (URL or absolute path) namespaces the article ids
    and resolves relative links. Raises :class:`FeedError` with a one-line reason."""
    kind = sniff(data)
    if kind == "json":
        return _parse_json_feed(_load_json_feed(data), location)
    if kind == "xml":
        if looks_like_html(data):
            raise FeedError("a web page (HTML), not a feed")
        document, problem = _xml_feed_kind(data)
        return _parse_xml_feed(document, problem, location)
    if data.lstrip()[:1] == b"{":
        raise FeedError("JSON, but not a JSON Feed (no jsonfeed.org version)")
    raise FeedError("not a feed (neither XML nor JSON Feed)")


# --- XML: RSS and Atom through feedparser ------------------------------------------------


def _xml_feed_kind(data: bytes) -> tuple[bytes, str]:
    try:
        document, root, problem = check_xml(data)
    except UnsafeXML as error:
        raise FeedError(str(error)) from None
    namespace, _, local = root.rpartition("}")
    namespace = namespace.lstrip("{")
    if root == _RDF or local in ("rss", "channel") or (local == "feed" and namespace in _ATOM_NAMESPACES):
        return document, problem
    shown = clean_line(local)[:40] or "?"
    if local.lower() == "html":
        raise FeedError("a web page (HTML), not a feed")
    raise FeedError(f"XML, but not a feed (root element <{shown}>)")


def _parse_xml_feed(document: bytes, problem: str, location: str) -> ParsedFeed:
    parsed = feedparser.parse(
        io.BytesIO(document),
        sanitize_html=False,  # the HTML is reduced to plain text by html.py, which drops scripts
        resolve_relative_uris=False,  # links are resolved there too, against xml:base or the entry
        # No Content-Location either: feedparser would then join every link with it, a third
        # of its time on a large feed; relative entry links are resolved in _xml_entry.
    )
    if not parsed.get("version") and not parsed.entries:
        reason = problem or clean_line(str(parsed.get("bozo_exception") or "")) or "no feed found"
        raise FeedError(f"not a readable feed: {reason}")
    feed = parsed.feed
    title = _title(feed.get("title", ""), feed.get("title_detail")) or _fallback_title(location)
    link = _resolve(feed.get("link", ""), location)
    articles = []
    seen: set[str] = set()
    for entry in parsed.entries:
        if not (entry.get("title") or entry.get("link") or entry.get("summary") or entry.get("content")):
            continue  # nothing to show (the loose parser makes such entries from broken documents)
        article = _xml_entry(entry, feed_title=title, feed_link=link, location=location)
        if article.id not in seen:
            seen.add(article.id)
            articles.append(article)
    if problem and not articles:
        raise FeedError(f"not well-formed XML: {problem}")
    return ParsedFeed(title=title, link=link, format=str(parsed.get("version") or "xml"), articles=tuple(articles))


def _resolve(link: str, base: str) -> str:
    """An entry's or feed's link: kept as written when absolute (whatever its scheme: it is
    only ever shown, or opened after a check), else resolved against ``base`` when that is
    an http(s) address."""
    link = clean_line(link)
    if not link or _SCHEME.match(link) or not base.startswith(("http:", "https:")):
        return link
    try:
        return urljoin(base, link)
    except ValueError:
        return link


def _title(value: str, detail: Mapping[str, Any] | None) -> str:
    kind = (detail or {}).get("type", "text/plain")
    if kind in _HTML_TYPES:
        return html_to_line(value)
    return clean_line(value)


def _fallback_title(location: str) -> str:
    return clean_line(location.rstrip("/").rsplit("/", 1)[-1] or location)


def _when(entry: Mapping[str, Any]) -> str:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            try:
                stamp = calendar.timegm(value)
                return datetime.fromtimestamp(stamp, tz=UTC).isoformat()
            except (OverflowError, ValueError, OSError):
                continue
    return ""


def _xml_entry(entry: Mapping[str, Any], *, feed_title: str, feed_link: str, location: str) -> Article:
    link = _resolve(entry.get("link", ""), feed_link or location)
    base = link or feed_link or location
    text = HtmlText()
    # content:encoded / Atom content before the summary; the first one with text wins.
    candidates = [*entry.get("content", ()), entry.get("summary_detail")]
    for block in candidates:
        if not block or not str(block.get("value", "")).strip():
            continue
        value = str(block["value"])
        if block.get("type", "text/html") in _HTML_TYPES or "<" in value:
            # xml:base when the document sets one; feedparser otherwise reports the
            # document's own location, and the entry's link is the better base then.
            block_base = block.get("base") or ""
            text = html_to_text(value, base=block_base if block_base not in ("", location) else base)
        else:
            text = HtmlText(paragraphs=text_to_paragraphs(value), links=[])
        if text.paragraphs:
            break
    _add_enclosures(text, entry.get("enclosures", ()), entry.get("itunes_duration", ""), base)
    paragraphs = list(text.paragraphs)
    if text.links:
        paragraphs.append(references(text.links))
    title = _title(entry.get("title", ""), entry.get("title_detail"))
    author = entry.get("author_detail", {}).get("name") or entry.get("author", "")
    key = clean_line(entry.get("id", "")) or link
    if not key:
        key = "content:" + stable_id(title, *paragraphs)
    return Article(
        id=stable_id("feed", location, key),
        title=title or _untitled(paragraphs),
        paragraphs=tuple(paragraphs),
        source=feed_title,
        byline=clean_line(str(author)),
        url=link,
        published=_when(entry),
        origin=location,
    )


def _add_enclosures(text: HtmlText, enclosures: Iterable[Mapping[str, Any]], duration: str, base: str) -> None:
    for enclosure in enclosures:
        url = absolute_link(str(enclosure.get("href", "")), base)
        if not url or url in text.links:
            continue
        text.links.append(url)
        details = [clean_line(str(enclosure.get("type", "")))]
        length = str(enclosure.get("length", "")).strip()
        if length.isdigit() and int(length) > 0:
            details.append(_size(int(length)))
        if duration:
            details.append(clean_line(str(duration)))
        shown = ", ".join(d for d in details if d)
        text.paragraphs.append(f"Attachment{' (' + shown + ')' if shown else ''} [{len(text.links)}]")


def _size(length: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if length < 1000 or unit == "GB":
            return f"{length} {unit}" if unit == "bytes" else f"{length:.0f} {unit}"
        length /= 1000  # type: ignore[assignment]
    return ""


def _untitled(paragraphs: list[str]) -> str:
    first = paragraphs[0] if paragraphs else ""
    line = clean_line(first)
    return (line[:80] + "…") if len(line) > 80 else (line or "(untitled)")


# --- JSON Feed ------------------------------------------------------------------------------


def _load_json_feed(data: bytes) -> Mapping[str, Any]:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise FeedError("JSON Feed is not UTF-8") from None
    except (ValueError, RecursionError) as error:
        raise FeedError(f"not valid JSON: {clean_line(str(error))[:120]}") from None
    if not isinstance(document, dict):
        raise FeedError("JSON, but not a JSON Feed (not an object)")
    version = document.get("version")
    if not isinstance(version, str) or version.rstrip("/") not in JSON_FEED_VERSIONS:
        raise FeedError("JSON, but not a JSON Feed (no jsonfeed.org version)")
    if not isinstance(document.get("items", []), list):
        raise FeedError("JSON Feed without an items list")
    return document


def _string(value: object) -> str:
    return value if isinstance(value, str) else ""


def _json_date(value: object) -> str:
    text = _string(value).strip()
    if not text:
        return ""
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat()


def _json_authors(item: Mapping[str, Any], feed: Mapping[str, Any]) -> str:
    for holder in (item, feed):
        authors = holder.get("authors")
        if not isinstance(authors, list):
            author = holder.get("author")  # JSON Feed 1.0
            authors = [author] if isinstance(author, dict) else []
        names = [clean_line(_string(a.get("name"))) for a in authors if isinstance(a, dict)]
        names = [n for n in names if n]
        if names:
            return ", ".join(names)
    return ""


def _parse_json_feed(document: Mapping[str, Any], location: str) -> ParsedFeed:
    title = clean_line(_string(document.get("title"))) or _fallback_title(location)
    link = clean_line(_string(document.get("home_page_url")))
    articles = []
    seen: set[str] = set()
    for item in document.get("items", []):
        if not isinstance(item, dict):
            continue
        url = clean_line(_string(item.get("url")) or _string(item.get("external_url")))
        base = url or link or location
        html = _string(item.get("content_html"))
        plain = _string(item.get("content_text"))
        summary = _string(item.get("summary"))
        if html.strip():
            text = html_to_text(html, base=base)
        elif plain.strip():
            text = HtmlText(paragraphs=text_to_paragraphs(plain), links=[])
        else:
            text = HtmlText(paragraphs=text_to_paragraphs(summary), links=[])
        attachments = (
            [
                {"href": a.get("url"), "type": a.get("mime_type"), "length": a.get("size_in_bytes", "")}
                for a in item.get("attachments", []) or []
                if isinstance(a, dict)
            ]
            if isinstance(item.get("attachments", []), list)
            else []
        )
        duration = ""
        _add_enclosures(text, attachments, duration, base)
        paragraphs = list(text.paragraphs)
        if text.links:
            paragraphs.append(references(text.links))
        item_id = item.get("id")
        key = clean_line(str(item_id)) if isinstance(item_id, (str, int)) and not isinstance(item_id, bool) else ""
        key = key or url or "content:" + stable_id(_string(item.get("title")), *paragraphs)
        article = Article(
            id=stable_id("feed", location, key),
            title=clean_line(_string(item.get("title"))) or _untitled(paragraphs),
            paragraphs=tuple(paragraphs),
            source=title,
            byline=_json_authors(item, document),
            url=url,
            published=_json_date(item.get("date_published")) or _json_date(item.get("date_modified")),
            origin=location,
        )
        if article.id not in seen:
            seen.add(article.id)
            articles.append(article)
    version = _string(document.get("version")).rstrip("/").rsplit("/", 1)[-1]
    return ParsedFeed(title=title, link=link, format=f"json{version}", articles=tuple(articles))
