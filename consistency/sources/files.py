"""Local files by glob: HTML, Markdown and plain text (pre-publication drafts live here)."""

from __future__ import annotations

import glob as globmod
import re
from collections.abc import Iterator
from pathlib import Path

from consistency.errors import ConfigError
from consistency.sources.extract import extract_html, normalize_date, normalize_lang
from consistency.sources.interface import Source
from consistency.sources.mail import decode_bytes
from consistency.types import Document, Skipped

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_MD_RULES = [
    (re.compile(r"```.*?```", re.DOTALL), ""),  # code blocks say nothing to customers
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images -> alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links -> their text
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]*", re.MULTILINE), ""),  # headings
    (re.compile(r"^[ \t]{0,3}>\s?", re.MULTILINE), ""),  # block quotes
    (re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])\s+", re.MULTILINE), ""),  # list markers
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])"), r"\2"),
    (re.compile(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,})\s*$", re.MULTILINE), ""),  # rules
]
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]*(.+)$", re.MULTILINE)


def markdown_text(source: str) -> tuple[str, dict[str, str]]:
    """Markdown -> plain text with one block per line, and its front matter (title, date, lang)."""
    meta: dict[str, str] = {}
    match = _FRONT_MATTER.match(source)
    if match:
        for line in match.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep:
                meta[key.strip().lower()] = value.strip().strip("\"'")
        source = source[match.end():]
    heading = _HEADING.search(source)
    if heading and "title" not in meta:
        meta["title"] = heading.group(1).strip()
    for pattern, repl in _MD_RULES:
        source = pattern.sub(repl, source)
    return re.sub(r"\n{3,}", "\n\n", source).strip(), meta


class FilesSource(Source):
    type = "files"

    def _paths(self) -> list[Path]:
        pattern = str(self.options["path"])
        if globmod.has_magic(pattern):
            return sorted(Path(p) for p in globmod.glob(pattern, recursive=True) if Path(p).is_file())
        path = Path(pattern)
        if not path.exists():
            raise ConfigError(f"files source: {path} does not exist", "fix `path` (a file or a glob like drafts/**/*.md)")
        return sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]

    def _display(self, path: Path) -> str:
        try:
            return str(path.resolve().relative_to(self.ctx.base_dir.resolve()))
        except ValueError:
            return str(path)

    def collect(self) -> Iterator[Document | Skipped]:
        paths = self._paths()
        source_type = str(self.options.get("source_type") or "files")
        if not paths:
            yield Skipped(self.label, str(self.options["path"]), "no files match this pattern")
        for path in paths:
            where = self._display(path)
            suffix = path.suffix.lower()
            try:
                data = path.read_bytes()
            except OSError as exc:
                yield Skipped(self.label, where, f"cannot read file: {exc.strerror or exc}")
                continue
            if suffix in (".html", ".htm", ".xhtml"):
                page = extract_html(data)
                text, title, lang, published = page.text, page.title, page.lang, page.published
            elif suffix in (".md", ".markdown", ".txt"):
                raw = decode_bytes(data, "utf-8").lstrip("\ufeff")
                text, meta = markdown_text(raw) if suffix != ".txt" else (raw.strip(), {})
                title = meta.get("title", "")
                lang, published = normalize_lang(meta.get("lang")), normalize_date(meta.get("date"))
            else:
                yield Skipped(self.label, where, f"unsupported file type {suffix or '(none)'}: "
                                                 "only .html, .md and .txt files are read")
                continue
            if not text.strip():
                yield Skipped(self.label, where, "file has no text")
                continue
            yield Document(source=self.label, source_type=source_type, url=where, text=text,
                           title=title or path.stem, lang=lang, published=published)
