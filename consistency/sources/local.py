"""A ``Fetcher`` that answers for a site from a local folder: the offline mirror of a website.

``local_root = "site"`` in a site source makes the crawler read that folder as if it were the
configured URL: robots.txt, sitemaps, links, content types and 404s all behave as on a web
server, and every reported URL is the real site's. The demo runs this way, with no network.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Mapping
from email.utils import formatdate
from pathlib import Path
from urllib.parse import unquote, urlsplit

from consistency.sources.net import DEFAULT_MAX_BYTES, Fetcher, FetchError, Response

_TYPES = {".html": "text/html; charset=utf-8", ".htm": "text/html; charset=utf-8",
          ".xhtml": "application/xhtml+xml", ".xml": "application/xml", ".txt": "text/plain; charset=utf-8",
          ".pdf": "application/pdf", ".json": "application/json", ".rss": "application/rss+xml"}


class LocalFolderFetcher(Fetcher):
    def __init__(self, root: str | Path, base_url: str) -> None:
        self.root = Path(root).resolve()
        base = urlsplit(base_url)
        self.origin = (base.scheme, base.netloc.lower())

    def _file_for(self, path: str) -> Path | None:
        rel = unquote(path).lstrip("/")
        candidate = (self.root / rel).resolve()
        if not candidate.is_relative_to(self.root):  # "/../etc/passwd" stays inside the folder
            return None
        for option in (candidate, candidate / "index.html", candidate.with_suffix(".html")):
            if option.is_file():
                return option
        return None

    def get(self, url: str, headers: Mapping[str, str] | None = None,
            max_bytes: int = DEFAULT_MAX_BYTES) -> Response:
        parts = urlsplit(url)
        if (parts.scheme, parts.netloc.lower()) != self.origin:
            raise FetchError(f"{parts.netloc} is not served by the local mirror of {self.origin[1]}")
        path = parts.path or "/"
        found = self._file_for(path)
        if found is None:
            return Response(url=url, status=404, headers={"content-type": "text/html"}, body=b"not found")
        if found.name == "index.html" and found.parent != self.root and not path.endswith(("/", ".html")):
            # A folder asked for without its trailing slash: redirect, as a web server does.
            return Response(url=url, status=301, headers={"location": path + "/"}, body=b"")
        body = found.read_bytes()
        ctype = _TYPES.get(found.suffix.lower()) or mimetypes.guess_type(found.name)[0] or "application/octet-stream"
        return Response(url=url, status=200,
                        headers={"content-type": ctype, "content-length": str(len(body)),
                                 "last-modified": formatdate(found.stat().st_mtime, usegmt=True)},
                        body=body[:max_bytes], truncated=len(body) > max_bytes)
