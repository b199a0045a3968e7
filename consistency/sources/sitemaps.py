"""Sitemaps: the site's own list of its pages, which finds pages no link leads to.

Reads <urlset> and <sitemapindex> files (gzip-compressed or not) and plain-text sitemaps (one URL a
line). XML is parsed without entities or network access: a sitemap is input from the outside.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from consistency.sources.polite import Fetched, PoliteClient, Refused, http_status
from consistency.types import Skipped

MAX_SITEMAPS = 50  # sitemap files read per crawl, index files included
MAX_SITEMAP_BYTES = 50_000_000  # the sitemaps.org limit for one uncompressed file
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)


@dataclass(frozen=True, slots=True)
class SitemapFile:
    """What one sitemap file lists: page URLs, and for an index, further sitemap URLs."""

    pages: tuple[str, ...]
    sitemaps: tuple[str, ...]


def _gunzip(data: bytes) -> bytes:
    """Decompress at most MAX_SITEMAP_BYTES, so a gzip bomb cannot exhaust memory."""
    return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, MAX_SITEMAP_BYTES)


def parse_sitemap(data: bytes) -> SitemapFile:
    """Parse one sitemap file; anything unreadable lists nothing."""
    if data[:2] == b"\x1f\x8b":
        try:
            data = _gunzip(data)
        except zlib.error:
            return SitemapFile((), ())
    stripped = data.lstrip()
    if not stripped.startswith(b"<"):
        lines = (line.strip() for line in stripped.decode("utf-8", "replace").splitlines())
        return SitemapFile(tuple(u for u in lines if u.startswith(("http://", "https://"))), ())
    try:
        root = etree.fromstring(stripped, parser=_PARSER)
    except etree.XMLSyntaxError:
        return SitemapFile((), ())
    if root is None:
        return SitemapFile((), ())
    locs = [(el.text or "").strip() for el in root.iter("{*}loc")]
    locs = [u for u in locs if u]
    if etree.QName(root).localname == "sitemapindex":
        return SitemapFile((), tuple(locs))
    return SitemapFile(tuple(locs), ())


def collect_sitemaps(client: PoliteClient, declared: list[str], implicit: str, label: str,
                     max_bytes: int) -> Iterator[str | Skipped]:
    """Page URLs from the sitemaps robots.txt declares and from ``implicit`` (/sitemap.xml).

    A declared sitemap that cannot be fetched is a ``Skipped``: the site promised it. The implicit
    one is only a guess and fails silently.
    """
    queue = [(url, True) for url in declared]
    if implicit not in declared:
        queue.append((implicit, False))
    seen: set[str] = set()
    while queue and len(seen) < MAX_SITEMAPS:
        url, reported = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        result = client.fetch(url, max_bytes=max_bytes)
        problem = result.reason if isinstance(result, Refused) else _problem(result)
        if problem is not None or isinstance(result, Refused):
            if reported:
                yield Skipped(label, url, f"sitemap not read: {problem}")
            continue
        found = parse_sitemap(result.response.body)
        queue.extend((child, True) for child in found.sitemaps)
        yield from found.pages


def _problem(result: Fetched) -> str | None:
    status = result.response.status
    if not 200 <= status < 300:
        return http_status(status)
    if result.response.truncated:
        return "sitemap larger than the byte limit"
    return None
