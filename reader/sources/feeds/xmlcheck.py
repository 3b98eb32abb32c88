"""Refuse XML attacks before any feed parser sees the document.

feedparser hands well-formed documents to the stdlib SAX parser and falls back to a
loose parser for the rest; neither refuses a DTD that declares entities (a "billion
laughs" document is kept as unexpanded text without complaint). So every XML document
is read once by defusedxml's parser first, which raises on any entity declaration
(internal or external, general or parameter: billion laughs, quadratic blow-up) and on
any reference to an external entity (XXE: nothing is ever fetched or read).

A document that is not well-formed is passed on only when the error comes after the
root element has begun, i.e. after any DTD has been read and judged; feedparser's loose
parser may still find its entries. An error before that point (inside or before the
DTD) is refused: nothing after it was checked.

Core module: no textual or rich imports.
"""

from __future__ import annotations

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser, ParseError
from feedparser.encodings import convert_to_utf8

from reader.sanitize import clean_line


class UnsafeXML(Exception):
    """The document was refused; the message is one line for the user."""


class _RootProbe:
    """A parser target that builds nothing and remembers the first element's name."""

    def __init__(self) -> None:
        self.root: str | None = None

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if self.root is None:
            self.root = tag

    def close(self) -> None:
        return None


def _parse(data: bytes) -> tuple[str | None, ParseError | None]:
    probe = _RootProbe()
    parser = DefusedXMLParser(target=probe, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    try:
        parser.feed(data)
        parser.close()
    except ParseError as error:
        return probe.root, error
    return probe.root, None


def check_xml(data: bytes) -> tuple[bytes, str, str]:
    """Check ``data`` and return ``(document, root, problem)``.

    ``document`` is ``data``, or the same document re-encoded as UTF-8 when it was in a
    multi-byte encoding expat cannot read itself (Shift_JIS, GB2312…). ``root`` is the
    root element as ``{namespace}name`` (or ``name``). ``problem`` is empty for a
    well-formed document, else the parse error (the document got past its DTD).
    Raises :class:`UnsafeXML` for entity declarations, external references, and
    errors before the root element.
    """
    try:
        try:
            root, error = _parse(data)
        except ValueError as exc:  # "multi-byte encodings are not supported"
            if "encoding" not in str(exc):
                raise
            data = convert_to_utf8({}, data, {})
            root, error = _parse(data)
    except (EntitiesForbidden, ExternalReferenceForbidden):
        raise UnsafeXML("refused: the document's DTD declares entities (an XML entity attack?)") from None
    except DTDForbidden:  # not raised with forbid_dtd=False; kept for completeness
        raise UnsafeXML("refused: the document has a DTD") from None
    except DefusedXmlException as exc:
        raise UnsafeXML(f"refused: {clean_line(type(exc).__name__)}") from None
    except (ValueError, LookupError) as exc:
        raise UnsafeXML(f"unreadable XML: {clean_line(str(exc))}") from None
    if error is not None and root is None:
        raise UnsafeXML(f"not well-formed XML: {clean_line(str(error))}")
    return data, root or "", clean_line(str(error)) if error is not None else ""
