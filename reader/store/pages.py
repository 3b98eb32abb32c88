"""Read rows straight from the pages of an SQLite file, without SQLite: the last resort of
salvage, for rows whose leaf page is intact but cannot be reached through a damaged
interior page. Follows https://www.sqlite.org/fileformat2.html (b-tree pages, records,
overflow chains, freelist).

Only live leaf pages are read: pages on the freelist are skipped, and within a page only
cells listed in its cell-pointer array count, so deleted rows are not brought back (unless
the freelist itself is damaged). Every value found is validated by the caller.

Core module: stdlib only; no textual or rich imports.
"""

from __future__ import annotations

import mmap
import struct
from collections.abc import Iterator

_TABLE_LEAF = 0x0D
_MAX_CHAIN = 1_000_000  # no overflow chain or freelist is longer than the file has pages

Value = None | int | float | bytes | str


def table_leaf_records(data: bytes | mmap.mmap) -> Iterator[tuple[Value, ...]]:
    """Every record in the live table-leaf pages of the database image ``data``."""
    page_size, usable = _geometry(data)
    page_count = len(data) // page_size
    free = _freelist(data, page_size, page_count)
    for number in range(1, page_count + 1):
        if number in free:
            continue
        start = (number - 1) * page_size
        page = data[start : start + page_size]
        header = 100 if number == 1 else 0
        if page[header] != _TABLE_LEAF:
            continue
        cells = int.from_bytes(page[header + 3 : header + 5], "big")
        for index in range(cells):
            at = header + 8 + 2 * index
            pointer = int.from_bytes(page[at : at + 2], "big")
            try:
                payload = _cell_payload(data, page, pointer, page_size, usable, page_count)
                yield _record(payload)
            except (IndexError, ValueError, UnicodeDecodeError):
                continue


def _geometry(data: bytes | mmap.mmap) -> tuple[int, int]:
    size = int.from_bytes(data[16:18], "big") if len(data) >= 100 else 0
    size = 65536 if size == 1 else size
    if size < 512 or size > 65536 or size & (size - 1):
        return 4096, 4096  # the header is damaged: guess the default page size
    reserved = data[20]
    return size, size - reserved


def _freelist(data: bytes | mmap.mmap, page_size: int, page_count: int) -> set[int]:
    free: set[int] = set()
    if len(data) < 100:
        return free
    trunk = int.from_bytes(data[32:36], "big")
    seen = 0
    while 0 < trunk <= page_count and trunk not in free and seen < _MAX_CHAIN:
        free.add(trunk)
        start = (trunk - 1) * page_size
        leaves = int.from_bytes(data[start + 4 : start + 8], "big")
        for index in range(min(leaves, (page_size - 8) // 4)):
            at = start + 8 + 4 * index
            free.add(int.from_bytes(data[at : at + 4], "big"))
        trunk = int.from_bytes(data[start : start + 4], "big")
        seen += 1
    return free


def _varint(buffer: bytes, at: int) -> tuple[int, int]:
    """SQLite's big-endian varint at ``at``: ``(value, next offset)``."""
    value = 0
    for index in range(8):
        byte = buffer[at + index]
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + index + 1
    return (value << 8) | buffer[at + 8], at + 9


def _cell_payload(data: bytes | mmap.mmap, page: bytes, at: int, page_size: int, usable: int, page_count: int) -> bytes:
    if not 0 < at < len(page):
        raise ValueError("cell pointer outside the page")
    size, at = _varint(page, at)
    _rowid, at = _varint(page, at)
    most_local = usable - 35
    if size <= most_local:
        payload = page[at : at + size]
    else:
        least_local = (usable - 12) * 32 // 255 - 23
        local = least_local + (size - least_local) % (usable - 4)
        if local > most_local:
            local = least_local
        parts = [page[at : at + local]]
        collected = local
        overflow = int.from_bytes(page[at + local : at + local + 4], "big")
        hops = 0
        while collected < size:
            if not 0 < overflow <= page_count or hops > page_count:
                raise ValueError("broken overflow chain")
            start = (overflow - 1) * page_size
            chunk = data[start + 4 : start + usable][: size - collected]
            parts.append(chunk)
            collected += len(chunk)
            overflow = int.from_bytes(data[start : start + 4], "big")
            hops += 1
        payload = b"".join(parts)
    if len(payload) != size:
        raise ValueError("payload cut short")
    return payload


def _record(payload: bytes) -> tuple[Value, ...]:
    header_size, at = _varint(payload, 0)
    if not 0 < header_size <= len(payload):
        raise ValueError("bad record header")
    types = []
    while at < header_size:
        serial, at = _varint(payload, at)
        types.append(serial)
    values: list[Value] = []
    at = header_size
    for serial in types:
        if serial == 0:
            values.append(None)
        elif 1 <= serial <= 6:
            width = (1, 2, 3, 4, 6, 8)[serial - 1]
            values.append(int.from_bytes(payload[at : at + width], "big", signed=True))
            at += width
        elif serial == 7:
            values.append(struct.unpack(">d", payload[at : at + 8])[0])
            at += 8
        elif serial in (8, 9):
            values.append(serial - 8)
        elif serial >= 12:
            length = (serial - 12) // 2
            chunk = payload[at : at + length]
            if len(chunk) != length:
                raise ValueError("value cut short")
            values.append(chunk.decode("utf-8") if serial % 2 else chunk)
            at += length
        else:
            raise ValueError("reserved serial type")
    return tuple(values)
