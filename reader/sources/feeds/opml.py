"""OPML subscription lists: read (to import feeds) and write (OPML 2.0, to export them).

Reading goes through defusedxml, so an OPML file with entity declarations or external
references is refused like a feed would be. A folder (an outline holding outlines)
becomes a tag on every feed inside it, at any depth. A file that cannot be read is one
:class:`OpmlError`; reading never half-succeeds.

Core module: no textual or rich imports.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from reader.sanitize import clean_line
from reader.sources.feeds.fetch import FetchError, check_url


class OpmlError(Exception):
    """The OPML file was refused; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class OpmlFeed:
    """One subscription: the feed's address, its name, and the folders it sat in."""

    url: str
    title: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OpmlList:
    feeds: tuple[OpmlFeed, ...]
    skipped: tuple[str, ...]
    """One line for each outline that was left out (not an http(s) address…)."""


def parse_opml(data: bytes) -> OpmlList:
    """Read an OPML 1.0/2.0 document; the same address twice is one feed with both folders' tags."""
    try:
        root = fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise OpmlError("refused: the file's DTD declares entities (an XML entity attack?)") from None
    except ParseError as error:
        raise OpmlError(f"not well-formed XML: {clean_line(str(error))}") from None
    except ValueError as error:  # e.g. a multi-byte encoding expat cannot read
        raise OpmlError(f"unreadable XML: {clean_line(str(error))}") from None
    if _local(root.tag) != "opml":
        raise OpmlError(f"not an OPML file (root element <{clean_line(_local(root.tag))[:40]}>)")
    body = next((child for child in root if _local(child.tag) == "body"), None)
    if body is None:
        raise OpmlError("not an OPML file (no <body>)")
    found: dict[str, OpmlFeed] = {}
    skipped: list[str] = []

    def visit(element: ElementTree.Element, tags: tuple[str, ...], depth: int) -> None:
        if depth > 50:
            raise OpmlError("outlines nested more than 50 deep")
        for outline in element:
            if _local(outline.tag) != "outline":
                continue
            name = clean_line(outline.get("title") or outline.get("text") or "")
            address = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
            if address:
                try:
                    url = check_url(address)
                except FetchError as error:
                    skipped.append(f"{name or clean_line(address)[:80]}: {error}")
                    continue
                known = found.get(url)
                merged = tuple(dict.fromkeys((*(known.tags if known else ()), *tags)))
                found[url] = OpmlFeed(url=url, title=(known.title if known else "") or name, tags=merged)
            elif len(outline):
                visit(outline, (*tags, name) if name else tags, depth + 1)

    visit(body, (), 0)
    return OpmlList(feeds=tuple(found.values()), skipped=tuple(skipped))


def _local(tag: object) -> str:
    return str(tag).rpartition("}")[2]


def write_opml(feeds: Iterable[OpmlFeed], *, title: str = "Dateline subscriptions") -> bytes:
    """An OPML 2.0 document: untagged feeds at the top, tagged ones in one folder per tag
    (a feed with two tags appears in both; reading it back gives it both tags again)."""
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = title
    ElementTree.SubElement(head, "dateCreated").text = format_datetime(datetime.now(UTC), usegmt=True)
    ElementTree.SubElement(head, "docs").text = "https://opml.org/spec2.opml"
    body = ElementTree.SubElement(root, "body")
    folders: dict[str, ElementTree.Element] = {}
    for feed in feeds:
        parents: Sequence[ElementTree.Element] = [body]
        if feed.tags:
            parents = []
            for tag in feed.tags:
                if tag not in folders:
                    folders[tag] = ElementTree.Element("outline", text=tag, title=tag)
                parents.append(folders[tag])
        for parent in parents:
            attributes = {"type": "rss", "text": feed.title or feed.url, "title": feed.title or feed.url}
            attributes["xmlUrl"] = feed.url
            ElementTree.SubElement(parent, "outline", attributes)
    for name in sorted(folders, key=str.casefold):
        body.append(folders[name])
    ElementTree.indent(root)
    body_bytes: bytes = ElementTree.tostring(root, encoding="utf-8")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body_bytes + b"\n"
