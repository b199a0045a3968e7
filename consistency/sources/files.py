"""The ``files`` source: local HTML, Markdown and plain-text files, by glob, folder or single path.

Drafts waiting for publication and exported pages live here. ``--draft`` reads the same way
with ``source_type = "draft"``. Markdown becomes the text a reader of the rendered page sees:
front matter gives the title, date and language; headings, paragraphs, list items and table
rows each become one line (so no sentence is glued to a heading); markup, link targets, images,
code blocks and struck-through text go.

Also here, because every local-file source (mail, social, files) needs them: ``decode_text``
(bytes in a declared, mislabelled or unknown charset -> text), ``is_garbled`` (text that decoded
to mostly U+FFFD) and ``display_path`` (how a file is named in reports).
"""

from __future__ import annotations

import codecs
import glob as globmod
import re
import unicodedata
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import charset_normalizer

from consistency.errors import ConfigError
from consistency.sources.extract import decode_html, extract_html, normalize_date, normalize_lang
from consistency.sources.interface import Source, SourceContext
from consistency.types import Document, Skipped

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
TEXT_SUFFIXES = frozenset({".txt"})
READABLE_SUFFIXES = HTML_SUFFIXES | MARKDOWN_SUFFIXES | TEXT_SUFFIXES
# Documents a folder may hold that are worth a "not read" note; images, styles and scripts are passed over.
UNREADABLE_DOCUMENTS = frozenset({".docx", ".doc", ".odt", ".rtf", ".pdf", ".pages", ".pptx", ".xlsx"})
SOURCE_TYPES = ("files", "draft")
GARBLED_SHARE = 0.1  # more than this share of U+FFFD or control characters: not text

# A sender often declares the narrow charset and writes its superset.
_SUPERSETS = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "euc-cn": "gb18030", "cp936": "gb18030",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "ks_c_5601": "cp949", "x-windows-949": "cp949",
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
    "iso-8859-6": "cp1256", "big5": "big5hkscs", "shift_jis": "cp932", "x-sjis": "cp932", "tis-620": "cp874",
}
# What an unknown or wrong label still tells: its family ("iso-2022-kr" on 8-bit Korean, "x-unknown-8859").
_FAMILIES = (
    (re.compile(r"kr|kor|949|5601"), "cp949"), (re.compile(r"gb|cn|chin|936"), "gb18030"),
    (re.compile(r"big5|tw|950"), "big5hkscs"), (re.compile(r"jp|jis|japan|932"), "cp932"),
    (re.compile(r"1256|arab|8859-6"), "cp1256"), (re.compile(r"1251|cyr|koi8|8859-5"), "cp1251"),
    (re.compile(r"125[02]|8859|latin|western|ascii"), "cp1252"),
)
# On a tie in charset detection, the charsets brand mail and exports are most often in win.
_COMMON = ("cp1252", "cp1256", "cp1251", "gb18030", "cp949", "big5", "cp932", "euc_jp")

_FRONT = re.compile(r"\A(---|\+\+\+)[ \t]*\n(.*?)\n\1[ \t]*(?:\n|\Z)", re.DOTALL)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")
_TABLE_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{2,}:?[ \t]*\|)+(?:[ \t]*:?-{2,}:?[ \t]*)?[ \t]*$")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_PUNCT = r"[!-/:-@\[-`{-~]"
_ESCAPE = re.compile(r"\\(" + _PUNCT + ")")
_CODE = re.compile(r"(`+)(.+?)\1")
_INLINE = (
    (re.compile(r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])"), ""),  # images: nothing a reader reads as prose
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # [text](url) -> text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref] -> text
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),  # autolinks
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),  # inline HTML tags
    (re.compile(r"~~.+?~~"), ""),  # struck through: retracted, not said
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
_SPACES = re.compile(r"[ \t]+")


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Bytes -> text and the codec that read them, whatever the label says.

    Tried in order, strictly: UTF-8 before a Western label (mislabelled UTF-8 is the commonest
    error), the declared charset through its superset (gb2312 -> gb18030, euc-kr -> cp949),
    UTF-8, the family an unknown or wrong label names; then charset detection, where a tie goes
    to the commoner charset; last, UTF-8 with U+FFFD for what nothing could read.
    """
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, "replace"), codec
    label = _codec(declared)
    family = next((codec for pattern, codec in _FAMILIES if pattern.search((declared or "").lower())), None)
    tries = ["utf-8", label] if label == "cp1252" else [label, "utf-8"]
    for codec in dict.fromkeys([*tries, family]):
        if codec is None:
            continue
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    detected = _detect(data)
    return data.decode(detected or "utf-8", "replace"), detected or "utf-8"


def _codec(label: str | None) -> str | None:
    """A Python codec name for a charset label; None for a missing or unknown label."""
    name = (label or "").strip().strip("\"'").lower()
    if not name:
        return None
    try:
        return codecs.lookup(_SUPERSETS.get(name, name)).name
    except LookupError:
        return None


def _detect(data: bytes) -> str | None:
    """The charset detection guesses, the commonest one among the least garbled guesses."""
    matches = [m for m in charset_normalizer.from_bytes(data[:200_000]) if not m.encoding.startswith("utf_")]
    if not matches:
        return None
    least = min(m.chaos for m in matches)
    tied = [m.encoding for m in matches if m.chaos <= least + 0.01]
    return next((c for c in _COMMON if c in tied), tied[0])


def display_path(path: Path, base_dir: Path) -> str:
    """A local path as reports show it: relative to the config's folder when inside it, else absolute."""
    for p, base in ((path, base_dir), (path.resolve(), base_dir.resolve())):
        try:
            return p.relative_to(base).as_posix()
        except ValueError:
            continue
    return str(path)


def is_garbled(text: str) -> bool:
    """True when decoded text is mostly U+FFFD or control characters: bytes in no charset we found."""
    visible = [c for c in text if not c.isspace()]
    if not visible:
        return True
    bad = sum(1 for c in visible if c == "\ufffd" or unicodedata.category(c) in ("Cc", "Cs"))
    return bad / len(visible) > GARBLED_SHARE


def front_matter(source: str) -> tuple[dict[str, str], str]:
    """YAML (``---``) or TOML (``+++``) front matter as flat ``key -> value`` strings, and the rest.

    Only top-level scalar keys are read (title, date, lang, ...); nested values and lists are ignored.
    """
    match = _FRONT.match(source)
    if not match:
        return {}, source
    sep = "=" if match.group(1) == "+++" else ":"
    meta: dict[str, str] = {}
    for line in match.group(2).split("\n"):
        key, found, value = line.partition(sep)
        if found and key.strip() and not line[:1].isspace() and not line.startswith(("-", "#")):
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            meta[key.strip().lower()] = value
    return meta, source[match.end():]


def _hide(text: str) -> str:
    """ASCII punctuation -> private-use characters, so that markup rules leave it alone."""
    return re.sub(_PUNCT, lambda m: chr(0xE000 + ord(m.group())), text)


def _inline(text: str) -> str:
    """Markdown inline markup -> the words a reader sees."""
    text = _ESCAPE.sub(lambda m: _hide(m.group(1)), text)
    text = _CODE.sub(lambda m: _hide(m.group(2).strip()), text)
    for pattern, repl in _INLINE:
        text = pattern.sub(repl, text)
    text = "".join(chr(ord(c) - 0xE000) if 0xE000 < ord(c) < 0xE080 else c for c in text)
    return _SPACES.sub(" ", text).strip()


def _join(lines: list[str]) -> str:
    """Soft-wrapped lines of one paragraph -> one line (no space between two CJK characters)."""
    out = ""
    for line in lines:
        if out and not (_CJK.match(out[-1]) and _CJK.match(line[:1])):
            out += " "
        out += line
    return out


def markdown_text(source: str) -> tuple[str, str, dict[str, str]]:
    """Markdown -> (plain text with one line per block, the first heading, the front matter)."""
    meta, body = front_matter(source.lstrip("\ufeff"))
    blocks: list[str] = []
    para: list[str] = []
    heading = ""
    fence = ""

    def flush() -> None:
        if para:
            blocks.append(_join(para))
            para.clear()

    for line in _COMMENT.sub("", body).split("\n"):
        if fence:
            fence = "" if line.strip().startswith(fence) else fence
            continue
        opened = _FENCE.match(line)
        if opened:
            flush()
            fence = opened.group(1)
            continue
        while _QUOTE.match(line):
            line = _QUOTE.sub("", line, count=1)
        if not line.strip() or _REFERENCE.match(line):
            flush()
        elif para and _SETEXT.match(line):
            text = _join(para)
            para.clear()
            blocks.append(text)
            heading = heading or text
        elif _RULE.match(line) or _TABLE_RULE.match(line):
            flush()
        elif atx := _ATX.match(line):
            flush()
            blocks.append((atx.group(1) or "").strip())
            heading = heading or blocks[-1]
        elif line.lstrip().startswith("|"):
            flush()
            blocks.append(" | ".join(cell.strip() for cell in line.strip().strip("|").split("|")))
        elif item := _ITEM.match(line):
            flush()
            para.append(line[item.end():].strip())
        else:
            if para and para[-1].endswith(("\\", "  ")):  # a hard line break ends the line
                para[-1] = para[-1].rstrip(" \\")
                flush()
            para.append(line.lstrip())
    flush()
    lines = (_inline(block) for block in blocks)
    return "\n".join(line for line in lines if line), _inline(heading), meta


class FilesSource(Source):
    """Local files: a glob (``drafts/**/*.md``), a folder (read recursively) or one file.

    A glob or a path reads what it names, and says why a file it cannot read is skipped. A folder
    reads its visible HTML, Markdown and text files, notes the documents it cannot read (.docx,
    .pdf, ...) and passes over everything else (images, styles, scripts).
    """

    type = "files"

    def __init__(self, options: Mapping[str, Any], ctx: SourceContext) -> None:
        super().__init__(options, ctx)
        kind = self.options.get("source_type", "files")
        if kind not in SOURCE_TYPES:
            raise ConfigError(f"files source: source_type {kind!r} is not one of {', '.join(SOURCE_TYPES)}",
                              'use source_type = "files" (published files) or "draft" (not yet published)')
        self.source_type = str(kind)

    def collect(self) -> Iterator[Document | Skipped]:
        paths = self._paths()
        if not paths:
            pattern = Path(str(self.options["path"]))
            yield Skipped(self.label, display_path(pattern, self.ctx.base_dir),
                          f"no files match {display_path(pattern, self.ctx.base_dir)}")
        for path in paths:
            yield self._read(path)

    def _paths(self) -> list[Path]:
        """Every file to read, sorted; a missing non-glob path is a config error."""
        given = str(self.options.get("path") or "")
        path = Path(given)
        if given and path.is_file():
            return [path]
        if given and path.is_dir():
            found = (p for p in path.rglob("*")
                     if p.suffix.lower() in READABLE_SUFFIXES | UNREADABLE_DOCUMENTS and p.is_file()
                     and not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif given and globmod.has_magic(given):
            found = (Path(p) for p in globmod.glob(given, recursive=True) if Path(p).is_file())
        else:
            raise ConfigError(f"files source: {given or '(no path)'} does not exist",
                              "set path to a file, a folder or a glob such as drafts/**/*.md "
                              "(relative paths start at the config file's folder)")
        return sorted(found, key=lambda p: display_path(p, self.ctx.base_dir))

    def _read(self, path: Path) -> Document | Skipped:
        where = display_path(path, self.ctx.base_dir)
        suffix = path.suffix.lower()
        if suffix not in READABLE_SUFFIXES:
            return Skipped(self.label, where,
                           f"unsupported file type {suffix or '(no extension)'}: only .html, .htm, .md, .markdown "
                           "and .txt are read; save the file as one of these")
        try:
            data = path.read_bytes()
        except OSError as exc:
            return Skipped(self.label, where, f"cannot read the file: {exc.strerror or exc}")
        if b"\x00" in data[:8192]:
            return Skipped(self.label, where, f"binary content in a {suffix} file; save it as text")
        raw = ""
        if suffix in HTML_SUFFIXES:
            raw = decode_html(data)  # as a browser decodes: BOM, <meta charset>, UTF-8, detection
            page = extract_html(raw)
            text, title, lang, published = page.text, page.title, page.lang, page.published
        elif suffix in MARKDOWN_SUFFIXES:
            text, title, meta = markdown_text(decode_text(data)[0])
            title = meta.get("title") or title
            lang, published = normalize_lang(meta.get("lang")), normalize_date(meta.get("date"))
        else:
            lines = (line.rstrip() for line in decode_text(data)[0].splitlines())
            text, title, lang, published = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip(), "", None, None
        if not text.strip():
            return Skipped(self.label, where, "the file has no text")
        if is_garbled(text):
            return Skipped(self.label, where, "the file is not readable text in any charset we could detect")
        return Document(source=self.label, source_type=self.source_type, url=where, text=text,
                        title=title or path.name, lang=lang, published=published, raw=raw)
