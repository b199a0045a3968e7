"""Mailboxes: an mbox file, or a folder of .eml files.

Every message is decoded (transfer encodings, declared charsets, and mislabelled or unknown
charsets through detection); the text is the text/plain part, else the HTML part as text;
quoted replies and signatures are dropped. Headers a later check needs (List-Unsubscribe,
From, Subject, Date) are kept. A message that cannot be read is a ``Skipped`` with its
reason, and the mailbox goes on.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import mailbox
import re
from collections.abc import Iterator
from email.header import decode_header
from email.message import Message
from email.utils import parsedate_to_datetime
from pathlib import Path

import charset_normalizer

from consistency.errors import ConfigError
from consistency.sources.extract import extract_html
from consistency.sources.interface import Source
from consistency.types import Document, Skipped

_QUOTED = re.compile(r"^\s*>")
_SIGNATURE = re.compile(r"^-- ?$")
_HREF = re.compile(r"""href\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_BLANKS = re.compile(r"\n{3,}")


def decode_bytes(data: bytes, declared: str | None) -> str:
    """Bytes in a declared charset; an unknown or wrong label falls back to detection, then UTF-8."""
    if declared:
        try:
            codecs.lookup(declared)
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    best = charset_normalizer.from_bytes(data).best()
    return str(best) if best is not None else data.decode("utf-8", errors="replace")


def _part_text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if payload is None:
        raw = part.get_payload()
        return raw if isinstance(raw, str) else ""
    return decode_bytes(payload, part.get_content_charset())


def _header(msg: Message, name: str) -> str | None:
    """A header with RFC 2047 encoded words decoded; a malformed one is kept as written."""
    value = msg.get(name)
    if value is None:
        return None
    try:
        parts = [decode_bytes(text, charset) if isinstance(text, bytes) else text
                 for text, charset in decode_header(str(value))]
        return " ".join("".join(parts).split())
    except (ValueError, LookupError, UnicodeError, AssertionError):
        return " ".join(str(value).split())


def _clean_body(text: str) -> str:
    lines = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if _SIGNATURE.match(line):
            break
        if not _QUOTED.match(line):
            lines.append(line.rstrip())
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def message_document(msg: Message, label: str, where: str) -> Document | Skipped:
    """One message as a Document, or the reason it cannot be read."""
    if msg.defects and not msg.get_payload():
        return Skipped(label, where, f"unreadable message: {', '.join(type(d).__name__ for d in msg.defects)}")
    plain, html = [], []
    for part in msg.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        ctype = part.get_content_type()
        if ctype == "text/plain":
            plain.append(_part_text(part))
        elif ctype == "text/html":
            html.append(_part_text(part))
    html_text = "\n".join(html)
    if plain and any(p.strip() for p in plain):
        text = _clean_body("\n".join(plain))
    elif html_text.strip():
        text = _clean_body(extract_html(html_text).text)
    else:
        return Skipped(label, where, "message has no readable text/plain or text/html body")
    if not text:
        return Skipped(label, where, "message body is empty once quotes and signature are removed")
    msgid = (_header(msg, "Message-ID") or "").strip().strip("<>")
    subject = _header(msg, "Subject") or ""
    headers = "\n".join(f"{k}: {v}" for k, v in msg.items())
    return Document(
        source=label, source_type="mail", url=f"mid:{msgid}" if msgid else where, text=text, title=subject,
        published=_iso_date(_header(msg, "Date")), raw=headers + ("\n\n" + html_text if html_text else ""),
        meta={
            "from": _header(msg, "From"), "to": _header(msg, "To"), "subject": subject,
            "list_unsubscribe": _header(msg, "List-Unsubscribe"),
            "list_unsubscribe_post": _header(msg, "List-Unsubscribe-Post"),
            "has_html": bool(html_text.strip()), "links": sorted(set(_HREF.findall(html_text))),
        },
    )


class MailSource(Source):
    type = "mail"

    def _messages(self, path: Path) -> Iterator[tuple[str, Message | Exception]]:
        if path.is_dir():
            for eml in sorted(p for p in path.rglob("*.eml") if p.is_file()):
                try:
                    yield str(eml), email.message_from_bytes(eml.read_bytes(), policy=email.policy.compat32)
                except Exception as exc:  # noqa: BLE001 - any parse failure is a skip, not a crash
                    yield str(eml), exc
            return
        box = mailbox.mbox(str(path), factory=None, create=False)
        for i, key in enumerate(box.iterkeys()):
            where = f"{path}#{i}"
            try:
                yield where, email.message_from_bytes(box.get_bytes(key), policy=email.policy.compat32)
            except Exception as exc:  # noqa: BLE001
                yield where, exc

    def collect(self) -> Iterator[Document | Skipped]:
        path = Path(self.options["path"])
        if not path.exists():
            raise ConfigError(f"mail source: {path} does not exist", "point `path` at an mbox file or a folder of .eml")
        for where, msg in self._messages(path):
            if isinstance(msg, Exception):
                yield Skipped(self.label, where, f"cannot parse message: {msg}")
                continue
            try:
                yield message_document(msg, self.label, where)
            except Exception as exc:  # noqa: BLE001 - one broken message never stops the mailbox
                yield Skipped(self.label, where, f"cannot read message: {type(exc).__name__}: {exc}")

