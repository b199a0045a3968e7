"""The ``mail`` source: an mbox file, a single message file, or a folder of .eml files.

A brand's newsletters and service mails say things its website must agree with, and a mail's
headers carry what the unsubscribe check needs. Each message becomes one ``Document``:

* the text is the text/plain part, else the HTML part as text (``extract_html``); quoted replies
  ("> ...", "On ... wrote:", Outlook's "Original Message", HTML ``blockquote type=cite``) and the
  signature after "-- " are dropped, because they are not the brand speaking;
* hard-wrapped plain text is unwrapped (and format=flowed reflowed), so that a sentence broken at
  column 72 stays one statement;
* bodies are decoded from base64 or quoted-printable, then from their charset. Mail charsets are
  often wrong, so ``decode_text`` tries the declared label strictly (through its superset:
  gb2312 -> gb18030, euc-kr -> cp949, latin-1 -> cp1252), UTF-8, the family a wrong or unknown
  label names (iso-2022-kr on 8-bit bytes -> cp949), then detection; a body that is still
  mostly U+FFFD is skipped as undecodable;
* ``raw`` is the decoded headers, a blank line, then the HTML part, for the deeds checks.

A message that cannot be read is a ``Skipped`` with the reason, and the mailbox goes on.
"""

from __future__ import annotations

import email
import email.policy
import mailbox
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.errors import HeaderParseError, MessageDefect
from email.header import decode_header
from email.message import Message
from functools import partial
from itertools import pairwise
from pathlib import Path
from typing import cast

import lxml.html
from lxml import etree

from consistency.errors import ConfigError
from consistency.sources.extract import extract_html, normalize_date
from consistency.sources.files import decode_text, display_path, is_garbled
from consistency.sources.interface import Source
from consistency.types import Document, Skipped

# What a parser defect means, for the ones that leave a message unreadable.
_FATAL_DEFECTS = {
    "StartBoundaryNotFoundDefect": "multipart boundary never found",
    "NoBoundaryInMultipartDefect": "multipart message without a boundary",
    "MultipartInvariantViolationDefect": "declared multipart but has no parts",
}
_DEFECT_WORDS = {
    "MissingHeaderBodySeparatorDefect": "no blank line between headers and body",
    "CloseBoundaryNotFoundDefect": "closing boundary missing",
    "InvalidBase64PaddingDefect": "bad base64 padding",
    "InvalidBase64CharactersDefect": "bad base64 characters",
}

# A message has at least one of these; a file without any is not a mail (a note, a dump, junk).
_MAIL_HEADERS = frozenset({"from", "to", "cc", "subject", "date", "message-id", "mime-version", "content-type",
                           "received", "return-path", "reply-to", "sender", "delivered-to", "list-id"})
_FOLD = re.compile(r"\r?\n(?=[ \t])")
_SPACES = re.compile(r"\s+")
_MESSAGE_ID = re.compile(r"<([^<>\s]+)>")
_QUOTED = re.compile(r"^[ \t]{0,3}>")
_ESCAPED_FROM = re.compile(r"^>+From ")  # mbox writers escape a body line "From ..." as ">From ..."
_SIGNATURE = re.compile(r"^--[ \t]?$")
_ORIGINAL = re.compile(r"^\s*-{2,}\s*(?:original message|forwarded message)\s*-{2,}\s*$", re.IGNORECASE)
_ATTRIBUTION = re.compile(r"\b(?:wrote|writes|schrieb|a écrit|escribió|scrisse)\s*:\s*$|写道\s*[:：]\s*$"
                          r"|작성\S*\s*:\s*$|كتب\s*:\s*$", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^\s*(?:[-*•+]|\d{1,3}[.)])\s")
_HTML_QUOTES = etree.XPath("//blockquote[@type='cite'] | //*[contains(concat(' ', @class, ' '), ' gmail_quote ')]"
                           " | //*[contains(concat(' ', @class, ' '), ' moz-cite-prefix ')]"
                           " | //*[@id='divRplyFwdMsg'] | //*[@id='appendonsend']")
_WRAP_WIDTHS = (40, 100)  # hard-wrapped text is wrapped at a width in this range


def decode_header_value(value: str) -> str:
    """A header as one line of text: unfolded, RFC 2047 words decoded in whatever charset works."""
    value = _FOLD.sub("", value)
    if any("\udc80" <= c <= "\udcff" for c in value):  # raw 8-bit bytes in a header (not RFC 2047)
        value = decode_text(value.encode("utf-8", "surrogateescape"), None)[0]
    try:
        chunks = decode_header(value)
    except (HeaderParseError, ValueError):
        return _SPACES.sub(" ", value).strip()
    out = []
    for chunk, charset in chunks:
        if isinstance(chunk, str):
            out.append(chunk)
        elif charset is None:  # plain text between encoded words, as decode_header hands it back
            try:
                out.append(chunk.decode("raw-unicode-escape"))
            except UnicodeDecodeError:
                out.append(chunk.decode("latin-1"))
        else:
            out.append(decode_text(chunk, charset)[0])
    return _SPACES.sub(" ", "".join(out)).strip()


def _header(msg: Message, name: str) -> str | None:
    values = [v for k, v in msg.raw_items() if k.lower() == name.lower()]
    return decode_header_value(str(values[0])) if values else None


def _defect_names(msg: Message) -> list[str]:
    return [type(d).__name__ for d in msg.defects if isinstance(d, MessageDefect)]


def _broken(msg: Message) -> str | None:
    """Why a message's structure cannot be trusted, or None when it can be read."""
    names = _defect_names(msg)
    fatal = [_FATAL_DEFECTS[n] for n in names if n in _FATAL_DEFECTS]
    if msg.get_content_maintype() == "multipart" and not msg.is_multipart() and not fatal:
        fatal.append("declared multipart but has no parts")
    if not fatal:
        return None
    other = [_DEFECT_WORDS[n] for n in names if n in _DEFECT_WORDS]
    return f"broken message ({'; '.join(dict.fromkeys(fatal + other))}): truncated or damaged in transit"


@dataclass(frozen=True, slots=True)
class _Part:
    """One decoded text part of a message."""

    subtype: str  # "plain" or "html"
    text: str
    codec: str
    flowed: bool = False
    delsp: bool = False


def _text_parts(msg: Message) -> tuple[list[_Part], list[str]]:
    """The inline text parts in order, and the content types of everything else (for messages)."""
    parts: list[_Part] = []
    others: list[str] = []
    stack = [msg]
    while stack:
        part = stack.pop()
        if part.get_content_disposition() == "attachment":
            others.append(part.get_content_type())
            continue
        if part.is_multipart():
            stack.extend(reversed(cast(list[Message], part.get_payload())))
            continue
        ctype = part.get_content_type()
        if ctype not in ("text/plain", "text/html"):
            others.append(ctype)
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        text, codec = decode_text(payload, part.get_content_charset())
        parts.append(_Part(ctype.split("/")[1], text.replace("\r\n", "\n").replace("\r", "\n"), codec,
                           flowed=str(part.get_param("format") or "").lower() == "flowed",
                           delsp=str(part.get_param("delsp") or "").lower() == "yes"))
    return parts, others


def unflow(text: str, delsp: bool = False) -> str:
    """RFC 3676 format=flowed -> one line per paragraph: a line ending in a space continues."""
    out: list[str] = []
    buf = ""
    for line in text.split("\n"):
        if line.startswith(" "):  # space-stuffed
            line = line[1:]
        if line.endswith(" ") and not _SIGNATURE.match(line):
            buf += line[:-1] if delsp else line
            continue
        out.append(buf + line)
        buf = ""
    if buf:
        out.append(buf)
    return "\n".join(out)


def unwrap(text: str) -> str:
    """Join hard-wrapped lines: a line broke early only when the next word would not have fit.

    Text counts as hard-wrapped when most of its lines run on into the next one and its longest
    line (URLs aside, they are never broken) is within the usual widths; other text is left alone.
    """
    lines = text.split("\n")
    filled = [line for line in lines if line.strip()]
    width = max((len(line.rstrip()) for line in filled if "://" not in line), default=0)
    running_on = sum(1 for a, b in pairwise(lines) if a.strip() and b.strip())
    if not (_WRAP_WIDTHS[0] <= width <= _WRAP_WIDTHS[1] and 2 * running_on >= len(filled)):
        return text
    out: list[str] = []
    previous = ""
    for line in lines:
        words = line.split(maxsplit=1)
        if (out and previous.strip() and words and not _LIST_ITEM.match(line)
                and len(previous.rstrip()) + 1 + len(words[0]) > width):
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
        previous = line
    return "\n".join(out)


def strip_replies(text: str) -> str:
    """Drop quoted lines, the attribution line before them, a quoted Outlook original and the signature."""
    kept: list[str] = []
    for line in text.split("\n"):
        if _ESCAPED_FROM.match(line):
            line = line[1:]
        if _SIGNATURE.match(line) or _ORIGINAL.match(line):
            break
        if _QUOTED.match(line):
            while kept and not kept[-1].strip():
                kept.pop()
            if kept and _ATTRIBUTION.search(kept[-1]):
                kept.pop()
            continue
        kept.append(line.rstrip())
    paragraphs = re.sub(r"\n{3,}", "\n\n", "\n".join(kept))
    return paragraphs.strip()


def _without_html_quotes(html: str) -> str:
    """The HTML with quoted replies removed (a customer's words in a reply are not the brand's)."""
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8", "replace"),
                                             parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError):
        return html
    quotes = _HTML_QUOTES(root)
    if not quotes:
        return html
    for el in quotes:
        el.drop_tree()
    return lxml.html.tostring(root, encoding="unicode")


def _body(parts: list[_Part]) -> tuple[str, str]:
    """The message's text and the codec it was read with: text/plain when it has words, else HTML."""
    plain = [p for p in parts if p.subtype == "plain" and p.text.strip()]
    if plain:
        texts = [unflow(p.text, p.delsp) if p.flowed else unwrap(p.text) for p in plain]
        return strip_replies("\n\n".join(texts)), plain[0].codec
    html = [p for p in parts if p.subtype == "html" and p.text.strip()]
    if html:
        text = "\n".join(extract_html(_without_html_quotes(p.text)).text for p in html)
        return strip_replies(text), html[0].codec
    return "", ""


def message_document(msg: Message, label: str, where: str) -> Document | Skipped:
    """One parsed message as a Document, or a Skipped saying why it cannot be read.

    ``where`` names the message for a reader ("mail/box.mbox#5", "mail/2024/offer.eml"); it is
    the document's URL when the message has no Message-ID.
    """
    problem = _broken(msg)
    if problem:
        return Skipped(label, where, problem)
    if not any(name.lower() in _MAIL_HEADERS for name in msg.keys()):
        return Skipped(label, where, "not an email message: no From, To, Subject, Date or Message-ID header")
    parts, others = _text_parts(msg)
    if not parts:
        kinds = ", ".join(dict.fromkeys(others)) or "nothing"
        return Skipped(label, where, f"no text/plain or text/html part (found {kinds})")
    if not any(p.text.strip() for p in parts):
        return Skipped(label, where, "the message body is empty")
    text, codec = _body(parts)
    if not text:
        return Skipped(label, where, "no text left once quoted replies and the signature are removed")
    if is_garbled(text):
        return Skipped(label, where, f"body is not readable text (charset {parts[0].codec!r} and detection both fail)")
    html = "\n".join(p.text for p in parts if p.subtype == "html" and p.text.strip())
    headers = "\n".join(f"{name}: {decode_header_value(str(value))}" for name, value in msg.raw_items())
    message_id = _header(msg, "Message-ID") or ""
    mid = _MESSAGE_ID.search(message_id)
    mid_text = mid.group(1) if mid else message_id.strip("<> ")
    subject = _header(msg, "Subject") or ""
    links = list(extract_html(html).links) if html else []
    return Document(
        source=label, source_type="mail", url=f"mid:{mid_text}" if mid_text else where, text=text, title=subject,
        lang=None, published=normalize_date(_header(msg, "Date")), raw=headers + ("\n\n" + html if html else "\n"),
        meta={"from": _header(msg, "From"), "to": _header(msg, "To"), "subject": subject,
              "list_unsubscribe": _header(msg, "List-Unsubscribe"),
              "list_unsubscribe_post": _header(msg, "List-Unsubscribe-Post"),
              "has_html": bool(html), "links": links, "charset": codec},
    )


def parse_message(data: bytes) -> Message:
    """Bytes -> a message, with the modern policy (headers are read raw by this module)."""
    return email.message_from_bytes(data, policy=email.policy.default)


class MailSource(Source):
    """Messages from an mbox file, a single message file, or every .eml file under a folder."""

    type = "mail"

    def collect(self) -> Iterator[Document | Skipped]:
        path = Path(str(self.options.get("path") or ""))
        if not str(self.options.get("path") or "") or not path.exists():
            raise ConfigError(f"mail source: {path} does not exist",
                              "set path to an mbox file or a folder of .eml files "
                              "(relative paths start at the config file's folder)")
        found = False
        for where, read in self._messages(path):
            found = True
            if isinstance(read, Exception):
                yield Skipped(self.label, where, f"cannot read or parse the message: {type(read).__name__}: {read}")
                continue
            try:
                yield message_document(read, self.label, where)
            except Exception as exc:  # noqa: BLE001 - one odd message never stops the mailbox
                yield Skipped(self.label, where, f"cannot read message: {type(exc).__name__}: {exc}")
        if not found:
            what = "no .eml files under this folder" if path.is_dir() else "no messages in this file"
            yield Skipped(self.label, display_path(path, self.ctx.base_dir), what)

    def _messages(self, path: Path) -> Iterator[tuple[str, Message | Exception]]:
        """(where, message or the parse error) for every message, in a stable order."""
        if path.is_dir():
            files = sorted((p for p in path.rglob("*") if p.suffix.lower() == ".eml" and p.is_file()),
                           key=lambda p: p.relative_to(path).as_posix())
            for eml in files:
                yield display_path(eml, self.ctx.base_dir), _read(eml.read_bytes)
            return
        shown = display_path(path, self.ctx.base_dir)
        try:
            with path.open("rb") as f:
                head = f.read(4096)
        except OSError as exc:
            yield shown, exc
            return
        if not head.strip():
            return
        if not head.startswith(b"From "):  # a single RFC 822 message saved as a file
            yield shown, _read(path.read_bytes)
            return
        box = mailbox.mbox(str(path), factory=None, create=False)
        try:
            for i, key in enumerate(box.iterkeys()):
                yield f"{shown}#{i}", _read(partial(box.get_bytes, key))
        finally:
            box.close()


def _read(get: Callable[[], bytes]) -> Message | Exception:
    """Read and parse one message; any failure is returned, to become a Skipped."""
    try:
        return parse_message(get())
    except Exception as exc:  # noqa: BLE001 - the stdlib raises many kinds on damaged input
        return exc
