"""Social-media exports: a JSON array, JSON Lines, or CSV.

Fields ``text`` (required), ``url``, ``created_at``, ``platform`` and ``id``; another export
shape is read through a field mapping (``fields = { text = "full_text", url = "permalink" }``,
dotted paths for nested JSON). A record that cannot be read is a ``Skipped``; a file whose
shape cannot be read at all raises ``ConfigError`` with the fix.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from consistency.errors import ConfigError
from consistency.sources.extract import normalize_date
from consistency.sources.interface import Source
from consistency.sources.mail import decode_bytes
from consistency.types import Document, Skipped

FIELDS = ("text", "url", "created_at", "platform", "id")


def _get(record: Mapping[str, Any], path: str) -> Any:
    node: Any = record
    for key in path.split("."):
        if not isinstance(node, Mapping) or key not in node:
            return None
        node = node[key]
    return node


def _date(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) or (isinstance(value, str) and value.strip().isdigit()):
        seconds = float(value)
        seconds = seconds / 1000 if seconds > 1e11 else seconds  # milliseconds
        return datetime.fromtimestamp(seconds, tz=timezone.utc).isoformat()
    text = str(value).strip()
    return normalize_date(text) or normalize_date(text.replace(" ", "T", 1)) or text


class SocialSource(Source):
    type = "social"

    def _mapping(self) -> dict[str, str]:
        fields = dict(self.options.get("fields") or {})
        unknown = set(fields) - set(FIELDS)
        if unknown:
            raise ConfigError(f"social source: unknown field(s) in `fields`: {', '.join(sorted(unknown))}",
                              f"map only {', '.join(FIELDS)}")
        return {name: str(fields.get(name, name)) for name in FIELDS}

    def _records(self, path: Path) -> Iterator[tuple[str, Mapping[str, Any] | str]]:
        """(where, record) pairs; a string instead of a record is the reason it could not be read."""
        text = decode_bytes(path.read_bytes(), "utf-8").lstrip("\ufeff")
        suffix = path.suffix.lower()
        if suffix == ".csv":
            yield from self._csv(path, text)
            return
        stripped = text.lstrip()
        if suffix == ".json" and stripped.startswith(("[", "{")) and not self._looks_like_lines(stripped):
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                yield (str(path), f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}; "
                                  "fix the file or export it again (JSON array or JSON Lines)")
                return
            items = data if isinstance(data, list) else data.get("data") if isinstance(data, dict) else None
            if not isinstance(items, list):
                yield str(path), "JSON is not an array of posts (nor an object with a `data` array)"
                return
            for i, item in enumerate(items):
                yield f"{path}#{i}", item if isinstance(item, Mapping) else f"record {i} is not an object"
            return
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                yield f"{path}:{n}", f"line {n} is not valid JSON ({exc.msg})"
                continue
            yield f"{path}:{n}", item if isinstance(item, Mapping) else f"line {n} is not an object"

    @staticmethod
    def _looks_like_lines(text: str) -> bool:
        first = text.split("\n", 1)[0].strip()
        if not first.startswith("{"):
            return False
        try:
            json.loads(first)
        except json.JSONDecodeError:
            return False
        return "\n" in text.strip()

    def _csv(self, path: Path, text: str) -> Iterator[tuple[str, Mapping[str, Any] | str]]:
        reader = csv.DictReader(io.StringIO(text))
        columns = reader.fieldnames or []
        text_col = self._mapping()["text"]
        if text_col not in columns:
            raise ConfigError(f"social source {path}: no `{text_col}` column (columns: {', '.join(columns)})",
                              'map the text column in the source: fields = { text = "<column>" }')
        for i, row in enumerate(reader):
            yield f"{path}#{i}", row

    def collect(self) -> Iterator[Document | Skipped]:
        path = Path(self.options["path"])
        if not path.is_file():
            raise ConfigError(f"social source: {path} is not a file", "point `path` at a JSON, JSON Lines or CSV export")
        fields = self._mapping()
        platform_default = str(self.options.get("platform") or "")
        for i, (where, record) in enumerate(self._records(path)):
            if isinstance(record, str):
                yield Skipped(self.label, where, record)
                continue
            text = _get(record, fields["text"])
            if not isinstance(text, str) or not text.strip():
                yield Skipped(self.label, where, f"record has no `{fields['text']}` text "
                                                 f"(map the text field with fields.text = \"...\")")
                continue
            post_id = _get(record, fields["id"])
            platform = str(_get(record, fields["platform"]) or platform_default)
            url = _get(record, fields["url"]) or f"{path}#{post_id if post_id is not None else i}"
            yield Document(
                source=self.label, source_type="social", url=str(url), text=text.strip(),
                title=f"{platform or 'social'} post {post_id if post_id is not None else i}".strip(),
                published=_date(_get(record, fields["created_at"])),
                meta={"platform": platform, "id": None if post_id is None else str(post_id)},
            )
