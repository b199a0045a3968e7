"""Sitemap parsing: urlsets, indexes, gzip, plain text, and hostile input."""

from __future__ import annotations

import gzip
from pathlib import Path

from consistency.sources.sitemaps import parse_sitemap

URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc> https://x.example/a </loc><lastmod>2024-01-01</lastmod></url>
  <url><loc>https://x.example/b</loc></url>
</urlset>"""


def test_a_urlset_lists_its_pages():
    found = parse_sitemap(URLSET)
    assert found.pages == ("https://x.example/a", "https://x.example/b") and found.sitemaps == ()


def test_an_index_lists_sitemaps_and_gzip_is_read():
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://x.example/s1.xml.gz</loc></sitemap></sitemapindex>"""
    assert parse_sitemap(index).sitemaps == ("https://x.example/s1.xml.gz",)
    assert parse_sitemap(gzip.compress(URLSET)).pages == ("https://x.example/a", "https://x.example/b")


def test_a_text_sitemap_lists_one_url_a_line():
    assert parse_sitemap(b"https://x.example/a\n\nnot a url\nhttp://x.example/b\n").pages == (
        "https://x.example/a", "http://x.example/b")


def test_garbage_lists_nothing():
    for junk in (b"", b"<html><body>not a sitemap", b"\x1f\x8b broken gzip", b"<urlset><url><loc>"):
        assert parse_sitemap(junk).sitemaps == ()


def test_external_entities_are_not_resolved(tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    xxe = f"""<?xml version="1.0"?><!DOCTYPE u [<!ENTITY s SYSTEM "file://{secret}">]>
    <urlset><url><loc>https://x.example/&s;</loc></url></urlset>""".encode()
    assert not any("TOP-SECRET" in url for url in parse_sitemap(xxe).pages)
