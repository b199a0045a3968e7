"""The ``social`` source: posts from a social-media export (JSON array, JSON Lines or CSV).

An X/Twitter archive's ``tweets.js`` is read as the JSON it wraps
(``fields = { text = "tweet.full_text", id = "tweet.id_str", created_at = "tweet.created_at" }``).

Exports differ per platform and per tool, so the fields are mapped, not guessed: ``text``
(required), ``url``, ``created_at``, ``platform`` and ``id`` are read from fields of those
names, or from the names given in ``fields = { text = "full_text", url = "permalink" }``
(dotted paths such as ``"data.message"`` or ``"media.0.caption"`` reach into nested JSON).

A record that cannot be read (a bad JSON line, a post without text) is a ``Skipped`` and the
rest is read; a file whose every record lacks the text field, or a CSV without the text
column, is a ``ConfigError`` that names the fields found and the mapping that fixes it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from consistency.errors import ConfigError
from consistency.sources.extract import normalize_date
from consistency.sources.files import decode_text, display_path
from consistency.sources.interface import Source, SourceContext
from consistency.types import Document, Skipped

FIELDS = ("text", "url", "created_at", "platform", "id")
FORMATS = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".js": "json"}
# An X/Twitter archive's data/tweets.js is JSON behind an assignment: "window.YTD.tweets.part0 = [...]".
_JS_ASSIGNMENT = re.compile(r"^\s*window\.YTD\.[\w.]+\s*=\s*")
# Names exports use for a post's text: only for the hint when the text field is missing.
TEXT_NAMES = ("text", "full_text", "message", "body", "content", "caption", "description", "post", "tweet",
              "status", "title")
_DELIMITERS = (",", ";", "\t", "|")
_NUMBER = re.compile(r"^\d{9,16}(?:\.\d+)?$")
_TWITTER_TIME = "%a %b %d %H:%M:%S %z %Y"  # "Wed Oct 10 20:19:24 +0000 2018"


@dataclass(frozen=True, slots=True)
class Record:
    """One post as found in the export: its 0-based index, line (JSON Lines, CSV) and fields."""

    index: int
    fields: Mapping[str, Any]
    line: int | None = None

    @property
    def where(self) -> str:
        return f"record {self.index}" + (f" (line {self.line})" if self.line is not None else "")


def lookup(record: Mapping[str, Any], path: str) -> Any:
    """A field by name, or by dotted path into nested objects and lists ("data.0.message")."""
    if path in record:
        return record[path]
    node: Any = record
    for key in path.split("."):
        if isinstance(node, Mapping) and key in node:
            node = node[key]
        elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
            node = node[int(key)]
        else:
            return None
    return node


def parse_time(value: Any) -> str | None:
    """A post time as ISO 8601: ISO strings, RFC 2822, Twitter's format, unix seconds or milliseconds.

    A value that is none of these is kept as written: a reader can still make sense of it.
    """
    if value is None or isinstance(value, bool) or value == "":
        return None
    text = str(value).strip()
    if isinstance(value, (int, float)) or _NUMBER.match(text):
        seconds = float(text)
        while seconds > 1e11:  # milliseconds or microseconds since the epoch
            seconds /= 1000
        try:
            return datetime.fromtimestamp(seconds, tz=UTC).isoformat()
        except (OverflowError, OSError, ValueError):
            return text
    try:
        return datetime.strptime(text, _TWITTER_TIME).isoformat()
    except ValueError:
        pass
    return normalize_date(text) or text


class SocialSource(Source):
    """Posts from one export file."""

    type = "social"

    def __init__(self, options: Mapping[str, Any], ctx: SourceContext) -> None:
        super().__init__(options, ctx)
        mapping = self.options.get("fields") or {}
        if not isinstance(mapping, Mapping):
            raise ConfigError("social source: `fields` must be a table",
                              'write it as fields = { text = "full_text", url = "permalink" }')
        unknown = sorted(set(mapping) - set(FIELDS))
        if unknown:
            raise ConfigError(f"social source: unknown field {unknown[0]!r} in `fields`",
                              f"map only {', '.join(FIELDS)} to the export's names")
        bad = [k for k, v in mapping.items() if not isinstance(v, str) or not v]
        if bad:
            raise ConfigError(f"social source: `fields.{bad[0]}` must be a field name",
                              f'write it as fields.{bad[0]} = "name_in_the_export"')
        self.fields: dict[str, str] = {name: str(mapping.get(name, name)) for name in FIELDS}
        self.path = Path(str(self.options.get("path") or ""))
        self.shown = display_path(self.path, ctx.base_dir)  # how records are named in skips and URLs

    def collect(self) -> Iterator[Document | Skipped]:
        path = self.path
        if not path.is_file():
            what = "is a folder" if path.is_dir() else "does not exist"
            raise ConfigError(f"social source: {path} {what}",
                              "set path to a .json, .jsonl or .csv export file "
                              "(relative paths start at the config file's folder)")
        kind = FORMATS.get(path.suffix.lower())
        if kind is None:
            raise ConfigError(f"social source: cannot read {path.suffix or 'files without an extension'} ({path})",
                              "export the posts as .json (an array), .jsonl (one post per line) or .csv "
                              "(or give an X/Twitter archive's tweets.js)")
        try:
            text = decode_text(path.read_bytes())[0]
        except OSError as exc:
            yield Skipped(self.label, self.shown, f"cannot read the file: {exc.strerror or exc}")
            return
        reader = {"json": self._json, "jsonl": self._lines, "csv": self._csv}[kind]
        items = list(reader(text))
        records = [r for r in items if isinstance(r, Record)]
        if records and all(lookup(r.fields, self.fields["text"]) is None for r in records):
            names = sorted({str(k) for r in records[:50] for k in r.fields})
            raise ConfigError(f"social source {self.shown}: no record has a `{self.fields['text']}` field "
                              f"(fields found: {', '.join(names)})", self._text_hint(names))
        for item in items:
            yield item if isinstance(item, Skipped) else self._document(item)

    @staticmethod
    def _likely_text(names: list[str]) -> str:
        return next((n for n in TEXT_NAMES if n in names), "...")

    def _text_hint(self, names: list[str]) -> str:
        return f'map the post text in this [[sources]] table: fields = {{ text = "{self._likely_text(names)}" }}'

    def _document(self, record: Record) -> Document | Skipped:
        where = f"{self.shown}#{record.index}"
        name = self.fields["text"]
        value = lookup(record.fields, name)
        if value is None:
            likely = self._likely_text(sorted(str(k) for k in record.fields))
            return Skipped(self.label, where,
                           f'{record.where} has no `{name}` field (map it with fields.text = "{likely}")')
        if isinstance(value, (Mapping, list)):
            return Skipped(self.label, where, f"{record.where}: `{name}` holds {type(value).__name__} data, not text; "
                                              f'point fields.text at the string inside, e.g. "{name}.0"')
        text = str(value).strip()
        if not text:
            return Skipped(self.label, where, f"{record.where} has an empty `{name}` (an image-only post?)")
        post_id = _scalar(lookup(record.fields, self.fields["id"]))
        platform = _scalar(lookup(record.fields, self.fields["platform"])) or self.options.get("platform") or None
        url = _scalar(lookup(record.fields, self.fields["url"]))
        return Document(
            source=self.label, source_type="social",
            url=url or f"{self.shown}#{post_id if post_id else record.index}",
            text=text, title=f"{platform or 'social'} post {post_id or record.index}",
            published=parse_time(lookup(record.fields, self.fields["created_at"])),
            meta={"platform": platform, "id": post_id},
        )

    def _json(self, text: str) -> Iterator[Record | Skipped]:
        """A JSON array of posts, an object holding one, or JSON Lines saved as .json."""
        text = _JS_ASSIGNMENT.sub("", text, count=1)
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            if text.lstrip().startswith("{") and _first_line_is_object(text):
                yield from self._lines(text)
                return
            yield Skipped(self.label, self.shown,
                          f"not valid JSON ({exc.msg}: line {exc.lineno}, column {exc.colno}); fix the file there, "
                          "or export it again as a JSON array or as JSON Lines (one post per line)")
            return
        posts = _posts(data, self.fields["text"])
        if posts is None:
            keys = ", ".join(sorted(map(str, data))) if isinstance(data, Mapping) else type(data).__name__
            yield Skipped(self.label, self.shown, f"no array of posts in this JSON (top level: {keys}); "
                                                  "export the posts as a JSON array [ {...}, {...} ]")
            return
        for i, post in enumerate(posts):
            if isinstance(post, Mapping):
                yield Record(i, post)
            else:
                yield Skipped(self.label, f"{self.shown}#{i}", f"record {i} is {type(post).__name__}, not an object")

    def _lines(self, text: str) -> Iterator[Record | Skipped]:
        """JSON Lines: one object per line; a bad line is skipped, the others are read."""
        index = 0
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                post = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Skipped(self.label, f"{self.shown}#{index}",
                              f"line {n} is not valid JSON ({exc.msg}: column {exc.colno}); fix or remove that line")
            else:
                if isinstance(post, Mapping):
                    yield Record(index, post, n)
                else:
                    yield Skipped(self.label, f"{self.shown}#{index}",
                                  f"line {n} is {type(post).__name__}, not an object")
            index += 1

    def _csv(self, text: str) -> Iterator[Record | Skipped]:
        """CSV with a header row; the delimiter (, ; tab |) is the one that splits the header most."""
        header = text.split("\n", 1)[0]
        delimiter = max(_DELIMITERS, key=lambda d: len(next(csv.reader([header], delimiter=d), [])))
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        columns = [c.strip() for c in next(reader, [])]
        if self.fields["text"] not in columns:
            found = ", ".join(columns) or "none"
            raise ConfigError(f"social source {self.shown}: no `{self.fields['text']}` column (columns: {found})",
                              self._text_hint(columns))
        for i, row in enumerate(reader):
            if not any(cell.strip() for cell in row):
                continue
            # A short row misses its last fields; a long one loses its extra cells.
            yield Record(i, dict(zip(columns, row, strict=False)), reader.line_num)


def _scalar(value: Any) -> str | None:
    """A field value as a string, or None when it is missing, empty or not a scalar."""
    if value is None or isinstance(value, (Mapping, list)):
        return None
    text = str(value).strip()
    return text or None


def _first_line_is_object(text: str) -> bool:
    try:
        return isinstance(json.loads(text.lstrip().split("\n", 1)[0]), Mapping)
    except json.JSONDecodeError:
        return False


def _posts(data: Any, text_field: str) -> list[Any] | None:
    """The list of posts in parsed JSON: the array itself, one post, or the one array an object holds."""
    if isinstance(data, list):
        return data
    if not isinstance(data, Mapping):
        return None
    if lookup(data, text_field) is not None:
        return [data]
    arrays = [v for v in data.values() if isinstance(v, list) and v and all(isinstance(x, Mapping) for x in v)]
    return arrays[0] if len(arrays) == 1 else None
